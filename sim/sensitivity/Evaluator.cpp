#include "sensitivity/Evaluator.hpp"

#include <tbb/parallel_for.h>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>

#include "core/Errors.hpp"
#include "engine/ReplicationDriver.hpp"
#include "engine/Runner.hpp"
#include "engine/ThreadArena.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "stats/CellDistribution.hpp"

namespace forlob {

namespace {

// Design points whose scenarios are held in memory at once; bounds memory for large designs.
constexpr std::size_t kBlockPoints = 256;

// Writes the requested outputs of every replication into its slot (point, output, replication).
struct OutputObserver final : ReplicationObserver {
  OutputObserver(const std::vector<OutputSpec>& outputs, Evaluation& result)
      : outputs_(outputs), result_(result) {}
  void observe(std::size_t point, std::int64_t replication,
               std::span<const std::unique_ptr<Tally>> tallies) override {
    const std::size_t n_outputs = outputs_.size();
    const auto reps = static_cast<std::size_t>(result_.replications);
    for (std::size_t o = 0; o < n_outputs; ++o) {
      const OutputSpec& spec = outputs_[o];
      std::int32_t v = 0;
      if (spec.side == OutputSide::A)
        v = spec.sum(*tallies[0]);
      else if (spec.side == OutputSide::B)
        v = spec.sum(*tallies[1]);
      else
        v = spec.sum(*tallies[1]) - spec.sum(*tallies[0]);
      result_.values[((point - result_.first_point) * n_outputs + o) * reps +
                     static_cast<std::size_t>(replication)] = v;
    }
  }

 private:
  const std::vector<OutputSpec>& outputs_;
  Evaluation& result_;
};

}  // namespace

std::span<const std::int32_t> Evaluation::replicates(std::size_t point, std::size_t output) const {
  const auto r = static_cast<std::size_t>(replications);
  return {values.data() + ((point - first_point) * outputs.size() + output) * r, r};
}

void Evaluation::summarise() {
  const std::size_t n_outputs = outputs.size();
  summaries.assign(points * n_outputs, OutputSummary{});
  for (std::size_t p = 0; p < distributions.size(); ++p) {
    const CellDistribution& dist = distributions[p];
    if (dist.replications() == 0) continue;  // another shard's point
    for (std::size_t o = 0; o < n_outputs; ++o) {
      const CellSummary c = dist.summary(o);
      summaries[p * n_outputs + o] = {c.mean, c.sd,  c.sd / std::sqrt(static_cast<double>(c.n)),
                                      c.p05,  c.p50, c.p95};
    }
  }
}

std::vector<double> Evaluation::means(std::size_t output) const {
  std::vector<double> out(points);
  for (std::size_t p = 0; p < points; ++p) out[p] = summary(p, output).mean;
  return out;
}

SimulationEvaluator::SimulationEvaluator(const std::vector<ScenarioInput>& scenarios,
                                         const std::vector<ParameterSpec>& parameters,
                                         const std::vector<std::string>& outputs) {
  for (const ScenarioInput& in : scenarios) {
    base_.push_back(load_scenario(in.file, in.set));
    bindings_.emplace_back(in.file, in.set, parameters);
  }
  if (base_.size() == 2) require_pairable(base_[0], base_[1]);
  std::vector<const Scenario*> pointers;
  for (const Scenario& s : base_) pointers.push_back(&s);
  outputs_ = select_outputs(outputs.empty() ? default_outputs(base_.front(), pointers) : outputs,
                            base_.front(), pointers);
  for (const ScenarioParameters& b : bindings_) b.check_bounds();
}

std::vector<double> SimulationEvaluator::base_levels() const {
  std::vector<double> levels;
  for (const BoundParameter& p : parameters()) levels.push_back(p.base_level());
  return levels;
}

Evaluation SimulationEvaluator::evaluate(const std::vector<std::vector<double>>& points,
                                         const RunOptions& options) const {
  const auto started = std::chrono::steady_clock::now();
  Evaluation result;
  result.points = points.size();
  for (const OutputSpec& o : outputs_) result.outputs.push_back(o.name);
  result.replications = options.replications;
  result.threads = resolved_threads(options.threads);
  const std::size_t n_outputs = outputs_.size();
  const auto reps = static_cast<std::size_t>(options.replications);
  // This process's share of the (point, replication) tasks and the points it touches.
  const TaskRange share = options.tasks.within(points.size() * reps);
  result.first_point = reps == 0 ? 0 : share.begin / reps;
  const std::size_t end_point = share.size() == 0 ? result.first_point : (share.end - 1) / reps + 1;
  result.values.assign((end_point - result.first_point) * n_outputs * reps, 0);

  DesignPoints design;
  design.count = points.size();
  design.block = kBlockPoints;
  design.load = [&](std::size_t point) {
    std::vector<Scenario> loaded;
    for (const ScenarioParameters& b : bindings_) loaded.push_back(b.load(points[point]));
    return loaded;
  };
  std::vector<std::unique_ptr<OutputObserver>> observers;
  DriverOptions driver{options.seed, options.replications, options.threads, options.progress,
                       share,        options.fork};
  driver.stock = reads_specialist_stock(outputs_);  // most outputs count trainees, not the stock
  drive_observed<OutputObserver>(
      design, driver, [&] { return std::make_unique<OutputObserver>(outputs_, result); }, observers);
  result.distributions.assign(points.size(), CellDistribution(n_outputs));
  run_in_arena(result.threads, [&] {
    // Exact distributions per point from integer histograms (as yearly.csv's), over the replications
    // of the point that ran here.
    tbb::parallel_for(result.first_point, end_point, [&](std::size_t p) {
      const std::size_t from = std::max(share.begin, p * reps) - p * reps;
      const std::size_t to = std::min(share.end, (p + 1) * reps) - p * reps;
      CellDistribution& dist = result.distributions[p];
      std::vector<std::int32_t> row(n_outputs);
      const std::size_t at = p - result.first_point;
      for (std::size_t rep = from; rep < to; ++rep) {
        for (std::size_t o = 0; o < n_outputs; ++o) row[o] = result.values[(at * n_outputs + o) * reps + rep];
        dist.add(row);
      }
    });
  });
  result.summarise();
  result.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return result;
}

}  // namespace forlob
