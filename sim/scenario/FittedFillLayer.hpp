#pragma once
// `/fill/fitted` names a fitted fill file written by `forlob calibrate`; its cells become
// `/fill/cells` values with "calibrated: ..." sources. They sit under the scenario files (a value a
// scenario states itself wins) and under --set.
#include "scenario/ScenarioDocument.hpp"

namespace forlob {

// Reads the fitted fill file `reference` that `origin` names at /fill/fitted (a scenario file names
// it relative to itself, a "--set ..." relative to the current directory), adds its values where
// the merged document has none, and records it as the lowest layer so that messages about those
// values name it.
void apply_fitted_fill(ScenarioDocument& doc, const std::string& origin, const std::string& reference);

}  // namespace forlob
