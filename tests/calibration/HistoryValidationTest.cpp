#include "calibration/HistoryValidation.hpp"

#include <gtest/gtest.h>

#include <boost/math/distributions/binomial.hpp>
#include <cmath>

#include "calibration/Support.hpp"
#include "core/Errors.hpp"

namespace forlob {
namespace {

using testing::posting_row;

TEST(HistoryValidation, CentralIntervalCoversAtLeastItsLevelWithEachTailAtMostHalfTheRest) {
  const int n = 40;
  const boost::math::binomial_distribution<> b(n, 0.3);
  std::vector<double> pmf(n + 1);
  for (int y = 0; y <= n; ++y) pmf[static_cast<std::size_t>(y)] = boost::math::pdf(b, y);
  for (double level : {0.5, 0.9}) {
    const auto [low, high] = central_interval(pmf, level);
    const double below = low > 0 ? boost::math::cdf(b, low - 1) : 0.0;
    const double above = 1 - boost::math::cdf(b, high);
    EXPECT_LE(below, (1 - level) / 2 + 1e-12);
    EXPECT_LE(above, (1 - level) / 2 + 1e-12);
    // The tightest such interval: widening was needed on both sides.
    EXPECT_GT(boost::math::cdf(b, low), (1 - level) / 2);
    EXPECT_GT(1 - boost::math::cdf(b, high - 1), (1 - level) / 2);
  }
}

TEST(HistoryValidation, NaiveForecastIsLastRateTimesPostedWithBinomialIntervals) {
  const YearForecast f = naive_forecast({{2015, 200, 150}, {2016, 100, 80}}, {2017, 250, 190});
  EXPECT_DOUBLE_EQ(f.point, 200);
  const boost::math::binomial_distribution<> b(250, 0.8);
  EXPECT_LE(boost::math::cdf(b, f.low90 - 1), 0.05);
  EXPECT_GT(boost::math::cdf(b, f.low90), 0.05);
  EXPECT_GE(boost::math::cdf(b, f.high90), 0.95);
  EXPECT_LT(boost::math::cdf(b, f.high90 - 1), 0.95);
  EXPECT_LE(boost::math::cdf(b, f.low50 - 1), 0.25);
  EXPECT_GT(boost::math::cdf(b, f.low50), 0.25);
  EXPECT_GE(boost::math::cdf(b, f.high50), 0.75);
  EXPECT_LT(boost::math::cdf(b, f.high50 - 1), 0.75);
  EXPECT_EQ(f.last_fit_year, 2016);
}

TEST(HistoryValidation, ModelForecastWidensWhenRatesSwingBetweenYears) {
  GridSettings g;
  g.mu_points = 200;
  g.kappa_points = 40;
  const FillGrid grid(g);
  const YearForecast steady =
      model_forecast(grid, {{1, 250, 200}, {2, 250, 201}, {3, 250, 199}}, {4, 250, 200});
  const YearForecast swinging =
      model_forecast(grid, {{1, 250, 240}, {2, 250, 160}, {3, 250, 200}}, {4, 250, 200});
  EXPECT_NEAR(steady.point, 200, 2);
  EXPECT_GT(swinging.high90 - swinging.low90, 2 * (steady.high90 - steady.low90));
}

TEST(HistoryValidation, ScoresCountCoverageWidthAndError) {
  std::vector<YearForecast> f(2);
  f[0] = {"independent", 2017, 100, 50, 2011, 2016, 48, 45, 52, 40, 60, std::log(0.05)};
  f[1] = {"independent", 2018, 100, 70, 2011, 2016, 50, 46, 54, 41, 75,
          std::log(0.01)};  // 70: outside 50 %, inside 90 %
  const std::vector<ForecastScore> s = score(f);
  ASSERT_EQ(s.size(), 1U);
  EXPECT_EQ(s[0].points, 2);
  EXPECT_DOUBLE_EQ(s[0].coverage50, 0.5);
  EXPECT_DOUBLE_EQ(s[0].coverage90, 1.0);
  EXPECT_DOUBLE_EQ(s[0].width50, 7.5);
  EXPECT_DOUBLE_EQ(s[0].width90, 27);
  EXPECT_DOUBLE_EQ(s[0].mae, 11);
  EXPECT_NEAR(s[0].log_score, -(std::log(0.05) + std::log(0.01)) / 2, 1e-12);
}

TEST(HistoryValidation, TheApplicantForecastStaysAtTheApplicantsWhenMoreCoursesArePosted) {
  // Fills flat at about 200 while postings rise: the applicant model reads a pool of about 200
  // applicants and predicts about 200 of 320; the independent model predicts its rate times 320.
  const std::vector<YearCount> history{{1, 230, 201}, {2, 250, 199}, {3, 270, 200}, {4, 290, 200}};
  const YearCount target{5, 320, 200};
  ApplicantGridSettings g;
  g.level_points = 150;
  g.sd_points = 10;
  g.year_nodes = 12;
  const YearForecast applicants = applicant_forecast(ApplicantPosterior(g, history), history, target);
  GridSettings b;
  b.mu_points = 200;
  b.kappa_points = 40;
  const YearForecast independent = model_forecast(FillGrid(b), history, target);
  EXPECT_EQ(applicants.method, "applicants");
  EXPECT_NEAR(applicants.point, 200, 6);
  EXPECT_GT(independent.point, 230);
  EXPECT_GT(applicants.log_p, independent.log_p);
}

TEST(HistoryValidation, HoldoutAndRollingOriginUseOnlyEarlierYears) {
  std::string rows;
  for (int y = 2011; y <= 2019; ++y) rows += posting_row(y, "all", 200, 150 + y % 5);
  HistoryOptions o;
  o.grid.mu_points = 100;
  o.grid.kappa_points = 20;
  o.applicant_grid.level_points = 100;
  o.applicant_grid.sd_points = 8;
  o.applicant_grid.year_nodes = 8;
  const HistoryValidation v = validate_history(testing::records(rows), o);
  ASSERT_EQ(v.holdout.size(), 9U) << "2017-2019, both models and naive";
  for (const YearForecast& f : v.holdout) EXPECT_EQ(f.last_fit_year, 2016);
  ASSERT_EQ(v.rolling.size(), 18U) << "2014-2019 after 3 years of history";
  for (const YearForecast& f : v.rolling) EXPECT_EQ(f.last_fit_year, f.year - 1);
  EXPECT_EQ(v.holdout_scores.size(), 3U);
}

TEST(HistoryValidation, TooShortASeriesIsAUsageError) {
  HistoryOptions o;
  EXPECT_THROW(validate_history(testing::records(posting_row(2015, "all", 10, 5)), o), UsageError);
  o.specialty = "geriatri";
  EXPECT_THROW(validate_history(testing::records(posting_row(2015, "all", 10, 5)), o), UsageError);
}

}  // namespace
}  // namespace forlob
