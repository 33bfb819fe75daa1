#pragma once
// `forlob params`: every number a scenario uses, with its tier (published, derived, calibrated,
// assumption, override) and source.
#include "app/Command.hpp"

namespace forlob {

Command add_params_command(CLI::App& app);

}  // namespace forlob
