#include "output/YearlyCsv.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "support/Lines.hpp"
#include "support/TinyScenario.hpp"

namespace forlob {
namespace {

using testing::lines;

// One year, one specialty: 4 region slots x 2 specialty slots x kMetricCount metrics. Cell i sees
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
  ASSERT_EQ(rows.size(), 1u + layout.cells());
  EXPECT_EQ(rows[0], "scenario,year,region,specialty,metric,p05,p25,p50,p75,p95");
  // Values i and i + 1: type-7 quantiles are i + p.
  EXPECT_EQ(rows[1], "tiny,2020,Nord,s0,posted,0.0500,0.2500,0.5000,0.7500,0.9500");
  const std::string last = std::to_string(layout.cells() - 1);
  EXPECT_EQ(rows.back(), "tiny,2020,all,all,extraordinary_unposted_capacity," + last + ".0500," + last +
                             ".2500," + last + ".5000," + last + ".7500," + last + ".9500");
}

TEST_F(YearlyCsvTest, RowsRunByRegionThenSpecialtyThenMetric) {
  const std::vector<std::string> rows = lines(write({{"tiny", &scenario, &layout, &dist}}));
  ASSERT_EQ(rows.size(), 1u + layout.cells());
  // Row 1 + i holds cell i, whose mean is i + 0.5.
  auto row = [&](int region, int specialty, Metric m) {
    const std::size_t cell = layout.cell(0, region, specialty, m);
    const std::string v = std::to_string(cell);
    return std::pair{rows[1 + cell], v + ".50000000,0.7071," + v + ".0500," + v + ".5000," + v + ".9500"};
  };
  EXPECT_EQ(rows[1], "tiny,2020,Nord,s0,posted,0.50000000,0.7071,0.0500,0.5000,0.9500");
  EXPECT_EQ(rows[2], "tiny,2020,Nord,s0,filled,1.50000000,0.7071,1.0500,1.5000,1.9500");
  EXPECT_EQ(rows[18], "tiny,2020,Nord,s0,dropped_out,17.50000000,0.7071,17.0500,17.5000,17.9500");
  const std::size_t per_slot = kMetricCount;
  EXPECT_EQ(row(0, 1, Metric::Posted).first, "tiny,2020,Nord,all,posted," + row(0, 1, Metric::Posted).second);
  EXPECT_EQ(layout.cell(0, 0, 1, Metric::Posted), per_slot) << "Nord, all follows the metrics of Nord, s0";
  EXPECT_EQ(row(1, 0, Metric::Posted).first, "tiny,2020,Syd,s0,posted," + row(1, 0, Metric::Posted).second);
  EXPECT_EQ(row(2, 0, Metric::Posted).first, "tiny,2020,Øst,s0,posted," + row(2, 0, Metric::Posted).second);
  EXPECT_EQ(row(3, 0, Metric::Posted).first, "tiny,2020,all,s0,posted," + row(3, 0, Metric::Posted).second);
  EXPECT_EQ(row(3, 1, Metric::OrdinaryOffered).first,
            "tiny,2020,all,all,ordinary_offered," + row(3, 1, Metric::OrdinaryOffered).second);
  EXPECT_EQ(rows.back(), row(3, 1, Metric::ExtraordinaryUnpostedCapacity).first)
      << "the last metric comes last";
}

TEST_F(YearlyCsvTest, EveryCellAppearsOnceInLayoutOrder) {
  const std::vector<std::string> rows = lines(write({{"tiny", &scenario, &layout, &dist}}));
  for (std::size_t i = 0; i < layout.cells(); ++i) {
    const std::string mean = "," + std::to_string(i) + ".50000000,0.7071,";
    EXPECT_NE(rows[i + 1].find(mean), std::string::npos) << rows[i + 1];
  }
}

TEST_F(YearlyCsvTest, TablesFollowOneAnotherInTheGivenOrder) {
  const std::vector<std::string> rows = lines(write({{"b", &scenario, &layout, &dist},
                                                     {"a", &scenario, &layout, &dist},
                                                     {"a - b", &scenario, &layout, &dist}}));
  const std::size_t n = layout.cells();
  ASSERT_EQ(rows.size(), 1u + 3 * n);
  EXPECT_EQ(rows[1].substr(0, 7), "b,2020,");
  EXPECT_EQ(rows[n].substr(0, 7), "b,2020,");
  EXPECT_EQ(rows[n + 1].substr(0, 7), "a,2020,");
  EXPECT_EQ(rows[2 * n + 1].substr(0, 11), "a - b,2020,");
  EXPECT_EQ(rows[3 * n].substr(0, 11), "a - b,2020,");
}

TEST_F(YearlyCsvTest, YearsAreTheOuterOrder) {
  const YearlyLayout two_years{2030, 2, 1};
  CellDistribution d(two_years.cells());
  d.add(std::vector<std::int32_t>(two_years.cells(), -1));
  const std::vector<std::string> rows = lines(write({{"x", &scenario, &two_years, &d}}));
  EXPECT_EQ(rows[1], "x,2030,Nord,s0,posted,-1.00000000,0.0000,-1.0000,-1.0000,-1.0000");
  EXPECT_EQ(rows[1 + layout.cells()], "x,2031,Nord,s0,posted,-1.00000000,0.0000,-1.0000,-1.0000,-1.0000");
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
