#include "scenario/ScenarioRecord.hpp"

#include <array>
#include <string_view>

#include "core/ContentHash.hpp"
#include "core/TextFile.hpp"
#include "scenario/JsonReader.hpp"
#include "scenario/LayerChecks.hpp"
#include "scenario/ScenarioDocument.hpp"

namespace forlob {

namespace {

using Json = nlohmann::json;

// The fitted files `forlob calibrate` writes and the shipped scenarios name.
bool is_shipped_fit(const std::filesystem::path& path) {
  const std::filesystem::path p = path.lexically_normal();
  return (p.filename() == "fill.json" || p.filename() == "applicants.json") &&
         p.parent_path().filename() == "fitted" && p.parent_path().parent_path().filename() == "calibration";
}

std::string change_text(const Json& value) { return value.is_null() ? std::string("(none)") : value.dump(); }

}  // namespace

bool is_shipped_scenario_file(const std::filesystem::path& path) {
  static constexpr std::array<std::string_view, 5> kShipped{
      "base.json", "flex_scheme.json", "extraordinary_trial.json", "trial_with_flex.json", "neither.json"};
  const std::filesystem::path p = path.lexically_normal();
  if (p.parent_path().filename() != "scenarios") return false;
  for (std::string_view name : kShipped)
    if (p.filename() == name) return true;
  return false;
}

ScenarioRecord record_scenario(const std::filesystem::path& file, const std::vector<std::string>& sets) {
  ScenarioRecord record;
  record.file = file.string();
  record.sets = sets;
  const ScenarioDocument document = read_scenario_document(file, sets);
  for (std::size_t i = 0; i < document.layers.size(); ++i) {
    const ScenarioLayer& layer = document.layers[i];
    InputFileRecord input;
    input.path = layer.name;
    input.hash = fnv1a64_text(read_text_file(layer.name, layer.name));
    input.shipped = is_shipped_scenario_file(layer.name) || is_shipped_fit(layer.name);
    record.files.push_back(input);
  }
  // Values changed by files that are not shipped, from the most distant parent up, then --set.
  for (std::size_t i = document.layers.size(); i-- > 0;) {
    if (record.files[i].shipped) continue;
    for (const LayerChange& change : changed_numbers(document, i))
      record.changes.push_back(
          {change.pointer, change_text(change.from), change_text(change.to), document.layers[i].name});
  }
  if (!sets.empty()) {
    const Json before = read_scenario_document(file, {}).merged;
    for (const SetOverride& set : document.sets) {
      const Json was =
          document_contains(before, set.pointer) ? before.at(Json::json_pointer(set.pointer)) : Json();
      record.changes.push_back(
          {set.pointer, change_text(was), set.value.dump(), "--set " + one_line(set.arg)});
    }
  }
  return record;
}

}  // namespace forlob
