#pragma once
// headlines.csv: one row per (scenario, headline) with the label people read, the years summed,
// the mean and the quantiles of the per-replication sum. Scenario "<B> - <A>" is the difference.
#include <vector>

#include "report/RunSummary.hpp"
#include "report/TidyCsv.hpp"

namespace forlob {

// Requires scenario,headline,label,first_year,last_year,mean,p05,p25,p50,p75,p95 (sd and mc_se are
// read when present); rows keep the file's order.
std::vector<HeadlineRow> read_headlines_csv(const TidyCsv& csv);

}  // namespace forlob
