#pragma once
// The report's "Findings": a few sentences generated from the numbers of an output directory, so
// the story a reader takes away is the one the files hold: each scenario's change against the
// first in the trial specialties and over all specialties (and the flows behind it), what the 2029
// evaluation can see, the incomplete tail, and, when a sweep or sensitivity file is there, what the
// result depends on most.
#include <string>
#include <vector>

#include "report/ReportInputs.hpp"

namespace forlob {

// Plain-text sentences, in the order the report shows them (empty without headlines).
std::vector<std::string> findings(const ReportInputs& in);

// "+12.3 [-4, 28]": a mean with one decimal and its 90% interval, for sentences.
std::string signed_with_interval(double mean, double p05, double p95);

}  // namespace forlob
