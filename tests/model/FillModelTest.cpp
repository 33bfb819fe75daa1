#include "model/FillModel.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "support/TinyScenario.hpp"

namespace forlob {
namespace {

using testing::tiny_scenario;

TEST(FillModel, WithoutConcentrationTheProbabilityIsTheMean) {
  Scenario s = tiny_scenario();
  testing::set_fill(s, 0.37);
  FillModel model(s);
  model.draw(StreamKey(1).with(0));
  EXPECT_DOUBLE_EQ(model.base(0, Region::Syd), 0.37);
}

TEST(FillModel, KindAndRepostMultipliersScaleTheDrawnProbability) {
  Scenario s = tiny_scenario();
  testing::set_fill(s, 0.8);
  s.fill.kind_multiplier = {1.0, 0.5, 0.25, 2.0};
  s.fill.repost_multiplier = 0.5;
  FillModel model(s);
  model.draw(StreamKey(1).with(0));
  Posting p;
  p.region = Region::Nord;
  p.month = month_of(2021, 3);
  p.kind = PostingKind::CarriedOver;
  EXPECT_DOUBLE_EQ(model.probability(p), 0.4);
  p.reposts = 1;
  EXPECT_DOUBLE_EQ(model.probability(p), 0.2);
  p.kind = PostingKind::Extraordinary;
  p.reposts = 0;
  EXPECT_DOUBLE_EQ(model.probability(p), 1.0) << "capped at 1";
}

TEST(FillModel, ReplicationDrawsFollowTheBetaDistributionAroundTheMean) {
  // Beta(m k, (1 - m) k) has mean m and variance m (1 - m) / (k + 1).
  Scenario s = tiny_scenario();
  testing::set_fill(s, 0.7);
  s.fill.concentration = 50;
  FillModel model(s);
  constexpr int n = 20000;
  double sum = 0, sum_sq = 0;
  for (int i = 0; i < n; ++i) {
    model.draw(StreamKey(9).with(static_cast<std::uint64_t>(i)));
    const double p = model.base(0, Region::Ost);
    sum += p;
    sum_sq += p * p;
  }
  const double mean = sum / n;
  const double var = (sum_sq - n * mean * mean) / (n - 1);
  const double expected_var = 0.7 * 0.3 / 51;
  EXPECT_NEAR(mean, 0.7, 4 * std::sqrt(expected_var / n));
  // The sample variance of a near-normal variable has standard error var * sqrt(2 / (n - 1)).
  EXPECT_NEAR(var, expected_var, 4 * expected_var * std::sqrt(2.0 / (n - 1)));
}

TEST(FillModel, TheSameReplicationDrawsTheSameProbabilities) {
  Scenario s = tiny_scenario(2);
  testing::set_fill(s, 0.6);
  s.fill.concentration = 20;
  FillModel a(s), b(s);
  a.draw(StreamKey(3).with(11));
  b.draw(StreamKey(3).with(11));
  EXPECT_EQ(a.base(1, Region::Nord), b.base(1, Region::Nord));
  b.draw(StreamKey(3).with(12));
  EXPECT_NE(a.base(1, Region::Nord), b.base(1, Region::Nord));
}

TEST(FillModel, PostingsFillWithTheirProbability) {
  Scenario s = tiny_scenario();
  testing::set_fill(s, 0.3);
  FillModel model(s);
  const StreamKey rep = StreamKey(4).with(0);
  model.draw(rep);
  constexpr int n = 50000;
  int filled = 0;
  for (int i = 0; i < n; ++i) {
    Posting p;
    p.course = static_cast<std::uint64_t>(i);
    p.month = month_of(2020, 3);
    filled += model.fills(p, rep) ? 1 : 0;
  }
  EXPECT_NEAR(filled, 0.3 * n, 4 * std::sqrt(0.3 * 0.7 * n));
}

TEST(FillModel, ScaleMultipliesOverallBySpecialtyAndByRegion) {
  Scenario s = tiny_scenario(2);
  testing::set_fill(s, 0.5);
  s.fill.scale_overall = 0.8;
  s.fill.scale_specialty = {1.0, 1.5};
  s.fill.scale_region = {1.0, 0.5, 2.0};
  FillModel model(s);
  model.draw(StreamKey(1).with(0));
  EXPECT_DOUBLE_EQ(model.rate(0, Region::Nord, 2021), 0.4);
  EXPECT_DOUBLE_EQ(model.rate(1, Region::Nord, 2021), 0.6);
  EXPECT_DOUBLE_EQ(model.rate(0, Region::Syd, 2021), 0.2);
  EXPECT_DOUBLE_EQ(model.rate(1, Region::Ost, 2021), 1.0) << "0.5 * 0.8 * 1.5 * 2 capped at 1";
  EXPECT_DOUBLE_EQ(model.base(1, Region::Syd), 0.3);
}

TEST(FillModel, WithoutYearConcentrationEveryYearHasTheReplicationRate) {
  Scenario s = tiny_scenario();
  testing::set_fill(s, 0.6);
  s.fill.concentration = 30;
  FillModel model(s);
  model.draw(StreamKey(2).with(5));
  for (int y = 2020; y <= 2022; ++y) EXPECT_EQ(model.rate(0, Region::Syd, y), model.base(0, Region::Syd));
}

TEST(FillModel, YearRatesVaryAroundTheReplicationMeanAsBetaWithTheYearConcentration) {
  // With no parameter noise, each year's rate is Beta(m k, (1 - m) k): mean m, variance
  // m (1 - m) / (k + 1). Years and replications are independent draws.
  Scenario s = tiny_scenario();
  testing::set_fill(s, 0.6);
  s.fill.year_concentration = 30;
  FillModel model(s);
  double sum = 0, sum_sq = 0;
  int n = 0;
  for (int i = 0; i < 6000; ++i) {
    model.draw(StreamKey(17).with(static_cast<std::uint64_t>(i)));
    for (int y = 2020; y <= 2022; ++y) {
      const double p = model.rate(0, Region::Nord, y);
      sum += p;
      sum_sq += p * p;
      ++n;
    }
  }
  const double mean = sum / n;
  const double var = (sum_sq - n * mean * mean) / (n - 1);
  const double expected_var = 0.6 * 0.4 / 31;
  EXPECT_NEAR(mean, 0.6, 4 * std::sqrt(expected_var / n));
  EXPECT_NEAR(var, expected_var, 4 * expected_var * std::sqrt(2.0 / (n - 1)));
  EXPECT_EQ(model.base(0, Region::Nord), 0.6) << "the replication's mean is not moved by the years";
}

TEST(FillModel, PerCellConcentrationsReplaceTheScalars) {
  Scenario s = tiny_scenario(2);
  testing::set_fill(s, 0.5);
  s.fill.concentration = 10;
  s.fill.year_concentration = 10;
  s.fill.cell_concentration = {{0, 0, 0}, {10, 10, 10}};
  s.fill.cell_year_concentration = {{0, 0, 0}, {10, 10, 10}};
  FillModel model(s);
  model.draw(StreamKey(3).with(1));
  EXPECT_EQ(model.base(0, Region::Nord), 0.5) << "cell 0 has no parameter noise";
  EXPECT_EQ(model.rate(0, Region::Nord, 2021), 0.5) << "and no year variation";
  EXPECT_NE(model.base(1, Region::Nord), 0.5);
  EXPECT_NE(model.rate(1, Region::Nord, 2021), model.rate(1, Region::Nord, 2022));
}

}  // namespace
}  // namespace forlob
