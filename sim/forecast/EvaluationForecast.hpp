#pragma once
// The 2029 evaluation forecast (R14): replications of a trial scenario, optionally with the rounds
// already held fixed to observed figures, reduced to the distribution of every evaluation cell.
// Replications run in parallel (oneTBB) and are reduced into exact integer histograms, so the
// result does not depend on the thread count.
#include <cstdint>
#include <optional>

#include "engine/Runner.hpp"
#include "forecast/EvaluationLayout.hpp"
#include "forecast/ObservedFigures.hpp"
#include "stats/CellDistribution.hpp"

namespace forlob {

struct ForecastOptions {
  std::uint64_t seed = 20260113;
  std::int64_t replications = 1000;
  int threads = 0;  // 0: all hardware threads
  int through_year = 2029;
  const ObservedFigures* observed = nullptr;  // not owned; null: every round is simulated
  ProgressSink* progress = nullptr;
  TaskRange tasks;  // the replications to run here (a shard's share); the rest stay empty
};

struct ForecastResult {
  ForecastResult(const Scenario& s, int through_year) : scenario(&s), layout(s, through_year) {}
  const Scenario* scenario = nullptr;
  EvaluationLayout layout;
  CellDistribution cells;  // one cell per layout cell
  // With observed figures, three cells per observed row (ObservedFigures::cells order): courses
  // the simulation posted in the cell, fills it gave, and 1 when the posted count differs from the
  // observed one (so its mean is the share of replications that differ).
  const ObservedFigures* observed = nullptr;
  CellDistribution observed_check;
  std::uint64_t seed = 0;
  std::int64_t replications = 0;
  int threads = 0;
  double wall_seconds = 0;
};

inline constexpr std::size_t kObservedCheckCells = 3;
enum class ObservedCheck : std::size_t { Posted = 0, Filled = 1, PostedDiffers = 2 };
inline std::size_t observed_check_cell(std::size_t row, ObservedCheck what) {
  return row * kObservedCheckCells + static_cast<std::size_t>(what);
}

// Throws InputError when the scenario has no extraordinary trial or the evaluation year is outside
// the trial's first year .. the follow-up horizon.
ForecastResult run_forecast(const Scenario& scenario, const ForecastOptions& options);

// The evaluation years a scenario allows: its trial's first year through its follow-up horizon.
// Throws InputError (naming the scenario) when it has no trial.
std::pair<int, int> evaluation_years(const Scenario& scenario);

}  // namespace forlob
