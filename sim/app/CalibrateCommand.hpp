#pragma once
// `forlob calibrate`: fits the fill model from the posting records in calibration/data/, writes
// calibration/fitted/fill.json and prints the estimates; fits delay and dropout when trainee
// records exist and otherwise says they stay assumptions.
#include "app/Command.hpp"

namespace forlob {

Command add_calibrate_command(CLI::App& app);

}  // namespace forlob
