#include "sensitivity/Evaluator.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "core/Errors.hpp"
#include "engine/Runner.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "sensitivity/OutputSelection.hpp"
#include "sensitivity/ReplicationNoise.hpp"
#include "support/ShippedScenarios.hpp"

namespace forlob {
namespace {

using testing::kFlexScenario;
using testing::kTrialScenario;
const std::string kHeadline = "completed_trial_specialties_2026_2036";
const double kNan = std::numeric_limits<double>::quiet_NaN();

RunOptions options(std::int64_t replications, int threads) {
  RunOptions o;
  o.seed = 99;
  o.replications = replications;
  o.threads = threads;
  return o;
}

SimulationEvaluator pair_evaluator(const std::vector<std::string>& params) {
  std::vector<ParameterSpec> specs;
  for (const std::string& p : params) specs.push_back(parse_parameter_arg(p));
  return SimulationEvaluator({{kFlexScenario, {}}, {kTrialScenario, {}}}, specs, {});
}

TEST(EvaluatorTest, ComparingDefaultsToTheTrialSpecialtiesForABAndTheDifference) {
  const SimulationEvaluator e = pair_evaluator({"applicants.attractiveness.flex=0.8:1.2"});
  ASSERT_EQ(e.outputs().size(), 3u);
  EXPECT_EQ(e.outputs()[0].name, "a:" + kHeadline);
  EXPECT_EQ(e.outputs()[1].name, "b:" + kHeadline);
  EXPECT_EQ(e.outputs()[2].name, "diff:" + kHeadline);
  EXPECT_EQ(e.base_levels(), std::vector<double>{1.0});
}

TEST(EvaluatorTest, UnknownOutputIsAnInputError) {
  EXPECT_THROW(
      (void)SimulationEvaluator({{kFlexScenario, {}}},
                                {parse_parameter_arg("applicants.attractiveness.flex=0.8:1.2")}, {"nope"}),
      InputError);
  // b: and diff: need a second scenario.
  EXPECT_THROW((void)SimulationEvaluator({{kFlexScenario, {}}},
                                         {parse_parameter_arg("applicants.attractiveness.flex=0.8:1.2")},
                                         {"diff:" + kHeadline}),
               InputError);
}

// The base point reproduces `forlob compare` exactly: same seed, same replications, same sums.
TEST(EvaluatorTest, BasePointEqualsTheRunnersHeadlinesForAAndBAndTheDifference) {
  const SimulationEvaluator e = pair_evaluator({"applicants.attractiveness.flex=0.8:1.2"});
  const Evaluation r = e.evaluate({{kNan}}, options(12, 2));
  const Scenario a = load_scenario(kFlexScenario), b = load_scenario(kTrialScenario);
  RunOptions ro;
  ro.seed = 99;
  ro.replications = 12;
  ro.threads = 2;
  const RunResult run = run_scenarios({&a, &b}, ro);
  std::size_t h = 0;
  while (run.scenarios[0].headlines[h].name != kHeadline) ++h;
  EXPECT_DOUBLE_EQ(r.summary(0, 0).mean, run.scenarios[0].headline.summary(h).mean);
  EXPECT_DOUBLE_EQ(r.summary(0, 1).mean, run.scenarios[1].headline.summary(h).mean);
  EXPECT_DOUBLE_EQ(r.summary(0, 2).mean, run.difference->headline.summary(h).mean);
  EXPECT_DOUBLE_EQ(r.summary(0, 2).sd, run.difference->headline.summary(h).sd);
  EXPECT_DOUBLE_EQ(r.summary(0, 2).p95, run.difference->headline.summary(h).p95);
  EXPECT_DOUBLE_EQ(r.summary(0, 2).mc_se, r.summary(0, 2).sd / std::sqrt(12.0));
  for (std::int64_t i = 0; i < 12; ++i) {
    const auto rep = static_cast<std::size_t>(i);
    EXPECT_EQ(r.replicates(0, 2)[rep], r.replicates(0, 1)[rep] - r.replicates(0, 0)[rep]);
  }
}

// The engines project the specialist stock only for outputs that read it: the default outputs
// count completions, a stock headline still equals the runner's, and a stock-free output's values
// are those it has when the stock is projected alongside.
TEST(EvaluatorTest, TheStockIsProjectedExactlyWhenAnOutputReadsIt) {
  const std::vector<ParameterSpec> specs{parse_parameter_arg("applicants.attractiveness.flex=0.8:1.2")};
  const std::string stock_headline = "specialists_trial_specialties_2036";
  const SimulationEvaluator plain({{kFlexScenario, {}}, {kTrialScenario, {}}}, specs, {"diff:" + kHeadline});
  const SimulationEvaluator with_stock({{kFlexScenario, {}}, {kTrialScenario, {}}}, specs,
                                       {"diff:" + kHeadline, "b:" + stock_headline});
  EXPECT_FALSE(reads_specialist_stock(plain.outputs()));
  EXPECT_TRUE(reads_specialist_stock(with_stock.outputs()));
  const Evaluation p = plain.evaluate({{kNan}}, options(6, 2));
  const Evaluation w = with_stock.evaluate({{kNan}}, options(6, 2));
  for (std::size_t i = 0; i < 6; ++i) EXPECT_EQ(p.replicates(0, 0)[i], w.replicates(0, 0)[i]);
  const Scenario a = load_scenario(kFlexScenario), b = load_scenario(kTrialScenario);
  const RunResult run = run_scenarios({&a, &b}, options(6, 2));
  std::size_t h = 0;
  while (run.scenarios[1].headlines[h].name != stock_headline) ++h;
  EXPECT_GT(w.summary(0, 1).mean, 1000.0);  // thousands of specialists, not a skipped zero
  EXPECT_DOUBLE_EQ(w.summary(0, 1).mean, run.scenarios[1].headline.summary(h).mean);
}

TEST(EvaluatorTest, ResultsAreIdenticalAtOneAndTwoThreads) {
  const SimulationEvaluator e = pair_evaluator(
      {"applicants.attractiveness.flex=0.8:1.2", "applicants.attractiveness.reposting=0.8:1.2"});
  const std::vector<std::vector<double>> points{{0.8, 1.2}, {kNan, kNan}, {1.2, 0.9}, {1.0, 0.8}};
  const Evaluation one = e.evaluate(points, options(6, 1));
  const Evaluation two = e.evaluate(points, options(6, 2));
  EXPECT_EQ(one.values, two.values);
  for (std::size_t i = 0; i < one.summaries.size(); ++i) {
    EXPECT_EQ(one.summaries[i].mean, two.summaries[i].mean);
    EXPECT_EQ(one.summaries[i].p05, two.summaries[i].p05);
  }
}

// Common random numbers: replication i sees the same draws at every design point. The flex
// scheme posts no extraordinary courses, so their fill multiplier cannot change anything in A:
// every replication must come out identical, not just the means.
TEST(EvaluatorTest, PointsDifferingInAParameterTheScenarioIgnoresArePairedExactly) {
  const SimulationEvaluator e({{kFlexScenario, {}}},
                              {parse_parameter_arg("applicants.attractiveness.extraordinary=0.5:1.5")}, {});
  const Evaluation r = e.evaluate({{0.5}, {1.5}}, options(8, 2));
  const auto low = r.replicates(0, 0), high = r.replicates(1, 0);
  EXPECT_TRUE(std::equal(low.begin(), low.end(), high.begin()));
  EXPECT_GT(r.summary(0, 0).sd, 0);  // and the replications do differ from each other
}

// Two points differing in a parameter that matters are paired: their replication-by-replication
// difference varies far less than the replications themselves. Independent streams would give
// var(d) = var(x) + var(y), a ratio of 1; with CRN the shared draws (fill rates, who fills,
// extensions) cancel and the ratio is about 0.14 here. The log of a ratio of variances estimated
// from 40 replications has an sd of about sqrt(2/39 + 1/39) = 0.28; the bound 0.37, the geometric
// midpoint of 0.14 and 1, sits about 3.5 of those from each.
TEST(EvaluatorTest, PointsDifferingInAParameterThatMattersArePairedByReplication) {
  // fill.kind.reposting scales the independent model's re-posting fill.
  const SimulationEvaluator e({{kFlexScenario, {"/fill/model=\"independent\""}}},
                              {parse_parameter_arg("fill.kind.reposting=0.8:1.2")}, {});
  const Evaluation r = e.evaluate({{0.8}, {1.2}}, options(40, 2));
  const auto x = r.replicates(0, 0), y = r.replicates(1, 0);
  double mean_d = 0;
  for (std::size_t i = 0; i < x.size(); ++i) mean_d += y[i] - x[i];
  mean_d /= static_cast<double>(x.size());
  double var_d = 0;
  for (std::size_t i = 0; i < x.size(); ++i) var_d += std::pow(y[i] - x[i] - mean_d, 2);
  var_d /= static_cast<double>(x.size() - 1);
  const double var_x = std::pow(r.summary(0, 0).sd, 2), var_y = std::pow(r.summary(1, 0).sd, 2);
  EXPECT_GT(mean_d, 0);  // better re-posting fill, more specialists
  EXPECT_LT(var_d, 0.37 * (var_x + var_y));
}

TEST(ReplicationNoiseTest, ComparesTheMeanSquaredStandardErrorWithTheSpreadOfPointMeans) {
  Evaluation e;
  e.points = 3;
  e.outputs = {"y"};
  e.replications = 4;
  e.summaries = {{10, 2, 1, 0, 0, 0}, {12, 4, 2, 0, 0, 0}, {14, 2, 1, 0, 0, 0}};
  const ReplicationNoise n = replication_noise(e, 0);
  EXPECT_DOUBLE_EQ(n.noise_variance, (1.0 + 4.0 + 1.0) / 3);
  EXPECT_DOUBLE_EQ(n.total_variance, (4.0 + 0.0 + 4.0) / 2);
  EXPECT_DOUBLE_EQ(n.share, 0.5);
}

}  // namespace
}  // namespace forlob
