#pragma once
// Ready-made fill-rate parameters. Each is a factor on one scenario value:
//   fill.overall              -> /fill/scale/overall
//   fill.specialty.<id>       -> /fill/scale/specialty/<id>
//   fill.region.<Nord|Syd|Øst> -> /fill/scale/region/<region>
//   fill.kind.<kind>          -> /fill/kind_multiplier/<kind>   (reposting: /fill/repost_multiplier)
//   applicants.level[.<id>], applicants.mobility, applicants.extraordinary_new_share,
//   applicants.attractiveness.<kind>  -> the /applicants values (the applicant model only)
// The value set is the scenario's value times the factor, so factor 1 is the scenario as it is.
// Under the applicant model the fill.overall, fill.specialty and fill.region groups scale the
// applicants' arrival rates (/fill/scale acts on them), so where the pool binds the baseline fill
// rates move by about that factor; the fill.kind groups have no effect there and are refused.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace forlob {

struct FillGroupTarget {
  std::string pointer;
  double default_value = 1;  // when the scenario leaves the key out (the /fill/scale keys default to 1)
};

// True when `name` names a group (starts with "fill." or "applicants."), known or not.
bool is_fill_group(const std::string& name);

// The pointer a group scales. `document` is the resolved scenario, used to check specialty ids.
// Throws InputError(origin, "", what was expected) for an unknown group, specialty, region or kind.
FillGroupTarget fill_group_target(const std::string& name, const nlohmann::json& document,
                                  const std::string& origin);

// Every group name valid for `document`, for help texts and messages.
std::vector<std::string> fill_group_names(const nlohmann::json& document);

}  // namespace forlob
