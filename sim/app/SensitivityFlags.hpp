#pragma once
// Options shared by `forlob sweep` and `forlob sensitivity`: the run flags (with 100 replications
// per design point by default), --compare, --param, --params and --output.
#include <filesystem>
#include <string>
#include <vector>

#include "app/RunFlags.hpp"
#include "app/WorkShare.hpp"
#include "sensitivity/Evaluator.hpp"

namespace CLI {
class App;
}

namespace forlob {

struct SensitivityFlags {
  RunFlags run;
  std::string scenario, compare;
  std::vector<std::string> params;
  std::string params_file;
  std::vector<std::string> outputs;

  // The scenarios with their --set patches: A, and B when comparing.
  std::vector<ScenarioInput> inputs() const;
  // --out, or output/<A>[_vs_<B>]_<suffix>.
  std::filesystem::path out_path(const SimulationEvaluator& evaluator, const std::string& suffix) const;
  // The files the results depend on, for a shard's header: the scenarios' and --params.
  std::vector<ShardInput> shard_inputs() const;
};

void add_sensitivity_flags(CLI::App& cmd, SensitivityFlags& flags);

}  // namespace forlob
