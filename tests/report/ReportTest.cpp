#include "report/Report.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "output/OutputDirectory.hpp"
#include "report/ReportFixture.hpp"
#include "support/InputErrorOf.hpp"
#include "support/RunProgram.hpp"
#include "support/TestDirectory.hpp"

namespace forlob {
namespace {

namespace fs = std::filesystem;

using testing::read_file;

TEST(Report, WritesChartsAndTheHtmlAndTheSameBytesTwice) {
  testing::TestDirectory dir;
  testing::write_report_fixture(dir.path(), {.sweep = true, .sensitivity = true, .forecast = true});
  const ReportResult r = write_report(dir.path());
  EXPECT_EQ(r.charts.size(), 13U);  // with the all-specialties, regional and cumulative differences
  for (const std::string& name : r.charts) {
    EXPECT_GT(fs::file_size(dir.path() / "charts" / (name + ".svg")), 1000U) << name;
    EXPECT_GT(fs::file_size(dir.path() / "charts" / (name + ".png")), 1000U) << name;
  }
  const std::string first = read_file(dir.path() / "report.html");
  const std::string chart = read_file(dir.path() / "charts" / (r.charts[0] + ".png"));
  EXPECT_EQ(first.size(), r.html_bytes);
  write_report(dir.path());
  EXPECT_TRUE(read_file(dir.path() / "report.html") == first);
  EXPECT_TRUE(read_file(dir.path() / "charts" / (r.charts[0] + ".png")) == chart);
  for (const auto& entry : fs::directory_iterator(dir.path()))
    EXPECT_EQ(entry.path().filename().string().find(".partial"), std::string::npos)
        << "no staging left behind";
}

TEST(Report, ReplacesTheChartsOfAnEarlierReport) {
  testing::TestDirectory dir;
  testing::write_report_fixture(dir.path());
  fs::create_directories(dir.path() / "charts");
  testing::write_text(dir.path() / "charts" / "stale.svg", "<svg/>");
  testing::write_text(dir.path() / "charts" / OutputDirectory::kMarkerFile, "");  // an earlier report's
  write_report(dir.path());
  EXPECT_FALSE(fs::exists(dir.path() / "charts" / "stale.svg"));
  EXPECT_TRUE(fs::exists(dir.path() / "charts" / "flows_flex_scheme.svg"));
}

TEST(Report, BadInputWritesNothing) {
  testing::TestDirectory dir;
  testing::write_report_fixture(dir.path());
  testing::write_text(dir.path() / "bands.csv",
                      "scenario,year,region,specialty,metric,p05,p25,p50,p75,p95\n"
                      "flex_scheme,2021,all,all,completed,1,2,x,4,5\n");
  EXPECT_EQ(testing::input_error_of([&] { write_report(dir.path()); }),
            (dir.path() / "bands.csv").string() + ": line 2, column 8 (p50): expected a number, got 'x'");
  EXPECT_FALSE(fs::exists(dir.path() / "charts"));
  EXPECT_FALSE(fs::exists(dir.path() / "report.html"));
}

}  // namespace
}  // namespace forlob
