#pragma once
// Distribution across replications of many integer-valued cells (counts, or paired differences of
// counts). Each cell keeps a histogram of its values whose bucket width adapts to the cell's own
// spread: a cell's buckets are 2^shift values wide (bucket k holds k 2^shift .. (k + 1) 2^shift - 1),
// with the least shift at which the buckets from its smallest to its largest non-zero value number
// at most Resolution::buckets (512 by default). So
//  - a cell whose values spread over at most 512 integers is exact (shift 0, every value its own
//    bucket), however large the values are;
//  - a wider one is binned in buckets narrower than 2 x its range / 512, so a quantile is within
//    its range / 512 of the exact one: at the shipped dimensioning the widest cells, the stock of
//    specialists (about 22,000, spread over about 4,000 in 5,000 replications), in buckets of 8, so
//    within 3.5, where the Monte Carlo standard error of their 5 % quantile is about 16;
//  - a cell's memory is at most `buckets` counters whatever the replication count, so it is flat
//    (512 keeps a comparison at 100 times the shipped dimensioning within 100 MB).
// Means and standard deviations are exact at any width: once a cell is binned its non-zero values
// are also summed exactly as they come (their sum, and their sum of squares in 128 bits).
// The shift is a function of the set of values seen (of their least and greatest), not of the order
// they came in, and binning by shifts composes ((v >> a) >> b == v >> (a + b)): merging partial
// distributions coarsens each to the greater shift and then as far as the union needs, so the result
// is identical whatever order replications were added in, hence whatever the thread count or the
// split into shards.
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace forlob {

struct CellSummary {
  std::int64_t n = 0;
  double mean = 0;
  double sd = 0;   // sample standard deviation across replications (n - 1 divisor)
  double p05 = 0;  // quantiles: Hyndman-Fan type 7 (R's default), interpolated between values
                   // (bucket midpoints in a binned cell)
  double p50 = 0;
  double p95 = 0;
};

class CellDistribution {
 public:
  __extension__ typedef unsigned __int128 UInt128;  // GCC and Clang both provide it

  struct Resolution {
    static constexpr std::int64_t kMinBuckets = 16, kMaxBuckets = std::int64_t{1} << 24;
    std::int64_t buckets = 512;  // a cell's buckets from its least to its greatest value, at most
    bool operator==(const Resolution&) const = default;
    bool valid() const { return buckets >= kMinBuckets && buckets <= kMaxBuckets; }
  };
  // The resolution of distributions made without one: Resolution{} unless the command line's
  // --histogram-buckets set another before the run. Set once, before any thread starts.
  static Resolution default_resolution();
  static void set_default_resolution(Resolution resolution);  // throws std::invalid_argument if !valid()

  explicit CellDistribution(std::size_t cells = 0, Resolution resolution = default_resolution());

  Resolution resolution() const { return resolution_; }
  std::size_t cells() const { return hist_.size(); }
  std::int64_t replications() const { return n_; }

  // A bucket of a cell binned at `shift`: key = value >> shift (rounding down), and back the lowest
  // and highest value it holds and the value that stands for it in quantiles (the midpoint). Bucket
  // 0 of a binned cell holds 1 .. 2^shift - 1: zeros are counted apart and stay exact.
  static std::int32_t key_of(std::int32_t value, int shift) { return value >> shift; }
  static std::pair<std::int64_t, std::int64_t> bucket_range(std::int32_t key, int shift);
  static double bucket_value(std::int32_t key, int shift);
  int shift(std::size_t cell) const;  // the width of the cell's buckets is 2^shift

  // One replication: values[i] is cell i's value. values.size() must equal cells().
  void add(std::span<const std::int32_t> values);
  // For SharedDistribution, which threads fill a block of cells each at a time: one replication's
  // values of cells first .. first + values.size() - 1, the replication not yet counted;
  // count_replications counts replications once each of their blocks is added. Adds to disjoint
  // blocks may run concurrently once prepare_concurrent_blocks() has allocated what cells share.
  void add_block(std::size_t first, std::span<const std::int32_t> values);
  void count_replications(std::int64_t replications) { n_ += replications; }
  void prepare_concurrent_blocks();
  // Adds another distribution over the same cells and of the same resolution (e.g. a thread's
  // partial result); throws std::invalid_argument otherwise.
  void merge(const CellDistribution& other);

  CellSummary summary(std::size_t cell) const;
  double quantile(std::size_t cell, double p) const;  // type 7
  // The type 7 quantiles of a cell at each of `ps` (any order, at most kMaxQuantiles) into `out`
  // (as many), from one pass over its histogram: the same values quantile() gives one by one.
  static constexpr std::size_t kMaxQuantiles = 16;
  void quantiles(std::size_t cell, std::span<const double> ps, std::span<double> out) const;
  // The quantiles of the tables' bands (bands.csv, headlines.csv, the forecast): 5, 25, 50, 75, 95 %.
  static constexpr std::array<double, 5> kBandLevels{0.05, 0.25, 0.50, 0.75, 0.95};
  std::array<double, 5> bands(std::size_t cell) const {
    std::array<double, 5> q{};
    quantiles(cell, kBandLevels, q);
    return q;
  }
  double mean(std::size_t cell) const;

  // Approximate heap use, for the benchmark's memory report.
  std::size_t bytes() const;

  // The exact state of one cell, for a shard's partial result: its shift, every non-zero bucket
  // seen (key) with its count, in increasing order (the zeros are the replications not counted
  // there), and, for a binned cell (shift > 0), the exact sums of its values.
  using ValueCount = std::pair<std::int32_t, std::uint32_t>;
  struct Sums {
    std::int64_t sum = 0;
    UInt128 sum_of_squares = 0;
    bool operator==(const Sums&) const = default;
  };
  struct CellState {
    int shift = 0;
    std::vector<ValueCount> buckets;
    Sums sums;  // zero unless shift > 0
    bool operator==(const CellState&) const = default;
  };
  CellState state(std::size_t cell) const;
  // The distribution of `replications` replications whose cells are in these states. Throws
  // std::invalid_argument unless every cell's keys increase strictly with positive counts adding up
  // to at most `replications`, span at most the resolution's buckets at its shift, and, binned, its
  // sums are ones its buckets' values can have (and zero when it is not binned).
  static CellDistribution from_states(std::int64_t replications, const std::vector<CellState>& cells,
                                      Resolution resolution = default_resolution());

 private:
  // The non-zero buckets seen and how often, kept in whichever of two forms is smaller, so memory
  // stays small for a cell with few values over a wide range while the common narrow cell costs one
  // increment per replication:
  //  - dense: counts[k - lo] for the keys lo .. lo + counts.size() - 1;
  //  - sparse: (key, count) pairs sorted by key, once the dense range would be wider than
  //    max(kDenseMin, 2 x the distinct keys).
  // Zeros are not stored: most cells of a replication are 0 (a metric that does not apply to a
  // specialty or a year, a difference before the policies diverge), and skipping them saves most of
  // the reduction's memory traffic. A cell's count of zeros is the replications less its stored counts.
  struct Histogram {
    static constexpr std::int64_t kDenseMin = 160;  // a dense range this narrow (640 bytes) is always allowed
    std::int32_t lo = 0;                            // key of counts[0]
    std::uint32_t distinct = 0;                     // keys with a non-zero count (dense form)
    int shift = 0;                                  // buckets 2^shift values wide
    std::vector<std::uint32_t> counts;              // dense form; empty in the sparse form
    std::vector<std::pair<std::int32_t, std::uint32_t>> sparse;  // sparse form
    // Counts a key; false when it lies outside the dense range (the caller then takes the slow path).
    bool add_inside(std::int32_t key) {
      const std::uint64_t offset =
          static_cast<std::uint64_t>(static_cast<std::int64_t>(key) - static_cast<std::int64_t>(lo));
      if (offset >= counts.size()) return false;
      if (counts[offset]++ == 0) ++distinct;
      return true;
    }
    void add_outside(std::int32_t key, std::uint32_t count, std::int64_t max_width);
    void add_sparse(std::int32_t key, std::uint32_t count);
    void to_sparse();
    void to_dense_if_smaller();
    bool dense_allows(std::int64_t width, std::int64_t distinct_keys) const {
      return width <= std::max<std::int64_t>(kDenseMin, 2 * distinct_keys);
    }
    // The least and greatest stored key (the dense form may hold zero counts at its ends).
    std::pair<std::int64_t, std::int64_t> key_span() const;
    bool empty() const { return sparse.empty() && distinct == 0; }
    void merge(const Histogram& other, std::int64_t max_width);  // at the same shift
    // Bins `by` shifts more coarsely: key k becomes k >> by.
    void coarsen(int by);
    // Calls f(key, count) for every stored (non-zero) bucket, in increasing order.
    template <typename F>
    void for_each(F&& f) const {
      if (!sparse.empty()) {
        for (const auto& [key, count] : sparse) f(static_cast<std::int64_t>(key), count);
        return;
      }
      for (std::size_t i = 0; i < counts.size(); ++i)
        if (counts[i] != 0) f(static_cast<std::int64_t>(lo) + static_cast<std::int64_t>(i), counts[i]);
    }
  };
  // Calls f(value, count) for every value of cell h over all n_ replications, in increasing order:
  // the value a bucket stands for (its midpoint; the value itself at shift 0) and the zeros.
  template <typename F>
  void for_each_value(const Histogram& h, F&& f) const {
    std::int64_t stored = 0;
    h.for_each([&](std::int64_t, std::uint32_t count) { stored += count; });
    const auto zeros = static_cast<std::uint32_t>(n_ - stored);
    bool zeros_told = zeros == 0;
    h.for_each([&](std::int64_t key, std::uint32_t count) {
      if (!zeros_told && key >= 0) {  // bucket 0 of a binned cell holds positive values only
        f(0.0, zeros);
        zeros_told = true;
      }
      f(bucket_value(static_cast<std::int32_t>(key), h.shift), count);
    });
    if (!zeros_told) f(0.0, zeros);
  }
  // values[i] = the value at 0-based rank ranks[i] in sorted order, for increasing ranks, in one pass.
  void values_at_ranks(const Histogram& h, std::span<const std::int64_t> ranks,
                       std::span<double> values) const;
  void add_slow(std::size_t cell, std::int32_t v);  // outside the dense range, or binned
  // Bins the cell more coarsely until its keys span at most resolution_.buckets, taking its exact
  // sums from its exact values the first time.
  void fit(std::size_t cell);
  void coarsen_to(std::size_t cell, int shift);
  Sums& sums_of(std::size_t cell);            // allocates the side array on first use
  Sums exact_sums(const Histogram& h) const;  // of a shift-0 histogram's values
  std::vector<Histogram> hist_;
  // Per cell the exact sums of its values once it is binned; empty until the first cell is, so that
  // a run whose cells are all exact keeps them as compact as before.
  std::vector<Sums> sums_;
  std::int64_t n_ = 0;
  Resolution resolution_;
};

}  // namespace forlob
