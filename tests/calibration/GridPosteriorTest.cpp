#include "calibration/GridPosterior.hpp"

#include <gtest/gtest.h>

#include <boost/math/distributions/beta.hpp>
#include <cmath>
#include <numeric>

#include "calibration/BetaBinomial.hpp"

namespace forlob {
namespace {

// κ fixed at 1e7: every year has practically the same rate, so the data are binomial.
GridSettings fixed_kappa(int mu_points) {
  GridSettings g;
  g.mu_points = mu_points;
  g.kappa_points = 1;
  g.kappa_min = g.kappa_max = 1e7;
  return g;
}

TEST(GridPosterior, WithoutYearToYearVariationTheFlatPriorGivesTheBetaPosterior) {
  // Binomial data y of n under a flat prior: μ | data ~ Beta(y + 1, n − y + 1). Quantiles are
  // interpolated within bins, so they are exact to within one bin width.
  const FillGrid grid(fixed_kappa(2000));
  const double width = 1.0 / 2000;
  const std::vector<YearCount> years{{2011, 100, 30}, {2012, 80, 31}, {2013, 120, 40}};
  const CellPosterior post(CellLikelihood(grid, years), beta_prior_masses(grid, 1, 1));
  const boost::math::beta_distribution<> exact(101 + 1, 199 + 1);
  EXPECT_NEAR(post.mu_mean(), boost::math::mean(exact), width);
  EXPECT_NEAR(post.mu_variance(), boost::math::variance(exact), 0.01 * boost::math::variance(exact));
  for (double q : {0.05, 0.25, 0.5, 0.75, 0.95})
    EXPECT_NEAR(post.mu_quantile(q), boost::math::quantile(exact, q), width) << q;
}

TEST(GridPosterior, EvidenceOfBinomialDataUnderAFlatPriorIsOneOverNPlusOne) {
  // ∫ C(n, y) μ^y (1 − μ)^(n − y) dμ = 1 / (n + 1).
  const FillGrid grid(fixed_kappa(4000));
  const std::vector<YearCount> years{{2020, 60, 17}};
  const CellPosterior post(CellLikelihood(grid, years), beta_prior_masses(grid, 1, 1));
  EXPECT_NEAR(post.log_evidence(), std::log(1.0 / 61), 1e-4);
}

TEST(GridPosterior, BetaPriorMassesAreExactBinProbabilities) {
  const FillGrid grid(fixed_kappa(50));
  const std::vector<double> m = beta_prior_masses(grid, 30, 10);
  EXPECT_NEAR(std::accumulate(m.begin(), m.end(), 0.0), 1.0, 1e-12);
  const boost::math::beta_distribution<> b(30, 10);
  EXPECT_NEAR(m[37], boost::math::cdf(b, 0.76) - boost::math::cdf(b, 0.74), 1e-12);
}

TEST(GridPosterior, PredictiveOfAFixedRateIsTheBetaBinomialOfThePosterior) {
  // With κ fixed and huge, a new year's filled count given μ is Binomial(n, μ); mixed over the
  // Beta(y + 1, n − y + 1) posterior that is BetaBinomial(n', y + 1, n − y + 1).
  const FillGrid grid(fixed_kappa(3000));
  const CellPosterior post(CellLikelihood(grid, {{2020, 50, 20}}), beta_prior_masses(grid, 1, 1));
  const std::vector<double> predictive = post.predictive_pmf(30);
  EXPECT_NEAR(std::accumulate(predictive.begin(), predictive.end(), 0.0), 1.0, 1e-12);
  const std::vector<double> exact = beta_binomial_pmf(30, 21, 31);
  for (std::size_t y = 0; y < exact.size(); ++y) EXPECT_NEAR(predictive[y], exact[y], 1e-4) << y;
}

TEST(GridPosterior, YearToYearVariationWidensTheIntervalOfTheMean) {
  // The same totals, once steady and once swinging between years: the swinging series must give
  // a lower concentration κ and a wider interval for μ (a binomial fit would give both the same).
  GridSettings g;
  g.mu_points = 400;
  g.kappa_points = 60;
  const FillGrid grid(g);
  const std::vector<double> flat = beta_prior_masses(grid, 1, 1);
  const std::vector<YearCount> steady{{1, 200, 150}, {2, 200, 152}, {3, 200, 148}, {4, 200, 150}};
  const std::vector<YearCount> swinging{{1, 200, 190}, {2, 200, 110}, {3, 200, 180}, {4, 200, 120}};
  const CellPosterior a(CellLikelihood(grid, steady), flat), b(CellLikelihood(grid, swinging), flat);
  for (const CellPosterior* p : {&a, &b}) {
    EXPECT_LT(p->mu_quantile(0.05), 0.75);
    EXPECT_GT(p->mu_quantile(0.95), 0.75);
  }
  EXPECT_GT(b.mu_quantile(0.95) - b.mu_quantile(0.05), 3 * (a.mu_quantile(0.95) - a.mu_quantile(0.05)));
  EXPECT_LT(b.kappa_quantile(0.95), a.kappa_quantile(0.05));
}

}  // namespace
}  // namespace forlob
