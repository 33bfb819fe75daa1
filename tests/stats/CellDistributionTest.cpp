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
  const auto width = static_cast<std::uint64_t>(hi - lo + 1);
  for (auto& v : x) v = lo + static_cast<std::int32_t>(gen() % width);
  return x;
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

TEST(CellDistribution, ValuesAtTheEndsOfInt32AreExact) {
  const CellSummary top = one_cell({INT32_MAX, INT32_MAX - 1, INT32_MAX}).summary(0);
  EXPECT_DOUBLE_EQ(top.mean, static_cast<double>(INT32_MAX) - 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(top.sd, std::sqrt(1.0 / 3.0));
  EXPECT_EQ(top.p95, INT32_MAX);
  const CellSummary bottom = one_cell({INT32_MIN + 1, INT32_MIN}).summary(0);
  EXPECT_DOUBLE_EQ(bottom.mean, static_cast<double>(INT32_MIN) + 0.5);
  EXPECT_EQ(bottom.p05, static_cast<double>(INT32_MIN) + 0.05);
}

// A cell whose values spread over a range far wider than the replications seen keeps them
// sparsely: its memory follows the distinct values, not the range, and the answers do not change.
TEST(CellDistribution, WidelySpreadValuesAreKeptSparselyWithTheSameAnswers) {
  std::mt19937_64 gen(11);
  const Sample x = random_sample(gen, 200, -5'000'000, 5'000'000);
  const CellDistribution d = one_cell(x);
  const CellSummary s = d.summary(0);
  EXPECT_DOUBLE_EQ(s.mean, direct_mean(x));
  EXPECT_NEAR(s.sd, direct_sd(x), 1e-9 * direct_sd(x));
  for (double p : {0.0, 0.05, 0.5, 0.95, 1.0}) EXPECT_DOUBLE_EQ(d.quantile(0, p), type7(x, p)) << p;
  // 200 values in a dense range of 10 million would take 40 MB; kept as pairs, a few kilobytes.
  EXPECT_LT(d.bytes(), 16'384U);
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

// A shard's partial state: the counts of every cell rebuild a distribution that summarises and
// merges as the original does, in the dense form and in the sparse.
TEST(CellDistribution, CountsRebuildTheSameDistributionInEitherForm) {
  std::mt19937_64 gen(31);
  const Sample narrow = random_sample(gen, 200, 0, 30);
  const Sample wide = random_sample(gen, 60, -50'000, 50'000);
  CellDistribution d(2);
  for (std::size_t i = 0; i < narrow.size(); ++i)
    d.add(std::vector<std::int32_t>{narrow[i], wide[i % wide.size()]});
  const std::vector<std::vector<CellDistribution::ValueCount>> counts{d.counts(0), d.counts(1)};
  EXPECT_GT(counts[0].size(), 5U);
  const CellDistribution rebuilt = CellDistribution::from_counts(d.replications(), counts);
  EXPECT_EQ(rebuilt.replications(), d.replications());
  for (std::size_t c = 0; c < 2; ++c) {
    expect_same(rebuilt.summary(c), d.summary(c));
    EXPECT_EQ(rebuilt.counts(c), counts[c]);
  }
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
}

}  // namespace
}  // namespace forlob
