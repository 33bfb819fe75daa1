#pragma once
// Distribution across replications of many integer-valued cells (counts, or paired differences of
// counts). Each cell keeps a histogram of the exact values seen, so means, standard deviations and
// quantiles are exact, memory does not grow with the replication count, and merging is integer
// addition: the result is identical whatever order replications were added in, hence whatever the
// thread count.
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
  double p50 = 0;
  double p95 = 0;
};

class CellDistribution {
 public:
  explicit CellDistribution(std::size_t cells = 0);

  std::size_t cells() const { return hist_.size(); }
  std::int64_t replications() const { return n_; }

  // One replication: values[i] is cell i's value. values.size() must equal cells().
  void add(std::span<const std::int32_t> values);
  // Adds another distribution over the same cells (e.g. a thread's partial result).
  void merge(const CellDistribution& other);

  CellSummary summary(std::size_t cell) const;
  double quantile(std::size_t cell, double p) const;  // type 7
  double mean(std::size_t cell) const;

  // Approximate heap use, for the benchmark's memory report.
  std::size_t bytes() const;

  // The exact state of one cell, for a shard's partial result: every value seen with its count
  // (zeros included), in increasing order of value.
  using ValueCount = std::pair<std::int32_t, std::uint32_t>;
  std::vector<ValueCount> counts(std::size_t cell) const;
  // The distribution of `replications` replications whose cells have these counts. Throws
  // std::invalid_argument unless every cell's values increase strictly, its counts are positive and
  // they add up to `replications`.
  static CellDistribution from_counts(std::int64_t replications,
                                      const std::vector<std::vector<ValueCount>>& cells);

 private:
  // The exact values seen and how often, kept in whichever of two forms is smaller, so memory
  // stays bounded when counts are large (a cell of 100 times the courses spreads over 100 times the
  // values) while the common narrow cell costs one increment per replication:
  //  - dense: counts[v - lo] for the range lo .. lo + counts.size() - 1;
  //  - sparse: (value, count) pairs sorted by value, once the dense range would be wider than
  //    max(kDenseMin, 2 x the distinct values).
  // Sums and sums of squares are taken from the counts when summarised (exactly, in 128 bits).
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
    // Calls f(value, count) for every stored (non-zero) value, in increasing order.
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
  std::int32_t value_at_rank(const Histogram& h, std::int64_t rank) const;  // 0-based, sorted order
  std::vector<Histogram> hist_;
  std::int64_t n_ = 0;
};

}  // namespace forlob
