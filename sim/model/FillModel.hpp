#pragma once
// Whether a posting finds a qualified applicant. Three layers of uncertainty: the mean fill rate of
// each specialty x region is drawn once per replication from a Beta distribution (we do not know
// the true rate); each hiring year's rate is drawn around that mean when the cell has between-year
// variation (a Beta-binomial fit says how much); then each posting fills or not (binomial noise).
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
  // Whether `other` draws the same probabilities for every replication: the same fill section,
  // specialties and hiring years (the draws are a function of these and the key alone).
  bool draws_as(const FillModel& other) const;
  // Takes the probabilities `other` drew, when draws_as(other) and it drew for this replication.
  void copy_draws(const FillModel& other) {
    base_ = other.base_;
    p_ = other.p_;
  }

  // This replication's fill probability of `p` in the year it is posted.
  double probability(const Posting& p) const {
    return p_[slot(year_of(p.month) - first_year_, p.specialty, index(p.region), static_cast<int>(p.kind),
                   p.reposts > 0)];
  }
  // The drawn mean ordinary first-posting probability (with /fill/scale), before year variation
  // and kind multipliers.
  double base(int specialty, Region r) const {
    return base_[static_cast<std::size_t>(specialty) * kRegionCount + static_cast<std::size_t>(index(r))];
  }
  // The ordinary first-posting probability in `year` (base() with the year's variation).
  double rate(int specialty, Region r, int year) const {
    return p_[slot(year - first_year_, specialty, index(r), static_cast<int>(PostingKind::Ordinary), false)];
  }
  // Draws whether `p` fills; `fill_key` is the replication's key with Purpose::Fill.
  bool fills(const Posting& p, StreamKey fill_key) const;

 private:
  std::size_t slot(int year, int s, int r, int kind, bool repost) const {
    return (((static_cast<std::size_t>(year) * specialties_ + static_cast<std::size_t>(s)) * kRegionCount +
             static_cast<std::size_t>(r)) *
                kPostingKindCount +
            static_cast<std::size_t>(kind)) *
               2 +
           (repost ? 1U : 0U);
  }
  const Scenario& scenario_;
  int first_year_ = 0;  // the first year with hiring rounds
  int years_ = 0;       // years with hiring rounds
  std::size_t specialties_ = 0;
  std::vector<std::uint64_t> specialty_keys_;
  std::vector<double> base_;  // [s][r]
  std::vector<double> p_;     // [year][s][r][kind][repost]
};

}  // namespace forlob
