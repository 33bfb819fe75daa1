#pragma once
// `forlob sensitivity`: Morris elementary effects or Sobol indices of scenario parameters.
#include "app/Command.hpp"
#include "app/WorkShare.hpp"

namespace forlob {

Command add_sensitivity_command(CLI::App& app, const WorkContext& context);

}  // namespace forlob
