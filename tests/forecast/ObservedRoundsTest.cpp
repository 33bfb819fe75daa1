// Holding rounds already held to observed figures: exact fill counts in every replication, the
// consequences for trainees, nothing else changed when the observed figures are what a replication
// drew (common random numbers), and the rule for cells whose simulated courses differ in number.
#include "forecast/ObservedRounds.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "engine/Replication.hpp"
#include "policies/ExtraordinaryTrial.hpp"
#include "scenario/ScenarioLoader.hpp"

namespace forlob {
namespace {

using CellKey = std::tuple<int, int, int, int, int>;  // year, round, region, specialty, kind

CellKey key_of(int year, int round, const Posting& p) {
  return {year, round, index(p.region), p.specialty,
          static_cast<int>(p.kind == PostingKind::Extraordinary ? CourseKind::Extraordinary
                                                                : CourseKind::Ordinary)};
}

// Changes nothing; records, per cell, the courses posted when a round opens and how many of them
// fill by their own draws.
class RecordingOverride final : public FillOverride {
 public:
  void begin_replication(StreamKey) override { cells.clear(); }
  void on_round(int year, int round, std::span<const Posting> postings, const NaturalFill& natural) override {
    for (const Posting& p : postings) {
      if (p.reposts > 0) continue;
      auto& [posted, filled] = cells[key_of(year, round, p)];
      ++posted;
      if (natural(p) >= 0) ++filled;
    }
  }
  std::optional<bool> fills(const Posting&) override { return std::nullopt; }
  std::map<CellKey, std::pair<int, int>> cells;
};

// Passes every question to `inner` and records, like RecordingOverride, what each round opened with.
class Tee final : public FillOverride {
 public:
  explicit Tee(FillOverride& inner) : inner_(inner) {}
  void begin_replication(StreamKey key) override {
    opened.begin_replication(key);
    inner_.begin_replication(key);
  }
  void on_round(int year, int round, std::span<const Posting> postings, const NaturalFill& natural) override {
    opened.on_round(year, round, postings, natural);
    inner_.on_round(year, round, postings, natural);
  }
  std::optional<bool> fills(const Posting& p) override { return inner_.fills(p); }
  RecordingOverride opened;

 private:
  FillOverride& inner_;
};

class ObservedRoundsTest : public ::testing::Test {
 protected:
  static Scenario load(const char* name) {
    return load_scenario(std::string(FORLOB_SOURCE_DIR) + "/scenarios/" + name);
  }
  ObservedRoundsTest() : scenario(load("extraordinary_trial.json")) {}
  // Holding 2026-2027 to what a replication drew reproduces it under /fill/model `model`.
  void observing_what_was_drawn(const std::string& model);

  // Every count of one replication, yearly and by anchor, for comparing whole replications.
  static std::vector<std::int32_t> everything(const Scenario& s, const Replication& engine, const Tally& t) {
    std::vector<std::int32_t> yearly, anchors;
    t.expand(YearlyLayout{s.calendar.warmup_start_year, s.year_count(), s.specialty_count()}, yearly);
    t.expand_anchors(engine.anchor_layout(), anchors);
    yearly.insert(yearly.end(), anchors.begin(), anchors.end());
    return yearly;
  }
  Tally run(Replication& engine, FillOverride* hook, std::int64_t replication, const Scenario& s) const {
    Tally t(s.calendar.warmup_start_year, s.year_count(), s.specialty_count(),
            engine.anchor_layout().pairs.size());
    engine.set_fill_override(hook);
    engine.run(kSeed, replication, t);
    engine.set_fill_override(nullptr);
    return t;
  }
  // The trial's own courses of a region, round and specialty (R9 plan split over the rounds).
  int planned(Region r, int round, int specialty) const {
    const ExtraordinaryTrial trial(scenario, *scenario.extraordinary);
    const auto [first, last] = trial.round_slice(r, round);
    const std::vector<int>& plan = trial.course_plan(r);
    return static_cast<int>(std::count(plan.begin() + first, plan.begin() + last, specialty));
  }
  // Every extraordinary cell of `year` observed with `fill(posted)` fills.
  ObservedFigures extraordinary_year(int year, int (*fill)(int posted)) const {
    ObservedFigures f;
    f.file = "test.csv";
    for (int round = 0; round < 2; ++round)
      for (Region r : kRegions)
        for (int s : scenario.extraordinary->specialties) {
          const int posted = planned(r, round, s);
          f.cells.push_back(
              {year, round, r, s, CourseKind::Extraordinary, posted, fill(posted), "assumption: test", 0});
        }
    return f;
  }

  static constexpr std::uint64_t kSeed = 20290101;
  Scenario scenario;
};

TEST_F(ObservedRoundsTest, ObservedCellsFillExactlyAsObservedInEveryReplication) {
  const ObservedFigures all_filled = extraordinary_year(2026, [](int posted) { return posted; });
  ObservedRounds hook(all_filled);
  Replication engine(scenario);
  for (std::int64_t i = 0; i < 30; ++i) {
    const Tally t = run(engine, &hook, i, scenario);
    for (std::size_t c = 0; c < all_filled.cells.size(); ++c) {
      ASSERT_EQ(hook.outcomes()[c].posted, all_filled.cells[c].posted) << "no hand-over when all fill";
      ASSERT_EQ(hook.outcomes()[c].filled, all_filled.cells[c].filled) << i;
    }
    int started = 0;
    for (Region r : kRegions)
      for (int s : scenario.extraordinary->specialties) {
        const int plan = planned(r, 0, s) + planned(r, 1, s);
        ASSERT_EQ(t.get(2026, r, s, Metric::ExtraordinaryFilled), plan);
        ASSERT_EQ(t.get(2026, r, s, Metric::HandedOverOut), 0);
        // Every trainee who started is in course at the end of 2026 unless they left already
        // (nobody completes in the first year).
        ASSERT_EQ(t.get(2026, r, s, Metric::ExtraordinaryInTraining) +
                      t.get(2026, r, s, Metric::ExtraordinaryDroppedOut),
                  plan);
        started += t.get(2026, r, s, Metric::ExtraordinaryStarted);
      }
    ASSERT_EQ(started, 30) << "R9: all 30 courses of 2026 filled";
  }
}

TEST_F(ObservedRoundsTest, AYearObservedWithNoFillsHasNoExtraordinaryTraineesStarting) {
  const ObservedFigures none_filled = extraordinary_year(2027, [](int) { return 0; });
  ObservedRounds hook(none_filled);
  Replication engine(scenario);
  int handed_over = 0;
  for (std::int64_t i = 0; i < 30; ++i) {
    const Tally t = run(engine, &hook, i, scenario);
    for (Region r : kRegions)
      for (int s : scenario.extraordinary->specialties) {
        ASSERT_EQ(t.get(2027, r, s, Metric::ExtraordinaryStarted), 0);
        ASSERT_EQ(t.get(2027, r, s, Metric::ExtraordinaryFilled), 0);
        // No one joins, so the stock can only shrink.
        ASSERT_LE(t.get(2027, r, s, Metric::ExtraordinaryInTraining),
                  t.get(2026, r, s, Metric::ExtraordinaryInTraining));
        handed_over += t.get(2027, r, s, Metric::HandedOverOut);
      }
  }
  // Unfilled spring courses are handed over (R10) and do not fill in the receiving region either.
  EXPECT_GT(handed_over, 0);
}

// Under either fill model: the fill mechanism's natural fill (the re-posting at which a course would
// fill if left alone) must be what the free run does, or holding a round to what it drew moves it.
TEST_F(ObservedRoundsTest, ObservingWhatAReplicationDrewChangesNothingUnderEitherFillModel) {
  for (const std::string model : {"independent", "applicants"}) observing_what_was_drawn(model);
}

void ObservedRoundsTest::observing_what_was_drawn(const std::string& model) {
  SCOPED_TRACE(model);
  const Scenario independent =
      load_scenario(std::string(FORLOB_SOURCE_DIR) + "/scenarios/extraordinary_trial.json",
                    {"/fill/model=\"" + model + "\""});
  Replication engine(independent);
  for (std::int64_t i = 0; i < 6; ++i) {
    const std::vector<std::int32_t> plain =
        everything(independent, engine, run(engine, nullptr, i, independent));
    RecordingOverride recorder;
    const std::vector<std::int32_t> recorded =
        everything(independent, engine, run(engine, &recorder, i, independent));
    ASSERT_EQ(recorded, plain) << "a hook that decides nothing changes nothing";

    // Every cell of 2026 and 2027, both kinds, every specialty, at what this replication drew.
    ObservedFigures drawn;
    for (const auto& [key, counts] : recorder.cells) {
      const auto [year, round, region, specialty, kind] = key;
      if (year != 2026 && year != 2027) continue;
      drawn.cells.push_back({year, round, kRegions[static_cast<std::size_t>(region)], specialty,
                             static_cast<CourseKind>(kind), counts.first, counts.second, "assumption: drawn",
                             0});
    }
    ASSERT_GT(drawn.cells.size(), 50U);
    ObservedRounds hook(drawn);
    ASSERT_EQ(everything(independent, engine, run(engine, &hook, i, independent)), plain)
        << "replication " << i;

    // One fill fewer in an ordinary spring cell: that course lapses (R4 carries autumn courses only;
    // no flex from 2026, R7), and the rest of the year's counts stay as drawn. (Under the applicant
    // model the applicant it would have placed waits on and may take another course.)
    if (model != "independent") continue;
    const auto cell = std::find_if(drawn.cells.begin(), drawn.cells.end(), [](const ObservedCell& c) {
      return c.kind == CourseKind::Ordinary && c.round == 0 && c.year == 2026 && c.filled > 0;
    });
    ASSERT_NE(cell, drawn.cells.end());
    cell->filled -= 1;
    ObservedRounds one_fewer(drawn);
    const Tally t = run(engine, &one_fewer, i, independent);
    const Tally base = run(engine, nullptr, i, independent);
    EXPECT_EQ(t.get(2026, cell->region, cell->specialty, Metric::Filled),
              base.get(2026, cell->region, cell->specialty, Metric::Filled) - 1);
    EXPECT_EQ(t.get(2026, cell->region, cell->specialty, Metric::Lapsed),
              base.get(2026, cell->region, cell->specialty, Metric::Lapsed) + 1);
  }
}

TEST_F(ObservedRoundsTest, ACellFillsTheSmallerOfObservedFillsAndSimulatedCoursesIncludingLateFlexCourses) {
  // The flex scheme posts some flex courses within the round, after it opened (R3).
  const Scenario flex = load("flex_scheme.json");
  ObservedFigures f;
  for (int s = 0; s < flex.specialty_count(); ++s)
    for (Region r : kRegions) {
      f.cells.push_back({2026, 0, r, s, CourseKind::Ordinary, 0, 5, "assumption: test", 0});
      f.cells.push_back({2026, 1, r, s, CourseKind::Ordinary, 0, 100000, "assumption: test", 0});
    }
  ObservedRounds hook(f);
  Tee tee(hook);
  const RecordingOverride& at_opening = tee.opened;
  Replication engine(flex);
  int late = 0;
  for (std::int64_t i = 0; i < 10; ++i) {
    run(engine, &tee, i, flex);
    for (std::size_t c = 0; c < f.cells.size(); ++c) {
      const ObservedCell& cell = f.cells[c];
      const ObservedRounds::CellOutcome& o = hook.outcomes()[c];
      ASSERT_EQ(o.filled, std::min(cell.filled, o.posted)) << c;
      const auto opened = at_opening.cells.find(
          {2026, cell.round, index(cell.region), cell.specialty, static_cast<int>(CourseKind::Ordinary)});
      const int at_open = opened == at_opening.cells.end() ? 0 : opened->second.first;
      ASSERT_GE(o.posted, at_open);
      late += o.posted - at_open;
    }
  }
  EXPECT_GT(late, 0) << "flex courses posted within the round joined fixed cells";
}

}  // namespace
}  // namespace forlob
