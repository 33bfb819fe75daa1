#pragma once
// The flex scheme (fleksforløb), 2021-2025 and in the counterfactual beyond: an unfilled course in
// one specialty is converted to a course in another specialty in the same region (R2), within the
// region's yearly cap (R1), either within the round or at the next round (R3). Re-posting comes
// first and is not limited by the scheme (R5).
#include <map>
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
  const Scenario& scenario_;
  const FlexSpec& spec_;
  std::map<int, std::array<int, kRegionCount>> used_;  // conversions so far, by year and region
};

}  // namespace forlob
