#include "sensitivity/SensitivitySummaryJson.hpp"

#ifndef FORLOB_VERSION
#error "FORLOB_VERSION must be defined by the build (the project version)"
#endif

namespace forlob {

using Json = nlohmann::json;

Json sensitivity_summary_json(const std::string& command, const SimulationEvaluator& evaluator,
                              const RunOptions& options, const Evaluation& evaluation, Json design,
                              const std::vector<std::string>& files) {
  Json j;
  j["forlob_version"] = FORLOB_VERSION;
  j["command"] = command;
  Json scenarios = Json::array();
  for (std::size_t k = 0; k < evaluator.base_scenarios().size(); ++k) {
    const Scenario& s = evaluator.base_scenarios()[k];
    scenarios.push_back({{"role", k == 0 ? "A" : "B"},
                         {"name", s.name},
                         {"file", evaluator.bindings()[k].file()},
                         {"set", evaluator.bindings()[k].set()}});
  }
  j["scenarios"] = std::move(scenarios);
  Json parameters = Json::array();
  for (std::size_t i = 0; i < evaluator.parameters().size(); ++i) {
    const BoundParameter& p = evaluator.parameters()[i];
    Json base = Json::object();
    for (std::size_t k = 0; k < evaluator.bindings().size(); ++k)
      base[evaluator.base_scenarios()[k].name] = evaluator.bindings()[k].parameters()[i].base;
    parameters.push_back({{"label", p.spec.label},
                          {"pointer", p.pointer},
                          {"scale", p.factor ? "factor on the scenario's value" : "value"},
                          {"lower", p.spec.lower},
                          {"upper", p.spec.upper},
                          {"scenario_value", std::move(base)}});
  }
  j["parameters"] = std::move(parameters);
  j["outputs"] = evaluation.outputs;
  j["seed"] = options.seed;
  j["replications_per_point"] = evaluation.replications;
  j["points"] = evaluation.points;
  j["design"] = std::move(design);
  j["common_random_numbers"] =
      "replication i is keyed identically at every design point and in both scenarios";
  j["threads"] = evaluation.threads;
  j["wall_seconds"] = evaluation.wall_seconds;
  j["files"] = files;
  return j;
}

}  // namespace forlob
