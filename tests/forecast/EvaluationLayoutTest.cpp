// The evaluation's cells from a tally: each measure's definition, the ordinary part as all minus
// extraordinary, the sums over regions and trial specialties, and the running totals.
#include "forecast/EvaluationLayout.hpp"

#include <gtest/gtest.h>

#include "scenario/ScenarioLoader.hpp"

namespace forlob {
namespace {

class EvaluationLayoutTest : public ::testing::Test {
 protected:
  EvaluationLayoutTest()
      : scenario(load_scenario(std::string(FORLOB_SOURCE_DIR) + "/scenarios/extraordinary_trial.json")),
        layout(scenario, 2029),
        tally(scenario.calendar.warmup_start_year, scenario.year_count(), scenario.specialty_count(), 0) {}

  int measure(CourseKind kind, std::string_view name) const {
    const auto list = measures_of(kind);
    for (std::size_t m = 0; m < list.size(); ++m)
      if (list[m].name == name) return static_cast<int>(m);
    ADD_FAILURE() << "no measure " << name;
    return 0;
  }
  std::int32_t at(int region, int specialty_slot, int year, CourseKind kind, std::string_view name) const {
    return values[layout.cell(region, specialty_slot, year - layout.first_year(), kind, measure(kind, name))];
  }

  Scenario scenario;
  EvaluationLayout layout;
  Tally tally;
  std::vector<std::int32_t> values;
};

TEST_F(EvaluationLayoutTest, CoversTheTrialSpecialtiesFromTheTrialsFirstYearToTheEvaluationYear) {
  EXPECT_EQ(layout.first_year(), 2026);
  EXPECT_EQ(layout.last_year(), 2029);
  EXPECT_EQ(layout.specialties().size(), 4U);
  EXPECT_EQ(layout.specialty_slots(), 5);
  EXPECT_EQ(layout.cells(),
            4U * 5U * 4U *
                (measures_of(CourseKind::Extraordinary).size() + measures_of(CourseKind::Ordinary).size()));
}

TEST_F(EvaluationLayoutTest, EveryCellHasItsOwnIndex) {
  std::vector<int> seen(layout.cells(), 0);
  for (int r = 0; r < EvaluationLayout::kRegionSlots; ++r)
    for (int s = 0; s < layout.specialty_slots(); ++s)
      for (int y = 0; y < layout.years(); ++y)
        for (CourseKind kind : kCourseKinds)
          for (int m = 0; m < static_cast<int>(measures_of(kind).size()); ++m)
            ++seen[layout.cell(r, s, y, kind, m)];
  for (std::size_t c = 0; c < seen.size(); ++c) EXPECT_EQ(seen[c], 1) << c;
}

TEST_F(EvaluationLayoutTest, MeasuresFollowTheirDefinitions) {
  const int psykiatri = layout.specialties()[1];
  // Syd 2027: 3 own courses, 1 handed over, 2 received; 3 filled; 40 ordinary offered (35 planned),
  // 30 filled in all; 100 in training of whom 7 extraordinary; completions and exits.
  auto add = [&](Metric m, std::int32_t v) { tally.add(2027, Region::Syd, psykiatri, m, v); };
  add(Metric::ExtraordinaryPosted, 4);
  add(Metric::HandedOverOut, 1);
  add(Metric::HandedOverIn, 2);
  add(Metric::ExtraordinaryFilled, 3);
  add(Metric::OrdinaryPosted, 35);
  add(Metric::OrdinaryOffered, 40);
  add(Metric::Filled, 30);
  add(Metric::Started, 30);
  add(Metric::ExtraordinaryStarted, 3);
  add(Metric::Completed, 9);
  add(Metric::ExtraordinaryCompleted, 1);
  add(Metric::DroppedOut, 2);
  add(Metric::ExtraordinaryDroppedOut, 1);
  tally.add(2026, Region::Syd, psykiatri, Metric::ExtraordinaryPosted, 5);
  tally.add(2026, Region::Syd, psykiatri, Metric::ExtraordinaryFilled, 2);
  tally.add(2026, Region::Syd, psykiatri, Metric::Filled, 12);
  tally.close_stocks();
  layout.extract(tally, values);

  constexpr int kSyd = 1, kPsykiatri = 1;
  const CourseKind x = CourseKind::Extraordinary, o = CourseKind::Ordinary;
  EXPECT_EQ(at(kSyd, kPsykiatri, 2027, x, "posted"), 4);
  EXPECT_EQ(at(kSyd, kPsykiatri, 2027, x, "posted_own"), 3);  // 4 kept = 3 own - 1 out + 2 in
  EXPECT_EQ(at(kSyd, kPsykiatri, 2027, x, "posted_cumulative"), 9);
  EXPECT_EQ(at(kSyd, kPsykiatri, 2027, x, "handed_over_out"), 1);
  EXPECT_EQ(at(kSyd, kPsykiatri, 2027, x, "handed_over_in"), 2);
  EXPECT_EQ(at(kSyd, kPsykiatri, 2027, x, "filled"), 3);
  EXPECT_EQ(at(kSyd, kPsykiatri, 2027, x, "filled_cumulative"), 5);
  EXPECT_EQ(at(kSyd, kPsykiatri, 2027, x, "unfilled"), 1);
  EXPECT_EQ(at(kSyd, kPsykiatri, 2027, x, "completed"), 1);
  EXPECT_EQ(at(kSyd, kPsykiatri, 2027, x, "dropped_out"), 1);
  EXPECT_EQ(at(kSyd, kPsykiatri, 2027, x, "in_course"), 1);  // 3 started - 1 completed - 1 dropped out
  EXPECT_EQ(at(kSyd, kPsykiatri, 2027, o, "planned"), 35);
  EXPECT_EQ(at(kSyd, kPsykiatri, 2027, o, "posted"), 40);
  EXPECT_EQ(at(kSyd, kPsykiatri, 2027, o, "filled"), 27);             // 30 - 3 extraordinary
  EXPECT_EQ(at(kSyd, kPsykiatri, 2027, o, "filled_cumulative"), 37);  // 2026: 12 - 2
  EXPECT_EQ(at(kSyd, kPsykiatri, 2027, o, "unfilled"), 13);
  EXPECT_EQ(at(kSyd, kPsykiatri, 2027, o, "completed"), 8);
  EXPECT_EQ(at(kSyd, kPsykiatri, 2027, o, "dropped_out"), 1);
  EXPECT_EQ(at(kSyd, kPsykiatri, 2027, o, "in_course"), 18);  // (30 - 9 - 2) - 1
  EXPECT_EQ(at(kSyd, kPsykiatri, 2028, x, "posted_cumulative"), 9) << "running totals carry on";
}

TEST_F(EvaluationLayoutTest, AllRegionsAndTrialSpecialtiesAreSums) {
  int value = 1;
  for (Region r : kRegions)
    for (int s : layout.specialties()) tally.add(2028, r, s, Metric::ExtraordinaryFilled, value++);
  tally.add(2028, Region::Nord, scenario.specialty_count() - 1, Metric::ExtraordinaryFilled,
            1000);  // not a trial specialty
  tally.close_stocks();
  layout.extract(tally, values);
  const CourseKind x = CourseKind::Extraordinary;
  constexpr int kAll = 3, kSum = 4;
  EXPECT_EQ(at(0, kSum, 2028, x, "filled"), 1 + 2 + 3 + 4);
  EXPECT_EQ(at(kAll, 0, 2028, x, "filled"), 1 + 5 + 9);
  EXPECT_EQ(at(kAll, kSum, 2028, x, "filled"), 78);  // 1 + ... + 12
}

}  // namespace
}  // namespace forlob
