#include "app/ShardedEvaluation.hpp"

#include <iostream>

#include "app/ProgressBar.hpp"
#include "cluster/PartialState.hpp"
#include "output/CsvFormat.hpp"
#include "output/OutputDirectory.hpp"

namespace forlob {

ShardedEvaluation evaluate_share(const SimulationEvaluator& evaluator,
                                 const std::vector<std::vector<double>>& points,
                                 const SensitivityFlags& flags, const WorkShare& share,
                                 const std::string& command, OutputDirectory* out, bool quiet) {
  const std::size_t tasks = points.size() * static_cast<std::size_t>(flags.run.replications);
  ProgressBar progress(static_cast<std::int64_t>(share.tasks(tasks).size()), !quiet && stderr_is_terminal());
  ShardedEvaluation result;
  result.options = flags.run.run_options(&progress);
  result.options.tasks = share.tasks(tasks);
  Evaluation evaluation = evaluator.evaluate(points, result.options);
  progress.finish();
  result.options.progress = nullptr;
  const ShardHeader header =
      command_header(command, flags.shard_inputs(), flags.run.seed, flags.run.replications, tasks);
  const bool complete = share.finish(
      out, header, [&] { return partial_state(evaluation); },
      [&](const nlohmann::json& part, const std::string& file) { absorb_partial(evaluation, part, file); });
  if (!complete) {
    if (!quiet && out != nullptr)
      std::cout << "Wrote shard " << flags.run.shard << " to " << out->target().string() << "/ in "
                << format_fixed(evaluation.wall_seconds, 1) << " s.\n";
    return result;
  }
  evaluation.summarise();
  result.evaluation = std::move(evaluation);
  return result;
}

}  // namespace forlob
