#include "sensitivity/FillGroups.hpp"

#include <array>
#include <string_view>

#include "core/Errors.hpp"
#include "core/Region.hpp"
#include "scenario/JsonReader.hpp"
#include "scenario/ParameterRegistry.hpp"

namespace forlob {

namespace {

constexpr std::string_view kPrefix = "fill.";

std::vector<std::string> specialty_ids(const nlohmann::json& document) {
  std::vector<std::string> ids;
  const auto it = document.find("specialties");
  if (it == document.end() || !it->is_array()) return ids;
  for (const nlohmann::json& s : *it)
    if (s.is_object() && s.contains("id") && s["id"].is_string()) ids.push_back(s["id"].get<std::string>());
  return ids;
}

// The kinds of posting that have a group (fill.kind.<kind>), as the registry names them.
std::vector<std::string> kind_names() {
  std::vector<std::string> names;
  const std::string kind_prefix = "fill.kind.";
  for (const std::string& name : fill_group_names(std::vector<std::string>{}))
    if (name.rfind(kind_prefix, 0) == 0) names.push_back(name.substr(kind_prefix.size()));
  return names;
}

}  // namespace

bool is_fill_group(const std::string& name) { return name.rfind(kPrefix, 0) == 0; }

FillGroupTarget fill_group_target(const std::string& name, const nlohmann::json& document,
                                  const std::string& origin) {
  const std::vector<std::string> ids = specialty_ids(document);
  if (const auto match = find_fill_group(name, ids)) return {match->pointer, 1};
  const std::string rest = name.substr(kPrefix.size());
  const auto dot = rest.find('.');
  const std::string group = rest.substr(0, dot);
  const std::string member = dot == std::string::npos ? std::string() : rest.substr(dot + 1);
  if (group == "specialty" && dot != std::string::npos) {
    throw InputError(origin, "",
                     "unknown specialty '" + one_line(member) + "' in " + one_line(name) +
                         "; expected one of: " + join(ids));
  }
  if (group == "region" && dot != std::string::npos) {
    throw InputError(origin, "",
                     "unknown region '" + one_line(member) + "' in " + one_line(name) +
                         "; expected one of: " + join(region_names()));
  }
  if (group == "kind" && dot != std::string::npos) {
    throw InputError(origin, "",
                     "unknown kind of posting '" + one_line(member) + "' in " + one_line(name) +
                         "; expected one of: " + join(kind_names()));
  }
  throw InputError(origin, "",
                   "unknown parameter group '" + one_line(name) +
                       "'; expected fill.overall, fill.specialty.<id>, fill.region.<Nord|Syd|Øst>, "
                       "fill.kind.<" +
                       join(kind_names(), "|") + "> or a JSON pointer such as /fill/concentration");
}

std::vector<std::string> fill_group_names(const nlohmann::json& document) {
  return fill_group_names(specialty_ids(document));
}

}  // namespace forlob
