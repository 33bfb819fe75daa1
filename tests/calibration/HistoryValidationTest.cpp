#include "calibration/HistoryValidation.hpp"

#include <gtest/gtest.h>

#include <boost/math/distributions/binomial.hpp>

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
  f[0] = {"model", 2017, 100, 50, 2011, 2016, 48, 45, 52, 40, 60};
  f[1] = {"model", 2018, 100, 70, 2011, 2016, 50, 46, 54, 41, 75};  // 70: outside 50 %, inside 90 %
  const std::vector<ForecastScore> s = score(f);
  ASSERT_EQ(s.size(), 1U);
  EXPECT_EQ(s[0].points, 2);
  EXPECT_DOUBLE_EQ(s[0].coverage50, 0.5);
  EXPECT_DOUBLE_EQ(s[0].coverage90, 1.0);
  EXPECT_DOUBLE_EQ(s[0].width50, 7.5);
  EXPECT_DOUBLE_EQ(s[0].width90, 27);
  EXPECT_DOUBLE_EQ(s[0].mae, 11);
}

TEST(HistoryValidation, HoldoutAndRollingOriginUseOnlyEarlierYears) {
  std::string rows;
  for (int y = 2011; y <= 2019; ++y) rows += posting_row(y, "all", 200, 150 + y % 5);
  HistoryOptions o;
  o.grid.mu_points = 100;
  o.grid.kappa_points = 20;
  const HistoryValidation v = validate_history(testing::records(rows), o);
  ASSERT_EQ(v.holdout.size(), 6U) << "2017-2019, model and naive";
  for (const YearForecast& f : v.holdout) EXPECT_EQ(f.last_fit_year, 2016);
  ASSERT_EQ(v.rolling.size(), 12U) << "2014-2019 after 3 years of history";
  for (const YearForecast& f : v.rolling) EXPECT_EQ(f.last_fit_year, f.year - 1);
  EXPECT_EQ(v.holdout_scores.size(), 2U);
}

TEST(HistoryValidation, TooShortASeriesIsAUsageError) {
  HistoryOptions o;
  EXPECT_THROW(validate_history(testing::records(posting_row(2015, "all", 10, 5)), o), UsageError);
  o.specialty = "geriatri";
  EXPECT_THROW(validate_history(testing::records(posting_row(2015, "all", 10, 5)), o), UsageError);
}

}  // namespace
}  // namespace forlob
