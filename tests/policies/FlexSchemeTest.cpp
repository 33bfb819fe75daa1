#include "policies/FlexScheme.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

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

// Two donors that never fill (specialties 0 and 1) compete for a cap of 3 a region a year; 2 fills.
// `order` lists the specialties in the order the scenario lists them.
Scenario two_donors(const std::vector<int>& order, FlexSpec::Order conversion) {
  Scenario s = tiny_scenario(3, 10);
  std::vector<SpecialtySpec> listed;
  for (int k : order) listed.push_back(s.specialties[static_cast<std::size_t>(k)]);
  for (std::size_t i = 0; i < listed.size(); ++i) listed[i].id = "s" + std::to_string(order[i]);
  s.specialties = listed;
  for (std::size_t i = 0; i < order.size(); ++i)
    s.fill.mean[i] = order[i] == 2 ? std::array{1.0, 1.0, 1.0} : std::array{0.0, 0.0, 0.0};
  FlexSpec flex;
  flex.caps = {{2020, {3, 3, 3}}, {2021, {3, 3, 3}}, {2022, {3, 3, 3}}};
  flex.within_round_share = 1.0;
  flex.donor = {true, true, true};
  flex.target.kind = FlexTargetRule::Kind::Priority;
  const int receiver = static_cast<int>(std::find(order.begin(), order.end(), 2) - order.begin());
  for (auto& p : flex.target.priority) p = {receiver};
  flex.conversion_order = conversion;
  s.flex = flex;
  return s;
}

// Flex-out of the specialty with id `id`, all regions and years.
int flex_out_of(const Tally& t, const Scenario& s, const std::string& id) {
  int n = 0;
  for (int k = 0; k < s.specialty_count(); ++k)
    if (s.specialties[static_cast<std::size_t>(k)].id == id)
      for (int y = 2020; y <= 2022; ++y)
        for (Region r : kRegions) n += t.get(y, r, k, Metric::FlexOut);
  return n;
}

TEST(FlexScheme, ListedOrderGivesTheCapToTheFirstListedDonor) {
  const Scenario a = two_donors({0, 1, 2}, FlexSpec::Order::Listed);
  const Scenario b = two_donors({1, 0, 2}, FlexSpec::Order::Listed);
  const Tally ta = run_once(a), tb = run_once(b);
  EXPECT_EQ(flex_out_of(ta, a, "s0"), 27);  // 3 a region a year, all to the first listed
  EXPECT_EQ(flex_out_of(ta, a, "s1"), 0);
  EXPECT_EQ(flex_out_of(tb, b, "s1"), 27);
}

TEST(FlexScheme, RandomConversionOrderDoesNotDependOnTheOrderOfTheSpecialtyList) {
  const Scenario a = two_donors({0, 1, 2}, FlexSpec::Order::Random);
  const Scenario b = two_donors({1, 0, 2}, FlexSpec::Order::Random);
  for (int i = 0; i < 10; ++i) {
    const Tally ta = run_once(a, i), tb = run_once(b, i);
    EXPECT_EQ(flex_out_of(ta, a, "s0"), flex_out_of(tb, b, "s0")) << i;
    EXPECT_EQ(flex_out_of(ta, a, "s0") + flex_out_of(ta, a, "s1"), 27);
  }
  // Each donor gets about half of the 27 conversions (keyed uniforms per course).
  const Tally t = run_once(a, 3);
  EXPECT_GT(flex_out_of(t, a, "s0"), 3);
  EXPECT_GT(flex_out_of(t, a, "s1"), 3);
}

TEST(FlexScheme, PriorityConversionOrderServesTheListedDonorFirst) {
  Scenario s = two_donors({0, 1, 2}, FlexSpec::Order::Priority);
  s.flex->donor_priority = {1};
  const Tally t = run_once(s);
  EXPECT_EQ(flex_out_of(t, s, "s1"), 27);
  EXPECT_EQ(flex_out_of(t, s, "s0"), 0);
}

TEST(FlexScheme, WaitingRuleConvertsIntoTheSpecialtyWhereApplicantsWait) {
  // Under the applicant model: specialty 0 has no applicants (a donor), 1 has a queue, 2 none.
  Scenario s = tiny_scenario(3, 10);
  s.fill.model = FillModelKind::Applicants;
  ApplicantSpec a;
  a.level = {0, 300, 0};
  a.home.assign(3, {1.0 / 3, 1.0 / 3, 1.0 / 3});
  s.applicants = a;
  FlexSpec flex;
  flex.caps = {{2020, {3, 3, 3}}};
  flex.within_round_share = 1.0;
  flex.donor = {true, false, false};
  flex.target.kind = FlexTargetRule::Kind::Waiting;
  for (auto& w : flex.target.weights) w = {0.0, 1.0, 100.0};  // the weights alone would pick 2
  s.flex = flex;
  const Tally t = run_once(s);
  for (Region r : kRegions) {
    EXPECT_EQ(t.get(2020, r, 1, Metric::FlexIn), 3) << region_name(r);
    EXPECT_EQ(t.get(2020, r, 1, Metric::Filled), 10 + 3) << "the waiting applicants take them";
    EXPECT_EQ(t.get(2020, r, 2, Metric::FlexIn), 0);
  }
}

}  // namespace
}  // namespace forlob
