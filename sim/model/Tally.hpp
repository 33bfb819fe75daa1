#pragma once
// The counts of one replication: [year][region][specialty][metric] for the yearly table, and the
// flows of extraordinary courses by anchor. Reused across replications to avoid allocation.
#include <cstdint>
#include <vector>

#include "core/Region.hpp"
#include "model/Layout.hpp"
#include "model/Metric.hpp"

namespace forlob {

class Tally {
 public:
  Tally(int first_year, int years, int specialties, std::size_t anchor_pairs);

  void clear();
  // Takes the counts of `leader`, a tally of the same years and specialties, to carry on its
  // replication (a forked comparison). Anchor counts are taken when the anchors are the same;
  // otherwise they stay as cleared: the fork comes before the first extraordinary course.
  void copy_counts(const Tally& leader);
  // Adds to a count; years outside the reported range are ignored (e.g. completions after the
  // follow-up horizon, which leave the trainee in training at the end).
  void add(int year, Region r, int specialty, Metric m, std::int32_t delta = 1) {
    const int y = year - first_year_;
    if (y < 0 || y >= years_) return;
    cells_[offset(y, index(r), specialty) + static_cast<std::size_t>(index(m))] += delta;
  }
  // The counts of (year, region, specialty), indexed by metric; null for a year outside the range.
  // For a caller that adds several metrics of one cell (a posting's record).
  std::int32_t* row(int year, Region r, int specialty) {
    const int y = year - first_year_;
    if (y < 0 || y >= years_) return nullptr;
    return &cells_[offset(y, index(r), specialty)];
  }
  void add_anchor(int year, int pair, AnchorMetric m) {
    const int y = year - first_year_;
    if (y < 0 || y >= years_ || pair < 0) return;
    anchor_flow_[(static_cast<std::size_t>(y) * pairs_ + static_cast<std::size_t>(pair)) * kAnchorFlows +
                 static_cast<std::size_t>(m)] += 1;
  }
  // A trainee from an extraordinary course leaves it (completed or dropped out).
  void add_anchor_exit(int year, int pair) {
    const int y = year - first_year_;
    if (y < 0 || y >= years_ || pair < 0) return;
    anchor_flow_[(static_cast<std::size_t>(y) * pairs_ + static_cast<std::size_t>(pair)) * kAnchorFlows +
                 kExit] += 1;
  }

  std::int32_t get(int year, Region r, int specialty, Metric m) const {
    return cells_[offset(year - first_year_, index(r), specialty) + static_cast<std::size_t>(index(m))];
  }

  // Turns flows into year-end stocks (in training, in course). Call once, after the replication.
  void close_stocks();

  // Writes the replication into the expanded layouts ("all" rows added).
  void expand(const YearlyLayout& layout, std::vector<std::int32_t>& out) const;
  void expand_anchors(const AnchorLayout& layout, std::vector<std::int32_t>& out) const;

  int first_year() const { return first_year_; }
  int years() const { return years_; }

 private:
  static constexpr std::size_t kAnchorFlows = kAnchorMetricCount + 1;
  static constexpr std::size_t kExit = kAnchorMetricCount;
  std::size_t offset(int y, int r, int s) const {
    return ((static_cast<std::size_t>(y) * kRegionCount + static_cast<std::size_t>(r)) *
                static_cast<std::size_t>(specialties_) +
            static_cast<std::size_t>(s)) *
           kMetricCount;
  }
  int first_year_, years_, specialties_;
  std::size_t pairs_;
  std::vector<std::int32_t> cells_;
  std::vector<std::int32_t> anchor_flow_;
};

}  // namespace forlob
