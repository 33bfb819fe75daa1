#include "output/YearlyCsv.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "support/TinyScenario.hpp"

namespace forlob {
namespace {

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// One year, one specialty: 4 region slots x 2 specialty slots x 18 metrics = 144 cells. Cell i sees
// the values i and i + 1 in two replications, so mean i + 0.5, sd 0.707, p05 i + 0.05, p95 i + 0.95.
class YearlyCsvTest : public ::testing::Test {
 protected:
  YearlyCsvTest() : scenario(testing::tiny_scenario(1)), layout{2020, 1, 1}, dist(layout.cells()) {
    std::vector<std::int32_t> values(layout.cells());
    for (int rep = 0; rep < 2; ++rep) {
      for (std::size_t i = 0; i < values.size(); ++i) values[i] = static_cast<std::int32_t>(i) + rep;
      dist.add(values);
    }
  }
  std::string write(const std::vector<YearlyTableRef>& tables) const {
    std::ostringstream out;
    write_yearly_csv(out, tables);
    return out.str();
  }

  Scenario scenario;
  YearlyLayout layout;
  CellDistribution dist;
};

TEST_F(YearlyCsvTest, StartsWithTheHeaderAndNoByteOrderMark) {
  const std::string text = write({{"tiny", &scenario, &layout, &dist}});
  EXPECT_EQ(text.substr(0, 62), "scenario,year,region,specialty,metric,mean,sd,p05,p50,p95\ntiny");
  EXPECT_EQ(text.find('\r'), std::string::npos);
  EXPECT_EQ(text.back(), '\n');
}

TEST_F(YearlyCsvTest, BandsHaveTheSameRowsWithTheQuartilesForFanCharts) {
  std::ostringstream out;
  write_bands_csv(out, {{"tiny", &scenario, &layout, &dist}});
  const std::vector<std::string> rows = lines(out.str());
  ASSERT_EQ(rows.size(), 1u + 144u);
  EXPECT_EQ(rows[0], "scenario,year,region,specialty,metric,p05,p25,p50,p75,p95");
  // Values i and i + 1: type-7 quantiles are i + p.
  EXPECT_EQ(rows[1], "tiny,2020,Nord,s0,posted,0.05,0.25,0.5,0.75,0.95");
  EXPECT_EQ(rows[144], "tiny,2020,all,all,dropped_out,143.05,143.25,143.5,143.75,143.95");
}

TEST_F(YearlyCsvTest, RowsRunByRegionThenSpecialtyThenMetric) {
  const std::vector<std::string> rows = lines(write({{"tiny", &scenario, &layout, &dist}}));
  ASSERT_EQ(rows.size(), 1u + 144u);
  EXPECT_EQ(rows[1], "tiny,2020,Nord,s0,posted,0.5,0.707,0.05,0.5,0.95");
  EXPECT_EQ(rows[2], "tiny,2020,Nord,s0,filled,1.5,0.707,1.05,1.5,1.95");
  EXPECT_EQ(rows[18], "tiny,2020,Nord,s0,dropped_out,17.5,0.707,17.05,17.5,17.95");
  EXPECT_EQ(rows[19], "tiny,2020,Nord,all,posted,18.5,0.707,18.05,18.5,18.95");
  EXPECT_EQ(rows[37], "tiny,2020,Syd,s0,posted,36.5,0.707,36.05,36.5,36.95");
  EXPECT_EQ(rows[73], "tiny,2020,Øst,s0,posted,72.5,0.707,72.05,72.5,72.95");
  EXPECT_EQ(rows[109], "tiny,2020,all,s0,posted,108.5,0.707,108.05,108.5,108.95");
  EXPECT_EQ(rows[144], "tiny,2020,all,all,dropped_out,143.5,0.707,143.05,143.5,143.95");
}

TEST_F(YearlyCsvTest, EveryCellAppearsOnceInLayoutOrder) {
  const std::vector<std::string> rows = lines(write({{"tiny", &scenario, &layout, &dist}}));
  for (std::size_t i = 0; i < layout.cells(); ++i) {
    const std::string mean = "," + std::to_string(i) + ".5,0.707,";
    EXPECT_NE(rows[i + 1].find(mean), std::string::npos) << rows[i + 1];
  }
}

TEST_F(YearlyCsvTest, TablesFollowOneAnotherInTheGivenOrder) {
  const std::vector<std::string> rows = lines(write({{"b", &scenario, &layout, &dist},
                                                     {"a", &scenario, &layout, &dist},
                                                     {"a - b", &scenario, &layout, &dist}}));
  ASSERT_EQ(rows.size(), 1u + 3 * 144u);
  EXPECT_EQ(rows[1].substr(0, 7), "b,2020,");
  EXPECT_EQ(rows[144].substr(0, 7), "b,2020,");
  EXPECT_EQ(rows[145].substr(0, 7), "a,2020,");
  EXPECT_EQ(rows[289].substr(0, 11), "a - b,2020,");
  EXPECT_EQ(rows[432].substr(0, 11), "a - b,2020,");
}

TEST_F(YearlyCsvTest, YearsAreTheOuterOrder) {
  const YearlyLayout two_years{2030, 2, 1};
  CellDistribution d(two_years.cells());
  d.add(std::vector<std::int32_t>(two_years.cells(), -1));
  const std::vector<std::string> rows = lines(write({{"x", &scenario, &two_years, &d}}));
  EXPECT_EQ(rows[1], "x,2030,Nord,s0,posted,-1,0,-1,-1,-1");
  EXPECT_EQ(rows[145], "x,2031,Nord,s0,posted,-1,0,-1,-1,-1");
}

TEST_F(YearlyCsvTest, QuotesALabelWithAComma) {
  const std::vector<std::string> rows = lines(write({{"a,b", &scenario, &layout, &dist}}));
  EXPECT_EQ(rows[1].substr(0, 12), "\"a,b\",2020,N");
}

TEST_F(YearlyCsvTest, RefusesADistributionOfAnotherLayout) {
  const CellDistribution wrong(10);
  std::ostringstream out;
  EXPECT_THROW(write_yearly_csv(out, {{"x", &scenario, &layout, &wrong}}), std::invalid_argument);
  EXPECT_TRUE(out.str().empty());
}

}  // namespace
}  // namespace forlob
