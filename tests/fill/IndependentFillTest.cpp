#include "fill/IndependentFill.hpp"

#include <gtest/gtest.h>

#include "model/Tally.hpp"
#include "support/TinyScenario.hpp"

namespace forlob {
namespace {

using testing::set_fill;
using testing::tiny_scenario;

// Every cell's drawn rate in every hiring year: what the per-replication Beta draws decide.
std::vector<double> rates(const IndependentFill& f, const Scenario& s) {
  std::vector<double> out;
  for (int sp = 0; sp < s.specialty_count(); ++sp)
    for (Region r : kRegions)
      for (int y = s.calendar.warmup_start_year; y <= s.calendar.end_year; ++y)
        out.push_back(f.model().rate(sp, r, y));
  return out;
}

Scenario uncertain_scenario() {
  Scenario s = tiny_scenario(2, 5);
  set_fill(s, 0.6);
  s.fill.concentration = 20;       // the replication's rate varies
  s.fill.year_concentration = 50;  // and each year's around it
  return s;
}

std::uint64_t draws_of_begin(IndependentFill& f, StreamKey key, Tally& tally) {
  const std::uint64_t before = keyed_draws_made;
  f.begin_replication(key, tally);
  return keyed_draws_made - before;
}

// A comparison's second scenario takes the first one's Beta draws when its fill section is the
// same: the rates are those it would draw itself, replication by replication, without drawing.
TEST(IndependentFill, AFollowerWithTheSameFillSectionTakesTheLeadersDrawsAndNothingChanges) {
  const Scenario a = uncertain_scenario();
  Scenario b = a;
  b.name = "b";  // another scenario, the same fill section
  Tally tally(2020, 11, 2, 0);
  IndependentFill leader(a), follower(b), alone(b);
  follower.follow_draws_of(leader);
  for (std::int64_t rep = 0; rep < 5; ++rep) {
    const StreamKey key = StreamKey(11).with(static_cast<std::uint64_t>(rep));
    EXPECT_GT(draws_of_begin(leader, key, tally), 0U);
    EXPECT_EQ(draws_of_begin(follower, key, tally), 0U) << "the follower drew again";
    alone.begin_replication(key, tally);
    EXPECT_EQ(rates(follower, b), rates(alone, b)) << "replication " << rep;
  }
  // A replication the leader has not drawn for is drawn afresh.
  const StreamKey other = StreamKey(11).with(std::uint64_t{99});
  EXPECT_GT(draws_of_begin(follower, other, tally), 0U);
  alone.begin_replication(other, tally);
  EXPECT_EQ(rates(follower, b), rates(alone, b));
}

// Any difference in the fill section (here a fill rate, or the between-year variation) and the
// follower draws its own.
TEST(IndependentFill, AFollowerWithAnotherFillSectionDrawsItsOwn) {
  const Scenario a = uncertain_scenario();
  Scenario lower = a, steadier = a;
  set_fill(lower, 0.5);
  steadier.fill.year_concentration = 0;
  Tally tally(2020, 11, 2, 0);
  for (const Scenario* b : {&lower, &steadier}) {
    IndependentFill leader(a), follower(*b), alone(*b);
    follower.follow_draws_of(leader);
    const StreamKey key = StreamKey(11).with(std::uint64_t{3});
    leader.begin_replication(key, tally);
    EXPECT_GT(draws_of_begin(follower, key, tally), 0U);
    alone.begin_replication(key, tally);
    EXPECT_EQ(rates(follower, *b), rates(alone, *b));
    EXPECT_NE(rates(follower, *b), rates(leader, a));
  }
}

}  // namespace
}  // namespace forlob
