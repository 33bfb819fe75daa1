#include "app/Commands.hpp"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>
#include <vector>

#include "app/BackcastCommand.hpp"
#include "app/Benchmark.hpp"
#include "app/CalibrateCommand.hpp"
#include "app/CommandLine.hpp"
#include "app/EvaluateCommand.hpp"
#include "app/ForecastCommand.hpp"
#include "app/MergeCommand.hpp"
#include "app/MpiTransport.hpp"
#include "app/OptionChecks.hpp"
#include "app/ParamsCommand.hpp"
#include "app/ReportCommand.hpp"
#include "app/RunCommands.hpp"
#include "app/SensitivityCommand.hpp"
#include "app/SweepCommand.hpp"
#include "app/ValidateCommand.hpp"
#include "app/ValidateHistoryCommand.hpp"
#include "core/Errors.hpp"

namespace forlob {

namespace {

int dispatch(int argc, char** argv, const WorkContext& context) {
  record_command_line(argc, argv);
  CLI::App app{
      "forlob: Monte Carlo simulation of Danish specialist training (hoveduddannelsesforløb):\n"
      "hiring rounds, unfilled courses, the flex scheme and the extraordinary-course trial."};
  app.set_version_flag("--version", FORLOB_VERSION);
  app.require_subcommand(1);

  // `forlob merge` runs the shards' command line again, with the shards as its results.
  const MergeDispatch merge = [&context](const std::vector<std::string>& line, const ShardSet& shards) {
    if (context.world != nullptr && context.world->size() > 1)
      throw UsageError("merge: expected one process (merge does not simulate), not an MPI job");
    std::vector<std::string> words = line;
    std::vector<char*> args;
    for (std::string& w : words) args.push_back(w.data());
    return dispatch(static_cast<int>(args.size()), args.data(), WorkContext{nullptr, &shards});
  };

  // In the order `forlob --help` lists them.
  // One command a line, so that adding one is a one-line change.
  // clang-format off
  const std::vector<Command> commands{
      add_run_command(app, context),
      add_compare_command(app, context),
      add_validate_command(app),
      add_params_command(app),
      add_sweep_command(app, context),
      add_sensitivity_command(app, context),
      add_calibrate_command(app),
      add_validate_history_command(app),
      add_backcast_command(app),
      add_forecast_command(app, context),
      add_evaluate_command(app),
      add_merge_command(app, merge),
      add_report_command(app),
      add_bench_command(app),
  };
  // clang-format on
  add_option_checks(app);
  use_one_line_errors(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitBadInput;
  }
  for (const Command& command : commands)
    if (*command.cli) return command.run();
  return kExitBadInput;
}

}  // namespace

int run_command_line(int argc, char** argv) {
  const std::unique_ptr<MpiWorld> world = MpiWorld::from_environment();
  if (!world) return dispatch(argc, argv, {});
  // Under MPI an error on one rank must end them all (the others would wait for it for ever).
  try {
    return dispatch(argc, argv, {world.get(), nullptr});
  } catch (const InputError& e) {
    std::fprintf(stderr, "forlob: error: %s\n", e.what());
    world->abort(kExitBadInput);
  } catch (const UsageError& e) {
    std::fprintf(stderr, "forlob: error: %s\n", e.what());
    world->abort(kExitBadInput);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "forlob: internal error: %s\n", e.what());
    world->abort(kExitInternal);
  }
}

}  // namespace forlob
