// The inference as a specification: on synthetic reports from known truths drawn from the prior its
// 90 % intervals cover the truth about 90 % of the time (and miss a wrong truth); with reports that
// carry no information on the share (no extraordinary courses posted) the share's posterior is its
// prior; the table and the posterior are the same at any thread count. Small tables keep it quick.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>

#include "evaluate/AbcPosterior.hpp"
#include "evaluate/HeadlinePredictive.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "support/ShippedScenarios.hpp"

namespace forlob {
namespace {

bool evaluate_sanitized() { return std::getenv("FORLOB_SANITIZED") != nullptr; }

struct EvaluationFixture {
  Scenario trial = load_scenario(testing::kTrialScenario);
  EvaluationPrior prior{trial, fitted_level_log_sd(testing::kTrialScenario, {}, trial)};
  RoundReportLayout layout{trial, 2028};
};

TEST(AbcPosterior, NinetyPercentIntervalsCoverTruthsDrawnFromThePrior) {
  EvaluationFixture s;
  // The intervals reach their level as the table grows (0.82 at 800 draws, 0.88 at 3,000 over 200
  // truths); 1,500 draws keep the test quick. Under the sanitizers a smaller run checks the same
  // code paths, with a tolerance for its size (coverage 0.8 at most 3 standard errors below).
  const std::int64_t draws = evaluate_sanitized() ? 300 : 1500;
  const std::size_t truths = evaluate_sanitized() ? 40 : 150;
  const double target = evaluate_sanitized() ? 0.8 : 0.9;
  const ReferenceTable table = build_reference_table(s.trial, s.prior, s.layout, 7, draws, 0);
  AbcSettings settings;
  settings.accept = 0.1;
  const AbcInference inference(table, full_design(s.layout, s.trial, 2028, false), settings, "test");
  // Truths from the prior, keyed apart from the table (as the power analysis does).
  std::vector<ReportJob> jobs;
  for (std::size_t t = 0; t < truths; ++t)
    jobs.push_back({s.prior.draw(StreamKey(99).with(t)), kTruthReplications + static_cast<std::int64_t>(t)});
  const SimulatedReports reports = simulate_reports(s.trial, s.prior, s.layout, 7, jobs, 0);
  std::size_t share_covered = 0, level_covered = 0, wrong_covered = 0;
  double width = 0;
  for (std::size_t t = 0; t < truths; ++t) {
    const AbcPosterior post = inference.infer_row(reports.row(t));
    const double truth = jobs[t].draw.share;
    const QuantitySummary& q = post.summaries[0];
    share_covered += q.p05 <= truth && truth <= q.p95 ? 1 : 0;
    // The mirrored share: what a mechanism that confused new and pool applicants would report.
    wrong_covered += q.p05 <= 1 - truth && 1 - truth <= q.p95 ? 1 : 0;
    width += q.p95 - q.p05;
    const double level = jobs[t].draw.level[static_cast<std::size_t>(s.prior.trial_levels()[0].specialty)];
    level_covered += post.summaries[1].p05 <= level && level <= post.summaries[1].p95 ? 1 : 0;
  }
  const double n = static_cast<double>(truths);
  const double se = std::sqrt(target * (1 - target) / n);  // binomial error of the coverage count
  EXPECT_NEAR(static_cast<double>(share_covered) / n, target, 3 * se);
  EXPECT_NEAR(static_cast<double>(level_covered) / n, target, 3 * se);
  EXPECT_LT(static_cast<double>(wrong_covered) / n, 0.7) << "intervals this wide say nothing";
  EXPECT_LT(width / n, 0.6) << "the reports narrow the prior's 90 % interval (width 0.9)";
}

TEST(AbcPosterior, WithoutExtraordinaryCoursesTheSharesPosteriorIsItsPrior) {
  EvaluationFixture s;
  s.trial.extraordinary->per_region = {0, 0, 0};  // the trial posts nothing: the share acts nowhere
  const std::int64_t draws = evaluate_sanitized() ? 200 : 400;
  const ReferenceTable table = build_reference_table(s.trial, s.prior, s.layout, 11, draws, 0);
  AbcSettings settings;
  settings.accept = 0.3;
  const AbcInference inference(table, full_design(s.layout, s.trial, 2028, false), settings, "test");
  // Reports the simulation gives at share 0.05 (or any other: they do not depend on it).
  const std::vector<ReportJob> jobs{{s.prior.draw(StreamKey(5), 0.05), kTruthReplications}};
  const SimulatedReports reports = simulate_reports(s.trial, s.prior, s.layout, 11, jobs, 0);
  const AbcPosterior post = inference.infer_row(reports.row(0));
  double sum_w = 0, sum_w2 = 0;
  for (double w : post.weights) {
    sum_w += w;
    sum_w2 += w * w;
  }
  const double effective = sum_w * sum_w / sum_w2;  // Kish's effective sample size
  const QuantitySummary& q = post.summaries[0];
  // Uniform on [0, 1]: mean 0.5 (sd 0.289), quantiles 0.05 and 0.95 (sd sqrt(p(1-p)/n) / density).
  EXPECT_NEAR(q.mean, 0.5, 4 * 0.289 / std::sqrt(effective));
  EXPECT_NEAR(q.p05, 0.05, 4 * std::sqrt(0.05 * 0.95 / effective));
  EXPECT_NEAR(q.p95, 0.95, 4 * std::sqrt(0.05 * 0.95 / effective));
  // The same reports with the trial's courses posted would pin the share down near 0.05.
  EvaluationFixture informative;
  const ReferenceTable table2 =
      build_reference_table(informative.trial, informative.prior, informative.layout, 11, draws, 0);
  const AbcInference inference2(table2, full_design(informative.layout, informative.trial, 2028, false),
                                settings, "test");
  const SimulatedReports reports2 =
      simulate_reports(informative.trial, informative.prior, informative.layout, 11, jobs, 0);
  const AbcPosterior post2 = inference2.infer_row(reports2.row(0));
  EXPECT_LT(post2.summaries[0].p95, 0.6);
}

TEST(AbcPosterior, TheSameTablePosteriorAndHeadlineAtOneAndThreeThreads) {
  EvaluationFixture s;
  const Scenario flex = load_scenario(testing::kFlexScenario);
  AbcSettings settings;
  settings.accept = 0.25;
  settings.min_accepted = 10;
  const ReportingDesign design = full_design(s.layout, s.trial, 2028, true);
  std::vector<AbcPosterior> posts;
  std::vector<HeadlinePrediction> headlines;
  std::vector<std::vector<std::int32_t>> cells;
  for (int threads : {1, 3}) {
    const ReferenceTable table = build_reference_table(s.trial, s.prior, s.layout, 3, 48, threads);
    cells.push_back(table.reports.cells);
    const AbcInference inference(table, design, settings, "test");
    posts.push_back(inference.infer_row(table.reports.row(0)));
    headlines.push_back(predict_headline(s.trial, flex, s.prior, table, posts.back(), nullptr, 3, threads));
  }
  EXPECT_EQ(cells[0], cells[1]);
  EXPECT_EQ(posts[0].rows, posts[1].rows);
  EXPECT_EQ(posts[0].values, posts[1].values);
  EXPECT_EQ(headlines[0].difference.mean, headlines[1].difference.mean);
  EXPECT_EQ(headlines[0].difference.p95, headlines[1].difference.p95);
}

TEST(AbcPosterior, WeightedQuantilesFollowTheWeights) {
  const QuantitySummary q = summarise({1, 2, 3, 4}, {0, 1, 1, 2});
  EXPECT_DOUBLE_EQ(q.mean, (2 + 3 + 8) / 4.0);
  EXPECT_EQ(q.p05, 2);
  EXPECT_EQ(q.p50, 3);
  EXPECT_EQ(q.p95, 4);
}

TEST(AbcPosterior, TheWorkingScaleRoundTrips) {
  for (double v : {0.01, 0.3, 0.99}) EXPECT_NEAR(from_working(0, to_working(0, v)), v, 1e-12);
  EXPECT_NEAR(from_working(2, to_working(2, 222.3)), 222.3, 1e-9);
  EXPECT_TRUE(std::isfinite(to_working(0, 0.0)));
  EXPECT_TRUE(std::isfinite(to_working(0, 1.0)));
}

}  // namespace
}  // namespace forlob
