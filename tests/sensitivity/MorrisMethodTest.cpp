#include "sensitivity/MorrisMethod.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <vector>

#include "core/Errors.hpp"

namespace forlob {
namespace {

// Parameter i runs over [lower[i], upper[i]]; the design lives in the unit cube.
struct Ranges {
  std::vector<double> lower, upper;
  double at(const std::vector<double>& u, std::size_t i) const {
    return lower[i] + u[i] * (upper[i] - lower[i]);
  }
};

std::vector<MorrisEffects> effects_of(const std::function<double(const std::vector<double>&)>& f,
                                      std::size_t k, std::size_t r = 30, int levels = 4) {
  const MorrisDesign d = morris_design(k, r, levels, 7);
  std::vector<double> y;
  for (const std::vector<double>& u : d.unit_points) y.push_back(f(u));
  BootstrapOptions b;
  b.resamples = 200;
  return morris_effects(d, y, b);
}

TEST(MorrisDesignTest, EachStepMovesOneParameterByDeltaOnTheGrid) {
  const MorrisDesign d = morris_design(5, 12, 6, 1);
  ASSERT_EQ(d.unit_points.size(), 12u * 6u);
  EXPECT_DOUBLE_EQ(d.delta, 6.0 / (2 * 5));
  for (std::size_t t = 0; t < 12; ++t) {
    std::vector<bool> moved(5, false);
    EXPECT_EQ(d.moved[t * 6], -1);
    for (std::size_t s = 1; s < 6; ++s) {
      const std::size_t p = t * 6 + s;
      const auto i = static_cast<std::size_t>(d.moved[p]);
      EXPECT_FALSE(moved[i]) << "a parameter moves once per trajectory";
      moved[i] = true;
      for (std::size_t c = 0; c < 5; ++c) {
        const double change = d.unit_points[p][c] - d.unit_points[p - 1][c];
        EXPECT_NEAR(change, c == i ? d.step[p] : 0.0, 1e-12);
        const double level = d.unit_points[p][c] * 5;  // levels 0, 1/5, ..., 1
        EXPECT_NEAR(level, std::round(level), 1e-12);
        EXPECT_GE(d.unit_points[p][c], 0.0);
        EXPECT_LE(d.unit_points[p][c], 1.0);
      }
    }
  }
}

TEST(MorrisDesignTest, OddLevelsAreRejected) { EXPECT_THROW(morris_design(3, 4, 5, 1), InputError); }

// A linear function: every elementary effect of x_i is c_i (upper - lower), exactly, so
// mu* = |c_i| (upper - lower), mu = c_i (upper - lower) and sigma = 0.
TEST(MorrisEffectsTest, LinearFunctionHasMuStarEqualToCoefficientTimesRangeAndNoSpread) {
  const Ranges ranges{{0.8, 0, -2}, {1.2, 10, 2}};
  const std::vector<double> c{50, -3, 0.5};
  const auto f = [&](const std::vector<double>& u) {
    return 7 + c[0] * ranges.at(u, 0) + c[1] * ranges.at(u, 1) + c[2] * ranges.at(u, 2);
  };
  const std::vector<MorrisEffects> e = effects_of(f, 3);
  for (std::size_t i = 0; i < 3; ++i) {
    const double range = ranges.upper[i] - ranges.lower[i];
    EXPECT_NEAR(e[i].mu_star.estimate, std::abs(c[i]) * range, 1e-9) << i;
    EXPECT_NEAR(e[i].mu.estimate, c[i] * range, 1e-9) << i;
    EXPECT_NEAR(e[i].sigma.estimate, 0.0, 1e-9) << i;
    EXPECT_NEAR(e[i].mu_star.ci_low, e[i].mu_star.ci_high, 1e-9) << "no spread to resample";
  }
}

// f = x1 x2 + x3 on [0, 1]^3: the effect of x1 is x2, which varies with the trajectory, so
// sigma > 0 for x1 and x2; x3 is additive (sigma 0, mu* 1). With p = 4 levels x2 is on
// {0, 1/3, 2/3, 1}, so mu*_1 is about 1/2 (sd 0.373 / sqrt(40) = 0.059 over 40 trajectories) and
// sigma_1 about 0.373 (sd about 0.04): the bounds are 4 standard errors.
TEST(MorrisEffectsTest, InteractionGivesSpreadAndAdditiveTermNone) {
  const auto f = [](const std::vector<double>& u) { return u[0] * u[1] + u[2]; };
  const std::vector<MorrisEffects> e = effects_of(f, 3, 40);
  EXPECT_GT(e[0].sigma.estimate, 0.2);
  EXPECT_GT(e[1].sigma.estimate, 0.2);
  EXPECT_NEAR(e[2].sigma.estimate, 0.0, 1e-9);
  EXPECT_NEAR(e[2].mu_star.estimate, 1.0, 1e-9);
  EXPECT_GT(e[0].mu_star.estimate, 0.26);
  EXPECT_LT(e[0].mu_star.estimate, 0.74);
  EXPECT_LE(e[0].mu_star.ci_low, e[0].mu_star.estimate);
  EXPECT_GE(e[0].mu_star.ci_high, e[0].mu_star.estimate);
  EXPECT_LT(e[0].mu_star.ci_low, e[0].mu_star.ci_high);
}

// f = |x - 1/2| with p = 6 (Delta = 0.6): the step pairs are 0 <-> 0.6 (effect -2/3),
// 0.2 <-> 0.8 (0) and 0.4 <-> 1 (+2/3), each drawn with probability 1/3. Effects of opposite sign
// cancel in mu but not in mu*: mu* = 4/9 and mu = 0 in expectation. Over r = 60 trajectories
// mu* = 2/3 x a binomial proportion (sd 2/3 sqrt(2/9 / 60) = 0.041) and mu has sd
// sqrt(8/27 / 60) = 0.070: the tolerances are 4 standard errors. (Forgetting to divide by Delta
// gives mu* = 4/15, off by 0.18, and fails.)
TEST(MorrisEffectsTest, MuStarIsTheMeanOfAbsoluteEffectsWhileMuCancels) {
  const std::vector<MorrisEffects> e =
      effects_of([](const std::vector<double>& u) { return std::abs(u[0] - 0.5); }, 1, 60, 6);
  EXPECT_NEAR(e[0].mu_star.estimate, 4.0 / 9, 0.16);
  EXPECT_NEAR(e[0].mu.estimate, 0.0, 0.28);
  EXPECT_GT(e[0].mu_star.estimate, std::abs(e[0].mu.estimate));
}

}  // namespace
}  // namespace forlob
