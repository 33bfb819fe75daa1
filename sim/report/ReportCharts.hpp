#pragma once
// Which charts a report holds, with their titles and captions, from what the directory has:
// fan charts of new specialists by policy (the four trial specialties together and each one),
// the B - A difference with its bands, course flows per policy, a tornado chart per output of a
// one-at-a-time sweep, Sobol and Morris charts per output of a sensitivity analysis, and the
// evaluation forecast.
#include <string>
#include <vector>

#include "report/Chart.hpp"
#include "report/ReportInputs.hpp"

namespace forlob {

std::vector<Chart> report_charts(const ReportInputs& inputs);

// "Source: forlob 0.1.0 compare of flex_scheme (A) and extraordinary_trial (B), 40 replications,
// seed 20260113."
std::string source_note(const ReportInputs& inputs);

// What the line and the bands of a fan chart are.
std::string band_note(bool quartiles);

// Legend names: "flex scheme", and for the difference "extraordinary trial − flex scheme".
std::string display_name(const ReportInputs& inputs, const std::string& scenario);

}  // namespace forlob
