#include "scenario/ParameterRegistry.hpp"

#include <cmath>
#include <cstdio>

#include "core/Region.hpp"
#include "scenario/JsonReader.hpp"

namespace forlob {

namespace {

using Kind = ParameterInfo::Kind;
using Reach = ParameterInfo::Reach;

// Bounds that keep the work finite: counts of courses far above Denmark's ~1,300 a year, weights
// and multipliers far above any meaningful ratio, concentrations that Boost's incomplete beta
// inverts in double precision.
constexpr double kRegistryMaxCourses = 1'000'000;  // JsonReader::kMaxCount; 100 x the dimensioning fits
constexpr double kRegistryMaxWeight = 1e6;
constexpr double kRegistryMaxMultiplier = 100;
constexpr double kRegistryMaxConcentration = 1e6;
constexpr double kRegistryMinConcentration = 1e-3;
constexpr double kRegistryMaxApplicants = 100'000;

// clang-format off
const std::vector<ParameterInfo> kRegistry{
    {"/calendar/warmup_start_year", Kind::Integer, "year", 1990, 2100, Reach::Every, "First year simulated (warm-up: fills the pipeline)"},
    {"/calendar/start_year", Kind::Integer, "year", 1990, 2100, Reach::Every, "First year reported and the first a policy can act in"},
    {"/calendar/end_year", Kind::Integer, "year", 1990, 2100, Reach::Every, "Last year with hiring rounds"},
    {"/calendar/followup_end_year", Kind::Integer, "year", 1990, 2100, Reach::Every, "Last year followed (courses completing)"},
    {"/calendar/rounds/{index}/month", Kind::Integer, "month", 1, 12, Reach::Every, "Month of a hiring round"},
    {"/calendar/rounds/{index}/share", Kind::Number, "share", 0, 1, Reach::Every, "Share of a year's courses posted in the round"},
    {"/specialties/{index}/course_months", Kind::Integer, "months", 1, 240, Reach::Trainees, "Length of a main course without extension"},
    {"/specialties/{index}/delay/probability", Kind::Number, "probability", 0, 1, Reach::Trainees, "Probability that a course is extended (leave, part time)"},
    {"/specialties/{index}/delay/mean_months", Kind::Number, "months", 0, 36, Reach::Trainees, "Mean extension of an extended course (gamma); its 99.9th percentile must stay within 72 months", "", 0.01},
    {"/specialties/{index}/delay/shape", Kind::Number, "shape", 0.1, 100, Reach::Trainees, "Shape of the gamma-distributed extension"},
    {"/specialties/{index}/dropout_per_year", Kind::Number, "probability a year", 0, 0.99, Reach::Trainees, "Yearly probability of leaving a course"},
    {"/dimensioning/national_total/{year}", Kind::Integer, "courses", 0, kRegistryMaxCourses, Reach::Every, "Main courses in the year, nationally"},
    {"/dimensioning/fixed/{specialty}/{index}/from", Kind::Integer, "year", 1990, 2100, Reach::SpecialtyCourses, "First year of a period of fixed courses"},
    {"/dimensioning/fixed/{specialty}/{index}/to", Kind::Integer, "year", 1990, 2100, Reach::SpecialtyCourses, "Last year of a period of fixed courses"},
    {"/dimensioning/fixed/{specialty}/{index}/{region}", Kind::Integer, "courses", 0, kRegistryMaxCourses, Reach::SpecialtyCourses, "Courses a year in the region during the period"},
    {"/dimensioning/remainder/{specialty}/{region}", Kind::Number, "share", 0, 1, Reach::SpecialtyCourses, "Share of the courses left after the fixed ones"},
    {"/fill/concentration", Kind::Number, "concentration", 0, kRegistryMaxConcentration, Reach::Every, "Beta concentration of a replication's mean fill rate around /fill/mean (0: none)", "", kRegistryMinConcentration},
    {"/fill/year_concentration", Kind::Number, "concentration", 0, kRegistryMaxConcentration, Reach::Every, "Beta concentration of a year's fill rate around the replication's (0: none)", "", kRegistryMinConcentration},
    {"/fill/mean/{specialty}/{region}", Kind::Number, "probability", 0, 1, Reach::SpecialtyFill, "Mean probability that a posted course is filled"},
    {"/fill/cells/{specialty}/{region}/mean", Kind::Number, "probability", 0, 1, Reach::SpecialtyFill, "The cell's own mean fill probability (replaces /fill/mean)"},
    {"/fill/cells/{specialty}/{region}/concentration", Kind::Number, "concentration", 0, kRegistryMaxConcentration, Reach::SpecialtyFill, "The cell's own concentration of the mean fill rate", "", kRegistryMinConcentration},
    {"/fill/cells/{specialty}/{region}/year_concentration", Kind::Number, "concentration", 0, kRegistryMaxConcentration, Reach::SpecialtyFill, "The cell's own between-year concentration", "", kRegistryMinConcentration},
    {"/fill/scale/overall", Kind::Number, "factor", 0, kRegistryMaxMultiplier, Reach::Every, "Factor on every fill probability", "fill.overall"},
    {"/fill/scale/specialty/{specialty}", Kind::Number, "factor", 0, kRegistryMaxMultiplier, Reach::Every, "Factor on the specialty's fill probabilities", "fill.specialty.{specialty}"},
    {"/fill/scale/region/{region}", Kind::Number, "factor", 0, kRegistryMaxMultiplier, Reach::Every, "Factor on the region's fill probabilities", "fill.region.{region}"},
    {"/fill/kind_multiplier/ordinary", Kind::Number, "factor", 0, kRegistryMaxMultiplier, Reach::Every, "Fill factor of ordinary postings", "fill.kind.ordinary"},
    {"/fill/repost_multiplier", Kind::Number, "factor", 0, kRegistryMaxMultiplier, Reach::Every, "Fill factor of a re-posting (genopslag, R5)", "fill.kind.reposting"},
    {"/fill/kind_multiplier/carried_over", Kind::Number, "factor", 0, kRegistryMaxMultiplier, Reach::Every, "Fill factor of courses carried over to the next round", "fill.kind.carried_over"},
    {"/fill/kind_multiplier/flex", Kind::Number, "factor", 0, kRegistryMaxMultiplier, Reach::Every, "Fill factor of flex courses", "fill.kind.flex"},
    {"/fill/kind_multiplier/extraordinary", Kind::Number, "factor", 0, kRegistryMaxMultiplier, Reach::Every, "Fill factor of extraordinary courses", "fill.kind.extraordinary"},
    {"/unfilled/max_reposts", Kind::Integer, "postings", 0, 5, Reach::Every, "Re-postings of an unfilled course before it lapses"},
    {"/unfilled/repost_delay_months", Kind::Integer, "months", 1, 5, Reach::Every, "Months from an unfilled round to the re-posting"},
    {"/flex/caps/{year}/{region}", Kind::Integer, "courses", 0, kRegistryMaxCourses, Reach::Flex, "Flex courses the region may post in the year"},
    {"/flex/take_up", Kind::Number, "share", 0, 1, Reach::Flex, "Share of the cap that is used"},
    {"/flex/within_round_share", Kind::Number, "share", 0, 1, Reach::Flex, "Share of flex courses posted in the round that freed them"},
    {"/flex/target/weights/{region}/{specialty}", Kind::Number, "weight", 0, kRegistryMaxWeight, Reach::Flex, "Relative weight of the specialty among flex targets"},
    {"/extraordinary/years/first", Kind::Integer, "year", 1990, 2100, Reach::Extraordinary, "First year of the trial"},
    {"/extraordinary/years/last", Kind::Integer, "year", 1990, 2100, Reach::Extraordinary, "Last year of the trial"},
    {"/extraordinary/per_region/{region}", Kind::Integer, "courses", 0, kRegistryMaxCourses, Reach::Extraordinary, "Extraordinary courses a year in the region"},
    {"/extraordinary/weights/{region}/{specialty}", Kind::Number, "weight", 0, kRegistryMaxWeight, Reach::Extraordinary, "Relative weight of the specialty among extraordinary courses"},
    {"/extraordinary/capacity/per_year/{region}/{specialty}", Kind::Integer, "courses", 0, kRegistryMaxCourses, Reach::Extraordinary, "Extraordinary courses of the specialty the region can train a year (assumption tier; absent: unlimited); beyond it a course is handed over before posting (R10)"},
    {"/extraordinary/round_share/{round}", Kind::Number, "share", 0, 1, Reach::Extraordinary, "Share of the extraordinary courses posted in the round"},
    {"/calendar/post_trial/hiring_until", Kind::Integer, "year", 1990, 2100, Reach::Every, "Last year of hiring under the post-trial rule (both policies alike)"},
    {"/stock/year", Kind::Integer, "year", 1990, 2100, Reach::Every, "Year the starting stock of specialists refers to"},
    {"/stock/count/{specialty}/{region}", Kind::Integer, "specialists", 0, 1'000'000, Reach::Every, "Specialists at the start, by specialty and region"},
    {"/stock/age_bands/{specialty}/{band}", Kind::Number, "share", 0, 1, Reach::Every, "Share of the starting stock in an age band"},
    {"/stock/retirement/{specialty}/age", Kind::Integer, "years of age", 25, 80, Reach::Every, "Mean retirement age"},
    {"/stock/retirement/{specialty}/spread", Kind::Integer, "years", 0, 20, Reach::Every, "Retirement ages spread uniformly over age +- spread"},
    {"/stock/other_exit_per_year/{specialty}", Kind::Number, "probability a year", 0, 1, Reach::Every, "Yearly hazard of other exits (abroad, leaving clinical work)"},
    {"/stock/age_at_start/min", Kind::Integer, "years of age", 25, 80, Reach::Trainees, "Youngest age at the start of a main course"},
    {"/stock/age_at_start/max", Kind::Integer, "years of age", 25, 80, Reach::Trainees, "Oldest age at the start of a main course"},
    {"/applicants/level/{specialty}", Kind::Number, "applicants a year", 0, kRegistryMaxApplicants, Reach::SpecialtyFill, "New qualified applicants a year, nationally (applicant model)", "applicants.level.{specialty}"},
    {"/applicants/level_scale", Kind::Number, "factor", 0, kRegistryMaxMultiplier, Reach::Every, "Factor on every specialty's applicant level (applicant model)", "applicants.level"},
    {"/applicants/home/{specialty}/{region}", Kind::Number, "share", 0, 1, Reach::SpecialtyFill, "Share of the specialty's applicants whose home region it is"},
    {"/applicants/level_sd", Kind::Number, "log-scale sd", 0, 2, Reach::Every, "Uncertainty of a replication's applicant level (lognormal)"},
    {"/applicants/year_sd", Kind::Number, "log-scale sd", 0, 2, Reach::Every, "Variation of a year's applicant level around the replication's (lognormal)"},
    {"/applicants/trend", Kind::Number, "relative change a year", -0.5, 0.5, Reach::Every, "Trend of the applicant level"},
    {"/applicants/trend_base_year", Kind::Integer, "year", 1990, 2100, Reach::Every, "Year in which the levels apply as given"},
    {"/applicants/mobility", Kind::Number, "probability", 0, 1, Reach::Every, "Chance an applicant takes a course outside the home region", "applicants.mobility"},
    {"/applicants/leave_per_round", Kind::Number, "probability", 0, 1, Reach::Every, "Chance a waiting applicant leaves before the next round"},
    {"/applicants/extraordinary_new_share", Kind::Number, "share", 0, 1, Reach::Extraordinary, "Share of extraordinary postings taken by new applicants (0: pure crowd-out, 1: every fill a net gain)", "applicants.extraordinary_new_share"},
    {"/applicants/attractiveness/{kind}", Kind::Number, "priority", 0, 100, Reach::Every, "Serving priority of a kind of posting (higher is served first)", "applicants.attractiveness.{kind}"},
};
// clang-format on

std::vector<std::string_view> tokens_of(std::string_view pointer) {
  std::vector<std::string_view> out;
  if (pointer.empty()) return out;
  std::size_t start = 1;
  while (true) {
    const std::size_t slash = pointer.find('/', start);
    out.push_back(
        pointer.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return out;
}

bool is_placeholder(std::string_view token) {
  return token.size() > 2 && token.front() == '{' && token.back() == '}';
}

// The token of `pointer` that starts at `at` (just after its '/'), and where the next one starts
// (npos after the last).
std::string_view next_token(std::string_view pointer, std::size_t& at) {
  const std::size_t slash = pointer.find('/', at);
  const std::string_view token =
      pointer.substr(at, slash == std::string_view::npos ? std::string_view::npos : slash - at);
  at = slash == std::string_view::npos ? slash : slash + 1;
  return token;
}

// Token by token, without collecting them: the registry is searched for every number of every
// scenario and every parameter of a run's summary, so this is called millions of times.
bool matches(std::string_view pattern, std::string_view pointer) {
  if (pattern.empty() || pointer.empty()) return pattern.empty() && pointer.empty();
  std::size_t a = 1, b = 1;
  while (a != std::string_view::npos && b != std::string_view::npos) {
    const std::string_view p = next_token(pattern, a), q = next_token(pointer, b);
    if (!is_placeholder(p) && p != q) return false;
  }
  return a == b;  // both ran out of tokens together
}

std::string registry_number(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", x);
  return buf;
}

// Each way to fill in the group pattern's placeholders: {specialty} with an id, {region} with a
// region; the text for the group name and the escaped token for the pointer.
std::vector<std::pair<std::string, std::string>> expansions(std::string_view group,
                                                            const std::vector<std::string>& specialty_ids) {
  if (group.find("{specialty}") != std::string_view::npos) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const std::string& id : specialty_ids) out.emplace_back(id, escape_pointer_token(id));
    return out;
  }
  if (group.find("{kind}") != std::string_view::npos) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const char* kind : {"ordinary", "carried_over", "flex", "extraordinary", "reposting"})
      out.emplace_back(kind, kind);
    return out;
  }
  if (group.find("{region}") != std::string_view::npos) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const std::string& r : region_names()) out.emplace_back(r, escape_pointer_token(r));
    return out;
  }
  return {{"", ""}};
}

std::string substitute(std::string_view text, std::string_view placeholder_value) {
  const std::size_t open = text.find('{');
  if (open == std::string_view::npos) return std::string(text);
  const std::size_t close = text.find('}', open);
  return std::string(text.substr(0, open)) + std::string(placeholder_value) +
         std::string(text.substr(close + 1));
}

}  // namespace

const std::vector<ParameterInfo>& parameter_registry() { return kRegistry; }

const ParameterInfo* find_parameter(std::string_view pointer) {
  for (const ParameterInfo& info : kRegistry)
    if (matches(info.pattern, pointer)) return &info;
  return nullptr;
}

std::string placeholder_token(const ParameterInfo& info, std::string_view pointer,
                              std::string_view placeholder) {
  const auto pattern = tokens_of(info.pattern), tokens = tokens_of(pointer);
  for (std::size_t i = 0; i < pattern.size() && i < tokens.size(); ++i)
    if (pattern[i] == placeholder) return std::string(tokens[i]);
  return {};
}

std::string bounds_text(const ParameterInfo& info) {
  const std::string range =
      info.kind == Kind::Integer
          ? "an integer in " + registry_number(info.min) + ".." + registry_number(info.max)
          : "a number in [" + registry_number(info.min) + ", " + registry_number(info.max) + "]";
  const std::string low = info.min_positive > 0 ? "0 or " : "";
  if (info.min_positive > 0)
    return low + "a number in [" + registry_number(info.min_positive) + ", " + registry_number(info.max) +
           "] (" + std::string(info.unit) + ")";
  return range + " (" + std::string(info.unit) + ")";
}

std::optional<GroupMatch> find_fill_group(const std::string& name,
                                          const std::vector<std::string>& specialty_ids) {
  for (const ParameterInfo& info : kRegistry) {
    if (info.group.empty()) continue;
    for (const auto& [shown, token] : expansions(info.group, specialty_ids))
      if (substitute(info.group, shown) == name) return GroupMatch{substitute(info.pattern, token), &info};
  }
  return std::nullopt;
}

std::vector<std::string> fill_group_names(const std::vector<std::string>& specialty_ids) {
  std::vector<std::string> names;
  for (const ParameterInfo& info : kRegistry)
    if (!info.group.empty())
      for (const auto& [shown, token] : expansions(info.group, specialty_ids))
        names.push_back(substitute(info.group, shown));
  return names;
}

std::string registry_markdown() {
  std::string out = "| pointer | type | unit | bounds | meaning |\n| --- | --- | --- | --- | --- |\n";
  for (const ParameterInfo& info : kRegistry) {
    const bool integer = info.kind == Kind::Integer;
    out +=
        "| `" + std::string(info.pattern) + "` | " + (integer ? "integer" : "number") + " | " +
        std::string(info.unit) + " | " +
        (info.min_positive > 0 ? "0, or " + registry_number(info.min_positive) : registry_number(info.min)) +
        (integer ? ".." : " to ") + registry_number(info.max) + " | " + std::string(info.meaning);
    if (!info.group.empty()) out += " (sensitivity group `" + std::string(info.group) + "`)";
    out += " |\n";
  }
  return out;
}

}  // namespace forlob
