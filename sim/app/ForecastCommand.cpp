#include "app/ForecastCommand.hpp"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

#include "app/ProgressBar.hpp"
#include "app/RunFlags.hpp"
#include "cluster/PartialState.hpp"
#include "core/Errors.hpp"
#include "forecast/EvaluationForecast.hpp"
#include "forecast/ForecastCsv.hpp"
#include "forecast/ForecastJson.hpp"
#include "forecast/ForecastTable.hpp"
#include "output/CsvFormat.hpp"
#include "output/OutputDirectory.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "scenario/ScenarioRecord.hpp"

namespace forlob {

Command add_forecast_command(CLI::App& app, const WorkContext& context) {
  struct Options {
    RunFlags flags;
    std::string file;
    std::string observed;
    int through = 2029;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "forecast", "What the 2029 evaluation of the extraordinary-course trial (R14) should expect to see");
  cmd->add_option("SCENARIO", o->file,
                  "Scenario JSON file with the trial (e.g. scenarios/extraordinary_trial.json)")
      ->required();
  cmd->add_option("--observed", o->observed,
                  "CSV of observed rounds (year,round,region,specialty,kind,posted,filled,source); "
                  "those rounds are fixed to their observed fills")
      ->type_name("FILE");
  cmd->add_option("--through", o->through,
                  "Evaluation year: the forecast covers the trial's first year to it")
      ->capture_default_str();
  add_run_flags(*cmd, o->flags);
  add_shard_flag(*cmd, o->flags);
  return {cmd, [o, context] {
            const WorkShare share(context, o->flags.shard);
            // Every input is checked before anything is written.
            const Scenario scenario = load_scenario(o->file, o->flags.set);
            const auto [first, last] = evaluation_years(scenario);
            if (o->through < first || o->through > last)
              throw UsageError("--through " + std::to_string(o->through) + ": expected a year from " +
                               std::to_string(first) + " (the trial's first year) to " +
                               std::to_string(last) + " (the follow-up horizon of " + scenario.file + ")");
            std::optional<ObservedFigures> observed;
            if (!o->observed.empty()) observed = read_observed_figures(o->observed, scenario, o->through);
            const std::filesystem::path out_path = o->flags.out_dir(scenario.name + "_evaluation_forecast");
            std::optional<OutputDirectory> staged;  // refuses an existing directory before any work
            if (share.writes_output()) staged.emplace(out_path, o->flags.force);
            const bool quiet = o->flags.quiet || !share.writes_output();
            const auto reps = static_cast<std::size_t>(o->flags.replications);

            ProgressBar progress(static_cast<std::int64_t>(share.tasks(reps).size()),
                                 !quiet && stderr_is_terminal());
            ForecastOptions options;
            options.tasks = share.tasks(reps);
            options.seed = o->flags.seed;
            options.replications = o->flags.replications;
            options.threads = o->flags.threads;
            options.through_year = o->through;
            options.observed = observed ? &*observed : nullptr;
            options.progress = &progress;
            ForecastResult result = run_forecast(scenario, options);
            progress.finish();

            std::vector<ShardInput> inputs = scenario_inputs({record_scenario(o->file, o->flags.set)});
            if (observed) inputs.push_back(file_input(o->observed));
            const ShardHeader header =
                command_header("forecast", std::move(inputs), o->flags.seed, o->flags.replications, reps);
            if (!share.finish(
                    staged ? &*staged : nullptr, header, [&] { return partial_state(result); },
                    [&](const nlohmann::json& part, const std::string& file) {
                      absorb_partial(result, part, file);
                    })) {
              if (!quiet)
                std::cout << "Wrote shard " << o->flags.shard << " to " << out_path.string() << "/ in "
                          << format_fixed(result.wall_seconds, 1) << " s.\n";
              return kExitOk;
            }
            OutputDirectory& out = *staged;

            const std::vector<ForecastRow> rows = forecast_rows(result);
            std::ostringstream csv;
            write_forecast_csv(csv, rows);
            out.write("evaluation_forecast.csv", csv.str());
            out.write("evaluation_forecast.json", forecast_json(result, rows).dump(2) + "\n");
            out.commit();

            if (!quiet) {
              print_forecast_table(std::cout, result, rows);
              std::cout << "Wrote " << out_path.string()
                        << "/ (evaluation_forecast.csv, evaluation_forecast.json) in "
                        << format_fixed(result.wall_seconds, 1) << " s on " << result.threads
                        << " threads.\n";
            }
            return kExitOk;
          }};
}

}  // namespace forlob
