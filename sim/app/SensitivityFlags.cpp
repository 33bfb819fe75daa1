#include "app/SensitivityFlags.hpp"

#include <CLI/CLI.hpp>

#include "scenario/ScenarioRecord.hpp"

namespace forlob {

std::vector<ScenarioInput> SensitivityFlags::inputs() const {
  std::vector<ScenarioInput> in{{scenario, run.set}};
  if (!compare.empty()) in.push_back({compare, run.set});
  return in;
}

std::filesystem::path SensitivityFlags::out_path(const SimulationEvaluator& evaluator,
                                                 const std::string& suffix) const {
  const std::vector<Scenario>& s = evaluator.base_scenarios();
  const std::string name = s.size() == 2 ? s[0].name + "_vs_" + s[1].name : s[0].name;
  return run.out_dir(name + "_" + suffix);
}

std::vector<ShardInput> SensitivityFlags::shard_inputs() const {
  std::vector<ScenarioRecord> records;
  for (const ScenarioInput& in : inputs()) records.push_back(record_scenario(in.file, in.set));
  std::vector<ShardInput> out = scenario_inputs(records);
  if (!params_file.empty()) out.push_back(file_input(params_file));
  return out;
}

void add_sensitivity_flags(CLI::App& cmd, SensitivityFlags& f) {
  cmd.add_option("SCENARIO", f.scenario, "Scenario JSON file (A)")->required();
  cmd.add_option("--compare", f.compare,
                 "Scenario B, run with common random numbers; outputs a:, b: and diff: (B - A)");
  cmd.add_option("--param", f.params,
                 "Parameter and bounds (repeatable): /json/pointer=LOW:HIGH, or a fill-rate group "
                 "fill.overall, fill.specialty.<id>, fill.region.<Nord|Syd|Øst>, "
                 "fill.kind.<ordinary|reposting|carried_over|flex|extraordinary> =LOW:HIGH as a factor "
                 "on the scenario's value")
      ->type_name("NAME=LOW:HIGH");
  cmd.add_option("--params", f.params_file,
                 "JSON file {\"parameters\": [{\"name\": ..., \"lower\": ..., \"upper\": ...}]}")
      ->type_name("FILE");
  cmd.add_option("--output", f.outputs,
                 "Headline to report (repeatable), e.g. completed_trial_specialties_2026_2036; with "
                 "--compare prefix a:, b: or diff:. Default: new specialists in the trial specialties "
                 "from the trial's first year to the end of follow-up")
      ->type_name("NAME");
  f.run.replications = 100;  // per design point
  add_run_flags(cmd, f.run);
  add_shard_flag(cmd, f.run);
  cmd.get_option("--replications")->description("Monte Carlo replications per design point");
}

}  // namespace forlob
