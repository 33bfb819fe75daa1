#pragma once
// Runs a scenario, or a pair A, B, at many design points with R replications each, and keeps only
// the requested outputs of every replication. One flattened parallel loop over
// (design point x replication); each thread keeps its own engines; every result goes into a slot
// by index, so results are byte-identical at any thread count. Replication i is keyed the same at
// every design point and in A and B, so points and scenarios are compared with common random
// numbers.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "engine/Runner.hpp"
#include "sensitivity/OutputSelection.hpp"
#include "sensitivity/ScenarioParameters.hpp"
#include "stats/CellDistribution.hpp"

namespace forlob {

struct ScenarioInput {
  std::string file;
  std::vector<std::string> set;  // --set patches, applied before the parameters
};

// One output at one design point, across its replications.
struct OutputSummary {
  double mean = 0;
  double sd = 0;                     // across replications (n - 1 divisor)
  double mc_se = 0;                  // Monte Carlo standard error of the mean: sd / sqrt(replications)
  double p05 = 0, p50 = 0, p95 = 0;  // type 7 quantiles across replications
};

struct Evaluation {
  std::size_t points = 0;
  std::vector<std::string> outputs;
  std::int64_t replications = 0;
  // The replications run here (RunOptions::tasks; every one unless sharded), from point first_point
  // on: [((point - first_point) * outputs + output) * replications + replication].
  std::size_t first_point = 0;
  std::vector<std::int32_t> values;
  // Per point, its outputs' exact distribution across the replications run here: the partial state
  // a shard hands on, since the summaries are all that is reported.
  std::vector<CellDistribution> distributions;
  std::vector<OutputSummary> summaries;  // [point * outputs + output]
  int threads = 0;
  double wall_seconds = 0;

  // The summaries from the distributions (after a merge of shards' distributions).
  void summarise();

  const OutputSummary& summary(std::size_t point, std::size_t output) const {
    return summaries[point * outputs.size() + output];
  }
  std::span<const std::int32_t> replicates(std::size_t point, std::size_t output) const;
  std::vector<double> means(std::size_t output) const;  // one per point
};

class SimulationEvaluator {
 public:
  // Binds the parameters to every scenario, resolves the outputs (empty: default_outputs) and
  // checks every parameter at its bounds. Throws InputError for any bad input.
  SimulationEvaluator(const std::vector<ScenarioInput>& scenarios,
                      const std::vector<ParameterSpec>& parameters, const std::vector<std::string>& outputs);

  // Scenario A's binding (B's differs only in its base values).
  const std::vector<BoundParameter>& parameters() const { return bindings_.front().parameters(); }
  const std::vector<ScenarioParameters>& bindings() const { return bindings_; }
  const std::vector<Scenario>& base_scenarios() const { return base_; }
  const std::vector<OutputSpec>& outputs() const { return outputs_; }
  // The levels that leave scenario A as it is.
  std::vector<double> base_levels() const;

  // points[p][i] is the level of parameter i at point p (NaN: the scenario's own value).
  Evaluation evaluate(const std::vector<std::vector<double>>& points, const RunOptions& options) const;

 private:
  std::vector<ScenarioParameters> bindings_;
  std::vector<Scenario> base_;
  std::vector<OutputSpec> outputs_;
};

}  // namespace forlob
