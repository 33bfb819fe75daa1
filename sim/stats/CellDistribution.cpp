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

void CellDistribution::Histogram::add_outside(std::int32_t v, std::uint32_t count) {
  if (!sparse.empty()) {
    add_sparse(v, count);
    return;
  }
  if (counts.empty()) {
    lo = v;
    counts.assign(1, count);
    distinct = 1;
    return;
  }
  const std::int64_t value = v;
  const std::int64_t old_lo = lo;
  const std::int64_t old_hi = old_lo + static_cast<std::int64_t>(counts.size()) - 1;
  const std::int64_t need_lo = std::min(value, old_lo), need_hi = std::max(value, old_hi);
  if (!dense_allows(need_hi - need_lo + 1, distinct + 1)) {
    to_sparse();
    add_sparse(v, count);
    return;
  }
  // Grow on the side of v by half the width again (within the dense limit), so a cell whose
  // values drift reallocates O(log) times.
  const std::int64_t width = need_hi - need_lo + 1;
  const std::int64_t limit = std::max<std::int64_t>(kDenseMin, 2 * (static_cast<std::int64_t>(distinct) + 1));
  const std::int64_t slack = std::clamp<std::int64_t>(std::min(width / 2, limit - width), 0, kMaxValue);
  const std::int64_t new_lo = value < old_lo ? std::max(need_lo - slack, kMinValue) : old_lo;
  const std::int64_t new_hi = value > old_hi ? std::min(need_hi + slack, kMaxValue) : old_hi;
  std::vector<std::uint32_t> grown(static_cast<std::size_t>(new_hi - new_lo + 1), 0);
  std::copy(counts.begin(), counts.end(), grown.begin() + (old_lo - new_lo));
  counts.swap(grown);
  lo = static_cast<std::int32_t>(new_lo);
  counts[static_cast<std::size_t>(value - new_lo)] += count;
  ++distinct;
}

void CellDistribution::Histogram::add_sparse(std::int32_t v, std::uint32_t count) {
  const auto it = std::lower_bound(sparse.begin(), sparse.end(), v,
                                   [](const auto& entry, std::int32_t value) { return entry.first < value; });
  if (it != sparse.end() && it->first == v) {
    it->second += count;
    return;
  }
  sparse.insert(it, {v, count});
  to_dense_if_smaller();
}

void CellDistribution::Histogram::to_sparse() {
  std::vector<std::pair<std::int32_t, std::uint32_t>> pairs;
  pairs.reserve(distinct + 1);
  for_each([&](std::int64_t value, std::uint32_t count) {
    pairs.emplace_back(static_cast<std::int32_t>(value), count);
  });
  sparse.swap(pairs);
  std::vector<std::uint32_t>().swap(counts);
  distinct = 0;
  lo = 0;
}

// Back to the dense form once the values seen fill their range densely enough.
void CellDistribution::Histogram::to_dense_if_smaller() {
  const std::int64_t width =
      static_cast<std::int64_t>(sparse.back().first) - static_cast<std::int64_t>(sparse.front().first) + 1;
  if (!dense_allows(width, static_cast<std::int64_t>(sparse.size()))) return;
  lo = sparse.front().first;
  counts.assign(static_cast<std::size_t>(width), 0);
  for (const auto& [value, count] : sparse) counts[static_cast<std::size_t>(value - lo)] = count;
  distinct = static_cast<std::uint32_t>(sparse.size());
  std::vector<std::pair<std::int32_t, std::uint32_t>>().swap(sparse);
}

void CellDistribution::Histogram::merge(const Histogram& other) {
  other.for_each([&](std::int64_t value, std::uint32_t count) {
    const std::uint64_t offset = static_cast<std::uint64_t>(value - static_cast<std::int64_t>(lo));
    if (sparse.empty() && offset < counts.size()) {
      if (counts[offset] == 0) ++distinct;
      counts[offset] += count;
    } else {
      add_outside(static_cast<std::int32_t>(value), count);
    }
  });
}

std::int32_t CellDistribution::value_at_rank(const Histogram& h, std::int64_t rank) const {
  std::int64_t below = 0;
  std::int64_t found = 0;
  bool done = false;
  for_each_value(h, [&](std::int64_t value, std::uint32_t count) {
    if (done) return;
    below += count;
    if (below > rank) {
      found = value;
      done = true;
    }
  });
  if (!done) throw std::out_of_range("CellDistribution: rank " + std::to_string(rank) + " beyond the sample");
  return static_cast<std::int32_t>(found);
}

CellDistribution::CellDistribution(std::size_t cells) : hist_(cells) {}

void CellDistribution::add(std::span<const std::int32_t> values) {
  if (values.size() != hist_.size())
    throw std::invalid_argument("CellDistribution::add: " + std::to_string(values.size()) + " values for " +
                                std::to_string(hist_.size()) + " cells");
  Histogram* h = hist_.data();
  const std::int32_t* v = values.data();
  const std::size_t n = values.size();
  for (std::size_t i = 0; i < n; ++i)
    if (v[i] != 0) h[i].add(v[i]);
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
  const double x = value_at_rank(h, pos.rank);
  if (pos.fraction == 0 || pos.rank + 1 >= n_) return x;
  const double y = value_at_rank(h, pos.rank + 1);
  return x + pos.fraction * (y - x);
}

double CellDistribution::mean(std::size_t cell) const {
  if (n_ == 0) return 0;
  Int128 sum = 0;
  hist_.at(cell).for_each([&](std::int64_t value, std::uint32_t count) {
    sum += static_cast<Int128>(count) * value;
  });  // zeros add 0
  return static_cast<double>(static_cast<long double>(sum) / static_cast<long double>(n_));
}

CellSummary CellDistribution::summary(std::size_t cell) const {
  CellSummary s;
  s.n = n_;
  if (n_ == 0) return s;
  Int128 sum = 0, sum_sq = 0;
  hist_.at(cell).for_each([&](std::int64_t value, std::uint32_t count) {  // zeros add nothing
    const Int128 v = value;
    sum += count * v;
    sum_sq += count * v * v;
  });
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
  for (const Histogram& h : hist_)
    total += h.counts.capacity() * sizeof(std::uint32_t) +
             h.sparse.capacity() * sizeof(std::pair<std::int32_t, std::uint32_t>);
  return total;
}

std::vector<CellDistribution::ValueCount> CellDistribution::counts(std::size_t cell) const {
  std::vector<ValueCount> out;
  for_each_value(hist_.at(cell), [&](std::int64_t value, std::uint32_t count) {
    if (count > 0) out.emplace_back(static_cast<std::int32_t>(value), count);  // zeros as any value
  });
  return out;
}

CellDistribution CellDistribution::from_counts(std::int64_t replications,
                                               const std::vector<std::vector<ValueCount>>& cells) {
  if (replications < 0) throw std::invalid_argument("CellDistribution::from_counts: negative replications");
  CellDistribution d(cells.size());
  d.n_ = replications;
  for (std::size_t c = 0; c < cells.size(); ++c) {
    const std::vector<ValueCount>& pairs = cells[c];
    std::int64_t total = 0;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
      if (pairs[i].second == 0 || (i > 0 && pairs[i].first <= pairs[i - 1].first))
        throw std::invalid_argument("CellDistribution::from_counts: cell " + std::to_string(c) +
                                    ": expected increasing values with positive counts");
      total += pairs[i].second;
    }
    if (total != replications)
      throw std::invalid_argument("CellDistribution::from_counts: cell " + std::to_string(c) + " counts " +
                                  std::to_string(total) + " replications, expected " +
                                  std::to_string(replications));
    // The sparse form holds any valid state (zeros are not stored); it turns dense when that is
    // smaller, as add() would.
    Histogram& h = d.hist_[c];
    for (const ValueCount& p : pairs)
      if (p.first != 0) h.sparse.push_back(p);
    if (!h.sparse.empty()) h.to_dense_if_smaller();
  }
  return d;
}

}  // namespace forlob
