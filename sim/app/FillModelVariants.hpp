#pragma once
// `compare --fill-models`: the same comparison under each fill model, and under the applicant
// model across the new-applicant share of extraordinary courses (0 pure crowd-out, 1 a net gain
// for every filled course), so a user sees how much the answer rests on how courses fill.
#include <ostream>
#include <string>
#include <vector>

#include "app/RunFlags.hpp"
#include "output/FillModelsCsv.hpp"

namespace forlob {

// The shares the main job reports (issue 9: 0, 0.5 and 1).
inline const std::vector<double> kReportedNewShares{0, 0.5, 1};

// Runs A and B (files, each with its own --set patches) under the independent model, then under
// the applicant model at each share; the same seed and replications as the main comparison.
std::vector<FillModelRun> run_fill_model_variants(const std::string& file_a,
                                                  const std::vector<std::string>& set_a,
                                                  const std::string& file_b,
                                                  const std::vector<std::string>& set_b,
                                                  const RunFlags& flags, const std::vector<double>& shares);

// B - A of the key headlines, one line per variant.
void print_fill_models_table(std::ostream& out, const std::vector<FillModelRun>& runs);

}  // namespace forlob
