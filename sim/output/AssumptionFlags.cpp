#include "output/AssumptionFlags.hpp"

#include <set>

#include "scenario/JsonReader.hpp"
#include "scenario/ParameterRegistry.hpp"

namespace forlob {

namespace {

// Whether parameter `p`, whose registry entry is `info`, feeds a headline over `specialties` (and
// its trainees, when `trainees`): what each number reaches is declared in the ParameterRegistry.
// `id_tokens` are the specialties' ids as pointer tokens.
bool feeds(const Scenario& s, const Parameter& p, const ParameterInfo* info,
           const std::vector<std::string>& id_tokens, const std::set<int>& specialties, bool trainees) {
  if (info == nullptr) return false;
  const auto in_headline = [&](const std::string& id_token) {
    for (int i : specialties)
      if (id_tokens[static_cast<std::size_t>(i)] == id_token) return true;
    return false;
  };
  // The flex scheme converts other specialties' unfilled courses: their fill rates matter too.
  const bool flex = s.flex && !s.flex->caps.empty();
  using Reach = ParameterInfo::Reach;
  switch (info->reach) {
    case Reach::Every:  // when rounds post, how unfilled courses are re-posted, how fill rates vary
      return true;
    case Reach::SpecialtyFill:
      return flex || in_headline(placeholder_token(*info, p.pointer, "{specialty}"));
    case Reach::SpecialtyCourses:
      return in_headline(placeholder_token(*info, p.pointer, "{specialty}"));
    case Reach::Trainees: {  // course length, leave, dropout
      const std::string index = placeholder_token(*info, p.pointer, "{index}");
      return trainees && !index.empty() && specialties.contains(std::stoi(index));
    }
    case Reach::Flex:
      return flex;
    case Reach::Extraordinary:
      return s.extraordinary.has_value();
  }
  return false;
}

}  // namespace

std::vector<AssumptionFlag> assumption_flags(const Scenario& scenario, const YearlyLayout& layout,
                                             const std::vector<Headline>& headlines,
                                             const std::vector<Parameter>& parameters) {
  std::vector<AssumptionFlag> flags;
  // Looked up once: a run's summary asks about every parameter for every headline.
  std::vector<const ParameterInfo*> infos;
  for (const Parameter& p : parameters) infos.push_back(find_parameter(p.pointer));
  std::vector<std::string> id_tokens;
  for (const SpecialtySpec& spec : scenario.specialties) id_tokens.push_back(escape_pointer_token(spec.id));
  for (const Headline& h : headlines) {
    std::set<int> specialties;
    bool trainees = false;
    for (std::size_t cell : h.terms) {
      const auto metric = static_cast<Metric>(cell % kMetricCount);
      const int slot =
          static_cast<int>((cell / kMetricCount) % static_cast<std::size_t>(layout.specialty_slots()));
      if (slot == layout.specialties)
        for (int s = 0; s < layout.specialties; ++s) specialties.insert(s);
      else
        specialties.insert(slot);
      trainees = trainees || metric == Metric::Completed || metric == Metric::DroppedOut ||
                 metric == Metric::InTraining;
    }
    AssumptionFlag flag{h.name, 0, {}};
    std::set<std::string> seen;
    for (std::size_t i = 0; i < parameters.size(); ++i) {
      const Parameter& p = parameters[i];
      if (p.tier != "assumption" || !p.replaced_by.empty()) continue;
      if (!feeds(scenario, p, infos[i], id_tokens, specialties, trainees)) continue;
      flag.parameters += 1;
      if (seen.insert(p.source_pointer).second) flag.source_pointers.push_back(p.source_pointer);
    }
    flags.push_back(std::move(flag));
  }
  return flags;
}

}  // namespace forlob
