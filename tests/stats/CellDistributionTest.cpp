#include "stats/CellDistribution.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <stdexcept>
#include <vector>

namespace forlob {
namespace {

using Sample = std::vector<std::int32_t>;

// The reference: R's quantile(x, p, type = 7) on a sorted copy.
double type7(Sample x, double p) {
  std::sort(x.begin(), x.end());
  const double h = static_cast<double>(x.size() - 1) * p;
  const auto j = static_cast<std::size_t>(std::floor(h));
  if (j + 1 >= x.size()) return x[j];
  return x[j] + (h - std::floor(h)) * (x[j + 1] - x[j]);
}

double direct_mean(const Sample& x) {
  long double sum = 0;
  for (auto v : x) sum += v;
  return static_cast<double>(sum / static_cast<long double>(x.size()));
}

double direct_sd(const Sample& x) {
  if (x.size() < 2) return 0;
  const long double m = direct_mean(x);
  long double ss = 0;
  for (auto v : x) ss += (v - m) * (v - m);
  return static_cast<double>(std::sqrt(ss / static_cast<long double>(x.size() - 1)));
}

using Resolution = CellDistribution::Resolution;
using CellState = CellDistribution::CellState;

// One cell holding the sample, one replication per value.
CellDistribution one_cell(const Sample& x, Resolution resolution = {}) {
  CellDistribution d(1, resolution);
  for (std::int32_t v : x) d.add(std::span<const std::int32_t>(&v, 1));
  return d;
}

Sample random_sample(std::mt19937_64& gen, std::size_t n, std::int32_t lo, std::int32_t hi) {
  Sample x(n);
  // In 64 bits: the range may be wider than int32 holds (-2e9 .. 2e9).
  const auto width = static_cast<std::uint64_t>(std::int64_t{hi} - std::int64_t{lo} + 1);
  for (auto& v : x)
    v = static_cast<std::int32_t>(std::int64_t{lo} + static_cast<std::int64_t>(gen() % width));
  return x;
}

// The least shift at which the sample's non-zero values span at most `buckets` buckets.
int least_shift(const Sample& x, std::int64_t buckets) {
  std::int64_t lo = INT64_MAX, hi = INT64_MIN;
  for (std::int32_t v : x)
    if (v != 0) lo = std::min<std::int64_t>(lo, v), hi = std::max<std::int64_t>(hi, v);
  if (lo > hi) return 0;
  int s = 0;
  while ((hi >> s) - (lo >> s) + 1 > buckets) ++s;
  return s;
}

// In a cell binned at `shift` a value is within (2^shift - 1) / 2 of its bucket's midpoint, so a
// type-7 quantile, interpolated between two of them, is as close to the exact one.
void expect_within_bucket(double got, const Sample& x, double p, int shift) {
  EXPECT_NEAR(got, type7(x, p), 0.5 * static_cast<double>((std::int64_t{1} << shift) - 1)) << "p = " << p;
}

void expect_same_state(const CellDistribution& a, const CellDistribution& b) {
  ASSERT_EQ(a.cells(), b.cells());
  EXPECT_EQ(a.replications(), b.replications());
  for (std::size_t c = 0; c < a.cells(); ++c) EXPECT_EQ(a.state(c), b.state(c)) << "cell " << c;
}

void expect_same(const CellSummary& a, const CellSummary& b) {
  EXPECT_EQ(a.n, b.n);
  EXPECT_EQ(a.mean, b.mean);
  EXPECT_EQ(a.sd, b.sd);
  EXPECT_EQ(a.p05, b.p05);
  EXPECT_EQ(a.p50, b.p50);
  EXPECT_EQ(a.p95, b.p95);
}

TEST(CellDistribution, KnownSampleGivesRsAnswers) {
  // R: x <- c(1, 2, 3, 4, 10); mean(x); sd(x); quantile(x, c(.05, .5, .95))
  const CellSummary s = one_cell({10, 3, 1, 4, 2}).summary(0);
  EXPECT_EQ(s.n, 5);
  EXPECT_DOUBLE_EQ(s.mean, 4.0);
  EXPECT_DOUBLE_EQ(s.sd, std::sqrt(12.5));
  EXPECT_DOUBLE_EQ(s.p05, 1.2);
  EXPECT_DOUBLE_EQ(s.p50, 3.0);
  EXPECT_DOUBLE_EQ(s.p95, 8.8);
}

TEST(CellDistribution, MeanSdAndQuantilesEqualADirectComputationOnRandomSamples) {
  std::mt19937_64 gen(20260113);
  for (std::size_t n : {1u, 2u, 3u, 7u, 20u, 101u, 1000u, 4999u}) {
    for (auto [lo, hi] : {std::pair{0, 5}, std::pair{-50, 200}, std::pair{-3000, -2489}}) {
      const Sample x = random_sample(gen, n, lo, hi);
      const CellDistribution d = one_cell(x);
      const CellSummary s = d.summary(0);
      SCOPED_TRACE(::testing::Message() << "n=" << n << " range " << lo << ".." << hi);
      EXPECT_EQ(s.n, static_cast<std::int64_t>(n));
      EXPECT_DOUBLE_EQ(s.mean, direct_mean(x));
      EXPECT_NEAR(s.sd, direct_sd(x), 1e-12 * std::max(1.0, direct_sd(x)));
      EXPECT_EQ(s.p05, type7(x, 0.05));
      EXPECT_EQ(s.p50, type7(x, 0.50));
      EXPECT_EQ(s.p95, type7(x, 0.95));
      for (double p : {0.0, 0.01, 0.25, 0.333, 0.75, 0.99, 1.0}) EXPECT_EQ(d.quantile(0, p), type7(x, p));
    }
  }
}

TEST(CellDistribution, ManyQuantilesFromOnePassEqualTheDirectOnesInAnyOrder) {
  std::mt19937_64 gen(7);
  for (std::size_t n : {1u, 2u, 5u, 64u, 999u}) {
    // Narrow and exact, zeros among negative and positive values, and binned (shift > 0).
    for (auto [lo, hi] : {std::pair{0, 5}, std::pair{-40, 40}, std::pair{0, 100000}}) {
      const Sample x = random_sample(gen, n, lo, hi);
      const CellDistribution d = one_cell(x);
      SCOPED_TRACE(::testing::Message() << "n=" << n << " range " << lo << ".." << hi);
      // Unsorted, repeated, at the ends: each is what quantile() gives alone.
      const std::vector<double> ps{0.95, 0.05, 0.5, 0.5, 1.0, 0.0, 0.25, 0.75, 0.333, 0.999};
      std::vector<double> got(ps.size(), -1);
      d.quantiles(0, ps, got);
      for (std::size_t i = 0; i < ps.size(); ++i) {
        EXPECT_EQ(got[i], d.quantile(0, ps[i])) << "p = " << ps[i];
        if (d.shift(0) == 0) {
          EXPECT_EQ(got[i], type7(x, ps[i])) << "p = " << ps[i];
        }
      }
    }
  }
}

TEST(CellDistribution, QuantilesRefuseMismatchedOrTooManyProbabilities) {
  const CellDistribution d = one_cell({1, 2, 3});
  std::vector<double> two(2);
  EXPECT_THROW(d.quantiles(0, std::vector<double>{0.5}, two), std::invalid_argument);
  const std::vector<double> many(CellDistribution::kMaxQuantiles + 1, 0.5);
  std::vector<double> out(many.size());
  EXPECT_THROW(d.quantiles(0, many, out), std::invalid_argument);
  std::vector<double> none;
  EXPECT_NO_THROW(d.quantiles(0, none, none));
}

TEST(CellDistribution, CellsAreIndependent) {
  CellDistribution d(3);
  d.add(std::vector<std::int32_t>{1, 10, -5});
  d.add(std::vector<std::int32_t>{3, 10, 5});
  EXPECT_DOUBLE_EQ(d.mean(0), 2.0);
  EXPECT_DOUBLE_EQ(d.mean(1), 10.0);
  EXPECT_DOUBLE_EQ(d.mean(2), 0.0);
  EXPECT_DOUBLE_EQ(d.summary(1).sd, 0.0);
  EXPECT_EQ(d.replications(), 2);
}

TEST(CellDistribution, MergingInAnySplitAndOrderEqualsOneAccumulator) {
  constexpr std::size_t kCells = 40;
  constexpr int kRuns = 300;
  std::mt19937_64 gen(7);
  std::vector<Sample> reps;
  for (int r = 0; r < kRuns; ++r) reps.push_back(random_sample(gen, kCells, -100 - r, 100 + r));

  CellDistribution whole(kCells);
  for (const Sample& x : reps) whole.add(x);

  for (int trial = 0; trial < 5; ++trial) {
    // Random contiguous or interleaved parts, merged in a shuffled order.
    const std::size_t parts = 2 + gen() % 6;
    std::vector<CellDistribution> partial(parts, CellDistribution(kCells));
    for (const Sample& x : reps) partial[gen() % parts].add(x);
    std::vector<std::size_t> order(parts);
    for (std::size_t i = 0; i < parts; ++i) order[i] = i;
    std::shuffle(order.begin(), order.end(), gen);
    CellDistribution merged(kCells);
    for (std::size_t i : order) merged.merge(partial[i]);
    ASSERT_EQ(merged.replications(), whole.replications());
    for (std::size_t c = 0; c < kCells; ++c) expect_same(merged.summary(c), whole.summary(c));
  }
}

TEST(CellDistribution, MergeIntoAnEmptyDistributionAdoptsTheCells) {
  CellDistribution part(2);
  part.add(std::vector<std::int32_t>{4, -4});
  CellDistribution total;
  total.merge(part);
  EXPECT_EQ(total.cells(), 2u);
  expect_same(total.summary(1), part.summary(1));
}

TEST(CellDistribution, MergeOfDifferentCellCountsThrows) {
  CellDistribution a(2), b(3);
  b.add(std::vector<std::int32_t>{1, 2, 3});
  EXPECT_THROW(a.merge(b), std::invalid_argument);
}

TEST(CellDistribution, AddOfTheWrongNumberOfValuesThrows) {
  CellDistribution d(2);
  EXPECT_THROW(d.add(std::vector<std::int32_t>{1}), std::invalid_argument);
}

TEST(CellDistribution, NegativeDifferencesAreSummarisedLikeAnyOtherValue) {
  const Sample x{-7, -3, -3, 0, 2, -12, -1};
  const CellSummary s = one_cell(x).summary(0);
  EXPECT_DOUBLE_EQ(s.mean, direct_mean(x));
  EXPECT_NEAR(s.sd, direct_sd(x), 1e-12);
  EXPECT_EQ(s.p05, type7(x, 0.05));
  EXPECT_EQ(s.p50, -3.0);
  EXPECT_EQ(s.p95, type7(x, 0.95));
}

TEST(CellDistribution, NoReplicationsGiveZeros) {
  const CellDistribution d(4);
  const CellSummary s = d.summary(2);
  EXPECT_EQ(s.n, 0);
  EXPECT_EQ(s.mean, 0);
  EXPECT_EQ(s.sd, 0);
  EXPECT_EQ(s.p05, 0);
  EXPECT_EQ(s.p50, 0);
  EXPECT_EQ(s.p95, 0);
  EXPECT_EQ(d.quantile(0, 0.5), 0);
}

// Zeros are counted, not stored: a cell that is always 0 costs no memory beyond its slot, and a
// cell that is mostly 0 still gives exact quantiles on both sides of its zeros, whole or merged.
TEST(CellDistribution, ZerosCostNothingYetCountInEveryQuantileAndMerge) {
  std::mt19937_64 gen(7);
  Sample x(3000, 0);
  for (std::size_t i = 0; i < x.size(); i += 7) x[i] = static_cast<std::int32_t>(gen() % 9) - 4;
  CellDistribution whole(2), first(2), second(2);
  for (std::size_t i = 0; i < x.size(); ++i) {
    const std::vector<std::int32_t> row{x[i], 0};
    whole.add(row);
    (i < 1234 ? first : second).add(row);
  }
  first.merge(second);
  for (const CellDistribution* d : {&whole, &first}) {
    EXPECT_DOUBLE_EQ(d->mean(0), direct_mean(x));
    EXPECT_NEAR(d->summary(0).sd, direct_sd(x), 1e-12);
    for (double p : {0.0, 0.01, 0.05, 0.3, 0.5, 0.7, 0.95, 0.99, 1.0})
      EXPECT_EQ(d->quantile(0, p), type7(x, p));
    const CellSummary always_zero = d->summary(1);
    EXPECT_EQ(always_zero.n, 3000);
    EXPECT_EQ(always_zero.p05, 0);
    EXPECT_EQ(always_zero.p95, 0);
  }
  CellDistribution zeros(1000);
  for (int r = 0; r < 50; ++r) zeros.add(std::vector<std::int32_t>(1000, 0));
  EXPECT_EQ(zeros.summary(999).n, 50);
  EXPECT_EQ(zeros.bytes(), CellDistribution(1000).bytes());  // the slots alone: nothing allocated
}

TEST(CellDistribution, OneReplicationHasSdZeroAndEveryQuantileAtItsValue) {
  const CellSummary s = one_cell({-17}).summary(0);
  EXPECT_EQ(s.n, 1);
  EXPECT_EQ(s.mean, -17);
  EXPECT_EQ(s.sd, 0);
  EXPECT_EQ(s.p05, -17);
  EXPECT_EQ(s.p50, -17);
  EXPECT_EQ(s.p95, -17);
}

TEST(CellDistribution, RangeGrowsInBothDirections) {
  const Sample x{0, -250, 250, 5, -249, 249, -250, 3};
  const CellDistribution d = one_cell(x);
  EXPECT_EQ(d.shift(0), 0);  // 501 values: within the 512 buckets
  EXPECT_EQ(d.quantile(0, 0.0), -250);
  EXPECT_EQ(d.quantile(0, 1.0), 250);
  EXPECT_EQ(d.quantile(0, 0.5), type7(x, 0.5));
  EXPECT_DOUBLE_EQ(d.mean(0), direct_mean(x));
  EXPECT_LT(d.bytes(), 4 * sizeof(std::uint32_t) * 501 + 1024);  // slack stays bounded
}

TEST(CellDistribution, MergeGrowsTheRangeToTheOtherSide) {
  CellDistribution low = one_cell({-50, -40});
  const CellDistribution high = one_cell({40, 50});
  low.merge(high);
  const Sample all{-50, -40, 40, 50};
  expect_same(low.summary(0), one_cell(all).summary(0));
}

TEST(CellDistribution, LargeValuesKeepTheirSmallSpreadWithoutCancellation) {
  // Naive floating E[x^2] - E[x]^2 loses the spread of values near 2e9 completely.
  const Sample x{2'000'000'000, 2'000'000'001, 2'000'000'000, 2'000'000'001};
  const CellSummary s = one_cell(x).summary(0);
  EXPECT_DOUBLE_EQ(s.mean, 2'000'000'000.5);
  EXPECT_DOUBLE_EQ(s.sd, std::sqrt(1.0 / 3.0));
}

// Exactness follows the spread, not the size: a cell of values around 1.45 million (the stock at 100
// times the shipped dimensioning) spread over 512 integers keeps every value, quantiles exact.
TEST(CellDistribution, ACellSpreadOverAtMostTheBucketsIsExactAtAnyMagnitude) {
  std::mt19937_64 gen(3);
  for (std::int32_t centre : {1'450'000, -20'000'000, INT32_MAX - 511}) {
    const Sample x = random_sample(gen, 3000, centre, centre + 511);
    const CellDistribution d = one_cell(x);
    SCOPED_TRACE(::testing::Message() << "from " << centre);
    EXPECT_EQ(d.shift(0), 0);
    for (double p : {0.0, 0.05, 0.5, 0.95, 1.0}) EXPECT_EQ(d.quantile(0, p), type7(x, p));
    EXPECT_LE(d.bytes(), sizeof(std::uint32_t) * 512 * 2 + 200);
  }
}

// A cell wider than the buckets is binned at the least shift whose buckets cover its range; its
// quantiles are within half a bucket of the exact ones, its mean and sd exact.
TEST(CellDistribution, AWiderCellIsBinnedAtTheLeastShiftThatCoversItsRange) {
  std::mt19937_64 gen(5);
  for (auto [lo, hi] : {std::pair{18'000, 22'100}, std::pair{-300'000, 300'000}, std::pair{10'000, 1'000'000},
                        std::pair{-2'000'000'000, 2'000'000'000}, std::pair{1000, 3000}}) {
    const Sample x = random_sample(gen, 2001, lo, hi);
    const CellDistribution d = one_cell(x);
    SCOPED_TRACE(::testing::Message() << "range " << lo << ".." << hi);
    const int shift = least_shift(x, Resolution{}.buckets);
    EXPECT_GT(shift, 0);
    EXPECT_EQ(d.shift(0), shift);
    const CellState state = d.state(0);
    EXPECT_LE(state.buckets.back().first - state.buckets.front().first + 1, Resolution{}.buckets);
    for (double p : {0.0, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 1.0})
      expect_within_bucket(d.quantile(0, p), x, p, shift);
    const CellSummary s = d.summary(0);
    EXPECT_DOUBLE_EQ(s.mean, direct_mean(x));
    EXPECT_NEAR(s.sd, direct_sd(x), 1e-12 * direct_sd(x));
  }
  // At the edges: 512 integers are exact, 513 take 2-wide buckets; 4,096 integers from 18,000 (the
  // stock's spread at the shipped dimensioning) take 512 buckets of 8, one more integer a 513th, so
  // 16-wide ones.
  EXPECT_EQ(one_cell({18'000, 18'511}).shift(0), 0);
  EXPECT_EQ(one_cell({18'000, 18'512}).shift(0), 1);
  EXPECT_EQ(one_cell({18'000, 22'095}).shift(0), 3);
  EXPECT_EQ(one_cell({18'000, 22'096}).shift(0), 4);
}

// The buckets of every shift tile int32 in order: bucket k holds k 2^shift .. (k + 1) 2^shift - 1,
// except bucket 0, which holds the positive values below 2^shift (zeros are counted apart).
TEST(CellDistribution, TheBucketsOfEveryShiftTileInt32InOrder) {
  std::mt19937_64 gen(7);
  std::vector<std::int64_t> probes{INT32_MIN, INT32_MIN + 1, -2, -1, 1, 2, INT32_MAX - 1, INT32_MAX};
  for (int i = 0; i < 2000; ++i) probes.push_back(static_cast<std::int32_t>(gen()));
  for (int shift = 0; shift <= 30; ++shift)
    for (std::int64_t probe : probes) {
      const auto v = static_cast<std::int32_t>(probe);
      const std::int32_t k = CellDistribution::key_of(v, shift);
      const auto [low, high] = CellDistribution::bucket_range(k, shift);
      ASSERT_LE(low, v) << shift;
      ASSERT_GE(high, v) << shift;
      ASSERT_EQ(high - low + 1,
                k == 0 && shift > 0 ? (std::int64_t{1} << shift) - 1 : std::int64_t{1} << shift);
      ASSERT_EQ(CellDistribution::bucket_value(k, shift),
                static_cast<double>(low) + 0.5 * static_cast<double>(high - low));
      if (high < INT32_MAX) {
        ASSERT_EQ(CellDistribution::bucket_range(k + 1, shift).first,
                  high + 1 + (k == -1 && shift > 0 ? 1 : 0));
      }
    }
  EXPECT_EQ(CellDistribution::bucket_range(CellDistribution::key_of(INT32_MAX, 8), 8).second, INT32_MAX);
  EXPECT_EQ(CellDistribution::bucket_range(CellDistribution::key_of(INT32_MIN, 8), 8).first, INT32_MIN);
}

// Zeros stay exact in a binned cell: a difference that is 0 in most replications and spread widely
// in the others has its zero quantiles at exactly 0, and bucket 0 holds only positive values.
TEST(CellDistribution, ZerosStayExactInABinnedCell) {
  std::mt19937_64 gen(9);
  Sample x(3000, 0);
  for (std::size_t i = 0; i < x.size(); i += 3) x[i] = static_cast<std::int32_t>(gen() % 6001) - 3000;
  x[1] = 1;  // alone in bucket 0 of 16-wide buckets: it stands for 1 .. 15, not for 0 .. 15
  const CellDistribution d = one_cell(x);
  ASSERT_EQ(d.shift(0), 4);
  EXPECT_EQ(d.quantile(0, 0.5), 0);
  EXPECT_EQ(d.quantile(0, 0.2), 0);
  EXPECT_EQ(d.quantile(0, 0.8), 0);
  for (double p : {0.01, 0.05, 0.1, 0.9, 0.95, 0.99}) expect_within_bucket(d.quantile(0, p), x, p, 4);
  const CellState state = d.state(0);
  const auto bucket0 =
      std::find_if(state.buckets.begin(), state.buckets.end(), [](auto kc) { return kc.first == 0; });
  ASSERT_NE(bucket0, state.buckets.end());
  EXPECT_EQ(CellDistribution::bucket_value(0, 4), 8);
  EXPECT_DOUBLE_EQ(d.mean(0), direct_mean(x));
  // In sorted order bucket 0 comes after the zeros: -600 .. 600 takes 4-wide buckets, and 1 (in
  // bucket 0, 1 .. 3) is the fifth of the six values.
  const CellDistribution small = one_cell({0, 0, 0, 1, -600, 600});
  ASSERT_EQ(small.shift(0), 2);
  EXPECT_EQ(small.quantile(0, 0.2), 0);
  EXPECT_EQ(small.quantile(0, 0.8), 2);
  EXPECT_EQ(small.quantile(0, 1.0), 601.5);
}

// After every value added, a cell's keys span at most its buckets and its shift is the least that
// does that for the values so far, whichever order they come in (the dense range's spare ends
// included: values arriving just beyond it, then at its far end).
TEST(CellDistribution, AfterEveryValueTheShiftIsTheLeastThatFitsTheValuesSoFar) {
  const Resolution small{16};
  std::mt19937_64 gen(43);
  for (int trial = 0; trial < 200; ++trial) {
    CellDistribution d(1, small);
    Sample seen;
    const std::int32_t spread = 1 + static_cast<std::int32_t>(gen() % 200);
    for (int i = 0; i < 60; ++i) {
      const std::int32_t v =
          static_cast<std::int32_t>(gen() % static_cast<std::uint64_t>(2 * spread + 1)) - spread;
      seen.push_back(v);
      d.add(std::span<const std::int32_t>(&v, 1));
      const CellState state = d.state(0);
      ASSERT_EQ(state.shift, least_shift(seen, small.buckets)) << "trial " << trial << ", value " << i;
      if (!state.buckets.empty()) {
        ASSERT_LE(state.buckets.back().first - state.buckets.front().first + 1, small.buckets);
      }
    }
  }
  CellDistribution edge(1, small);  // 10 .. 15, then 16 just beyond, then -1: 18 values
  for (std::int32_t v : {10, 11, 12, 13, 14, 15, 16, -1}) edge.add(std::span<const std::int32_t>(&v, 1));
  EXPECT_EQ(edge.shift(0), 1);
}

// Parts that are each exact can make a whole that is not: the merge bins the union as adding every
// value to one distribution would, whichever part it starts from.
TEST(CellDistribution, MergingExactPartsBinsTheirUnionAsNeeded) {
  const Sample low = {1, 100, 300}, high = {300, 450, 700};  // each within 512; 1 .. 700 is not
  Sample all = low;
  all.insert(all.end(), high.begin(), high.end());
  const CellDistribution whole = one_cell(all);
  ASSERT_EQ(whole.shift(0), 1);
  CellDistribution a = one_cell(low), b = one_cell(high);
  ASSERT_EQ(a.shift(0), 0);
  ASSERT_EQ(b.shift(0), 0);
  CellDistribution ab = a, ba = b;
  ab.merge(b);
  ba.merge(a);
  expect_same_state(ab, whole);
  expect_same_state(ba, whole);
  expect_same(ab.summary(0), whole.summary(0));
}

// Adding in any order and merging any split give the same state (shifts, bucket counts and exact
// sums alike), not only the same summaries, also when every part alone is exact or binned more
// finely than the whole.
TEST(CellDistribution, AnyOrderAndAnySplitGiveIdenticalState) {
  constexpr std::size_t kCells = 6;
  std::mt19937_64 gen(19);
  std::vector<Sample> reps;
  for (int r = 0; r < 400; ++r) {
    Sample x = random_sample(gen, kCells, -2'000'000, 2'000'000);
    x[0] = static_cast<std::int32_t>(gen() % 50);                     // an exact cell beside the binned ones
    x[1] = static_cast<std::int32_t>(gen() % 1500);                   // exact in small parts, binned in all
    x[2] = r == 399 ? 5000 : static_cast<std::int32_t>(gen() % 900);  // binned by one value only
    x[3] = static_cast<std::int32_t>(gen() % 3) * 350;                // a third zero, the rest sparse
    reps.push_back(x);
  }
  CellDistribution whole(kCells);
  for (const Sample& x : reps) whole.add(x);
  EXPECT_EQ(whole.shift(0), 0);
  EXPECT_EQ(whole.shift(1), 2);
  EXPECT_EQ(whole.shift(2), 4);
  EXPECT_EQ(whole.shift(3), 0);
  for (int trial = 0; trial < 6; ++trial) {
    std::shuffle(reps.begin(), reps.end(), gen);
    const std::size_t parts = 2 + gen() % 7;
    std::vector<CellDistribution> partial(parts, CellDistribution(kCells));
    for (const Sample& x : reps) partial[gen() % parts].add(x);
    CellDistribution merged(kCells);
    for (std::size_t i = parts; i-- > 0;) merged.merge(partial[i]);
    expect_same_state(merged, whole);
    for (std::size_t c = 0; c < kCells; ++c) expect_same(merged.summary(c), whole.summary(c));
  }
}

// The form a cell is kept in never changes its summary, however the values arrive: narrow first
// and then wide (dense, then sparse), wide then filling in (sparse, then dense again), and merged
// from parts held in different forms. (Buckets wide enough for all of it to stay exact.)
TEST(CellDistribution, DenseAndSparseFormsGiveIdenticalSummariesAndMerges) {
  const Resolution wide_enough{1 << 18};
  std::mt19937_64 gen(12);
  Sample narrow = random_sample(gen, 300, 0, 40);
  const Sample wide = random_sample(gen, 50, -100'000, 100'000);
  Sample filling = random_sample(gen, 2000, -300, 300);
  Sample all = narrow;
  all.insert(all.end(), wide.begin(), wide.end());
  all.insert(all.end(), filling.begin(), filling.end());
  const CellSummary expected = one_cell(all, wide_enough).summary(0);
  EXPECT_DOUBLE_EQ(expected.mean, direct_mean(all));
  EXPECT_DOUBLE_EQ(expected.p50, type7(all, 0.5));
  EXPECT_DOUBLE_EQ(expected.p05, type7(all, 0.05));

  Sample reversed(all.rbegin(), all.rend());
  expect_same(one_cell(reversed, wide_enough).summary(0), expected);
  CellDistribution dense_part = one_cell(narrow, wide_enough), sparse_part = one_cell(wide, wide_enough),
                   rest = one_cell(filling, wide_enough);
  CellDistribution merged(1, wide_enough);
  merged.merge(sparse_part);
  merged.merge(dense_part);
  merged.merge(rest);
  expect_same(merged.summary(0), expected);
  dense_part.merge(sparse_part);
  dense_part.merge(rest);
  expect_same(dense_part.summary(0), expected);
}

// A cell whose few values spread over a wide range is kept sparsely: its memory follows the buckets
// seen, not the range.
TEST(CellDistribution, FewWidelySpreadValuesAreKeptSparsely) {
  std::mt19937_64 gen(11);
  const Sample x = random_sample(gen, 200, -5'000'000, 5'000'000);
  const CellDistribution d = one_cell(x, Resolution{1 << 20});
  EXPECT_EQ(d.shift(0), 4);
  for (double p : {0.0, 0.05, 0.5, 0.95, 1.0}) expect_within_bucket(d.quantile(0, p), x, p, 4);
  EXPECT_LT(d.bytes(), 4'096U);  // densely, 625,000 buckets of 16 would take 2.5 MB
}

// Memory is flat in the replication count: once a cell's buckets are covered, ten times as many
// values cost not one byte more, and never more than the resolution's buckets.
TEST(CellDistribution, MemoryIsFlatInTheReplicationCount) {
  std::mt19937_64 gen(23);
  CellDistribution d(1), exact(1, Resolution{1 << 20});
  const auto feed = [&](int n) {
    for (int i = 0; i < n; ++i) {
      const std::int32_t v = 10'000 + static_cast<std::int32_t>(gen() % 20'000);  // 100x: spread 20,000
      d.add(std::span<const std::int32_t>(&v, 1));
      exact.add(std::span<const std::int32_t>(&v, 1));
    }
  };
  feed(20'000);
  const std::size_t covered = d.bytes();
  feed(180'000);
  EXPECT_EQ(d.bytes(), covered);
  EXPECT_EQ(d.shift(0), 6);  // 10,000 .. 29,999 in 64-wide buckets: keys 156 .. 468
  EXPECT_EQ(d.state(0).buckets.size(), 313U);
  EXPECT_LT(covered, sizeof(std::uint32_t) * 512 + 200);
  EXPECT_EQ(d.summary(0).mean, exact.summary(0).mean);
  EXPECT_EQ(d.summary(0).sd, exact.summary(0).sd);
}

// A shard's partial state: the states of its cells rebuild a distribution that summarises and
// merges as the original does, exact and binned, dense and sparse.
TEST(CellDistribution, StatesRebuildTheSameDistribution) {
  std::mt19937_64 gen(31);
  CellDistribution d(3);
  for (int i = 0; i < 300; ++i)
    d.add(std::vector<std::int32_t>{static_cast<std::int32_t>(gen() % 31),
                                    static_cast<std::int32_t>(gen() % 100'001) - 50'000,
                                    i % 3 == 0 ? 0 : static_cast<std::int32_t>(gen() % 3000)});
  std::vector<CellState> states{d.state(0), d.state(1), d.state(2)};
  EXPECT_EQ(states[0].shift, 0);
  EXPECT_EQ(states[0].sums, CellDistribution::Sums{});
  EXPECT_GT(states[1].shift, 0);
  EXPECT_NE(states[1].sums, CellDistribution::Sums{});
  const CellDistribution rebuilt = CellDistribution::from_states(d.replications(), states);
  expect_same_state(rebuilt, d);
  for (std::size_t c = 0; c < 3; ++c) expect_same(rebuilt.summary(c), d.summary(c));
  CellDistribution twice = rebuilt;
  twice.merge(d);
  EXPECT_EQ(twice.replications(), 2 * d.replications());
  EXPECT_EQ(twice.state(0).buckets.front().second, 2 * states[0].buckets.front().second);
  EXPECT_EQ(twice.state(1).sums.sum, 2 * states[1].sums.sum);
}

TEST(CellDistribution, InconsistentStatesAreRefused) {
  const auto refused = [](std::int64_t n, CellState state) {
    try {
      CellDistribution::from_states(n, {state});
    } catch (const std::invalid_argument&) {
      return true;
    }
    return false;
  };
  using Sums = CellDistribution::Sums;
  const auto sums = [](std::int64_t sum, std::int64_t squares) {
    return Sums{sum, static_cast<CellDistribution::UInt128>(squares)};
  };
  EXPECT_FALSE(refused(3, {0, {{1, 2}}, {}}));           // and a zero
  EXPECT_TRUE(refused(1, {0, {{1, 2}}, {}}));            // counts more than the replications
  EXPECT_TRUE(refused(3, {0, {{2, 1}, {1, 2}}, {}}));    // out of order
  EXPECT_TRUE(refused(3, {0, {{1, 3}, {2, 0}}, {}}));    // a zero count
  EXPECT_TRUE(refused(3, {0, {{0, 1}}, {}}));            // zeros are the rest, not a count
  EXPECT_TRUE(refused(3, {0, {{1, 1}, {513, 1}}, {}}));  // spans 513 buckets
  EXPECT_TRUE(refused(3, {0, {{1, 1}}, sums(1, 1)}));    // sums of a cell that is not binned
  EXPECT_TRUE(refused(1, {32, {{-1, 1}}, {}}));          // no such shift
  EXPECT_TRUE(refused(1, {29, {{4, 1}}, {}}));           // no int32 in that bucket
  EXPECT_TRUE(refused(1, {2, {}, {}}));                  // a cell of zeros is not binned
  EXPECT_THROW(CellDistribution::from_states(-1, {}), std::invalid_argument);
  // Binned at shift 1: keys 1 and 400 (values 2 .. 3 and 800 .. 801, so some 800 integers).
  const CellState binned{1, {{1, 1}, {400, 1}}, sums(2 + 801, 2 * 2 + 801 * 801)};
  EXPECT_FALSE(refused(2, binned));
  EXPECT_EQ(CellDistribution::from_states(2, {binned}).mean(0), 401.5);
  CellState wrong_sum = binned;
  wrong_sum.sums.sum += 3;  // 2 .. 3 and 800 .. 801 sum to at most 804
  EXPECT_TRUE(refused(2, wrong_sum));
  CellState wrong_squares = binned;
  wrong_squares.sums.sum_of_squares = 1;
  EXPECT_TRUE(refused(2, wrong_squares));
  EXPECT_TRUE(refused(2, {2, {{1, 1}, {200, 1}}, sums(4 + 800, 16 + 800 * 800)}));  // coarser than needed
  EXPECT_EQ(CellDistribution::from_states(0, {{}, {}}).cells(), 2U);
}

// Distributions of different resolutions do not merge (their buckets mean different values); the
// process-wide default, which --histogram-buckets sets, applies to distributions made after it.
TEST(CellDistribution, ResolutionsAreCheckedAndTheDefaultApplies) {
  CellDistribution fine(1), coarse(1, Resolution{64});
  coarse.add(std::vector<std::int32_t>{5000});
  EXPECT_THROW(fine.merge(coarse), std::invalid_argument);
  CellDistribution adopting;
  adopting.merge(coarse);
  EXPECT_EQ(adopting.resolution(), coarse.resolution());
  EXPECT_THROW(CellDistribution(1, Resolution{15}), std::invalid_argument);
  EXPECT_THROW(CellDistribution(1, Resolution{(1 << 24) + 1}), std::invalid_argument);
  EXPECT_THROW(CellDistribution::set_default_resolution(Resolution{0}), std::invalid_argument);
  ASSERT_EQ(CellDistribution::default_resolution(), Resolution{});
  EXPECT_EQ(Resolution{}.buckets, 512);
  CellDistribution::set_default_resolution(Resolution{64});
  const CellDistribution made_after(2);
  const CellDistribution rebuilt = CellDistribution::from_states(0, {{}, {}});
  CellDistribution::set_default_resolution({});
  EXPECT_EQ(made_after.resolution(), Resolution{64});
  EXPECT_EQ(rebuilt.resolution(), Resolution{64});
  EXPECT_EQ(CellDistribution(1).resolution(), Resolution{});
}

}  // namespace
}  // namespace forlob
