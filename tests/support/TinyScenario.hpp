#pragma once
// Small scenarios built in code, for tests of single mechanisms. Defaults: one specialty in every
// region, 10 courses a region a year posted in spring only, fill probability 1, no parameter noise,
// no extension, no dropout, no re-posting, no policies; years 2020-2022, follow-up to 2030.
#include <string>

#include "scenario/Scenario.hpp"

namespace forlob::testing {

inline Scenario tiny_scenario(int specialties = 1, int courses = 10) {
  Scenario s;
  s.name = "tiny";
  s.file = "tiny.json";
  s.calendar.warmup_start_year = 2020;
  s.calendar.start_year = 2020;
  s.calendar.end_year = 2022;
  s.calendar.followup_end_year = 2030;
  s.calendar.rounds = {{"spring", 3, 1.0, false}, {"autumn", 9, 0.0, true}};
  for (int i = 0; i < specialties; ++i) {
    SpecialtySpec sp;
    sp.id = "s" + std::to_string(i);
    sp.name = "Specialty " + std::to_string(i);
    sp.trial = true;
    sp.course_months = 48;
    s.specialties.push_back(sp);
  }
  const int posting_years = s.calendar.end_year - s.calendar.warmup_start_year + 1;
  s.courses.assign(static_cast<std::size_t>(posting_years),
                   std::vector<std::array<int, kRegionCount>>(static_cast<std::size_t>(specialties),
                                                              {courses, courses, courses}));
  s.fill.mean.assign(static_cast<std::size_t>(specialties), {1.0, 1.0, 1.0});
  s.fill.concentration = 0;
  s.unfilled.max_reposts = 0;
  s.unfilled.repost_delay_months = 2;
  return s;
}

// Sets the same ordinary fill probability everywhere.
inline void set_fill(Scenario& s, double p) {
  for (auto& row : s.fill.mean) row = {p, p, p};
}

}  // namespace forlob::testing
