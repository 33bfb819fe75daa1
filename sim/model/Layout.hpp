#pragma once
// Where each counted number of a replication lives in a flat vector. The kernel writes a Tally in
// the compact layout; results are reported in the expanded layout, which adds "all" rows for
// region and specialty, plus anchor cells and named headline sums.
#include <cstddef>
#include <string>
#include <vector>

#include "core/Region.hpp"
#include "model/Metric.hpp"
#include "scenario/Scenario.hpp"

namespace forlob {

// [year][region 0..3, 3 = all][specialty 0..S, S = all][metric]
struct YearlyLayout {
  int first_year = 0;
  int years = 0;
  int specialties = 0;  // without "all"

  static constexpr int kRegionSlots = kRegionCount + 1;
  int specialty_slots() const { return specialties + 1; }
  std::size_t cells() const {
    return static_cast<std::size_t>(years) * kRegionSlots * static_cast<std::size_t>(specialty_slots()) *
           kMetricCount;
  }
  std::size_t cell(int year_index, int region_slot, int specialty_slot, Metric m) const {
    return ((static_cast<std::size_t>(year_index) * kRegionSlots + static_cast<std::size_t>(region_slot)) *
                static_cast<std::size_t>(specialty_slots()) +
            static_cast<std::size_t>(specialty_slot)) *
               kMetricCount +
           static_cast<std::size_t>(index(m));
  }
};

// Extraordinary courses by anchor (R11, R12): [year][pair][AnchorMetric], where a pair is an
// anchor together with a specialty it can host.
enum class AnchorMetric : int { Posted, Filled, InCourse, Completed };
inline constexpr int kAnchorMetricCount = 4;
inline constexpr const char* kAnchorMetricNames[kAnchorMetricCount] = {"posted", "filled", "in_course",
                                                                       "completed"};

struct AnchorPair {
  int anchor = 0;     // index into ExtraordinarySpec::anchors
  int specialty = 0;  // index into Scenario::specialties
};

struct AnchorLayout {
  int first_year = 0;
  int years = 0;
  std::vector<AnchorPair> pairs;
  std::size_t cells() const { return static_cast<std::size_t>(years) * pairs.size() * kAnchorMetricCount; }
  std::size_t cell(int year_index, std::size_t pair, AnchorMetric m) const {
    return (static_cast<std::size_t>(year_index) * pairs.size() + pair) * kAnchorMetricCount +
           static_cast<std::size_t>(m);
  }
};

// The (anchor, specialty) pairs reported in anchors.csv, from the trial's first year: each anchor
// with the specialties of its kind, hospitals (R12) or municipalities (R11).
AnchorLayout make_anchor_layout(const Scenario& scenario);

// A named sum of expanded yearly cells, e.g. new specialists in the four trial specialties
// 2031-2036. Summed per replication so its interval is that of the sum, not a sum of intervals.
struct Headline {
  std::string name;
  std::vector<std::size_t> terms;
  int first_year = 0, last_year = 0;  // the years summed
  bool spans_years() const { return last_year > first_year; }
};

}  // namespace forlob
