#include "report/TornadoChart.hpp"

#include <gtest/gtest.h>

namespace forlob {
namespace {

Sweep sweep(const std::string& rows) {
  return read_sweep_csv(TidyCsv::parse("point,varied,a,b,c,output,mean,p05,p50,p95\n" + rows, "sweep.csv"));
}

TEST(TornadoChart, EachBarGoesFromTheLowestToTheHighestSweptValueSortedBySwing) {
  const Sweep s = sweep(
      "0,base,1,1,1,y,40,0,0,0\n"
      "1,a,0.8,1,1,y,35,0,0,0\n"
      "2,a,1.2,1,1,y,46,0,0,0\n"
      "3,a,1.1,1,1,y,99,0,0,0\n"  // not an end point: ignored
      "4,b,1,0.5,1,y,10,0,0,0\n"
      "5,b,1,2,1,y,70,0,0,0\n"
      "6,b,1,2,1,z,5,0,0,0\n"  // another output
      "7,grid,0.8,0.5,1,y,0,0,0,0\n");
  const auto t = tornado(s, "y");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->base_mean, 40);
  ASSERT_EQ(t->bars.size(), 2U) << "c never moves";
  EXPECT_EQ(t->bars[0].parameter, "b");
  EXPECT_EQ(t->bars[0].low_value, 0.5);
  EXPECT_EQ(t->bars[0].mean_at_low, 10);
  EXPECT_EQ(t->bars[0].mean_at_high, 70);
  EXPECT_EQ(t->bars[1].parameter, "a");
  EXPECT_EQ(t->bars[1].mean_at_low, 35);
  EXPECT_EQ(t->bars[1].high_value, 1.2);
  EXPECT_EQ(t->bars[1].mean_at_high, 46);
  EXPECT_EQ(t->bars[1].swing(), 11);
}

TEST(TornadoChart, ABaseOnlyOnOneSideIsItsOwnEnd) {
  const auto t = tornado(sweep("0,base,1,1,1,y,40,0,0,0\n1,a,1.5,1,1,y,50,0,0,0\n"), "y");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->bars[0].low_value, 1);
  EXPECT_EQ(t->bars[0].mean_at_low, 40);
  EXPECT_EQ(t->bars[0].mean_at_high, 50);
}

TEST(TornadoChart, NoBasePointOrOnlyGridPointsGiveNoTornado) {
  EXPECT_FALSE(tornado(sweep("1,a,0.8,1,1,y,35,0,0,0\n"), "y"));
  EXPECT_FALSE(tornado(sweep("0,base,1,1,1,y,40,0,0,0\n1,grid,2,2,2,y,1,0,0,0\n"), "y"));
  EXPECT_FALSE(tornado(sweep("0,base,1,1,1,y,40,0,0,0\n1,a,2,1,1,y,1,0,0,0\n"), "z"));
}

TEST(TornadoChart, TheLargestSwingIsDrawnOnTop) {
  const auto t = tornado(sweep("0,base,1,1,1,y,40,0,0,0\n1,a,2,1,1,y,41,0,0,0\n2,b,1,2,1,y,60,0,0,0\n"), "y");
  const Chart c = tornado_chart(Chart{}, *t);
  // y = 1 (top) for b, the larger swing; each bar spans base to the mean at that end.
  EXPECT_EQ(c.data[0].text,
            "# y\tlabel\tlow_from\tlow_to\thigh_from\thigh_to\n"
            "1\t\"b (1 to 2)\"\t40\t40\t40\t60\n"
            "0\t\"a (1 to 2)\"\t40\t40\t40\t41\n");
}

}  // namespace
}  // namespace forlob
