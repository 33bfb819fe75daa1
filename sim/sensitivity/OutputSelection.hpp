#pragma once
// The outputs a sweep or a sensitivity analysis reports: headline sums of the runner
// (make_headlines), for scenario A, for B (prefix "b:") or for B - A ("diff:"). Each is summed
// straight from a replication's Tally, without expanding the yearly table, so a design point
// costs little more than its replications.
#include <cstdint>
#include <string>
#include <vector>

#include "core/Region.hpp"
#include "model/Layout.hpp"
#include "model/Metric.hpp"
#include "model/Tally.hpp"
#include "scenario/Scenario.hpp"

namespace forlob {

enum class OutputSide { A, B, Difference };

// One compact Tally count: a year, a region, a specialty, a metric.
struct TallyTerm {
  int year = 0;
  Region region = Region::Nord;
  int specialty = 0;
  Metric metric = Metric::Posted;
};

struct OutputSpec {
  std::string name;  // as written in the files: the headline, or "a:", "b:", "diff:" + headline
  OutputSide side = OutputSide::A;
  std::string headline;
  std::vector<TallyTerm> terms;  // the headline's cells in the compact layout

  // The headline summed over one replication's tally.
  std::int32_t sum(const Tally& tally) const;
};

// Resolves output names against the headlines of `scenario` (scenario A). With `paired`, names
// may carry "a:", "b:" or "diff:" and are written with a prefix; without, only plain headline names
// (or "a:") are accepted. Throws InputError("--output NAME", ...) for an unknown name.
std::vector<OutputSpec> select_outputs(const std::vector<std::string>& names, const Scenario& scenario,
                                       const std::vector<const Scenario*>& scenarios);

// Whether any of the outputs sums a count of the specialist stock (specialists, retired, exited).
bool reads_specialist_stock(const std::vector<OutputSpec>& outputs);

// New specialists in the trial specialties from the trial's first year to the end of follow-up:
// for one scenario that headline; for a pair its A, B and B - A values.
std::vector<std::string> default_outputs(const Scenario& scenario,
                                         const std::vector<const Scenario*>& scenarios);

}  // namespace forlob
