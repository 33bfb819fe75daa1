#include "policies/ExtraordinaryTrial.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <tuple>

#include "support/RunOnce.hpp"
#include "support/TinyScenario.hpp"

namespace forlob {
namespace {

using testing::run_once;
using testing::tiny_scenario;

// Three specialties; 0 and 1 are trial specialties (1 anchored in municipalities), 2 is not.
Scenario trial_scenario() {
  Scenario s = tiny_scenario(3, 5);
  s.calendar.rounds = {{"spring", 3, 0.5, false}, {"autumn", 9, 0.5, true}};
  s.specialties[1].hospital_anchor = false;
  s.specialties[2].trial = false;
  ExtraordinarySpec x;
  x.first_year = 2021;
  x.last_year = 2022;
  x.per_region = {10, 6, 4};
  x.specialties = {0, 1};
  for (auto& w : x.weights) w = {3.0, 1.0};
  x.round_share = {0.5, 0.5};
  x.handover.kind = HandoverRule::Kind::Priority;
  x.handover.priority = {std::vector<Region>{Region::Ost, Region::Syd},
                         std::vector<Region>{Region::Nord, Region::Ost},
                         std::vector<Region>{Region::Nord, Region::Syd}};
  x.anchors = {{"Hospital N1", Region::Nord, true}, {"Hospital N2", Region::Nord, true},
               {"Hospital S", Region::Syd, true},   {"Hospital Ø", Region::Ost, true},
               {"Town N", Region::Nord, false},     {"Town S", Region::Syd, false},
               {"Town Ø", Region::Ost, false}};
  s.extraordinary = x;
  return s;
}

TEST(ExtraordinaryTrial, PostsItsQuotaOnlyInTrialYearsAndTrialSpecialties) {
  const Scenario s = trial_scenario();
  const Tally t = run_once(s);
  for (Region r : kRegions) {
    EXPECT_EQ(t.get(2020, r, 0, Metric::ExtraordinaryPosted), 0);
    EXPECT_EQ(t.get(2021, r, 2, Metric::ExtraordinaryPosted), 0);
  }
  // R9: Nord's 10 split 3:1 -> 8 (rounded from 7.5) and 2 (from 2.5, tie to the earlier).
  EXPECT_EQ(t.get(2021, Region::Nord, 0, Metric::ExtraordinaryPosted), 8);
  EXPECT_EQ(t.get(2021, Region::Nord, 1, Metric::ExtraordinaryPosted), 2);
  EXPECT_EQ(t.get(2022, Region::Syd, 0, Metric::ExtraordinaryPosted) +
                t.get(2022, Region::Syd, 1, Metric::ExtraordinaryPosted),
            6);
  // Outside the dimensioning: ordinary courses are untouched.
  EXPECT_EQ(t.get(2021, Region::Nord, 0, Metric::OrdinaryPosted), 5);
  EXPECT_EQ(t.get(2021, Region::Nord, 0, Metric::Posted), 5 + 8);
}

TEST(ExtraordinaryTrial, UnfilledSpringCoursesAreHandedToAnotherRegionForAutumn) {
  Scenario s = trial_scenario();
  for (auto& year : s.courses)
    for (auto& cell : year) cell = {0, 0, 0};  // extraordinary only
  s.fill.mean[0] = {0.0, 1.0, 1.0};            // Nord cannot fill specialty 0
  const Tally t = run_once(s);
  // Nord's spring courses in specialty 0: the first half of its interleaved plan (0,1,0,1,0,0...).
  const int nord_spring = t.get(2021, Region::Nord, 0, Metric::HandedOverOut);
  EXPECT_GT(nord_spring, 0);
  EXPECT_EQ(t.get(2021, Region::Ost, 0, Metric::HandedOverIn), nord_spring);  // priority: Øst first
  EXPECT_EQ(t.get(2021, Region::Syd, 0, Metric::HandedOverIn), 0);
  // Handed-over courses are Øst's now and fill there (Øst fills everything).
  EXPECT_EQ(t.get(2021, Region::Ost, 0, Metric::ExtraordinaryFilled),
            t.get(2021, Region::Ost, 0, Metric::ExtraordinaryPosted));
  // Autumn failures cannot be handed over within the year: they lapse.
  EXPECT_EQ(t.get(2021, Region::Nord, 0, Metric::Lapsed), 8 - nord_spring);
  // Kept courses: own quota minus handed over plus received.
  EXPECT_EQ(t.get(2021, Region::Nord, 0, Metric::ExtraordinaryPosted), 8 - nord_spring);
}

TEST(ExtraordinaryTrial, HighestFillRuleHandsToTheBestFillingRegion) {
  Scenario s = trial_scenario();
  s.extraordinary->handover.kind = HandoverRule::Kind::TrueFill;
  s.fill.mean[0] = {0.0, 1.0, 0.0};  // Syd is the only region that fills specialty 0
  s.fill.mean[1] = {0.0, 1.0, 0.0};
  const Tally t = run_once(s);
  EXPECT_GT(t.get(2021, Region::Syd, 0, Metric::HandedOverIn), 0);
  EXPECT_EQ(
      t.get(2021, Region::Syd, 0, Metric::HandedOverIn) + t.get(2021, Region::Syd, 1, Metric::HandedOverIn),
      t.get(2021, Region::Nord, 0, Metric::HandedOverOut) +
          t.get(2021, Region::Nord, 1, Metric::HandedOverOut) +
          t.get(2021, Region::Ost, 0, Metric::HandedOverOut) +
          t.get(2021, Region::Ost, 1, Metric::HandedOverOut));
}

TEST(ExtraordinaryTrial, CoursesAreAnchoredAtHospitalsOrMunicipalitiesInTurn) {
  const Scenario s = trial_scenario();
  Replication engine(s);
  const AnchorLayout& layout = engine.anchor_layout();
  // Hospitals host specialty 0 only, municipalities specialty 1 only (R11, R12).
  for (const AnchorPair& pair : layout.pairs)
    EXPECT_EQ(s.extraordinary->anchors[static_cast<std::size_t>(pair.anchor)].hospital, pair.specialty == 0);
  Tally t(s.calendar.warmup_start_year, s.year_count(), s.specialty_count(), layout.pairs.size());
  engine.run(1, 0, t);
  std::vector<std::int32_t> anchors;
  t.expand_anchors(layout, anchors);
  std::vector<int> posted(s.extraordinary->anchors.size(), 0);
  for (std::size_t p = 0; p < layout.pairs.size(); ++p)
    posted[static_cast<std::size_t>(layout.pairs[p].anchor)] +=
        anchors[layout.cell(2021 - layout.first_year, p, AnchorMetric::Posted)];
  EXPECT_EQ(posted[0], 4);  // Nord's 8 hospital courses alternate between its two hospitals
  EXPECT_EQ(posted[1], 4);
  EXPECT_EQ(posted[4], 2);  // Nord's 2 municipality courses
}

TEST(ExtraordinaryTrial, KnownRuleHandsToTheRegionThatFilledBestInEarlierRounds) {
  // Øst is first in Nord's priority list, but Syd filled all its courses in 2020 and Øst few: a
  // region that hands over by what it knows picks Syd, without reading the drawn rates.
  Scenario s = trial_scenario();
  s.extraordinary->handover.kind = HandoverRule::Kind::Known;
  s.fill.mean[0] = {0.0, 1.0, 0.1};
  s.fill.mean[1] = {0.0, 1.0, 0.1};
  for (int i = 0; i < 5; ++i) {
    const Tally t = run_once(s, i);
    const int out = t.get(2021, Region::Nord, 0, Metric::HandedOverOut);
    EXPECT_GT(out, 0);
    EXPECT_EQ(t.get(2021, Region::Syd, 0, Metric::HandedOverIn) -
                  t.get(2021, Region::Ost, 0, Metric::HandedOverOut),
              out)
        << "Øst hands its own to Syd too";
  }
}

TEST(ExtraordinaryTrial, KnownRulePrefersARegionWithApplicantsWaiting) {
  // Applicant model: specialty 0 has applicants only in Øst (a queue), none elsewhere, so Nord's and
  // Syd's unfilled spring courses go to Øst, whatever the priority lists say.
  Scenario s = trial_scenario();
  s.extraordinary->handover.kind = HandoverRule::Kind::Known;
  s.extraordinary->handover.priority = {std::vector<Region>{Region::Syd, Region::Ost},
                                        std::vector<Region>{Region::Nord, Region::Ost},
                                        std::vector<Region>{Region::Nord, Region::Syd}};
  s.fill.model = FillModelKind::Applicants;
  ApplicantSpec a;
  a.level = {300, 0, 0};
  a.home.assign(3, {0.0, 0.0, 1.0});
  a.extraordinary_new = 0;
  s.applicants = a;
  const Tally t = run_once(s);
  const int out = t.get(2021, Region::Nord, 0, Metric::HandedOverOut) +
                  t.get(2021, Region::Syd, 0, Metric::HandedOverOut);
  EXPECT_GT(out, 0);
  EXPECT_EQ(t.get(2021, Region::Ost, 0, Metric::HandedOverIn), out);
  EXPECT_EQ(t.get(2021, Region::Ost, 0, Metric::ExtraordinaryFilled),
            t.get(2021, Region::Ost, 0, Metric::ExtraordinaryPosted));
}

// R10 before posting. Nord's plan of specialty 0 is 3 courses in spring and 5 in autumn, Syd's 2 and
// 3, Øst's 1 and 2; hand-over of unfilled courses is off unless a test turns it on.
Scenario capacity_scenario(std::vector<std::tuple<Region, int>> capacities_of_specialty_0) {
  Scenario s = trial_scenario();
  s.extraordinary->handover.kind = HandoverRule::Kind::None;
  s.extraordinary->capacity.per_year.assign(static_cast<std::size_t>(s.specialty_count()) * kRegionCount,
                                            CapacityRule::kUnlimited);
  for (const auto& [r, courses] : capacities_of_specialty_0)
    s.extraordinary->capacity.per_year[static_cast<std::size_t>(index(r))] = courses;
  return s;
}

int capacity_count(const Tally& t, int year, Region r, Metric m) { return t.get(year, r, 0, m); }

TEST(ExtraordinaryTrialCapacity, ARegionHandsOverExactlyWhatItsCapacityCannotHold) {
  const Tally t = run_once(capacity_scenario({{Region::Nord, 5}}));
  for (int year : {2021, 2022}) {
    // 8 planned, room for 5: the last 3 (autumn) go to Øst, first in Nord's priority, as Syd and
    // Øst both have unlimited room.
    EXPECT_EQ(capacity_count(t, year, Region::Nord, Metric::ExtraordinaryHandedOverCapacity), 3);
    EXPECT_EQ(capacity_count(t, year, Region::Ost, Metric::ExtraordinaryReceivedCapacity), 3);
    EXPECT_EQ(capacity_count(t, year, Region::Syd, Metric::ExtraordinaryReceivedCapacity), 0);
    EXPECT_EQ(capacity_count(t, year, Region::Nord, Metric::ExtraordinaryPosted), 5);
    EXPECT_EQ(capacity_count(t, year, Region::Ost, Metric::ExtraordinaryPosted), 3 + 3);
    EXPECT_EQ(capacity_count(t, year, Region::Nord, Metric::ExtraordinaryUnpostedCapacity), 0);
    // Specialty 1 has no capacity limit.
    EXPECT_EQ(t.get(year, Region::Nord, 1, Metric::ExtraordinaryHandedOverCapacity), 0);
    EXPECT_EQ(t.get(year, Region::Nord, 1, Metric::ExtraordinaryPosted), 2);
  }
  EXPECT_EQ(capacity_count(t, 2020, Region::Nord, Metric::ExtraordinaryHandedOverCapacity), 0);
  EXPECT_EQ(capacity_count(t, 2023, Region::Nord, Metric::ExtraordinaryHandedOverCapacity), 0);
}

TEST(ExtraordinaryTrialCapacity, NoHandOverWhileThePlanFitsTheCapacity) {
  const Tally t = run_once(capacity_scenario({{Region::Nord, 8}, {Region::Syd, 5}, {Region::Ost, 3}}));
  for (int year : {2021, 2022})
    for (Region r : kRegions) {
      EXPECT_EQ(capacity_count(t, year, r, Metric::ExtraordinaryHandedOverCapacity), 0);
      EXPECT_EQ(capacity_count(t, year, r, Metric::ExtraordinaryReceivedCapacity), 0);
      EXPECT_EQ(capacity_count(t, year, r, Metric::ExtraordinaryUnpostedCapacity), 0);
    }
  EXPECT_EQ(capacity_count(t, 2021, Region::Nord, Metric::ExtraordinaryPosted), 8);
}

TEST(ExtraordinaryTrialCapacity, MostSpareCapacityReceivesFirstAndTheRestIsNotPosted) {
  // Room left after their own plans: Syd 8 - 5 = 3, Øst 5 - 3 = 2. Nord's 3 surplus courses go to
  // the region with the most room at each step: Syd (3 to 2), Øst on the tie (2 to 2), Syd (2 to 1).
  Tally t = run_once(capacity_scenario({{Region::Nord, 5}, {Region::Syd, 8}, {Region::Ost, 5}}));
  EXPECT_EQ(capacity_count(t, 2021, Region::Syd, Metric::ExtraordinaryReceivedCapacity), 2);
  EXPECT_EQ(capacity_count(t, 2021, Region::Ost, Metric::ExtraordinaryReceivedCapacity), 1);
  // Priority: Øst, first in Nord's list, while it has room, then Syd.
  Scenario priority = capacity_scenario({{Region::Nord, 5}, {Region::Syd, 8}, {Region::Ost, 5}});
  priority.extraordinary->capacity.kind = CapacityRule::Kind::Priority;
  t = run_once(priority);
  EXPECT_EQ(capacity_count(t, 2021, Region::Ost, Metric::ExtraordinaryReceivedCapacity), 2);
  EXPECT_EQ(capacity_count(t, 2021, Region::Syd, Metric::ExtraordinaryReceivedCapacity), 1);
  // Room for one more in Syd, none in Øst: one handed over, two not posted.
  t = run_once(capacity_scenario({{Region::Nord, 5}, {Region::Syd, 6}, {Region::Ost, 3}}));
  EXPECT_EQ(capacity_count(t, 2021, Region::Syd, Metric::ExtraordinaryReceivedCapacity), 1);
  EXPECT_EQ(capacity_count(t, 2021, Region::Ost, Metric::ExtraordinaryReceivedCapacity), 0);
  EXPECT_EQ(capacity_count(t, 2021, Region::Nord, Metric::ExtraordinaryUnpostedCapacity), 2);
  EXPECT_EQ(capacity_count(t, 2021, Region::Nord, Metric::ExtraordinaryHandedOverCapacity), 1);
  // Rule none: every course beyond the capacity is not posted.
  Scenario none = capacity_scenario({{Region::Nord, 5}});
  none.extraordinary->capacity.kind = CapacityRule::Kind::None;
  t = run_once(none);
  EXPECT_EQ(capacity_count(t, 2021, Region::Nord, Metric::ExtraordinaryUnpostedCapacity), 3);
  EXPECT_EQ(capacity_count(t, 2021, Region::Ost, Metric::ExtraordinaryReceivedCapacity), 0);
  EXPECT_EQ(capacity_count(t, 2021, Region::Nord, Metric::ExtraordinaryPosted), 5);
}

TEST(ExtraordinaryTrialCapacity, UnfilledCoursesGoOnlyToARegionWithRoom) {
  // Nord fills nothing in specialty 0, so its 3 spring courses are handed over for autumn. Øst
  // (first in priority) has room for one beside its own 3; the other two go to Syd.
  Scenario s = capacity_scenario({{Region::Ost, 4}});
  s.extraordinary->handover.kind = HandoverRule::Kind::Priority;
  s.fill.mean[0] = {0.0, 1.0, 1.0};
  const Tally t = run_once(s);
  EXPECT_EQ(t.get(2021, Region::Nord, 0, Metric::HandedOverOut), 3);
  EXPECT_EQ(t.get(2021, Region::Ost, 0, Metric::HandedOverIn), 1);
  EXPECT_EQ(t.get(2021, Region::Syd, 0, Metric::HandedOverIn), 2);
  EXPECT_EQ(t.get(2021, Region::Ost, 0, Metric::ExtraordinaryPosted), 4);
  for (Region r : kRegions) EXPECT_EQ(capacity_count(t, 2021, r, Metric::ExtraordinaryUnpostedCapacity), 0);
}

TEST(ExtraordinaryTrialCapacity, AnUnlimitedCapacityChangesNothing) {
  // The shipped default (no /extraordinary/capacity/per_year) and every capacity given as
  // unlimited give the same replication, metric for metric.
  const Scenario plain = trial_scenario();
  Scenario unlimited = plain;
  unlimited.extraordinary->capacity.per_year.assign(
      static_cast<std::size_t>(plain.specialty_count()) * kRegionCount, CapacityRule::kUnlimited);
  for (int replication : {0, 1, 2}) {
    const Tally a = run_once(plain, replication);
    const Tally b = run_once(unlimited, replication);
    for (int y = plain.calendar.warmup_start_year; y <= plain.calendar.followup_end_year; ++y)
      for (Region r : kRegions)
        for (int s = 0; s < plain.specialty_count(); ++s) {
          for (int m = 0; m < kMetricCount; ++m)
            ASSERT_EQ(a.get(y, r, s, static_cast<Metric>(m)), b.get(y, r, s, static_cast<Metric>(m)))
                << y << " " << region_name(r) << " " << s << " " << kMetricNames[static_cast<std::size_t>(m)];
          ASSERT_EQ(a.get(y, r, s, Metric::ExtraordinaryHandedOverCapacity), 0);
        }
  }
}

TEST(ExtraordinaryTrialCapacity, EveryPlannedCourseIsPostedHandedOverOrCountedUnposted) {
  // Tight capacities everywhere and hand-over of unfilled courses on, over several replications:
  // no region holds more than its capacity, and each region's plan is accounted for.
  Scenario s = capacity_scenario({{Region::Nord, 4}, {Region::Syd, 5}, {Region::Ost, 3}});
  s.extraordinary->handover.kind = HandoverRule::Kind::Known;
  s.fill.mean[0] = {0.3, 0.6, 0.5};
  const ExtraordinaryTrial trial(s, *s.extraordinary);
  int unposted = 0;
  for (int replication = 0; replication < 20; ++replication) {
    const Tally t = run_once(s, replication);
    for (int year : {2021, 2022})
      for (Region r : kRegions) {
        auto get = [&](Metric m) { return t.get(year, r, 0, m); };
        EXPECT_LE(get(Metric::ExtraordinaryPosted), s.extraordinary->capacity.capacity(0, r));
        const std::vector<int>& plan = trial.course_plan(r);
        EXPECT_EQ(get(Metric::ExtraordinaryPosted) + get(Metric::HandedOverOut) - get(Metric::HandedOverIn) +
                      get(Metric::ExtraordinaryHandedOverCapacity) -
                      get(Metric::ExtraordinaryReceivedCapacity) + get(Metric::ExtraordinaryUnpostedCapacity),
                  std::count(plan.begin(), plan.end(), 0));
        unposted += get(Metric::ExtraordinaryUnpostedCapacity);
      }
  }
  // 16 planned against a capacity of 12 a year. Hand-over moves a course without changing the total
  // held, and the autumn surplus fills every room left, so exactly 4 are not posted each year.
  EXPECT_EQ(unposted, 20 * 2 * 4);
}

}  // namespace
}  // namespace forlob
