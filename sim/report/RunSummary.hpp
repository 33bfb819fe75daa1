#pragma once
// What summary.json says about a run: the command, its scenarios (names, descriptions, specialties,
// trial years, parameter provenance), seed, replications, threads, version and, for directories
// written before headlines.csv existed, the headline sums. Unknown keys are ignored, so newer
// writers (sweep, sensitivity, forecast) can add their own.
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "report/Quantiles.hpp"

namespace forlob {

// One number of a scenario and where it came from (summary.json scenarios[i].parameters).
struct ParameterSource {
  std::string pointer;
  std::string value;  // compact JSON, as the scenario holds it
  std::string tier;   // published, derived, calibrated, assumption, override
  std::string source;
  std::string replaced_by;  // set when another value is used instead (e.g. a /fill/cells mean)
};

struct SpecialtyInfo {
  std::string id, name;
  bool trial = false;      // one of the four trial specialties
  int course_months = 48;  // nominal main-course length
};

// A file a scenario was read from, and a value that differs from the shipped scenarios.
struct InputFileInfo {
  std::string path, hash;
  bool shipped = false;
};
struct ValueChangeInfo {
  std::string pointer, from, to, by;
};

struct ScenarioInfo {
  std::string name, file, description;
  std::vector<std::pair<std::string, int>> source_tiers;  // count of `sources` entries by tier
  std::optional<std::vector<ParameterSource>> parameters;
  std::vector<SpecialtyInfo> specialties;          // from the resolved scenario
  std::optional<std::pair<int, int>> trial_years;  // the extraordinary trial's years, if it runs
  // For each headline, how many assumption-tier parameters it rests on (summary.json
  // assumption_dependence); empty when the summary predates it.
  std::map<std::string, int> assumption_parameters;
  // For each /sources key of an assumption-tier input, how many headlines rest on it.
  std::map<std::string, int> assumption_source_uses;
  std::vector<InputFileInfo> input_files;  // with content hashes (newer summaries)
  std::vector<std::string> sets;           // the --set arguments applied to it
  std::vector<ValueChangeInfo> changes;    // what differs from the shipped scenarios
};

struct YearSpan {
  int warmup_start = 0, start = 0, end = 0, followup_end = 0;
  // The last hiring year: after `end` (the plan's last year) hiring follows the post-trial rule up to
  // here (summary.json's hiring_end; `end` in summaries written before the rule).
  int hiring_end = 0;
  bool has_post_trial() const { return hiring_end > end; }
};

// A headline sum for one scenario (or the difference, scenario "<B> - <A>").
struct HeadlineRow {
  std::string scenario, headline, label;
  int first_year = 0, last_year = 0;
  double mean = 0, sd = 0, mc_se = 0;
  Quantiles q;
};

struct RunSummary {
  std::string command;  // run, compare, or a newer command's name
  std::string version;  // forlob version that wrote the directory
  std::optional<std::uint64_t> seed;
  std::optional<std::int64_t> replications;
  std::optional<int> threads;
  std::optional<YearSpan> years;
  std::vector<ScenarioInfo> scenarios;
  std::string command_line;                    // as typed (newer summaries)
  bool what_if = false;                        // a --set or a scenario file that is not shipped
  std::string difference_label;                // "<B> - <A>" for compare of two
  std::vector<std::string> difference_labels;  // every "<X> - <A>", in order (compare of two or more)
  std::vector<HeadlineRow> headlines;          // scenarios' then the difference's; no quartiles
  bool is_simulation() const { return command == "run" || command == "compare"; }
  const SpecialtyInfo* specialty(const std::string& id) const;  // in the first scenario
};

// Reads summary.json; `shown` names it in messages. Malformed JSON or a wrong type is an
// InputError with the line and column or the JSON pointer.
RunSummary read_run_summary(const std::filesystem::path& file, const std::string& shown);
RunSummary parse_run_summary(const std::string& text, const std::string& shown);

// The first year whose completions miss cohorts that would have started after the last simulated
// hiring round (the year after hiring_end plus the shortest main course), or none within the
// follow-up.
std::optional<int> incomplete_tail_from(const RunSummary& s);

// The years a headline name ends with: "..._2031_2036" -> {2031, 2036}, "..._2027" -> {2027, 2027};
// nullopt when it ends with neither.
std::optional<std::pair<int, int>> headline_years(const std::string& name);

}  // namespace forlob
