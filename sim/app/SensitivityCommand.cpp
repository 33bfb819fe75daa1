#include "app/SensitivityCommand.hpp"

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
#include "sensitivity/SensitivityAnalysis.hpp"
#include "sensitivity/SensitivityCsv.hpp"
#include "sensitivity/SensitivitySummaryJson.hpp"
#include "sensitivity/SensitivityTables.hpp"

namespace forlob {

namespace {

nlohmann::json design_json(const SensitivityAnalysis& a) {
  const SensitivityOptions& o = a.options;
  nlohmann::json j;
  j["method"] = method_name(o.method);
  if (o.method == SensitivityMethod::Sobol) {
    j["base_samples"] = o.base_samples;
    j["sampler"] =
        "Saltelli: A and B from one 2k-dimensional Sobol sequence (Boost.Random sobol, Joe-Kuo direction "
        "numbers, first point skipped), A_B^i = A with column i from B; N(k + 2) points";
    j["estimators"] = {{"S1", "Saltelli et al. (2010)"}, {"ST", "Jansen (1999)"}};
    j["bootstrap_resamples"] = "rows j of (A, B, A_B^i), with replacement";
  } else {
    j["trajectories"] = o.trajectories;
    j["levels"] = o.levels;
    j["delta"] = a.design.morris.delta;
    j["sampler"] = "Morris trajectories on keyed streams; elementary effects per full parameter range";
    j["bootstrap_resamples"] = "trajectories, with replacement";
  }
  j["bootstrap"] = {{"resamples", o.bootstrap.resamples}, {"confidence", o.bootstrap.confidence}};
  j["monte_carlo_noise"] =
      "each point is the mean of R replications with common random numbers across points; noise_share = mean "
      "of sd^2/R over points divided by the variance of the point means";
  nlohmann::json noise = nlohmann::json::object();
  for (std::size_t k = 0; k < a.noise.size(); ++k)
    noise[a.evaluation.outputs[k]] = {{"noise_variance", a.noise[k].noise_variance},
                                      {"total_variance", a.noise[k].total_variance},
                                      {"noise_share", a.noise[k].share}};
  j["noise"] = std::move(noise);
  return j;
}

}  // namespace

Command add_sensitivity_command(CLI::App& app, const WorkContext& context) {
  struct Options {
    SensitivityFlags flags;
    std::string method;
    SensitivityOptions analysis;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "sensitivity", "Morris elementary effects or Sobol indices of parameters, with bootstrap intervals");
  add_sensitivity_flags(*cmd, o->flags);
  cmd->add_option("--method", o->method, "morris: elementary effects; sobol: first- and total-order indices")
      ->check(CLI::IsMember({"morris", "sobol"}))
      ->required();
  cmd->add_option("--base-samples", o->analysis.base_samples,
                  "Sobol: base samples N (N(k + 2) design points)")
      ->check(CLI::Range(std::size_t{2}, std::size_t{1'000'000}))
      ->capture_default_str();
  cmd->add_option("--trajectories", o->analysis.trajectories,
                  "Morris: trajectories r (r(k + 1) design points)")
      ->check(CLI::Range(std::size_t{2}, std::size_t{100'000}))
      ->capture_default_str();
  cmd->add_option("--levels", o->analysis.levels, "Morris: grid levels p (even)")
      ->check(CLI::Range(2, 1000))
      ->capture_default_str();
  cmd->add_option("--bootstrap", o->analysis.bootstrap.resamples, "Bootstrap resamples for the 95% intervals")
      ->check(CLI::Range(1, 1'000'000))
      ->capture_default_str();
  return {cmd, [o, context] {
            const SensitivityFlags& f = o->flags;
            const WorkShare share(context, f.run.shard);
            SensitivityOptions options = o->analysis;
            options.method = o->method == "morris" ? SensitivityMethod::Morris : SensitivityMethod::Sobol;
            options.bootstrap.seed = f.run.seed;
            const SimulationEvaluator evaluator(f.inputs(), collect_parameters(f.params, f.params_file),
                                                f.outputs);
            SensitivityDesign design =
                sensitivity_design(evaluator.parameters(), options);  // checks --levels
            const std::filesystem::path out_path = f.out_path(evaluator, method_name(options.method));
            std::optional<OutputDirectory> staged;  // refuses an existing directory before any work
            if (share.writes_output()) staged.emplace(out_path, f.run.force);
            const bool quiet = f.run.quiet || !share.writes_output();
            ShardedEvaluation shared = evaluate_share(evaluator, design.points, f, share, "sensitivity",
                                                      staged ? &*staged : nullptr, quiet);
            if (!shared.evaluation) return kExitOk;  // a shard, or an MPI rank other than 0: done
            const RunOptions& evaluation = shared.options;
            const SensitivityAnalysis a =
                analyse_sensitivity(evaluator, options, std::move(design), std::move(*shared.evaluation));
            OutputDirectory& out = *staged;

            out.write("sensitivity.csv", sensitivity_csv(a.rows));
            out.write("sensitivity_noise.csv", sensitivity_noise_csv(a));
            PointsTable table;
            table.key_columns = {"block", "role"};
            for (std::size_t p = 0; p < a.design.points.size(); ++p)
              table.keys.push_back({std::to_string(a.design.block[p]), a.design.role[p]});
            for (const BoundParameter& p : evaluator.parameters()) table.labels.push_back(p.spec.label);
            table.levels = a.design.points;
            out.write("sensitivity_points.csv", points_csv(table, a.evaluation));
            const std::vector<std::string> files{"sensitivity.csv", "sensitivity_noise.csv",
                                                 "sensitivity_points.csv", "summary.json"};
            out.write("summary.json", sensitivity_summary_json("sensitivity", evaluator, evaluation,
                                                               a.evaluation, design_json(a), files)
                                              .dump(2) +
                                          "\n");
            out.commit();

            if (!quiet) {
              print_sensitivity_table(std::cout, a, evaluator);
              std::cout << "Wrote " << out_path.string() << "/ (" << join(files)
                        << "): " << a.evaluation.points << " points x " << a.evaluation.replications
                        << " replications in " << format_fixed(a.evaluation.wall_seconds, 1) << " s.\n";
            }
            return kExitOk;
          }};
}

}  // namespace forlob
