#include "app/RunCommands.hpp"

#include <CLI/CLI.hpp>
#include <array>
#include <filesystem>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string_view>

#include "app/CommandLine.hpp"
#include "app/FillModelVariants.hpp"
#include "app/OptionChecks.hpp"
#include "app/ProgressBar.hpp"
#include "app/RunFlags.hpp"
#include "cluster/PartialState.hpp"
#include "core/Errors.hpp"
#include "engine/Runner.hpp"
#include "output/ConsoleTable.hpp"
#include "output/CsvFormat.hpp"
#include "output/OutputDirectory.hpp"
#include "output/RunFiles.hpp"
#include "scenario/JsonReader.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "scenario/ScenarioRecord.hpp"

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
  if (result.differences.empty()) print_run_table(out, first, rows);
  for (std::size_t d = 0; d < result.differences.size(); ++d) {
    if (d > 0) out << "\n";
    print_compare_table(out, result.scenarios[0], result.scenarios[d + 1], result.differences[d], rows);
  }
}

// A scenario loaded for a command with several: every error says which scenario it is about.
Scenario load_named(char role, const std::string& file, const std::vector<std::string>& sets) {
  try {
    return load_scenario(file, sets);
  } catch (const InputError& e) {
    const std::string scenario = std::string("scenario ") + role;
    // A --set patches every scenario of a comparison; say how to patch only the one it fits.
    const bool from_set = e.file().rfind("--set ", 0) == 0;
    throw InputError(
        e.file() == file ? scenario + " " + file : scenario + " (" + file + "), " + e.file(), e.place(),
        e.expected() + (from_set ? " (--set patches every scenario; --set-a, --set-b, ... one)" : ""));
  }
}

// Runs this process's share, then, once the result is complete, writes every file into a staging
// directory that replaces `out` only when complete. `run_fill_models` (compare --fill-models) adds
// the comparison under each fill model, sharded like the main one.
int execute(const RunRecord& record, const std::vector<const Scenario*>& scenarios, RunFlags flags,
            bool draws, const std::filesystem::path& out_path, const WorkShare& share,
            const std::function<std::vector<FillModelRun>(const RunFlags&)>& run_fill_models = {}) {
  require_distinct_names(scenarios);
  std::optional<OutputDirectory> staged;  // refuses an existing directory before any work
  if (share.writes_output()) staged.emplace(out_path, flags.force);
  flags.quiet = flags.quiet || !share.writes_output();
  const auto reps = static_cast<std::size_t>(flags.replications);
  flags.tasks = share.tasks(reps);

  ProgressBar progress(static_cast<std::int64_t>(flags.tasks.size()), !flags.quiet && stderr_is_terminal());
  RunOptions options = flags.run_options(&progress);
  options.keep_draws = draws;
  RunResult result = run_scenarios(scenarios, options);
  std::vector<FillModelRun> fill_models;
  if (run_fill_models) fill_models = run_fill_models(flags);
  progress.finish();

  const auto state = [&] {
    nlohmann::json variants = nlohmann::json::array();
    for (const FillModelRun& run : fill_models) variants.push_back(partial_state(run.result, flags.tasks));
    return nlohmann::json{{"run", partial_state(result, flags.tasks)}, {"fill_models", std::move(variants)}};
  };
  const auto absorb = [&](const nlohmann::json& part, const std::string& file) {
    absorb_partial(result, state_member(part, "run", file), file);
    const nlohmann::json& variants = state_member(part, "fill_models", file);
    if (!variants.is_array() || variants.size() != fill_models.size())
      throw InputError(file, "/fill_models",
                       "expected " + std::to_string(fill_models.size()) + " fill-model runs");
    for (std::size_t v = 0; v < fill_models.size(); ++v)
      absorb_partial(fill_models[v].result, variants[v], file);
  };
  const ShardHeader header =
      command_header(record.command, scenario_inputs(record.scenarios), flags.seed, flags.replications, reps);
  if (!share.finish(staged ? &*staged : nullptr, header, state, absorb)) {
    if (!flags.quiet)
      std::cout << "Wrote shard " << flags.shard << " (replications " << flags.tasks.begin << " to "
                << flags.tasks.end << ") to " << out_path.string() << "/ in "
                << format_fixed(result.wall_seconds, 1) << " s.\n";
    return kExitOk;
  }
  OutputDirectory& out = *staged;
  std::vector<std::string> files = write_run_files(out, result, record);
  if (run_fill_models) {
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

Command add_run_command(CLI::App& app, const WorkContext& context) {
  struct Options {
    RunFlags flags;
    std::string file;
    bool draws = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("run", "Simulate one scenario");
  cmd->add_option("SCENARIO", o->file, "Scenario JSON file")->required();
  add_run_flags(*cmd, o->flags);
  add_shard_flag(*cmd, o->flags);
  cmd->add_flag("--draws", o->draws, "Also write draws.csv: every replication's headline sums");
  return {cmd, [o, context] {
            const WorkShare share(context, o->flags.shard);
            const Scenario s = load_scenario(o->file, o->flags.set);
            const RunRecord record{"run", recorded_command_line(), {record_scenario(o->file, o->flags.set)}};
            return execute(record, {&s}, o->flags, o->draws, o->flags.out_dir(s.name), share);
          }};
}

Command add_compare_command(CLI::App& app, const WorkContext& context) {
  static constexpr std::string_view kRoles = "ABCDEF";  // scenarios that can be patched one by one
  struct Options {
    RunFlags flags;
    std::vector<std::string> files;
    std::array<std::vector<std::string>, kRoles.size()> set_one;  // --set-a, --set-b, ...
    bool draws = false;
    bool fill_models = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "compare",
      "Simulate two or more scenarios with common random numbers and report each one minus the first "
      "(B - A, C - A, ...) by replication");
  cmd->add_option("SCENARIOS", o->files,
                  "Baseline scenario A (e.g. scenarios/flex_scheme.json), then B "
                  "(e.g. scenarios/extraordinary_trial.json) and any more")
      ->required()
      ->expected(2, static_cast<int>(kRoles.size()));
  add_run_flags(*cmd, o->flags);
  add_shard_flag(*cmd, o->flags);
  cmd->add_flag(
      "--fill-models", o->fill_models,
      "Also run the comparison of A and B under the independent model and under the applicant model at "
      "new-applicant shares 0, 0.5 and 1 (fill_models.csv)");
  for (std::size_t k = 0; k < kRoles.size(); ++k) {
    const char lower = static_cast<char>(kRoles[k] - 'A' + 'a');
    cmd->add_option(std::string("--set-") + lower, o->set_one[k],
                    std::string("Patch scenario ") + kRoles[k] +
                        " only: /json/pointer=value (repeatable; after --set)")
        ->type_name("POINTER=VALUE");
  }
  cmd->add_flag("--draws", o->draws,
                "Also write draws.csv: every replication's headline sums, and each difference from A");
  return {cmd, [o, context] {
            const WorkShare share(context, o->flags.shard);
            RunRecord record{"compare", recorded_command_line(), {}};
            std::vector<Scenario> loaded;
            std::string name;
            for (std::size_t k = 0; k < o->files.size(); ++k) {
              std::vector<std::string> sets = o->flags.set;
              sets.insert(sets.end(), o->set_one[k].begin(), o->set_one[k].end());
              loaded.push_back(load_named(kRoles[k], o->files[k], sets));
              record.scenarios.push_back(record_scenario(o->files[k], sets));
              name += (k == 0 ? "" : "_vs_") + loaded.back().name;
            }
            for (std::size_t k = o->files.size(); k < kRoles.size(); ++k)
              if (!o->set_one[k].empty())
                throw InputError(std::string("--set-") + static_cast<char>(kRoles[k] - 'A' + 'a'), "",
                                 "expected a scenario " + std::string(1, kRoles[k]) +
                                     " to patch; the comparison has " + std::to_string(o->files.size()) +
                                     " scenarios");
            std::vector<const Scenario*> scenarios;
            for (const Scenario& s : loaded) scenarios.push_back(&s);
            std::function<std::vector<FillModelRun>(const RunFlags&)> variants;
            if (o->fill_models) {
              if (o->files.size() != 2)
                throw InputError("--fill-models", "",
                                 "expected exactly two scenarios (A and B) to compare under each fill model");
              variants = [o](const RunFlags& flags) {
                std::array<std::vector<std::string>, 2> sets{o->flags.set, o->flags.set};
                for (std::size_t k = 0; k < 2; ++k)
                  sets[k].insert(sets[k].end(), o->set_one[k].begin(), o->set_one[k].end());
                return run_fill_model_variants(o->files[0], sets[0], o->files[1], sets[1], flags,
                                               kReportedNewShares);
              };
            }
            return execute(record, scenarios, o->flags, o->draws, o->flags.out_dir(name), share, variants);
          }};
}

}  // namespace forlob
