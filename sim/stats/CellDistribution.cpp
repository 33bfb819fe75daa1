#include "stats/CellDistribution.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace forlob {

namespace {

__extension__ typedef __int128 Int128;  // exact sums of squares; GCC and Clang both provide it

constexpr std::int64_t kMinValue = std::numeric_limits<std::int32_t>::min();
constexpr std::int64_t kMaxValue = std::numeric_limits<std::int32_t>::max();
constexpr int kMaxShift = 31;  // v >> 31 is 0 or -1: two buckets hold every int32

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

// The keys lo .. hi at `shift` span this many buckets once `more` shifts coarser.
std::int64_t span_after(std::int64_t lo, std::int64_t hi, int more) {
  return (hi >> more) - (lo >> more) + 1;
}

CellDistribution::Resolution& default_resolution_storage() {
  static CellDistribution::Resolution resolution;
  return resolution;
}

std::invalid_argument bad_resolution(CellDistribution::Resolution r) {
  return std::invalid_argument("CellDistribution: a resolution of " + std::to_string(r.buckets) +
                               " buckets is not one (expected " +
                               std::to_string(CellDistribution::Resolution::kMinBuckets) + " to " +
                               std::to_string(CellDistribution::Resolution::kMaxBuckets) + ")");
}

}  // namespace

CellDistribution::Resolution CellDistribution::default_resolution() { return default_resolution_storage(); }

void CellDistribution::set_default_resolution(Resolution resolution) {
  if (!resolution.valid()) throw bad_resolution(resolution);
  default_resolution_storage() = resolution;
}

std::pair<std::int64_t, std::int64_t> CellDistribution::bucket_range(std::int32_t key, int shift) {
  const std::int64_t k = key;
  if (shift == 0) return {k, k};
  const std::int64_t low = k * (std::int64_t{1} << shift);
  const std::int64_t high = low + (std::int64_t{1} << shift) - 1;
  return {key == 0 ? 1 : low, high};  // bucket 0 holds the positive values below 2^shift: zeros apart
}

double CellDistribution::bucket_value(std::int32_t key, int shift) {
  if (shift == 0) return key;
  const auto [low, high] = bucket_range(key, shift);
  return static_cast<double>(low) + 0.5 * static_cast<double>(high - low);
}

int CellDistribution::shift(std::size_t cell) const { return hist_.at(cell).shift; }

std::pair<std::int64_t, std::int64_t> CellDistribution::Histogram::key_span() const {
  if (!sparse.empty()) return {sparse.front().first, sparse.back().first};
  std::size_t first = 0, last = counts.size();
  while (first < last && counts[first] == 0) ++first;
  while (last > first && counts[last - 1] == 0) --last;
  return {std::int64_t{lo} + static_cast<std::int64_t>(first),
          std::int64_t{lo} + static_cast<std::int64_t>(last) - 1};
}

void CellDistribution::Histogram::add_outside(std::int32_t key, std::uint32_t count, std::int64_t max_width) {
  if (!sparse.empty()) {
    add_sparse(key, count);
    return;
  }
  if (counts.empty()) {
    lo = key;
    counts.assign(1, count);
    distinct = 1;
    return;
  }
  // The key lies outside the dense range. The new range reaches from the keys stored (not the
  // range's empty ends) to it: so while the keys span at most max_width, so does the range, and the
  // fast path of add_inside never lets a cell outgrow its buckets unseen.
  const std::int64_t k = key;
  const auto [old_lo, old_hi] = key_span();
  const std::int64_t need_lo = std::min(k, old_lo), need_hi = std::max(k, old_hi);
  const std::int64_t width = need_hi - need_lo + 1;
  if (!dense_allows(width, distinct + 1)) {
    to_sparse();
    add_sparse(key, count);
    return;
  }
  // Grow on the side of the key by half the width again (within the dense limit, and within the
  // buckets a cell may span), so a cell whose values drift reallocates O(log) times.
  const std::int64_t limit =
      std::min(std::max<std::int64_t>(kDenseMin, 2 * (static_cast<std::int64_t>(distinct) + 1)),
               std::max(max_width, width));
  const std::int64_t slack = std::clamp<std::int64_t>(std::min(width / 2, limit - width), 0, kMaxValue);
  const std::int64_t new_lo = k < old_lo ? std::max(need_lo - slack, kMinValue) : old_lo;
  const std::int64_t new_hi = k > old_hi ? std::min(need_hi + slack, kMaxValue) : old_hi;
  std::vector<std::uint32_t> grown(static_cast<std::size_t>(new_hi - new_lo + 1), 0);
  const auto from = counts.begin() + (old_lo - static_cast<std::int64_t>(lo));
  std::copy(from, from + (old_hi - old_lo + 1), grown.begin() + (old_lo - new_lo));
  counts.swap(grown);
  lo = static_cast<std::int32_t>(new_lo);
  counts[static_cast<std::size_t>(k - new_lo)] += count;
  ++distinct;
}

void CellDistribution::Histogram::add_sparse(std::int32_t key, std::uint32_t count) {
  const auto it = std::lower_bound(sparse.begin(), sparse.end(), key,
                                   [](const auto& entry, std::int32_t k) { return entry.first < k; });
  if (it != sparse.end() && it->first == key) {
    it->second += count;
    return;
  }
  sparse.insert(it, {key, count});
  to_dense_if_smaller();
}

void CellDistribution::Histogram::to_sparse() {
  std::vector<std::pair<std::int32_t, std::uint32_t>> pairs;
  pairs.reserve(distinct + 1);
  for_each([&](std::int64_t key, std::uint32_t count) {
    pairs.emplace_back(static_cast<std::int32_t>(key), count);
  });
  sparse.swap(pairs);
  std::vector<std::uint32_t>().swap(counts);
  distinct = 0;
  lo = 0;
}

// Back to the dense form once the keys seen fill their range densely enough.
void CellDistribution::Histogram::to_dense_if_smaller() {
  const std::int64_t width =
      static_cast<std::int64_t>(sparse.back().first) - static_cast<std::int64_t>(sparse.front().first) + 1;
  if (!dense_allows(width, static_cast<std::int64_t>(sparse.size()))) return;
  lo = sparse.front().first;
  counts.assign(static_cast<std::size_t>(width), 0);
  for (const auto& [key, count] : sparse) counts[static_cast<std::size_t>(key - lo)] = count;
  distinct = static_cast<std::uint32_t>(sparse.size());
  std::vector<std::pair<std::int32_t, std::uint32_t>>().swap(sparse);
}

void CellDistribution::Histogram::merge(const Histogram& other, std::int64_t max_width) {
  if (empty() && shift == other.shift) {
    *this = other;
    return;
  }
  other.for_each([&](std::int64_t key, std::uint32_t count) {
    const std::uint64_t offset = static_cast<std::uint64_t>(key - static_cast<std::int64_t>(lo));
    if (sparse.empty() && offset < counts.size()) {
      if (counts[offset] == 0) ++distinct;
      counts[offset] += count;
    } else {
      add_outside(static_cast<std::int32_t>(key), count, max_width);
    }
  });
}

void CellDistribution::Histogram::coarsen(int by) {
  if (by <= 0) return;
  std::vector<std::pair<std::int32_t, std::uint32_t>> pairs;
  for_each([&](std::int64_t key, std::uint32_t count) {
    const auto k = static_cast<std::int32_t>(key >> by);  // keys stay in order, so equal ones are adjacent
    if (!pairs.empty() && pairs.back().first == k)
      pairs.back().second += count;
    else
      pairs.emplace_back(k, count);
  });
  std::vector<std::uint32_t>().swap(counts);
  distinct = 0;
  lo = 0;
  sparse.swap(pairs);
  shift += by;
  if (!sparse.empty()) to_dense_if_smaller();
}

CellDistribution::Sums CellDistribution::exact_sums(const Histogram& h) const {
  Int128 sum = 0;
  Int128 squares = 0;
  h.for_each([&](std::int64_t value, std::uint32_t count) {
    sum += static_cast<Int128>(count) * value;
    squares += static_cast<Int128>(count) * value * value;
  });
  return {static_cast<std::int64_t>(sum), static_cast<UInt128>(squares)};
}

CellDistribution::Sums& CellDistribution::sums_of(std::size_t cell) {
  if (sums_.empty()) sums_.resize(hist_.size());
  return sums_[cell];
}

void CellDistribution::coarsen_to(std::size_t cell, int shift) {
  Histogram& h = hist_[cell];
  if (shift <= h.shift) return;
  if (h.shift == 0) sums_of(cell) = exact_sums(h);  // from here on summed as the values come
  h.coarsen(shift - h.shift);
}

void CellDistribution::fit(std::size_t cell) {
  const Histogram& h = hist_[cell];
  if (h.empty()) return;
  const auto [lo, hi] = h.key_span();
  int more = 0;
  while (h.shift + more < kMaxShift && span_after(lo, hi, more) > resolution_.buckets) ++more;
  coarsen_to(cell, h.shift + more);
}

void CellDistribution::values_at_ranks(const Histogram& h, std::span<const std::int64_t> ranks,
                                       std::span<double> values) const {
  std::int64_t below = 0;
  std::size_t next = 0;
  for_each_value(h, [&](double value, std::uint32_t count) {
    below += count;
    for (; next < ranks.size() && below > ranks[next]; ++next) values[next] = value;
  });
  if (next < ranks.size())
    throw std::out_of_range("CellDistribution: rank " + std::to_string(ranks[next]) + " beyond the sample");
}

CellDistribution::CellDistribution(std::size_t cells, Resolution resolution)
    : hist_(cells), resolution_(resolution) {
  if (!resolution.valid()) throw bad_resolution(resolution);
}

void CellDistribution::add(std::span<const std::int32_t> values) {
  if (values.size() != hist_.size())
    throw std::invalid_argument("CellDistribution::add: " + std::to_string(values.size()) + " values for " +
                                std::to_string(hist_.size()) + " cells");
  add_block(0, values);
  ++n_;
}

void CellDistribution::add_block(std::size_t first, std::span<const std::int32_t> values) {
  if (first > hist_.size() || values.size() > hist_.size() - first)
    throw std::invalid_argument("CellDistribution::add_block: cells " + std::to_string(first) + " .. " +
                                std::to_string(first + values.size()) + " of " +
                                std::to_string(hist_.size()));
  Histogram* h = hist_.data() + first;
  const std::int32_t* v = values.data();
  const std::size_t n = values.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (v[i] == 0) continue;
    if (h[i].shift == 0 && h[i].add_inside(v[i])) [[likely]]
      continue;
    add_slow(first + i, v[i]);
  }
}

void CellDistribution::prepare_concurrent_blocks() {
  if (sums_.empty()) sums_.resize(hist_.size());
}

void CellDistribution::add_slow(std::size_t cell, std::int32_t v) {
  Histogram& h = hist_[cell];
  if (h.shift > 0) {
    Sums& sums = sums_[cell];
    const auto wide = static_cast<std::int64_t>(v);
    sums.sum += wide;
    sums.sum_of_squares += static_cast<UInt128>(static_cast<std::uint64_t>(wide * wide));
  }
  const std::int32_t key = key_of(v, h.shift);
  if (h.shift > 0 && h.add_inside(key)) return;
  h.add_outside(key, 1, resolution_.buckets);
  fit(cell);
}

void CellDistribution::merge(const CellDistribution& other) {
  if (hist_.empty() && n_ == 0) {
    hist_.resize(other.hist_.size());
    resolution_ = other.resolution_;
  }
  if (other.resolution_ != resolution_)
    throw std::invalid_argument("CellDistribution::merge: histograms of " +
                                std::to_string(other.resolution_.buckets) + " buckets into " +
                                std::to_string(resolution_.buckets));
  if (other.hist_.size() != hist_.size())
    throw std::invalid_argument("CellDistribution::merge: " + std::to_string(other.hist_.size()) +
                                " cells into " + std::to_string(hist_.size()));
  for (std::size_t i = 0; i < hist_.size(); ++i) {
    const Histogram& theirs = other.hist_[i];
    if (theirs.empty()) continue;
    const int shift = std::max(hist_[i].shift, theirs.shift);
    coarsen_to(i, shift);
    if (shift > 0) {
      const Sums add = theirs.shift > 0 ? other.sums_[i] : exact_sums(theirs);
      Sums& sums = sums_of(i);
      sums.sum += add.sum;
      sums.sum_of_squares += add.sum_of_squares;
    }
    if (theirs.shift == shift) {
      hist_[i].merge(theirs, resolution_.buckets);
    } else {
      Histogram coarser = theirs;
      coarser.coarsen(shift - theirs.shift);
      hist_[i].merge(coarser, resolution_.buckets);
    }
    fit(i);
  }
  n_ += other.n_;
}

double CellDistribution::quantile(std::size_t cell, double p) const {
  double q = 0;
  quantiles(cell, std::span<const double>(&p, 1), std::span<double>(&q, 1));
  return q;
}

void CellDistribution::quantiles(std::size_t cell, std::span<const double> ps, std::span<double> out) const {
  if (out.size() != ps.size() || ps.size() > kMaxQuantiles)
    throw std::invalid_argument("CellDistribution::quantiles: " + std::to_string(ps.size()) +
                                " probabilities into " + std::to_string(out.size()) + " places (at most " +
                                std::to_string(kMaxQuantiles) + ")");
  if (n_ == 0) {
    std::fill(out.begin(), out.end(), 0.0);
    return;
  }
  const Histogram& h = hist_.at(cell);
  // Each quantile interpolates between the values at its rank and, unless it falls on one, the next.
  std::array<Type7Position, kMaxQuantiles> pos;
  std::array<std::int64_t, 2 * kMaxQuantiles> ranks;
  std::array<double, 2 * kMaxQuantiles> values;
  std::size_t wanted = 0;
  for (std::size_t i = 0; i < ps.size(); ++i) {
    pos[i] = type7_position(n_, ps[i]);
    ranks[wanted++] = pos[i].rank;
    if (pos[i].fraction != 0 && pos[i].rank + 1 < n_) ranks[wanted++] = pos[i].rank + 1;
  }
  const auto first = ranks.begin(), last = ranks.begin() + static_cast<std::ptrdiff_t>(wanted);
  std::sort(first, last);
  wanted = static_cast<std::size_t>(std::unique(first, last) - first);
  values_at_ranks(h, std::span<const std::int64_t>(ranks.data(), wanted),
                  std::span<double>(values.data(), wanted));
  const auto value_of = [&](std::int64_t rank) {
    return values[static_cast<std::size_t>(
        std::lower_bound(first, first + static_cast<std::ptrdiff_t>(wanted), rank) - first)];
  };
  for (std::size_t i = 0; i < ps.size(); ++i) {
    const double x = value_of(pos[i].rank);
    if (pos[i].fraction == 0 || pos[i].rank + 1 >= n_) {
      out[i] = x;
      continue;
    }
    const double y = value_of(pos[i].rank + 1);
    out[i] = x + pos[i].fraction * (y - x);
  }
}

double CellDistribution::mean(std::size_t cell) const {
  if (n_ == 0) return 0;
  const Histogram& h = hist_.at(cell);
  const Int128 sum = h.shift > 0 ? sums_[cell].sum : exact_sums(h).sum;  // zeros add 0
  return static_cast<double>(static_cast<long double>(sum) / static_cast<long double>(n_));
}

CellSummary CellDistribution::summary(std::size_t cell) const {
  CellSummary s;
  s.n = n_;
  if (n_ == 0) return s;
  const Histogram& h = hist_.at(cell);
  const Sums sums = h.shift > 0 ? sums_[cell] : exact_sums(h);  // zeros add nothing
  const Int128 sum = sums.sum;
  const auto sum_sq = static_cast<Int128>(sums.sum_of_squares);
  const Int128 n = n_;
  s.mean = static_cast<double>(static_cast<long double>(sum) / static_cast<long double>(n_));
  if (n_ > 1) {
    // n * sum(x^2) - sum(x)^2 is exact in integers, so there is no cancellation to lose digits to.
    const Int128 numerator = n * sum_sq - sum * sum;
    const long double variance = static_cast<long double>(numerator) /
                                 (static_cast<long double>(n_) * static_cast<long double>(n_ - 1));
    s.sd = static_cast<double>(std::sqrt(variance));
  }
  constexpr std::array<double, 3> kLevels{0.05, 0.50, 0.95};
  std::array<double, 3> q{};
  quantiles(cell, kLevels, q);
  s.p05 = q[0];
  s.p50 = q[1];
  s.p95 = q[2];
  return s;
}

std::size_t CellDistribution::bytes() const {
  std::size_t total = hist_.capacity() * sizeof(Histogram) + sums_.capacity() * sizeof(Sums);
  for (const Histogram& h : hist_)
    total += h.counts.capacity() * sizeof(std::uint32_t) +
             h.sparse.capacity() * sizeof(std::pair<std::int32_t, std::uint32_t>);
  return total;
}

CellDistribution::CellState CellDistribution::state(std::size_t cell) const {
  const Histogram& h = hist_.at(cell);
  CellState s;
  s.shift = h.shift;
  h.for_each([&](std::int64_t key, std::uint32_t count) {
    s.buckets.emplace_back(static_cast<std::int32_t>(key), count);
  });
  if (h.shift > 0) s.sums = sums_[cell];
  return s;
}

CellDistribution CellDistribution::from_states(std::int64_t replications, const std::vector<CellState>& cells,
                                               Resolution resolution) {
  if (replications < 0) throw std::invalid_argument("CellDistribution::from_states: negative replications");
  CellDistribution d(cells.size(), resolution);
  d.n_ = replications;
  for (std::size_t c = 0; c < cells.size(); ++c) {
    const CellState& state = cells[c];
    const std::vector<ValueCount>& pairs = state.buckets;
    const auto refuse = [&](const std::string& expected) {
      return std::invalid_argument("CellDistribution::from_states: cell " + std::to_string(c) +
                                   ": expected " + expected);
    };
    if (state.shift < 0 || state.shift > kMaxShift)
      throw refuse("a shift from 0 to " + std::to_string(kMaxShift) + ", not " + std::to_string(state.shift));
    std::int64_t total = 0;
    // The least and greatest sums the binned values can have.
    Int128 sum_min = 0, sum_max = 0, squares_min = 0, squares_max = 0;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
      if (pairs[i].second == 0 || (i > 0 && pairs[i].first <= pairs[i - 1].first))
        throw refuse("increasing keys with positive counts");
      if (state.shift == 0 && pairs[i].first == 0) throw refuse("no count of zeros (they are the rest)");
      if (pairs[i].first < (kMinValue >> state.shift) || pairs[i].first > (kMaxValue >> state.shift))
        throw refuse("keys of int32 values at shift " + std::to_string(state.shift) + ", not " +
                     std::to_string(pairs[i].first));
      total += pairs[i].second;
      if (state.shift == 0) continue;
      const auto [low, high] = bucket_range(pairs[i].first, state.shift);
      const Int128 count = pairs[i].second;
      sum_min += count * low;
      sum_max += count * high;
      const Int128 low_sq = static_cast<Int128>(low) * low, high_sq = static_cast<Int128>(high) * high;
      // A bucket holding both signs cannot (bucket -1 ends at -1, bucket 0 begins at 1).
      squares_min += count * std::min(low_sq, high_sq);
      squares_max += count * std::max(low_sq, high_sq);
    }
    if (total > replications)
      throw refuse("counts adding up to at most the " + std::to_string(replications) + " replications, not " +
                   std::to_string(total));
    if (!pairs.empty()) {
      const std::int64_t span = std::int64_t{pairs.back().first} - pairs.front().first + 1;
      if (span > resolution.buckets)
        throw refuse("keys spanning at most " + std::to_string(resolution.buckets) + " buckets, not " +
                     std::to_string(span));
      // One shift finer the keys would have spanned 2 (span - 1) to 2 span; binning is never coarser than
      // needed.
      if (state.shift > 0 && 2 * span <= resolution.buckets)
        throw refuse("no coarser a shift than its keys need");
    } else if (state.shift > 0) {
      throw refuse("shift 0 for a cell of zeros");
    }
    const auto squares = static_cast<Int128>(state.sums.sum_of_squares);
    if (state.shift == 0 && state.sums != Sums{}) throw refuse("no sums for a cell that is not binned");
    if (state.shift > 0 && (state.sums.sum < sum_min || state.sums.sum > sum_max || squares < squares_min ||
                            squares > squares_max))
      throw refuse("sums of its values that its buckets allow");
    Histogram& h = d.hist_[c];
    h.shift = state.shift;
    if (state.shift > 0) d.sums_of(c) = state.sums;
    h.sparse =
        pairs;  // the sparse form holds any valid state; it turns dense when that is smaller, as add() would
    if (!h.sparse.empty()) h.to_dense_if_smaller();
  }
  return d;
}

}  // namespace forlob
