#include "forecast/EvaluationForecast.hpp"

#include <algorithm>
#include <chrono>
#include <memory>

#include "core/Errors.hpp"
#include "engine/ReplicationDriver.hpp"
#include "engine/ThreadArena.hpp"
#include "forecast/ObservedRounds.hpp"

namespace forlob {

std::pair<int, int> evaluation_years(const Scenario& scenario) {
  if (!scenario.extraordinary)
    throw InputError(scenario.file, "/extraordinary",
                     "expected the extraordinary-course trial: the evaluation forecast follows its courses");
  return {scenario.extraordinary->first_year, scenario.calendar.followup_end_year};
}

namespace {

// One thread's fill hook and partial distributions.
struct ForecastObserver final : ReplicationObserver {
  explicit ForecastObserver(const ForecastResult& result) : result_(result), cells(result.layout.cells()) {
    if (result.observed) {
      hook = std::make_unique<ObservedRounds>(*result.observed);
      observed_check = CellDistribution(result.observed->cells.size() * kObservedCheckCells);
    }
  }

  void engines_built(std::size_t /*point*/, std::span<const std::unique_ptr<Replication>> engines,
                     std::span<const std::unique_ptr<Tally>> /*tallies*/) override {
    if (hook) engines.front()->set_fill_override(hook.get());
  }

  void observe(std::size_t /*point*/, std::int64_t /*replication*/,
               std::span<const std::unique_ptr<Tally>> tallies) override {
    result_.layout.extract(*tallies.front(), values);
    cells.add(values);
    if (!hook) return;
    const std::vector<ObservedCell>& observed = result_.observed->cells;
    check.assign(observed.size() * kObservedCheckCells, 0);
    for (std::size_t c = 0; c < observed.size(); ++c) {
      const ObservedRounds::CellOutcome& o = hook->outcomes()[c];
      check[observed_check_cell(c, ObservedCheck::Posted)] = o.posted;
      check[observed_check_cell(c, ObservedCheck::Filled)] = o.filled;
      check[observed_check_cell(c, ObservedCheck::PostedDiffers)] = o.posted != observed[c].posted ? 1 : 0;
    }
    observed_check.add(check);
  }

 private:
  const ForecastResult& result_;

 public:
  std::unique_ptr<ObservedRounds> hook;
  std::vector<std::int32_t> values, check;
  CellDistribution cells, observed_check;
};

}  // namespace

ForecastResult run_forecast(const Scenario& scenario, const ForecastOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  const auto [first, last] = evaluation_years(scenario);
  if (options.through_year < first || options.through_year > last)
    throw InputError(scenario.file, "/extraordinary/years",
                     "expected an evaluation year from the trial's first year " + std::to_string(first) +
                         " to the follow-up horizon " + std::to_string(last) + ", got " +
                         std::to_string(options.through_year));

  ForecastResult result(scenario, options.through_year);
  result.observed = options.observed;
  result.seed = options.seed;
  result.replications = options.replications;
  result.threads = resolved_threads(options.threads);
  DesignPoints point;
  point.fixed = {&scenario};
  std::vector<std::unique_ptr<ForecastObserver>> observers;
  drive_observed<ForecastObserver>(
      point, {options.seed, options.replications, options.threads, options.progress, options.tasks},
      [&] { return std::make_unique<ForecastObserver>(result); }, observers);

  // Integer histograms: merging in any order gives the same result.
  result.cells = CellDistribution(result.layout.cells());
  if (result.observed)
    result.observed_check = CellDistribution(result.observed->cells.size() * kObservedCheckCells);
  for (const std::unique_ptr<ForecastObserver>& w : observers) {
    result.cells.merge(w->cells);
    if (result.observed) result.observed_check.merge(w->observed_check);
  }
  result.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return result;
}

}  // namespace forlob
