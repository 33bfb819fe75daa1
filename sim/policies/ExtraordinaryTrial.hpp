#pragma once
// The extraordinary-course trial (ekstraordinære forløb), 2026-2030: up to 10 courses a year per
// region (R9) in the four trial specialties, posted outside the dimensioning, each anchored at an
// acute hospital (R12) or in a municipality with poor GP coverage (R11). A course a region cannot
// fill may be handed over to another region for the next round of the year (R10).
#include <array>
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
  bool on_unfilled(const Posting& p, PolicyContext& ctx) override;

  // The year's courses of a region in posting order: specialties interleaved, counts by the
  // largest-remainder split of per_region over the weights.
  const std::vector<int>& course_plan(Region r) const { return plan_[static_cast<std::size_t>(index(r))]; }
  // Index range [first, last) of course_plan posted in each round.
  std::pair<int, int> round_slice(Region r, int round) const;

 private:
  Region choose_receiver(const Posting& p, const PolicyContext& ctx) const;
  int next_anchor(Region r, int specialty);

  const Scenario& scenario_;
  const ExtraordinarySpec& spec_;
  std::array<std::vector<int>, kRegionCount> plan_;         // specialty of each course of the year
  std::array<std::vector<int>, kRegionCount> round_end_;    // cumulative course count per round
  std::array<std::vector<int>, kRegionCount * 2> anchors_;  // [region][hospital?] anchor indices
  // Per replication
  std::array<int, kRegionCount * 2> anchor_cursor_{};
};

}  // namespace forlob
