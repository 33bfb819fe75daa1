#pragma once
// `forlob run` (one scenario) and `forlob compare` (two, with common random numbers).
#include "app/Command.hpp"
#include "app/WorkShare.hpp"

namespace forlob {

// `context`: the MPI world and a merge in progress (see WorkShare).
Command add_run_command(CLI::App& app, const WorkContext& context);
Command add_compare_command(CLI::App& app, const WorkContext& context);

}  // namespace forlob
