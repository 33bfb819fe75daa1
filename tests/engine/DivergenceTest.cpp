// When two scenarios of a comparison part ways: the year from which a later scenario's replication
// must be simulated for itself, rather than carried on from the first scenario's.
#include "engine/Divergence.hpp"

#include <gtest/gtest.h>

#include "policies/PolicySet.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "support/ShippedScenarios.hpp"

namespace forlob {
namespace {

int divergence(const Scenario& a, const Scenario& b) {
  const auto pa = make_policies(a), pb = make_policies(b);
  return divergence_year(a, pa, b, pb);
}

Scenario shipped(const std::string& file, const std::vector<std::string>& set = {}) {
  return load_scenario(testing::shipped_scenario_path(file), set);
}

TEST(Divergence, TheTrialPartsFromTheFlexSchemeInItsFirstYear) {
  // Both have the flex scheme's 2021-2025 caps and the same dimensioning; from 2026 one keeps the
  // caps, the other posts extraordinary courses.
  EXPECT_EQ(divergence(shipped("flex_scheme.json"), shipped("extraordinary_trial.json")), 2026);
  EXPECT_EQ(divergence(shipped("extraordinary_trial.json"), shipped("flex_scheme.json")), 2026);
  EXPECT_EQ(divergence(shipped("neither.json"), shipped("extraordinary_trial.json")), 2026);
  EXPECT_EQ(divergence(shipped("extraordinary_trial.json"), shipped("trial_with_flex.json")), 2026);
}

TEST(Divergence, ATrialThatStartsLaterPartsLater) {
  const Scenario neither = shipped("neither.json");
  EXPECT_EQ(divergence(neither, shipped("extraordinary_trial.json", {"/extraordinary/years/first=2028"})),
            2028);
  // Against the flex scheme the caps from 2026 come first.
  EXPECT_EQ(divergence(shipped("flex_scheme.json"),
                       shipped("extraordinary_trial.json", {"/extraordinary/years/first=2028"})),
            2026);
}

TEST(Divergence, TheSameScenarioNeverParts) {
  EXPECT_EQ(divergence(shipped("extraordinary_trial.json"), shipped("extraordinary_trial.json")),
            Policy::kNever);
  EXPECT_EQ(divergence(shipped("flex_scheme.json"), shipped("flex_scheme.json")), Policy::kNever);
}

TEST(Divergence, OtherFillRatesOrApplicantsShareNothing) {
  const Scenario a = shipped("flex_scheme.json");
  Scenario b = shipped("extraordinary_trial.json");
  b.fill.scale_overall = 0.9;
  EXPECT_EQ(divergence(a, b), a.calendar.warmup_start_year);
  Scenario c = shipped("extraordinary_trial.json");
  ASSERT_TRUE(c.applicants.has_value());
  c.applicants->mobility += 0.1;
  EXPECT_EQ(divergence(a, c), a.calendar.warmup_start_year);
  Scenario d = shipped("extraordinary_trial.json");
  d.unfilled.max_reposts += 1;
  EXPECT_EQ(divergence(a, d), a.calendar.warmup_start_year);
}

TEST(Divergence, ADimensioningChangePartsInItsYear) {
  const Scenario a = shipped("neither.json");
  Scenario b = a;
  b.courses[static_cast<std::size_t>(2019 - b.calendar.warmup_start_year)][0][0] += 1;
  EXPECT_EQ(divergence(a, b), 2019);
}

TEST(Divergence, FlexCapsPartInTheFirstYearTheyDiffer) {
  const Scenario a = shipped("neither.json");
  Scenario b = a;
  ASSERT_TRUE(b.flex.has_value());
  ASSERT_TRUE(b.flex->caps.contains(2023));
  b.flex->caps[2023][1] += 5;
  EXPECT_EQ(divergence(a, b), 2023);
  // A cap in one scheme only: from that year.
  Scenario c = a;
  c.flex->caps.erase(2025);
  EXPECT_EQ(divergence(a, c), 2025);
  // Another rule of the scheme acts in every year with a cap.
  Scenario d = a;
  d.flex->take_up = 0.5;
  EXPECT_EQ(divergence(a, d), a.flex->caps.begin()->first);
  // No scheme at all against one: from its first cap.
  Scenario e = a;
  e.flex.reset();
  EXPECT_EQ(divergence(e, a), a.flex->caps.begin()->first);
  EXPECT_EQ(divergence(a, e), a.flex->caps.begin()->first);
}

TEST(Divergence, PoliciesAreMatchedByName) {
  const Scenario a = shipped("trial_with_flex.json");
  const auto pa = make_policies(a);
  const Scenario b = shipped("extraordinary_trial.json");
  const auto pb = make_policies(b);
  ASSERT_EQ(pa.size(), 2U);
  const std::vector<int> match = matching_policies(pa, pb);
  ASSERT_EQ(match.size(), pb.size());
  for (std::size_t i = 0; i < pb.size(); ++i) {
    ASSERT_GE(match[i], 0);
    EXPECT_EQ(pa[static_cast<std::size_t>(match[i])]->name(), pb[i]->name());
  }
  Scenario none = shipped("neither.json");
  none.flex.reset();
  EXPECT_EQ(matching_policies(make_policies(none), pb), std::vector<int>(pb.size(), -1));
}

}  // namespace
}  // namespace forlob
