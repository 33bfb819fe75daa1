#include "policies/ExtraordinaryTrial.hpp"

#include <algorithm>

#include "core/LargestRemainder.hpp"

namespace forlob {

ExtraordinaryTrial::ExtraordinaryTrial(const Scenario& scenario, const ExtraordinarySpec& spec)
    : scenario_(scenario), spec_(spec) {
  for (Region r : kRegions) {
    const auto ri = static_cast<std::size_t>(index(r));
    std::vector<int> counts = largest_remainder(spec.per_region[ri], spec.weights[ri]);
    // Interleave specialties so that every round gets a mix.
    std::vector<int>& plan = plan_[ri];
    for (bool more = true; more;) {
      more = false;
      for (std::size_t k = 0; k < counts.size(); ++k)
        if (counts[k] > 0) {
          plan.push_back(spec.specialties[k]);
          --counts[k];
          more = true;
        }
    }
    const std::vector<int> per_round = largest_remainder(static_cast<int>(plan.size()), spec.round_share);
    int cumulative = 0;
    for (int n : per_round) round_end_[ri].push_back(cumulative += n);
  }
  const auto specialties = static_cast<std::size_t>(scenario.specialty_count());
  pair_of_.assign(spec.anchors.size() * specialties, -1);
  const AnchorLayout layout = make_anchor_layout(scenario);
  for (std::size_t p = 0; p < layout.pairs.size(); ++p)
    pair_of_[static_cast<std::size_t>(layout.pairs[p].anchor) * specialties +
             static_cast<std::size_t>(layout.pairs[p].specialty)] = static_cast<int>(p);
  known_.assign(specialties * kRegionCount, {});
  open_round_.assign(specialties * kRegionCount, {});
  if (!spec.capacity.per_year.empty()) {
    held_.assign(static_cast<std::size_t>(spec.last_year - spec.first_year + 1) * known_.size(), 0);
    own_after_.assign(spec.round_share.size() * known_.size(), 0);
    for (Region r : kRegions) {
      const std::vector<int>& plan = plan_[static_cast<std::size_t>(index(r))];
      for (std::size_t round = 0; round < spec.round_share.size(); ++round)
        for (std::size_t i = static_cast<std::size_t>(round_slice(r, static_cast<int>(round)).second);
             i < plan.size(); ++i)
          ++own_after_[round * known_.size() + cell(plan[i], r)];
    }
  }
  for (std::size_t a = 0; a < spec.anchors.size(); ++a) {
    const Anchor& anchor = spec.anchors[a];
    anchors_[static_cast<std::size_t>(index(anchor.region)) * 2 + (anchor.hospital ? 1U : 0U)].push_back(
        static_cast<int>(a));
  }
}

void ExtraordinaryTrial::begin_replication() {
  anchor_cursor_.fill(0);
  std::fill(known_.begin(), known_.end(), Record{});
  std::fill(open_round_.begin(), open_round_.end(), Record{});
  std::fill(held_.begin(), held_.end(), 0);
}

int ExtraordinaryTrial::spare(int year, int round, int specialty, Region r) const {
  const int capacity = spec_.capacity.capacity(specialty, r);
  if (capacity == CapacityRule::kUnlimited) return CapacityRule::kUnlimited;
  const int own_later = own_after_[static_cast<std::size_t>(round) * known_.size() + cell(specialty, r)];
  return capacity - held_[held_at(year, specialty, r)] - own_later;
}

std::vector<Region> ExtraordinaryTrial::receivers_in_order(Region giver) const {
  std::vector<Region> candidates = spec_.handover.priority[static_cast<std::size_t>(index(giver))];
  for (Region r : kRegions)
    if (r != giver && std::find(candidates.begin(), candidates.end(), r) == candidates.end())
      candidates.push_back(r);
  return candidates;
}

std::optional<Region> ExtraordinaryTrial::capacity_receiver(int year, int round, int specialty,
                                                            Region giver) const {
  if (spec_.capacity.kind == CapacityRule::Kind::None) return std::nullopt;
  std::optional<Region> best;
  int best_spare = 0;
  for (Region r : receivers_in_order(giver)) {
    const int free = spare(year, round, specialty, r);
    if (free <= best_spare) continue;  // ties keep the earlier region
    best = r;
    best_spare = free;
    if (spec_.capacity.kind == CapacityRule::Kind::Priority) break;
  }
  return best;
}

int ExtraordinaryTrial::anchor_pair(const Posting& p) const {
  if (p.anchor < 0) return -1;
  return pair_of_[static_cast<std::size_t>(p.anchor) * static_cast<std::size_t>(scenario_.specialty_count()) +
                  static_cast<std::size_t>(p.specialty)];
}

int ExtraordinaryTrial::first_year_unlike(const Policy& other) const {
  const ExtraordinarySpec& theirs = static_cast<const ExtraordinaryTrial&>(other).spec_;
  return spec_ == theirs ? kNever : std::min(spec_.first_year, theirs.first_year);
}

void ExtraordinaryTrial::adopt_state(const Policy& leader) {
  const auto& from = static_cast<const ExtraordinaryTrial&>(leader);
  // What a region knows does not depend on the trial's rules. The rest is the trial's own doing,
  // which is the same only under the same rules; under other rules nothing has happened yet (the
  // fork comes no later than the first trial year), so the rest stays as begun.
  known_ = from.known_;
  open_round_ = from.open_round_;
  if (spec_ == from.spec_) {
    anchor_cursor_ = from.anchor_cursor_;
    held_ = from.held_;
  }
}

void ExtraordinaryTrial::on_posted(const Posting& p, bool filled, PolicyContext& ctx) {
  // Every course the region offers counts once per round; it is filled if any posting of it fills.
  Record& record = open_round_[cell(p.specialty, p.region)];
  if (p.reposts == 0) ++record.offered;
  if (filled) ++record.filled;
  if (p.kind != PostingKind::Extraordinary) return;
  const int year = year_of(p.month);
  if (p.fresh_extraordinary()) {
    ctx.count(year, p.region, p.specialty, Metric::ExtraordinaryPosted);
    ctx.count_anchor(year, anchor_pair(p), AnchorMetric::Posted);
  }
  if (filled) ctx.count(year, p.region, p.specialty, Metric::ExtraordinaryFilled);
}

void ExtraordinaryTrial::on_trainee_started(const Posting& p, const TraineeOutcome& outcome,
                                            PolicyContext& ctx) {
  if (p.kind != PostingKind::Extraordinary) return;
  const int start_year = year_of(p.month);
  const int end_year = year_of(outcome.end);
  ctx.count(start_year, p.region, p.specialty, Metric::ExtraordinaryStarted);
  ctx.count(end_year, p.region, p.specialty,
            outcome.completed ? Metric::ExtraordinaryCompleted : Metric::ExtraordinaryDroppedOut);
  const int pair = anchor_pair(p);
  ctx.count_anchor(start_year, pair, AnchorMetric::Filled);
  if (outcome.completed) ctx.count_anchor(end_year, pair, AnchorMetric::Completed);
  ctx.count_anchor_exit(end_year, pair);
}

void ExtraordinaryTrial::on_round_closed(int /*year*/, int /*round*/, PolicyContext& /*ctx*/) {
  for (std::size_t c = 0; c < known_.size(); ++c) {
    known_[c].offered += open_round_[c].offered;
    known_[c].filled += open_round_[c].filled;
    open_round_[c] = {};
  }
}

std::pair<int, int> ExtraordinaryTrial::round_slice(Region r, int round) const {
  const std::vector<int>& ends = round_end_[static_cast<std::size_t>(index(r))];
  const int last = ends[static_cast<std::size_t>(round)];
  const int first = round == 0 ? 0 : ends[static_cast<std::size_t>(round - 1)];
  return {first, last};
}

int ExtraordinaryTrial::next_anchor(Region r, int specialty) {
  // R11, R12: anchored in turn at the region's acute hospitals or GP-coverage municipalities.
  const bool hospital = scenario_.specialties[static_cast<std::size_t>(specialty)].hospital_anchor;
  const std::size_t slot = static_cast<std::size_t>(index(r)) * 2 + (hospital ? 1U : 0U);
  const std::vector<int>& list = anchors_[slot];
  if (list.empty()) return -1;
  int& cursor = anchor_cursor_[slot];
  const int anchor = list[static_cast<std::size_t>(cursor) % list.size()];
  ++cursor;
  return anchor;
}

void ExtraordinaryTrial::on_round_opened(int year, int round, Month when, PolicyContext& ctx,
                                         std::vector<Posting>& postings) {
  if (year < spec_.first_year || year > spec_.last_year) return;
  const bool limited = !held_.empty();
  // Each region's own courses first, in plan order; then the surplus, region by region, to the
  // regions with spare capacity (R10 before posting), or not posted when none has any.
  std::vector<std::pair<Region, int>> surplus;  // (planning region, index into its plan)
  for (Region r : kRegions) {
    const std::vector<int>& plan = plan_[static_cast<std::size_t>(index(r))];
    const auto [first, last] = round_slice(r, round);
    for (int i = first; i < last; ++i) {
      const int specialty = plan[static_cast<std::size_t>(i)];
      if (limited) {
        int& holds = held_[held_at(year, specialty, r)];
        if (holds >= spec_.capacity.capacity(specialty, r)) {
          surplus.emplace_back(r, i);
          continue;
        }
        ++holds;
      }
      postings.push_back(extraordinary_posting(year, round, when, r, i, r));
    }
  }
  for (const auto& [giver, i] : surplus) {
    const int specialty = plan_[static_cast<std::size_t>(index(giver))][static_cast<std::size_t>(i)];
    const std::optional<Region> receiver = capacity_receiver(year, round, specialty, giver);
    if (!receiver) {
      ctx.count(year, giver, specialty, Metric::ExtraordinaryUnpostedCapacity);
      continue;
    }
    ++held_[held_at(year, specialty, *receiver)];
    ctx.count(year, giver, specialty, Metric::ExtraordinaryHandedOverCapacity);
    ctx.count(year, *receiver, specialty, Metric::ExtraordinaryReceivedCapacity);
    postings.push_back(extraordinary_posting(year, round, when, giver, i, *receiver));
  }
}

Posting ExtraordinaryTrial::extraordinary_posting(int year, int round, Month when, Region planner, int i,
                                                  Region holder) {
  Posting p;
  // Keyed on the planning region, so a course keeps its draws wherever it is posted.
  p.course = StreamKey(0x45787472616f7264ULL)  // "Extraord": its own family of course ids
                 .with(static_cast<std::uint64_t>(year))
                 .with(static_cast<std::uint64_t>(index(planner)))
                 .with(static_cast<std::uint64_t>(i))
                 .value();
  p.specialty = plan_[static_cast<std::size_t>(index(planner))][static_cast<std::size_t>(i)];
  p.region = holder;
  // A course handed over for capacity has had its one hand-over (docs/MODEL.md, R10).
  p.handovers = holder == planner ? 0 : 1;
  p.kind = PostingKind::Extraordinary;
  p.round = static_cast<std::int16_t>(round);
  p.month = when;
  p.anchor = static_cast<std::int16_t>(next_anchor(holder, p.specialty));
  return p;
}

Region ExtraordinaryTrial::choose_receiver(const Posting& p, const std::vector<Region>& candidates,
                                           const PolicyContext& ctx) const {
  if (spec_.handover.kind == HandoverRule::Kind::Priority) return candidates.front();
  // Ties go to the earlier region in the priority order.
  Region best = candidates.front();
  double best_score = -1;
  for (Region r : candidates) {
    double score = 0;
    if (spec_.handover.kind == HandoverRule::Kind::TrueFill) {
      // The replication's drawn fill probability: an oracle, kept to compare with.
      Posting there = p;
      there.region = r;
      there.reposts = 0;
      score = ctx.drawn_probability(there).value_or(0);
    } else {
      // Known: a region with applicants waiting for the specialty first (the more the better),
      // else the specialty's fill rate in the region's earlier rounds (Laplace's rule, so a region
      // without a record counts as one half).
      const int waiting = ctx.fill().waiting(p.specialty, r);
      const Record& record = known_[cell(p.specialty, r)];
      score = waiting > 0 ? 1.0 + waiting : (record.filled + 1.0) / (record.offered + 2.0);
    }
    if (score > best_score) {
      best_score = score;
      best = r;
    }
  }
  return best;
}

bool ExtraordinaryTrial::on_unfilled(const Posting& p, PolicyContext& ctx) {
  if (p.kind != PostingKind::Extraordinary) return false;
  if (spec_.handover.kind == HandoverRule::Kind::None || p.handovers > 0) return false;
  const int year = year_of(p.month);
  if (year < spec_.first_year || year > spec_.last_year) return false;
  // R10: handed over for the next round of the same year; the trial's years are its quota years.
  int round = p.round;
  const Month when = ctx.next_round(p.month, true, round);
  if (when < 0) return false;
  std::vector<Region> candidates = receivers_in_order(p.region);
  if (!held_.empty()) {  // only a region with capacity to spare can take it
    candidates.erase(std::remove_if(candidates.begin(), candidates.end(),
                                    [&](Region r) { return spare(year, p.round, p.specialty, r) <= 0; }),
                     candidates.end());
    if (candidates.empty()) return false;  // it lapses like any course that is not handed over
  }
  const Region receiver = choose_receiver(p, candidates, ctx);
  if (!held_.empty()) {
    --held_[held_at(year, p.specialty, p.region)];
    ++held_[held_at(year, p.specialty, receiver)];
  }

  ctx.count(year, p.region, p.specialty, Metric::HandedOverOut);
  ctx.count(year, p.region, p.specialty, Metric::ExtraordinaryPosted, -1);  // no longer its course
  ctx.count(year, receiver, p.specialty, Metric::HandedOverIn);

  Posting handed = p;
  handed.region = receiver;
  handed.reposts = 0;
  handed.handovers += 1;
  handed.round = static_cast<std::int16_t>(round);
  handed.anchor = static_cast<std::int16_t>(next_anchor(receiver, p.specialty));
  if (!ctx.schedule(next_attempt(handed, when), when))
    ctx.count(year, p.region, p.specialty, Metric::PendingAtEnd);
  return true;
}

}  // namespace forlob
