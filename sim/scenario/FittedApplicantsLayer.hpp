#pragma once
// `/applicants/fitted` names a fitted applicant file written by `forlob calibrate`
// (calibration/fitted/applicants.json); each fitted specialty's level becomes
// /applicants/level/<specialty> with a "calibrated: ..." source. Like /fill/fitted it sits under the
// scenario files (a level a scenario states itself wins) and under --set.
#include "scenario/ScenarioDocument.hpp"

namespace forlob {

// Does nothing without /applicants/fitted. Specialties the scenario does not have are an error
// naming the file and the entry.
void apply_fitted_applicants(ScenarioDocument& doc);

}  // namespace forlob
