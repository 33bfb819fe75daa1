#pragma once
// `forlob forecast`: what the 2029 evaluation of the extraordinary-course trial (R14) should expect.
#include "app/Command.hpp"
#include "app/WorkShare.hpp"

namespace forlob {

Command add_forecast_command(CLI::App& app, const WorkContext& context);

}  // namespace forlob
