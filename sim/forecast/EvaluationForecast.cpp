#include "forecast/EvaluationForecast.hpp"

#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <algorithm>
#include <chrono>
#include <memory>

#include "core/Errors.hpp"
#include "engine/Replication.hpp"
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

// One thread's engine, hook and partial distributions.
struct ForecastWorker {
  ForecastWorker(const Scenario& scenario, const ForecastResult& result)
      : replication(std::make_unique<Replication>(scenario)),
        tally(scenario.calendar.warmup_start_year, scenario.year_count(), scenario.specialty_count(),
              replication->anchor_layout().pairs.size()),
        cells(result.layout.cells()) {
    if (result.observed) {
      hook = std::make_unique<ObservedRounds>(*result.observed);
      replication->set_fill_override(hook.get());
      observed_check = CellDistribution(result.observed->cells.size() * kObservedCheckCells);
    }
  }

  void run(std::int64_t i, std::uint64_t seed, const ForecastResult& result) {
    replication->run(seed, i, tally);
    result.layout.extract(tally, values);
    cells.add(values);
    if (!hook) return;
    const std::vector<ObservedCell>& observed = result.observed->cells;
    check.assign(observed.size() * kObservedCheckCells, 0);
    for (std::size_t c = 0; c < observed.size(); ++c) {
      const ObservedRounds::CellOutcome& o = hook->outcomes()[c];
      check[observed_check_cell(c, ObservedCheck::Posted)] = o.posted;
      check[observed_check_cell(c, ObservedCheck::Filled)] = o.filled;
      check[observed_check_cell(c, ObservedCheck::PostedDiffers)] = o.posted != observed[c].posted ? 1 : 0;
    }
    observed_check.add(check);
  }

  std::unique_ptr<Replication> replication;  // held by pointer: it stays put when the worker moves
  Tally tally;
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
  tbb::enumerable_thread_specific<ForecastWorker> workers([&] { return ForecastWorker(scenario, result); });

  run_in_arena(result.threads, [&] {
    tbb::parallel_for(tbb::blocked_range<std::int64_t>(0, options.replications, 16),
                      [&](const tbb::blocked_range<std::int64_t>& range) {
                        ForecastWorker& w = workers.local();
                        for (std::int64_t i = range.begin(); i != range.end(); ++i) {
                          w.run(i, options.seed, result);
                          if (options.progress) options.progress->advance();
                        }
                      });
  });

  // Integer histograms: merging in any order gives the same result.
  result.cells = CellDistribution(result.layout.cells());
  if (result.observed)
    result.observed_check = CellDistribution(result.observed->cells.size() * kObservedCheckCells);
  for (ForecastWorker& w : workers) {
    result.cells.merge(w.cells);
    if (result.observed) result.observed_check.merge(w.observed_check);
  }
  result.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return result;
}

}  // namespace forlob
