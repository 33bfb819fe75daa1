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

}  // namespace

ApplicantPool::ApplicantPool(const Scenario& scenario)
    : scenario_(scenario),
      spec_(*scenario.applicants),
      first_year_(scenario.calendar.warmup_start_year),
      queues_(static_cast<std::size_t>(scenario.specialty_count()) * kRegionCount),
      mobile_(static_cast<std::size_t>(scenario.specialty_count()) * kRegionCount),
      arrivals_(static_cast<std::size_t>(scenario.specialty_count())),
      waiting_postings_(static_cast<std::size_t>(scenario.specialty_count()) * kRegionCount) {
  for (const SpecialtySpec& s : scenario.specialties) specialty_keys_.push_back(hash_name(s.id));
  // Attractiveness classes: 0 for the most attractive kind of posting, equal values share a class.
  std::vector<double> levels;
  for (int k = 0; k < kPostingKindCount; ++k)
    for (bool repost : {false, true}) levels.push_back(spec_.attractiveness_of(k, repost));
  std::vector<double> distinct = levels;
  std::sort(distinct.begin(), distinct.end(), std::greater<>());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  for (double level : levels)
    attractiveness_class_.push_back(
        static_cast<std::uint64_t>(std::find(distinct.begin(), distinct.end(), level) - distinct.begin()));
  const auto years = static_cast<std::size_t>(scenario.calendar.end_year - first_year_ + 1);
  level_.assign(static_cast<std::size_t>(scenario.specialty_count()) * years, 0);
  // The trend factor of each year, the same in every replication (computed once, not per draw).
  for (std::size_t y = 0; y < years; ++y)
    trend_.push_back(std::pow(1 + spec_.trend, first_year_ + static_cast<int>(y) - spec_.trend_base_year));
}

void ApplicantPool::begin_replication(StreamKey replication, Tally& tally) {
  key_ = replication;
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
  tally_ = &tally;
  level_ = from.level_;
  queues_ = from.queues_;
  mobile_ = from.mobile_;
  arrivals_ = from.arrivals_;
  year_ = from.year_;
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
      std::deque<Applicant>& q = queue(s, index(r));
      if (spec_.leave_per_round > 0) {
        std::size_t kept = 0;
        for (Applicant& a : q) {
          KeyedStream leave(StreamKey(a.key).with(Purpose::ApplicantLeave).with(a.rounds_waited));
          if (uniform01(leave) < spec_.leave_per_round) {
            tally_->add(year, a.home, s, Metric::ApplicantsLeft);
            if (a.mobile) --mobile(s, index(r));
            continue;
          }
          ++a.rounds_waited;
          q[kept++] = a;
        }
        q.resize(kept);
      } else {
        for (Applicant& a : q) ++a.rounds_waited;
      }
      const StreamKey cell = key_.with(Purpose::ApplicantArrivals)
                                 .with(sk)
                                 .with(static_cast<std::uint64_t>(index(r)))
                                 .with(static_cast<std::uint64_t>(year))
                                 .with(static_cast<std::uint64_t>(round));
      KeyedStream count_stream(cell);
      const int n = poisson(expected_arrivals(s, r, year) * spec.share, count_stream);
      tally_->add(year, r, s, Metric::Applicants, n);
      const StreamKey applicants = cell.with(Purpose::Applicant);
      for (int i = 0; i < n; ++i) {
        Applicant a;
        a.key = applicants.with(static_cast<std::uint64_t>(i)).value();
        KeyedStream own(StreamKey(a.key));
        a.mobile = uniform01(own) < spec_.mobility;
        a.home = r;
        a.arrival = arrivals_[static_cast<std::size_t>(s)]++;
        if (a.mobile) ++mobile(s, index(r));
        q.push_back(a);
      }
    }
  }
}

bool ApplicantPool::take_own(int s, Region r, Applicant& out) {
  std::deque<Applicant>& own = queue(s, index(r));
  if (own.empty()) return false;
  out = own.front();
  own.pop_front();
  if (out.mobile) --mobile(s, index(r));
  return true;
}

// The longest-waiting mobile applicant of another region (earliest arrival; region order on ties).
bool ApplicantPool::take_mobile(int s, Region r, Applicant& out) {
  std::deque<Applicant>* from = nullptr;
  std::deque<Applicant>::iterator best;
  int from_region = 0;
  for (Region other : kRegions) {
    if (other == r || mobile(s, index(other)) == 0) continue;
    std::deque<Applicant>& q = queue(s, index(other));
    const auto it = std::find_if(q.begin(), q.end(), [](const Applicant& a) { return a.mobile; });
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

std::uint64_t ApplicantPool::serving_key(const Posting& p) const {
  KeyedStream tie(key_.with(Purpose::Serving).with_hash(p.draw_entity()));
  const std::uint64_t cls =
      spec_.serving_order == ServingOrder::Attractiveness
          ? attractiveness_class_[static_cast<std::size_t>(p.kind) * 2 + (p.reposts > 0 ? 1 : 0)]
          : 0;
  return (cls << 52U) | (tie() >> 12U);
}

void ApplicantPool::serve(const FillBatch& batch, std::span<const Posting> postings) {
  year_ = batch.year;
  if (batch.opens_round()) open_round(batch.year, batch.round);
  batch_ = postings;
  taken_.assign(postings.size(), Taken{});
  for (auto& cell : waiting_postings_) cell.clear();
  // Extraordinary postings first draw whether they bring in a new applicant; the rest wait for
  // the pool, by specialty and region.
  for (std::size_t i = 0; i < postings.size(); ++i) {
    const Posting& p = postings[i];
    if (p.kind == PostingKind::Extraordinary && spec_.extraordinary_new > 0) {
      KeyedStream fresh(key_.with(Purpose::ApplicantNew).with_hash(p.draw_entity()));
      if (uniform01(fresh) < spec_.extraordinary_new) {
        taken_[i].source = Source::New;
        continue;
      }
    }
    waiting_postings_[static_cast<std::size_t>(p.specialty) * kRegionCount +
                      static_cast<std::size_t>(index(p.region))]
        .push_back(i);
  }
  for (int s = 0; s < scenario_.specialty_count(); ++s) {
    // Own applicants first: where a region's queue is shorter than its postings, the postings
    // first in the serving order take them.
    leftover_.clear();
    for (Region r : kRegions) {
      std::vector<std::size_t>& cell =
          waiting_postings_[static_cast<std::size_t>(s) * kRegionCount + static_cast<std::size_t>(index(r))];
      const std::size_t queued = queue(s, index(r)).size();
      if (queued >= cell.size()) {
        for (std::size_t i : cell) {
          take_own(s, r, taken_[i].applicant);
          taken_[i].source = Source::Pool;
        }
        continue;
      }
      ranked_.clear();
      for (std::size_t i : cell) ranked_.push_back({serving_key(postings[i]), i});
      const auto cut = ranked_.begin() + static_cast<std::ptrdiff_t>(queued);
      std::nth_element(ranked_.begin(), cut, ranked_.end());
      for (auto it = ranked_.begin(); it != cut; ++it) {
        take_own(s, r, taken_[it->second].applicant);
        taken_[it->second].source = Source::Pool;
      }
      leftover_.insert(leftover_.end(), cut, ranked_.end());
    }
    // Then mobile applicants from elsewhere, for the postings still open, in serving order.
    if (leftover_.empty()) continue;
    int mobile_left = 0;
    for (Region r : kRegions) mobile_left += mobile(s, index(r));
    if (mobile_left == 0) continue;
    std::sort(leftover_.begin(), leftover_.end());
    for (const auto& [key, i] : leftover_) {
      if (take_mobile(s, postings[i].region, taken_[i].applicant)) {
        taken_[i].source = Source::Pool;
        if (--mobile_left == 0) break;
      }
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
    KeyedStream fresh(key_.with(Purpose::ApplicantNew).with_hash(q.draw_entity()));
    if (uniform01(fresh) < spec_.extraordinary_new) return q.reposts;
  }
  return -1;
}

void ApplicantPool::count_placed(int year, const Posting& p, const Taken& t) {
  const Region home = t.source == Source::New ? p.region : t.applicant.home;
  if (t.source == Source::New) tally_->add(year, home, p.specialty, Metric::Applicants);
  tally_->add(year, home, p.specialty, Metric::ApplicantsPlaced);
  if (p.kind == PostingKind::Extraordinary)
    tally_->add(year, p.region, p.specialty,
                t.source == Source::New ? Metric::ExtraordinaryFilledNew : Metric::ExtraordinaryFilledPool);
}

void ApplicantPool::settle(std::size_t i, bool filled) {
  const Posting& p = batch_[i];
  Taken& t = taken_[i];
  if (filled && t.source == Source::None) {
    // An observed round fills a course the pool could not: someone took it, from the pool if
    // anyone waits, else a doctor the model did not foresee (counted as a new applicant).
    t.source = take_from_pool(p.specialty, p.region, t.applicant) ? Source::Pool : Source::New;
  } else if (!filled && t.source == Source::Pool) {
    // An observed round leaves unfilled a course the pool would fill: the applicant waits on.
    queue(p.specialty, index(t.applicant.home)).push_front(t.applicant);
    if (t.applicant.mobile) ++mobile(p.specialty, index(t.applicant.home));
    t.source = Source::None;
  } else if (!filled) {
    t.source = Source::None;
  }
  if (t.source != Source::None) count_placed(year_, p, t);
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
