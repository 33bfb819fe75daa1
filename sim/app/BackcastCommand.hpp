#pragma once
// `forlob backcast`: simulate the flex years (and the warm-up years with published fill figures)
// and set the result beside every published figure for those years.
#include "app/Command.hpp"

namespace forlob {

Command add_backcast_command(CLI::App& app);

}  // namespace forlob
