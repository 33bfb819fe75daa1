#pragma once
// The replication loop: replications run in parallel with oneTBB, each keyed on its index, and are
// reduced into exact integer histograms, so results do not depend on the thread count.
#include <cstdint>
#include <vector>

#include "engine/RunResult.hpp"
#include "engine/TaskRange.hpp"
#include "scenario/Scenario.hpp"

namespace forlob {

// Told after every replication, from whichever thread ran it.
class ProgressSink {
 public:
  virtual ~ProgressSink() = default;
  virtual void advance() = 0;
};

struct RunOptions {
  std::uint64_t seed = 20260113;  // the date of the trial's framework (seed 001)
  std::int64_t replications = 2000;
  int threads = 0;  // 0: all hardware threads
  ProgressSink* progress = nullptr;
  bool keep_draws = false;  // keep every replication's headline sums (RunResult::draws)
  TaskRange tasks;          // the replications to run here (a shard's share); the rest stay empty
  bool fork = true;         // DriverOptions::fork
};

// Runs every scenario for the same replications and seed. Replication i of each uses the same keyed
// draws; with two or more scenarios each one's difference from the first is recorded replication by
// replication (RunResult::differences; with exactly two also RunResult::difference).
// Throws InputError when two scenarios cannot be paired (different specialties or years).
RunResult run_scenarios(const std::vector<const Scenario*>& scenarios, const RunOptions& options);

// The years the headlines single out: the trial's years when any scenario has the trial, else
// 2026 (or the last hiring year, if earlier) to the last hiring year.
std::pair<int, int> trial_window(const std::vector<const Scenario*>& scenarios);

// The named sums reported in summary.json and the console table.
std::vector<Headline> make_headlines(const Scenario& scenario, const YearlyLayout& layout,
                                     std::pair<int, int> window);

YearlyLayout yearly_layout(const Scenario& scenario);

// Two scenarios can be compared replication by replication only with the same specialties (in the
// same order) and years; throws InputError naming b otherwise.
void require_pairable(const Scenario& a, const Scenario& b);

}  // namespace forlob
