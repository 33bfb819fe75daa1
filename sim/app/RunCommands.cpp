#include "app/RunCommands.hpp"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>

#include "app/OptionChecks.hpp"
#include "app/ProgressBar.hpp"
#include "app/RunFlags.hpp"
#include "engine/Runner.hpp"
#include "output/ConsoleTable.hpp"
#include "output/CsvFormat.hpp"
#include "output/OutputDirectory.hpp"
#include "output/RunFiles.hpp"
#include "scenario/JsonReader.hpp"
#include "scenario/ScenarioLoader.hpp"

namespace forlob {

namespace {

// New specialists in the trial specialties, year by year through the trial and as its cohorts
// complete, then the rest of the headlines.
void print_summary_table(std::ostream& out, const RunResult& result) {
  const ScenarioResult& first = result.scenarios.front();
  std::vector<const Scenario*> scenarios;
  for (const ScenarioResult& sr : result.scenarios) scenarios.push_back(sr.scenario);
  const int from = trial_window(scenarios).first;
  std::vector<ConsoleRow> rows;
  for (std::size_t h = 0; h < first.headlines.size(); ++h) {
    const Headline& headline = first.headlines[h];
    if (!headline.spans_years() && headline.first_year < from)
      continue;  // years before the trial are the same under both policies
    rows.push_back({headline_label(headline.name, *first.scenario), h});
  }
  out << "\nNew specialists (completed main courses), all regions; mean over " << result.replications
      << " replications, 90% interval = 5th-95th percentile across replications.\n";
  if (result.difference)
    print_compare_table(out, result.scenarios[0], result.scenarios[1], *result.difference, rows);
  else
    print_run_table(out, first, rows);
}

// Runs, then writes every file into a staging directory that replaces `out` only when complete.
int execute(const std::string& command, const std::vector<const Scenario*>& scenarios, const RunFlags& flags,
            const std::filesystem::path& out_path) {
  require_distinct_names(scenarios);
  OutputDirectory out(out_path, flags.force);  // refuses an existing directory before any work

  ProgressBar progress(flags.replications, !flags.quiet && stderr_is_terminal());
  const RunResult result = run_scenarios(scenarios, flags.run_options(&progress));
  progress.finish();

  const std::vector<std::string> files = write_run_files(out, result, command);
  out.commit();

  if (!flags.quiet) {
    print_summary_table(std::cout, result);
    std::cout << "Wrote " << out_path.string() << "/ (" << join(files) << ") in "
              << format_fixed(result.wall_seconds, 1) << " s.\n";
  }
  return kExitOk;
}

}  // namespace

Command add_run_command(CLI::App& app) {
  struct Options {
    RunFlags flags;
    std::string file;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("run", "Simulate one scenario");
  cmd->add_option("SCENARIO", o->file, "Scenario JSON file")->required();
  add_run_flags(*cmd, o->flags);
  return {cmd, [o] {
            const Scenario s = load_scenario(o->file, o->flags.set);
            return execute("run", {&s}, o->flags, o->flags.out_dir(s.name));
          }};
}

Command add_compare_command(CLI::App& app) {
  struct Options {
    RunFlags flags;
    std::string file_a, file_b;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "compare", "Simulate two scenarios with common random numbers and report B - A by replication");
  cmd->add_option("A", o->file_a, "Baseline scenario (e.g. scenarios/flex_scheme.json)")->required();
  cmd->add_option("B", o->file_b, "Alternative scenario (e.g. scenarios/extraordinary_trial.json)")
      ->required();
  add_run_flags(*cmd, o->flags);
  return {cmd, [o] {
            const Scenario a = load_scenario(o->file_a, o->flags.set);
            const Scenario b = load_scenario(o->file_b, o->flags.set);
            return execute("compare", {&a, &b}, o->flags, o->flags.out_dir(a.name + "_vs_" + b.name));
          }};
}

}  // namespace forlob
