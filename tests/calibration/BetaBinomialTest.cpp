#include "calibration/BetaBinomial.hpp"

#include <gtest/gtest.h>

#include <boost/math/distributions/binomial.hpp>
#include <cmath>
#include <numeric>

namespace forlob {
namespace {

TEST(BetaBinomial, UniformRateGivesEveryCountTheSameProbability) {
  // Beta(1, 1) mixing: P(Y = y) = 1 / (n + 1) for every y.
  for (int n : {1, 7, 250})
    for (int y = 0; y <= n; ++y)
      EXPECT_NEAR(std::exp(beta_binomial_log_pmf(y, n, 1, 1)), 1.0 / (n + 1), 1e-12);
}

TEST(BetaBinomial, OneTrialIsBernoulliWithTheMean) {
  // lgamma terms of size κ log κ (2.4e4 at κ = 3000) cancel: 1e-10 is a few hundred of their ulps.
  for (double mu : {0.1, 0.5, 0.93})
    for (double kappa : {0.5, 20.0, 3000.0}) {
      EXPECT_NEAR(std::exp(beta_binomial_log_pmf(1, 1, mu * kappa, (1 - mu) * kappa)), mu, 1e-10);
      EXPECT_NEAR(std::exp(beta_binomial_log_pmf(0, 1, mu * kappa, (1 - mu) * kappa)), 1 - mu, 1e-10);
    }
}

TEST(BetaBinomial, LargeConcentrationApproachesTheBinomial) {
  // The variance is n mu (1 - mu) (kappa + n) / (kappa + 1): the excess over the binomial is
  // O(n / kappa), 1e-5 here, so probabilities agree to far better than 1e-3 relative.
  const int n = 100;
  const double mu = 0.72, kappa = 1e7;
  const boost::math::binomial_distribution<> binomial(n, mu);
  for (int y = 0; y <= n; ++y) {
    const double expected = boost::math::pdf(binomial, y);
    if (expected < 1e-12) continue;
    EXPECT_NEAR(std::exp(beta_binomial_log_pmf(y, n, mu * kappa, (1 - mu) * kappa)) / expected, 1.0, 1e-3)
        << y;
  }
}

TEST(BetaBinomial, PmfSumsToOneAndHasTheClosedFormMeanAndVariance) {
  for (const auto& [n, a, b] :
       {std::tuple{10, 2.0, 3.0}, std::tuple{300, 0.7, 0.2}, std::tuple{260, 90.0, 15.0}}) {
    const std::vector<double> p = beta_binomial_pmf(n, a, b);
    ASSERT_EQ(p.size(), static_cast<std::size_t>(n) + 1);
    EXPECT_NEAR(std::accumulate(p.begin(), p.end(), 0.0), 1.0, 1e-10);
    double mean = 0, second = 0;
    for (std::size_t y = 0; y < p.size(); ++y) {
      mean += static_cast<double>(y) * p[y];
      second += static_cast<double>(y * y) * p[y];
    }
    const double k = a + b;
    EXPECT_NEAR(mean, n * a / k, 1e-8 * n);
    EXPECT_NEAR(second - mean * mean, n * a * b * (k + n) / (k * k * (k + 1)), 1e-7 * n * n);
  }
}

TEST(BetaBinomial, RecurrenceAgreesWithDirectEvaluation) {
  const int n = 57;
  const std::vector<double> p = beta_binomial_pmf(n, 4.5, 1.25);
  for (int y = 0; y <= n; ++y)
    EXPECT_NEAR(p[static_cast<std::size_t>(y)], std::exp(beta_binomial_log_pmf(y, n, 4.5, 1.25)), 1e-12);
}

TEST(BetaBinomial, StaysFiniteWhereThePmfUnderflows) {
  // mu = 0.99, kappa = 1e4, n = 300: P(Y = 0) is about 1e-600, yet the upper counts must be right.
  const std::vector<double> p = beta_binomial_pmf(300, 9900, 100);
  EXPECT_EQ(p[0], 0.0);
  EXPECT_NEAR(std::accumulate(p.begin(), p.end(), 0.0), 1.0, 1e-10);
  // lgamma of arguments near 1e4 carries relative errors of about 1e-11, hence a relative tolerance.
  for (int y = 270; y <= 300; ++y) {
    const double expected = std::exp(beta_binomial_log_pmf(y, 300, 9900, 100));
    EXPECT_NEAR(p[static_cast<std::size_t>(y)], expected, 1e-9 * expected) << y;
  }
  double mean = 0;
  for (int y = 0; y <= 300; ++y) mean += y * p[static_cast<std::size_t>(y)];
  EXPECT_NEAR(mean, 300 * 0.99, 1e-8 * 300);
}

}  // namespace
}  // namespace forlob
