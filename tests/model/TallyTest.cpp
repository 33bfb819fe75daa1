#include "model/Tally.hpp"

#include <gtest/gtest.h>

namespace forlob {
namespace {

TEST(Tally, InTrainingIsTheRunningBalanceOfStartsAndExits) {
  Tally t(2020, 4, 1, 0);
  t.add(2020, Region::Syd, 0, Metric::Started, 5);
  t.add(2021, Region::Syd, 0, Metric::Started, 3);
  t.add(2022, Region::Syd, 0, Metric::Completed, 4);
  t.add(2023, Region::Syd, 0, Metric::DroppedOut, 1);
  t.close_stocks();
  EXPECT_EQ(t.get(2020, Region::Syd, 0, Metric::InTraining), 5);
  EXPECT_EQ(t.get(2021, Region::Syd, 0, Metric::InTraining), 8);
  EXPECT_EQ(t.get(2022, Region::Syd, 0, Metric::InTraining), 4);
  EXPECT_EQ(t.get(2023, Region::Syd, 0, Metric::InTraining), 3);
}

TEST(Tally, CountsOutsideTheReportedYearsAreDropped) {
  Tally t(2020, 2, 1, 0);
  t.add(2030, Region::Nord, 0, Metric::Completed);
  t.add(2019, Region::Nord, 0, Metric::Completed);
  EXPECT_EQ(t.get(2020, Region::Nord, 0, Metric::Completed), 0);
  EXPECT_EQ(t.get(2021, Region::Nord, 0, Metric::Completed), 0);
}

TEST(Tally, ExpandedLayoutAddsRegionAndSpecialtyTotals) {
  Tally t(2020, 1, 2, 0);
  t.add(2020, Region::Nord, 0, Metric::Posted, 1);
  t.add(2020, Region::Syd, 1, Metric::Posted, 10);
  t.add(2020, Region::Ost, 1, Metric::Posted, 100);
  const YearlyLayout layout{2020, 1, 2};
  std::vector<std::int32_t> out;
  t.expand(layout, out);
  EXPECT_EQ(out[layout.cell(0, 0, 0, Metric::Posted)], 1);
  EXPECT_EQ(out[layout.cell(0, 3, 1, Metric::Posted)], 110);  // all regions, specialty 1
  EXPECT_EQ(out[layout.cell(0, 2, 2, Metric::Posted)], 100);  // Øst, all specialties
  EXPECT_EQ(out[layout.cell(0, 3, 2, Metric::Posted)], 111);  // all, all
  EXPECT_EQ(out[layout.cell(0, 3, 2, Metric::Filled)], 0);
}

}  // namespace
}  // namespace forlob
