#pragma once
// Distribution across replications of many integer-valued cells (counts, or paired differences of
// counts). Each cell keeps a histogram of the exact values seen, so means, standard deviations and
// quantiles are exact, memory does not grow with the replication count, and merging is integer
// addition: the result is identical whatever order replications were added in, hence whatever the
// thread count.
#include <cstddef>
#include <cstdint>
#include <span>
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

 private:
  // Counts of the exact values lo .. lo + counts.size() - 1. Sums and sums of squares are taken
  // from the counts when summarised (exactly, in 128 bits), which keeps add() to one increment.
  struct Histogram {
    std::int32_t lo = 0;                // value of counts[0]
    std::vector<std::uint32_t> counts;  // counts[v - lo]; empty until the first value
    void add(std::int32_t v) {
      const std::uint64_t offset =
          static_cast<std::uint64_t>(static_cast<std::int64_t>(v) - static_cast<std::int64_t>(lo));
      if (offset < counts.size()) [[likely]]
        ++counts[offset];
      else
        add_outside(v);
    }
    void add_outside(std::int32_t v);  // grows the range to include v, then counts it
    void reserve_range(std::int64_t new_lo, std::int64_t new_hi);  // keeps counts
    void merge(const Histogram& other);
    std::int32_t value_at_rank(std::int64_t rank) const;  // 0-based rank in sorted order
  };
  std::vector<Histogram> hist_;
  std::int64_t n_ = 0;
};

}  // namespace forlob
