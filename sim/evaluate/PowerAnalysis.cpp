#include "evaluate/PowerAnalysis.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <chrono>

#include "engine/ThreadArena.hpp"

namespace forlob {

PowerResult run_power(const Scenario& scenario, const EvaluationPrior& prior, const RoundReportLayout& layout,
                      const std::vector<const AbcInference*>& inferences, const PowerSettings& settings,
                      std::uint64_t seed, int threads, ProgressSink* progress) {
  using Clock = std::chrono::steady_clock;
  PowerResult result;
  auto started = Clock::now();
  std::vector<ReportJob> jobs;
  const StreamKey key = StreamKey(seed).with(Purpose::EvaluateTruth);
  const auto m = static_cast<std::size_t>(settings.evaluations);
  for (std::size_t t = 0; t < settings.shares.size(); ++t)
    for (std::size_t e = 0; e < m; ++e) {
      const std::size_t j = t * m + e;
      jobs.push_back({prior.draw(key.with(static_cast<std::uint64_t>(j)), settings.shares[t]),
                      kTruthReplications + static_cast<std::int64_t>(j)});
    }
  const SimulatedReports reports = simulate_reports(scenario, prior, layout, seed, jobs, threads, progress);
  result.simulation_seconds = std::chrono::duration<double>(Clock::now() - started).count();

  started = Clock::now();
  for (const AbcInference* inference : inferences) {
    std::vector<QuantitySummary> share(jobs.size());
    run_in_arena(threads, [&] {
      tbb::parallel_for(tbb::blocked_range<std::size_t>(0, jobs.size()),
                        [&](const tbb::blocked_range<std::size_t>& r) {
                          for (std::size_t j = r.begin(); j != r.end(); ++j)
                            share[j] = inference->infer_row(reports.row(j)).summaries[0];
                        });
    });
    for (std::size_t t = 0; t < settings.shares.size(); ++t) {
      PowerRow row;
      row.design = inference->design().name;
      row.true_share = settings.shares[t];
      row.evaluations = settings.evaluations;
      double width = 0, mean = 0;
      for (std::size_t e = 0; e < m; ++e) {
        const QuantitySummary& q = share[t * m + e];
        row.excludes_zero += q.p05 > settings.margin ? 1 : 0;
        row.excludes_one += q.p95 < 1 - settings.margin ? 1 : 0;
        row.covers += q.p05 <= row.true_share && row.true_share <= q.p95 ? 1 : 0;
        width += q.p95 - q.p05;
        mean += q.mean;
      }
      row.mean_width = m > 0 ? width / static_cast<double>(m) : 0;
      row.mean_posterior_mean = m > 0 ? mean / static_cast<double>(m) : 0;
      result.rows.push_back(row);
    }
  }
  result.inference_seconds = std::chrono::duration<double>(Clock::now() - started).count();
  return result;
}

}  // namespace forlob
