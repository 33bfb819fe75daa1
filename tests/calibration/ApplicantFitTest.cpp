#include "calibration/ApplicantFit.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "calibration/ApplicantRecovery.hpp"
#include "support/RunOnce.hpp"
#include "support/TinyScenario.hpp"

namespace forlob {
namespace {

ApplicantGridSettings small_applicant_grid() {
  ApplicantGridSettings g;
  g.level_points = 150;
  g.sd_points = 10;
  g.year_nodes = 16;
  return g;
}

TEST(ApplicantFit, FilledIsMinOfPoissonApplicantsAndOffered) {
  for (double lambda : {3.0, 40.0, 55.0}) {
    double total = 0;
    for (int f = 0; f <= 50; ++f) total += std::exp(log_min_poisson_pmf(f, 50, lambda));
    EXPECT_NEAR(total, 1, 1e-9) << lambda;
  }
  // A full year has the probability that at least `offered` applied.
  EXPECT_NEAR(std::exp(log_min_poisson_pmf(1, 1, 2.0)), 1 - std::exp(-2.0), 1e-12);
  EXPECT_TRUE(std::isinf(log_min_poisson_pmf(51, 50, 10)));
}

TEST(ApplicantFit, ASteadyShortfallGivesTheLevelOfThoseFilled) {
  const ApplicantPosterior p(small_applicant_grid(),
                             {{1, 250, 150}, {2, 260, 152}, {3, 240, 149}, {4, 255, 151}});
  EXPECT_NEAR(p.level_quantile(0.5), 150.5, 6);
  EXPECT_LT(p.level_quantile(0.05), 150);
  EXPECT_GT(p.level_quantile(0.95), 151);
  EXPECT_LT(p.sd_quantile(0.5), 0.1) << "fills this steady leave little room for year-to-year variation";
}

TEST(ApplicantFit, FullYearsSayOnlyThatApplicantsWereAtLeastTheCourses) {
  const ApplicantPosterior p(small_applicant_grid(), {{1, 100, 100}, {2, 100, 100}, {3, 100, 100}});
  EXPECT_GT(p.level_quantile(0.05), 90);
  EXPECT_GT(p.level_quantile(0.95), 1000) << "no upper limit from full years: the prior's range shows";
}

TEST(ApplicantFit, SwingingYearsWidenTheLevelAndRaiseTheYearSd) {
  const ApplicantPosterior steady(small_applicant_grid(),
                                  {{1, 300, 200}, {2, 300, 201}, {3, 300, 199}, {4, 300, 200}});
  const ApplicantPosterior swinging(small_applicant_grid(),
                                    {{1, 300, 160}, {2, 300, 240}, {3, 300, 180}, {4, 300, 220}});
  EXPECT_GT(swinging.sd_quantile(0.5), 0.1);
  EXPECT_GT(swinging.level_quantile(0.95) - swinging.level_quantile(0.05),
            2 * (steady.level_quantile(0.95) - steady.level_quantile(0.05)));
}

TEST(ApplicantFit, PredictiveIsADistributionOnZeroToOfferedCappedByTheCourses) {
  const ApplicantPosterior p(small_applicant_grid(), {{1, 250, 200}, {2, 250, 210}, {3, 250, 205}});
  const std::vector<double> few = p.predictive_pmf(150);
  const std::vector<double> many = p.predictive_pmf(300);
  ASSERT_EQ(few.size(), 151U);
  double total = 0, mean_many = 0;
  for (double v : few) total += v;
  for (std::size_t y = 0; y < many.size(); ++y) mean_many += static_cast<double>(y) * many[y];
  EXPECT_NEAR(total, 1, 1e-9);
  EXPECT_GT(few.back(), 0.9) << "150 courses against about 205 applicants: nearly always full";
  EXPECT_NEAR(mean_many, 205, 8) << "300 courses: the applicants, not the courses, bound the fills";
}

TEST(ApplicantFit, ExpectedFillRateMatchesSimulatedSeries) {
  // The analytic E[min(A, n)] / n against the mean of simulated years (Monte Carlo standard error
  // from the simulated spread; four allowed).
  const ApplicantPosterior p(small_applicant_grid(), {{1, 100, 80}});
  const double level = 90, sd = 0.2;
  const int offered = 100, years = 4000;
  std::vector<int> n(static_cast<std::size_t>(years), offered);
  const std::vector<YearCount> sim = simulate_applicant_years(StreamKey(11), level, sd, n);
  double sum = 0, sum2 = 0;
  for (const YearCount& y : sim) {
    const double r = static_cast<double>(y.filled) / offered;
    sum += r;
    sum2 += r * r;
  }
  const double mean = sum / years, se = std::sqrt((sum2 / years - mean * mean) / years);
  EXPECT_NEAR(p.expected_fill_rate(level, sd, offered), mean, 4 * se + 0.002);
}

// The simulator's applicant pool (fill/ApplicantPool) in the fit's own setting: one round a year, 10
// courses a region, a national level of 25 applicants (60 % from Nord) with a year sd of 0.2, and
// everyone left waiting gone by the next round. With mobility 1 the three regions are one market, and the
// mean of filled / offered over simulated years must be the fit's analytic E[min(A, 30)] / 30 (four Monte
// Carlo standard errors, plus 0.003 for the fit's 24-node quadrature). With the shipped mobility 0.42 Nord's
// surplus applicants mostly stay home, so the pool fills less: the fit's approximation reads such a shortfall
// as fewer applicants.
struct PoolFill {
  double mean = 0, se = 0;
};

PoolFill simulated_fill_rate(double mobility, int replications) {
  // Most applicants live in Nord, so with little mobility Nord has more than its courses.
  Scenario s = testing::tiny_scenario(1, 10);
  s.fill.model = FillModelKind::Applicants;
  ApplicantSpec a;
  a.level = {25};
  a.home = {{0.6, 0.2, 0.2}};
  a.level_sd = 0;
  a.year_sd = 0.2;
  a.mobility = mobility;
  a.leave_per_round = 1;
  a.extraordinary_new = 0;
  s.applicants = a;
  double sum = 0, sum2 = 0;
  int n = 0;
  for (int i = 0; i < replications; ++i) {
    const Tally t = testing::run_once(s, i, 7);
    for (int y = 2020; y <= 2022; ++y) {
      int filled = 0, offered = 0;
      for (Region r : kRegions) {
        filled += t.get(y, r, 0, Metric::Filled);
        offered += t.get(y, r, 0, Metric::OrdinaryOffered);
      }
      const double rate = static_cast<double>(filled) / offered;
      sum += rate;
      sum2 += rate * rate;
      ++n;
    }
  }
  const double mean = sum / n;
  return {mean, std::sqrt((sum2 / n - mean * mean) / n)};
}

TEST(ApplicantFit, TheAnalyticFillRateIsTheSimulatorsPoolWhenTheRegionsAreOneMarket) {
  const ApplicantPosterior p(small_applicant_grid(), {{1, 30, 24}});
  ApplicantGridSettings g;  // the shipped fit's quadrature
  const double analytic = ApplicantPosterior(g, {{1, 30, 24}}).expected_fill_rate(25, 0.2, 30);
  const PoolFill one_market = simulated_fill_rate(1.0, 400);
  EXPECT_NEAR(one_market.mean, analytic, 4 * one_market.se + 0.003);
  const PoolFill shipped_mobility = simulated_fill_rate(0.42, 400);
  EXPECT_LT(shipped_mobility.mean, one_market.mean - 4 * one_market.se);
  EXPECT_GT(p.level_quantile(0.5), 0);  // the small grid's fit of the same year is a distribution
}

}  // namespace
}  // namespace forlob
