#include "scenario/LayerChecks.hpp"

#include <algorithm>
#include <functional>

#include "core/Errors.hpp"
#include "scenario/JsonReader.hpp"

namespace forlob {

namespace {

using Json = nlohmann::json;

// Calls visit(pointer, value) for every number at or under `pointer`, /sources excluded.
void for_each_number(const Json& value, const std::string& pointer,
                     const std::function<void(const std::string&, const Json&)>& visit) {
  if (pointer == "/sources") return;
  if (value.is_object()) {
    for (const auto& [key, child] : value.items())
      for_each_number(child, pointer + "/" + escape_pointer_token(key), visit);
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i)
      for_each_number(value[i], pointer + "/" + std::to_string(i), visit);
  } else if (value.is_number()) {
    visit(pointer, value);
  }
}

// The key of `sources` that covers `pointer` (itself or its longest prefix), or "".
std::string covering_key(const std::map<std::string, std::string>& sources, std::string pointer) {
  for (; !pointer.empty(); pointer = pointer.substr(0, pointer.rfind('/')))
    if (sources.contains(pointer)) return pointer;
  return {};
}

bool has_source_key(const Json& layer, const std::string& key) {
  const auto it = layer.find("sources");
  return it != layer.end() && it->is_object() && it->contains(key);
}

}  // namespace

std::string replaced_by(const nlohmann::json& document, const std::string& pointer) {
  const std::string mean = "/fill/mean/";
  if (pointer.rfind(mean, 0) != 0) return {};
  const std::string cell = "/fill/cells/" + pointer.substr(mean.size()) + "/mean";
  return document_contains(document, cell) ? cell : std::string();
}

std::string unread_by_fill_model(const nlohmann::json& document, const std::string& pointer) {
  const Json::json_pointer model("/fill/model");
  if (!document.contains(model) || document.at(model) != "applicants") return {};
  for (const std::string only :
       {"/fill/mean", "/fill/cells", "/fill/concentration", "/fill/year_concentration",
        "/fill/kind_multiplier", "/fill/repost_multiplier"}) {
    if (!pointer_at_or_under(pointer, only)) continue;
    const std::string independent = "use the independent model (--set /fill/model=\"independent\")";
    std::string instead = independent + " instead";
    // /fill/mean/ID/REGION and /fill/cells/ID/REGION/...: the applicants who fill that cell.
    const std::string rest = pointer.substr(only.size());
    if ((only == "/fill/mean" || only == "/fill/cells") && rest.size() > 1) {
      const std::string specialty = rest.substr(1, rest.find('/', 1) - 1);
      instead = "set /applicants/level/" + specialty + " or /applicants/home/" + specialty +
                "/<region> (the applicants who fill its courses) instead, or " + independent;
    }
    return "the applicant model (/fill/model \"applicants\") does not read " + only + "; " + instead;
  }
  return {};
}

void require_sets_take_effect(const ScenarioDocument& document) {
  for (const SetOverride& set : document.sets) {
    if (!document_contains(document.merged, set.pointer)) continue;
    for_each_number(document.merged.at(Json::json_pointer(set.pointer)), set.pointer,
                    [&](const std::string& pointer, const Json&) {
                      // A --set of the block that also chooses the model sets what it reads.
                      if (const std::string unread = unread_by_fill_model(document.merged, pointer);
                          !unread.empty() && !pointer_at_or_under("/fill/model", set.pointer))
                        throw InputError("--set " + one_line(set.arg), one_line(pointer),
                                         "expected a value the scenario uses; " + unread +
                                             ", so this --set would change nothing");
                      const std::string cell = replaced_by(document.merged, pointer);
                      if (cell.empty()) return;
                      throw InputError("--set " + one_line(set.arg), one_line(pointer),
                                       "expected a value the scenario uses; " + one_line(pointer) +
                                           " is replaced by " + one_line(cell) +
                                           " (a calibrated cell), so this --set would change nothing: set " +
                                           one_line(cell) + " instead");
                    });
  }
}

std::vector<LayerChange> changed_numbers(const ScenarioDocument& document, std::size_t layer) {
  // layers[0] is the top file, the last layer the most distant parent (or the fitted file).
  const std::size_t n = document.layers.size();
  std::vector<LayerChange> out;
  if (layer + 1 >= n) {
    for_each_number(document.layers[layer].doc, "", [&](const std::string& pointer, const Json& value) {
      out.push_back({pointer, nullptr, value});
    });
    return out;
  }
  Json parents = document.layers[n - 1].doc;
  for (std::size_t j = n - 1; j-- > layer + 1;) parents.merge_patch(document.layers[j].doc);
  for_each_number(document.layers[layer].doc, "", [&](const std::string& pointer, const Json& value) {
    const bool had = document_contains(parents, pointer);
    if (had && parents.at(Json::json_pointer(pointer)) == value) return;
    out.push_back({pointer, had ? parents.at(Json::json_pointer(pointer)) : Json(nullptr), value});
  });
  return out;
}

void require_own_sources(const ScenarioDocument& document,
                         const std::map<std::string, std::string>& sources) {
  for (std::size_t i = document.layers.size() - 1; i-- > 0;) {
    for (const LayerChange& change : changed_numbers(document, i)) {
      const std::string key = covering_key(sources, change.pointer);
      if (key.empty()) continue;  // the loader reports a number without any source
      if (sources.at(key).rfind("override: ", 0) == 0) continue;  // a --set answers for it
      // The covering source must be written by this file or by one that extends it.
      bool own = false;
      for (std::size_t k = 0; k <= i && !own; ++k) own = has_source_key(document.layers[k].doc, key);
      if (own) continue;
      const std::string what = change.from.is_null()
                                   ? std::string("adds a value its parents lack")
                                   : "changes the value its parent gives (" + describe_value(change.from) +
                                         " to " + describe_value(change.to) + ")";
      throw InputError(one_line(document.layers[i].name), one_line(change.pointer),
                       what + " but has no source of its own (the source at " + one_line(key) +
                           " belongs to a parent file); add a /sources entry for " +
                           one_line(change.pointer) +
                           " (or a prefix of it) in this file, naming its source or 'assumption: ...'");
    }
  }
}

}  // namespace forlob
