#pragma once
// The counted quantities of a replication, one per (year, region, specialty). Names are the
// `metric` column of yearly.csv.
#include <array>
#include <string_view>

namespace forlob {

enum class Metric : int {
  Posted,  // every posting: ordinary, re-posting, carried over, flex, extraordinary
  Filled,
  Unfilled,       // ubesat
  Reposted,       // fate of an unfilled posting: genopslag in the region (R5)
  CarriedOver,    // fate: autumn course posted again at the next spring round (R4)
  FlexOut,        // fate: converted to another specialty, same region (R1-R3)
  FlexIn,         // a flex course created in this specialty
  HandedOverOut,  // fate: extraordinary course handed to another region (R10)
  HandedOverIn,
  Lapsed,               // fate: the course is given up
  PendingAtEnd,         // of the fates above: follow-on posting falls after the last round
  OrdinaryPosted,       // first postings of dimensioned courses (R8 arithmetic)
  ExtraordinaryPosted,  // extraordinary courses the region posted and kept (own - out + in)
  ExtraordinaryFilled,
  Started,     // trainees starting a main course
  InTraining,  // trainees in course at the end of the year
  Completed,   // new specialists
  DroppedOut,
};

inline constexpr int kMetricCount = 18;

// clang-format off
inline constexpr std::array<std::string_view, kMetricCount> kMetricNames{
    "posted", "filled", "unfilled", "reposted", "carried_over", "flex_out", "flex_in",
    "handed_over_out", "handed_over_in", "lapsed", "pending_at_end", "ordinary_posted",
    "extraordinary_posted", "extraordinary_filled", "started", "in_training", "completed",
    "dropped_out"};
// clang-format on

constexpr int index(Metric m) { return static_cast<int>(m); }
constexpr std::string_view metric_name(Metric m) { return kMetricNames[static_cast<std::size_t>(index(m))]; }

}  // namespace forlob
