#include "evaluate/ReferenceTable.hpp"

#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <chrono>
#include <memory>

#include "engine/Replication.hpp"
#include "engine/ThreadArena.hpp"

namespace forlob {

namespace {

// One thread's copy of the scenario (patched per draw), its tally and recorder.
struct ReportWorker {
  ReportWorker(const Scenario& scenario, const RoundReportLayout& layout)
      : copy(std::make_unique<Scenario>(scenario)),
        tally(scenario.calendar.warmup_start_year, scenario.year_count(), scenario.specialty_count(),
              Replication(scenario).anchor_layout().pairs.size()),
        recorder(std::make_unique<RoundRecorder>(layout)) {
    recorder->watch(&tally);
  }

  void run(const EvaluationPrior& prior, const ReportJob& job, std::uint64_t seed, std::int32_t* out) {
    prior.apply(job.draw, *copy);
    // A fresh engine per draw: nothing it derives from the scenario survives from the last draw.
    Replication replication(*copy);
    replication.set_fill_override(recorder.get());
    replication.run(seed, job.replication, tally);
    recorder->finish(out);
  }

  std::unique_ptr<Scenario> copy;  // by pointer: the engine refers to it while the worker moves
  Tally tally;
  std::unique_ptr<RoundRecorder> recorder;
};

}  // namespace

SimulatedReports simulate_reports(const Scenario& scenario, const EvaluationPrior& prior,
                                  const RoundReportLayout& layout, std::uint64_t seed,
                                  const std::vector<ReportJob>& jobs, int threads, ProgressSink* progress) {
  SimulatedReports out;
  out.columns = layout.cells();
  out.cells.assign(out.columns * jobs.size(), 0);
  tbb::enumerable_thread_specific<std::unique_ptr<ReportWorker>> workers(
      [&] { return std::make_unique<ReportWorker>(scenario, layout); });
  run_in_arena(threads, [&] {
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, jobs.size(), 8),
                      [&](const tbb::blocked_range<std::size_t>& range) {
                        ReportWorker& w = *workers.local();
                        for (std::size_t i = range.begin(); i != range.end(); ++i) {
                          w.run(prior, jobs[i], seed, out.cells.data() + i * out.columns);
                          if (progress) progress->advance();
                        }
                      });
  });
  return out;
}

ReferenceTable build_reference_table(const Scenario& scenario, const EvaluationPrior& prior,
                                     const RoundReportLayout& layout, std::uint64_t seed, std::int64_t draws,
                                     int threads, ProgressSink* progress) {
  const auto started = std::chrono::steady_clock::now();
  ReferenceTable table;
  std::vector<ReportJob> jobs;
  const StreamKey key = StreamKey(seed).with(Purpose::EvaluatePrior);
  for (std::int64_t i = 0; i < draws; ++i) {
    jobs.push_back({prior.draw(key.with(static_cast<std::uint64_t>(i))), i});
    table.draws.push_back(jobs.back().draw);
    table.values.push_back(prior.values(jobs.back().draw));
  }
  table.reports = simulate_reports(scenario, prior, layout, seed, jobs, threads, progress);
  table.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return table;
}

}  // namespace forlob
