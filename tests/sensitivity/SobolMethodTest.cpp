#include "sensitivity/SobolMethod.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <numbers>
#include <vector>

namespace forlob {
namespace {

using Function = std::function<double(const std::vector<double>&)>;

// Runs f over the Saltelli design of the unit cube and estimates the indices.
SobolIndices indices_of(const Function& f, std::size_t k, std::size_t n) {
  const SaltelliDesign d = saltelli_design(k, n);
  std::vector<double> y;
  for (const std::vector<double>& u : d.unit_points) y.push_back(f(u));
  BootstrapOptions b;
  b.resamples = 1000;
  b.seed = 20260113;
  return sobol_indices(y, k, b);
}

// The analytic value must lie in the 95% bootstrap interval, and the interval must be narrow
// enough that this says something: an estimator off by more than `width` cannot pass.
void expect_covers(const IndexEstimate& e, double analytic, double width, const std::string& what) {
  EXPECT_LE(e.ci_low, analytic) << what << " estimate " << e.estimate;
  EXPECT_GE(e.ci_high, analytic) << what << " estimate " << e.estimate;
  EXPECT_LT(e.ci_high - e.ci_low, width) << what;
  EXPECT_NEAR(e.estimate, analytic, width / 2) << what;
}

TEST(SaltelliDesign, HasNTimesKPlusTwoPointsWithABColumnsTakenFromB) {
  const SaltelliDesign d = saltelli_design(3, 16);
  ASSERT_EQ(d.unit_points.size(), 16u * 5u);
  for (std::size_t j = 0; j < 16; ++j) {
    const auto& a = d.unit_points[j * 5 + SaltelliDesign::kA];
    const auto& b = d.unit_points[j * 5 + SaltelliDesign::kB];
    for (std::size_t i = 0; i < 3; ++i) {
      const auto& ab = d.unit_points[j * 5 + SaltelliDesign::ab(i)];
      for (std::size_t c = 0; c < 3; ++c) EXPECT_EQ(ab[c], c == i ? b[c] : a[c]);
      EXPECT_GT(a[i], 0.0);  // the all-zero first point of the sequence is skipped
      EXPECT_LT(a[i], 1.0);
    }
  }
}

TEST(SaltelliDesign, SobolSequenceFillsEveryHalfOfEachAxisEvenly) {
  // A (0, m, s)-net property: each of the 2k coordinates puts exactly half of 2^m points below 1/2
  // (the first point skipped shifts it by at most one).
  const SaltelliDesign d = saltelli_design(4, 256);
  for (std::size_t c = 0; c < 4; ++c) {
    int below_a = 0, below_b = 0;
    for (std::size_t j = 0; j < 256; ++j) {
      below_a += d.unit_points[j * 6 + SaltelliDesign::kA][c] < 0.5;
      below_b += d.unit_points[j * 6 + SaltelliDesign::kB][c] < 0.5;
    }
    EXPECT_NEAR(below_a, 128, 1);
    EXPECT_NEAR(below_b, 128, 1);
  }
}

// Ishigami (1990): f = sin x1 + a sin^2 x2 + b x3^4 sin x1 on [-pi, pi]^3. Analytic partial
// variances: V1 = (1 + b pi^4 / 5)^2 / 2, V2 = a^2 / 8, V3 = 0,
// V13 = b^2 pi^8 (1/18 - 1/50), V = a^2/8 + b pi^4/5 + b^2 pi^8/18 + 1/2.
TEST(SobolIndicesTest, IshigamiAnalyticIndicesLieInTheBootstrapIntervals) {
  const double a = 7, b = 0.1, pi = std::numbers::pi;
  const Function f = [&](const std::vector<double>& u) {
    const double x1 = -pi + 2 * pi * u[0], x2 = -pi + 2 * pi * u[1], x3 = -pi + 2 * pi * u[2];
    return std::sin(x1) + a * std::sin(x2) * std::sin(x2) + b * std::pow(x3, 4) * std::sin(x1);
  };
  const double v1 = 0.5 * std::pow(1 + b * std::pow(pi, 4) / 5, 2), v2 = a * a / 8, v3 = 0;
  const double v13 = b * b * std::pow(pi, 8) * (1.0 / 18 - 1.0 / 50);
  const double v = a * a / 8 + b * std::pow(pi, 4) / 5 + b * b * std::pow(pi, 8) / 18 + 0.5;
  const std::vector<double> s1{v1 / v, v2 / v, v3 / v};
  const std::vector<double> st{(v1 + v13) / v, v2 / v, (v3 + v13) / v};
  // The figures quoted in the literature (and in issue 4), to 3 decimals.
  EXPECT_NEAR(s1[0], 0.314, 5e-4);
  EXPECT_NEAR(s1[1], 0.442, 5e-4);
  EXPECT_NEAR(st[0], 0.558, 5e-4);
  EXPECT_NEAR(st[2], 0.244, 5e-4);

  const SobolIndices r = indices_of(f, 3, 4096);
  for (std::size_t i = 0; i < 3; ++i) {
    expect_covers(r.first[i], s1[i], 0.12, "S1 x" + std::to_string(i + 1));
    expect_covers(r.total[i], st[i], 0.12, "ST x" + std::to_string(i + 1));
  }
  EXPECT_NEAR(r.variance, v, 0.05 * v);
}

// Sobol's G-function: g = prod (|4 x_i - 2| + a_i) / (1 + a_i) on [0, 1]^k. Partial variances
// V_i = 1 / (3 (1 + a_i)^2); V = prod (1 + V_i) - 1; S_i = V_i / V;
// ST_i = V_i prod_{j != i} (1 + V_j) / V.
TEST(SobolIndicesTest, GFunctionAnalyticIndicesLieInTheBootstrapIntervals) {
  const std::vector<double> a{0, 1, 4.5, 9, 99, 99};
  const Function g = [&](const std::vector<double>& u) {
    double product = 1;
    for (std::size_t i = 0; i < a.size(); ++i) product *= (std::abs(4 * u[i] - 2) + a[i]) / (1 + a[i]);
    return product;
  };
  std::vector<double> vi;
  double v = 1;
  for (double ai : a) {
    vi.push_back(1 / (3 * (1 + ai) * (1 + ai)));
    v *= 1 + vi.back();
  }
  v -= 1;
  const SobolIndices r = indices_of(g, a.size(), 4096);
  // Widths scale with the index: about four times the 95% interval width expected at N = 4096, so a
  // bootstrap that made the small indices' intervals several times too wide would fail.
  const std::vector<double> width{0.12, 0.12, 0.03, 0.015, 0.005, 0.005};
  for (std::size_t i = 0; i < a.size(); ++i) {
    double others = 1;
    for (std::size_t j = 0; j < a.size(); ++j)
      if (j != i) others *= 1 + vi[j];
    expect_covers(r.first[i], vi[i] / v, width[i], "S1 x" + std::to_string(i + 1));
    expect_covers(r.total[i], vi[i] * others / v, width[i], "ST x" + std::to_string(i + 1));
  }
}

TEST(SobolIndicesTest, AConstantOutputHasNoIndices) {
  const SobolIndices r = indices_of([](const std::vector<double>&) { return 5.0; }, 2, 64);
  EXPECT_EQ(r.variance, 0);
  EXPECT_TRUE(std::isnan(r.first[0].estimate));
  EXPECT_TRUE(std::isnan(r.total[1].estimate));
}

TEST(SobolIndicesTest, ALargeOffsetDoesNotChangeTheIndices) {
  // Outputs such as 4,500 new specialists: the estimators centre on the mean first.
  const Function f = [](const std::vector<double>& u) { return u[0] + 2 * u[1] * u[1]; };
  const Function shifted = [&](const std::vector<double>& u) { return 4500 + f(u); };
  const SobolIndices r = indices_of(f, 2, 512), s = indices_of(shifted, 2, 512);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_NEAR(r.first[i].estimate, s.first[i].estimate, 1e-9);
    EXPECT_NEAR(r.total[i].estimate, s.total[i].estimate, 1e-9);
  }
}

TEST(SobolIndicesTest, BootstrapIntervalsAreReproducibleAtAFixedSeed) {
  const Function f = [](const std::vector<double>& u) { return u[0] * u[1] + u[2]; };
  const SobolIndices r = indices_of(f, 3, 256), s = indices_of(f, 3, 256);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(r.first[i].ci_low, s.first[i].ci_low);
    EXPECT_EQ(r.total[i].ci_high, s.total[i].ci_high);
  }
}

}  // namespace
}  // namespace forlob
