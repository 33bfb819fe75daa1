#pragma once
// The extraordinary-course trial (ekstraordinære forløb), 2026-2030: up to 10 courses a year per
// region (R9) in the four trial specialties, posted outside the dimensioning, each anchored at an
// acute hospital (R12) or in a municipality with poor GP coverage (R11). A course a region cannot
// fill may be handed over to another region for the next round of the year (R10), and a course a
// region lacks the training capacity for is handed over before it is posted (R10's other case,
// /extraordinary/capacity). The trial keeps its own metrics (extraordinary_*, anchors.csv) through
// the engine's hooks.
#include <array>
#include <optional>
#include <vector>

#include "policies/Policy.hpp"
#include "scenario/Scenario.hpp"

namespace forlob {

class ExtraordinaryTrial final : public Policy {
 public:
  ExtraordinaryTrial(const Scenario& scenario, const ExtraordinarySpec& spec);
  std::string_view name() const override { return "extraordinary"; }
  void begin_replication() override;
  void on_round_opened(int year, int round, Month when, PolicyContext& ctx,
                       std::vector<Posting>& postings) override;
  void on_posted(const Posting& p, bool filled, PolicyContext& ctx) override;
  void on_trainee_started(const Posting& p, const TraineeOutcome& outcome, PolicyContext& ctx) override;
  bool on_unfilled(const Posting& p, PolicyContext& ctx) override;
  void on_round_closed(int year, int round, PolicyContext& ctx) override;
  // The trial acts from its first year; before it, it only learns the fills of each round (R10).
  int first_active_year() const override { return spec_.first_year; }
  int first_year_unlike(const Policy& other) const override;
  void adopt_state(const Policy& leader) override;

  // The year's courses of a region in posting order: specialties interleaved, counts by the
  // largest-remainder split of per_region over the weights.
  const std::vector<int>& course_plan(Region r) const { return plan_[static_cast<std::size_t>(index(r))]; }
  // Index range [first, last) of course_plan posted in each round.
  std::pair<int, int> round_slice(Region r, int round) const;

 private:
  Region choose_receiver(const Posting& p, const std::vector<Region>& candidates,
                         const PolicyContext& ctx) const;
  // Other regions than `giver` in its hand-over priority order, then the rest in region order.
  std::vector<Region> receivers_in_order(Region giver) const;
  // Capacity (R10 before posting): courses of `specialty` region r can still take in `year` after
  // those it holds and its own plan's courses in rounds after `round` (its own plan comes first).
  int spare(int year, int round, int specialty, Region r) const;
  std::size_t held_at(int year, int specialty, Region r) const {
    return static_cast<std::size_t>(year - spec_.first_year) * known_.size() + cell(specialty, r);
  }
  std::optional<Region> capacity_receiver(int year, int round, int specialty, Region giver) const;
  int next_anchor(Region r, int specialty);
  // Course i of `planner`'s plan, posted by `holder` (the planner, or who it was handed to).
  Posting extraordinary_posting(int year, int round, Month when, Region planner, int i, Region holder);
  int anchor_pair(const Posting& p) const;
  std::size_t cell(int specialty, Region r) const {
    return static_cast<std::size_t>(specialty) * kRegionCount + static_cast<std::size_t>(index(r));
  }

  const Scenario& scenario_;
  const ExtraordinarySpec& spec_;
  std::array<std::vector<int>, kRegionCount> plan_;         // specialty of each course of the year
  std::array<std::vector<int>, kRegionCount> round_end_;    // cumulative course count per round
  std::array<std::vector<int>, kRegionCount * 2> anchors_;  // [region][hospital?] anchor indices
  std::vector<int> pair_of_;  // [anchor * specialties + specialty] -> anchors.csv pair, or -1
  // Per replication
  std::array<int, kRegionCount * 2> anchor_cursor_{};
  // What a region knows when it hands a course over (R10): courses offered and filled per
  // specialty x region in rounds already closed, and in the round still open.
  struct Record {
    int offered = 0, filled = 0;
  };
  std::vector<Record> known_, open_round_;
  // Extraordinary courses each specialty x region holds in each trial year (posted and kept, or
  // received); only kept when some capacity is given.
  std::vector<int> held_;
  std::vector<int> own_after_;  // [round * cells + cell]: own plan's courses in later rounds
};

}  // namespace forlob
