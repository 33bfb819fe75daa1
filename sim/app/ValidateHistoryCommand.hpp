#pragma once
// `forlob validate-history`: out-of-sample forecasts of a published fill series (almen medicin
// 2017-2019 from 2011-2016, and a rolling origin) against a naive forecast.
#include "app/Command.hpp"

namespace forlob {

Command add_validate_history_command(CLI::App& app);

}  // namespace forlob
