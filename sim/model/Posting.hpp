#pragma once
// One posting (opslag) of one main course in a hiring round.
#include <cstdint>

#include "core/Month.hpp"
#include "core/Region.hpp"
#include "scenario/Scenario.hpp"

namespace forlob {

struct Posting {
  // Identity of the course, stable across policies: draws are keyed on (course, attempt), so
  // replication i of two policies gives the same outcome to the same posting (common random numbers).
  std::uint64_t course = 0;
  int attempt = 0;  // how many times this course was posted before
  int specialty = 0;
  Month month = 0;  // when it is posted
  // The small fields are narrow so that a posting fits in 32 bytes: a round at 100 times the
  // dimensioning holds 150,000 of them (the scenario bounds keep each far inside its type).
  std::int16_t reposts = 0;    // re-postings (genopslag) used since it was last posted fresh (R5)
  std::int16_t handovers = 0;  // times handed to another region (R10)
  std::int16_t round = 0;      // the hiring round the course belongs to
  std::int16_t anchor = -1;    // extraordinary courses: index into ExtraordinarySpec::anchors
  Region region = Region::Nord;
  PostingKind kind = PostingKind::Ordinary;
  bool converted = false;  // a flex course (R2), also after it is re-posted or carried over

  // A fresh posting of an extraordinary course in its region: its own, or just handed over.
  bool fresh_extraordinary() const { return kind == PostingKind::Extraordinary && reposts == 0; }
  // The entity that draws for this posting, a well-mixed 64-bit value: course ids are hashes, and
  // the attempt number is spread by an odd constant so attempts of nearby courses stay apart.
  std::uint64_t draw_entity() const {
    return course ^ (static_cast<std::uint64_t>(attempt) * 0xd1b54a32d192ed03ULL);
  }
};

static_assert(sizeof(Posting) == 32);

// The next posting of the same course: a new attempt with its own draws.
inline Posting next_attempt(Posting p, Month when) {
  p.attempt += 1;
  p.month = when;
  return p;
}

}  // namespace forlob
