#pragma once
// `forlob run` (one scenario) and `forlob compare` (two, with common random numbers).
#include "app/Command.hpp"

namespace forlob {

Command add_run_command(CLI::App& app);
Command add_compare_command(CLI::App& app);

}  // namespace forlob
