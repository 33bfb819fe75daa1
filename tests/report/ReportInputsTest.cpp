#include "report/ReportInputs.hpp"

#include <gtest/gtest.h>

#include "report/ReportFixture.hpp"
#include "support/InputErrorOf.hpp"
#include "support/TestDirectory.hpp"

namespace forlob {
namespace {

using testing::input_error_of;

TEST(ReportInputs, ReadsEveryFileTheDirectoryHas) {
  testing::TestDirectory dir;
  testing::write_report_fixture(dir.path(), {.sweep = true, .sensitivity = true, .forecast = true});
  const ReportInputs in = read_report_inputs(dir.path());
  EXPECT_EQ(in.scenario_names(), (std::vector<std::string>{"flex_scheme", "extraordinary_trial"}));
  EXPECT_EQ(in.difference_label(), testing::kFixtureDifference);
  EXPECT_TRUE(in.has_yearly);
  EXPECT_TRUE(in.has_bands);
  EXPECT_TRUE(in.headlines_from_csv);
  EXPECT_EQ(in.headlines.size(), 24U);
  EXPECT_TRUE(in.headlines.front().q.has_quartiles()) << "headlines.csv, not summary.json";
  EXPECT_TRUE(in.sweep && in.sensitivity && in.forecast);
}

TEST(ReportInputs, FallsBackToSummaryHeadlinesWithoutHeadlinesCsv) {
  testing::TestDirectory dir;
  testing::write_report_fixture(dir.path(), {.bands = false, .headlines = false});
  const ReportInputs in = read_report_inputs(dir.path());
  EXPECT_FALSE(in.headlines_from_csv);
  EXPECT_FALSE(in.has_bands);
  EXPECT_EQ(in.headlines.size(), 24U);
  EXPECT_FALSE(in.sweep || in.sensitivity || in.forecast);
}

TEST(ReportInputs, ARunOrCompareNeedsItsYearlyFiles) {
  testing::TestDirectory dir;
  testing::write_report_fixture(dir.path());
  std::filesystem::remove(dir.path() / "difference.csv");
  EXPECT_EQ(input_error_of([&] { read_report_inputs(dir.path()); }),
            (dir.path() / "difference.csv").string() + ": cannot open: No such file or directory");
  std::filesystem::remove(dir.path() / "yearly.csv");
  EXPECT_EQ(input_error_of([&] { read_report_inputs(dir.path()); }),
            (dir.path() / "yearly.csv").string() + ": cannot open: No such file or directory");
}

TEST(ReportInputs, ScenariosOfTheSummaryMustBeInYearlyCsv) {
  testing::TestDirectory dir;
  testing::write_report_fixture(dir.path());
  testing::write_text(dir.path() / "yearly.csv",
                      "scenario,year,region,specialty,metric,mean,sd,p05,p50,p95\n"
                      "flex_scheme,2021,all,all,completed,1,0,1,1,1\n");
  EXPECT_EQ(
      input_error_of([&] { read_report_inputs(dir.path()); }),
      (dir.path() / "yearly.csv").string() +
          ": column 1 (scenario): expected rows for scenario 'extraordinary_trial' named in summary.json");
}

TEST(ReportInputs, ADirectoryWithNothingToReportNamesSummaryJson) {
  testing::TestDirectory dir;
  EXPECT_EQ(input_error_of([&] { read_report_inputs(dir.path()); }),
            (dir.path() / "summary.json").string() + ": cannot open: No such file or directory");
  EXPECT_EQ(input_error_of([&] { read_report_inputs(dir.path() / "missing"); }),
            (dir.path() / "missing").string() + ": expected an output directory of forlob run or compare");
}

TEST(ReportInputs, ASensitivityDirectoryNeedsNoSummary) {
  testing::TestDirectory dir;
  testing::write_text(dir.path() / "sensitivity.csv",
                      "method,output,parameter,index,estimate,ci_low,ci_high\n");
  const ReportInputs in = read_report_inputs(dir.path());
  EXPECT_FALSE(in.summary);
  EXPECT_TRUE(in.sensitivity);
}

}  // namespace
}  // namespace forlob
