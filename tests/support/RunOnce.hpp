#pragma once
// Runs one replication of a scenario and returns its tally.
#include "engine/Replication.hpp"

namespace forlob::testing {

inline Tally run_once(const Scenario& s, std::int64_t replication = 0, std::uint64_t seed = 1) {
  Replication engine(s);
  Tally tally(s.calendar.warmup_start_year, s.year_count(), s.specialty_count(),
              engine.anchor_layout().pairs.size());
  engine.run(seed, replication, tally);
  return tally;
}

}  // namespace forlob::testing
