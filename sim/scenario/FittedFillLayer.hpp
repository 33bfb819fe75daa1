#pragma once
// `/fill/fitted` names a fitted fill file written by `forlob calibrate`; its cells become
// `/fill/cells` values with "calibrated: ..." sources. They sit under the scenario files (a value a
// scenario states itself wins) and under --set.
#include "scenario/ScenarioDocument.hpp"

namespace forlob {

// Reads the file that `doc.merged` names at /fill/fitted (relative to the scenario file that names
// it), adds its values where the merged document has none, and records it as the lowest layer so
// that messages about those values name it. Does nothing without /fill/fitted.
void apply_fitted_fill(ScenarioDocument& doc);

}  // namespace forlob
