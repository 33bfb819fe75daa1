#include "calibration/TraineeRecords.hpp"

#include <gtest/gtest.h>

#include <boost/math/distributions/gamma.hpp>
#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/trigamma.hpp>
#include <boost/random/gamma_distribution.hpp>
#include <cmath>

#include "core/Errors.hpp"
#include "random/KeyedStream.hpp"

namespace forlob {
namespace {

constexpr const char* kHeader =
    "specialty,region,start_year,nominal_months,months_in_course,outcome,trainees,source\n";

std::string row(int months, const std::string& outcome, int trainees = 1) {
  return "geriatri,Syd,2015,48," + std::to_string(months) + "," + outcome + "," + std::to_string(trainees) +
         ",assumption: synthetic\n";
}

TEST(TraineeRecords, ExtensionOfCompletedCoursesIsRecoveredFromSyntheticData) {
  // 6,000 trainees, no dropout and no censoring; each course extended with probability 0.4 by a
  // Gamma(shape 2, mean 10) number of months, recorded in months begun (rounded up, as the
  // simulator does). Known answers: P = 0.4; the fitted mean of d − 0.5 should be
  // E[ceil X] − 0.5 = Σ_k P(X > k) − 0.5; the shape 2 (rounding adds ~1/12 to a variance of 50).
  const int n = 6000;
  const double q = 0.4, shape = 2, mean = 10;
  std::string text = kHeader;
  for (int i = 0; i < n; ++i) {
    KeyedStream s(StreamKey(11).with(static_cast<std::uint64_t>(i)));
    int months = 48;
    if (uniform01(s) < q) {
      boost::random::gamma_distribution<double> g(shape, mean / shape);
      months += static_cast<int>(std::ceil(g(s)));
    }
    text += row(months, "completed");
  }
  const std::vector<DelayDropoutFit> fits = fit_delay_dropout(parse_trainee_records(text, "t.csv"));
  ASSERT_EQ(fits.size(), 1U);
  const DelayDropoutFit& f = fits[0];
  EXPECT_EQ(f.completed, n);
  EXPECT_NEAR(f.extension_probability, q, 4 * std::sqrt(q * (1 - q) / n));
  EXPECT_LE(f.extension_probability_low, f.extension_probability);
  EXPECT_GE(f.extension_probability_high, f.extension_probability);

  const boost::math::gamma_distribution<> x(shape, mean / shape);
  double expected_mean = -0.5;
  for (int k = 0; k < 1000; ++k) expected_mean += boost::math::cdf(boost::math::complement(x, k));
  const double extended = f.extended;
  EXPECT_NEAR(f.extension_mean_months, expected_mean,
              4 * std::sqrt(shape) * (mean / shape) / std::sqrt(extended));
  EXPECT_LT(f.extension_mean_low, f.extension_mean_months);
  EXPECT_GT(f.extension_mean_high, f.extension_mean_months);
  // Asymptotic variance of the shape's MLE: k / (n (k ψ'(k) − 1)).
  const double shape_se = std::sqrt(shape / (extended * (shape * boost::math::trigamma(shape) - 1)));
  EXPECT_NEAR(f.extension_shape, shape, 4 * shape_se);
}

TEST(TraineeRecords, DropoutHazardIsEventsPerPersonYear) {
  // Hazard 0.03 a year, follow-up cut at a uniform 0-60 months, courses of 48 months without
  // extension. The estimate d / T has relative standard error 1 / sqrt(d).
  const double hazard = 0.03;
  std::string text = kHeader;
  for (int i = 0; i < 8000; ++i) {
    KeyedStream s(StreamKey(12).with(static_cast<std::uint64_t>(i)));
    const double dropout_months = -std::log(1 - uniform01(s)) / hazard * 12;
    const double follow_up = 60 * uniform01(s);
    const double end = std::min({dropout_months, follow_up, 48.0});
    const std::string outcome = end == dropout_months ? "dropped_out"
                                : end == 48.0         ? "completed"
                                                      : "in_course";
    text += row(static_cast<int>(std::lround(end)), outcome);
  }
  const DelayDropoutFit f = fit_delay_dropout(parse_trainee_records(text, "t.csv"))[0];
  ASSERT_GT(f.dropouts, 100);
  EXPECT_NEAR(f.hazard, hazard, 4 * hazard / std::sqrt(f.dropouts));
  EXPECT_NEAR(f.dropout_per_year, 1 - std::exp(-f.hazard), 1e-15);
  EXPECT_LT(f.hazard_low, f.hazard);
  EXPECT_GT(f.hazard_high, f.hazard);
}

TEST(TraineeRecords, PoissonIntervalHasItsClosedFormsForZeroAndOneEvent) {
  // χ² with 2 degrees of freedom has quantile −2 ln(1 − p): with T person-years, no event gives
  // [0, −ln(0.05) / T], one event a lower end of −ln(0.95) / T.
  const DelayDropoutFit none =
      fit_delay_dropout(parse_trainee_records(std::string(kHeader) + row(48, "completed", 10), "t.csv"))[0];
  EXPECT_DOUBLE_EQ(none.person_years, 40);
  EXPECT_EQ(none.hazard_low, 0);
  EXPECT_NEAR(none.hazard_high, -std::log(0.05) / 40, 1e-12);
  const DelayDropoutFit one = fit_delay_dropout(parse_trainee_records(
      std::string(kHeader) + row(48, "completed", 9) + row(48, "dropped_out"), "t.csv"))[0];
  EXPECT_NEAR(one.hazard_low, -std::log(0.95) / 40, 1e-12);
}

TEST(TraineeRecords, ACompletedCourseShorterThanNominalIsRejected) {
  try {
    parse_trainee_records(std::string(kHeader) + row(40, "completed"), "t.csv");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_STREQ(
        e.what(),
        "t.csv: line 2, column 5 (months_in_course): expected at least nominal_months (48) for a completed "
        "course, got '40'");
  }
}

TEST(TraineeRecords, GammaShapeSolvesTheLikelihoodEquation) {
  // For Gamma(k, θ): E[log X] = ψ(k) + log θ, so log(mean) − E[log X] = log k − ψ(k).
  for (double k : {0.7, 2.0, 15.0}) {
    const double theta = 3.0;
    EXPECT_NEAR(gamma_shape_mle(k * theta, boost::math::digamma(k) + std::log(theta)), k, 1e-9 * k);
  }
}

}  // namespace
}  // namespace forlob
