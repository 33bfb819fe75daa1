#pragma once
// `forlob sweep` and `forlob sensitivity`: this process's share of a design's (point x replication)
// tasks, evaluated and handed on as WorkShare says (a shard writes its partial state, an MPI rank
// sends it to rank 0, a merge takes the shards').
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app/SensitivityFlags.hpp"
#include "app/WorkShare.hpp"
#include "engine/Runner.hpp"

namespace forlob {

class OutputDirectory;

struct ShardedEvaluation {
  RunOptions options;                    // as the evaluation ran (for summary.json)
  std::optional<Evaluation> evaluation;  // complete and summarised; none when this process is done
};

// `out`: the staged output (null on MPI ranks other than 0); `command` names the run in a shard's header.
ShardedEvaluation evaluate_share(const SimulationEvaluator& evaluator,
                                 const std::vector<std::vector<double>>& points,
                                 const SensitivityFlags& flags, const WorkShare& share,
                                 const std::string& command, OutputDirectory* out, bool quiet);

}  // namespace forlob
