#include "sensitivity/FillGroups.hpp"

#include <array>
#include <string_view>

#include "core/Errors.hpp"
#include "core/Region.hpp"
#include "scenario/JsonReader.hpp"

namespace forlob {

namespace {

constexpr std::string_view kPrefix = "fill.";

// Kinds of posting (Scenario PostingKind) and where their multiplier lives.
constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kKinds{{
    {"ordinary", "/fill/kind_multiplier/ordinary"},
    {"reposting", "/fill/repost_multiplier"},  // genopslag (R5)
    {"carried_over", "/fill/kind_multiplier/carried_over"},
    {"flex", "/fill/kind_multiplier/flex"},
    {"extraordinary", "/fill/kind_multiplier/extraordinary"},
}};

std::vector<std::string> specialty_ids(const nlohmann::json& document) {
  std::vector<std::string> ids;
  const auto it = document.find("specialties");
  if (it == document.end() || !it->is_array()) return ids;
  for (const nlohmann::json& s : *it)
    if (s.is_object() && s.contains("id") && s["id"].is_string()) ids.push_back(s["id"].get<std::string>());
  return ids;
}

std::vector<std::string> kind_names() {
  std::vector<std::string> names;
  for (const auto& [kind, pointer] : kKinds) names.emplace_back(kind);
  return names;
}

}  // namespace

bool is_fill_group(const std::string& name) { return name.rfind(kPrefix, 0) == 0; }

FillGroupTarget fill_group_target(const std::string& name, const nlohmann::json& document,
                                  const std::string& origin) {
  const std::string rest = name.substr(kPrefix.size());
  if (rest == "overall") return {"/fill/scale/overall", 1};
  const auto dot = rest.find('.');
  const std::string group = rest.substr(0, dot);
  const std::string member = dot == std::string::npos ? std::string() : rest.substr(dot + 1);
  if (group == "specialty" && dot != std::string::npos) {
    const std::vector<std::string> ids = specialty_ids(document);
    for (const std::string& id : ids)
      if (id == member) return {"/fill/scale/specialty/" + escape_pointer_token(id), 1};
    throw InputError(origin, "",
                     "unknown specialty '" + one_line(member) + "' in " + one_line(name) +
                         "; expected one of: " + join(ids));
  }
  if (group == "region" && dot != std::string::npos) {
    if (const auto r = parse_region(member)) return {"/fill/scale/region/" + std::string(region_name(*r)), 1};
    throw InputError(origin, "",
                     "unknown region '" + one_line(member) + "' in " + one_line(name) +
                         "; expected one of: " + join(region_names()));
  }
  if (group == "kind" && dot != std::string::npos) {
    for (const auto& [kind, pointer] : kKinds)
      if (kind == member) return {std::string(pointer), 1};
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
  std::vector<std::string> names{"fill.overall"};
  for (const std::string& id : specialty_ids(document)) names.push_back("fill.specialty." + id);
  for (const std::string& r : region_names()) names.push_back("fill.region." + r);
  for (const std::string& k : kind_names()) names.push_back("fill.kind." + k);
  return names;
}

}  // namespace forlob
