#include "engine/TaskRange.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace forlob {
namespace {

// The N shares of any task count tile it in order, and their sizes differ by at most one.
TEST(TaskRange, SharesTileTheTasksInOrderWithSizesWithinOne) {
  for (std::size_t total : {0U, 1U, 7U, 40U, 1000U})
    for (std::size_t n : {1U, 2U, 3U, 4U, 9U}) {
      std::size_t next = 0, smallest = total, largest = 0;
      for (std::size_t k = 1; k <= n; ++k) {
        const TaskRange r = share_of(total, k, n);
        EXPECT_EQ(r.begin, next) << total << " tasks, share " << k << "/" << n;
        next = r.end;
        smallest = std::min(smallest, r.size());
        largest = std::max(largest, r.size());
      }
      EXPECT_EQ(next, total);
      EXPECT_LE(largest - smallest, 1U);
    }
  EXPECT_EQ(share_of(10, 1, 3), (TaskRange{0, 4}));
  EXPECT_EQ(share_of(10, 3, 3), (TaskRange{7, 10}));
}

TEST(TaskRange, AShareOutsideOneToNIsRefused) {
  EXPECT_THROW(share_of(10, 0, 3), std::invalid_argument);
  EXPECT_THROW(share_of(10, 4, 3), std::invalid_argument);
  EXPECT_THROW(share_of(10, 1, 0), std::invalid_argument);
}

TEST(TaskRange, TheDefaultRangeIsEveryTaskAndWithinClampsToTheTotal) {
  EXPECT_EQ(TaskRange{}.within(12), (TaskRange{0, 12}));
  EXPECT_EQ((TaskRange{5, 9}).within(7), (TaskRange{5, 7}));
  EXPECT_EQ((TaskRange{9, 12}).within(7).size(), 0U);
}

}  // namespace
}  // namespace forlob
