#include "core/LargestRemainder.hpp"

#include <gtest/gtest.h>

namespace forlob {
namespace {

TEST(LargestRemainder, SplitsExactlyWithTiesToTheEarlierCell) {
  EXPECT_EQ(largest_remainder(10, {4, 3, 1.5, 1.5}), (std::vector<int>{4, 3, 2, 1}));
  EXPECT_EQ(largest_remainder(7, {1, 1}), (std::vector<int>{4, 3}));
  EXPECT_EQ(largest_remainder(0, {1, 2}), (std::vector<int>{0, 0}));
  EXPECT_EQ(largest_remainder(5, {0, 0}), (std::vector<int>{0, 0}));
}

TEST(LargestRemainder, AlwaysAddsUpToTheTotal) {
  const std::vector<double> shares{0.1155, 0.0735, 0.161, 0.2145, 0.1365, 0.299};
  for (int total = 0; total < 2000; total += 37) {
    int sum = 0;
    for (int n : largest_remainder(total, shares)) sum += n;
    EXPECT_EQ(sum, total);
  }
}

}  // namespace
}  // namespace forlob
