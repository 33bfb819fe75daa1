#pragma once
// A scenario as documents: the file, the files it extends (each a JSON Merge Patch, RFC 7396, on
// its parent) and the --set overrides, merged into one JSON document. Knows where every value came
// from, so that a validation error can name the right file. Validation is ScenarioLoader's job.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace forlob {

struct ScenarioLayer {
  std::string name;    // the path as given (top) or as reached through "extends"
  nlohmann::json doc;  // as read, without "extends"
};

struct SetOverride {
  std::string arg;  // as given on the command line
  std::string pointer;
  nlohmann::json value;
  std::string resolved_pointer;  // pointer, with a final "-" (append) replaced by the new index
};

struct ScenarioDocument {
  std::string top;
  std::vector<ScenarioLayer> layers;  // the top file first, then what it extends, and so on
  std::vector<SetOverride> sets;
  nlohmann::json merged;

  // The file a value at `pointer` came from: the last --set that set it or something inside it
  // (a share that no longer sums to 1), else the most-derived file that has it, else the top file.
  std::string origin(const std::string& pointer) const;
};

// Reads `file` and its "extends" chain (a cycle is an error), merges them and applies the
// "/json/pointer=value" overrides in order (the value is JSON, or a string when it is not JSON).
// Every file, every --set value and the merged document are held to the JsonLimits (nesting).
// Missing or malformed files and unreadable overrides throw InputError.
ScenarioDocument read_scenario_document(const std::filesystem::path& file,
                                        const std::vector<std::string>& set_args);

// True when `pointer` is `prefix` or lies inside it, segment by segment.
bool pointer_at_or_under(const std::string& pointer, const std::string& prefix);
bool document_contains(const nlohmann::json& doc, const std::string& pointer);
// nlohmann's exception message without its "[json.exception.x.y] " prefix, on one line.
std::string json_library_detail(const char* what);

}  // namespace forlob
