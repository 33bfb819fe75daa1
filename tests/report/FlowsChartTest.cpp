#include "report/FlowsChart.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "report/ReportFixture.hpp"
#include "support/TestDirectory.hpp"

namespace forlob {
namespace {

TEST(FlowsChart, TakesTheMeansOfAllRegionsAndSpecialtiesForEachFlow) {
  testing::TestDirectory dir;
  testing::write_report_fixture(dir.path());
  YearlyTable t;
  t.add_yearly(TidyCsv::read(dir.path() / "yearly.csv", "yearly.csv"));
  const FlowsData d = flows_data(t, "extraordinary_trial", 2021, 2023);
  EXPECT_EQ(d.years, (std::vector<int>{2021, 2022, 2023}));
  ASSERT_EQ(d.means.size(), kFlowMetricCount);
  for (std::size_t m = 0; m < kFlowMetricCount; ++m)
    for (std::size_t y = 0; y < d.years.size(); ++y)
      EXPECT_EQ(d.means[m][y],
                testing::fixture_value(1, d.years[y], "all", "all", kFlowMetrics[m].metric) + 0.5)
          << kFlowMetrics[m].metric << " " << d.years[y];
}

TEST(FlowsChart, ShowsEveryFateOfAnUnfilledCourseIncludingLapsed) {
  std::vector<std::string> metrics;
  for (const FlowMetric& m : kFlowMetrics) metrics.push_back(m.metric);
  EXPECT_EQ(metrics, (std::vector<std::string>{"posted", "filled", "unfilled", "reposted", "carried_over",
                                               "flex_out", "handed_over_out", "lapsed"}));
}

TEST(FlowsChart, AMissingYearIsAGapNotAZero) {
  YearlyTable t;
  t.add_yearly(
      TidyCsv::parse("scenario,year,region,specialty,metric,mean,p05,p50,p95\n"
                     "a,2022,all,all,posted,10,9,10,11\n",
                     "y.csv"));
  const FlowsData d = flows_data(t, "a", 2021, 2022);
  EXPECT_TRUE(std::isnan(d.means[0][0]));
  EXPECT_EQ(d.means[0][1], 10);
  const Chart c = flows_chart(Chart{}, d);
  EXPECT_NE(c.data[0].text.find("2021\tNaN"), std::string::npos);
  EXPECT_NE(c.commands.find("set multiplot"), std::string::npos);
}

// The years under the post-trial rule are tinted, as in the fan charts; without them, nothing is.
TEST(FlowsChart, TintsThePostTrialYearsInBothPanels) {
  FlowsData d;
  for (int y = 2026; y <= 2036; ++y) d.years.push_back(y);
  d.means.assign(kFlowMetricCount, std::vector<double>(d.years.size(), 1.0));
  const Chart tinted = flows_chart(Chart{}, d, std::pair{2031, 2036});
  const auto rect = tinted.commands.find("set object 3 rect from 2031-0.5, graph 0 to 2036+0.5");
  ASSERT_NE(rect, std::string::npos) << tinted.commands;
  EXPECT_LT(rect, tinted.commands.find("\nplot "));  // before the first panel, kept for the second
  EXPECT_NE(tinted.commands.find("post-trial rule"), std::string::npos);
  const Chart plain = flows_chart(Chart{}, d);
  EXPECT_EQ(plain.commands.find("set object 3"), std::string::npos);
  const Chart beyond = flows_chart(Chart{}, d, std::pair{2040, 2045});
  EXPECT_EQ(beyond.commands.find("set object 3"), std::string::npos);
}

}  // namespace
}  // namespace forlob
