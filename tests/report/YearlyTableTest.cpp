#include "report/YearlyTable.hpp"

#include <gtest/gtest.h>

#include "report/ReportFixture.hpp"
#include "support/InputErrorOf.hpp"
#include "support/TestDirectory.hpp"

namespace forlob {
namespace {

using testing::fixture_value;

class YearlyTableFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::write_report_fixture(dir_.path());
    table_.add_yearly(TidyCsv::read(dir_.path() / "yearly.csv", "yearly.csv"));
    table_.add_yearly(TidyCsv::read(dir_.path() / "difference.csv", "difference.csv"));
  }
  testing::TestDirectory dir_;
  YearlyTable table_;
};

TEST_F(YearlyTableFixture, ASeriesIsOneCellByYearWithMeanAndQuantiles) {
  const auto s = table_.series({"extraordinary_trial", "all", "almen_medicin", "completed"}, 2021, 2024);
  ASSERT_EQ(s.size(), 4U);
  for (const YearValue& v : s) {
    const double median = fixture_value(1, v.year, "all", "almen_medicin", "completed");
    EXPECT_EQ(v.q.p50, median) << v.year;
    EXPECT_EQ(v.q.p05, median - 10);
    EXPECT_EQ(v.q.p95, median + 10);
    EXPECT_EQ(v.mean, median + 0.5);
    EXPECT_FALSE(v.q.has_quartiles()) << "yearly.csv has no quartiles";
  }
  EXPECT_EQ(s.front().year, 2021);
  EXPECT_EQ(s.back().year, 2024);
}

TEST_F(YearlyTableFixture, BandsAddQuartilesToTheSameCells) {
  table_.add_bands(TidyCsv::read(dir_.path() / "bands.csv", "bands.csv"));
  const auto s = table_.series({testing::kFixtureDifference, "all", "all", "completed"}, 2026, 2026);
  ASSERT_EQ(s.size(), 1U);
  const double median = fixture_value(2, 2026, "all", "all", "completed");
  EXPECT_EQ(s[0].q.p25, median - 5);
  EXPECT_EQ(s[0].q.p75, median + 5);
  EXPECT_EQ(s[0].mean, median + 0.5) << "the mean from difference.csv stays";
}

TEST_F(YearlyTableFixture, KnowsWhichScenariosItHolds) {
  EXPECT_TRUE(table_.has_scenario("flex_scheme"));
  EXPECT_TRUE(table_.has_scenario(testing::kFixtureDifference));
  EXPECT_FALSE(table_.has_scenario("flex"));
  EXPECT_TRUE(table_.series({"flex_scheme", "Syd", "all", "completed"}, 2000, 2100).empty());
}

TEST(YearlyTable, RequiresTheColumnsItReads) {
  YearlyTable t;
  EXPECT_EQ(testing::input_error_of([&] {
              t.add_yearly(TidyCsv::parse("scenario,year,region,specialty,metric,mean,p05,p95\n", "y.csv"));
            }),
            "y.csv: line 1: expected a column named p50 in the header, got "
            "scenario,year,region,specialty,metric,mean,p05,p95");
}

}  // namespace
}  // namespace forlob
