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
  int attempt = 0;         // how many times this course was posted before
  int reposts = 0;         // re-postings (genopslag) used since it was last posted fresh (R5)
  int handovers = 0;       // times handed to another region (R10)
  bool converted = false;  // a flex course (R2), also after it is re-posted or carried over
  int specialty = 0;
  Region region = Region::Nord;
  PostingKind kind = PostingKind::Ordinary;
  int round = 0;    // the hiring round the course belongs to
  Month month = 0;  // when it is posted
  int anchor = -1;  // extraordinary courses: index into ExtraordinarySpec::anchors

  // A fresh posting of an extraordinary course in its region: its own, or just handed over.
  bool fresh_extraordinary() const { return kind == PostingKind::Extraordinary && reposts == 0; }
  // The entity that draws for this posting, a well-mixed 64-bit value: course ids are hashes, and
  // the attempt number is spread by an odd constant so attempts of nearby courses stay apart.
  std::uint64_t draw_entity() const {
    return course ^ (static_cast<std::uint64_t>(attempt) * 0xd1b54a32d192ed03ULL);
  }
};

// The next posting of the same course: a new attempt with its own draws.
inline Posting next_attempt(Posting p, Month when) {
  p.attempt += 1;
  p.month = when;
  return p;
}

}  // namespace forlob
