#include "app/Commands.hpp"

#include <CLI/CLI.hpp>
#include <vector>

#include "app/BackcastCommand.hpp"
#include "app/Benchmark.hpp"
#include "app/CalibrateCommand.hpp"
#include "app/CommandLine.hpp"
#include "app/EvaluateCommand.hpp"
#include "app/ForecastCommand.hpp"
#include "app/OptionChecks.hpp"
#include "app/ParamsCommand.hpp"
#include "app/ReportCommand.hpp"
#include "app/RunCommands.hpp"
#include "app/SensitivityCommand.hpp"
#include "app/SweepCommand.hpp"
#include "app/ValidateCommand.hpp"
#include "app/ValidateHistoryCommand.hpp"

namespace forlob {

int run_command_line(int argc, char** argv) {
  record_command_line(argc, argv);
  CLI::App app{
      "forlob: Monte Carlo simulation of Danish specialist training (hoveduddannelsesforløb):\n"
      "hiring rounds, unfilled courses, the flex scheme and the extraordinary-course trial."};
  app.set_version_flag("--version", FORLOB_VERSION);
  app.require_subcommand(1);

  // In the order `forlob --help` lists them.
  // One command a line, so that adding one is a one-line change.
  // clang-format off
  const std::vector<Command> commands{
      add_run_command(app),
      add_compare_command(app),
      add_validate_command(app),
      add_params_command(app),
      add_sweep_command(app),
      add_sensitivity_command(app),
      add_calibrate_command(app),
      add_validate_history_command(app),
      add_backcast_command(app),
      add_forecast_command(app),
      add_evaluate_command(app),
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

}  // namespace forlob
