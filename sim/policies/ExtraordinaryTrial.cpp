#include "policies/ExtraordinaryTrial.hpp"

#include "core/LargestRemainder.hpp"

#include <algorithm>

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
  for (std::size_t a = 0; a < spec.anchors.size(); ++a) {
    const Anchor& anchor = spec.anchors[a];
    anchors_[static_cast<std::size_t>(index(anchor.region)) * 2 + (anchor.hospital ? 1U : 0U)].push_back(
        static_cast<int>(a));
  }
}

void ExtraordinaryTrial::begin_replication() { anchor_cursor_.fill(0); }

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

void ExtraordinaryTrial::on_round_opened(int year, int round, Month when, PolicyContext& /*ctx*/,
                                         std::vector<Posting>& postings) {
  if (year < spec_.first_year || year > spec_.last_year) return;
  for (Region r : kRegions) {
    const std::vector<int>& plan = plan_[static_cast<std::size_t>(index(r))];
    const auto [first, last] = round_slice(r, round);
    for (int i = first; i < last; ++i) {
      Posting p;
      p.course = StreamKey(0x45787472616f7264ULL)  // "Extraord": its own family of course ids
                     .with(static_cast<std::uint64_t>(year))
                     .with(static_cast<std::uint64_t>(index(r)))
                     .with(static_cast<std::uint64_t>(i))
                     .value();
      p.specialty = plan[static_cast<std::size_t>(i)];
      p.region = r;
      p.kind = PostingKind::Extraordinary;
      p.round = round;
      p.month = when;
      p.anchor = next_anchor(r, p.specialty);
      postings.push_back(p);
    }
  }
}

Region ExtraordinaryTrial::choose_receiver(const Posting& p, const PolicyContext& ctx) const {
  const std::vector<Region>& order = spec_.handover.priority[static_cast<std::size_t>(index(p.region))];
  std::vector<Region> candidates = order;
  for (Region r : kRegions)
    if (r != p.region && std::find(candidates.begin(), candidates.end(), r) == candidates.end())
      candidates.push_back(r);
  if (spec_.handover.kind == HandoverRule::Kind::Priority) return candidates.front();
  // Highest fill: the region where this replication's fill probability for the course is highest
  // (regions know their applicant pools); ties go to the earlier region in the priority order.
  Region best = candidates.front();
  double best_rate = -1;
  for (Region r : candidates) {
    Posting there = p;
    there.region = r;
    there.reposts = 0;
    const double rate = ctx.fill_probability(there);
    if (rate > best_rate) {
      best_rate = rate;
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
  const Region receiver = choose_receiver(p, ctx);

  ctx.count(year, p.region, p.specialty, Metric::HandedOverOut);
  ctx.count(year, p.region, p.specialty, Metric::ExtraordinaryPosted, -1);  // no longer its course
  ctx.count(year, receiver, p.specialty, Metric::HandedOverIn);

  Posting handed = p;
  handed.region = receiver;
  handed.reposts = 0;
  handed.handovers += 1;
  handed.round = round;
  handed.anchor = next_anchor(receiver, p.specialty);
  if (!ctx.schedule(next_attempt(handed, when), when))
    ctx.count(year, p.region, p.specialty, Metric::PendingAtEnd);
  return true;
}

}  // namespace forlob
