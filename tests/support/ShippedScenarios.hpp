#pragma once
// Paths of the scenarios shipped in scenarios/, for tests that run the real model.
#include <string>

namespace forlob::testing {

inline std::string shipped_scenario_path(const std::string& file) {
  return std::string(FORLOB_SOURCE_DIR) + "/scenarios/" + file;
}

inline const std::string kFlexScenario = shipped_scenario_path("flex_scheme.json");
inline const std::string kTrialScenario = shipped_scenario_path("extraordinary_trial.json");

}  // namespace forlob::testing
