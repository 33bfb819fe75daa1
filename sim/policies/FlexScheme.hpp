#pragma once
// The flex scheme (fleksforløb), 2021-2025 and in the counterfactual beyond: an unfilled course in
// one specialty is converted to a course in another specialty in the same region (R2), within the
// region's yearly cap (R1), either within the round or at the next round (R3). Re-posting comes
// first and is not limited by the scheme (R5).
#include <array>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "policies/Policy.hpp"
#include "scenario/Scenario.hpp"

namespace forlob {

class FlexScheme final : public Policy {
 public:
  FlexScheme(const Scenario& scenario, const FlexSpec& spec);
  std::string_view name() const override { return "flex"; }
  void begin_replication() override;
  bool on_unfilled(const Posting& p, PolicyContext& ctx) override;
  void order_unfilled(std::vector<Posting>& unfilled, PolicyContext& ctx) const override;
  // The scheme acts only in years with a cap (R1): converting, and ordering the unfilled courses.
  int first_active_year() const override;
  int first_year_unlike(const Policy& other) const override;
  void adopt_state(const Policy& leader) override;

 private:
  int choose_target(const Posting& p, PolicyContext& ctx) const;
  int weighted_target(const Posting& p, PolicyContext& ctx) const;
  // The caps and the conversions so far of `year` (R1), or null in a year without a cap. Flat by
  // year from the first capped one: asked for every unfilled course, where a map lookup showed.
  const std::array<int, kRegionCount>* cap_of(int year) const;
  std::array<int, kRegionCount>& used_in(int year) {
    return used_[static_cast<std::size_t>(year - first_cap_year_)];
  }
  const std::array<int, kRegionCount>& used_in(int year) const {
    return used_[static_cast<std::size_t>(year - first_cap_year_)];
  }
  const Scenario& scenario_;
  const FlexSpec& spec_;
  int first_cap_year_ = 0;
  // [year - first_cap_year_]: the year's caps by region, none in a year without the scheme
  std::vector<std::optional<std::array<int, kRegionCount>>> caps_;
  std::vector<std::array<int, kRegionCount>> used_;  // conversions so far, [year - first_cap_year_][region]
  // order_unfilled's scratch, kept for its capacity (one engine per thread)
  mutable std::vector<std::pair<std::uint64_t, std::size_t>> keyed_;
  mutable std::vector<Posting> ordered_;
};

}  // namespace forlob
