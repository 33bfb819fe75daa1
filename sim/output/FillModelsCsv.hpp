#pragma once
// fill_models.csv: the comparison's headlines under each fill model, and under the applicant
// model across the new-applicant share of extraordinary courses, the trial's central unknown.
// Tidy: one row per (variant, headline), the share empty for the independent model.
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "engine/RunResult.hpp"

namespace forlob {

struct FillModelRun {
  std::string fill_model;           // "independent" or "applicants"
  std::optional<double> new_share;  // /applicants/extraordinary_new_share, applicants only
  RunResult result;                 // a paired comparison: scenarios A, B and B - A
};

void write_fill_models_csv(std::ostream& out, const std::vector<FillModelRun>& runs);

}  // namespace forlob
