#include "sensitivity/SweepDesign.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "core/Errors.hpp"

namespace forlob {
namespace {

std::vector<BoundParameter> parameters(std::size_t k) {
  std::vector<BoundParameter> out;
  for (std::size_t i = 0; i < k; ++i) {
    BoundParameter p;
    p.spec.label = "p" + std::to_string(i);
    p.spec.lower = static_cast<double>(i);
    p.spec.upper = static_cast<double>(i) + 1;
    out.push_back(p);
  }
  return out;
}

TEST(SweepDesignTest, LevelsRunFromLowerToUpperInclusive) {
  const std::vector<double> l = sweep_levels(0.8, 1.2, 5);
  ASSERT_EQ(l.size(), 5u);
  EXPECT_EQ(l.front(), 0.8);
  EXPECT_EQ(l.back(), 1.2);
  EXPECT_DOUBLE_EQ(l[2], 1.0);
}

TEST(SweepDesignTest, OneAtATimeHasTheBaseThenKLevelsPerParameterOthersAtBase) {
  const SweepDesign d = one_at_a_time_design(parameters(3), 4);
  ASSERT_EQ(d.points.size(), 1u + 3u * 4u);
  EXPECT_EQ(d.varied[0], "base");
  for (double v : d.points[0]) EXPECT_TRUE(std::isnan(v));
  for (std::size_t i = 0; i < 3; ++i)
    for (std::size_t j = 0; j < 4; ++j) {
      const std::size_t p = 1 + i * 4 + j;
      EXPECT_EQ(d.varied[p], "p" + std::to_string(i));
      for (std::size_t c = 0; c < 3; ++c) EXPECT_EQ(std::isnan(d.points[p][c]), c != i);
      EXPECT_DOUBLE_EQ(d.points[p][i], static_cast<double>(i) + static_cast<double>(j) / 3);
    }
}

TEST(SweepDesignTest, GridHasEveryCombinationLastParameterFastest) {
  const SweepDesign d = grid_design(parameters(3), 3, 1000);
  ASSERT_EQ(d.points.size(), 27u);
  std::set<std::vector<double>> distinct(d.points.begin(), d.points.end());
  EXPECT_EQ(distinct.size(), 27u);
  EXPECT_EQ(d.points[0], (std::vector<double>{0, 1, 2}));
  EXPECT_EQ(d.points[1], (std::vector<double>{0, 1, 2.5}));
  EXPECT_EQ(d.points[3], (std::vector<double>{0, 1.5, 2}));
  EXPECT_EQ(d.points[26], (std::vector<double>{1, 2, 3}));
  for (const std::string& v : d.varied) EXPECT_EQ(v, "grid");
}

TEST(SweepDesignTest, OversizedGridIsRefused) {
  EXPECT_THROW(grid_design(parameters(8), 10, 100000), InputError);
}

}  // namespace
}  // namespace forlob
