#include "fill/ApplicantPool.hpp"

#include <algorithm>
#include <cmath>

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
      arrivals_(static_cast<std::size_t>(scenario.specialty_count())) {
  for (const SpecialtySpec& s : scenario.specialties) specialty_keys_.push_back(hash_name(s.id));
  const auto years = static_cast<std::size_t>(scenario.calendar.end_year - first_year_ + 1);
  level_.assign(static_cast<std::size_t>(scenario.specialty_count()) * years, 0);
}

void ApplicantPool::begin_replication(StreamKey replication, Tally& tally) {
  key_ = replication;
  tally_ = &tally;
  for (auto& q : queues_) q.clear();
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
      const double trend = std::pow(1 + spec_.trend, first_year_ + y - spec_.trend_base_year);
      level_[static_cast<std::size_t>(s) * static_cast<std::size_t>(years) + static_cast<std::size_t>(y)] =
          level * trend * lognormal_factor(spec_.year_sd, year_stream);
    }
  }
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
        q.push_back(a);
      }
    }
  }
}

bool ApplicantPool::take_from_pool(int s, Region r, Applicant& out) {
  std::deque<Applicant>& own = queue(s, index(r));
  if (!own.empty()) {
    out = own.front();
    own.pop_front();
    return true;
  }
  // The longest-waiting mobile applicant of another region.
  std::deque<Applicant>* from = nullptr;
  std::deque<Applicant>::iterator best;
  for (Region other : kRegions) {
    if (other == r) continue;
    std::deque<Applicant>& q = queue(s, index(other));
    const auto it = std::find_if(q.begin(), q.end(), [](const Applicant& a) { return a.mobile; });
    if (it != q.end() && (!from || it->arrival < best->arrival)) {
      from = &q;
      best = it;
    }
  }
  if (!from) return false;
  out = *best;
  from->erase(best);
  return true;
}

void ApplicantPool::serve(const FillBatch& batch, std::span<const Posting> postings) {
  year_ = batch.year;
  if (batch.opens_round()) open_round(batch.year, batch.round);
  batch_ = postings;
  taken_.assign(postings.size(), Taken{});
  // The serving order: by specialty (separate markets), then most attractive first, then a keyed
  // uniform per posting, so nothing depends on the order postings were gathered in.
  order_.resize(postings.size());
  rank_.resize(postings.size());
  for (std::size_t i = 0; i < postings.size(); ++i) {
    order_[i] = i;
    KeyedStream tie(key_.with(Purpose::Serving).with_hash(postings[i].draw_entity()));
    rank_[i] = uniform01(tie);
  }
  const bool by_attractiveness = spec_.serving_order == ServingOrder::Attractiveness;
  std::sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) {
    const Posting& pa = postings[a];
    const Posting& pb = postings[b];
    if (pa.specialty != pb.specialty) return pa.specialty < pb.specialty;
    if (by_attractiveness) {
      const double xa = spec_.attractiveness_of(static_cast<int>(pa.kind), pa.reposts > 0);
      const double xb = spec_.attractiveness_of(static_cast<int>(pb.kind), pb.reposts > 0);
      if (xa != xb) return xa > xb;
    }
    if (rank_[a] != rank_[b]) return rank_[a] < rank_[b];
    return a < b;
  });
  for (std::size_t i : order_) {
    const Posting& p = postings[i];
    Taken& t = taken_[i];
    if (p.kind == PostingKind::Extraordinary && spec_.extraordinary_new > 0) {
      KeyedStream fresh(key_.with(Purpose::ApplicantNew).with_hash(p.draw_entity()));
      if (uniform01(fresh) < spec_.extraordinary_new) {
        t.source = Source::New;
        continue;
      }
    }
    if (take_from_pool(p.specialty, p.region, t.applicant)) t.source = Source::Pool;
  }
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
