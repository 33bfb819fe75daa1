#include "engine/Replication.hpp"

#include <cmath>
#include <optional>

#include "policies/PolicySet.hpp"

namespace forlob {

namespace {
constexpr std::uint64_t kOrdinaryCourses = 0x4f7264696e617279ULL;  // "Ordinary"
}

AnchorLayout make_anchor_layout(const Scenario& scenario) {
  AnchorLayout layout;
  const CalendarSpec& cal = scenario.calendar;
  layout.first_year = cal.warmup_start_year;
  layout.years = scenario.year_count();
  if (!scenario.extraordinary) return layout;
  const ExtraordinarySpec& x = *scenario.extraordinary;
  layout.first_year = x.first_year;  // nothing to report before the trial
  layout.years = cal.followup_end_year - x.first_year + 1;
  // An anchor hosts the specialties of its kind: hospitals (R12) or municipalities (R11).
  for (std::size_t a = 0; a < x.anchors.size(); ++a)
    for (int s : x.specialties)
      if (scenario.specialties[static_cast<std::size_t>(s)].hospital_anchor == x.anchors[a].hospital)
        layout.pairs.push_back({static_cast<int>(a), s});
  return layout;
}

Replication::Replication(const Scenario& scenario)
    : scenario_(scenario),
      fill_(scenario),
      trainees_(scenario),
      policies_(make_policies(scenario)),
      anchor_layout_(make_anchor_layout(scenario)) {
  const CalendarSpec& cal = scenario.calendar;
  const auto specialties = static_cast<std::size_t>(scenario.specialty_count());
  if (scenario.extraordinary) pair_of_.assign(scenario.extraordinary->anchors.size() * specialties, -1);
  for (std::size_t p = 0; p < anchor_layout_.pairs.size(); ++p) {
    const AnchorPair& pair = anchor_layout_.pairs[p];
    pair_of_[static_cast<std::size_t>(pair.anchor) * specialties + static_cast<std::size_t>(pair.specialty)] =
        static_cast<int>(p);
  }
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

void Replication::run(std::uint64_t seed, std::int64_t replication, Tally& tally) {
  key_ = StreamKey(seed).with(static_cast<std::uint64_t>(replication));
  fill_key_ = key_.with(Purpose::Fill);
  trainee_key_ = key_.with(Purpose::Trainee);
  tally_ = &tally;
  tally.clear();
  for (auto& bucket : due_) bucket.clear();
  for (auto& policy : policies_) policy->begin_replication();
  if (fill_override_) fill_override_->begin_replication(key_);
  fill_.draw(key_);

  const CalendarSpec& cal = scenario_.calendar;
  std::size_t next_round = 0;
  for (Month m = first_month_; m <= last_month_; ++m) {
    const std::vector<Posting>& bucket = due_[static_cast<std::size_t>(m - first_month_)];
    if (next_round < cal.rounds.size() && month_in_year(m) == cal.rounds[next_round].month) {
      open_round(year_of(m), static_cast<int>(next_round), m, bucket);
      next_round = (next_round + 1) % cal.rounds.size();
    } else {
      for (std::size_t i = 0; i < bucket.size(); ++i) post(bucket[i]);
    }
  }
  tally.close_stocks();
  tally_ = nullptr;
}

// The round's postings in the order they are posted: follow-ons waiting for this month (carried
// over, handed over, flex), then the dimensioned courses, then the courses policies add. They are
// gathered first so that a fill hook sees the whole round; nothing posted in a month schedules
// into the same month (every delay is at least a month), so `waiting` is complete.
void Replication::open_round(int year, int round, Month when, const std::vector<Posting>& waiting) {
  const RoundSpec& spec = scenario_.calendar.rounds[static_cast<std::size_t>(round)];
  round_postings_.assign(waiting.begin(), waiting.end());
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
        Posting p;
        // Distinct within the cell; cells are far apart because their keys are hashes.
        p.course = cell.value() + static_cast<std::uint64_t>(i) * 0x9e3779b97f4a7c15ULL;
        p.specialty = s;
        p.region = r;
        p.round = round;
        p.month = when;
        round_postings_.push_back(p);
      }
    }
  // Courses a policy adds to the round (extraordinary courses, outside the dimensioning).
  for (auto& policy : policies_) policy->on_round_opened(year, round, when, *this, round_postings_);
  if (fill_override_)
    fill_override_->on_round(year, round, round_postings_,
                             [this](const Posting& p) { return natural_fill(p); });
  for (const Posting& p : round_postings_) post(p);
}

// The re-posting count at which `p` would fill within its round by the fill draws alone (R5:
// re-postings come before any other fate), or -1 if it would stay unfilled.
int Replication::natural_fill(const Posting& p) const {
  for (Posting q = p;;) {
    if (fill_.fills(q, fill_key_)) return q.reposts;
    // As settle_unfilled: no re-posting left, or the next one falls after the horizon (PendingAtEnd).
    const Month when = repost_month(q.month);
    if (q.reposts >= scenario_.unfilled.max_reposts || when > last_month_) return -1;
    q.reposts += 1;
    q = next_attempt(q, when);
  }
}

void Replication::post(const Posting& p) {
  const int year = year_of(p.month);
  tally_->add(year, p.region, p.specialty, Metric::Posted);
  if (p.fresh_extraordinary()) {
    tally_->add(year, p.region, p.specialty, Metric::ExtraordinaryPosted);
    tally_->add_anchor(year, anchor_pair(p), AnchorMetric::Posted);
  } else if (p.kind != PostingKind::Extraordinary && p.reposts == 0) {
    tally_->add(year, p.region, p.specialty, Metric::OrdinaryOffered);
  }
  bool filled = false;
  if (const std::optional<bool> fixed = fill_override_ ? fill_override_->fills(p) : std::nullopt)
    filled = *fixed;
  else
    filled = fill_.fills(p, fill_key_);
  if (filled) {
    tally_->add(year, p.region, p.specialty, Metric::Filled);
    if (p.kind == PostingKind::Extraordinary)
      tally_->add(year, p.region, p.specialty, Metric::ExtraordinaryFilled);
    start_trainee(p);
  } else {
    tally_->add(year, p.region, p.specialty, Metric::Unfilled);
    settle_unfilled(p);
  }
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
  const int start_year = year_of(p.month);
  const int end_year = year_of(outcome.end);
  tally_->add(start_year, p.region, p.specialty, Metric::Started);
  tally_->add(end_year, p.region, p.specialty, outcome.completed ? Metric::Completed : Metric::DroppedOut);
  if (p.kind == PostingKind::Extraordinary) {
    tally_->add(start_year, p.region, p.specialty, Metric::ExtraordinaryStarted);
    tally_->add(end_year, p.region, p.specialty,
                outcome.completed ? Metric::ExtraordinaryCompleted : Metric::ExtraordinaryDroppedOut);
    const int pair = anchor_pair(p);
    tally_->add_anchor(start_year, pair, AnchorMetric::Filled);
    if (outcome.completed) tally_->add_anchor(end_year, pair, AnchorMetric::Completed);
    tally_->add_anchor_exit(end_year, pair);
  }
}

int Replication::anchor_pair(const Posting& p) const {
  if (p.anchor < 0) return -1;
  return pair_of_[static_cast<std::size_t>(p.anchor) * static_cast<std::size_t>(scenario_.specialty_count()) +
                  static_cast<std::size_t>(p.specialty)];
}

bool Replication::schedule(const Posting& p, Month when) {
  if (when > last_month_ || when < first_month_) return false;
  Posting scheduled = p;
  scheduled.month = when;
  due_[static_cast<std::size_t>(when - first_month_)].push_back(scheduled);
  return true;
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
