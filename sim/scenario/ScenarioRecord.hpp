#pragma once
// What a run read for one scenario, for summary.json and the report: every file of its extends
// chain (and the fitted file) with a content hash, the --set arguments, and every value that differs
// from the shipped scenarios, so that a what-if cannot pass for the shipped analysis.
#include <filesystem>
#include <string>
#include <vector>

namespace forlob {

struct InputFileRecord {
  std::string path;      // as given, or as reached through "extends"
  std::string hash;      // fnv1a64_text of the bytes read
  bool shipped = false;  // one of the repository's scenarios/*.json or calibration/fitted/fill.json
};

// A value a file that is not shipped, or a --set, changes: `by` names the file or "--set ARG".
struct ValueChangeRecord {
  std::string pointer, from, to, by;  // from is "(none)" when the value is new
};

struct ScenarioRecord {
  std::string file;
  std::vector<InputFileRecord> files;  // the file itself first, then what it extends, then fitted
  std::vector<std::string> sets;       // the --set arguments applied to it, in order
  std::vector<ValueChangeRecord> changes;
  bool what_if() const { return !changes.empty(); }
};

// The shipped scenario files (scenarios/<name>.json): base, flex_scheme, extraordinary_trial,
// trial_with_flex, neither.
bool is_shipped_scenario_file(const std::filesystem::path& path);

// Reads the scenario's documents again (InputError as load_scenario) and records them.
ScenarioRecord record_scenario(const std::filesystem::path& file, const std::vector<std::string>& sets);

}  // namespace forlob
