#include "sensitivity/ScenarioParameters.hpp"

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

#include "core/Errors.hpp"
#include "scenario/JsonReader.hpp"
#include "scenario/LayerChecks.hpp"
#include "scenario/ScenarioDocument.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "sensitivity/FillGroups.hpp"

namespace forlob {

namespace {

using Json = nlohmann::json;

// What lies at the deepest existing prefix of a pointer that leads nowhere, for the message.
std::string nothing_at(const Json& document, const std::string& pointer) {
  std::string prefix = pointer;
  while (!prefix.empty() && !document_contains(document, prefix))
    prefix = prefix.substr(0, prefix.rfind('/'));
  const Json& there = prefix.empty() ? document : document.at(Json::json_pointer(prefix));
  std::string text =
      "expected a pointer to a number in the scenario; there is nothing at " + one_line(pointer);
  if (there.is_object()) {
    std::vector<std::string> keys;
    for (const auto& item : there.items()) keys.push_back(one_line(item.key()));
    text += " (" + (prefix.empty() ? std::string("/") : one_line(prefix)) + " has: " + join(keys) + ")";
  }
  return text;
}

std::string json_type(const Json& value) {
  if (value.is_object()) return "an object";
  if (value.is_array()) return "an array";
  if (value.is_string()) return "a string";
  if (value.is_boolean()) return "a boolean";
  return "null";
}

BoundParameter bind(const ParameterSpec& spec, const Json& document) {
  BoundParameter p;
  p.spec = spec;
  double default_value = std::numeric_limits<double>::quiet_NaN();
  if (is_fill_group(spec.label)) {
    const FillGroupTarget target = fill_group_target(spec.label, document, spec.origin);
    p.pointer = target.pointer;
    p.factor = true;
    default_value = target.default_value;
  } else if (!spec.label.empty() && spec.label[0] == '/') {
    p.pointer = spec.label;
    try {
      Json::json_pointer check(p.pointer);
    } catch (const Json::exception& e) {
      throw InputError(spec.origin, "", "expected a JSON pointer: " + json_library_detail(e.what()));
    }
    // The /fill/scale multipliers default to 1 when left out; the loader checks the key itself.
    if (pointer_at_or_under(p.pointer, "/fill/scale") && p.pointer != "/fill/scale") default_value = 1;
  } else {
    throw InputError(
        spec.origin, "",
        "expected a JSON pointer such as /fill/concentration or a group such as fill.overall, got '" +
            one_line(spec.label) + "'");
  }
  if (!document_contains(document, p.pointer)) {
    if (std::isnan(default_value)) throw InputError(spec.origin, "", nothing_at(document, p.pointer));
    p.base = default_value;  // a /fill/scale key the scenario leaves at its default
    return p;
  }
  // Under the applicant model the independent model's fill rates are not read at all.
  if (const std::string unread = unread_by_fill_model(document, p.pointer); !unread.empty())
    throw InputError(spec.origin, "", "expected a value the scenario uses; " + unread);
  // A calibrated cell (/fill/fitted, /fill/cells) replaces /fill/mean: varying the mean would
  // change nothing the simulator reads.
  if (const std::string cell = replaced_by(document, p.pointer); !cell.empty()) {
    throw InputError(spec.origin, "",
                     "expected a value the scenario uses; " + one_line(p.pointer) + " is replaced by " +
                         one_line(cell) + " (a calibrated cell): vary that instead");
  }
  const Json& value = document.at(Json::json_pointer(p.pointer));
  if (!value.is_number())
    throw InputError(spec.origin, "",
                     "expected a pointer to a number; " + one_line(p.pointer) + " is " + json_type(value));
  p.base = value.get<double>();
  return p;
}

}  // namespace

ScenarioParameters::ScenarioParameters(std::string file, std::vector<std::string> set,
                                       const std::vector<ParameterSpec>& specs)
    : file_(std::move(file)), set_(std::move(set)) {
  const Json document = resolve_scenario_document(file_, set_);
  for (const ParameterSpec& spec : specs) {
    BoundParameter p = bind(spec, document);
    for (const BoundParameter& other : parameters_)
      if (pointer_at_or_under(p.pointer, other.pointer) || pointer_at_or_under(other.pointer, p.pointer))
        throw InputError(spec.origin, "",
                         "expected each scenario value to be varied once; " + one_line(p.pointer) +
                             " is already varied by " + one_line(other.spec.label));
    parameters_.push_back(std::move(p));
  }
}

std::vector<std::string> ScenarioParameters::patches(std::span<const double> levels) const {
  std::vector<std::string> out = set_;
  for (std::size_t i = 0; i < parameters_.size(); ++i) {
    if (std::isnan(levels[i])) continue;
    // nlohmann writes doubles so that they read back exactly.
    out.push_back(parameters_[i].pointer + "=" + Json(parameters_[i].value_at(levels[i])).dump());
  }
  return out;
}

Scenario ScenarioParameters::load(std::span<const double> levels) const {
  try {
    return load_scenario(file_, patches(levels));
  } catch (const InputError& e) {
    std::vector<std::string> at;
    for (std::size_t i = 0; i < parameters_.size(); ++i)
      if (!std::isnan(levels[i])) at.push_back(parameters_[i].spec.label + "=" + describe_value(levels[i]));
    std::vector<std::string> origins;
    for (const BoundParameter& p : parameters_) origins.push_back(p.spec.origin);
    throw InputError(join(origins, ", "), e.place(), e.expected() + " (at " + join(at, ", ") + ")");
  }
}

void ScenarioParameters::check_bounds() const {
  std::vector<double> levels(parameters_.size(), std::numeric_limits<double>::quiet_NaN());
  for (std::size_t i = 0; i < parameters_.size(); ++i) {
    for (const double level : {parameters_[i].spec.lower, parameters_[i].spec.upper}) {
      levels[i] = level;
      try {
        (void)load_scenario(file_, patches(levels));
      } catch (const InputError& e) {
        throw InputError(parameters_[i].spec.origin, e.place(),
                         e.expected() + " (" + file_ + " with " + parameters_[i].spec.label + " at " +
                             describe_value(level) + ")");
      }
    }
    levels[i] = std::numeric_limits<double>::quiet_NaN();
  }
}

}  // namespace forlob
