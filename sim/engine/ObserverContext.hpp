#pragma once
// What a policy that only observes sees of a run: in a forked comparison, the later scenario's
// policies that the first scenario lacks watch its replication until the fork (engine/Divergence).
// They may read everything a policy may read; acting would break Policy::first_active_year's
// promise, and the forked replication would then differ from one run in full, so it throws.
#include <stdexcept>

#include "policies/Policy.hpp"

namespace forlob {

class ObserverContext final : public PolicyContext {
 public:
  explicit ObserverContext(const PolicyContext& watched) : watched_(watched) {}

  bool schedule(const Posting& /*p*/, Month /*when*/) override { refuse(); }
  void count(int /*year*/, Region /*r*/, int /*specialty*/, Metric /*m*/, std::int32_t /*delta*/) override {
    refuse();
  }
  void count_anchor(int /*year*/, int /*pair*/, AnchorMetric /*m*/) override { refuse(); }
  void count_anchor_exit(int /*year*/, int /*pair*/) override { refuse(); }
  KeyedStream stream(Purpose purpose, std::uint64_t entity, std::uint64_t part) const override {
    return watched_.stream(purpose, entity, part);
  }
  Month next_round(Month after, bool same_year, int& round) const override {
    return watched_.next_round(after, same_year, round);
  }
  Month repost_month(Month from) const override { return watched_.repost_month(from); }
  const FillKnowledge& fill() const override { return watched_.fill(); }
  std::optional<double> drawn_probability(const Posting& p) const override {
    return watched_.drawn_probability(p);
  }

 private:
  [[noreturn]] static void refuse() {
    throw std::logic_error("a policy acted before its first_active_year while it only observed a forked run");
  }
  const PolicyContext& watched_;
};

}  // namespace forlob
