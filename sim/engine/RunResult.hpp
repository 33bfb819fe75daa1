#pragma once
// What a run hands to the output writers: per scenario the distribution across replications of
// every yearly cell, anchor cell and headline; for a comparison also the paired B - A differences.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/Layout.hpp"
#include "scenario/Scenario.hpp"
#include "stats/CellDistribution.hpp"

namespace forlob {

struct ScenarioResult {
  const Scenario* scenario = nullptr;
  YearlyLayout yearly_layout;
  CellDistribution yearly;
  AnchorLayout anchor_layout;
  CellDistribution anchors;
  std::vector<Headline> headlines;  // same names and order for every scenario of a run
  CellDistribution headline;        // one cell per entry of `headlines`
};

// B - A, replication by replication, over A's layouts (compare requires equal layouts).
struct DifferenceResult {
  std::string label;  // "<B name> - <A name>"
  CellDistribution yearly;
  CellDistribution headline;
};

// Per-replication headline sums, kept when RunOptions::keep_draws asks: values[i * H + h] is
// headline h of replication i (H headlines), so the order never depends on the threads.
struct HeadlineDraws {
  std::size_t headlines = 0;
  std::vector<std::int32_t> values;
};

struct RunResult {
  std::vector<ScenarioResult> scenarios;       // one for `run`, A then B (then C ...) for `compare`
  std::optional<DifferenceResult> difference;  // B - A when there are exactly two scenarios
  // Every scenario after the first minus the first, replication by replication (two or more).
  std::vector<DifferenceResult> differences;
  std::vector<HeadlineDraws> draws;  // one per scenario, when kept
  std::uint64_t seed = 0;
  std::int64_t replications = 0;
  int threads = 0;
  double wall_seconds = 0;
  std::uint64_t keyed_draws = 0;  // keyed random numbers the replications drew (all scenarios)
  // Thread-seconds in the engines and in the reduction (DriverStats), for the benchmark.
  double simulate_seconds = 0, reduce_seconds = 0;
};

}  // namespace forlob
