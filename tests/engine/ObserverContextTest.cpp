// A policy that only watches a forked run may read everything a policy may read, and may not act.
#include "engine/ObserverContext.hpp"

#include <gtest/gtest.h>

namespace forlob {
namespace {

struct NoKnowledge final : FillKnowledge {
  int waiting(int /*specialty*/, Region /*r*/) const override { return 7; }
};

// A run to watch, which notes what is asked of it.
struct WatchedRun final : PolicyContext {
  bool schedule(const Posting& /*p*/, Month /*when*/) override { return ++acted, true; }
  void count(int /*year*/, Region /*r*/, int /*specialty*/, Metric /*m*/, std::int32_t /*delta*/) override {
    ++acted;
  }
  void count_anchor(int /*year*/, int /*pair*/, AnchorMetric /*m*/) override { ++acted; }
  void count_anchor_exit(int /*year*/, int /*pair*/) override { ++acted; }
  KeyedStream stream(Purpose purpose, std::uint64_t entity, std::uint64_t part) const override {
    return KeyedStream(StreamKey(99).with(purpose).with(entity).with(part));
  }
  Month next_round(Month after, bool /*same_year*/, int& round) const override {
    round = 1;
    return after + 6;
  }
  Month repost_month(Month from) const override { return from + 2; }
  const FillKnowledge& fill() const override { return knowledge; }
  std::optional<double> drawn_probability(const Posting& /*p*/) const override { return 0.25; }
  NoKnowledge knowledge;
  int acted = 0;
};

TEST(ObserverContext, ReadsAreTheWatchedRuns) {
  WatchedRun run;
  ObserverContext watcher(run);
  KeyedStream mine = watcher.stream(Purpose::FlexOrder, 3, 4);
  KeyedStream theirs = run.stream(Purpose::FlexOrder, 3, 4);
  EXPECT_EQ(mine(), theirs());
  int round = 0;
  EXPECT_EQ(watcher.next_round(100, false, round), 106);
  EXPECT_EQ(round, 1);
  EXPECT_EQ(watcher.repost_month(100), 102);
  EXPECT_EQ(watcher.fill().waiting(0, Region::Syd), 7);
  EXPECT_EQ(watcher.drawn_probability(Posting{}), 0.25);
}

TEST(ObserverContext, ActingThrowsAndLeavesTheWatchedRunAlone) {
  WatchedRun run;
  ObserverContext watcher(run);
  EXPECT_THROW(watcher.count(2020, Region::Nord, 0, Metric::Posted, 1), std::logic_error);
  EXPECT_THROW(watcher.schedule(Posting{}, 5), std::logic_error);
  EXPECT_THROW(watcher.count_anchor(2020, 0, AnchorMetric::Posted), std::logic_error);
  EXPECT_THROW(watcher.count_anchor_exit(2020, 0), std::logic_error);
  EXPECT_EQ(run.acted, 0);
}

}  // namespace
}  // namespace forlob
