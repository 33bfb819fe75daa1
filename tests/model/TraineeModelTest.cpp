#include "model/TraineeModel.hpp"

#include <gtest/gtest.h>

#include <boost/math/distributions/gamma.hpp>
#include <cmath>

#include "support/TinyScenario.hpp"

namespace forlob {
namespace {

using testing::tiny_scenario;

TEST(TraineeModel, WithoutExtensionOrDropoutACourseEndsAfterItsNominalLength) {
  Scenario s = tiny_scenario();
  s.specialties[0].course_months = 54;
  TraineeModel model(s);
  for (int i = 0; i < 100; ++i) {
    KeyedStream stream(StreamKey(1).with(static_cast<std::uint64_t>(i)));
    const TraineeOutcome out = model.follow(0, month_of(2026, 3), stream);
    EXPECT_TRUE(out.completed);
    EXPECT_EQ(out.end, month_of(2030, 9));
  }
}

TEST(TraineeModel, ExtensionIsAGammaMixtureRoundedUpToWholeMonths) {
  Scenario s = tiny_scenario();
  s.specialties[0].delay_probability = 0.4;
  s.specialties[0].delay_mean_months = 10;
  s.specialties[0].delay_shape = 2;
  TraineeModel model(s);
  const boost::math::gamma_distribution<> g(2, 5);
  EXPECT_NEAR(model.extension_probability(0, 0), 0.6, 1e-12);
  for (int d = 1; d <= 30; ++d)
    EXPECT_NEAR(model.extension_probability(0, d),
                0.4 * (boost::math::cdf(g, d) - boost::math::cdf(g, d - 1)), 1e-12);
}

TEST(TraineeModel, DrawnExtensionsFollowTheTable) {
  Scenario s = tiny_scenario();
  s.specialties[0].delay_probability = 0.4;
  s.specialties[0].delay_mean_months = 10;
  s.specialties[0].delay_shape = 2;
  TraineeModel model(s);
  constexpr int n = 40000;
  int none = 0;
  double months = 0;
  for (int i = 0; i < n; ++i) {
    KeyedStream stream(StreamKey(2).with(static_cast<std::uint64_t>(i)));
    const TraineeOutcome out = model.follow(0, 0, stream);
    const int extension = out.end - 48;
    none += extension == 0 ? 1 : 0;
    months += extension;
  }
  double mean = 0, second = 0;
  for (int d = 0; d <= TraineeModel::kMaxExtensionMonths; ++d) {
    mean += d * model.extension_probability(0, d);
    second += d * d * model.extension_probability(0, d);
  }
  EXPECT_NEAR(none, 0.6 * n, 4 * std::sqrt(0.6 * 0.4 * n));
  EXPECT_NEAR(months / n, mean, 4 * std::sqrt((second - mean * mean) / n));
}

TEST(TraineeModel, DropoutFollowsTheYearlyHazard) {
  Scenario s = tiny_scenario();
  s.specialties[0].dropout_per_year = 0.05;
  TraineeModel model(s);
  constexpr int n = 40000;
  int dropped = 0, early = 0;
  for (int i = 0; i < n; ++i) {
    KeyedStream stream(StreamKey(3).with(static_cast<std::uint64_t>(i)));
    const TraineeOutcome out = model.follow(0, 0, stream);
    if (!out.completed) {
      ++dropped;
      EXPECT_LT(out.end, 48);
      early += out.end < 12 ? 1 : 0;
    }
  }
  const double p = 1 - std::pow(0.95, 4.0);  // four years in course
  EXPECT_NEAR(dropped, p * n, 4 * std::sqrt(p * (1 - p) * n));
  EXPECT_NEAR(early, 0.05 * n, 4 * std::sqrt(0.05 * 0.95 * n)) << "first-year dropout";
}

}  // namespace
}  // namespace forlob
