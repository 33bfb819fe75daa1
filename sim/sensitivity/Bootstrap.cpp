#include "sensitivity/Bootstrap.hpp"

#include <algorithm>
#include <boost/random/uniform_int_distribution.hpp>
#include <cmath>
#include <limits>

namespace forlob {

namespace {
constexpr std::uint64_t kBootstrapStream = hash_name("sensitivity bootstrap");
}

double quantile_type7(std::vector<double>& values, double p) {
  if (values.empty()) return std::numeric_limits<double>::quiet_NaN();
  std::sort(values.begin(), values.end());
  const double h = (static_cast<double>(values.size()) - 1) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, values.size() - 1);
  return values[lo] + (h - static_cast<double>(lo)) * (values[hi] - values[lo]);
}

void bootstrap_rows(const BootstrapOptions& options, std::size_t b, std::size_t n,
                    std::vector<std::size_t>& rows) {
  KeyedStream stream(StreamKey(options.seed).with(kBootstrapStream).with(static_cast<std::uint64_t>(b)));
  boost::random::uniform_int_distribution<std::size_t> pick(0, n - 1);
  rows.resize(n);
  for (std::size_t& r : rows) r = pick(stream);
}

IndexEstimate percentile_interval(double estimate, std::vector<double>& replicates, double confidence) {
  replicates.erase(
      std::remove_if(replicates.begin(), replicates.end(), [](double x) { return std::isnan(x); }),
      replicates.end());
  const double tail = (1 - confidence) / 2;
  return {estimate, quantile_type7(replicates, tail), quantile_type7(replicates, 1 - tail)};
}

}  // namespace forlob
