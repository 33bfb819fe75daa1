// The round reports the evaluation reads: a round's count is what the replication's own tally counts
// in that round, so the rounds of a year add up to the year in yearly.csv.
#include <gtest/gtest.h>

#include "engine/Replication.hpp"
#include "evaluate/RoundReports.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "support/ShippedScenarios.hpp"

namespace forlob {
namespace {

TEST(RoundReports, TheRoundsOfAYearAddUpToTheYearsTallyInEveryCell) {
  const Scenario trial = load_scenario(testing::kTrialScenario);
  const RoundReportLayout layout(trial, 2029);
  Replication replication(trial);
  Tally tally(trial.calendar.warmup_start_year, trial.year_count(), trial.specialty_count(),
              replication.anchor_layout().pairs.size());
  RoundRecorder recorder(layout);
  recorder.watch(&tally);
  replication.set_fill_override(&recorder);
  std::vector<std::int32_t> cells(layout.cells());
  std::int64_t extraordinary = 0, rounds_with_fills = 0;
  for (std::int64_t rep = 0; rep < 3; ++rep) {
    replication.run(20260113, rep, tally);
    recorder.finish(cells.data());
    const std::pair<ReportMeasure, Metric> measures[] = {
        {ReportMeasure::ExtraordinaryFilled, Metric::ExtraordinaryFilled},
        {ReportMeasure::OrdinaryFilled, Metric::OrdinaryFilled},
        {ReportMeasure::ExtraordinaryFilledNew, Metric::ExtraordinaryFilledNew}};
    for (int year = 2026; year <= 2029; ++year)
      for (Region r : kRegions)
        for (int k = 0; k < static_cast<int>(layout.specialties().size()); ++k)
          for (const auto& [measure, metric] : measures) {
            std::int32_t sum = 0;
            for (int round = 0; round < layout.rounds(); ++round) {
              const std::int32_t v = cells[layout.cell(year, round, r, k, measure)];
              EXPECT_GE(v, 0);
              sum += v;
              rounds_with_fills += v > 0 ? 1 : 0;
            }
            EXPECT_EQ(sum, tally.get(year, r, layout.specialties()[static_cast<std::size_t>(k)], metric))
                << year << " " << region_name(r) << " " << k << " " << report_measure_name(measure);
            if (measure == ReportMeasure::ExtraordinaryFilled) extraordinary += sum;
          }
  }
  // Both rounds carry fills (the recorder does not put the year in one round).
  EXPECT_GT(extraordinary, 0);
  EXPECT_GT(rounds_with_fills, 3 * 4 * 3 * 4);
  // The trial posts 30 extraordinary courses a year; at most that many fill.
  EXPECT_LE(extraordinary, 3 * 4 * 30);
}

TEST(RoundReports, CellsAreDistinctAndCoverTheLayout) {
  const Scenario trial = load_scenario(testing::kTrialScenario);
  const RoundReportLayout layout(trial, 2028);
  std::vector<int> seen(layout.cells(), 0);
  for (int year = 2026; year <= 2028; ++year)
    for (int round = 0; round < layout.rounds(); ++round)
      for (Region r : kRegions)
        for (int k = 0; k < 4; ++k)
          for (int m = 0; m < kReportMeasures; ++m)
            ++seen[layout.cell(year, round, r, k, static_cast<ReportMeasure>(m))];
  for (int s : seen) EXPECT_EQ(s, 1);
}

}  // namespace
}  // namespace forlob
