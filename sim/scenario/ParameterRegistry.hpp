#pragma once
// Every number a scenario may hold, declared once: where it is (a JSON pointer pattern), whether it
// is an integer, its unit, the bounds within which the simulation runs it safely and in bounded
// work, and what it means. The loader checks every number of a scenario against its entry after
// the structural checks (ScenarioLoader: check_registered_bounds), `forlob params --registry`
// prints the table (the README's bounds table is that output), and the fill groups of sensitivity
// analysis are looked up here by name.
//
// Adding a parameter is adding one entry to the list in ParameterRegistry.cpp, e.g.
//   {"/applicants/{region}/per_year", Kind::Integer, "applicants", 0, 100'000, Reach::Every,
//    "Applicants a year"},
// A pattern token in braces matches any one token: {specialty} an id, {region} Nord/Syd/Øst,
// {year} a year key, {round} a round name, {index} an array position. An entry with a `group`
// name is also a fill group of `forlob sensitivity` ("fill.region.{region}").
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace forlob {

struct ParameterInfo {
  enum class Kind { Integer, Number };
  // What the number feeds, for the assumption flags of summary.json (AssumptionFlags): every
  // posting; the fill of its {specialty} (and, through the flex scheme's donors, any); the courses
  // of its {specialty}; the trainees of specialty {index}; the flex scheme; the trial.
  enum class Reach { Every, SpecialtyFill, SpecialtyCourses, Trainees, Flex, Extraordinary };
  ParameterInfo(std::string_view pattern_, Kind kind_, std::string_view unit_, double min_, double max_,
                Reach reach_, std::string_view meaning_, std::string_view group_ = {},
                double min_positive_ = 0)
      : pattern(pattern_),
        kind(kind_),
        unit(unit_),
        min(min_),
        max(max_),
        reach(reach_),
        meaning(meaning_),
        group(group_),
        min_positive(min_positive_) {}

  std::string_view pattern;
  Kind kind = Kind::Number;
  std::string_view unit;
  double min = 0, max = 0;  // closed interval
  Reach reach = Reach::Every;
  std::string_view meaning;
  std::string_view group;   // a sensitivity fill group scaling this number, or empty
  double min_positive = 0;  // when > 0: 0 means "none" and (0, min_positive) is refused
};

// The registry, in document order.
const std::vector<ParameterInfo>& parameter_registry();

// The entry whose pattern matches `pointer` (an escaped JSON pointer), or nullptr.
const ParameterInfo* find_parameter(std::string_view pointer);

// The token of `pointer` where the entry's pattern has `placeholder` ("{specialty}"), or "".
std::string placeholder_token(const ParameterInfo& info, std::string_view pointer,
                              std::string_view placeholder);

// "an integer in 0..100000 (courses)", "a number in [0, 1000000] (weight)" or "0 or a number in
// [0.001, 1000000] (concentration)".
std::string bounds_text(const ParameterInfo& info);

// A fill group by name ("fill.region.Nord"): the pointer it scales and its entry. `specialty_ids`
// are what {specialty} may be; {region} takes the region names. nullopt for an unknown name.
struct GroupMatch {
  std::string pointer;
  const ParameterInfo* info = nullptr;
};
std::optional<GroupMatch> find_fill_group(const std::string& name,
                                          const std::vector<std::string>& specialty_ids);
// Every fill group name for these specialty ids, in registry order.
std::vector<std::string> fill_group_names(const std::vector<std::string>& specialty_ids);

// The registry as a Markdown table (what `forlob params --registry` prints).
std::string registry_markdown();

}  // namespace forlob
