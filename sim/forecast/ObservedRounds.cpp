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

bool ObservedRounds::Decision::matches(const Posting& p) const {
  return p.round == round && p.specialty == specialty && p.region == region &&
         (p.kind == PostingKind::Extraordinary) == extraordinary;
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

void ObservedRounds::on_round(int year, int round, std::span<const RoundPosting> postings) {
  if (opened_year_.size() <= static_cast<std::size_t>(round))
    opened_year_.resize(static_cast<std::size_t>(round) + 1, 0);
  opened_year_[static_cast<std::size_t>(round)] = year;
  touched_.clear();
  for (std::size_t i = 0; i < postings.size(); ++i) {
    const Posting& p = postings[i].posting;
    const int c = cell_of(year, round, p);
    if (c < 0) {
      // Posted fresh in a cell that is not fixed: whatever was decided for the course before
      // (in an earlier round) no longer applies.
      if (!decided_.empty()) decided_.erase(p.course);
      continue;
    }
    std::vector<std::size_t>& members = members_[static_cast<std::size_t>(c)];
    if (members.empty()) touched_.push_back(c);
    members.push_back(i);
  }
  std::vector<std::pair<std::pair<int, double>, std::size_t>> order;
  for (int c : touched_) {
    std::vector<std::size_t>& members = members_[static_cast<std::size_t>(c)];
    const ObservedCell& cell = figures_.cells[static_cast<std::size_t>(c)];
    // Courses that fill by their own draws first, then the rest, each group in keyed random order.
    order.clear();
    for (std::size_t i : members) {
      const RoundPosting& rp = postings[i];
      KeyedStream stream(ranking_key_.with_hash(rp.posting.draw_entity()));
      order.push_back({{rp.natural_fill >= 0 ? 0 : 1, uniform01(stream)}, i});
    }
    std::sort(order.begin(), order.end());
    for (std::size_t rank = 0; rank < order.size(); ++rank) {
      const RoundPosting& rp = postings[order[rank].second];
      const Posting& p = rp.posting;
      Decision d{c, -1, p.round, p.specialty, p.region, p.kind == PostingKind::Extraordinary};
      if (static_cast<int>(rank) < cell.filled) {
        d.fill_at = rp.natural_fill >= 0 ? rp.natural_fill : p.reposts;
        ++chosen_[static_cast<std::size_t>(c)];
      }
      decided_[p.course] = d;
    }
    outcomes_[static_cast<std::size_t>(c)].posted += static_cast<std::int32_t>(members.size());
    members.clear();
  }
}

std::optional<bool> ObservedRounds::fills(const Posting& p) {
  if (const auto it = decided_.find(p.course); it != decided_.end() && it->second.matches(p)) {
    const bool filled = p.reposts == it->second.fill_at;
    if (filled) ++outcomes_[static_cast<std::size_t>(it->second.cell)].filled;
    return filled;
  }
  if (p.reposts > 0) return std::nullopt;
  // A course that joins a round after it opened (a flex course posted within the round): it belongs
  // to that round's latest opening, which may lie in the previous year (an autumn round's flex
  // course posted in January).
  if (static_cast<std::size_t>(p.round) >= opened_year_.size()) return std::nullopt;
  const int c = cell_of(opened_year_[static_cast<std::size_t>(p.round)], p.round, p);
  if (c < 0) return std::nullopt;
  const std::size_t cell = static_cast<std::size_t>(c);
  outcomes_[cell].posted += 1;
  const bool filled = chosen_[cell] < figures_.cells[cell].filled;
  if (filled) {
    ++chosen_[cell];
    ++outcomes_[cell].filled;
  }
  decided_[p.course] =
      Decision{c, filled ? 0 : -1, p.round, p.specialty, p.region, p.kind == PostingKind::Extraordinary};
  return filled;
}

}  // namespace forlob
