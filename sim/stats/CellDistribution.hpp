#pragma once
// Distribution across replications of many integer-valued cells (counts, or paired differences of
// counts). Each cell keeps a histogram of its values in buckets that depend on the value alone
// (and on the distribution's Resolution, fixed for a run):
//  - |v| < 2^exact_bits: one bucket per value. The default, 2^15 = 32,768, makes every output of
//    the shipped dimensioning exact (its largest cell, the stock of specialists, is about 22,000);
//  - beyond: log-linear (HDR-style) buckets, 2^bucket_bits to each octave [2^e, 2^(e+1)), of width
//    2^(e - bucket_bits), mirrored for negative values.
// Means and standard deviations are exact at any magnitude: the values beyond the exact range are
// also summed exactly (their sum, and their sum of squares in 128 bits). Quantiles are exact for
// values in the exact range; beyond, a bucket stands for its midpoint, within (width - 1) / 2 of
// every value in it, i.e. a relative error below 2^-(bucket_bits + 1) (1/512 by default). A cell's
// memory is bounded by the buckets its values cover, so it stops growing once they are covered.
// How soon that is depends on the exact range: a cell of exact values keeps taking new ones until
// its whole spread is covered, which at 100 times the shipped dimensioning (spreads of thousands)
// takes thousands of replications; exact_bits 8 and bucket_bits 6 (--exact-bits 8 --bin-bits 6,
// quantiles within 1/128) bin those cells too and keep the memory flat there.
// Merging is integer addition: the result is identical whatever order replications were added in,
// hence whatever the thread count or the split into shards.
#include <algorithm>
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
                   // (bucket midpoints beyond the exact range)
  double p50 = 0;
  double p95 = 0;
};

class CellDistribution {
 public:
  __extension__ typedef unsigned __int128 UInt128;  // GCC and Clang both provide it

  struct Resolution {
    static constexpr int kMinBits = 4, kMaxBits = 24;  // bucket indices stay within 32 bits
    int exact_bits = 15;                               // values with |v| < 2^exact_bits are kept exactly
    int bucket_bits = 8;  // beyond, 2^bucket_bits buckets an octave (bucket_bits <= exact_bits)
    bool operator==(const Resolution&) const = default;
    bool valid() const {
      return exact_bits >= kMinBits && exact_bits <= kMaxBits && bucket_bits >= 1 &&
             bucket_bits <= exact_bits;
    }
  };
  // The resolution of distributions made without one: Resolution{} unless the command line's
  // --exact-bits and --bin-bits set another before the run. Set once, before any thread starts.
  static Resolution default_resolution();
  static void set_default_resolution(Resolution resolution);  // throws std::invalid_argument if !valid()

  explicit CellDistribution(std::size_t cells = 0, Resolution resolution = default_resolution());

  Resolution resolution() const { return resolution_; }
  std::int32_t exact_limit() const { return exact_limit_; }  // 2^exact_bits
  bool is_exact(std::int32_t v) const { return v > -exact_limit_ && v < exact_limit_; }
  // The bucket of a value: the value itself when |v| < exact_limit(), beyond it an index that keeps
  // the order of values (|index| >= exact_limit(), with the value's sign).
  std::int32_t bucket_of(std::int32_t value) const;
  // The lowest and highest value of a bucket, and the value that stands for it in quantiles (the
  // midpoint, a half-integer for buckets of even width). Throw std::out_of_range for an index that
  // is no bucket.
  std::int64_t bucket_low(std::int32_t bucket) const;
  std::int64_t bucket_high(std::int32_t bucket) const;
  double bucket_value(std::int32_t bucket) const;

  std::size_t cells() const { return hist_.size(); }
  std::int64_t replications() const { return n_; }

  // One replication: values[i] is cell i's value. values.size() must equal cells().
  void add(std::span<const std::int32_t> values);
  // Adds another distribution over the same cells and of the same resolution (e.g. a thread's
  // partial result); throws std::invalid_argument otherwise.
  void merge(const CellDistribution& other);

  CellSummary summary(std::size_t cell) const;
  double quantile(std::size_t cell, double p) const;  // type 7
  double mean(std::size_t cell) const;

  // Approximate heap use, for the benchmark's memory report.
  std::size_t bytes() const;

  // The exact state of one cell, for a shard's partial result: every bucket seen (see bucket_of;
  // in the exact range the value itself) with its count (zeros included), in increasing order,
  // and the exact sums of the cell's values beyond the exact range.
  using ValueCount = std::pair<std::int32_t, std::uint32_t>;
  std::vector<ValueCount> counts(std::size_t cell) const;
  struct BeyondSums {
    std::int64_t sum = 0;
    UInt128 sum_of_squares = 0;
    bool operator==(const BeyondSums&) const = default;
  };
  BeyondSums beyond_sums(std::size_t cell) const;
  // The distribution of `replications` replications whose cells have these counts and, for cells
  // with buckets beyond the exact range, these sums (`beyond` empty: all zero). Throws
  // std::invalid_argument unless every cell's buckets are buckets and increase strictly, its counts
  // are positive and add up to `replications`, and its sums are ones its buckets' values can have.
  static CellDistribution from_counts(std::int64_t replications,
                                      const std::vector<std::vector<ValueCount>>& cells,
                                      const std::vector<BeyondSums>& beyond = {},
                                      Resolution resolution = default_resolution());

 private:
  // The buckets seen (in the exact range: the values) and how often, kept in whichever of two forms
  // is smaller, so memory
  // stays bounded when counts are large (a cell of 100 times the courses spreads over 100 times the
  // values) while the common narrow cell costs one increment per replication:
  //  - dense: counts[v - lo] for the range lo .. lo + counts.size() - 1;
  //  - sparse: (value, count) pairs sorted by value, once the dense range would be wider than
  //    max(kDenseMin, 2 x the distinct values).
  // Sums and sums of squares of exact values are taken from the counts when summarised (exactly,
  // in 128 bits); those of the values beyond are kept as they arrive (`beyond_`).
  // Zeros are not stored: most cells of a replication are 0 (a metric that does not apply to a
  // specialty or a year, a difference before the policies diverge), and skipping them saves most of
  // the reduction's memory traffic. A cell's count of zeros is the replications less its stored counts.
  struct Histogram {
    static constexpr std::int64_t kDenseMin = 160;  // a dense range this narrow (640 bytes) is always allowed
    std::int32_t lo = 0;                            // value of counts[0]
    std::uint32_t distinct = 0;                     // values with a non-zero count (dense form)
    std::vector<std::uint32_t> counts;              // dense form; empty in the sparse form
    std::vector<std::pair<std::int32_t, std::uint32_t>> sparse;  // sparse form
    void add(std::int32_t v) {
      const std::uint64_t offset =
          static_cast<std::uint64_t>(static_cast<std::int64_t>(v) - static_cast<std::int64_t>(lo));
      if (offset < counts.size()) [[likely]] {
        if (counts[offset]++ == 0) ++distinct;
      } else {
        add_outside(v, 1);
      }
    }
    void add_outside(std::int32_t v, std::uint32_t count);  // any value not in the dense range
    void add_sparse(std::int32_t v, std::uint32_t count);
    void to_sparse();
    void to_dense_if_smaller();
    bool dense_allows(std::int64_t width, std::int64_t distinct_values) const {
      return width <= std::max<std::int64_t>(kDenseMin, 2 * distinct_values);
    }
    void merge(const Histogram& other);
    // Calls f(bucket, count) for every stored (non-zero) bucket, in increasing order.
    template <typename F>
    void for_each(F&& f) const {
      if (!sparse.empty()) {
        for (const auto& [value, count] : sparse) f(static_cast<std::int64_t>(value), count);
        return;
      }
      for (std::size_t i = 0; i < counts.size(); ++i)
        if (counts[i] != 0) f(static_cast<std::int64_t>(lo) + static_cast<std::int64_t>(i), counts[i]);
    }
  };
  // Calls f(value, count) for every value of cell h over all n_ replications, zeros included, in
  // increasing order.
  template <typename F>
  void for_each_value(const Histogram& h, F&& f) const {
    std::int64_t stored = 0;
    h.for_each([&](std::int64_t, std::uint32_t count) { stored += count; });
    const auto zeros = static_cast<std::uint32_t>(n_ - stored);
    bool zeros_told = zeros == 0;
    h.for_each([&](std::int64_t value, std::uint32_t count) {
      if (!zeros_told && value > 0) {
        f(std::int64_t{0}, zeros);
        zeros_told = true;
      }
      f(value, count);
    });
    if (!zeros_told) f(std::int64_t{0}, zeros);
  }
  std::int32_t bucket_at_rank(const Histogram& h, std::int64_t rank) const;  // 0-based, sorted order
  std::pair<std::int64_t, std::int64_t> bucket_range(std::int32_t bucket) const;
  void add_beyond(std::size_t cell, std::int32_t v);  // summed exactly, counted in its bucket
  std::vector<Histogram> hist_;
  // Per cell the sums of its values beyond the exact range; empty until the first such value, so
  // that a run whose values are all exact keeps the cells as compact as before.
  std::vector<BeyondSums> beyond_;
  std::int64_t n_ = 0;
  Resolution resolution_;
  std::int32_t exact_limit_ = 0;
};

}  // namespace forlob
