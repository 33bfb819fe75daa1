// The stock of specialists: counts by age that age a year at a time, lose retirements and other
// exits by binomial draws, and gain the new specialists at their age at completion.
#include "model/SpecialistStock.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <vector>

#include "engine/Replication.hpp"
#include "support/TinyScenario.hpp"

namespace forlob {
namespace {

// One specialty, `per_age` specialists of every age in lo..hi in each region, no hiring, nobody
// leaving unless the test says so (retirement at the stock's last age, no other exits).
Scenario stock_scenario(int lo, int hi, int per_age) {
  Scenario s = testing::tiny_scenario(1, 0);
  StockSpec x;
  x.year = s.calendar.warmup_start_year;
  const int n = per_age * (hi - lo + 1);
  x.count = {{n, n, n}};
  x.age_share.assign(1, {});
  for (int a = lo; a <= hi; ++a)
    x.age_share[0][static_cast<std::size_t>(a - StockSpec::kMinAge)] = 1.0 / (hi - lo + 1);
  x.retirement_age = {StockSpec::kMaxAge};
  x.retirement_spread = {0};
  x.other_exit_per_year = {0};
  s.stock = x;
  return s;
}

struct StockRun {
  explicit StockRun(const Scenario& s)
      : scenario(s),
        engine(scenario),
        tally(s.calendar.warmup_start_year, s.year_count(), s.specialty_count(), 0) {}
  int total(int year, Metric m) const {
    int n = 0;
    for (Region r : kRegions) n += tally.get(year, r, 0, m);
    return n;
  }
  Scenario scenario;
  Replication engine;
  Tally tally;
};

TEST(SpecialistStock, WithNoExitsAndNoHiringTheStockStaysConstant) {
  StockRun run(stock_scenario(30, 49, 10));  // 200 a region, all younger than 70 by 2030
  for (int i = 0; i < 5; ++i) {
    run.engine.run(1, i, run.tally);
    for (int y = 2020; y <= 2030; ++y) {
      EXPECT_EQ(run.total(y, Metric::Specialists), 600) << y;
      EXPECT_EQ(run.total(y, Metric::Retired) + run.total(y, Metric::Exited), 0) << y;
    }
  }
}

TEST(SpecialistStock, RetirementAtAFixedAgeRemovesEachCohortTheYearItReachesIt) {
  // 20 of every age 50..69 in each region, all retiring at 65: in the first year those aged 65-69
  // retire (5 cohorts), then one cohort a year until the youngest (50 in 2020) reaches 65 in 2035;
  // the follow-up ends in 2030, after 10 more cohorts (aged 55-64 in 2020).
  Scenario s = stock_scenario(50, 69, 20);
  s.stock->retirement_age = {65};
  StockRun run(s);
  run.engine.run(3, 0, run.tally);
  int stock = 3 * 400;
  for (int y = 2020; y <= 2030; ++y) {
    const int expected = 3 * 20 * (y == 2020 ? 5 : 1);
    EXPECT_EQ(run.total(y, Metric::Retired), expected) << y;
    stock -= expected;
    EXPECT_EQ(run.total(y, Metric::Specialists), stock) << y;
  }
  EXPECT_EQ(stock, 3 * 20 * 5);  // those aged 50-54 in 2020 are still working in 2030
}

TEST(SpecialistStock, RetirementSpreadUniformlyOverItsAgesRetiresAFifthOfACohortAYear) {
  // Retirement uniform over 63..67 (66 +- 2): a cohort aged 63 at the start retires a fifth a year,
  // by the hazards 1/5, 1/4, 1/3, 1/2, 1. Mean and tolerance over replications from the binomial
  // standard error.
  Scenario s = stock_scenario(63, 63, 1000);
  s.stock->retirement_age = {65};
  s.stock->retirement_spread = {2};
  StockRun run(s);
  EXPECT_DOUBLE_EQ(run.engine.stock().retirement_hazard(0, 63), 0.2);
  EXPECT_DOUBLE_EQ(run.engine.stock().retirement_hazard(0, 66), 0.5);
  EXPECT_DOUBLE_EQ(run.engine.stock().retirement_hazard(0, 62), 0.0);
  constexpr int kReps = 200;
  std::array<double, 5> sum{};
  for (int i = 0; i < kReps; ++i) {
    run.engine.run(5, i, run.tally);
    for (int k = 0; k < 5; ++k) sum[static_cast<std::size_t>(k)] += run.total(2020 + k, Metric::Retired);
    ASSERT_EQ(run.total(2024, Metric::Specialists), 0);
  }
  // Each year's retirements are multinomial with p = 1/5 over 3000: sd sqrt(3000 * 0.2 * 0.8).
  const double se = std::sqrt(3000 * 0.2 * 0.8 / kReps);
  for (int k = 0; k < 5; ++k) EXPECT_NEAR(sum[static_cast<std::size_t>(k)] / kReps, 600, 4 * se) << 2020 + k;
}

TEST(SpecialistStock, OtherExitsFollowTheirYearlyHazard) {
  Scenario s = stock_scenario(40, 40, 5000);
  s.stock->other_exit_per_year = {0.1};
  StockRun run(s);
  constexpr int kReps = 200;
  double first = 0, second = 0;
  for (int i = 0; i < kReps; ++i) {
    run.engine.run(7, i, run.tally);
    first += run.total(2020, Metric::Exited);
    second += run.total(2021, Metric::Exited);
  }
  const double se = std::sqrt(15000 * 0.1 * 0.9 / kReps);
  EXPECT_NEAR(first / kReps, 1500, 4 * se);
  EXPECT_NEAR(second / kReps, 1350, 4 * se + 1);  // 0.1 of the 13,500 left
}

TEST(SpecialistStock, NewSpecialistsJoinAgedTheirAgeAtTheStartPlusTheCourse) {
  // 10 courses a region in spring 2020 only, every one filled, 48 months, no extension or dropout:
  // 30 new specialists in 2024 aged A = a + 4, a uniform in 31..37. They are A + 1 at the start of
  // 2025 and retire at 42 (no spread): those with a = 37 in 2025, a = 36 in 2026, ..., a = 32 in
  // 2030; those with a = 31 remain. Each is 1/7 of 30 on average.
  Scenario s = stock_scenario(30, 30, 0);
  s.courses.assign(3, std::vector<std::array<int, kRegionCount>>(1, {0, 0, 0}));
  s.courses[0][0] = {10, 10, 10};
  s.stock->age_at_start_min = 31;
  s.stock->age_at_start_max = 37;
  s.stock->retirement_age = {42};
  StockRun run(s);
  constexpr int kReps = 200;
  double first_year = 0, remaining = 0;
  for (int i = 0; i < kReps; ++i) {
    run.engine.run(9, i, run.tally);
    ASSERT_EQ(run.total(2024, Metric::Completed), 30);
    ASSERT_EQ(run.total(2024, Metric::Specialists), 30);
    ASSERT_EQ(run.total(2024, Metric::Retired), 0) << "nobody retires in the year of completion";
    int retired = 0;
    for (int y = 2025; y <= 2030; ++y) retired += run.total(y, Metric::Retired);
    ASSERT_EQ(retired + run.total(2030, Metric::Specialists), 30);
    first_year += run.total(2025, Metric::Retired);
    remaining += run.total(2030, Metric::Specialists);
  }
  const double se = std::sqrt(30.0 * (1.0 / 7) * (6.0 / 7) / kReps);
  EXPECT_NEAR(first_year / kReps, 30.0 / 7, 4 * se);
  EXPECT_NEAR(remaining / kReps, 30.0 / 7, 4 * se);
}

// A forked comparison's later scenario takes the stock over at the start of its fork's year: the
// years before are the first scenario's, the years from it are run from its cohorts then, and the
// counts are those of a full close of the same new specialists.
TEST(SpecialistStock, AStockCarriedOnFromAYearCountsWhatAFullCloseCounts) {
  Scenario s = stock_scenario(30, 69, 30);
  s.stock->retirement_age = {64};
  s.stock->retirement_spread = {3};
  s.stock->other_exit_per_year = {0.05};
  const auto counts = [&](const Tally& t) {
    std::vector<std::int32_t> out;
    for (int y = 2020; y <= 2030; ++y)
      for (Region r : kRegions)
        for (Metric m : {Metric::Specialists, Metric::Retired, Metric::Exited})
          out.push_back(t.get(y, r, 0, m));
    return out;
  };
  const StreamKey key = StreamKey(11).with(3);
  SpecialistStock leader(s);
  leader.begin_replication();
  KeyedStream ages(StreamKey(12));
  for (int k = 0; k < 40; ++k)  // new specialists completing 2022-2029
    leader.enter(0, kRegions[static_cast<std::size_t>(k % 3)], month_of(2018 + k % 8, 3),
                 month_of(2022 + k % 8, 3), ages);
  Tally full(2020, 11, 1, 0), carried(2020, 11, 1, 0), from_scratch(2020, 11, 1, 0);
  leader.close(key, full, /*keep_years=*/true);
  for (int year : {2020, 2024, 2030, 2031}) {
    SpecialistStock follower(s);
    follower.begin_replication();
    follower.adopt_state(leader);
    carried.clear();
    follower.close_following(leader, year, key, carried);
    EXPECT_EQ(counts(carried), counts(full)) << "carried on from " << year;
  }
  // Taking the leader's new specialists is all a full close of the follower needs to count as the
  // leader's did; a leader whose close kept no years cannot be carried on from.
  SpecialistStock restarted(s);
  restarted.begin_replication();
  restarted.adopt_state(leader);
  restarted.close(key, from_scratch);
  EXPECT_EQ(counts(from_scratch), counts(full)) << "a full close of the same entrants";
  SpecialistStock unkept(s);
  unkept.close(key, from_scratch);
  EXPECT_THROW(restarted.close_following(unkept, 2024, key, from_scratch), std::logic_error)
      << "a leader that kept no years";
}

}  // namespace
}  // namespace forlob
