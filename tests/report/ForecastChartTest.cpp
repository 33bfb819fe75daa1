#include "report/ForecastChart.hpp"

#include <gtest/gtest.h>

namespace forlob {
namespace {

std::vector<ForecastTableRow> rows(const std::string& text) {
  return read_forecast_csv(
      TidyCsv::parse("region,specialty,year,course_kind,measure,mean,p05,p25,p50,p75,p95\n" + text,
                     "evaluation_forecast.csv"));
}

TEST(ForecastChart, TakesTheAllRegionsRowsOfExtraordinaryCoursesByMeasure) {
  const ForecastSeries f = forecast_series(rows("all,all,2027,extraordinary,posted,30,28,29,30,31,32\n"
                                                "all,all,2026,extraordinary,posted,29,27,28,29,30,31\n"
                                                "Nord,geriatri,2026,extraordinary,posted,1,0,1,1,1,2\n"
                                                "all,all,2026,ordinary,posted,1240,1240,1240,1240,1240,1240\n"
                                                "all,all,2026,extraordinary,in_course,20,18,19,20,21,22\n"),
                                           "extraordinary");
  EXPECT_FALSE(f.summed);
  ASSERT_EQ(f.series.size(), 2U);
  EXPECT_EQ(f.series[0].label, "posted");
  EXPECT_EQ(f.series[1].label, "in course");
  ASSERT_EQ(f.series[0].points.size(), 2U);
  EXPECT_EQ(f.series[0].points[0].year, 2026);
  EXPECT_EQ(f.series[0].points[0].q.p25, 28);
  EXPECT_EQ(f.series[0].points[1].q.p95, 32);
  EXPECT_TRUE(f.series[0].has_quartiles());
}

TEST(ForecastChart, WithoutTotalsItSumsTheMeansAndDrawsNoBands) {
  const ForecastSeries f = forecast_series(rows("Nord,geriatri,2026,extraordinary,filled,1.5,0,1,1,2,3\n"
                                                "Syd,psykiatri,2026,extraordinary,filled,2.25,0,1,2,3,4\n"),
                                           "extraordinary");
  EXPECT_TRUE(f.summed);
  ASSERT_EQ(f.series.size(), 1U);
  ASSERT_EQ(f.series[0].points.size(), 1U);
  EXPECT_EQ(f.series[0].points[0].q.p50, 3.75);
  EXPECT_FALSE(f.series[0].has_band());
}

}  // namespace
}  // namespace forlob
