// Sobol and Morris charts: which estimates and intervals go where.
#include <gtest/gtest.h>

#include "report/MorrisChart.hpp"
#include "report/SobolChart.hpp"

namespace forlob {
namespace {

Sensitivity sensitivity(const std::string& rows) {
  return read_sensitivity_csv(
      TidyCsv::parse("method,output,parameter,index,estimate,ci_low,ci_high\n" + rows, "sensitivity.csv"));
}

TEST(SobolChart, PairsFirstAndTotalOrderOfEachParameterSortedByTotal) {
  const Sensitivity s = sensitivity(
      "sobol,y,x1,S1,0.314,0.29,0.33\n"
      "sobol,y,x1,ST,0.558,0.52,0.6\n"
      "sobol,y,x3,ST,0.244,0.2,0.28\n"
      "sobol,y,x3,S1,0,-0.01,0.01\n"
      "sobol,y,x2,S1,0.442,0.4,0.48\n"
      "sobol,y,x2,ST,0.442,0.41,0.47\n"
      "sobol,other,x9,S1,1,1,1\n"
      "sobol,y,x4,S1,0.1,0,0.2\n");  // no ST: left out
  const auto bars = sobol_bars(s, "y");
  ASSERT_EQ(bars.size(), 3U);
  EXPECT_EQ(bars[0].parameter, "x1");
  EXPECT_EQ(bars[0].s1, 0.314);
  EXPECT_EQ(bars[0].s1_low, 0.29);
  EXPECT_EQ(bars[0].st_high, 0.6);
  EXPECT_EQ(bars[1].parameter, "x2");
  EXPECT_EQ(bars[2].parameter, "x3");
  EXPECT_EQ(bars[2].st, 0.244);
  EXPECT_EQ(bars[2].s1_low, -0.01);
}

TEST(SobolChart, AMissingIntervalIsDrawnAsTheEstimateAlone) {
  const auto bars = sobol_bars(sensitivity("sobol,y,x,S1,0.2,,\nsobol,y,x,ST,0.3,nan,nan\n"), "y");
  ASSERT_EQ(bars.size(), 1U);
  EXPECT_EQ(bars[0].s1_low, 0.2);
  EXPECT_EQ(bars[0].st_high, 0.3);
  const Chart c = sobol_chart(Chart{}, "y", bars);
  EXPECT_EQ(c.data[0].text,
            "# parameter\tS1\tS1_low\tS1_high\tST\tST_low\tST_high\n\"x\"\t0.2\t0.2\t0.2\t0.3\t0.3\t0.3\n");
  EXPECT_NE(c.commands.find("histogram errorbars"), std::string::npos);
}

TEST(MorrisChart, TakesMuStarWithItsIntervalAndSigma) {
  const auto points = morris_points(sensitivity("morris,y,a,mu_star,2,1,3\n"
                                                "morris,y,a,mu,-2,-3,-1\n"
                                                "morris,y,a,sigma,0.5,0.4,0.6\n"
                                                "morris,y,b,mu_star,5,4,6\n"
                                                "morris,y,b,sigma,4,3,5\n"
                                                "sobol,y,a,S1,0.5,0.4,0.6\n"),
                                    "y");
  ASSERT_EQ(points.size(), 2U);
  EXPECT_EQ(points[0].parameter, "b") << "largest mu* first";
  EXPECT_EQ(points[1].mu_star, 2);
  EXPECT_EQ(points[1].mu_star_low, 1);
  EXPECT_EQ(points[1].mu_star_high, 3);
  EXPECT_EQ(points[1].sigma, 0.5);
  const Chart c = morris_chart(Chart{}, "y", points);
  EXPECT_EQ(c.data[0].text,
            "# parameter\tmu_star\tlow\thigh\tsigma\n\"b\"\t5\t4\t6\t4\n\"a\"\t2\t1\t3\t0.5\n");
}

}  // namespace
}  // namespace forlob
