#include "calibration/Recovery.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "calibration/Support.hpp"

namespace forlob {
namespace {

RecoveryOptions study() {
  RecoveryOptions o;
  o.datasets = testing::sanitized() ? 80 : 400;
  o.seed = 20260113;
  o.posted = {250, 250, 250, 250, 250, 250};
  o.grid.mu_points = 200;
  o.grid.kappa_points = 40;
  return o;
}

// One study serves both coverage tests.
const RecoveryResult& shared_study() {
  static const RecoveryResult result = run_recovery(study());
  return result;
}

TEST(Recovery, NinetyPercentIntervalsCoverTheTruthNinetyPercentOfTheTime) {
  // Truth drawn from the prior the fit uses, so the Bayesian 90% intervals have 90% frequentist
  // coverage on average over the prior. The coverage count is Binomial(M, 0.9): its standard
  // error is sqrt(0.09 / M), and the test allows three of them.
  const RecoveryOptions o = study();
  const RecoveryResult& r = shared_study();
  ASSERT_EQ(r.cases.size(), static_cast<std::size_t>(o.datasets));
  const double tolerance = 3 * std::sqrt(0.09 / o.datasets);
  EXPECT_NEAR(r.mu_coverage(), 0.9, tolerance);
  EXPECT_NEAR(r.kappa_coverage(), 0.9, tolerance);
}

TEST(Recovery, APlainBinomialFitFailsTheSameCoverageTest) {
  // Ignoring κ treats 1,500 postings as independent and gives intervals far too narrow whenever
  // rates vary between years (half of the data sets have κ below 100): its coverage falls well
  // outside the band that the Beta-binomial fit stays inside.
  const RecoveryOptions o = study();
  const RecoveryResult& r = shared_study();
  EXPECT_LT(r.binomial_coverage(), 0.9 - 3 * std::sqrt(0.09 / o.datasets));
}

TEST(Recovery, SimulatedYearsAreKeyedAndMatchTheirRate) {
  const std::vector<int> posted(2000, 100);
  const auto a = simulate_posting_years(StreamKey(7).with(3), 0.8, 1e6, posted);
  const auto b = simulate_posting_years(StreamKey(7).with(3), 0.8, 1e6, posted);
  ASSERT_EQ(a.size(), posted.size());
  double filled = 0;
  for (std::size_t t = 0; t < a.size(); ++t) {
    EXPECT_EQ(a[t].filled, b[t].filled);
    filled += a[t].filled;
  }
  // κ = 1e6: practically Binomial(200,000, 0.8); four standard errors.
  const double n = 200000;
  EXPECT_NEAR(filled / n, 0.8, 4 * std::sqrt(0.8 * 0.2 / n));
}

TEST(Recovery, SameSeedSameStudy) {
  RecoveryOptions o = study();
  o.datasets = 20;
  const RecoveryResult a = run_recovery(o), b = run_recovery(o);
  ASSERT_EQ(a.cases.size(), 20u);
  ASSERT_EQ(b.cases.size(), 20u);
  for (std::size_t i = 0; i < a.cases.size(); ++i) {
    EXPECT_EQ(a.cases[i].mu, b.cases[i].mu);
    EXPECT_EQ(a.cases[i].mu_low, b.cases[i].mu_low);
    EXPECT_EQ(a.cases[i].kappa_high, b.cases[i].kappa_high);
  }
}

}  // namespace
}  // namespace forlob
