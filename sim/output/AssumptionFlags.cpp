#include "output/AssumptionFlags.hpp"

#include <set>

#include "scenario/JsonReader.hpp"

namespace forlob {

namespace {

bool at_or_under(const std::string& pointer, const std::string& prefix) {
  return pointer == prefix ||
         (pointer.size() > prefix.size() && pointer.compare(0, prefix.size(), prefix) == 0 &&
          pointer[prefix.size()] == '/');
}

// The scenario inputs a count of `specialties` depends on, by mechanism.
std::vector<std::string> inputs_of(const Scenario& s, const std::set<int>& specialties, bool trainees) {
  // Every posting: when rounds post, how unfilled courses are re-posted, how fill rates vary.
  std::vector<std::string> inputs{"/calendar",
                                  "/unfilled",
                                  "/fill/concentration",
                                  "/fill/year_concentration",
                                  "/fill/kind_multiplier",
                                  "/fill/repost_multiplier",
                                  "/fill/scale"};
  for (int i : specialties) {
    const std::string id = escape_pointer_token(s.specialties[static_cast<std::size_t>(i)].id);
    inputs.push_back("/fill/mean/" + id);
    inputs.push_back("/fill/cells/" + id);
    inputs.push_back("/dimensioning/fixed/" + id);
    inputs.push_back("/dimensioning/remainder/" + id);
    if (trainees) inputs.push_back("/specialties/" + std::to_string(i));  // course length, leave, dropout
  }
  inputs.push_back("/dimensioning/national_total");  // the remainder groups absorb it
  // The flex scheme converts other specialties' unfilled courses: their fill rates matter too.
  if (s.flex && !s.flex->caps.empty()) {
    inputs.push_back("/flex");
    inputs.push_back("/fill/mean");
    inputs.push_back("/fill/cells");
  }
  if (s.extraordinary) inputs.push_back("/extraordinary");
  return inputs;
}

}  // namespace

std::vector<AssumptionFlag> assumption_flags(const Scenario& scenario, const YearlyLayout& layout,
                                             const std::vector<Headline>& headlines,
                                             const std::vector<Parameter>& parameters) {
  std::vector<AssumptionFlag> flags;
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
    const std::vector<std::string> inputs = inputs_of(scenario, specialties, trainees);
    AssumptionFlag flag{h.name, 0, {}};
    std::set<std::string> seen;
    for (const Parameter& p : parameters) {
      if (p.tier != "assumption" || !p.replaced_by.empty()) continue;
      bool feeds = false;
      for (const std::string& input : inputs) feeds = feeds || at_or_under(p.pointer, input);
      if (!feeds) continue;
      flag.parameters += 1;
      if (seen.insert(p.source_pointer).second) flag.source_pointers.push_back(p.source_pointer);
    }
    flags.push_back(std::move(flag));
  }
  return flags;
}

}  // namespace forlob
