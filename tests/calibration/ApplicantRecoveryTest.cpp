#include "calibration/ApplicantRecovery.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "calibration/Support.hpp"

namespace forlob {
namespace {

ApplicantRecoveryOptions applicant_study() {
  ApplicantRecoveryOptions o;
  o.datasets = testing::sanitized() ? 80 : 200;
  return o;
}

const ApplicantRecoveryResult& shared_applicant_study() {
  static const ApplicantRecoveryResult result = run_applicant_recovery(applicant_study());
  return result;
}

TEST(ApplicantRecovery, NinetyPercentIntervalsCoverTheTrueLevelAndYearSdNinetyPercentOfTheTime) {
  // The truth is drawn from the fit's own prior, so the 90% intervals have 90% coverage on average
  // over it; the coverage count is Binomial(M, 0.9), standard error sqrt(0.09 / M): three allowed.
  const ApplicantRecoveryOptions o = applicant_study();
  const ApplicantRecoveryResult& r = shared_applicant_study();
  ASSERT_EQ(r.cases.size(), static_cast<std::size_t>(o.datasets));
  const double tolerance = 3 * std::sqrt(0.09 / o.datasets);
  EXPECT_NEAR(r.level_coverage(), 0.9, tolerance);
  EXPECT_NEAR(r.sd_coverage(), 0.9, tolerance);
}

TEST(ApplicantRecovery, AFitThatIgnoresBetweenYearVariationFailsTheSameCoverageTest) {
  // The wrong method: the same likelihood with the year sd fixed at (practically) 0, so every year's
  // shortfall is read as Poisson noise around one level.
  ApplicantRecoveryOptions o = applicant_study();
  ApplicantGridSettings wrong = o.grid;
  wrong.sd_points = 1;
  wrong.sd_max = 1e-6;
  o.fit_grid = wrong;
  const ApplicantRecoveryResult r = run_applicant_recovery(o);
  EXPECT_LT(r.level_coverage(), 0.9 - 3 * std::sqrt(0.09 / o.datasets));
}

TEST(ApplicantRecovery, TheSameSeedGivesTheSameSeries) {
  const StreamKey key = StreamKey(7).with(3);
  const auto a = simulate_applicant_years(key, 200, 0.2, {250, 250, 100});
  const auto b = simulate_applicant_years(key, 200, 0.2, {250, 250, 100});
  ASSERT_EQ(a.size(), 3U);
  for (std::size_t t = 0; t < a.size(); ++t) EXPECT_EQ(a[t].filled, b[t].filled);
  EXPECT_EQ(a[2].filled, 100) << "about 200 applicants fill all 100 courses";
}

}  // namespace
}  // namespace forlob
