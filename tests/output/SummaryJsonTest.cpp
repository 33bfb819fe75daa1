#include "output/SummaryJson.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "support/TinyScenario.hpp"

namespace forlob {
namespace {

// Two scenarios with two headlines each, four replications, and their difference.
class SummaryJsonTest : public ::testing::Test {
 protected:
  SummaryJsonTest() : a(testing::tiny_scenario(1)), b(testing::tiny_scenario(1)) {
    a.name = "flex_scheme";
    a.file = "scenarios/flex_scheme.json";
    a.resolved_json = R"({"name": "flex_scheme", "seed_note": [1, 2]})";
    b.name = "extraordinary_trial";
    b.file = "scenarios/extraordinary_trial.json";
    b.resolved_json = R"({"name": "extraordinary_trial"})";
    result.seed = 42;
    result.replications = 4;
    result.threads = 2;
    result.wall_seconds = 1.25;
    for (const Scenario* s : {&a, &b}) {
      ScenarioResult& sr = result.scenarios.emplace_back();
      sr.scenario = s;
      sr.headlines = {{"completed_trial_specialties_2031", {}}, {"started_s0_2026_2030", {}}};
      sr.headline = CellDistribution(2);
      for (std::int32_t v : {10, 12, 14, 16})
        sr.headline.add(std::vector<std::int32_t>{v, v + (s == &b ? 2 : 0)});
    }
  }
  void add_difference() {
    DifferenceResult d;
    d.label = "extraordinary_trial - flex_scheme";
    d.headline = CellDistribution(2);
    for (int i = 0; i < 4; ++i) d.headline.add(std::vector<std::int32_t>{0, 2});
    result.difference = std::move(d);
  }

  Scenario a, b;
  RunResult result;
};

TEST_F(SummaryJsonTest, RecordsWhatWasRun) {
  const auto j = summary_json(result, "compare", {"yearly.csv", "summary.json"});
  EXPECT_EQ(j["forlob_version"], FORLOB_VERSION);
  EXPECT_EQ(j["command"], "compare");
  EXPECT_EQ(j["seed"], 42u);
  EXPECT_EQ(j["replications"], 4);
  EXPECT_EQ(j["threads"], 2);
  EXPECT_EQ(j["wall_seconds"], 1.25);
  EXPECT_EQ(j["years"]["warmup_start"], 2020);
  EXPECT_EQ(j["years"]["start"], 2020);
  EXPECT_EQ(j["years"]["end"], 2022);
  EXPECT_EQ(j["years"]["followup_end"], 2030);
  EXPECT_EQ(j["scenarios"][0]["name"], "flex_scheme");
  EXPECT_EQ(j["scenarios"][1]["file"], "scenarios/extraordinary_trial.json");
  EXPECT_EQ(j["files"], nlohmann::ordered_json::array({"yearly.csv", "summary.json"}));
}

TEST_F(SummaryJsonTest, HeadlinesCarryTheirMonteCarloStandardError) {
  const auto j = summary_json(result, "compare", {});
  const auto& h = j["scenarios"][0]["headlines"][0];
  const double sd = std::sqrt(20.0 / 3.0);  // 10, 12, 14, 16
  EXPECT_EQ(h["name"], "completed_trial_specialties_2031");
  EXPECT_DOUBLE_EQ(h["mean"].get<double>(), 13.0);
  EXPECT_DOUBLE_EQ(h["sd"].get<double>(), sd);
  EXPECT_DOUBLE_EQ(h["mc_standard_error"].get<double>(), sd / 2.0);
  EXPECT_DOUBLE_EQ(h["p05"].get<double>(), 10.3);
  EXPECT_DOUBLE_EQ(h["p50"].get<double>(), 13.0);
  EXPECT_DOUBLE_EQ(h["p95"].get<double>(), 15.7);
  EXPECT_DOUBLE_EQ(j["scenarios"][1]["headlines"][1]["mean"].get<double>(), 15.0);
}

TEST_F(SummaryJsonTest, HasADifferenceOnlyWhenTheRunHasOne) {
  EXPECT_FALSE(summary_json(result, "run", {}).contains("difference"));
  add_difference();
  const auto j = summary_json(result, "compare", {});
  EXPECT_EQ(j["difference"]["label"], "extraordinary_trial - flex_scheme");
  EXPECT_EQ(j["difference"]["headlines"][1]["name"], "started_s0_2026_2030");
  EXPECT_EQ(j["difference"]["headlines"][1]["mean"], 2.0);
  EXPECT_EQ(j["difference"]["headlines"][1]["sd"], 0.0);
}

TEST_F(SummaryJsonTest, EmbedsEachResolvedScenarioAsJson) {
  const auto j = summary_json(result, "compare", {});
  ASSERT_EQ(j["resolved_scenarios"].size(), 2u);
  EXPECT_EQ(j["resolved_scenarios"][0]["seed_note"][1], 2);
  EXPECT_EQ(j["resolved_scenarios"][1]["name"], "extraordinary_trial");
}

TEST_F(SummaryJsonTest, KeysKeepTheirWrittenOrder) {
  const std::string text = summary_json(result, "run", {}).dump(2);
  EXPECT_LT(text.find("\"forlob_version\""), text.find("\"command\""));
  EXPECT_LT(text.find("\"command\""), text.find("\"scenarios\""));
  EXPECT_EQ(text.substr(0, 5), "{\n  \"");
}

}  // namespace
}  // namespace forlob
