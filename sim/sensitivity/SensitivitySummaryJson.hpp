#pragma once
// summary.json of `forlob sweep` and `forlob sensitivity`: version, command, scenarios (file, --set),
// parameters (label, pointer, factor or value, bounds, each scenario's base value), outputs, seed,
// replications per point, design, threads, wall time and files.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "sensitivity/Evaluator.hpp"

namespace forlob {

nlohmann::json sensitivity_summary_json(const std::string& command, const SimulationEvaluator& evaluator,
                                        const RunOptions& options, const Evaluation& evaluation,
                                        nlohmann::json design, const std::vector<std::string>& files);

}  // namespace forlob
