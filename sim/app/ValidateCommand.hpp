#pragma once
// `forlob validate`: checks a scenario and says what is wrong, or what it holds.
#include "app/Command.hpp"

namespace forlob {

Command add_validate_command(CLI::App& app);

}  // namespace forlob
