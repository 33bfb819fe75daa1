#include "engine/Replication.hpp"

#include <cmath>
#include <optional>
#include <stdexcept>

#include "engine/Divergence.hpp"
#include "policies/PolicySet.hpp"

namespace forlob {

namespace {
constexpr std::uint64_t kOrdinaryCourses = 0x4f7264696e617279ULL;  // "Ordinary"
}

Replication::Replication(const Scenario& scenario)
    : scenario_(scenario),
      fill_(make_fill_mechanism(scenario)),
      trainees_(scenario),
      stock_(scenario),
      policies_(make_policies(scenario)),
      anchor_layout_(make_anchor_layout(scenario)) {
  const CalendarSpec& cal = scenario.calendar;
  // Course identities: (year, specialty, region, number), the same under every policy.
  for (int year = cal.warmup_start_year; year <= cal.end_year; ++year)
    for (const SpecialtySpec& s : scenario.specialties)
      for (Region r : kRegions)
        ordinary_keys_.push_back(StreamKey(kOrdinaryCourses)
                                     .with(static_cast<std::uint64_t>(year))
                                     .with(hash_name(s.id))
                                     .with(static_cast<std::uint64_t>(index(r))));
  first_month_ = month_of(cal.warmup_start_year, 1);
  last_month_ = month_of(cal.end_year, 12);
  due_.resize(static_cast<std::size_t>(last_month_ - first_month_ + 1));
}

Replication::~Replication() = default;

void Replication::run(std::uint64_t seed, std::int64_t replication, Tally& tally,
                      std::span<const Follower> followers) {
  begin(seed, replication, tally);
  watching_.clear();
  for (const Follower& f : followers)
    for (std::size_t i = 0; i < f.engine->policies_.size(); ++i)
      if (f.engine->leader_policy_[i] < 0) {
        f.engine->policies_[i]->begin_replication();
        watching_.push_back({f.engine->policies_[i].get(), f.from});
      }
  advance(followers);
  for (const Follower& f : followers)
    if (f.from > last_month_) f.engine->take_over(*this, *f.tally);
  watching_.clear();
  finish(!followers.empty());
}

void Replication::resume() {
  advance({});
  finish();
}

void Replication::begin(std::uint64_t seed, std::int64_t replication, Tally& tally) {
  key_ = StreamKey(seed).with(static_cast<std::uint64_t>(replication));
  trainee_key_ = key_.with(Purpose::Trainee);
  tally_ = &tally;
  stock_leader_ = nullptr;
  tally.clear();
  for (auto& bucket : due_) release(bucket);
  stock_.begin_replication();
  for (auto& policy : policies_) policy->begin_replication();
  if (fill_override_) fill_override_->begin_replication(key_);
  fill_->begin_replication(key_, tally);
  at_ = Cursor{first_month_, 0, 0, -1};
}

void Replication::advance(std::span<const Follower> followers) {
  for (; at_.month <= last_month_; ++at_.month) {
    for (const Follower& f : followers)
      if (f.from == at_.month) f.engine->take_over(*this, *f.tally);
    serve_month();
  }
}

void Replication::serve_month() {
  const CalendarSpec& cal = scenario_.calendar;
  const Month m = at_.month;
  std::vector<Posting>& bucket = due_[static_cast<std::size_t>(m - first_month_)];
  const int year = year_of(m);
  if (at_.next_round < cal.rounds.size() && month_in_year(m) == cal.rounds[at_.next_round].month) {
    if (at_.open_round >= 0) {
      for (auto& policy : policies_) policy->on_round_closed(at_.open_year, at_.open_round, *this);
      tell_watchers(m, [&](Policy& w) { w.on_round_closed(at_.open_year, at_.open_round, watched_); });
    }
    at_.open_year = year;
    at_.open_round = static_cast<int>(at_.next_round);
    gather_round(year, at_.open_round, m, bucket);
    serve({year, at_.open_round, m});
    at_.next_round = (at_.next_round + 1) % cal.rounds.size();
  } else if (!bucket.empty()) {
    batch_.assign(bucket.begin(), bucket.end());
    serve({year, -1, m});
  }
  // The month is served: its bucket goes back to the spares, so memory holds only the months still
  // due (at 100 times the dimensioning, keeping every month's capacity cost hundreds of megabytes)
  // and a bucket is not grown again from nothing for each month.
  release(bucket);
  if (month_in_year(m) == 12) {
    fill_->close_year(year);
    for (auto& policy : policies_) policy->on_year_closed(year, *this);
    tell_watchers(m, [&](Policy& w) { w.on_year_closed(year, watched_); });
  }
}

void Replication::finish(bool keep_stock_years) {
  if (at_.open_round >= 0)
    for (auto& policy : policies_) policy->on_round_closed(at_.open_year, at_.open_round, *this);
  tally_->close_stocks();
  // A follower's stock is the leader's until the fork's year (the same new specialists so far).
  if (projects_stock()) {
    if (stock_leader_)
      stock_.close_following(*stock_leader_, stock_from_year_, key_, *tally_);
    else
      stock_.close(key_, *tally_, keep_stock_years);
  }
  tally_ = nullptr;
}

// The leader has run its replication to the start of month leader.at_.month: this engine takes its
// state and carries on from there. Its policies that the leader has too take their state; the others
// have watched the leader's run (Replication::run).
void Replication::take_over(const Replication& leader, Tally& tally) {
  key_ = leader.key_;
  trainee_key_ = leader.trainee_key_;
  tally_ = &tally;
  tally.copy_counts(*leader.tally_);
  // The months still due, in buckets from the spares (the months already served are empty).
  for (std::size_t i = 0; i < due_.size(); ++i) {
    release(due_[i]);
    const std::vector<Posting>& waiting = leader.due_[i];
    if (waiting.empty()) continue;
    reuse_spare(due_[i]);
    due_[i].assign(waiting.begin(), waiting.end());
  }
  if (projects_stock()) {
    if (!leader.projects_stock())
      throw std::logic_error("Replication::take_over: the leader did not project the specialist stock");
    stock_.adopt_state(leader.stock_);
  }
  stock_leader_ = &leader.stock_;
  stock_from_year_ = year_of(leader.at_.month);
  fill_->adopt_state(*leader.fill_, tally);
  for (std::size_t i = 0; i < policies_.size(); ++i)
    if (leader_policy_[i] >= 0) {
      policies_[i]->begin_replication();
      policies_[i]->adopt_state(*leader.policies_[static_cast<std::size_t>(leader_policy_[i])]);
    }
  at_ = leader.at_;
}

Month Replication::prepare_to_follow(const Replication& leader) {
  leader_policy_ = matching_policies(leader.policies_, policies_);
  const int year = divergence_year(leader.scenario_, leader.policies_, scenario_, policies_);
  if (year > scenario_.calendar.end_year) return last_month_ + 1;  // the whole run is shared
  return std::max(month_of(year, 1), first_month_);
}

// The round's postings in the order they are listed: follow-ons waiting for this month (carried
// over, handed over, flex), then the dimensioned courses, then the courses policies add. They are
// gathered first so that the fill mechanism and a fill hook see the whole round; nothing posted in
// a month schedules into the same month (every delay is at least a month), so `waiting` is complete.
void Replication::gather_round(int year, int round, Month when, const std::vector<Posting>& waiting) {
  const RoundSpec& spec = scenario_.calendar.rounds[static_cast<std::size_t>(round)];
  batch_.assign(waiting.begin(), waiting.end());
  double share_before = 0;  // the year's courses are split over the rounds by share
  for (int k = 0; k < round; ++k)
    share_before += scenario_.calendar.rounds[static_cast<std::size_t>(k)].share;
  for (int s = 0; s < scenario_.specialty_count(); ++s)
    for (Region r : kRegions) {
      const int courses = scenario_.ordinary_courses(year, s, r);
      const int first = static_cast<int>(std::lround(courses * share_before));
      const int last = static_cast<int>(std::lround(courses * (share_before + spec.share)));
      tally_->add(year, r, s, Metric::OrdinaryPosted, last - first);
      const StreamKey cell =
          ordinary_keys_[(static_cast<std::size_t>(year - scenario_.calendar.warmup_start_year) *
                              static_cast<std::size_t>(scenario_.specialty_count()) +
                          static_cast<std::size_t>(s)) *
                             kRegionCount +
                         static_cast<std::size_t>(index(r))];
      for (int i = first; i < last; ++i) {
        // Built in place: a local copied in stalls on store forwarding, a third of this loop's time.
        Posting& p = batch_.emplace_back();
        // Distinct within the cell; cells are far apart because their keys are hashes.
        p.course = cell.value() + static_cast<std::uint64_t>(i) * 0x9e3779b97f4a7c15ULL;
        p.specialty = s;
        p.region = r;
        p.round = static_cast<std::int16_t>(round);
        p.month = when;
      }
    }
  // Courses a policy adds to the round (extraordinary courses, outside the dimensioning).
  for (auto& policy : policies_) policy->on_round_opened(year, round, when, *this, batch_);
}

// One month's postings: the fill mechanism proposes, an observed round may fix the outcome, every
// posting is recorded, and the unfilled ones then meet their fates in the policies' order.
void Replication::serve(const FillBatch& batch) {
  fill_->serve(batch, batch_);
  if (fill_override_ && batch.opens_round()) {
    const Posting* first = batch_.data();
    fill_override_->on_round(batch.year, batch.round, batch_, [this, first](const Posting& p) {
      return fill_->natural_fill(static_cast<std::size_t>(&p - first));
    });
  }
  unfilled_.clear();
  for (std::size_t i = 0; i < batch_.size(); ++i) {
    const Posting& p = batch_[i];
    const std::optional<bool> fixed = fill_override_ ? fill_override_->fills(p) : std::nullopt;
    const bool filled = fixed ? *fixed : fill_->proposed(i);
    fill_->settle(i, filled);
    record(p, filled);
    if (filled)
      start_trainee(p);
    else
      unfilled_.push_back(p);
  }
  for (auto& policy : policies_) policy->order_unfilled(unfilled_, *this);
  for (const Posting& p : unfilled_) settle_unfilled(p);
}

void Replication::record(const Posting& p, bool filled) {
  if (std::int32_t* counts = tally_->row(year_of(p.month), p.region, p.specialty)) {
    counts[index(Metric::Posted)] += 1;
    const bool ordinary = p.kind != PostingKind::Extraordinary;
    if (ordinary && p.reposts == 0) counts[index(Metric::OrdinaryOffered)] += 1;
    counts[index(filled ? Metric::Filled : Metric::Unfilled)] += 1;
    if (ordinary && filled) counts[index(Metric::OrdinaryFilled)] += 1;
  }
  for (auto& policy : policies_) policy->on_posted(p, filled, *this);
  tell_watchers(p.month, [&](Policy& w) { w.on_posted(p, filled, watched_); });
}

// Every unfilled posting ends in exactly one fate, counted in the year it is decided.
void Replication::settle_unfilled(const Posting& p) {
  const int year = year_of(p.month);
  const UnfilledSpec& rules = scenario_.unfilled;
  if (p.reposts < rules.max_reposts) {  // R5: genopslag in the region, before anything else
    Posting again = p;
    again.reposts += 1;
    const Month when = repost_month(p.month);
    tally_->add(year, p.region, p.specialty, Metric::Reposted);
    if (!schedule(next_attempt(again, when), when))
      tally_->add(year, p.region, p.specialty, Metric::PendingAtEnd);
    return;
  }
  for (auto& policy : policies_)
    if (policy->on_unfilled(p, *this)) return;
  const RoundSpec& round = scenario_.calendar.rounds[static_cast<std::size_t>(p.round)];
  if (round.carries_to_next && p.kind != PostingKind::Extraordinary) {
    // R4: an unfilled autumn course is posted again at the next spring round.
    Posting carried = p;
    carried.kind = PostingKind::CarriedOver;
    carried.reposts = 0;
    carried.round = 0;
    const Month when = month_of(
        year_of(p.month) + (month_in_year(p.month) >= scenario_.calendar.rounds.front().month ? 1 : 0),
        scenario_.calendar.rounds.front().month);
    tally_->add(year, p.region, p.specialty, Metric::CarriedOver);
    if (!schedule(next_attempt(carried, when), when))
      tally_->add(year, p.region, p.specialty, Metric::PendingAtEnd);
    return;
  }
  tally_->add(year, p.region, p.specialty, Metric::Lapsed);
}

void Replication::start_trainee(const Posting& p) {
  KeyedStream stream(trainee_key_.with_hash(p.draw_entity()));
  const TraineeOutcome outcome = trainees_.follow(p.specialty, p.month, stream);
  tally_->add(year_of(p.month), p.region, p.specialty, Metric::Started);
  tally_->add(year_of(outcome.end), p.region, p.specialty,
              outcome.completed ? Metric::Completed : Metric::DroppedOut);
  // The new specialist's age: the trainee stream's next draw, after the course's own.
  if (outcome.completed && projects_stock())
    stock_.enter(p.specialty, p.region, p.month, outcome.end, stream);
  for (auto& policy : policies_) policy->on_trainee_started(p, outcome, *this);
  tell_watchers(p.month, [&](Policy& w) { w.on_trainee_started(p, outcome, watched_); });
}

bool Replication::schedule(const Posting& p, Month when) {
  if (when > last_month_ || when < first_month_) return false;
  Posting scheduled = p;
  scheduled.month = when;
  std::vector<Posting>& bucket = due_[static_cast<std::size_t>(when - first_month_)];
  reuse_spare(bucket);
  bucket.push_back(scheduled);
  return true;
}

void Replication::reuse_spare(std::vector<Posting>& bucket) {
  if (bucket.capacity() != 0 || spare_buckets_.empty()) return;
  bucket.swap(spare_buckets_.back());
  spare_buckets_.pop_back();
}

void Replication::release(std::vector<Posting>& bucket) {
  if (bucket.capacity() == 0) return;
  bucket.clear();
  spare_buckets_.emplace_back().swap(bucket);
}

void Replication::count(int year, Region r, int specialty, Metric m, std::int32_t delta) {
  tally_->add(year, r, specialty, m, delta);
}

KeyedStream Replication::stream(Purpose purpose, std::uint64_t entity, std::uint64_t part) const {
  return KeyedStream(key_.with(purpose).with(entity).with(part));
}

Month Replication::next_round(Month after, bool same_year, int& round) const {
  const std::vector<RoundSpec>& rounds = scenario_.calendar.rounds;
  const int year = year_of(after);
  for (std::size_t k = 0; k < rounds.size(); ++k)
    if (month_of(year, rounds[k].month) > after) {
      round = static_cast<int>(k);
      return month_of(year, rounds[k].month);
    }
  if (same_year) return -1;
  round = 0;
  return month_of(year + 1, rounds.front().month);
}

Month Replication::repost_month(Month from) const { return from + scenario_.unfilled.repost_delay_months; }

}  // namespace forlob
