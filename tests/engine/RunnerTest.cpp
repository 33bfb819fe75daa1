#include "engine/Runner.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "support/TinyScenario.hpp"

namespace forlob {
namespace {

// A small two-policy pair with every source of noise switched on: B differs from A only by its
// policies (flex conversions in A, extraordinary courses in B from 2021).
struct PolicyPair {
  Scenario a, b;
  PolicyPair() {
    Scenario base = testing::tiny_scenario(3, 12);
    base.calendar.rounds = {{"spring", 3, 0.5, false}, {"autumn", 9, 0.5, true}};
    base.calendar.end_year = 2024;
    base.courses.resize(5, base.courses.front());
    base.fill.mean = {{0.6, 0.7, 0.9}, {0.8, 0.8, 0.95}, {0.95, 0.97, 0.99}};
    base.fill.concentration = 40;
    base.fill.kind_multiplier = {1.0, 0.9, 0.9, 0.85};
    base.fill.repost_multiplier = 0.7;
    base.unfilled.max_reposts = 1;
    base.specialties[2].trial = false;
    for (SpecialtySpec& sp : base.specialties) {
      sp.delay_probability = 0.4;
      sp.delay_mean_months = 10;
      sp.delay_shape = 2;
      sp.dropout_per_year = 0.02;
    }
    a = base;
    a.name = "flexish";
    FlexSpec flex;
    flex.caps = {
        {2020, {3, 2, 4}}, {2021, {3, 2, 4}}, {2022, {3, 2, 4}}, {2023, {3, 2, 4}}, {2024, {3, 2, 4}}};
    flex.donor = {true, true, true};
    for (auto& w : flex.target.weights) w = {2, 1, 1};
    a.flex = flex;
    b = base;
    b.name = "trialish";
    b.flex = flex;
    b.flex->caps = {{2020, {3, 2, 4}}};
    ExtraordinarySpec x;
    x.first_year = 2021;
    x.last_year = 2024;
    x.specialties = {0, 1};
    for (auto& w : x.weights) w = {1, 1};
    x.round_share = {0.5, 0.5};
    x.handover.kind = HandoverRule::Kind::TrueFill;
    for (Region r : kRegions) {
      x.anchors.push_back({"Hospital " + std::string(region_name(r)), r, true});
      x.anchors.push_back({"Town " + std::string(region_name(r)), r, false});
    }
    b.specialties[1].hospital_anchor = false;
    a.specialties[1].hospital_anchor = false;
    b.extraordinary = x;
  }
};

std::size_t headline_index(const ScenarioResult& r, const std::string& name) {
  for (std::size_t i = 0; i < r.headlines.size(); ++i)
    if (r.headlines[i].name == name) return i;
  ADD_FAILURE() << "no headline " << name;
  return 0;
}

void expect_same(const CellDistribution& x, const CellDistribution& y) {
  ASSERT_EQ(x.cells(), y.cells());
  ASSERT_EQ(x.replications(), y.replications());
  for (std::size_t c = 0; c < x.cells(); ++c) {
    const CellSummary p = x.summary(c), q = y.summary(c);
    ASSERT_EQ(p.mean, q.mean) << c;
    ASSERT_EQ(p.sd, q.sd) << c;
    ASSERT_EQ(p.p05, q.p05) << c;
    ASSERT_EQ(p.p50, q.p50) << c;
    ASSERT_EQ(p.p95, q.p95) << c;
  }
}

TEST(Runner, ResultsAreIdenticalAtOneTwoAndFourThreads) {
  const PolicyPair pair;
  RunOptions options;
  options.seed = 99;
  options.replications = 300;
  options.threads = 1;
  const RunResult one = run_scenarios({&pair.a, &pair.b}, options);
  for (int threads : {2, 4}) {
    options.threads = threads;
    const RunResult many = run_scenarios({&pair.a, &pair.b}, options);
    for (std::size_t k = 0; k < 2; ++k) {
      expect_same(one.scenarios[k].yearly, many.scenarios[k].yearly);
      expect_same(one.scenarios[k].anchors, many.scenarios[k].anchors);
      expect_same(one.scenarios[k].headline, many.scenarios[k].headline);
    }
    expect_same(one.difference->yearly, many.difference->yearly);
  }
}

TEST(Runner, CommonRandomNumbersShrinkTheVarianceOfThePairedDifference) {
  // Var(B - A) with common random numbers against Var(A) + Var(B), which is what two independent
  // runs would give. The ratio is reported; broken pairing (a different seed for B) gives about 1.
  const PolicyPair pair;
  RunOptions options;
  options.seed = 7;
  options.replications = 2000;
  const RunResult r = run_scenarios({&pair.a, &pair.b}, options);
  const std::size_t h = headline_index(r.scenarios[0], "completed_trial_specialties_2021_2030");
  const double var_a = std::pow(r.scenarios[0].headline.summary(h).sd, 2);
  const double var_b = std::pow(r.scenarios[1].headline.summary(h).sd, 2);
  const double var_diff = std::pow(r.difference->headline.summary(h).sd, 2);
  const double ratio = var_diff / (var_a + var_b);
  RecordProperty("variance_ratio_paired_over_independent", std::to_string(ratio));
  std::printf("variance ratio, paired / independent: %.4f\n", ratio);
  // Unpaired, the ratio is 1 give or take sqrt(2 / R) (about 0.03 here); pairing must at least halve it.
  EXPECT_LT(ratio, 0.5);

  // The same comparison with B on another seed is unpaired: its ratio is near 1.
  RunOptions other = options;
  other.seed = 8;
  const RunResult a = run_scenarios({&pair.a}, options);
  const RunResult b = run_scenarios({&pair.b}, other);
  const double mean_diff = b.scenarios[0].headline.mean(h) - a.scenarios[0].headline.mean(h);
  // The paired estimate agrees with the unpaired one within the unpaired standard error.
  EXPECT_NEAR(r.difference->headline.mean(h), mean_diff,
              4 * std::sqrt((var_a + var_b) / static_cast<double>(options.replications)));
}

TEST(Runner, MeanCompletionsFollowFillProbabilityWithinMonteCarloError) {
  // With no noise but binomial filling, expected completions are posted x p x P(no dropout).
  Scenario s = testing::tiny_scenario(1, 50);
  testing::set_fill(s, 0.6);
  RunOptions options;
  options.replications = 400;
  const RunResult r = run_scenarios({&s}, options);
  const ScenarioResult& sr = r.scenarios[0];
  const std::size_t cell = sr.yearly_layout.cell(2025 - 2020, 3, 1, Metric::Completed);  // 2021 starts
  const double n = 50.0 * 3;
  EXPECT_NEAR(sr.yearly.mean(cell), 0.6 * n,
              4 * std::sqrt(0.6 * 0.4 * n / static_cast<double>(options.replications)));
  // The sample standard deviation's standard error is about sd / sqrt(2 (R - 1)).
  const double sd = std::sqrt(0.6 * 0.4 * n);
  EXPECT_NEAR(sr.yearly.summary(cell).sd, sd,
              4 * sd / std::sqrt(2.0 * static_cast<double>(options.replications - 1)));
}

}  // namespace
}  // namespace forlob
