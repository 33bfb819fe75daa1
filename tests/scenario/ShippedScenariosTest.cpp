// The shipped scenarios load, carry the published figures, and differ only in policy.
#include <gtest/gtest.h>

#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <numeric>
#include <set>

#include "scenario/ScenarioLoader.hpp"

namespace forlob {
namespace {

class ShippedScenarios : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    flex_ = new Scenario(load_scenario(path("flex_scheme.json")));
    trial_ = new Scenario(load_scenario(path("extraordinary_trial.json")));
  }
  static void TearDownTestSuite() {
    delete flex_;
    delete trial_;
  }
  static std::string path(const std::string& name) {
    return std::string(FORLOB_SOURCE_DIR) + "/scenarios/" + name;
  }
  static int national_total(const Scenario& s, int year) {
    int total = 0;
    for (int sp = 0; sp < s.specialty_count(); ++sp)
      for (Region r : kRegions) total += s.ordinary_courses(year, sp, r);
    return total;
  }
  static int specialty_index(const Scenario& s, const std::string& id) {
    for (int sp = 0; sp < s.specialty_count(); ++sp)
      if (s.specialties[static_cast<std::size_t>(sp)].id == id) return sp;
    return -1;
  }
  // The resolved document without the policy blocks, the names and the policies' sources.
  static nlohmann::json without_policy(const Scenario& s) {
    nlohmann::json doc = nlohmann::json::parse(s.resolved_json);
    for (const char* key : {"flex", "extraordinary", "name", "description"}) doc.erase(key);
    nlohmann::json sources = nlohmann::json::object();
    for (const auto& [pointer, text] : doc["sources"].items())
      if (pointer.rfind("/flex", 0) != 0 && pointer.rfind("/extraordinary", 0) != 0) sources[pointer] = text;
    doc["sources"] = sources;
    return doc;
  }

  static Scenario* flex_;
  static Scenario* trial_;
};

Scenario* ShippedScenarios::flex_ = nullptr;
Scenario* ShippedScenarios::trial_ = nullptr;

TEST_F(ShippedScenarios, FlexSchemeAndTrialLoadWithTheirPolicies) {
  EXPECT_EQ(flex_->name, "flex_scheme");
  EXPECT_TRUE(flex_->flex.has_value());
  EXPECT_FALSE(flex_->extraordinary.has_value());
  EXPECT_EQ(trial_->name, "extraordinary_trial");
  EXPECT_TRUE(trial_->flex.has_value());  // caps 2021-2025 only
  EXPECT_TRUE(trial_->extraordinary.has_value());
  EXPECT_EQ(flex_->specialty_count(), 6);
  EXPECT_EQ(flex_->file, path("flex_scheme.json"));
}

TEST_F(ShippedScenarios, DifferOnlyUnderFlexAndExtraordinary) {
  EXPECT_EQ(without_policy(*flex_), without_policy(*trial_));
  EXPECT_NE(nlohmann::json::parse(flex_->resolved_json)["flex"],
            nlohmann::json::parse(trial_->resolved_json)["flex"]);
}

TEST_F(ShippedScenarios, ResolvedDocumentHasNoExtendsKey) {
  EXPECT_FALSE(nlohmann::json::parse(flex_->resolved_json).contains("extends"));
  EXPECT_FALSE(nlohmann::json::parse(trial_->resolved_json).contains("extends"));
}

TEST_F(ShippedScenarios, OrdinaryCoursesReproduceTheNationalTotalEveryYear) {
  const nlohmann::json doc = nlohmann::json::parse(flex_->resolved_json);
  for (int y = flex_->calendar.warmup_start_year; y <= flex_->calendar.plan_end_year(); ++y)
    EXPECT_EQ(national_total(*flex_, y), doc["dimensioning"]["national_total"][std::to_string(y)].get<int>())
        << y;
  // The post-trial rule (last_plan_year) keeps the plan's last year's courses.
  ASSERT_GT(flex_->calendar.post_trial_years, 0);
  for (int y = flex_->calendar.plan_end_year() + 1; y <= flex_->calendar.end_year; ++y)
    EXPECT_EQ(national_total(*flex_, y), national_total(*flex_, flex_->calendar.plan_end_year())) << y;
  EXPECT_EQ(national_total(*flex_, 2018), 900);
  EXPECT_EQ(national_total(*flex_, 2023), 1090);
}

TEST_F(ShippedScenarios, OrdinaryCoursesAre1240AYearFrom2026And1270WithTheExtraordinary) {
  // R8: 100 more ordinary courses a year from 2026 (1,140 -> 1,240), and 30 extraordinary (R9).
  EXPECT_EQ(national_total(*trial_, 2025), 1140);
  const auto& x = *trial_->extraordinary;
  const int extraordinary = std::accumulate(x.per_region.begin(), x.per_region.end(), 0);
  for (int y = 2026; y <= 2030; ++y) {
    EXPECT_EQ(national_total(*trial_, y), 1240) << y;
    EXPECT_EQ(national_total(*flex_, y), 1240) << y;
    EXPECT_EQ(national_total(*trial_, y) + extraordinary, 1270) << y;
  }
}

TEST_F(ShippedScenarios, AlmenMedicinIs350From2020And400From2026) {
  const int am = specialty_index(*trial_, "almen_medicin");
  const auto total = [&](int y) {
    int t = 0;
    for (Region r : kRegions) t += trial_->ordinary_courses(y, am, r);
    return t;
  };
  EXPECT_EQ(total(2016), 252);
  EXPECT_EQ(total(2018), 259);
  EXPECT_EQ(total(2020), 350);
  EXPECT_EQ(total(2025), 350);
  EXPECT_EQ(total(2026), 400);
}

TEST_F(ShippedScenarios, FlexCapsMatchR1Table1) {
  const std::map<int, std::array<int, kRegionCount>> r1{{2021, {17, 11, 22}},
                                                        {2022, {34, 22, 44}},
                                                        {2023, {34, 22, 44}},
                                                        {2024, {39, 26, 49}},
                                                        {2025, {39, 26, 49}}};
  const std::array<int, 6> denmark{0, 50, 100, 100, 114, 114};
  for (const auto& [year, caps] : r1) {
    EXPECT_EQ(trial_->flex->caps.at(year), caps) << year;
    EXPECT_EQ(flex_->flex->caps.at(year), caps) << year;
    EXPECT_EQ(caps[0] + caps[1] + caps[2], denmark[static_cast<std::size_t>(year - 2020)]) << year;
  }
}

TEST_F(ShippedScenarios, TrialHasNoFlexCapsFrom2026) {
  // R7: from 2026 unfilled courses can no longer be converted.
  EXPECT_EQ(trial_->flex->caps.rbegin()->first, 2025);
  for (int y = 2026; y <= 2030; ++y) EXPECT_EQ(trial_->flex->caps.count(y), 0u) << y;
}

TEST_F(ShippedScenarios, FlexSchemeKeepsThe2025CapsThrough2030) {
  for (int y = 2026; y <= 2030; ++y)
    EXPECT_EQ(flex_->flex->caps.at(y), (std::array<int, kRegionCount>{39, 26, 49}));
}

TEST_F(ShippedScenarios, ExtraordinaryCoursesAreTenPerRegionInTheFourTrialSpecialties) {
  const auto& x = *trial_->extraordinary;
  EXPECT_EQ(x.first_year, 2026);
  EXPECT_EQ(x.last_year, 2030);
  EXPECT_EQ(x.per_region, (std::array<int, kRegionCount>{10, 10, 10}));
  ASSERT_EQ(x.specialties.size(), 4u);
  for (int s : x.specialties) EXPECT_TRUE(trial_->specialties[static_cast<std::size_t>(s)].trial);
  EXPECT_EQ(x.weights[0], (std::vector<double>{4, 3, 1.5, 1.5}));
  EXPECT_EQ(x.round_share, (std::vector<double>{0.5, 0.5}));
  EXPECT_EQ(x.handover.kind, HandoverRule::Kind::Known);
  EXPECT_EQ(x.handover.priority[index(Region::Nord)], (std::vector<Region>{Region::Ost, Region::Syd}));
}

TEST_F(ShippedScenarios, TrialAnchorsAreTheFourteenBilag1HospitalsThenMunicipalities) {
  const auto& anchors = trial_->extraordinary->anchors;
  std::array<int, kRegionCount> hospitals{};
  bool municipality_seen = false;
  for (const Anchor& a : anchors) {
    if (a.hospital) {
      EXPECT_FALSE(municipality_seen) << "hospitals come first: " << a.name;
      ++hospitals[static_cast<std::size_t>(index(a.region))];
    } else {
      municipality_seen = true;
    }
  }
  EXPECT_EQ(hospitals, (std::array<int, kRegionCount>{6, 3, 5}));
  EXPECT_EQ(anchors.front().name, "Regionshospitalet Gødstrup");
  EXPECT_TRUE(municipality_seen);
}

TEST_F(ShippedScenarios, EverySourceIsLabelled) {
  for (const Scenario* s : {flex_, trial_})
    for (const auto& [pointer, text] : s->sources) {
      const std::string tier = text.substr(0, text.find(':'));
      EXPECT_TRUE(tier == "published" || tier == "derived" || tier == "assumption" || tier == "calibrated")
          << pointer << ": " << text;
    }
  EXPECT_EQ(flex_->sources.at("/flex/caps/2021").rfind("published: ", 0), 0u);
  EXPECT_EQ(flex_->sources.at("/flex/caps/2026").rfind("assumption: ", 0), 0u);
}

TEST_F(ShippedScenarios, RoundsArePublishedMarchAndSeptemberWithAutumnCarryingOver) {
  ASSERT_EQ(trial_->calendar.rounds.size(), 2u);
  EXPECT_EQ(trial_->calendar.rounds[0].month, 3);
  EXPECT_FALSE(trial_->calendar.rounds[0].carries_to_next);
  EXPECT_EQ(trial_->calendar.rounds[1].month, 9);
  EXPECT_TRUE(trial_->calendar.rounds[1].carries_to_next);  // R4
}

// The two halves of the policy change: the trial with the flex scheme kept, and neither policy.
TEST_F(ShippedScenarios, TrialWithFlexIsTheTrialPlusTheFlexSchemesCaps) {
  const Scenario both = load_scenario(path("trial_with_flex.json"));
  EXPECT_EQ(nlohmann::json::parse(both.resolved_json)["flex"],
            nlohmann::json::parse(flex_->resolved_json)["flex"]);
  EXPECT_EQ(nlohmann::json::parse(both.resolved_json)["extraordinary"],
            nlohmann::json::parse(trial_->resolved_json)["extraordinary"]);
  EXPECT_EQ(without_policy(both), without_policy(*trial_));
  EXPECT_EQ(source_tier(both.sources.at("/flex/caps/2026")), "assumption");
}

TEST_F(ShippedScenarios, NeitherHasNoFlexFrom2026AndNoExtraordinaryCourses) {
  const Scenario neither = load_scenario(path("neither.json"));
  EXPECT_FALSE(neither.extraordinary.has_value());
  EXPECT_EQ(neither.flex->caps.rbegin()->first, 2025);
  EXPECT_EQ(without_policy(neither), without_policy(*trial_));
}

}  // namespace
}  // namespace forlob
