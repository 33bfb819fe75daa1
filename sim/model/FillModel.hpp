#pragma once
// Whether a posting finds a qualified applicant. Two layers of uncertainty: the fill probability of
// each specialty x region is drawn once per replication from a Beta distribution around the
// scenario's mean (we do not know the true rate), then each posting fills or not (binomial noise).
#include <array>
#include <vector>

#include "model/Posting.hpp"
#include "random/KeyedStream.hpp"
#include "scenario/Scenario.hpp"

namespace forlob {

class FillModel {
 public:
  explicit FillModel(const Scenario& scenario);

  // Draws this replication's fill probabilities; `replication` is the replication's stream key.
  void draw(StreamKey replication);

  double probability(const Posting& p) const {
    return p_[slot(p.specialty, index(p.region), static_cast<int>(p.kind), p.reposts > 0)];
  }
  // The drawn ordinary first-posting probability, before kind multipliers.
  double base(int specialty, Region r) const {
    return base_[static_cast<std::size_t>(specialty) * kRegionCount + static_cast<std::size_t>(index(r))];
  }
  // Draws whether `p` fills; `fill_key` is the replication's key with Purpose::Fill.
  bool fills(const Posting& p, StreamKey fill_key) const;

 private:
  static std::size_t slot(int s, int r, int kind, bool repost) {
    return ((static_cast<std::size_t>(s) * kRegionCount + static_cast<std::size_t>(r)) * kPostingKindCount +
            static_cast<std::size_t>(kind)) *
               2 +
           (repost ? 1U : 0U);
  }
  const Scenario& scenario_;
  std::vector<std::uint64_t> specialty_keys_;
  std::vector<double> base_;
  std::vector<double> p_;
};

}  // namespace forlob
