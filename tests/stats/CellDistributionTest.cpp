#include "stats/CellDistribution.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
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

// One cell holding the sample, one replication per value.
CellDistribution one_cell(const Sample& x) {
  CellDistribution d(1);
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

// The buckets of the default resolution (exact below 2^15, 256 buckets an octave beyond).
const CellDistribution& binning() {
  static const CellDistribution shipped(0, CellDistribution::Resolution{});
  return shipped;
}

// Beyond the exact range a quantile is off by less than this fraction of the larger of the two
// sample values it interpolates between.
constexpr double kRelativeError = 1.0 / (2 << CellDistribution::Resolution{}.bucket_bits);

void expect_within_bound(double got, Sample x, double p) {
  std::sort(x.begin(), x.end());
  const double h = static_cast<double>(x.size() - 1) * p;
  const auto j = static_cast<std::size_t>(std::floor(h));
  const double larger = std::max(std::abs(static_cast<double>(x[j])),
                                 std::abs(static_cast<double>(x[std::min(j + 1, x.size() - 1)])));
  EXPECT_NEAR(got, type7(x, p), kRelativeError * larger) << "p = " << p;
}

void expect_same_state(const CellDistribution& a, const CellDistribution& b) {
  ASSERT_EQ(a.cells(), b.cells());
  EXPECT_EQ(a.replications(), b.replications());
  for (std::size_t c = 0; c < a.cells(); ++c) {
    EXPECT_EQ(a.counts(c), b.counts(c)) << "cell " << c;
    EXPECT_EQ(a.beyond_sums(c), b.beyond_sums(c)) << "cell " << c;
  }
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
    for (auto [lo, hi] : {std::pair{0, 5}, std::pair{-50, 200}, std::pair{-3000, -2000}}) {
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
  const Sample x{0, -1000, 1000, 5, -999, 999, -1000, 3};
  const CellDistribution d = one_cell(x);
  EXPECT_EQ(d.quantile(0, 0.0), -1000);
  EXPECT_EQ(d.quantile(0, 1.0), 1000);
  EXPECT_EQ(d.quantile(0, 0.5), type7(x, 0.5));
  EXPECT_DOUBLE_EQ(d.mean(0), direct_mean(x));
  EXPECT_LT(d.bytes(), 4 * sizeof(std::uint32_t) * 2001 + 1024);  // slack stays bounded
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

// The ends of int32 lie far beyond the exact range: means and standard deviations stay exact, the
// quantiles are their buckets' midpoints, within the stated error.
TEST(CellDistribution, ValuesAtTheEndsOfInt32HaveExactMomentsAndBoundedQuantiles) {
  const CellSummary top = one_cell({INT32_MAX, INT32_MAX - 1, INT32_MAX}).summary(0);
  EXPECT_DOUBLE_EQ(top.mean, static_cast<double>(INT32_MAX) - 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(top.sd, std::sqrt(1.0 / 3.0));
  EXPECT_LE(top.p95, INT32_MAX);
  EXPECT_NEAR(top.p95, INT32_MAX, kRelativeError * INT32_MAX);
  const CellSummary bottom = one_cell({INT32_MIN + 1, INT32_MIN}).summary(0);
  EXPECT_DOUBLE_EQ(bottom.mean, static_cast<double>(INT32_MIN) + 0.5);
  EXPECT_DOUBLE_EQ(bottom.sd, std::sqrt(0.5));
  EXPECT_GE(bottom.p05, static_cast<double>(INT32_MIN));
  EXPECT_NEAR(bottom.p05, INT32_MIN, -kRelativeError * INT32_MIN);
}

// A cell whose values spread over a range far wider than the replications seen keeps its buckets
// sparsely: its memory follows the buckets seen, not the range, mean and sd stay exact.
TEST(CellDistribution, WidelySpreadValuesAreKeptSparselyWithExactMoments) {
  std::mt19937_64 gen(11);
  const Sample x = random_sample(gen, 200, -5'000'000, 5'000'000);
  const CellDistribution d = one_cell(x);
  const CellSummary s = d.summary(0);
  EXPECT_DOUBLE_EQ(s.mean, direct_mean(x));
  EXPECT_NEAR(s.sd, direct_sd(x), 1e-12 * direct_sd(x));
  for (double p : {0.0, 0.05, 0.5, 0.95, 1.0}) expect_within_bound(d.quantile(0, p), x, p);
  // A dense range over the buckets from -5 to 5 million would take 30 KB; as pairs, 200 at most.
  EXPECT_LT(d.bytes(), 4'096U);
}

// The form a cell is kept in never changes its summary, however the values arrive: narrow first
// and then wide (dense, then sparse), wide then filling in (sparse, then dense again), and merged
// from parts held in different forms.
TEST(CellDistribution, DenseAndSparseFormsGiveIdenticalSummariesAndMerges) {
  std::mt19937_64 gen(12);
  Sample narrow = random_sample(gen, 300, 0, 40);
  const Sample wide = random_sample(gen, 50, -100'000, 100'000);
  Sample filling = random_sample(gen, 2000, -300, 300);
  Sample all = narrow;
  all.insert(all.end(), wide.begin(), wide.end());
  all.insert(all.end(), filling.begin(), filling.end());
  const CellSummary expected = one_cell(all).summary(0);
  EXPECT_DOUBLE_EQ(expected.mean, direct_mean(all));
  EXPECT_DOUBLE_EQ(expected.p50, type7(all, 0.5));
  EXPECT_DOUBLE_EQ(expected.p05, type7(all, 0.05));

  Sample reversed(all.rbegin(), all.rend());
  expect_same(one_cell(reversed).summary(0), expected);
  CellDistribution dense_part = one_cell(narrow), sparse_part = one_cell(wide), rest = one_cell(filling);
  CellDistribution merged(1);
  merged.merge(sparse_part);
  merged.merge(dense_part);
  merged.merge(rest);
  expect_same(merged.summary(0), expected);
  dense_part.merge(sparse_part);
  dense_part.merge(rest);
  expect_same(dense_part.summary(0), expected);
}

// A shard's partial state: the counts (and sums beyond the exact range) of every cell rebuild a
// distribution that summarises and merges as the original does, in the dense form and in the sparse.
TEST(CellDistribution, CountsRebuildTheSameDistributionInEitherForm) {
  std::mt19937_64 gen(31);
  const Sample narrow = random_sample(gen, 200, 0, 30);
  const Sample wide = random_sample(gen, 60, -50'000, 50'000);
  CellDistribution d(2);
  for (std::size_t i = 0; i < narrow.size(); ++i)
    d.add(std::vector<std::int32_t>{narrow[i], wide[i % wide.size()]});
  const std::vector<std::vector<CellDistribution::ValueCount>> counts{d.counts(0), d.counts(1)};
  EXPECT_GT(counts[0].size(), 5U);
  const CellDistribution rebuilt =
      CellDistribution::from_counts(d.replications(), counts, {d.beyond_sums(0), d.beyond_sums(1)});
  EXPECT_EQ(rebuilt.replications(), d.replications());
  for (std::size_t c = 0; c < 2; ++c) {
    expect_same(rebuilt.summary(c), d.summary(c));
    EXPECT_EQ(rebuilt.counts(c), counts[c]);
  }
  expect_same_state(rebuilt, d);
  EXPECT_EQ(rebuilt.beyond_sums(0), CellDistribution::BeyondSums{});  // 0..30: nothing beyond
  EXPECT_NE(rebuilt.beyond_sums(1), CellDistribution::BeyondSums{});
  CellDistribution twice = rebuilt;
  twice.merge(d);
  EXPECT_EQ(twice.replications(), 2 * d.replications());
  EXPECT_EQ(twice.counts(0).front().second, 2 * counts[0].front().second);
}

TEST(CellDistribution, InconsistentCountsAreRefused) {
  using Cells = std::vector<std::vector<CellDistribution::ValueCount>>;
  EXPECT_THROW(CellDistribution::from_counts(3, Cells{{{1, 2}}}), std::invalid_argument);  // adds up to 2
  EXPECT_THROW(CellDistribution::from_counts(3, Cells{{{2, 1}, {1, 2}}}), std::invalid_argument);  // order
  EXPECT_THROW(CellDistribution::from_counts(3, Cells{{{1, 3}, {2, 0}}}), std::invalid_argument);  // zero
  EXPECT_THROW(CellDistribution::from_counts(-1, Cells{}), std::invalid_argument);
  EXPECT_EQ(CellDistribution::from_counts(0, Cells{{}, {}}).cells(), 2U);
  // Beyond the exact range: an index that is no bucket, sums the buckets' values cannot have, sums
  // for a cell without buckets, and sums for the wrong number of cells.
  const std::int32_t bucket = binning().bucket_of(100'000);  // 99,840 .. 100,095
  const auto sums = [](std::int64_t sum, std::int64_t squares_of) {
    return CellDistribution::BeyondSums{sum, static_cast<CellDistribution::UInt128>(squares_of) *
                                                 static_cast<CellDistribution::UInt128>(squares_of)};
  };
  EXPECT_EQ(CellDistribution::from_counts(1, Cells{{{bucket, 1}}}, {sums(100'000, 100'000)}).mean(0),
            100'000);
  EXPECT_THROW(CellDistribution::from_counts(1, Cells{{{INT32_MAX, 1}}}, {sums(1, 1)}),
               std::invalid_argument);
  EXPECT_THROW(CellDistribution::from_counts(1, Cells{{{bucket, 1}}}), std::invalid_argument);
  EXPECT_THROW(CellDistribution::from_counts(1, Cells{{{bucket, 1}}}, {sums(99'000, 99'000)}),
               std::invalid_argument);
  EXPECT_THROW(CellDistribution::from_counts(1, Cells{{{bucket, 1}}}, {sums(100'000, 200'000)}),
               std::invalid_argument);
  EXPECT_THROW(CellDistribution::from_counts(1, Cells{{{5, 1}}}, {sums(100'000, 100'000)}),
               std::invalid_argument);
  EXPECT_THROW(CellDistribution::from_counts(1, Cells{{{5, 1}}}, {{}, {}}), std::invalid_argument);
}

// The exact range: every value with |v| < 2^kExactBits is its own bucket, so its quantiles are
// exact; the first value beyond shares a bucket with its neighbours.
TEST(CellDistribution, ValuesInTheExactRangeAreTheirOwnBuckets) {
  const std::int32_t kLimit = binning().exact_limit();
  EXPECT_EQ(kLimit, 32'768);
  for (std::int32_t v = -kLimit + 1; v < kLimit; ++v) {
    ASSERT_EQ(binning().bucket_of(v), v);
    ASSERT_EQ(binning().bucket_value(v), v);
  }
  const Sample edge{kLimit - 1, -(kLimit - 1), kLimit - 2, 0, 17};
  const CellDistribution d = one_cell(edge);
  for (double p : {0.0, 0.1, 0.5, 0.9, 1.0}) EXPECT_EQ(d.quantile(0, p), type7(edge, p));
  EXPECT_NE(one_cell({kLimit}).quantile(0, 0.5), kLimit);  // a bucket of 128 values: its midpoint
  EXPECT_EQ(one_cell({kLimit}).quantile(0, 0.5), kLimit + 63.5);
}

// Beyond the exact range the buckets tile int32 without gaps, in order, each a power of two wide
// and narrower than 2^-kBucketBits of its values; each value's bucket is found from the value alone.
TEST(CellDistribution, BucketsTileInt32InOrderWithWidthsWithinTheResolution) {
  std::vector<std::int64_t> probes{INT32_MIN, INT32_MIN + 1, INT32_MAX - 1, INT32_MAX};
  for (int e = CellDistribution::Resolution{}.exact_bits; e < 31; ++e)
    for (std::int64_t d : {-1, 0, 1, 255, 256, 257}) {
      probes.push_back((std::int64_t{1} << e) + d);
      probes.push_back(-(std::int64_t{1} << e) - d);
    }
  std::mt19937_64 gen(5);
  for (int i = 0; i < 20'000; ++i) probes.push_back(static_cast<std::int32_t>(gen()));
  for (std::int64_t probe : probes) {
    const auto v = static_cast<std::int32_t>(probe);
    const std::int32_t b = binning().bucket_of(v);
    const std::int64_t low = binning().bucket_low(b), high = binning().bucket_high(b);
    ASSERT_LE(low, v);
    ASSERT_GE(high, v);
    const std::int64_t width = high - low + 1;
    ASSERT_EQ(width & (width - 1), 0) << v;  // a power of two
    if (binning().is_exact(v)) continue;
    ASSERT_GE(std::abs(b), binning().exact_limit());
    ASSERT_LE(static_cast<double>(width),
              std::min(std::abs(static_cast<double>(low)), std::abs(static_cast<double>(high))) /
                  (1 << CellDistribution::Resolution{}.bucket_bits));
    ASSERT_LE(std::abs(binning().bucket_value(b) - v), kRelativeError * std::abs(static_cast<double>(v)));
    // The bucket of INT32_MIN reaches below int32: its lowest int32 value is INT32_MIN itself.
    ASSERT_EQ(binning().bucket_of(static_cast<std::int32_t>(std::max<std::int64_t>(low, INT32_MIN))), b);
    ASSERT_EQ(binning().bucket_of(static_cast<std::int32_t>(high)), b);
    if (high < INT32_MAX) {
      ASSERT_EQ(binning().bucket_low(b + 1), high + 1) << v;  // no gap, in order
    }
  }
  EXPECT_THROW(binning().bucket_low(INT32_MAX), std::out_of_range);
}

// The mean and sd are exact even when the values are bucketed: the cell sums them as they come.
TEST(CellDistribution, MeanAndSdAreExactForBucketedValues) {
  std::mt19937_64 gen(13);
  for (auto [lo, hi] : {std::pair{10'000, 1'000'000}, std::pair{-2'000'000'000, 2'000'000'000},
                        std::pair{-900'000, -40'000}}) {
    const Sample x = random_sample(gen, 3000, lo, hi);
    const CellSummary s = one_cell(x).summary(0);
    EXPECT_DOUBLE_EQ(s.mean, direct_mean(x));
    EXPECT_NEAR(s.sd, direct_sd(x), 1e-12 * direct_sd(x));
  }
  // Two values in one bucket: the bucket alone would say sd 0.
  const CellSummary pair = one_cell({1'000'000, 1'000'001}).summary(0);
  EXPECT_EQ(binning().bucket_of(1'000'000), binning().bucket_of(1'000'001));
  EXPECT_DOUBLE_EQ(pair.mean, 1'000'000.5);
  EXPECT_DOUBLE_EQ(pair.sd, std::sqrt(0.5));
}

// Quantiles of large values, at the scale of 100 times the shipped dimensioning, are within the
// stated relative error of the exact type-7 quantiles, whole and merged.
TEST(CellDistribution, LargeValueQuantilesAreWithinTheStatedError) {
  std::mt19937_64 gen(17);
  for (auto [lo, hi] :
       {std::pair{10'000, 1'000'000}, std::pair{480'000, 520'000}, std::pair{-300'000, 300'000}}) {
    const Sample x = random_sample(gen, 2001, lo, hi);
    CellDistribution first = one_cell(Sample(x.begin(), x.begin() + 700));
    first.merge(one_cell(Sample(x.begin() + 700, x.end())));
    for (const CellDistribution* d : {&first}) {
      SCOPED_TRACE(::testing::Message() << "range " << lo << ".." << hi);
      for (double p : {0.0, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 1.0})
        expect_within_bound(d->quantile(0, p), x, p);
    }
    expect_same_state(first, one_cell(x));
  }
}

// Adding in any order and merging any split give the same state, bucket counts and exact sums
// alike, not only the same summaries.
TEST(CellDistribution, AnyOrderAndAnySplitGiveIdenticalState) {
  constexpr std::size_t kCells = 6;
  std::mt19937_64 gen(19);
  std::vector<Sample> reps;
  for (int r = 0; r < 400; ++r) {
    Sample x = random_sample(gen, kCells, -2'000'000, 2'000'000);
    x[0] = static_cast<std::int32_t>(gen() % 50);  // an exact cell beside the bucketed ones
    reps.push_back(x);
  }
  CellDistribution whole(kCells);
  for (const Sample& x : reps) whole.add(x);
  for (int trial = 0; trial < 4; ++trial) {
    std::shuffle(reps.begin(), reps.end(), gen);
    const std::size_t parts = 2 + gen() % 5;
    std::vector<CellDistribution> partial(parts, CellDistribution(kCells));
    for (const Sample& x : reps) partial[gen() % parts].add(x);
    CellDistribution merged(kCells);
    for (std::size_t i = parts; i-- > 0;) merged.merge(partial[i]);
    expect_same_state(merged, whole);
    for (std::size_t c = 0; c < kCells; ++c) expect_same(merged.summary(c), whole.summary(c));
  }
}

// Memory is flat in the replication count: once a cell's values have covered its buckets, ten times
// as many values cost not one byte more. (Exact values over the same range would keep growing.)
TEST(CellDistribution, MemoryStopsGrowingOnceTheBucketsAreCovered) {
  std::mt19937_64 gen(23);
  CellDistribution d(1);
  const auto feed = [&](int n) {
    for (int i = 0; i < n; ++i) {
      const std::int32_t v = 200'000 + static_cast<std::int32_t>(gen() % 800'000);
      d.add(std::span<const std::int32_t>(&v, 1));
    }
  };
  feed(20'000);
  const std::size_t covered = d.bytes();
  feed(180'000);
  EXPECT_EQ(d.bytes(), covered);
  // 200,000 .. 999,999 spans 611 buckets: 4 bytes each densely, with bounded slack.
  EXPECT_LT(covered, 2 * 4 * 611 + 1024);
  EXPECT_EQ(d.counts(0).size(), 611U);
  EXPECT_EQ(d.replications(), 200'000);
}

// The trade-off of the exact range: values of some thousands spread over thousands (a cell at 100
// times the shipped dimensioning) keep taking new exact values at the default resolution, while an
// exact range of 2^10 bins them, and the cell stops growing at a few hundred buckets, with the mean
// and sd still exact and the quantiles within 1/512.
TEST(CellDistribution, ASmallerExactRangeKeepsMidSizedCellsFlat) {
  const CellDistribution::Resolution coarse{10, 8};
  std::mt19937_64 gen(29);
  CellDistribution exact(1), binned(1, coarse);
  Sample x;
  const auto feed = [&](int n) {
    for (int i = 0; i < n; ++i) {
      x.push_back(10'000 + static_cast<std::int32_t>(gen() % 20'000));
      exact.add(std::span<const std::int32_t>(&x.back(), 1));
      binned.add(std::span<const std::int32_t>(&x.back(), 1));
    }
  };
  feed(10'000);
  const std::size_t exact_then = exact.counts(0).size(), binned_then = binned.bytes();
  EXPECT_LT(exact_then, 9'000U);  // about 7,900 of the 20,000 values
  feed(90'000);
  EXPECT_GT(exact.counts(0).size(), exact_then + 10'000);  // nearly all of them by now
  EXPECT_EQ(binned.counts(0).size(), 413U);                // 200 buckets 32 wide, 213 64 wide
  EXPECT_EQ(binned.bytes(), binned_then);
  EXPECT_LT(binned.bytes(), exact.bytes() / 10);
  EXPECT_EQ(binned.resolution(), coarse);
  EXPECT_EQ(binned.summary(0).mean, exact.summary(0).mean);
  EXPECT_EQ(binned.summary(0).sd, exact.summary(0).sd);
  for (double p : {0.05, 0.5, 0.95}) {
    EXPECT_EQ(exact.quantile(0, p), type7(x, p));
    expect_within_bound(binned.quantile(0, p), x, p);
  }
  EXPECT_EQ(binned.bucket_of(1023), 1023);
  EXPECT_NE(binned.bucket_of(1025), 1025);
  EXPECT_EQ(binned.bucket_high(binned.bucket_of(1024)), 1027);  // 4 values wide just beyond 2^10
}

// Distributions of different resolutions do not merge (their buckets mean different values); the
// process-wide default, which --exact-bits sets, applies to distributions made after it.
TEST(CellDistribution, ResolutionsAreCheckedAndTheDefaultApplies) {
  CellDistribution fine(1), coarse(1, {10, 8});
  coarse.add(std::vector<std::int32_t>{5000});
  EXPECT_THROW(fine.merge(coarse), std::invalid_argument);
  CellDistribution adopting;
  adopting.merge(coarse);
  EXPECT_EQ(adopting.resolution(), coarse.resolution());
  EXPECT_THROW(CellDistribution(1, {3, 2}), std::invalid_argument);
  EXPECT_THROW(CellDistribution(1, {12, 13}), std::invalid_argument);
  EXPECT_THROW(CellDistribution::set_default_resolution({25, 8}), std::invalid_argument);
  ASSERT_EQ(CellDistribution::default_resolution(), CellDistribution::Resolution{});
  CellDistribution::set_default_resolution({10, 6});
  const CellDistribution made_after(2);
  const CellDistribution rebuilt = CellDistribution::from_counts(0, {{}, {}});
  CellDistribution::set_default_resolution({});
  EXPECT_EQ(made_after.resolution(), (CellDistribution::Resolution{10, 6}));
  EXPECT_EQ(rebuilt.resolution(), (CellDistribution::Resolution{10, 6}));
  EXPECT_EQ(CellDistribution(1).resolution(), CellDistribution::Resolution{});
}

}  // namespace
}  // namespace forlob
