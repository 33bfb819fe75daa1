#include "app/BackcastCommand.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>

#include "app/ProgressBar.hpp"
#include "app/RunFlags.hpp"
#include "calibration/Backcast.hpp"
#include "core/Errors.hpp"
#include "engine/Runner.hpp"
#include "output/CsvFormat.hpp"
#include "output/OutputDirectory.hpp"
#include "scenario/ScenarioLoader.hpp"

namespace forlob {

namespace {

std::string interval_text(const BackcastRow& r) {
  if (!r.interval) return format_fixed(r.mean, 3);
  return format_fixed(r.mean, 1) + " [" + format_fixed(r.p05, 0) + ", " + format_fixed(r.p95, 0) + "]";
}

std::string published_text(const BackcastRow& r) {
  if (!r.published) return "not public";
  return r.interval ? format_trimmed(*r.published, 1) : format_trimmed(*r.published, 3);
}

std::string backcast_csv(const std::vector<BackcastRow>& rows) {
  std::string text =
      "year,region,specialty,figure,simulated_mean,simulated_p05,simulated_p95,published,relation,source\n";
  for (const BackcastRow& r : rows) {
    text.append(std::to_string(r.year)).append(",");
    append_csv_field(text, r.region);
    text.push_back(',');
    append_csv_field(text, r.specialty);
    text.push_back(',');
    append_csv_field(text, r.figure);
    text.push_back(',');
    append_trimmed(text, r.mean, 4);
    text.push_back(',');
    if (r.interval) append_trimmed(text, r.p05);
    text.push_back(',');
    if (r.interval) append_trimmed(text, r.p95);
    text.push_back(',');
    if (r.published) append_trimmed(text, *r.published, 4);
    text.push_back(',');
    append_csv_field(text, r.relation);
    text.push_back(',');
    append_csv_field(text, r.source);
    text.push_back('\n');
  }
  return text;
}

// One block per figure (in order of first appearance), its rows by year.
void print_table(std::ostream& out, const std::vector<BackcastRow>& rows) {
  std::vector<std::string> figures;
  for (const BackcastRow& r : rows)
    if (std::find(figures.begin(), figures.end(), r.figure) == figures.end()) figures.push_back(r.figure);
  for (const std::string& figure : figures) {
    bool header = false;
    for (const BackcastRow& r : rows) {
      if (r.figure != figure) continue;
      if (!header) {
        out << "\n" << r.figure << (r.relation.empty() ? "" : " (published: " + r.relation + ")") << "\n";
        out << "  year  region  specialty                      simulated mean [90%]   published\n";
        header = true;
      }
      std::string line = "  " + std::to_string(r.year) + "  " + r.region;
      line += std::string(16 - std::min<std::size_t>(15, utf8_width(line)), ' ');
      line += r.specialty;
      line += std::string(47 - std::min<std::size_t>(46, utf8_width(line)), ' ');
      const std::string sim = interval_text(r);
      line += std::string(22 - std::min<std::size_t>(21, sim.size()), ' ') + sim;
      const std::string pub = published_text(r);
      line += std::string(12 - std::min<std::size_t>(11, pub.size()), ' ') + pub;
      out << line << "\n";
    }
  }
}

}  // namespace

Command add_backcast_command(CLI::App& app) {
  struct Options {
    RunFlags flags;
    std::string file;
    std::string data = "calibration/data";
    int from = 2016, to = 2025;
  };
  auto o = std::make_shared<Options>();
  o->flags.replications = 2000;
  CLI::App* cmd = app.add_subcommand(
      "backcast",
      "Simulate the flex years (and warm-up years with published fill figures) beside the record");
  cmd->add_option("SCENARIO", o->file, "Scenario JSON file (e.g. scenarios/flex_scheme.json)")->required();
  cmd->add_option("--data", o->data, "Folder of published figures and posting records")
      ->capture_default_str();
  cmd->add_option("--from", o->from, "First year compared")
      ->check(CLI::Range(1990, 2100))
      ->capture_default_str();
  cmd->add_option("--to", o->to, "Last year compared")->check(CLI::Range(1990, 2100))->capture_default_str();
  add_run_flags(*cmd, o->flags);
  return {cmd, [o] {
            if (o->from > o->to)
              throw UsageError("--from " + std::to_string(o->from) + " is after --to " +
                               std::to_string(o->to) + "; expected a range of years, first to last");
            const Scenario s = load_scenario(o->file, o->flags.set);
            const std::filesystem::path dir(o->data);
            const PublishedFigures figures = read_published_figures(dir, o->data);
            const PostingRecords records =
                read_posting_records(dir / "posting_records.csv", (dir / "posting_records.csv").string());
            const std::filesystem::path out_path = o->flags.out_dir(s.name + "_backcast");
            OutputDirectory out(out_path, o->flags.force);

            ProgressBar progress(o->flags.replications, !o->flags.quiet && stderr_is_terminal());
            const RunResult result = run_scenarios({&s}, o->flags.run_options(&progress));
            progress.finish();

            const std::vector<BackcastRow> rows =
                backcast(result.scenarios.front(), figures, records, o->from, o->to);
            if (rows.empty())
              throw UsageError("no published figure for " + std::to_string(o->from) + "-" +
                               std::to_string(o->to) + " in " + o->data +
                               "; expected years the record covers");
            out.write("backcast.csv", backcast_csv(rows));
            out.commit();
            if (!o->flags.quiet) {
              std::cout << "Backcast of '" << s.name << "' " << o->from << "-" << o->to << ", "
                        << o->flags.replications << " replications, seed " << o->flags.seed
                        << ": the simulated past beside every published figure for those years.\n"
                        << "Years before " << s.calendar.start_year
                        << " are the model's warm-up: their ordinary courses come from the scenario.";
              print_table(std::cout, rows);
              std::cout << "\nSources of the published figures are in "
                        << (out_path / "backcast.csv").string() << ".\n";
            }
            return kExitOk;
          }};
}

}  // namespace forlob
