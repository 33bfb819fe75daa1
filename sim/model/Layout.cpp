#include "model/Layout.hpp"

namespace forlob {

AnchorLayout make_anchor_layout(const Scenario& scenario) {
  AnchorLayout layout;
  const CalendarSpec& cal = scenario.calendar;
  layout.first_year = cal.warmup_start_year;
  layout.years = scenario.year_count();
  if (!scenario.extraordinary) return layout;
  const ExtraordinarySpec& x = *scenario.extraordinary;
  layout.first_year = x.first_year;  // nothing to report before the trial
  layout.years = cal.followup_end_year - x.first_year + 1;
  for (std::size_t a = 0; a < x.anchors.size(); ++a)
    for (int s : x.specialties)
      if (scenario.specialties[static_cast<std::size_t>(s)].hospital_anchor == x.anchors[a].hospital)
        layout.pairs.push_back({static_cast<int>(a), s});
  return layout;
}

}  // namespace forlob
