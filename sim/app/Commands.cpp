#include "app/Commands.hpp"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <sstream>

#include "app/Benchmark.hpp"
#include "app/ProgressBar.hpp"
#include "core/Errors.hpp"
#include "engine/Runner.hpp"
#include "output/AnchorsCsv.hpp"
#include "output/ConsoleTable.hpp"
#include "output/CsvFormat.hpp"
#include "output/OutputDirectory.hpp"
#include "output/SummaryJson.hpp"
#include "output/YearlyCsv.hpp"
#include "scenario/ScenarioLoader.hpp"

namespace forlob {

namespace {

struct RunFlags {
  std::int64_t replications = 5000;
  std::uint64_t seed = RunOptions{}.seed;
  int threads = 0;
  std::string out;
  bool force = false;
  bool quiet = false;
  std::vector<std::string> set;
};

void add_run_flags(CLI::App& cmd, RunFlags& f) {
  cmd.add_option("--replications,-n", f.replications, "Monte Carlo replications")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{10'000'000}))
      ->capture_default_str();
  cmd.add_option("--seed", f.seed, "Master seed; the same seed gives the same files")->capture_default_str();
  cmd.add_option("--threads,-t", f.threads, "Worker threads (0: all cores); results do not depend on it")
      ->check(CLI::Range(0, 1024))
      ->capture_default_str();
  cmd.add_option("--out,-o", f.out, "Output directory (default output/<name>/)");
  cmd.add_flag("--force", f.force, "Replace the output directory if it exists");
  cmd.add_flag("--quiet,-q", f.quiet, "No progress bar and no table");
  cmd.add_option("--set", f.set, "Patch the scenario: /json/pointer=value (repeatable)")
      ->type_name("POINTER=VALUE");
}

// A headline name for people, with specialty ids replaced by their names
// ("completed_boerne_og_ungdomspsykiatri_2026_2036" -> "completed Børne- og ungdomspsykiatri 2026–36").
std::string readable_label(const std::string& headline, const Scenario& scenario) {
  std::string label = console_label(headline);
  for (const SpecialtySpec& s : scenario.specialties) {
    const std::string spaced = console_label(s.id);
    const auto at = label.find(" " + spaced + " ");
    if (at != std::string::npos) label.replace(at + 1, spaced.size(), s.name);
  }
  return label;
}

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
    rows.push_back({readable_label(headline.name, *first.scenario), h});
  }
  out << "\nNew specialists (completed main courses), all regions; mean over " << result.replications
      << " replications, 90% interval = 5th-95th percentile across replications.\n";
  if (result.difference)
    print_compare_table(out, result.scenarios[0], result.scenarios[1], *result.difference, rows);
  else
    print_run_table(out, first, rows);
}

// What `validate` prints for a good scenario.
std::string validation_report(const Scenario& s) {
  const std::map<std::string, int> tiers = s.source_tiers();
  std::ostringstream out;
  out << "ok: " << s.file << " (scenario '" << s.name << "'): " << s.specialty_count()
      << " specialties, hiring rounds " << s.calendar.warmup_start_year << "-" << s.calendar.end_year
      << " (warm-up before " << s.calendar.start_year << "), completions followed to "
      << s.calendar.followup_end_year << ".\n";
  out << "  flex scheme: ";
  if (s.flex && !s.flex->caps.empty())
    out << "caps " << s.flex->caps.begin()->first << "-" << s.flex->caps.rbegin()->first << "\n";
  else
    out << "off\n";
  out << "  extraordinary trial: ";
  if (s.extraordinary)
    out << s.extraordinary->first_year << "-" << s.extraordinary->last_year << ", "
        << s.extraordinary->anchors.size() << " anchors\n";
  else
    out << "off\n";
  out << "  sources:";
  for (const auto& [tier, n] : tiers) out << " " << tier << " " << n;
  out << "\n";
  return out.str();
}

// Runs, then writes every file into a staging directory that replaces `out` only when complete.
int execute(const std::string& command, const std::vector<const Scenario*>& scenarios, const RunFlags& flags,
            const std::filesystem::path& out_path) {
  OutputDirectory out(out_path, flags.force);  // refuses an existing directory before any work

  ProgressBar progress(flags.replications, !flags.quiet && stderr_is_terminal());
  RunOptions options;
  options.seed = flags.seed;
  options.replications = flags.replications;
  options.threads = flags.threads;
  options.progress = &progress;
  const RunResult result = run_scenarios(scenarios, options);
  progress.finish();

  std::vector<std::string> files;
  {
    std::ostringstream yearly;
    std::vector<YearlyTableRef> tables;
    for (const ScenarioResult& sr : result.scenarios)
      tables.push_back({sr.scenario->name, sr.scenario, &sr.yearly_layout, &sr.yearly});
    write_yearly_csv(yearly, tables);
    out.write("yearly.csv", yearly.str());
    files.push_back("yearly.csv");
  }
  if (result.difference) {
    std::ostringstream diff;
    const ScenarioResult& a = result.scenarios.front();
    write_yearly_csv(diff,
                     {{result.difference->label, a.scenario, &a.yearly_layout, &result.difference->yearly}});
    out.write("difference.csv", diff.str());
    files.push_back("difference.csv");
  }
  {
    std::ostringstream anchors;
    write_anchors_csv(anchors, result);
    out.write("anchors.csv", anchors.str());
    files.push_back("anchors.csv");
  }
  files.push_back("summary.json");
  out.write("summary.json", summary_json(result, command, files).dump(2) + "\n");
  out.commit();

  if (!flags.quiet) {
    print_summary_table(std::cout, result);
    std::cout << "Wrote " << out_path.string() << "/ (";
    for (std::size_t i = 0; i < files.size(); ++i) std::cout << (i ? ", " : "") << files[i];
    std::cout << ") in " << format_fixed(result.wall_seconds, 1) << " s.\n";
  }
  return kExitOk;
}

}  // namespace

int run_command_line(int argc, char** argv) {
  CLI::App app{
      "forlob: Monte Carlo simulation of Danish specialist training (hoveduddannelsesforløb):\n"
      "hiring rounds, unfilled courses, the flex scheme and the extraordinary-course trial."};
  app.set_version_flag("--version", FORLOB_VERSION);
  app.require_subcommand(1);

  RunFlags run_flags;
  std::string run_file;
  CLI::App* run = app.add_subcommand("run", "Simulate one scenario");
  run->add_option("SCENARIO", run_file, "Scenario JSON file")->required();
  add_run_flags(*run, run_flags);

  RunFlags compare_flags;
  std::string file_a, file_b;
  CLI::App* compare = app.add_subcommand(
      "compare", "Simulate two scenarios with common random numbers and report B - A by replication");
  compare->add_option("A", file_a, "Baseline scenario (e.g. scenarios/flex_scheme.json)")->required();
  compare->add_option("B", file_b, "Alternative scenario (e.g. scenarios/extraordinary_trial.json)")
      ->required();
  add_run_flags(*compare, compare_flags);

  std::string validate_file;
  std::vector<std::string> validate_set;
  CLI::App* validate = app.add_subcommand("validate", "Check a scenario and say what is wrong");
  validate->add_option("SCENARIO", validate_file, "Scenario JSON file")->required();
  validate->add_option("--set", validate_set, "Patch the scenario: /json/pointer=value (repeatable)");

  BenchmarkOptions bench_options{"scenarios/flex_scheme.json", "scenarios/extraordinary_trial.json"};
  CLI::App* bench = app.add_subcommand("bench", "Time the main job (compare) at 1 and 2 threads");
  bench->add_option("--replications,-n", bench_options.replications, "Replications")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{10'000'000}))
      ->capture_default_str();
  bench->add_option("--threads,-t", bench_options.threads, "Thread counts to time")->capture_default_str();
  bench->add_option("--flex", bench_options.flex_scenario, "Baseline scenario")->capture_default_str();
  bench->add_option("--trial", bench_options.trial_scenario, "Alternative scenario")->capture_default_str();

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitBadInput;
  }

  if (*run) {
    const Scenario s = load_scenario(run_file, run_flags.set);
    const std::filesystem::path out = run_flags.out.empty() ? std::filesystem::path("output") / s.name
                                                            : std::filesystem::path(run_flags.out);
    return execute("run", {&s}, run_flags, out);
  }
  if (*compare) {
    const Scenario a = load_scenario(file_a, compare_flags.set);
    const Scenario b = load_scenario(file_b, compare_flags.set);
    const std::filesystem::path out = compare_flags.out.empty()
                                          ? std::filesystem::path("output") / (a.name + "_vs_" + b.name)
                                          : std::filesystem::path(compare_flags.out);
    return execute("compare", {&a, &b}, compare_flags, out);
  }
  if (*validate) {
    const Scenario s = load_scenario(validate_file, validate_set);
    std::cout << validation_report(s);
    return kExitOk;
  }
  if (*bench) return run_benchmark(bench_options);
  return kExitBadInput;
}

}  // namespace forlob
