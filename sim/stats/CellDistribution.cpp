#include "stats/CellDistribution.hpp"

#include <algorithm>
#include <bit>
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

// The bucket of a magnitude m >= 2^exact_bits: octave e = floor(log2 m) from exact_bits on, then
// the bucket_bits bits of m below its leading one.
std::int64_t bucket_of_magnitude(std::int64_t m, CellDistribution::Resolution r) {
  const int e = static_cast<int>(std::bit_width(static_cast<std::uint64_t>(m))) - 1;
  const std::int64_t per_octave = std::int64_t{1} << r.bucket_bits;
  const std::int64_t mantissa = m >> (e - r.bucket_bits);  // per_octave .. 2 per_octave - 1
  return (std::int64_t{1} << r.exact_bits) + (e - r.exact_bits) * per_octave + (mantissa - per_octave);
}

// The values of bucket magnitude b >= 2^exact_bits: [low, low + width - 1].
std::pair<std::int64_t, std::int64_t> magnitude_range(std::int64_t b, CellDistribution::Resolution r) {
  const std::int64_t per_octave = std::int64_t{1} << r.bucket_bits;
  const std::int64_t k = b - (std::int64_t{1} << r.exact_bits);
  const std::int64_t e = r.exact_bits + k / per_octave;
  const std::int64_t width = std::int64_t{1} << (e - r.bucket_bits);
  const std::int64_t low = (per_octave + k % per_octave) * width;
  return {low, low + width - 1};
}

CellDistribution::Resolution& default_resolution_storage() {
  static CellDistribution::Resolution resolution;
  return resolution;
}

}  // namespace

CellDistribution::Resolution CellDistribution::default_resolution() { return default_resolution_storage(); }

void CellDistribution::set_default_resolution(Resolution resolution) {
  if (!resolution.valid())
    throw std::invalid_argument("CellDistribution: resolution " + std::to_string(resolution.exact_bits) +
                                "/" + std::to_string(resolution.bucket_bits) + " is not one");
  default_resolution_storage() = resolution;
}

std::pair<std::int64_t, std::int64_t> CellDistribution::bucket_range(std::int32_t bucket) const {
  const std::int64_t b = bucket;
  if (is_exact(bucket)) return {b, b};
  if (b > bucket_of(std::numeric_limits<std::int32_t>::max()) ||
      b < bucket_of(std::numeric_limits<std::int32_t>::min()))
    throw std::out_of_range("CellDistribution: " + std::to_string(b) + " is no bucket");
  // The buckets of the ends reach beyond int32 (that of INT32_MIN holds only INT32_MIN).
  if (b > 0) {
    const auto [low, high] = magnitude_range(b, resolution_);
    return {low, std::min(high, kMaxValue)};
  }
  const auto [low, high] = magnitude_range(-b, resolution_);
  return {std::max(-high, kMinValue), -low};
}

std::int32_t CellDistribution::bucket_of(std::int32_t value) const {
  if (is_exact(value)) return value;
  const std::int64_t v = value;
  const std::int64_t b = bucket_of_magnitude(v < 0 ? -v : v, resolution_);
  return static_cast<std::int32_t>(v < 0 ? -b : b);
}

std::int64_t CellDistribution::bucket_low(std::int32_t bucket) const { return bucket_range(bucket).first; }

std::int64_t CellDistribution::bucket_high(std::int32_t bucket) const { return bucket_range(bucket).second; }

double CellDistribution::bucket_value(std::int32_t bucket) const {
  if (is_exact(bucket)) return bucket;
  const auto [low, high] = bucket_range(bucket);
  return static_cast<double>(low) + 0.5 * static_cast<double>(high - low);
}

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

std::int32_t CellDistribution::bucket_at_rank(const Histogram& h, std::int64_t rank) const {
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

CellDistribution::CellDistribution(std::size_t cells, Resolution resolution)
    : hist_(cells), resolution_(resolution), exact_limit_(std::int32_t{1} << resolution.exact_bits) {
  if (!resolution.valid())
    throw std::invalid_argument("CellDistribution: resolution " + std::to_string(resolution.exact_bits) +
                                "/" + std::to_string(resolution.bucket_bits) + " is not one");
}

void CellDistribution::add(std::span<const std::int32_t> values) {
  if (values.size() != hist_.size())
    throw std::invalid_argument("CellDistribution::add: " + std::to_string(values.size()) + " values for " +
                                std::to_string(hist_.size()) + " cells");
  Histogram* h = hist_.data();
  const std::int32_t* v = values.data();
  const std::size_t n = values.size();
  const std::int32_t limit = exact_limit_;
  for (std::size_t i = 0; i < n; ++i) {
    if (v[i] == 0) continue;
    if (v[i] > -limit && v[i] < limit) [[likely]]
      h[i].add(v[i]);
    else
      add_beyond(i, v[i]);
  }
  ++n_;
}

void CellDistribution::add_beyond(std::size_t cell, std::int32_t v) {
  if (beyond_.empty()) beyond_.resize(hist_.size());
  const auto wide = static_cast<std::int64_t>(v);
  beyond_[cell].sum += wide;
  beyond_[cell].sum_of_squares += static_cast<UInt128>(static_cast<std::uint64_t>(wide * wide));
  hist_[cell].add(bucket_of(v));
}

void CellDistribution::merge(const CellDistribution& other) {
  if (hist_.empty() && n_ == 0) {
    hist_.resize(other.hist_.size());
    resolution_ = other.resolution_;
    exact_limit_ = other.exact_limit_;
  }
  if (other.resolution_ != resolution_)
    throw std::invalid_argument(
        "CellDistribution::merge: histograms of resolution " + std::to_string(other.resolution_.exact_bits) +
        "/" + std::to_string(other.resolution_.bucket_bits) + " into " +
        std::to_string(resolution_.exact_bits) + "/" + std::to_string(resolution_.bucket_bits));
  if (other.hist_.size() != hist_.size())
    throw std::invalid_argument("CellDistribution::merge: " + std::to_string(other.hist_.size()) +
                                " cells into " + std::to_string(hist_.size()));
  for (std::size_t i = 0; i < hist_.size(); ++i) hist_[i].merge(other.hist_[i]);
  if (!other.beyond_.empty()) {
    if (beyond_.empty()) beyond_.resize(hist_.size());
    for (std::size_t i = 0; i < hist_.size(); ++i) {
      beyond_[i].sum += other.beyond_[i].sum;
      beyond_[i].sum_of_squares += other.beyond_[i].sum_of_squares;
    }
  }
  n_ += other.n_;
}

double CellDistribution::quantile(std::size_t cell, double p) const {
  if (n_ == 0) return 0;
  const Histogram& h = hist_.at(cell);
  const Type7Position pos = type7_position(n_, p);
  const double x = bucket_value(bucket_at_rank(h, pos.rank));
  if (pos.fraction == 0 || pos.rank + 1 >= n_) return x;
  const double y = bucket_value(bucket_at_rank(h, pos.rank + 1));
  return x + pos.fraction * (y - x);
}

double CellDistribution::mean(std::size_t cell) const {
  if (n_ == 0) return 0;
  const Histogram& h = hist_.at(cell);
  Int128 sum = beyond_sums(cell).sum;
  h.for_each([&](std::int64_t value, std::uint32_t count) {
    if (value > -exact_limit_ && value < exact_limit_) sum += static_cast<Int128>(count) * value;
  });  // zeros add 0
  return static_cast<double>(static_cast<long double>(sum) / static_cast<long double>(n_));
}

CellSummary CellDistribution::summary(std::size_t cell) const {
  CellSummary s;
  s.n = n_;
  if (n_ == 0) return s;
  const Histogram& h = hist_.at(cell);
  const BeyondSums beyond = beyond_sums(cell);
  Int128 sum = beyond.sum;
  Int128 sum_sq = static_cast<Int128>(beyond.sum_of_squares);
  h.for_each([&](std::int64_t value, std::uint32_t count) {       // zeros add nothing
    if (value <= -exact_limit_ || value >= exact_limit_) return;  // a bucket: in `beyond` already
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
  std::size_t total = hist_.capacity() * sizeof(Histogram) + beyond_.capacity() * sizeof(BeyondSums);
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

CellDistribution::BeyondSums CellDistribution::beyond_sums(std::size_t cell) const {
  if (cell >= hist_.size()) throw std::out_of_range("CellDistribution: no cell " + std::to_string(cell));
  return beyond_.empty() ? BeyondSums{} : beyond_[cell];
}

CellDistribution CellDistribution::from_counts(std::int64_t replications,
                                               const std::vector<std::vector<ValueCount>>& cells,
                                               const std::vector<BeyondSums>& beyond, Resolution resolution) {
  if (replications < 0) throw std::invalid_argument("CellDistribution::from_counts: negative replications");
  if (!beyond.empty() && beyond.size() != cells.size())
    throw std::invalid_argument("CellDistribution::from_counts: " + std::to_string(beyond.size()) +
                                " sums for " + std::to_string(cells.size()) + " cells");
  CellDistribution d(cells.size(), resolution);
  const std::int64_t top = d.bucket_of(std::numeric_limits<std::int32_t>::max());
  const std::int64_t bottom = d.bucket_of(std::numeric_limits<std::int32_t>::min());
  d.n_ = replications;
  for (std::size_t c = 0; c < cells.size(); ++c) {
    const std::vector<ValueCount>& pairs = cells[c];
    const auto refuse = [&](const std::string& expected) {
      return std::invalid_argument("CellDistribution::from_counts: cell " + std::to_string(c) +
                                   ": expected " + expected);
    };
    std::int64_t total = 0;
    // The least and greatest sums the bucketed values can have.
    Int128 sum_min = 0, sum_max = 0, squares_min = 0, squares_max = 0;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
      if (pairs[i].second == 0 || (i > 0 && pairs[i].first <= pairs[i - 1].first))
        throw refuse("increasing buckets with positive counts");
      total += pairs[i].second;
      if (d.is_exact(pairs[i].first)) continue;
      if (pairs[i].first > top || pairs[i].first < bottom)
        throw refuse("buckets, not " + std::to_string(pairs[i].first));
      const auto [low, high] = d.bucket_range(pairs[i].first);
      const Int128 count = pairs[i].second;
      sum_min += count * low;
      sum_max += count * high;
      const Int128 low_sq = static_cast<Int128>(low) * low, high_sq = static_cast<Int128>(high) * high;
      squares_min += count * std::min(low_sq, high_sq);
      squares_max += count * std::max(low_sq, high_sq);
    }
    const BeyondSums sums = beyond.empty() ? BeyondSums{} : beyond[c];
    const auto squares = static_cast<Int128>(sums.sum_of_squares);
    if (sums.sum < sum_min || sums.sum > sum_max || squares < squares_min || squares > squares_max)
      throw refuse("sums of the values beyond the exact range that its buckets allow");
    if (total != replications)
      throw std::invalid_argument("CellDistribution::from_counts: cell " + std::to_string(c) + " counts " +
                                  std::to_string(total) + " replications, expected " +
                                  std::to_string(replications));
    // The sparse form holds any valid state (zeros are not stored); it turns dense when that is
    // smaller, as add() would.
    Histogram& h = d.hist_[c];
    if (sums != BeyondSums{}) {
      if (d.beyond_.empty()) d.beyond_.resize(cells.size());
      d.beyond_[c] = sums;
    }
    for (const ValueCount& p : pairs)
      if (p.first != 0) h.sparse.push_back(p);
    if (!h.sparse.empty()) h.to_dense_if_smaller();
  }
  return d;
}

}  // namespace forlob
