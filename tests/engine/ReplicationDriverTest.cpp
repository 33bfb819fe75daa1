#include "engine/ReplicationDriver.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <set>
#include <utility>

#include "scenario/ScenarioLoader.hpp"
#include "support/ShippedScenarios.hpp"
#include "support/TinyScenario.hpp"

namespace forlob {
namespace {

// Noisy enough that replications differ: fills at 0.6, re-postings, extensions and dropout.
Scenario noisy_scenario(double fill) {
  Scenario s = testing::tiny_scenario(2, 8);
  testing::set_fill(s, fill);
  s.unfilled.max_reposts = 1;
  for (SpecialtySpec& sp : s.specialties) {
    sp.delay_probability = 0.3;
    sp.delay_mean_months = 6;
    sp.delay_shape = 2;
    sp.dropout_per_year = 0.05;
  }
  return s;
}

// Keeps, per (point, replication), what every scenario's tally said: the started trainees in the
// first year and the completions in the last, per scenario.
struct RecordingObserver final : ReplicationObserver {
  void engines_built(std::size_t point, std::span<const std::unique_ptr<Replication>> engines,
                     std::span<const std::unique_ptr<Tally>> /*tallies*/) override {
    builds.emplace_back(point, engines.size());
  }
  void observe(std::size_t point, std::int64_t replication,
               std::span<const std::unique_ptr<Tally>> tallies) override {
    std::vector<std::int32_t> row;
    for (const auto& t : tallies)
      for (int s = 0; s < 2; ++s) {
        row.push_back(t->get(2020, Region::Nord, s, Metric::Started));
        row.push_back(t->get(2026, Region::Ost, s, Metric::Completed));
      }
    seen[{point, replication}] = row;
  }
  std::map<std::pair<std::size_t, std::int64_t>, std::vector<std::int32_t>> seen;
  std::vector<std::pair<std::size_t, std::size_t>> builds;
};

std::map<std::pair<std::size_t, std::int64_t>, std::vector<std::int32_t>> drive(const DesignPoints& points,
                                                                                int threads,
                                                                                std::int64_t reps,
                                                                                DriverStats* stats = nullptr,
                                                                                TaskRange tasks = {}) {
  std::vector<std::unique_ptr<RecordingObserver>> observers;
  const DriverStats s = drive_observed<RecordingObserver>(
      points, {7, reps, threads, nullptr, tasks}, [] { return std::make_unique<RecordingObserver>(); },
      observers);
  if (stats) *stats = s;
  std::map<std::pair<std::size_t, std::int64_t>, std::vector<std::int32_t>> all;
  for (const auto& o : observers)
    for (const auto& [key, row] : o->seen) EXPECT_TRUE(all.emplace(key, row).second) << "observed twice";
  return all;
}

// Every replication is observed once, with the tallies a replication run on its own gives.
TEST(ReplicationDriver, ObservesEveryReplicationOnceWithTheTalliesOfADirectRun) {
  const Scenario a = noisy_scenario(0.6), b = noisy_scenario(0.8);
  DesignPoints points;
  points.fixed = {&a, &b};
  const auto seen = drive(points, 2, 40);
  ASSERT_EQ(seen.size(), 40U);
  Replication ra(a), rb(b);
  Tally ta(2020, a.year_count(), 2, ra.anchor_layout().pairs.size());
  Tally tb(2020, b.year_count(), 2, rb.anchor_layout().pairs.size());
  std::set<std::vector<std::int32_t>> distinct;
  for (std::int64_t i = 0; i < 40; ++i) {
    ra.run(7, i, ta);
    rb.run(7, i, tb);
    std::vector<std::int32_t> row;
    for (const Tally* t : {&ta, &tb})
      for (int s = 0; s < 2; ++s) {
        row.push_back(t->get(2020, Region::Nord, s, Metric::Started));
        row.push_back(t->get(2026, Region::Ost, s, Metric::Completed));
      }
    EXPECT_EQ(seen.at({0, i}), row) << "replication " << i;
    distinct.insert(row);
  }
  EXPECT_GT(distinct.size(), 5U) << "the replications must differ for the check to mean anything";
}

// Loaded design points: each loaded exactly once, and the answers the same at any thread count.
TEST(ReplicationDriver, LoadsEachPointOnceAndGivesTheSameAnswersAtAnyThreadCount) {
  std::atomic<int> loads[5] = {0, 0, 0, 0, 0};
  DesignPoints points;
  points.count = 5;
  points.block = 2;  // three blocks: engines are rebuilt across blocks
  points.load = [&](std::size_t p) {
    ++loads[p];
    return std::vector<Scenario>{noisy_scenario(0.5 + 0.1 * static_cast<double>(p))};
  };
  DriverStats one{}, three{};
  const auto serial = drive(points, 1, 30, &one);
  for (const std::atomic<int>& n : loads) EXPECT_EQ(n.load(), 1);
  const auto parallel = drive(points, 3, 30, &three);
  ASSERT_EQ(serial.size(), 150U);
  EXPECT_EQ(serial, parallel);
  EXPECT_GT(one.keyed_draws, 0U);
  EXPECT_EQ(one.keyed_draws, three.keyed_draws) << "the draws counted do not depend on the threads";
  // Points differ (the fill rate rises with p), so a mix-up of points would show.
  long first = 0, last = 0;
  for (std::int64_t i = 0; i < 30; ++i) {
    first += serial.at({0, i})[0];
    last += serial.at({4, i})[0];
  }
  EXPECT_LT(first, last);
}

// A share of the tasks (a shard's, an MPI rank's) runs exactly those (point, replication) tasks,
// each as the whole run does, across block boundaries; the shares together are the whole run.
TEST(ReplicationDriver, ATaskRangeRunsExactlyItsTasksAndTheSharesMakeTheWhole) {
  DesignPoints points;
  points.count = 5;
  points.block = 2;
  points.load = [](std::size_t p) {
    return std::vector<Scenario>{noisy_scenario(0.5 + 0.1 * static_cast<double>(p))};
  };
  const auto whole = drive(points, 2, 6);
  ASSERT_EQ(whole.size(), 30U);
  std::map<std::pair<std::size_t, std::int64_t>, std::vector<std::int32_t>> joined;
  for (std::size_t k = 1; k <= 4; ++k) {
    const TaskRange share = share_of(30, k, 4);  // 8, 8, 7, 7 tasks: shares split points 1, 2 and 3
    const auto part = drive(points, 2, 6, nullptr, share);
    EXPECT_EQ(part.size(), share.size());
    for (const auto& [key, row] : part) {
      const std::size_t task = key.first * 6 + static_cast<std::size_t>(key.second);
      EXPECT_TRUE(task >= share.begin && task < share.end) << "task " << task << " outside share " << k;
      EXPECT_TRUE(joined.emplace(key, row).second);
    }
  }
  EXPECT_EQ(joined, whole);
  EXPECT_TRUE(drive(points, 2, 6, nullptr, TaskRange{0, 0}).empty());
}

// Keeps every count of every scenario's tally, per replication.
struct WholeTallyObserver final : ReplicationObserver {
  void observe(std::size_t /*point*/, std::int64_t replication,
               std::span<const std::unique_ptr<Tally>> tallies) override {
    std::vector<std::int32_t>& row = seen[replication];
    for (const auto& t : tallies)
      for (int y = t->first_year(); y < t->first_year() + t->years(); ++y)
        for (Region r : kRegions)
          for (int s = 0; s < specialties; ++s)
            for (int m = 0; m < kMetricCount; ++m) row.push_back(t->get(y, r, s, static_cast<Metric>(m)));
  }
  int specialties = 0;
  std::map<std::int64_t, std::vector<std::int32_t>> seen;
};

// Every count of every replication of `points` (by replication), and the keyed draws made.
struct WholeRun {
  std::map<std::int64_t, std::vector<std::int32_t>> counts;
  std::uint64_t draws = 0;
};
WholeRun run_whole(const DesignPoints& points, const DriverOptions& options, int specialties) {
  WholeRun run;
  std::vector<std::unique_ptr<WholeTallyObserver>> observers;
  run.draws = drive_observed<WholeTallyObserver>(
                  points, options,
                  [&] {
                    auto o = std::make_unique<WholeTallyObserver>();
                    o->specialties = specialties;
                    return o;
                  },
                  observers)
                  .keyed_draws;
  for (const auto& o : observers) run.counts.insert(o->seen.begin(), o->seen.end());
  return run;
}

// The later scenario of a comparison is carried on from the first's replication at 2026, the year
// they part: every count of every replication is that of running it in full, and the shared years'
// draws are made once.
TEST(ReplicationDriver, AForkedComparisonGivesTheCountsOfFullRunsWithFewerDraws) {
  for (const char* model : {"\"independent\"", "\"applicants\""}) {
    SCOPED_TRACE(model);
    const std::vector<std::string> set{std::string("/fill/model=") + model};
    const Scenario a = load_scenario(testing::kFlexScenario, set);
    const Scenario b = load_scenario(testing::kTrialScenario, set);
    DesignPoints points;
    points.fixed = {&a, &b};
    std::map<std::int64_t, std::vector<std::int32_t>> counts[2];
    std::uint64_t draws[2] = {0, 0};
    for (const bool fork : {false, true}) {
      DriverOptions options;
      options.seed = 11;
      options.replications = 6;
      options.threads = 2;
      options.fork = fork;
      WholeRun run = run_whole(points, options, a.specialty_count());
      counts[fork] = std::move(run.counts);
      draws[fork] = run.draws;
    }
    ASSERT_EQ(counts[0].size(), 6U);
    EXPECT_TRUE(counts[0] == counts[1]) << "a forked replication differs from the full run";
    // 10 of 15 hiring years of the second scenario are not simulated again.
    EXPECT_LT(static_cast<double>(draws[1]), 0.85 * static_cast<double>(draws[0]));
    // The scenarios do differ after the fork, so the check above compares something.
    EXPECT_NE(counts[0].begin()->second.size(), 0U);
    const auto& row = counts[0].begin()->second;
    EXPECT_FALSE(std::equal(row.begin(), row.begin() + static_cast<std::ptrdiff_t>(row.size() / 2),
                            row.begin() + static_cast<std::ptrdiff_t>(row.size() / 2)));
  }
}

// A command whose outputs do not read the specialist stock lets the engines skip its projection:
// every other count of every replication, forked or not, is that of the full run; the stock's own
// counts are 0; and its draws are not made.
TEST(ReplicationDriver, WithoutTheStockProjectionOnlyTheStockCountsChange) {
  const Scenario a = load_scenario(testing::kFlexScenario);
  const Scenario b = load_scenario(testing::kTrialScenario);
  ASSERT_TRUE(a.stock.has_value());
  DesignPoints points;
  points.fixed = {&a, &b};
  for (const bool fork : {false, true}) {
    SCOPED_TRACE(fork ? "forked" : "in full");
    std::map<std::int64_t, std::vector<std::int32_t>> counts[2];
    std::uint64_t draws[2] = {0, 0};
    for (const bool stock : {false, true}) {
      DriverOptions options;
      options.seed = 5;
      options.replications = 4;
      options.threads = 2;
      options.fork = fork;
      options.stock = stock;
      WholeRun run = run_whole(points, options, a.specialty_count());
      counts[stock] = std::move(run.counts);
      draws[stock] = run.draws;
    }
    ASSERT_EQ(counts[1].size(), 4U);
    std::size_t stock_cells = 0, stock_nonzero = 0;
    for (const auto& [replication, full] : counts[1]) {
      const std::vector<std::int32_t>& without = counts[0].at(replication);
      ASSERT_EQ(without.size(), full.size());
      for (std::size_t i = 0; i < full.size(); ++i) {
        if (is_specialist_stock(static_cast<Metric>(i % kMetricCount))) {
          ++stock_cells;
          stock_nonzero += full[i] != 0;
          EXPECT_EQ(without[i], 0) << "replication " << replication << " cell " << i;
        } else {
          EXPECT_EQ(without[i], full[i]) << "replication " << replication << " cell " << i;
        }
      }
    }
    EXPECT_GT(stock_nonzero, stock_cells / 4);  // the full run does count a stock
    EXPECT_LT(draws[0], draws[1]);
  }
}

}  // namespace
}  // namespace forlob
