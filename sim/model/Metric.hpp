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
  // The trainees above who hold an extraordinary course (R9), so that the 2029 evaluation (R14) can
  // tell them from trainees in ordinary courses of the same specialties.
  ExtraordinaryStarted,
  ExtraordinaryInTraining,
  ExtraordinaryCompleted,
  ExtraordinaryDroppedOut,
  // Ordinary courses offered in a round, each once: first postings of dimensioned courses, carried
  // over (R4) and flex (R2) postings; a re-posting (genopslag, R5) of the same course is not counted
  // again. Every such course fills at most once in the year, so filled ordinary <= this.
  OrdinaryOffered,
  // The applicant model (zero under the independent model), by the applicants' home region:
  // waiting at the start + Applicants = ApplicantsPlaced + ApplicantsLeft + ApplicantsWaiting.
  Applicants,         // new qualified applicants (those drawn in by extraordinary courses included)
  ApplicantsPlaced,   // took a course (in any region)
  ApplicantsLeft,     // left the pool unplaced (another specialty, abroad)
  ApplicantsWaiting,  // in the pool at the end of the year
  // Filled extraordinary courses by where the applicant came from, in the course's region: a new
  // applicant (drawn in by the course) or the specialty's pool (who could have taken another course).
  ExtraordinaryFilledNew,
  ExtraordinaryFilledPool,
  // Filled postings of every kind but extraordinary: in a comparison, B - A shows crowd-out.
  OrdinaryFilled,
  // The stock of specialists (/stock; zero without one): at the end of the year, and the year's
  // exits from it. Stock at the start + completed = specialists at the end + retired + exited, the
  // completions counted from the stock's year on.
  Specialists,
  Retired,
  Exited,
  // R10 before posting (/extraordinary/capacity; zero when no capacity binds): planned extraordinary
  // courses the region lacked the capacity for, handed to another region (at the giver) and received
  // (at the receiver), and those no region had capacity for, not posted (at the planning region).
  // A region's plan = extraordinary_posted + handed_over_out - handed_over_in
  //                   + extraordinary_handed_over_capacity - extraordinary_received_capacity
  //                   + extraordinary_unposted_capacity.
  ExtraordinaryHandedOverCapacity,
  ExtraordinaryReceivedCapacity,
  ExtraordinaryUnpostedCapacity,
};

inline constexpr int kMetricCount = 36;

// The counts the specialist stock's projection writes (SpecialistStock).
constexpr bool is_specialist_stock(Metric m) {
  return m == Metric::Specialists || m == Metric::Retired || m == Metric::Exited;
}

// clang-format off
inline constexpr std::array<std::string_view, kMetricCount> kMetricNames{
    "posted", "filled", "unfilled", "reposted", "carried_over", "flex_out", "flex_in",
    "handed_over_out", "handed_over_in", "lapsed", "pending_at_end", "ordinary_posted",
    "extraordinary_posted", "extraordinary_filled", "started", "in_training", "completed",
    "dropped_out", "extraordinary_started", "extraordinary_in_training", "extraordinary_completed",
    "extraordinary_dropped_out", "ordinary_offered", "applicants", "applicants_placed", "applicants_left",
    "applicants_waiting", "extraordinary_filled_new", "extraordinary_filled_pool", "ordinary_filled", "specialists", "retired", "exited",
    "extraordinary_handed_over_capacity", "extraordinary_received_capacity", "extraordinary_unposted_capacity"};
// clang-format on

constexpr int index(Metric m) { return static_cast<int>(m); }
constexpr std::string_view metric_name(Metric m) { return kMetricNames[static_cast<std::size_t>(index(m))]; }

static_assert(index(Metric::ExtraordinaryUnpostedCapacity) + 1 == kMetricCount &&
                  !kMetricNames.back().empty(),
              "every metric has a name");

}  // namespace forlob
