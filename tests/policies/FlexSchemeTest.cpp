#include "policies/FlexScheme.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "support/RunOnce.hpp"
#include "support/TinyScenario.hpp"

namespace forlob {
namespace {

using testing::run_once;
using testing::tiny_scenario;

// Specialty 0 never fills (a donor with many unfilled courses); specialty 1 always fills.
Scenario donor_and_receiver() {
  Scenario s = tiny_scenario(2, 20);
  s.fill.mean = {{0.0, 0.0, 0.0}, {1.0, 1.0, 1.0}};
  FlexSpec flex;
  flex.caps = {{2020, {3, 2, 5}}, {2021, {4, 4, 4}}};  // none in 2022: the scheme is off
  flex.within_round_share = 1.0;
  flex.donor = {true, true};
  flex.target.kind = FlexTargetRule::Kind::Weights;
  for (auto& w : flex.target.weights) w = {1.0, 1.0};
  s.flex = flex;
  return s;
}

TEST(FlexScheme, CapBindsWhenDonorsHaveManyUnfilledCourses) {
  const Scenario s = donor_and_receiver();
  const Tally t = run_once(s);
  EXPECT_EQ(t.get(2020, Region::Nord, 0, Metric::FlexOut), 3);
  EXPECT_EQ(t.get(2020, Region::Syd, 0, Metric::FlexOut), 2);
  EXPECT_EQ(t.get(2020, Region::Ost, 0, Metric::FlexOut), 5);
  EXPECT_EQ(t.get(2021, Region::Syd, 0, Metric::FlexOut), 4);
  // R2: converted to the other specialty in the same region, which fills them all.
  EXPECT_EQ(t.get(2020, Region::Ost, 1, Metric::FlexIn), 5);
  EXPECT_EQ(t.get(2020, Region::Ost, 1, Metric::Filled), 20 + 5);
  EXPECT_EQ(t.get(2020, Region::Ost, 0, Metric::Lapsed), 20 - 5);
}

TEST(FlexScheme, IsOffInYearsWithoutACap) {
  const Scenario s = donor_and_receiver();
  const Tally t = run_once(s);
  for (Region r : kRegions) {
    EXPECT_EQ(t.get(2022, r, 0, Metric::FlexOut), 0);
    EXPECT_EQ(t.get(2022, r, 1, Metric::FlexIn), 0);
    EXPECT_EQ(t.get(2022, r, 0, Metric::Lapsed), 20);
  }
}

TEST(FlexScheme, ConvertsOnlyAfterTheRepostingsAreUsed) {
  Scenario s = donor_and_receiver();
  s.unfilled.max_reposts = 1;
  const Tally t = run_once(s);
  // R5: every unfilled course is re-posted first; only the re-postings' failures are converted.
  EXPECT_EQ(t.get(2020, Region::Nord, 0, Metric::Reposted), 20);
  EXPECT_EQ(t.get(2020, Region::Nord, 0, Metric::FlexOut), 3);
  EXPECT_EQ(t.get(2020, Region::Nord, 0, Metric::Lapsed), 17);
}

TEST(FlexScheme, BetweenRoundConversionsArePostedAtTheNextRound) {
  Scenario s = donor_and_receiver();
  s.flex->within_round_share = 0.0;
  const Tally t = run_once(s);
  // Spring conversions wait for the autumn round of the same year: still posted in 2020.
  EXPECT_EQ(t.get(2020, Region::Ost, 1, Metric::Posted), 25);
  EXPECT_EQ(t.get(2020, Region::Ost, 1, Metric::Filled), 25);
}

TEST(FlexScheme, PriorityRuleSendsConversionsToTheFirstOtherSpecialty) {
  Scenario s = tiny_scenario(3, 10);
  s.fill.mean = {{0.0, 0.0, 0.0}, {1.0, 1.0, 1.0}, {1.0, 1.0, 1.0}};
  FlexSpec flex;
  flex.caps = {{2020, {2, 2, 2}}};
  flex.within_round_share = 1.0;
  flex.donor = {true, true, true};
  flex.target.kind = FlexTargetRule::Kind::Priority;
  for (auto& p : flex.target.priority) p = {0, 2, 1};
  s.flex = flex;
  const Tally t = run_once(s);
  EXPECT_EQ(t.get(2020, Region::Nord, 2, Metric::FlexIn), 2);
  EXPECT_EQ(t.get(2020, Region::Nord, 1, Metric::FlexIn), 0);
}

TEST(FlexScheme, TakeUpBelowOneLeavesSomeFreeSlotsUnused) {
  Scenario s = donor_and_receiver();
  s.flex->caps = {{2020, {20, 20, 20}}};
  s.flex->take_up = 0.5;
  double converted = 0;
  constexpr int reps = 100;
  for (int i = 0; i < reps; ++i) {
    const Tally t = run_once(s, i);
    for (Region r : kRegions) converted += t.get(2020, r, 0, Metric::FlexOut);
  }
  const double n = 60.0 * reps;
  EXPECT_NEAR(converted, 0.5 * n, 4 * std::sqrt(0.25 * n));
}

TEST(FlexScheme, AFlexCourseIsNotConvertedAgainAfterItIsCarriedOver) {
  Scenario s = donor_and_receiver();
  s.calendar.rounds = {{"spring", 3, 0.0, false}, {"autumn", 9, 1.0, true}};
  s.fill.mean = {{0.0, 0.0, 0.0}, {0.0, 0.0, 0.0}};  // nothing fills
  for (auto& year : s.courses) year[1] = {0, 0, 0};  // specialty 1 only ever gets flex courses
  s.flex->caps = {{2020, {5, 5, 5}}, {2021, {50, 50, 50}}, {2022, {50, 50, 50}}};
  const Tally t = run_once(s);
  // Autumn 2020: 5 converted; the flex courses fail, are carried to spring 2021 and fail again.
  EXPECT_EQ(t.get(2020, Region::Nord, 1, Metric::FlexIn), 5);
  EXPECT_EQ(t.get(2020, Region::Nord, 1, Metric::CarriedOver), 5);
  EXPECT_EQ(t.get(2021, Region::Nord, 1, Metric::FlexOut), 0) << "converted twice";
  // They lapse in spring 2021 with the flex courses made there from the 15 carried specialty-0
  // courses (whose autumn 2021 conversions, 20 more, carry on into 2022).
  EXPECT_EQ(t.get(2021, Region::Nord, 0, Metric::FlexOut), 15 + 20);
  EXPECT_EQ(t.get(2021, Region::Nord, 1, Metric::Lapsed), 5 + 15);
}

}  // namespace
}  // namespace forlob
