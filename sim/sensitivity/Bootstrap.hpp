#pragma once
// Bootstrap percentile intervals with keyed resampling: resample b draws its rows from a stream
// keyed on (seed, b), so intervals do not depend on thread count or evaluation order.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "random/KeyedStream.hpp"

namespace forlob {

struct BootstrapOptions {
  int resamples = 1000;
  double confidence = 0.95;  // the interval runs from the (1 - c)/2 to the (1 + c)/2 percentile
  std::uint64_t seed = 20260113;
};

// An estimate with its bootstrap percentile interval.
struct IndexEstimate {
  double estimate = 0;
  double ci_low = 0, ci_high = 0;
};

// Type 7 quantile (R's default) of values; sorts them.
double quantile_type7(std::vector<double>& values, double p);

// n row numbers drawn with replacement from 0..n-1 for resample b.
void bootstrap_rows(const BootstrapOptions& options, std::size_t b, std::size_t n,
                    std::vector<std::size_t>& rows);

// The percentile interval of bootstrap replicates (sorted in place); NaN replicates are dropped.
IndexEstimate percentile_interval(double estimate, std::vector<double>& replicates, double confidence);

}  // namespace forlob
