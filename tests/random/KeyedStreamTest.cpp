#include "random/KeyedStream.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace forlob {
namespace {

TEST(KeyedStream, GivesPinnedFirstValuesForAFixedKey) {
  // Pins the generator: a change here changes every published result for a given seed.
  KeyedStream s(StreamKey(42).with(7).with(Purpose::Fill));
  const std::uint64_t first = s();
  const std::uint64_t second = s();
  KeyedStream again(StreamKey(42).with(7).with(Purpose::Fill));
  EXPECT_EQ(again(), first);
  EXPECT_EQ(again(), second);
  EXPECT_EQ(first, 0x324f55c6f5b57ec9ULL) << std::hex << first;
  EXPECT_EQ(second, 0x5467e60dcc81da22ULL) << std::hex << second;
}

TEST(KeyedStream, SplitMixOutputMatchesTheReferenceValue) {
  // SplitMix64 seeded with 0 first returns 0xe220a8397b1dcdaf (Vigna's reference implementation).
  EXPECT_EQ(mix64(0x9e3779b97f4a7c15ULL), 0xe220a8397b1dcdafULL);
}

TEST(KeyedStream, DifferentPurposesOrEntitiesGiveDifferentStreams) {
  const StreamKey rep = StreamKey(1).with(0);
  EXPECT_NE(rep.with(Purpose::Fill).value(), rep.with(Purpose::Trainee).value());
  EXPECT_NE(rep.with(Purpose::Fill).with(1).value(), rep.with(Purpose::Fill).with(2).value());
  EXPECT_NE(StreamKey(1).with(0).value(), StreamKey(1).with(1).value());
  EXPECT_NE(StreamKey(1).value(), StreamKey(2).value());
}

TEST(KeyedStream, UniformDrawsHaveMeanOneHalfAndVarianceOneTwelfth) {
  constexpr int n = 200000;
  double sum = 0, sum_sq = 0;
  for (int i = 0; i < n; ++i) {
    KeyedStream s(StreamKey(2026).with(static_cast<std::uint64_t>(i)));
    const double u = uniform01(s);
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
    sum_sq += u * u;
  }
  const double mean = sum / n;
  const double var = sum_sq / n - mean * mean;
  EXPECT_NEAR(mean, 0.5, 4 * std::sqrt(1.0 / 12 / n));
  // Var(U^2) = 1/5 - 1/9; the sample variance's error is about sqrt(1/180 / n).
  EXPECT_NEAR(var, 1.0 / 12, 4 * std::sqrt(1.0 / 180 / n));
}

TEST(KeyedStream, NeighbouringEntitiesAreUncorrelated) {
  constexpr int n = 100000;
  double sxy = 0, sx = 0, sy = 0, sxx = 0, syy = 0;
  for (int i = 0; i < n; ++i) {
    KeyedStream a(StreamKey(5).with(Purpose::Fill).with(static_cast<std::uint64_t>(i)));
    KeyedStream b(StreamKey(5).with(Purpose::Fill).with(static_cast<std::uint64_t>(i + 1)));
    const double x = uniform01(a), y = uniform01(b);
    sx += x;
    sy += y;
    sxy += x * y;
    sxx += x * x;
    syy += y * y;
  }
  const double cov = sxy / n - (sx / n) * (sy / n);
  const double corr = cov / std::sqrt((sxx / n - sx * sx / n / n) * (syy / n - sy * sy / n / n));
  EXPECT_LT(std::abs(corr), 4 / std::sqrt(static_cast<double>(n)));
}

}  // namespace
}  // namespace forlob
