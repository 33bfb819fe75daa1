#include "report/FanChart.hpp"

#include <gtest/gtest.h>

#include "report/ReportFixture.hpp"
#include "support/TestDirectory.hpp"

namespace forlob {
namespace {

using testing::fixture_value;

YearlyTable fixture_table(const std::filesystem::path& dir) {
  testing::write_report_fixture(dir);
  YearlyTable t;
  t.add_yearly(TidyCsv::read(dir / "yearly.csv", "yearly.csv"));
  t.add_yearly(TidyCsv::read(dir / "difference.csv", "difference.csv"));
  t.add_bands(TidyCsv::read(dir / "bands.csv", "bands.csv"));
  return t;
}

TEST(FanChart, BandsComeFromTheRowsOfTheScenarioRegionSpecialtyAndMetric) {
  testing::TestDirectory dir;
  const YearlyTable t = fixture_table(dir.path());
  const FanSeries s = fan_series(t, {"flex_scheme", "all", "almen_medicin", "completed"}, 2021, 2026);
  ASSERT_EQ(s.points.size(), 6U);
  EXPECT_TRUE(s.has_quartiles());
  for (const YearBand& p : s.points) {
    const double median = fixture_value(0, p.year, "all", "almen_medicin", "completed");
    EXPECT_EQ(p.q.p05, median - 10);
    EXPECT_EQ(p.q.p25, median - 5);
    EXPECT_EQ(p.q.p50, median);
    EXPECT_EQ(p.q.p75, median + 5);
    EXPECT_EQ(p.q.p95, median + 10);
  }
}

TEST(FanChart, TheFourTogetherComeFromSingleYearHeadlinesOfOneScenario) {
  std::vector<HeadlineRow> rows;
  for (const char* scenario : {"a", "b"})
    for (int y : {2028, 2026, 2027}) {
      HeadlineRow h;
      h.scenario = scenario;
      h.headline = "completed_trial_specialties_" + std::to_string(y);
      h.first_year = h.last_year = y;
      h.q.p50 = y + (scenario[0] == 'b' ? 0.5 : 0);
      rows.push_back(h);
    }
  HeadlineRow sum = rows[0];
  sum.headline = "completed_trial_specialties_2026_2028";
  sum.last_year = 2028;
  rows.push_back(sum);
  const FanSeries s = headline_fan_series(rows, "b", "completed_trial_specialties_", 2026, 2027);
  ASSERT_EQ(s.points.size(), 2U) << "2028 is out of range; sums are not years";
  EXPECT_EQ(s.points[0].year, 2026);
  EXPECT_EQ(s.points[0].q.p50, 2026.5);
  EXPECT_EQ(s.points[1].year, 2027);
}

TEST(FanChart, WritesYearAndTheFiveQuantilesInOrderAndDrawsBothBands) {
  FanSeries s;
  s.label = "flex scheme";
  s.colour = "#0072B2";
  Quantiles q;
  q.p05 = 1;
  q.p25 = 2;
  q.p50 = 3;
  q.p75 = 4;
  q.p95 = 5;
  s.points = {{2026, q}, {2027, q}};
  FanChartOptions o;
  o.zero_line = true;
  const Chart c = fan_chart(Chart{}, {s}, o);
  ASSERT_EQ(c.data.size(), 1U);
  EXPECT_EQ(c.data[0].text, "# year\tp05\tp25\tp50\tp75\tp95\n2026\t1\t2\t3\t4\t5\n2027\t1\t2\t3\t4\t5\n");
  EXPECT_NE(c.commands.find("using 1:2:6 with filledcurves"), std::string::npos) << "90% band: p05 to p95";
  EXPECT_NE(c.commands.find("using 1:3:5 with filledcurves"), std::string::npos) << "50% band: p25 to p75";
  EXPECT_NE(c.commands.find("using 1:4 with linespoints"), std::string::npos) << "median";
  EXPECT_NE(c.commands.find("'no difference'"), std::string::npos);
}

TEST(FanChart, WithoutQuartilesOnlyThe90PercentBandIsDrawn) {
  FanSeries s;
  Quantiles q;
  q.p05 = 1;
  q.p50 = 3;
  q.p95 = 5;
  s.points = {{2026, q}, {2027, q}};
  const Chart c = fan_chart(Chart{}, {s}, {});
  EXPECT_NE(c.commands.find("using 1:2:6"), std::string::npos);
  EXPECT_EQ(c.commands.find("using 1:3:5"), std::string::npos);
  EXPECT_EQ(c.commands.find("no difference"), std::string::npos);
}

}  // namespace
}  // namespace forlob
