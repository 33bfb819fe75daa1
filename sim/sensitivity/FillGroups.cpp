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
constexpr std::string_view kApplicantPrefix = "applicants.";

std::string fill_model_of(const nlohmann::json& document) {
  const auto fill = document.find("fill");
  if (fill == document.end() || !fill->is_object()) return "independent";
  const auto model = fill->find("model");
  return model != fill->end() && model->is_string() ? model->get<std::string>() : "independent";
}

std::vector<std::string> applicant_group_names(const std::vector<std::string>& ids) {
  std::vector<std::string> names;
  for (const std::string& n : fill_group_names(ids))
    if (n.rfind(kApplicantPrefix, 0) == 0) names.push_back(n);
  return names;
}

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

bool is_fill_group(const std::string& name) {
  return name.rfind(kPrefix, 0) == 0 || name.rfind(kApplicantPrefix, 0) == 0;
}

FillGroupTarget fill_group_target(const std::string& name, const nlohmann::json& document,
                                  const std::string& origin) {
  const std::vector<std::string> ids = specialty_ids(document);
  const bool applicants = fill_model_of(document) == "applicants";
  if (const auto match = find_fill_group(name, ids)) {
    // A group must move something under the scenario's fill model: the kind multipliers act only
    // on the independent model's draws, the applicant groups only on the applicant pools.
    if (applicants && name.rfind("fill.kind.", 0) == 0)
      throw InputError(origin, "",
                       one_line(name) + " has no effect under the applicant model (/fill/model); expected " +
                           "applicants.attractiveness." + name.substr(std::string("fill.kind.").size()) +
                           ", which sets who is served first");
    if (!applicants && name.rfind(kApplicantPrefix, 0) == 0)
      throw InputError(
          origin, "",
          one_line(name) + " acts only under the applicant model; set /fill/model to \"applicants\"");
    return {match->pointer, 1};
  }
  if (name.rfind(kApplicantPrefix, 0) == 0)
    throw InputError(origin, "",
                     "unknown parameter group '" + one_line(name) +
                         "'; expected one of: " + join(applicant_group_names(ids)));
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
