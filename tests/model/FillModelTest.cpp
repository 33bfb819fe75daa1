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
    filled += model.fills(p, rep) ? 1 : 0;
  }
  EXPECT_NEAR(filled, 0.3 * n, 4 * std::sqrt(0.3 * 0.7 * n));
}

}  // namespace
}  // namespace forlob
