#pragma once
// Keyed random streams. Every draw is named by (seed, replication, purpose, entity...), so a draw
// never depends on thread scheduling, and two policies run with the same seed see the same numbers
// for the same postings and trainees (common random numbers).
#include <cstdint>
#include <string_view>

namespace forlob {

// SplitMix64's output function (Steele, Lea, Flood 2014): a bijective 64-bit mix.
constexpr std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30U)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27U)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31U);
}

// FNV-1a: a stable hash of names (specialty ids), so keys do not depend on list order.
constexpr std::uint64_t hash_name(std::string_view name) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : name) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

// What a draw is for. Separate purposes keep mechanisms from shifting each other's numbers.
enum class Purpose : std::uint64_t {
  FillRate = 1,    // per-replication Beta draw of a fill probability
  Fill = 2,        // does this posting fill?
  Trainee = 3,     // course extension and dropout of the trainee who took it
  FlexTakeUp = 4,  // does the region use a free flex slot?
  FlexTarget = 5,  // which specialty receives the flex course
  FlexTiming = 6,  // within the round or at the next round (R3)
  FillYear = 7,    // a hiring year's fill rate around the replication's mean (between-year variation)
  // The applicant model (fill/ApplicantPool)
  ApplicantLevel = 8,      // the replication's applicant level of a specialty (parameter uncertainty)
  ApplicantYear = 9,       // a year's level around it (between-year variation)
  ApplicantArrivals = 10,  // how many new applicants a round brings, per specialty and home region
  Applicant = 11,          // one applicant's own choices (mobility)
  ApplicantLeave = 12,     // does a waiting applicant leave before the next round?
  ApplicantNew = 13,       // does an extraordinary posting draw in a new applicant?
  Serving = 14,            // a posting's place among equally attractive ones
  FlexOrder = 15,          // an unfilled course's place in the flex scheme's conversion order
  StockExit = 16,          // retirements and other exits of one age cohort of specialists in a year
  // forlob evaluate (sim/evaluate)
  EvaluatePrior = 17,  // a reference-table draw of the unknowns from their prior
  EvaluateTruth = 18,  // a synthetic truth's other unknowns in the power analysis
};

class StreamKey {
 public:
  constexpr explicit StreamKey(std::uint64_t seed) : h_(mix64(seed ^ 0x6a09e667f3bcc909ULL)) {}
  constexpr StreamKey with(std::uint64_t part) const {
    return StreamKey(Raw{}, mix64(h_ ^ mix64(part + 0x9e3779b97f4a7c15ULL)));
  }
  constexpr StreamKey with(Purpose p) const { return with(static_cast<std::uint64_t>(p)); }
  // For a part that is already a well-mixed 64-bit hash (a course id): one mix instead of two.
  constexpr StreamKey with_hash(std::uint64_t hashed) const { return StreamKey(Raw{}, mix64(h_ ^ hashed)); }
  constexpr std::uint64_t value() const { return h_; }

 private:
  struct Raw {};
  constexpr StreamKey(Raw, std::uint64_t h) : h_(h) {}
  std::uint64_t h_;
};

// The keyed draws this thread has made, for the benchmark's draw bound (forlob bench): a plain
// thread-local counter, so counting costs one increment and never synchronises threads.
inline thread_local std::uint64_t keyed_draws_made = 0;

// A counter-based engine: output n is mix64(key + n * golden gamma). Cheap to create per entity,
// and a UniformRandomBitGenerator, so Boost.Random's distributions run on it.
class KeyedStream {
 public:
  using result_type = std::uint64_t;
  constexpr explicit KeyedStream(StreamKey key) : state_(key.value()) {}
  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return ~result_type{0}; }
  result_type operator()() {
    ++keyed_draws_made;
    state_ += 0x9e3779b97f4a7c15ULL;
    return mix64(state_);
  }

 private:
  std::uint64_t state_;
};

// A uniform draw on [0, 1): the top 53 bits of the next output, scaled by 2^-53, so every
// value is exact and 1 is never reached. Inline: it is the innermost call of the simulation.
inline double uniform01(KeyedStream& stream) { return static_cast<double>(stream() >> 11U) * 0x1.0p-53; }

}  // namespace forlob
