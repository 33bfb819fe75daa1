#include "app/EvaluateCommand.hpp"

#include <CLI/CLI.hpp>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "app/ProgressBar.hpp"
#include "app/RunFlags.hpp"
#include "core/Errors.hpp"
#include "engine/ThreadArena.hpp"
#include "evaluate/EvaluationFiles.hpp"
#include "output/CsvFormat.hpp"
#include "output/OutputDirectory.hpp"
#include "scenario/ScenarioLoader.hpp"

namespace forlob {

namespace {

struct EvaluateOptions {
  RunFlags flags;
  std::string file;
  std::string observed;
  bool power = false;
  std::string counterfactual;
  double accept = 0.05;
  std::int64_t evaluations = 200;
  int through = 2028;
  double margin = 0.05;
};

std::string evaluate_interval_text(const QuantitySummary& q, int decimals) {
  return format_fixed(q.mean, decimals) + " [" + format_fixed(q.p05, decimals) + ", " +
         format_fixed(q.p95, decimals) + "]";
}

// The counterfactual of the headline: --counterfactual, else flex_scheme.json beside the scenario.
std::filesystem::path counterfactual_path(const EvaluateOptions& o) {
  if (!o.counterfactual.empty()) return o.counterfactual;
  return std::filesystem::path(o.file).parent_path() / "flex_scheme.json";
}

EvaluationRun evaluation_run(const EvaluateOptions& o, const ReferenceTable& table,
                             std::chrono::steady_clock::time_point started) {
  EvaluationRun run;
  run.seed = o.flags.seed;
  run.draws = o.flags.replications;
  run.accept = o.accept;
  run.threads = resolved_threads(o.flags.threads);
  run.table_seconds = table.wall_seconds;
  run.total_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return run;
}

int run_observed(const EvaluateOptions& o) {
  const auto started = std::chrono::steady_clock::now();
  const Scenario trial = load_scenario(o.file, o.flags.set);
  const EvaluationPrior prior(trial, fitted_level_log_sd(o.file, o.flags.set, trial));
  const std::filesystem::path cf_path = counterfactual_path(o);
  const Scenario counterfactual = load_scenario(cf_path, o.flags.set);
  require_pairable(trial, counterfactual);
  const int through = trial.extraordinary->last_year;
  const ObservedFigures observed = read_observed_figures(o.observed, trial, through);
  const RoundReportLayout layout(trial, through);
  std::vector<double> observed_summaries;
  std::vector<int> unused;
  const ReportingDesign design = observed_design(layout, trial, observed, observed_summaries, unused);
  if (design.summaries.empty())
    throw InputError(o.observed, "",
                     "expected at least one row of a trial specialty from " +
                         std::to_string(layout.first_year()) + ", got none");
  const std::filesystem::path out_path = o.flags.out_dir(trial.name + "_evaluation");
  OutputDirectory out(out_path, o.flags.force);

  ProgressBar progress(o.flags.replications, !o.flags.quiet && stderr_is_terminal());
  const ReferenceTable table = build_reference_table(trial, prior, layout, o.flags.seed, o.flags.replications,
                                                     o.flags.threads, &progress);
  progress.finish();
  AbcSettings settings;
  settings.accept = o.accept;
  const AbcInference inference(table, design, settings, o.observed);
  const AbcPosterior posterior = inference.infer(observed_summaries);

  PosteriorReport report;
  report.trial = &trial;
  report.counterfactual = &counterfactual;
  report.prior = &prior;
  report.inference = &inference;
  report.posterior = &posterior;
  report.observed = &observed;
  report.observed_summaries = observed_summaries;
  report.unused_lines = unused;
  report.headline = predict_headline(trial, counterfactual, prior, table, posterior, &observed, o.flags.seed,
                                     o.flags.threads);
  // The prior predictive from as many table draws, equally weighted, for comparison.
  AbcPosterior prior_sample;
  for (std::size_t i = 0; i < posterior.rows.size(); ++i) {
    prior_sample.rows.push_back(i);
    prior_sample.weights.push_back(1.0);
    prior_sample.values.push_back(table.values[i]);
  }
  report.headline_prior = predict_headline(trial, counterfactual, prior, table, prior_sample, nullptr,
                                           o.flags.seed, o.flags.threads);
  report.run = evaluation_run(o, table, started);
  out.write("evaluation_posterior.csv", posterior_csv(report));
  out.write("evaluation_posterior.json", posterior_json(report).dump(2) + "\n");
  out.commit();

  if (!o.flags.quiet) {
    std::cout << "The 2029 evaluation (R14) from " << observed.file << ": posterior mean [90% interval], "
              << posterior.rows.size() << " of " << table.values.size() << " reference draws accepted\n";
    for (std::size_t p = 0; p < prior.size(); ++p)
      std::cout << "  " << prior.names()[p] << ": "
                << evaluate_interval_text(posterior.summaries[p], p == 0 ? 3 : 1) << "   (prior "
                << evaluate_interval_text(inference.prior()[p], p == 0 ? 3 : 1) << ")\n";
    std::cout << "  " << report.headline.name << ", " << trial.name << " - " << counterfactual.name << ": "
              << evaluate_interval_text(report.headline.difference, 1) << "   (prior "
              << evaluate_interval_text(report.headline_prior.difference, 1) << ")\n";
    if (!unused.empty())
      std::cout << "  note: " << unused.size()
                << " row(s) of the file are not trial specialties' rounds and were not used\n";
    std::cout << "Wrote " << out_path.string()
              << "/ (evaluation_posterior.csv, evaluation_posterior.json) in "
              << format_fixed(report.run.total_seconds, 1) << " s on " << report.run.threads << " threads.\n";
  }
  return kExitOk;
}

int run_power_analysis(const EvaluateOptions& o) {
  const auto started = std::chrono::steady_clock::now();
  const Scenario trial = load_scenario(o.file, o.flags.set);
  const EvaluationPrior prior(trial, fitted_level_log_sd(o.file, o.flags.set, trial));
  const int first = trial.extraordinary->first_year, last = trial.extraordinary->last_year;
  if (o.through < first || o.through > last)
    throw UsageError("--through " + std::to_string(o.through) + ": expected a year of the trial, " +
                     std::to_string(first) + " to " + std::to_string(last) + " (" + trial.file + ")");
  const RoundReportLayout layout(trial, o.through);
  const std::filesystem::path out_path = o.flags.out_dir(trial.name + "_evaluation_power");
  OutputDirectory out(out_path, o.flags.force);

  PowerSettings settings;
  settings.evaluations = o.evaluations;
  settings.through_year = o.through;
  settings.margin = o.margin;
  const std::int64_t jobs =
      o.flags.replications + settings.evaluations * static_cast<std::int64_t>(settings.shares.size());
  ProgressBar progress(jobs, !o.flags.quiet && stderr_is_terminal());
  const ReferenceTable table = build_reference_table(trial, prior, layout, o.flags.seed, o.flags.replications,
                                                     o.flags.threads, &progress);
  AbcSettings abc;
  abc.accept = o.accept;
  const AbcInference counts(table, full_design(layout, trial, o.through, false), abc, trial.file);
  const AbcInference rich(table, full_design(layout, trial, o.through, true), abc, trial.file);
  const PowerResult result =
      run_power(trial, prior, layout, {&counts, &rich}, settings, o.flags.seed, o.flags.threads, &progress);
  progress.finish();

  PowerReport report;
  report.scenario = &trial;
  report.prior = &prior;
  report.inferences = {&counts, &rich};
  report.settings = &settings;
  report.result = &result;
  report.run = evaluation_run(o, table, started);
  out.write("evaluation_power.csv", power_csv(report));
  out.write("evaluation_power.json", power_json(report).dump(2) + "\n");
  out.commit();

  if (!o.flags.quiet) {
    std::cout << "Power of the 2029 evaluation, reports " << first << "–" << o.through << ", "
              << settings.evaluations << " synthetic evaluations per true share, " << table.values.size()
              << " reference draws:\n";
    std::cout << "  design          true share  excludes 0  excludes 1  covers  mean width\n";
    for (const PowerRow& row : result.rows) {
      const double n = static_cast<double>(row.evaluations);
      std::cout << "  " << row.design << std::string(16 - row.design.size(), ' ')
                << format_fixed(row.true_share, 2) << "        "
                << format_fixed(static_cast<double>(row.excludes_zero) / n, 2) << "        "
                << format_fixed(static_cast<double>(row.excludes_one) / n, 2) << "        "
                << format_fixed(static_cast<double>(row.covers) / n, 2) << "    "
                << format_fixed(row.mean_width, 3) << "\n";
    }
    std::cout << "Wrote " << out_path.string() << "/ (evaluation_power.csv, evaluation_power.json) in "
              << format_fixed(report.run.total_seconds, 1) << " s on " << report.run.threads << " threads.\n";
  }
  return kExitOk;
}

}  // namespace

Command add_evaluate_command(CLI::App& app) {
  auto o = std::make_shared<EvaluateOptions>();
  CLI::App* cmd = app.add_subcommand(
      "evaluate",
      "What the 2029 evaluation of the trial (R14) can conclude from reported rounds, and its power");
  cmd->add_option("SCENARIO", o->file,
                  "Trial scenario under the applicant model (e.g. scenarios/extraordinary_trial.json)")
      ->required();
  CLI::Option* observed =
      cmd->add_option(
             "--observed", o->observed,
             "CSV of reported rounds, the format of forecast --observed: infer the unknowns from them")
          ->type_name("FILE");
  CLI::Option* power =
      cmd->add_flag("--power", o->power, "Power analysis: synthetic reports at true shares 0, 0.25, ..., 1");
  observed->excludes(power);
  cmd->add_option("--counterfactual", o->counterfactual,
                  "Scenario the headline compares with (default: flex_scheme.json beside SCENARIO)")
      ->type_name("FILE");
  cmd->add_option("--accept", o->accept, "Share of the reference table accepted (ABC tolerance)")
      ->check(CLI::Range(0.001, 1.0))
      ->capture_default_str();
  cmd->add_option("--evaluations", o->evaluations, "--power: synthetic evaluations per true share")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{100'000}))
      ->capture_default_str();
  cmd->add_option("--through", o->through, "--power: the last reported year (the trial's first year to it)")
      ->capture_default_str();
  cmd->add_option("--margin", o->margin,
                  "--power: an interval excludes 0 when its lower end is above this (1 when its upper end is "
                  "below 1 - this)")
      ->check(CLI::Range(0.0, 0.49))
      ->capture_default_str();
  add_run_flags(*cmd, o->flags);
  cmd->footer(
      "--replications is the size of the reference table: one replication of SCENARIO per draw of the "
      "unknowns (default 5000).");
  return {cmd, [o] {
            if (o->observed.empty() && !o->power)
              throw UsageError("evaluate: expected --observed FILE or --power");
            return o->power ? run_power_analysis(*o) : run_observed(*o);
          }};
}

}  // namespace forlob
