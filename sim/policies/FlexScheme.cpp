#include "policies/FlexScheme.hpp"

#include <algorithm>

namespace forlob {

FlexScheme::FlexScheme(const Scenario& scenario, const FlexSpec& spec) : scenario_(scenario), spec_(spec) {
  if (spec.caps.empty()) return;
  first_cap_year_ = spec.caps.begin()->first;
  const auto years = static_cast<std::size_t>(spec.caps.rbegin()->first - first_cap_year_ + 1);
  caps_.resize(years);
  used_.assign(years, {0, 0, 0});
  for (const auto& [year, caps] : spec.caps) caps_[static_cast<std::size_t>(year - first_cap_year_)] = caps;
}

const std::array<int, kRegionCount>* FlexScheme::cap_of(int year) const {
  const auto y = static_cast<std::size_t>(year - first_cap_year_);
  if (year < first_cap_year_ || y >= caps_.size() || !caps_[y]) return nullptr;
  return &*caps_[y];
}

void FlexScheme::begin_replication() {
  std::fill(used_.begin(), used_.end(), std::array<int, kRegionCount>{0, 0, 0});
}

int FlexScheme::first_active_year() const { return spec_.caps.empty() ? kNever : spec_.caps.begin()->first; }

int FlexScheme::first_year_unlike(const Policy& other) const {
  const FlexSpec& theirs = static_cast<const FlexScheme&>(other).spec_;
  FlexSpec mine_uncapped = spec_, theirs_uncapped = theirs;
  mine_uncapped.caps.clear();
  theirs_uncapped.caps.clear();
  if (!(mine_uncapped == theirs_uncapped))  // another rule in every year either scheme is on
    return std::min(first_active_year(), other.first_active_year());
  // The same rules: the first year with a cap in one scheme only, or another cap.
  auto a = spec_.caps.begin(), b = theirs.caps.begin();
  for (; a != spec_.caps.end() && b != theirs.caps.end(); ++a, ++b)
    if (a->first != b->first || a->second != b->second) return std::min(a->first, b->first);
  if (a != spec_.caps.end()) return a->first;
  if (b != theirs.caps.end()) return b->first;
  return kNever;
}

void FlexScheme::adopt_state(const Policy& leader) {
  // The leader's conversions in the years both schemes cap (before the fork they are the same).
  const auto& theirs = static_cast<const FlexScheme&>(leader);
  for (std::size_t y = 0; y < used_.size(); ++y) {
    const int year = first_cap_year_ + static_cast<int>(y);
    used_[y] =
        caps_[y] && theirs.cap_of(year) ? theirs.used_in(year) : std::array<int, kRegionCount>{0, 0, 0};
  }
}

bool FlexScheme::on_unfilled(const Posting& p, PolicyContext& ctx) {
  // Extraordinary courses sit outside the dimensioning; a flex course is not converted again, even
  // after it was carried over.
  if (p.kind == PostingKind::Extraordinary || p.converted) return false;
  if (!spec_.donor[static_cast<std::size_t>(p.specialty)]) return false;
  const int year = year_of(p.month);
  const std::array<int, kRegionCount>* cap = cap_of(year);
  if (cap == nullptr) return false;  // scheme off this year (R7 from 2026 in the trial)
  int& used = used_in(year)[static_cast<std::size_t>(index(p.region))];
  if (used >= (*cap)[static_cast<std::size_t>(index(p.region))]) return false;  // R1
  if (spec_.take_up < 1) {
    KeyedStream take_up = ctx.stream(Purpose::FlexTakeUp, p.course, static_cast<std::uint64_t>(p.attempt));
    if (uniform01(take_up) >= spec_.take_up) return false;
  }
  const int target = choose_target(p, ctx);
  if (target < 0) return false;

  ++used;
  ctx.count(year, p.region, p.specialty, Metric::FlexOut);
  ctx.count(year, p.region, target, Metric::FlexIn);

  Posting flex = p;
  flex.kind = PostingKind::Flex;
  flex.converted = true;
  flex.specialty = target;
  flex.reposts = 0;
  // R3: conversions happen within the round (posted at the next re-posting date) or between rounds.
  KeyedStream timing = ctx.stream(Purpose::FlexTiming, p.course, static_cast<std::uint64_t>(p.attempt));
  Month when = ctx.repost_month(p.month);
  if (uniform01(timing) >= spec_.within_round_share) {
    int round = p.round;
    when = ctx.next_round(p.month, false, round);
    flex.round = static_cast<std::int16_t>(round);
  }
  if (!ctx.schedule(next_attempt(flex, when), when))
    ctx.count(year, p.region, p.specialty, Metric::PendingAtEnd);
  return true;
}

void FlexScheme::order_unfilled(std::vector<Posting>& unfilled, PolicyContext& ctx) const {
  // The order matters only where a cap can be used: not in a year the scheme is off.
  if (spec_.conversion_order == FlexSpec::Order::Listed || unfilled.empty() ||
      cap_of(year_of(unfilled.front().month)) == nullptr)
    return;
  // (donor rank, keyed uniform) per course, packed in one integer: the rank above the uniform's 53
  // bits (the order of uniform01's values), so one integer comparison orders by rank, then by the
  // uniform. The rank is 0 for every course under Order::Random.
  std::vector<std::pair<std::uint64_t, std::size_t>>& keyed = keyed_;
  keyed.clear();
  for (std::size_t i = 0; i < unfilled.size(); ++i) {
    const Posting& p = unfilled[i];
    std::uint64_t rank = 0;
    if (spec_.conversion_order == FlexSpec::Order::Priority) {
      const auto it = std::find(spec_.donor_priority.begin(), spec_.donor_priority.end(), p.specialty);
      rank = static_cast<std::uint64_t>(it - spec_.donor_priority.begin());  // unlisted: after the list
    }
    KeyedStream u = ctx.stream(Purpose::FlexOrder, p.course, static_cast<std::uint64_t>(p.attempt));
    keyed.emplace_back((rank << 53U) | (u() >> 11U), i);  // u() >> 11 is uniform01's numerator
  }
  std::sort(keyed.begin(), keyed.end());
  ordered_.clear();
  for (const auto& k : keyed) ordered_.push_back(unfilled[k.second]);
  unfilled.swap(ordered_);
}

int FlexScheme::choose_target(const Posting& p, PolicyContext& ctx) const {
  const auto r = static_cast<std::size_t>(index(p.region));
  if (spec_.target.kind == FlexTargetRule::Kind::Priority) {
    for (int s : spec_.target.priority[r])
      if (s != p.specialty) return s;
    return -1;
  }
  if (spec_.target.kind == FlexTargetRule::Kind::Waiting) {
    // Where applicants wait (among the specialties the region steers towards, R6); ties go to the
    // earlier specialty in the list, and the weights decide when nobody waits.
    const std::vector<double>& w = spec_.target.weights[r];
    int best = -1, most = 0;
    for (std::size_t s = 0; s < w.size(); ++s) {
      if (static_cast<int>(s) == p.specialty || w[s] <= 0) continue;
      const int waiting = ctx.fill().waiting(static_cast<int>(s), p.region);
      if (waiting > most) {
        most = waiting;
        best = static_cast<int>(s);
      }
    }
    if (best >= 0) return best;
  }
  return weighted_target(p, ctx);
}

int FlexScheme::weighted_target(const Posting& p, PolicyContext& ctx) const {
  const auto r = static_cast<std::size_t>(index(p.region));
  // Weights: a categorical draw over the other specialties (R6: regions steer towards need).
  const std::vector<double>& w = spec_.target.weights[r];
  double total = 0;
  for (std::size_t s = 0; s < w.size(); ++s)
    if (static_cast<int>(s) != p.specialty) total += w[s];
  if (total <= 0) return -1;
  KeyedStream pick = ctx.stream(Purpose::FlexTarget, p.course, static_cast<std::uint64_t>(p.attempt));
  double u = uniform01(pick) * total;
  int last = -1;
  for (std::size_t s = 0; s < w.size(); ++s) {
    if (static_cast<int>(s) == p.specialty || w[s] <= 0) continue;
    last = static_cast<int>(s);
    if (u < w[s]) return last;
    u -= w[s];
  }
  return last;  // rounding at the top end
}

}  // namespace forlob
