#include "fill/ApplicantPool.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

#include <boost/random/normal_distribution.hpp>
#include <boost/random/poisson_distribution.hpp>

#include "model/Tally.hpp"

namespace forlob {

namespace {

// exp(sd z - sd^2 / 2) with z standard normal: a factor of mean 1.
double lognormal_factor(double sd, KeyedStream& stream) {
  if (sd <= 0) return 1;
  boost::random::normal_distribution<double> normal(0.0, 1.0);
  return std::exp(sd * normal(stream) - 0.5 * sd * sd);
}

int poisson(double mean, KeyedStream& stream) {
  if (!(mean > 0)) return 0;
  boost::random::poisson_distribution<int, double> draw(mean);
  return draw(stream);
}

// with_small relies on StreamKey::with(i) being with_hash of this mix of i.
constexpr std::uint64_t small_part_hash(std::uint64_t i) { return mix64(i + 0x9e3779b97f4a7c15ULL); }
static_assert(StreamKey(7).with(41).value() == StreamKey(7).with_hash(small_part_hash(41)).value());

// The serving order of (serving key, batch index) pairs: std::pair's order, spelled out.
bool serving_before(const std::pair<std::uint64_t, std::size_t>& a,
                    const std::pair<std::uint64_t, std::size_t>& b) {
  return a.first < b.first || (a.first == b.first && a.second < b.second);
}

std::size_t index_of(std::uint32_t i) { return i; }
std::size_t index_of(const std::pair<std::uint64_t, std::size_t>& ranked) { return ranked.second; }

}  // namespace

ApplicantPool::ApplicantPool(const Scenario& scenario)
    : scenario_(scenario),
      spec_(*scenario.applicants),
      first_year_(scenario.calendar.warmup_start_year),
      queues_(static_cast<std::size_t>(scenario.specialty_count()) * kRegionCount),
      mobile_(static_cast<std::size_t>(scenario.specialty_count()) * kRegionCount),
      arrivals_(static_cast<std::size_t>(scenario.specialty_count())),
      rows_(static_cast<std::size_t>(scenario.specialty_count()) * kRegionCount),
      cell_postings_(static_cast<std::size_t>(scenario.specialty_count()) * kRegionCount) {
  for (const SpecialtySpec& s : scenario.specialties) specialty_keys_.push_back(hash_name(s.id));
  // Attractiveness classes: 0 for the most attractive kind of posting, equal values share a class.
  std::vector<double> levels;
  for (int k = 0; k < kPostingKindCount; ++k)
    for (bool repost : {false, true}) levels.push_back(spec_.attractiveness_of(k, repost));
  std::vector<double> distinct = levels;
  std::sort(distinct.begin(), distinct.end(), std::greater<>());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  for (double level : levels) {
    const auto cls =
        static_cast<std::uint64_t>(std::find(distinct.begin(), distinct.end(), level) - distinct.begin());
    serving_class_.push_back(spec_.serving_order == ServingOrder::Attractiveness ? cls << 52U : 0);
  }
  const auto years = static_cast<std::size_t>(scenario.calendar.end_year - first_year_ + 1);
  level_.assign(static_cast<std::size_t>(scenario.specialty_count()) * years, 0);
  // The trend factor of each year, the same in every replication (computed once, not per draw).
  for (std::size_t y = 0; y < years; ++y)
    trend_.push_back(std::pow(1 + spec_.trend, first_year_ + static_cast<int>(y) - spec_.trend_base_year));
  // An applicant waits at most through every round of the run (its leave draws are keyed by that).
  hash_parts_up_to(years * scenario.calendar.rounds.size() + 1);
}

void ApplicantPool::begin_replication(StreamKey replication, Tally& tally) {
  key_ = replication;
  serving_key_ = replication.with(Purpose::Serving);
  new_key_ = replication.with(Purpose::ApplicantNew);
  tally_ = &tally;
  for (auto& q : queues_) q.clear();
  std::fill(mobile_.begin(), mobile_.end(), 0);
  std::fill(arrivals_.begin(), arrivals_.end(), 0);
  const int years = scenario_.calendar.end_year - first_year_ + 1;
  for (int s = 0; s < scenario_.specialty_count(); ++s) {
    const std::uint64_t sk = specialty_keys_[static_cast<std::size_t>(s)];
    KeyedStream level_stream(replication.with(Purpose::ApplicantLevel).with(sk));
    const double level =
        spec_.level[static_cast<std::size_t>(s)] * lognormal_factor(spec_.level_sd, level_stream);
    for (int y = 0; y < years; ++y) {
      KeyedStream year_stream(replication.with(Purpose::ApplicantYear)
                                  .with(sk)
                                  .with(static_cast<std::uint64_t>(first_year_ + y)));
      level_[static_cast<std::size_t>(s) * static_cast<std::size_t>(years) + static_cast<std::size_t>(y)] =
          level * trend_[static_cast<std::size_t>(y)] * lognormal_factor(spec_.year_sd, year_stream);
    }
  }
}

// The pools, the replication's levels and the year; the batch state is not needed between months.
void ApplicantPool::adopt_state(const FillMechanism& leader, Tally& tally) {
  const auto& from = static_cast<const ApplicantPool&>(leader);
  key_ = from.key_;
  serving_key_ = from.serving_key_;
  new_key_ = from.new_key_;
  tally_ = &tally;
  level_ = from.level_;
  queues_ = from.queues_;
  mobile_ = from.mobile_;
  arrivals_ = from.arrivals_;
  year_ = from.year_;
  hash_parts_up_to(from.part_hash_.size());  // the applicants taken over may have larger indices
}

double ApplicantPool::expected_arrivals(int specialty, Region r, int year) const {
  const int years = scenario_.calendar.end_year - first_year_ + 1;
  const auto s = static_cast<std::size_t>(specialty);
  const auto ri = static_cast<std::size_t>(index(r));
  return level_[s * static_cast<std::size_t>(years) + static_cast<std::size_t>(year - first_year_)] *
         spec_.home[s][ri] * scenario_.fill.scale_of(specialty, index(r));
}

void ApplicantPool::open_round(int year, int round) {
  const RoundSpec& spec = scenario_.calendar.rounds[static_cast<std::size_t>(round)];
  for (int s = 0; s < scenario_.specialty_count(); ++s) {
    const std::uint64_t sk = specialty_keys_[static_cast<std::size_t>(s)];
    for (Region r : kRegions) {
      // Those who waited through a round may have gone elsewhere (another specialty, abroad).
      Queue& q = queue(s, index(r));
      if (spec_.leave_per_round > 0) draw_queue(s, index(r));  // a leave draw starts from their own key
      q.retain([&](Applicant& a) {
        if (spec_.leave_per_round > 0) {
          KeyedStream leave(with_small(a.key.with(Purpose::ApplicantLeave), a.rounds_waited));
          if (uniform01(leave) < spec_.leave_per_round) {
            tally_->add(year, a.home, s, Metric::ApplicantsLeft);
            if (a.mobile) --mobile(s, index(r));
            return false;
          }
        }
        ++a.rounds_waited;
        return true;
      });
      const StreamKey arrivals = key_.with(Purpose::ApplicantArrivals)
                                     .with(sk)
                                     .with(static_cast<std::uint64_t>(index(r)))
                                     .with(static_cast<std::uint64_t>(year))
                                     .with(static_cast<std::uint64_t>(round));
      KeyedStream count_stream(arrivals);
      const int n = poisson(expected_arrivals(s, r, year) * spec.share, count_stream);
      tally_->add(year, r, s, Metric::Applicants, n);
      const StreamKey applicants = arrivals.with(Purpose::Applicant);
      hash_parts_up_to(static_cast<std::size_t>(n));
      std::uint32_t arrival = arrivals_[static_cast<std::size_t>(s)];
      for (int i = 0; i < n; ++i)
        q.push_back(Applicant{applicants, arrival++, static_cast<std::uint32_t>(i), 0, false, false, r});
      arrivals_[static_cast<std::size_t>(s)] = arrival;
    }
  }
}

void ApplicantPool::Queue::push_front(const Applicant& a) {
  if (head_ > 0)
    items_[--head_] = a;
  else
    items_.insert(items_.begin(), a);
  drawn_end_ = head_;  // (a is drawn; the rest is checked one by one)
}

ApplicantPool::Applicant ApplicantPool::Queue::pop_front() {
  const Applicant a = items_[head_++];
  if (empty()) clear();
  return a;
}

void ApplicantPool::Queue::erase(Applicant* it) {
  if (it - begin() <= end() - it - 1) {
    std::copy_backward(begin(), it, it + 1);
    ++head_;
  } else {
    std::copy(it + 1, end(), it);
    items_.pop_back();
    if (drawn_end_ > static_cast<std::size_t>(it - items_.data())) --drawn_end_;
  }
  if (empty()) clear();
}

void ApplicantPool::hash_parts_up_to(std::size_t n) {
  while (part_hash_.size() < n) part_hash_.push_back(small_part_hash(part_hash_.size()));
}

template <class Indices>
void ApplicantPool::take_front(int s, int r, const Indices& taken, std::size_t n) {
  Queue& q = queue(s, r);
  const Applicant* a = q.begin();
  Source* source = source_.data();
  Applicant* applicant = applicant_.data();
  int mobiles = 0;
  auto it = taken.begin();
  for (std::size_t k = 0; k < n; ++k, ++it, ++a) {
    const std::size_t i = index_of(*it);
    source[i] = Source::Pool;
    applicant[i] = *a;
    mobiles += a->mobile ? 1 : 0;
  }
  q.drop_front(n);
  mobile(s, r) -= mobiles;
}

void ApplicantPool::draw(Applicant& a) const {
  // StreamKey(raw key), as every draw of the applicant starts from it
  a.key = StreamKey(with_small(a.key, a.index).value());
  KeyedStream own(a.key);
  a.mobile = uniform01(own) < spec_.mobility;
  a.drawn = true;
}

void ApplicantPool::draw_queue(int s, int r) {
  Queue& q = queue(s, r);
  int mobiles = 0;
  for (Applicant* a = q.undrawn(); a != q.end(); ++a)
    if (!a->drawn) {
      draw(*a);
      mobiles += a->mobile ? 1 : 0;
    }
  q.all_drawn();
  mobile(s, r) += mobiles;
}

bool ApplicantPool::take_own(int s, Region r, Applicant& out) {
  Queue& own = queue(s, index(r));
  if (own.empty()) return false;
  out = own.pop_front();
  if (out.mobile) --mobile(s, index(r));
  return true;
}

// The longest-waiting mobile applicant of another region (earliest arrival; region order on ties).
bool ApplicantPool::take_mobile(int s, Region r, Applicant& out) {
  Queue* from = nullptr;
  Applicant* best = nullptr;
  int from_region = 0;
  for (Region other : kRegions) {
    if (other == r) continue;
    draw_queue(s, index(other));
    if (mobile(s, index(other)) == 0) continue;
    Queue& q = queue(s, index(other));
    Applicant* it = std::find_if(q.begin(), q.end(), [](const Applicant& a) { return a.mobile; });
    if (!from || it->arrival < best->arrival) {
      from = &q;
      best = it;
      from_region = index(other);
    }
  }
  if (!from) return false;
  out = *best;
  from->erase(best);
  --mobile(s, from_region);
  return true;
}

bool ApplicantPool::take_from_pool(int s, Region r, Applicant& out) {
  return take_own(s, r, out) || take_mobile(s, r, out);
}

void ApplicantPool::serve(const FillBatch& batch, std::span<const Posting> postings) {
  year_ = batch.year;
  if (batch.opens_round()) open_round(batch.year, batch.round);
  batch_ = postings;
  for (int s = 0; s < scenario_.specialty_count(); ++s)
    for (Region r : kRegions) rows_[cell(s, index(r))] = tally_->row(year_, r, s);
  source_.assign(postings.size(), Source::None);
  if (applicant_.size() < postings.size()) applicant_.resize(postings.size());
  // Extraordinary postings first draw whether they bring in a new applicant; the rest wait for
  // the pool, by specialty and region in batch order.
  for (auto& c : cell_postings_) c.clear();
  for (std::size_t i = 0; i < postings.size(); ++i) {
    const Posting& p = postings[i];
    if (p.kind == PostingKind::Extraordinary && spec_.extraordinary_new > 0) {
      KeyedStream fresh(new_key_.with_hash(p.draw_entity()));
      if (uniform01(fresh) < spec_.extraordinary_new) {
        source_[i] = Source::New;
        continue;
      }
    }
    cell_postings_[cell(p.specialty, index(p.region))].push_back(static_cast<std::uint32_t>(i));
  }
  for (int s = 0; s < scenario_.specialty_count(); ++s) {
    // Own applicants first: where a region's queue is shorter than its postings, the postings
    // first in the serving order take them.
    leftover_.clear();
    leftover_keyed_ = true;
    for (Region r : kRegions) {
      const std::vector<std::uint32_t>& waiting = cell_postings_[cell(s, index(r))];
      const std::size_t queued = queue(s, index(r)).size();
      if (queued >= waiting.size()) {
        take_front(s, index(r), waiting, waiting.size());
        continue;
      }
      if (queued == 0) {
        // Their order matters only if mobile applicants wait elsewhere: keyed when needed.
        for (std::uint32_t i : waiting) leftover_.push_back({kUnkeyed, i});
        leftover_keyed_ = false;
        continue;
      }
      ranked_.clear();
      for (std::uint32_t i : waiting) ranked_.push_back({serving_key(postings[i]), i});
      const auto cut = ranked_.begin() + static_cast<std::ptrdiff_t>(queued);
      std::nth_element(ranked_.begin(), cut, ranked_.end(), serving_before);
      take_front(s, index(r), ranked_, queued);
      leftover_.insert(leftover_.end(), cut, ranked_.end());
    }
    serve_mobile(s, postings);
  }
}

// Mobile applicants from elsewhere, for the postings of specialty s still open, in serving order.
void ApplicantPool::serve_mobile(int s, std::span<const Posting> postings) {
  if (leftover_.empty()) return;
  int mobile_left = 0;
  for (Region r : kRegions) {
    draw_queue(s, index(r));
    mobile_left += mobile(s, index(r));
  }
  if (mobile_left == 0) return;
  if (!leftover_keyed_)
    for (auto& [key, i] : leftover_)
      if (key == kUnkeyed) key = serving_key(postings[i]);
  std::sort(leftover_.begin(), leftover_.end(), serving_before);
  for (const auto& [key, i] : leftover_) {
    if (take_mobile(s, postings[i].region, applicant_[i])) {
      source_[i] = Source::Pool;
      if (--mobile_left == 0) break;
    }
  }
}

// A posting the pool could not fill at the round's opening finds nobody at its re-postings (no one
// arrives between rounds and the round left no applicant it could take), except an extraordinary
// course, which draws afresh for a new applicant at each re-posting (R5) within the horizon.
int ApplicantPool::natural_fill(std::size_t i) const {
  if (proposed(i)) return 0;
  Posting q = batch_[i];
  if (q.kind != PostingKind::Extraordinary || spec_.extraordinary_new <= 0) return -1;
  const UnfilledSpec& rules = scenario_.unfilled;
  const Month last_month = month_of(scenario_.calendar.end_year, 12);
  while (q.reposts < rules.max_reposts) {
    const Month when = q.month + rules.repost_delay_months;
    if (when > last_month) return -1;
    q.reposts += 1;
    q = next_attempt(q, when);
    KeyedStream fresh(new_key_.with_hash(q.draw_entity()));
    if (uniform01(fresh) < spec_.extraordinary_new) return q.reposts;
  }
  return -1;
}

inline void ApplicantPool::count_placed(int year, const Posting& p, Source source, Region applicant_home) {
  const Region home = source == Source::New ? p.region : applicant_home;
  if (std::int32_t* counts = rows_[cell(p.specialty, index(home))]) {
    if (source == Source::New) counts[index(Metric::Applicants)] += 1;
    counts[index(Metric::ApplicantsPlaced)] += 1;
  }
  if (p.kind == PostingKind::Extraordinary)
    tally_->add(year, p.region, p.specialty,
                source == Source::New ? Metric::ExtraordinaryFilledNew : Metric::ExtraordinaryFilledPool);
}

void ApplicantPool::settle(std::size_t i, bool filled) {
  const Source source = source_[i];
  if (filled != (source != Source::None))
    settle_overridden(i, filled);
  else if (filled)  // the proposal stands
    count_placed(year_, batch_[i], source, applicant_[i].home);
}

void ApplicantPool::settle_overridden(std::size_t i, bool filled) {
  const Posting& p = batch_[i];
  Source source = source_[i];
  Applicant& a = applicant_[i];
  if (filled) {
    // An observed round fills a course the pool could not: someone took it, from the pool if
    // anyone waits, else a doctor the model did not foresee (counted as a new applicant).
    source = take_from_pool(p.specialty, p.region, a) ? Source::Pool : Source::New;
    count_placed(year_, p, source, a.home);
  } else {
    if (source == Source::Pool) {
      // An observed round leaves unfilled a course the pool would fill: the applicant waits on.
      if (!a.drawn) draw(a);
      queue(p.specialty, index(a.home)).push_front(a);
      if (a.mobile) ++mobile(p.specialty, index(a.home));
    }
    source = Source::None;
  }
  source_[i] = source;
}

void ApplicantPool::close_year(int year) {
  // A stock at the end of the year; after the last hiring round nothing changes it.
  const int last = year == scenario_.calendar.end_year ? scenario_.calendar.followup_end_year : year;
  for (int y = year; y <= last; ++y)
    for (int s = 0; s < scenario_.specialty_count(); ++s)
      for (Region r : kRegions)
        tally_->add(y, r, s, Metric::ApplicantsWaiting, static_cast<std::int32_t>(queue(s, index(r)).size()));
}

}  // namespace forlob
