#pragma once
// `forlob sweep`: one-at-a-time or full-grid sweeps of scenario parameters into sweep.csv.
#include "app/Command.hpp"
#include "app/WorkShare.hpp"

namespace forlob {

Command add_sweep_command(CLI::App& app, const WorkContext& context);

}  // namespace forlob
