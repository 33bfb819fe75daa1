#pragma once
// Course flows per year for one policy, all regions and specialties: what was posted, filled and
// left unfilled (top panel), and what became of unfilled courses: re-posted (genopslag, R5),
// carried over to spring (R4), converted by the flex scheme (R1-R3) or handed over to another
// region (R10) (bottom panel, on its own scale because these are tens, not thousands).
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "report/Chart.hpp"
#include "report/YearlyTable.hpp"

namespace forlob {

struct FlowMetric {
  const char* metric;  // column value in yearly.csv
  const char* label;   // legend text
  bool fate;           // drawn in the bottom panel
};

inline constexpr FlowMetric kFlowMetrics[] = {{"posted", "posted", false},
                                              {"filled", "filled", false},
                                              {"unfilled", "unfilled", false},
                                              {"reposted", "re-posted", true},
                                              {"carried_over", "carried over", true},
                                              {"flex_out", "converted (flex)", true},
                                              {"handed_over_out", "handed over", true},
                                              {"lapsed", "lapsed (given up)", true}};
inline constexpr std::size_t kFlowMetricCount = sizeof(kFlowMetrics) / sizeof(kFlowMetrics[0]);

struct FlowsData {
  std::vector<int> years;
  std::vector<std::vector<double>> means;  // [kFlowMetrics index][year index]; NaN where absent
};

// Means across replications, region all, specialty all, years [from, to].
FlowsData flows_data(const YearlyTable& table, const std::string& scenario, int from, int to);

// `post_trial_years` (first, last), when given, are tinted in both panels as the fan charts tint
// them: hiring under the post-trial rule, not under either policy.
Chart flows_chart(Chart chart, const FlowsData& data,
                  std::optional<std::pair<int, int>> post_trial_years = std::nullopt);

}  // namespace forlob
