#include "scenario/ScenarioDocument.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <set>
#include <utility>

#include "core/Errors.hpp"
#include "core/TextFile.hpp"
#include "scenario/FittedApplicantsLayer.hpp"
#include "scenario/FittedFillLayer.hpp"
#include "scenario/JsonLimits.hpp"
#include "scenario/JsonReader.hpp"
#include "scenario/JsonText.hpp"

namespace forlob {

namespace fs = std::filesystem;
using Json = nlohmann::json;

bool pointer_at_or_under(const std::string& pointer, const std::string& prefix) {
  return pointer == prefix ||
         (pointer.size() > prefix.size() && pointer.compare(0, prefix.size(), prefix) == 0 &&
          pointer[prefix.size()] == '/');
}

bool document_contains(const nlohmann::json& doc, const std::string& pointer) {
  try {
    return doc.contains(nlohmann::json::json_pointer(pointer));
  } catch (const nlohmann::json::exception&) {
    return false;
  }
}

// nlohmann's message without its "[json.exception.x.y] " prefix, on one line.
std::string json_library_detail(const char* what) {
  std::string s(what);
  if (s.rfind("[json.exception.", 0) == 0) {
    const auto close = s.find("] ");
    if (close != std::string::npos) s = s.substr(close + 2);
  }
  return one_line(s);
}

namespace {

// How many reference tokens a JSON pointer has ("" none, "/a/b" two).
int pointer_depth(const std::string& pointer) {
  return static_cast<int>(std::count(pointer.begin(), pointer.end(), '/'));
}

SetOverride parse_set(const std::string& arg) {
  const std::string shown = "'" + one_line(shortened(arg, 200)) + "'";
  const auto eq = arg.find('=');
  if (eq == std::string::npos)
    throw InputError("--set", "", "cannot read " + shown + ": expected /json/pointer=value");
  SetOverride s{arg, arg.substr(0, eq), Json(), {}};
  if (s.pointer.empty() || s.pointer[0] != '/')
    throw InputError(
        "--set", "",
        "cannot read " + shown + ": the pointer must start with '/', e.g. /fill/concentration=50");
  try {
    Json::json_pointer check(s.pointer);
  } catch (const Json::exception& e) {
    throw InputError("--set", "", "cannot read " + shown + ": " + json_library_detail(e.what()));
  }
  if (pointer_at_or_under(s.pointer, "/extends"))
    throw InputError("--set", "", "cannot read " + shown + ": /extends cannot be set on the command line");
  const std::string text = arg.substr(eq + 1);
  if (const auto violation = check_json_limits(text))
    throw InputError("--set " + one_line(shortened(arg, 200)),
                     "column " + std::to_string(violation->column + eq + 1), violation->message);
  s.value = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (s.value.is_discarded()) s.value = text;  // not JSON: a string
  if (pointer_depth(s.pointer) + json_depth(s.value) > kMaxJsonDepth)
    throw InputError("--set " + one_line(shortened(arg, 200)), "",
                     nesting_limit_message() + " (pointer and value together)");
  s.resolved_pointer = s.pointer;
  return s;
}

// "/calendar/rounds/-" appends to the array; messages about the new element name it by index.
std::string resolved_set_pointer(const Json& doc, const std::string& pointer) {
  const std::string append = "/-";
  if (pointer.size() < append.size() ||
      pointer.compare(pointer.size() - append.size(), append.size(), append) != 0)
    return pointer;
  const std::string parent = pointer.substr(0, pointer.size() - append.size());
  try {
    const Json& array = doc.at(Json::json_pointer(parent));
    if (array.is_array()) return parent + "/" + std::to_string(array.size());
  } catch (const Json::exception&) {
  }
  return pointer;
}

// The fitted fill file the document names once --set is applied: a --set names it relative to the
// current directory, a scenario file relative to itself. Null or absent: none.
std::optional<std::pair<std::string, std::string>> fitted_fill_reference(const ScenarioDocument& r) {
  Json with_sets = r.merged;
  for (const SetOverride& s : r.sets) {
    try {
      with_sets[Json::json_pointer(s.pointer)] = s.value;
    } catch (const Json::exception&) {
      return std::nullopt;  // reported when the overrides are applied
    }
  }
  const Json::json_pointer at("/fill/fitted");
  if (!document_contains(with_sets, "/fill/fitted") || with_sets.at(at).is_null()) return std::nullopt;
  const std::string origin = r.origin("/fill/fitted");
  return std::make_pair(origin, JsonReader(with_sets, origin).at("fill").at("fitted").non_empty_string());
}

}  // namespace

ScenarioDocument read_scenario_document(const std::filesystem::path& file,
                                        const std::vector<std::string>& set_args) {
  ScenarioDocument r;
  r.top = file.string();
  for (const std::string& arg : set_args) r.sets.push_back(parse_set(arg));

  fs::path path = file;
  std::string name = r.top;
  std::vector<std::pair<fs::path, std::string>> chain;  // canonical path, name
  while (true) {
    Json doc = parse_json_text(read_text_file(path, name), name);
    if (!doc.is_object()) JsonReader(doc, name).expected("a JSON object (a scenario)");
    std::error_code ec;
    fs::path canonical = fs::weakly_canonical(path, ec);
    if (ec) canonical = fs::absolute(path).lexically_normal();
    chain.emplace_back(canonical, name);

    std::optional<std::string> parent;
    if (auto ext = JsonReader(doc, name).find("extends")) parent = ext->non_empty_string();
    doc.erase("extends");
    r.layers.push_back({name, std::move(doc)});
    if (!parent) break;

    const fs::path next = path.parent_path() / *parent;
    const std::string next_name = next.lexically_normal().string();
    fs::path next_canonical = fs::weakly_canonical(next, ec);
    if (ec) next_canonical = fs::absolute(next).lexically_normal();
    for (std::size_t i = 0; i < chain.size(); ++i) {
      if (chain[i].first != next_canonical) continue;
      std::vector<std::string> names;
      for (std::size_t j = i; j < chain.size(); ++j) names.push_back(chain[j].second);
      names.push_back(next_name);
      throw InputError(name, "/extends", "extends cycle: " + join(names, " -> "));
    }
    path = next;
    name = next_name;
  }

  r.merged = r.layers.back().doc;
  for (std::size_t i = r.layers.size() - 1; i-- > 0;) r.merged.merge_patch(r.layers[i].doc);
  if (const auto fitted = fitted_fill_reference(r))  // calibrated values under the files' own and --set
    apply_fitted_fill(r, fitted->first, fitted->second);
  apply_fitted_applicants(r);

  for (SetOverride& s : r.sets) {
    try {
      s.resolved_pointer = resolved_set_pointer(r.merged, s.pointer);
      r.merged[Json::json_pointer(s.pointer)] = s.value;
    } catch (const Json::exception& e) {
      throw InputError(
          "--set", "",
          "cannot apply '" + one_line(shortened(s.arg, 200)) + "': " + json_library_detail(e.what()));
    }
  }
  // The last guard before anything walks the document (merge patches, validation, provenance).
  if (json_depth(r.merged) > kMaxJsonDepth) throw InputError(r.top, "", nesting_limit_message());
  return r;
}

// The file a value at `pointer` came from: the last --set that set it or something inside it (a
// share that no longer sums to 1), else the most-derived file that has it, else the top file.
std::string ScenarioDocument::origin(const std::string& pointer) const {
  if (!pointer.empty())
    for (auto it = sets.rbegin(); it != sets.rend(); ++it)
      if (pointer_at_or_under(pointer, it->resolved_pointer) ||
          pointer_at_or_under(it->resolved_pointer, pointer))
        return "--set " + one_line(shortened(it->arg, 200));
  for (const ScenarioLayer& layer : layers)
    if (document_contains(layer.doc, pointer)) return layer.name;
  return top;
}

}  // namespace forlob
