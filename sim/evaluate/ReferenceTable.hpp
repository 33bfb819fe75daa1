#pragma once
// The reference table of approximate Bayesian computation: draws of the unknowns from their prior,
// each with the round reports one replication of the trial scenario gives under it. Draw i is keyed
// on (seed, EvaluatePrior, i) and simulated as replication i of the seed, so the table is the same
// at any thread count. One table serves every inference on the same scenario and seed (forlob
// evaluate --observed, and each synthetic evaluation of --power): the simulations are amortised.
#include <cstdint>
#include <vector>

#include "engine/Runner.hpp"
#include "evaluate/EvaluationPrior.hpp"
#include "evaluate/RoundReports.hpp"

namespace forlob {

// One simulation to run: the unknowns and the replication index that keys its draws.
struct ReportJob {
  UnknownsDraw draw;
  std::int64_t replication = 0;
};

// Rows in job order; row i holds layout.cells() counts.
struct SimulatedReports {
  std::size_t columns = 0;
  std::vector<std::int32_t> cells;
  const std::int32_t* row(std::size_t i) const { return cells.data() + i * columns; }
  std::size_t rows() const { return columns == 0 ? 0 : cells.size() / columns; }
};

// Simulates every job on `threads` threads (0: all); the result does not depend on the thread count.
SimulatedReports simulate_reports(const Scenario& scenario, const EvaluationPrior& prior,
                                  const RoundReportLayout& layout, std::uint64_t seed,
                                  const std::vector<ReportJob>& jobs, int threads,
                                  ProgressSink* progress = nullptr);

struct ReferenceTable {
  std::vector<UnknownsDraw> draws;
  std::vector<std::vector<double>> values;  // [i] the unknowns of draw i (EvaluationPrior::names order)
  SimulatedReports reports;
  double wall_seconds = 0;
};

ReferenceTable build_reference_table(const Scenario& scenario, const EvaluationPrior& prior,
                                     const RoundReportLayout& layout, std::uint64_t seed, std::int64_t draws,
                                     int threads, ProgressSink* progress = nullptr);

// Replication indices of the synthetic truths and the posterior predictive start here, far from the
// reference table's, so that no truth is simulated with a table row's own numbers.
inline constexpr std::int64_t kTruthReplications = std::int64_t{1} << 40;
inline constexpr std::int64_t kPredictiveReplications = std::int64_t{2} << 40;

}  // namespace forlob
