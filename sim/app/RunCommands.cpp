#include "app/RunCommands.hpp"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <functional>
#include <iostream>
#include <memory>
#include <sstream>

#include "app/FillModelVariants.hpp"
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
// `fill_models` (compare --fill-models) adds the comparison under each fill model.
int execute(const std::string& command, const std::vector<const Scenario*>& scenarios, const RunFlags& flags,
            const std::filesystem::path& out_path,
            const std::function<std::vector<FillModelRun>()>& run_fill_models = {}) {
  require_distinct_names(scenarios);
  OutputDirectory out(out_path, flags.force);  // refuses an existing directory before any work

  ProgressBar progress(flags.replications, !flags.quiet && stderr_is_terminal());
  const RunResult result = run_scenarios(scenarios, flags.run_options(&progress));
  progress.finish();

  std::vector<std::string> files = write_run_files(out, result, command);
  std::vector<FillModelRun> fill_models;
  if (run_fill_models) {
    fill_models = run_fill_models();
    std::ostringstream csv;
    write_fill_models_csv(csv, fill_models);
    out.write("fill_models.csv", csv.str());
    files.push_back("fill_models.csv");
  }
  out.commit();

  if (!flags.quiet) {
    print_summary_table(std::cout, result);
    if (!fill_models.empty()) print_fill_models_table(std::cout, fill_models);
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
    bool fill_models = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "compare", "Simulate two scenarios with common random numbers and report B - A by replication");
  cmd->add_option("A", o->file_a, "Baseline scenario (e.g. scenarios/flex_scheme.json)")->required();
  cmd->add_option("B", o->file_b, "Alternative scenario (e.g. scenarios/extraordinary_trial.json)")
      ->required();
  add_run_flags(*cmd, o->flags);
  cmd->add_flag(
      "--fill-models", o->fill_models,
      "Also run the comparison under the independent model and under the applicant model at new-applicant "
      "shares 0, 0.5 and 1 (fill_models.csv)");
  return {
      cmd, [o] {
        const Scenario a = load_scenario(o->file_a, o->flags.set);
        const Scenario b = load_scenario(o->file_b, o->flags.set);
        std::function<std::vector<FillModelRun>()> variants;
        if (o->fill_models)
          variants = [o] {
            return run_fill_model_variants(o->file_a, o->file_b, o->flags, kReportedNewShares);
          };
        return execute("compare", {&a, &b}, o->flags, o->flags.out_dir(a.name + "_vs_" + b.name), variants);
      }};
}

}  // namespace forlob
