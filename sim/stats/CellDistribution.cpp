#include "stats/CellDistribution.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace forlob {

namespace {

__extension__ typedef __int128 Int128;  // exact sums of squares; GCC and Clang both provide it

constexpr std::int64_t kMinValue = std::numeric_limits<std::int32_t>::min();
constexpr std::int64_t kMaxValue = std::numeric_limits<std::int32_t>::max();

// Type 7 (Hyndman and Fan 1996; R's default): h = (n - 1) p, between sorted ranks floor(h) and
// floor(h) + 1.
struct Type7Position {
  std::int64_t rank = 0;
  double fraction = 0;
};

Type7Position type7_position(std::int64_t n, double p) {
  if (std::isnan(p)) throw std::invalid_argument("CellDistribution::quantile: p is NaN");
  const double clamped = std::clamp(p, 0.0, 1.0);
  const double h = static_cast<double>(n - 1) * clamped;
  const double floor_h = std::floor(h);
  Type7Position pos;
  pos.rank = std::min(static_cast<std::int64_t>(floor_h), n - 1);
  pos.fraction = h - floor_h;
  return pos;
}

}  // namespace

void CellDistribution::Histogram::reserve_range(std::int64_t new_lo, std::int64_t new_hi) {
  if (counts.empty()) {
    lo = static_cast<std::int32_t>(new_lo);
    counts.assign(static_cast<std::size_t>(new_hi - new_lo + 1), 0);
    return;
  }
  const std::int64_t old_lo = lo;
  const std::int64_t old_hi = old_lo + static_cast<std::int64_t>(counts.size()) - 1;
  new_lo = std::min(new_lo, old_lo);
  new_hi = std::max(new_hi, old_hi);
  if (new_lo == old_lo && new_hi == old_hi) return;
  std::vector<std::uint32_t> grown(static_cast<std::size_t>(new_hi - new_lo + 1), 0);
  std::copy(counts.begin(), counts.end(), grown.begin() + (old_lo - new_lo));
  counts.swap(grown);
  lo = static_cast<std::int32_t>(new_lo);
}

void CellDistribution::Histogram::add_outside(std::int32_t v) {
  if (counts.empty()) {
    lo = v;
    counts.assign(1, 1);
    return;
  }
  // Grow geometrically on the side of v, so a cell whose values drift reallocates O(log) times.
  const std::int64_t width = static_cast<std::int64_t>(counts.size());
  const std::int64_t slack = std::max<std::int64_t>(width / 2, 2);
  const std::int64_t value = v;
  if (value < lo)
    reserve_range(std::max(value - slack, kMinValue), lo);
  else
    reserve_range(lo, std::min(value + slack, kMaxValue));
  ++counts[static_cast<std::size_t>(value - lo)];
}

void CellDistribution::Histogram::merge(const Histogram& other) {
  if (other.counts.empty()) return;
  const std::int64_t other_lo = other.lo;
  reserve_range(other_lo, other_lo + static_cast<std::int64_t>(other.counts.size()) - 1);
  const std::size_t offset = static_cast<std::size_t>(other_lo - lo);
  for (std::size_t i = 0; i < other.counts.size(); ++i) counts[offset + i] += other.counts[i];
}

std::int32_t CellDistribution::Histogram::value_at_rank(std::int64_t rank) const {
  std::int64_t below = 0;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    below += counts[i];
    if (below > rank) return static_cast<std::int32_t>(lo + static_cast<std::int64_t>(i));
  }
  throw std::out_of_range("CellDistribution: rank " + std::to_string(rank) + " beyond the sample");
}

CellDistribution::CellDistribution(std::size_t cells) : hist_(cells) {}

void CellDistribution::add(std::span<const std::int32_t> values) {
  if (values.size() != hist_.size())
    throw std::invalid_argument("CellDistribution::add: " + std::to_string(values.size()) + " values for " +
                                std::to_string(hist_.size()) + " cells");
  Histogram* h = hist_.data();
  const std::int32_t* v = values.data();
  const std::size_t n = values.size();
  for (std::size_t i = 0; i < n; ++i) h[i].add(v[i]);
  ++n_;
}

void CellDistribution::merge(const CellDistribution& other) {
  if (hist_.empty() && n_ == 0) hist_.resize(other.hist_.size());
  if (other.hist_.size() != hist_.size())
    throw std::invalid_argument("CellDistribution::merge: " + std::to_string(other.hist_.size()) +
                                " cells into " + std::to_string(hist_.size()));
  for (std::size_t i = 0; i < hist_.size(); ++i) hist_[i].merge(other.hist_[i]);
  n_ += other.n_;
}

double CellDistribution::quantile(std::size_t cell, double p) const {
  if (n_ == 0) return 0;
  const Histogram& h = hist_.at(cell);
  const Type7Position pos = type7_position(n_, p);
  const double x = h.value_at_rank(pos.rank);
  if (pos.fraction == 0 || pos.rank + 1 >= n_) return x;
  const double y = h.value_at_rank(pos.rank + 1);
  return x + pos.fraction * (y - x);
}

double CellDistribution::mean(std::size_t cell) const {
  if (n_ == 0) return 0;
  const Histogram& h = hist_.at(cell);
  Int128 sum = 0;
  for (std::size_t i = 0; i < h.counts.size(); ++i)
    sum +=
        static_cast<Int128>(h.counts[i]) * (static_cast<std::int64_t>(h.lo) + static_cast<std::int64_t>(i));
  return static_cast<double>(static_cast<long double>(sum) / static_cast<long double>(n_));
}

CellSummary CellDistribution::summary(std::size_t cell) const {
  CellSummary s;
  s.n = n_;
  if (n_ == 0) return s;
  const Histogram& h = hist_.at(cell);
  Int128 sum = 0, sum_sq = 0;
  for (std::size_t i = 0; i < h.counts.size(); ++i) {
    if (h.counts[i] == 0) continue;
    const Int128 v = static_cast<std::int64_t>(h.lo) + static_cast<std::int64_t>(i);
    sum += h.counts[i] * v;
    sum_sq += h.counts[i] * v * v;
  }
  const Int128 n = n_;
  s.mean = static_cast<double>(static_cast<long double>(sum) / static_cast<long double>(n_));
  if (n_ > 1) {
    // n * sum(x^2) - sum(x)^2 is exact in integers, so there is no cancellation to lose digits to.
    const Int128 numerator = n * sum_sq - sum * sum;
    const long double variance = static_cast<long double>(numerator) /
                                 (static_cast<long double>(n_) * static_cast<long double>(n_ - 1));
    s.sd = static_cast<double>(std::sqrt(variance));
  }
  s.p05 = quantile(cell, 0.05);
  s.p50 = quantile(cell, 0.50);
  s.p95 = quantile(cell, 0.95);
  return s;
}

std::size_t CellDistribution::bytes() const {
  std::size_t total = hist_.capacity() * sizeof(Histogram);
  for (const Histogram& h : hist_) total += h.counts.capacity() * sizeof(std::uint32_t);
  return total;
}

}  // namespace forlob
