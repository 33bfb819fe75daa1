#pragma once
// anchors.csv: extraordinary courses (R11, R12) by anchor hospital or municipality, one tidy row per
// (scenario, year, anchor, specialty, metric). Scenarios without the trial add no rows.
#include <ostream>

#include "engine/RunResult.hpp"

namespace forlob {

inline constexpr const char* kAnchorsCsvHeader =
    "scenario,year,anchor,anchor_type,region,specialty,metric,mean,sd,p05,p50,p95\n";

// Rows ordered by scenario (run order), year, anchor pair (AnchorLayout order), metric.
// Throws std::invalid_argument when a result's layout and distribution disagree.
void write_anchors_csv(std::ostream& out, const RunResult& result);

}  // namespace forlob
