#include "evaluate/ReferenceTable.hpp"

#include <chrono>
#include <memory>

#include "engine/ReplicationDriver.hpp"

namespace forlob {

namespace {

// Records each draw's round reports into its row of the table.
struct ReportObserver final : ReplicationObserver {
  ReportObserver(const RoundReportLayout& layout, SimulatedReports& out)
      : recorder(std::make_unique<RoundRecorder>(layout)), out_(out) {}
  void engines_built(std::size_t /*point*/, std::span<const std::unique_ptr<Replication>> engines,
                     std::span<const std::unique_ptr<Tally>> tallies) override {
    recorder->watch(tallies.front().get());
    engines.front()->set_fill_override(recorder.get());
  }
  void observe(std::size_t point, std::int64_t /*replication*/,
               std::span<const std::unique_ptr<Tally>> /*tallies*/) override {
    recorder->finish(out_.cells.data() + point * out_.columns);
  }
  std::unique_ptr<RoundRecorder> recorder;

 private:
  SimulatedReports& out_;
};

}  // namespace

SimulatedReports simulate_reports(const Scenario& scenario, const EvaluationPrior& prior,
                                  const RoundReportLayout& layout, std::uint64_t seed,
                                  const std::vector<ReportJob>& jobs, int threads, ProgressSink* progress) {
  SimulatedReports out;
  out.columns = layout.cells();
  out.cells.assign(out.columns * jobs.size(), 0);
  // One design point per draw, one replication each, keyed as the job says. The driver builds a
  // fresh engine per point: nothing it derives from the scenario survives from the last draw.
  DesignPoints design;
  design.count = jobs.size();
  design.load = [&](std::size_t i) {
    std::vector<Scenario> patched{scenario};
    prior.apply(jobs[i].draw, patched.front());
    return patched;
  };
  design.first_replication = [&](std::size_t i) { return jobs[i].replication; };
  std::vector<std::unique_ptr<ReportObserver>> observers;
  drive_observed<ReportObserver>(
      design, {seed, 1, threads, progress, {}}, [&] { return std::make_unique<ReportObserver>(layout, out); },
      observers);
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
