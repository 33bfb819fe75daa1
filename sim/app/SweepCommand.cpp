#include "app/SweepCommand.hpp"

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <optional>

#include "app/SensitivityFlags.hpp"
#include "app/ShardedEvaluation.hpp"
#include "output/CsvFormat.hpp"
#include "output/OutputDirectory.hpp"
#include "scenario/JsonReader.hpp"
#include "sensitivity/PointsCsv.hpp"
#include "sensitivity/SensitivitySummaryJson.hpp"
#include "sensitivity/SensitivityTables.hpp"
#include "sensitivity/SweepDesign.hpp"

namespace forlob {

namespace {
constexpr std::size_t kMaxGridPoints = 100'000;
constexpr std::size_t kMaxTableRows = 60;
}  // namespace

Command add_sweep_command(CLI::App& app, const WorkContext& context) {
  struct Options {
    SensitivityFlags flags;
    std::string design = "oat";
    int levels = 5;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "sweep",
      "Sweep parameters one at a time or over a full grid; each point a Monte Carlo run (sweep.csv)");
  add_sensitivity_flags(*cmd, o->flags);
  cmd->add_option("--design", o->design,
                  "oat: one at a time, others at the scenario's values; grid: every combination")
      ->check(CLI::IsMember({"oat", "grid"}))
      ->capture_default_str();
  cmd->add_option("--levels", o->levels, "Levels per parameter, evenly spaced from LOW to HIGH")
      ->check(CLI::Range(2, 1000))
      ->capture_default_str();
  return {
      cmd, [o, context] {
        const SensitivityFlags& f = o->flags;
        const WorkShare share(context, f.run.shard);
        const SimulationEvaluator evaluator(f.inputs(), collect_parameters(f.params, f.params_file),
                                            f.outputs);
        const SweepDesign design = o->design == "grid"
                                       ? grid_design(evaluator.parameters(), o->levels, kMaxGridPoints)
                                       : one_at_a_time_design(evaluator.parameters(), o->levels);
        const std::filesystem::path out_path = f.out_path(evaluator, "sweep");
        std::optional<OutputDirectory> staged;  // refuses an existing directory before any work
        if (share.writes_output()) staged.emplace(out_path, f.run.force);
        const bool quiet = f.run.quiet || !share.writes_output();
        ShardedEvaluation shared =
            evaluate_share(evaluator, design.points, f, share, "sweep", staged ? &*staged : nullptr, quiet);
        if (!shared.evaluation) return kExitOk;  // a shard, or an MPI rank other than 0: done
        const RunOptions& options = shared.options;
        const Evaluation& evaluation = *shared.evaluation;
        OutputDirectory& out = *staged;

        PointsTable table;
        table.key_columns = {"varied"};
        for (const std::string& v : design.varied) table.keys.push_back({v});
        for (const BoundParameter& p : evaluator.parameters()) table.labels.push_back(p.spec.label);
        table.levels = shown_levels(design.points, evaluator.base_levels());
        out.write("sweep.csv", points_csv(table, evaluation));
        const std::vector<std::string> files{"sweep.csv", "summary.json"};
        const nlohmann::json design_json{{"type", design.kind == SweepKind::Grid ? "grid" : "one at a time"},
                                         {"levels", design.levels},
                                         {"points", design.points.size()}};
        out.write(
            "summary.json",
            sensitivity_summary_json("sweep", evaluator, options, evaluation, design_json, files).dump(2) +
                "\n");
        out.commit();

        if (!quiet) {
          print_sweep_table(std::cout, design, evaluator, evaluation, kMaxTableRows);
          std::cout << "Wrote " << out_path.string() << "/ (" << join(files) << "): " << evaluation.points
                    << " points x " << evaluation.replications << " replications in "
                    << format_fixed(evaluation.wall_seconds, 1) << " s.\n";
        }
        return kExitOk;
      }};
}

}  // namespace forlob
