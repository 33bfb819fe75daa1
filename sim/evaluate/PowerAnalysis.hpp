#pragma once
// What the 2029 evaluation can conclude, before it is held: for each true new-applicant share (0,
// 0.25, 0.5, 0.75, 1) and the other unknowns from their prior, synthetic reports of the years
// 2026..through (one replication each, keyed apart from the reference table), the inference run on
// each, and how often its 90 % interval rules out the ends. "Excludes 0" means the interval's lower
// end lies above `margin`, "excludes 1" its upper end below 1 - margin: with the default margin
// 0.05, the ends of the prior's own 90 % interval, so an interval excludes an end only when the
// reports have moved it inside the prior's (the posterior probability of a share below 0.05 is under
// 5 %). The share's posterior is continuous on (0, 1), so an end value itself is never inside it.
#include <cstdint>
#include <string>
#include <vector>

#include "evaluate/AbcPosterior.hpp"

namespace forlob {

struct PowerSettings {
  std::vector<double> shares{0, 0.25, 0.5, 0.75, 1};
  std::int64_t evaluations = 200;  // synthetic evaluations per true share
  int through_year = 2028;
  double margin = 0.05;
};

struct PowerRow {
  std::string design;
  double true_share = 0;
  std::int64_t evaluations = 0;
  std::int64_t excludes_zero = 0, excludes_one = 0, covers = 0;
  double mean_width = 0;           // of the 90 % interval of the share
  double mean_posterior_mean = 0;  // of the share
};

struct PowerResult {
  std::vector<PowerRow> rows;     // design-major, then true share
  double simulation_seconds = 0;  // the synthetic reports
  double inference_seconds = 0;   // every inference of every design
};

// `inferences` (one per design) share `table`; the synthetic truths are simulated once and
// evaluated under every design.
PowerResult run_power(const Scenario& scenario, const EvaluationPrior& prior, const RoundReportLayout& layout,
                      const std::vector<const AbcInference*>& inferences, const PowerSettings& settings,
                      std::uint64_t seed, int threads, ProgressSink* progress = nullptr);

}  // namespace forlob
