#include "forecast/ObservedRounds.hpp"

#include <algorithm>
#include <utility>

namespace forlob {

namespace {

// The purpose of the ranking draws, kept apart from the engine's purposes (KeyedStream.hpp).
constexpr std::uint64_t kObservedRanking = hash_name("forecast/observed-rounds/ranking");

std::uint64_t pack(int year, int round, Region region, int specialty, CourseKind kind) {
  return (static_cast<std::uint64_t>(year) << 40U) | (static_cast<std::uint64_t>(round) << 32U) |
         (static_cast<std::uint64_t>(index(region)) << 24U) | (static_cast<std::uint64_t>(specialty) << 8U) |
         static_cast<std::uint64_t>(kind);
}

CourseKind kind_of(const Posting& p) {
  return p.kind == PostingKind::Extraordinary ? CourseKind::Extraordinary : CourseKind::Ordinary;
}

}  // namespace

bool ObservedRounds::Decision::matches(const Posting& p, int round_year) const {
  return year == round_year && p.round == round && p.specialty == specialty && p.region == region &&
         (p.kind == PostingKind::Extraordinary) == extraordinary;
}

bool ObservedRounds::round_fixed(int year, int round) const {
  return std::find(fixed_rounds_.begin(), fixed_rounds_.end(), std::pair{year, round}) != fixed_rounds_.end();
}

ObservedRounds::ObservedRounds(const ObservedFigures& figures)
    : figures_(figures),
      outcomes_(figures.cells.size()),
      chosen_(figures.cells.size()),
      members_(figures.cells.size()) {
  for (std::size_t c = 0; c < figures.cells.size(); ++c) {
    const ObservedCell& cell = figures.cells[c];
    cell_index_.emplace(pack(cell.year, cell.round, cell.region, cell.specialty, cell.kind),
                        static_cast<int>(c));
    if (!round_fixed(cell.year, cell.round)) fixed_rounds_.push_back({cell.year, cell.round});
  }
}

void ObservedRounds::begin_replication(StreamKey replication) {
  ranking_key_ = replication.with(kObservedRanking);
  std::fill(outcomes_.begin(), outcomes_.end(), CellOutcome{});
  std::fill(chosen_.begin(), chosen_.end(), 0);
  decided_.clear();
  opened_year_.clear();
}

int ObservedRounds::cell_of(int year, int round, const Posting& p) const {
  const auto it = cell_index_.find(pack(year, round, p.region, p.specialty, kind_of(p)));
  return it == cell_index_.end() ? -1 : it->second;
}

void ObservedRounds::on_round(int year, int round, std::span<const Posting> postings,
                              const NaturalFill& natural) {
  if (opened_year_.size() <= static_cast<std::size_t>(round))
    opened_year_.resize(static_cast<std::size_t>(round) + 1, 0);
  opened_year_[static_cast<std::size_t>(round)] = year;
  if (!round_fixed(year, round)) return;
  touched_.clear();
  for (std::size_t i = 0; i < postings.size(); ++i) {
    const Posting& p = postings[i];
    if (p.reposts > 0) continue;  // a re-posting belongs to the round it was first posted in
    const int c = cell_of(year, round, p);
    if (c < 0) continue;
    std::vector<std::size_t>& members = members_[static_cast<std::size_t>(c)];
    if (members.empty()) touched_.push_back(c);
    members.push_back(i);
  }
  for (int c : touched_) {
    std::vector<std::size_t>& members = members_[static_cast<std::size_t>(c)];
    const ObservedCell& cell = figures_.cells[static_cast<std::size_t>(c)];
    // Courses that fill by their own draws first, then the rest, each group in keyed random order.
    order_.clear();
    for (std::size_t i : members) {
      const Posting& p = postings[i];
      KeyedStream stream(ranking_key_.with_hash(p.draw_entity()));
      order_.push_back({natural(p), uniform01(stream), i});
    }
    std::sort(order_.begin(), order_.end(), [](const Ranked& a, const Ranked& b) {
      const bool a_fills = a.natural_fill >= 0, b_fills = b.natural_fill >= 0;
      if (a_fills != b_fills) return a_fills;
      if (a.u != b.u) return a.u < b.u;
      return a.index < b.index;
    });
    for (std::size_t rank = 0; rank < order_.size(); ++rank) {
      const Ranked& ranked = order_[rank];
      const Posting& p = postings[ranked.index];
      Decision d{c, -1, year, p.round, p.specialty, p.region, p.kind == PostingKind::Extraordinary};
      if (static_cast<int>(rank) < cell.filled) {
        d.fill_at = ranked.natural_fill >= 0 ? ranked.natural_fill : p.reposts;
        ++chosen_[static_cast<std::size_t>(c)];
      }
      decided_[p.course] = d;
    }
    outcomes_[static_cast<std::size_t>(c)].posted += static_cast<std::int32_t>(members.size());
    members.clear();
  }
}

std::optional<bool> ObservedRounds::fills(const Posting& p) {
  // A posting belongs to its round's latest opening: the one it was posted fresh in, and for a
  // course that joins the round later (a flex course posted within the round, R3) the opening it
  // joins, which may lie in the previous year (an autumn round's flex course posted in January).
  if (static_cast<std::size_t>(p.round) >= opened_year_.size()) return std::nullopt;
  const int year = opened_year_[static_cast<std::size_t>(p.round)];
  if (!round_fixed(year, p.round)) return std::nullopt;
  if (const auto it = decided_.find(p.course); it != decided_.end() && it->second.matches(p, year)) {
    const bool filled = p.reposts == it->second.fill_at;
    if (filled) ++outcomes_[static_cast<std::size_t>(it->second.cell)].filled;
    return filled;
  }
  if (p.reposts > 0) return std::nullopt;
  const int c = cell_of(year, p.round, p);
  if (c < 0) return std::nullopt;
  // Joined after the opening: it fills while the observed count has not been reached.
  const std::size_t cell = static_cast<std::size_t>(c);
  outcomes_[cell].posted += 1;
  const bool filled = chosen_[cell] < figures_.cells[cell].filled;
  if (filled) {
    ++chosen_[cell];
    ++outcomes_[cell].filled;
  }
  decided_[p.course] = Decision{
      c, filled ? 0 : -1, year, p.round, p.specialty, p.region, p.kind == PostingKind::Extraordinary};
  return filled;
}

}  // namespace forlob
