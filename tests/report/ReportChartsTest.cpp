#include "report/ReportCharts.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "report/ReportFixture.hpp"
#include "support/TestDirectory.hpp"

namespace forlob {
namespace {

std::vector<std::string> names(const std::vector<Chart>& charts) {
  std::vector<std::string> out;
  for (const Chart& c : charts) out.push_back(c.name);
  return out;
}

TEST(ReportCharts, ACompareGetsFanDifferenceAndFlowCharts) {
  testing::TestDirectory dir;
  testing::write_report_fixture(dir.path());
  const std::vector<Chart> charts = report_charts(read_report_inputs(dir.path()));
  EXPECT_EQ(names(charts), (std::vector<std::string>{
                               "new_specialists_trial_specialties", "new_specialists_almen_medicin",
                               "difference_trial_specialties", "difference_all_specialties",
                               "difference_by_region", "cumulative_difference", "difference_almen_medicin",
                               "flows_flex_scheme", "flows_extraordinary_trial"}));
  for (const Chart& c : charts) {
    EXPECT_FALSE(c.title.empty()) << c.name;
    EXPECT_NE(
        c.caption.find("Source: forlob 0.1.0 compare of flex_scheme (A) and extraordinary_trial (B), 40 "
                       "replications, seed 7."),
        std::string::npos)
        << c.name;
    EXPECT_NE(c.commands.find("set xlabel"), std::string::npos) << c.name;
    EXPECT_NE(c.commands.find("set ylabel"), std::string::npos) << c.name;
    EXPECT_NE(c.commands.find(" title '"), std::string::npos) << c.name << ": a legend";
    EXPECT_EQ(c.section, "results");
  }
  EXPECT_NE(charts[0].caption.find("50% interval (25th–75th percentile)"), std::string::npos);
  // Both policies overlaid in distinct colours; the difference in a third.
  EXPECT_NE(charts[0].commands.find(kPalette[0]), std::string::npos);
  EXPECT_NE(charts[0].commands.find(kPalette[1]), std::string::npos);
  EXPECT_NE(charts[2].commands.find(kDifferenceColour), std::string::npos);
  EXPECT_NE(charts[2].commands.find("no difference"), std::string::npos);
}

TEST(ReportCharts, AStockGetsALevelAndADifferenceChartWithBands) {
  testing::TestDirectory dir;
  testing::FixtureFiles files;
  files.stock = true;
  testing::write_report_fixture(dir.path(), files);
  const std::vector<Chart> charts = report_charts(read_report_inputs(dir.path()));
  const std::vector<std::string> n = names(charts);
  const auto level = std::find(n.begin(), n.end(), "specialists");
  const auto difference = std::find(n.begin(), n.end(), "difference_specialists");
  ASSERT_NE(level, n.end());
  ASSERT_NE(difference, n.end());
  const Chart& a = charts[static_cast<std::size_t>(level - n.begin())];
  // Both policies' all-specialty medians and bands, and each one's trial-specialty mean.
  EXPECT_NE(a.commands.find("flex scheme, all specialties: 90% band"), std::string::npos);
  EXPECT_NE(a.commands.find("extraordinary trial, all specialties: 50% band"), std::string::npos);
  EXPECT_NE(a.commands.find("extraordinary trial, trial specialties (mean)"), std::string::npos);
  // 2030 in the fixture's terms: the all-specialty median of flex_scheme in 2022, from yearly.csv.
  const std::string median_2022 =
      testing::number(testing::fixture_value(0, 2022, "all", "all", "specialists"));
  bool found = false;
  for (const ChartData& d : a.data) {
    const auto row = d.text.find("\n2022\t");
    if (row == std::string::npos) continue;
    const std::string line = d.text.substr(row + 1, d.text.find('\n', row + 1) - row - 1);
    found = found || line.find("\t" + median_2022 + "\t") != std::string::npos;
  }
  EXPECT_TRUE(found) << median_2022;
  const Chart& b = charts[static_cast<std::size_t>(difference - n.begin())];
  EXPECT_NE(b.commands.find("no difference"), std::string::npos);
  EXPECT_NE(b.commands.find("all specialties: 90% band"), std::string::npos);
  // Without a stock (every fixture without `stock`), no stock chart.
  testing::TestDirectory plain;
  testing::write_report_fixture(plain.path());
  const std::vector<std::string> without = names(report_charts(read_report_inputs(plain.path())));
  EXPECT_EQ(std::find(without.begin(), without.end(), "specialists"), without.end());
}

TEST(ReportCharts, PostTrialYearsAreTintedAndCaptionedOnlyWhenHiringGoesOnAfterThePlan) {
  testing::TestDirectory dir;
  testing::FixtureFiles files;
  files.post_trial = true;
  testing::write_report_fixture(dir.path(), files);
  const std::vector<Chart> charts = report_charts(read_report_inputs(dir.path()));
  ASSERT_FALSE(charts.empty());
  const Chart& c = charts.front();
  EXPECT_NE(c.commands.find("set object 3 rect from 2024-0.5"), std::string::npos) << c.commands;
  EXPECT_NE(c.commands.find("'post-trial rule'"), std::string::npos);
  EXPECT_NE(c.caption.find("2024–2024 (tinted blue: post-trial rule)"), std::string::npos) << c.caption;
  // Hiring to 2024 and courses of at least four years: no completion year to 2026 misses a cohort.
  EXPECT_EQ(c.commands.find("incomplete tail"), std::string::npos);
  testing::TestDirectory plain;
  testing::write_report_fixture(plain.path());
  const Chart p = report_charts(read_report_inputs(plain.path())).front();
  EXPECT_EQ(p.commands.find("post-trial rule"), std::string::npos);
}

TEST(ReportCharts, FanChartsOfTheFourTogetherUseTheHeadlineQuantiles) {
  testing::TestDirectory dir;
  testing::write_report_fixture(dir.path());
  const std::vector<Chart> charts = report_charts(read_report_inputs(dir.path()));
  // flex_scheme (scenario 0) in 2021: median 7 * 21 = 147, p05 139, p25 143, p75 151, p95 155.
  EXPECT_NE(charts[0].data[0].text.find("2021\t139\t143\t147\t151\t155\n"), std::string::npos)
      << charts[0].data[0].text;
  EXPECT_EQ(charts[0].data[0].text.find("2020"), std::string::npos)
      << "years start with the calendar's start";
}

TEST(ReportCharts, WithoutBandsCsvTheCaptionSaysThereIsOnlyThe90PercentBand) {
  testing::TestDirectory dir;
  testing::write_report_fixture(dir.path(), {.bands = false, .headlines = false});
  const std::vector<Chart> charts = report_charts(read_report_inputs(dir.path()));
  ASSERT_FALSE(charts.empty());
  EXPECT_NE(charts[1].caption.find("band: 90% interval"), std::string::npos);
  EXPECT_EQ(charts[1].commands.find("using 1:3:5"), std::string::npos);
}

TEST(ReportCharts, SweepSensitivityAndForecastAddTheirCharts) {
  testing::TestDirectory dir;
  testing::write_report_fixture(dir.path(), {.sweep = true, .sensitivity = true, .forecast = true});
  const std::vector<Chart> charts = report_charts(read_report_inputs(dir.path()));
  const std::vector<std::string> n = names(charts);
  for (const char* expected :
       {"tornado_difference", "sobol_difference", "morris_difference", "forecast_extraordinary"})
    EXPECT_NE(std::find(n.begin(), n.end(), expected), n.end()) << expected;
}

}  // namespace
}  // namespace forlob
