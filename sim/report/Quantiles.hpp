#pragma once
// The quantiles across replications that the fan charts draw: the 90 % band (p05-p95), the 50 %
// band (p25-p75, absent in files that predate bands.csv) and the median.
#include <cmath>
#include <limits>

namespace forlob {

struct Quantiles {
  static constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();
  double p05 = kMissing, p25 = kMissing, p50 = kMissing, p75 = kMissing, p95 = kMissing;
  bool has_quartiles() const { return std::isfinite(p25) && std::isfinite(p75); }
};

}  // namespace forlob
