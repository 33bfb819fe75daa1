#include "sensitivity/OutputSelection.hpp"

#include "core/Errors.hpp"
#include "engine/Runner.hpp"
#include "scenario/JsonReader.hpp"

namespace forlob {

namespace {

// The compact counts behind one expanded yearly cell ("all" rows are sums over regions or
// specialties).
void append_terms(const YearlyLayout& layout, std::size_t cell, std::vector<TallyTerm>& out) {
  const auto metric = static_cast<Metric>(cell % kMetricCount);
  std::size_t rest = cell / kMetricCount;
  const auto specialty_slot = static_cast<int>(rest % static_cast<std::size_t>(layout.specialty_slots()));
  rest /= static_cast<std::size_t>(layout.specialty_slots());
  const auto region_slot = static_cast<int>(rest % YearlyLayout::kRegionSlots);
  const int year = layout.first_year + static_cast<int>(rest / YearlyLayout::kRegionSlots);
  for (Region r : kRegions) {
    if (region_slot != kRegionCount && region_slot != index(r)) continue;
    for (int s = 0; s < layout.specialties; ++s)
      if (specialty_slot == layout.specialties || specialty_slot == s) out.push_back({year, r, s, metric});
  }
}

}  // namespace

std::int32_t OutputSpec::sum(const Tally& tally) const {
  std::int32_t total = 0;
  const int last = tally.first_year() + tally.years() - 1;
  for (const TallyTerm& t : terms)
    if (t.year >= tally.first_year() && t.year <= last)
      total += tally.get(t.year, t.region, t.specialty, t.metric);
  return total;
}

bool reads_specialist_stock(const std::vector<OutputSpec>& outputs) {
  for (const OutputSpec& o : outputs)
    for (const TallyTerm& t : o.terms)
      if (is_specialist_stock(t.metric)) return true;
  return false;
}

std::vector<OutputSpec> select_outputs(const std::vector<std::string>& names, const Scenario& scenario,
                                       const std::vector<const Scenario*>& scenarios) {
  const bool paired = scenarios.size() == 2;
  const YearlyLayout layout = yearly_layout(scenario);
  const std::vector<Headline> headlines = make_headlines(scenario, layout, trial_window(scenarios));
  std::vector<OutputSpec> out;
  for (const std::string& name : names) {
    OutputSpec spec;
    spec.headline = name;
    const auto colon = name.find(':');
    if (colon != std::string::npos) {
      const std::string prefix = name.substr(0, colon);
      spec.headline = name.substr(colon + 1);
      if (prefix == "a")
        spec.side = OutputSide::A;
      else if (paired && prefix == "b")
        spec.side = OutputSide::B;
      else if (paired && prefix == "diff")
        spec.side = OutputSide::Difference;
      else
        throw InputError("--output " + one_line(name), "",
                         paired ? "expected a headline name, optionally after a:, b: or diff:"
                                : "expected a headline name (b: and diff: need --compare)");
    }
    const Headline* found = nullptr;
    for (const Headline& h : headlines)
      if (h.name == spec.headline) found = &h;
    if (!found) {
      std::vector<std::string> known;
      for (const Headline& h : headlines) known.push_back(h.name);
      throw InputError("--output " + one_line(name), "", "unknown headline; expected one of: " + join(known));
    }
    for (std::size_t cell : found->terms) append_terms(layout, cell, spec.terms);
    const char* prefixes[] = {"a:", "b:", "diff:"};
    spec.name = paired ? prefixes[static_cast<int>(spec.side)] + spec.headline : spec.headline;
    for (const OutputSpec& other : out)
      if (other.name == spec.name)
        throw InputError("--output " + one_line(name), "", "expected each output once; it is given twice");
    out.push_back(std::move(spec));
  }
  return out;
}

std::vector<std::string> default_outputs(const Scenario& scenario,
                                         const std::vector<const Scenario*>& scenarios) {
  const auto [first, last] = trial_window(scenarios);
  (void)last;
  const std::string headline = "completed_trial_specialties_" + std::to_string(first) + "_" +
                               std::to_string(scenario.calendar.followup_end_year);
  if (scenarios.size() != 2) return {headline};
  return {"a:" + headline, "b:" + headline, "diff:" + headline};
}

}  // namespace forlob
