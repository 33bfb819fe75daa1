#include "stats/SharedDistribution.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <thread>
#include <vector>

namespace forlob {
namespace {

using CellRow = std::vector<std::int32_t>;

// Rows whose cells differ in kind: always zero, narrow, binned, and a mostly-zero difference.
std::vector<CellRow> rows_of_every_kind(std::size_t cells, int count, std::uint64_t seed) {
  std::mt19937_64 gen(seed);
  std::vector<CellRow> rows;
  for (int r = 0; r < count; ++r) {
    CellRow row(cells);
    for (std::size_t c = 0; c < cells; ++c) {
      switch (c % 4) {
        case 0:
          row[c] = 0;
          break;
        case 1:
          row[c] = static_cast<std::int32_t>(gen() % 40);
          break;
        case 2:
          row[c] = 20'000 + static_cast<std::int32_t>(gen() % 5000);
          break;
        default:
          row[c] = gen() % 3 == 0 ? static_cast<std::int32_t>(gen() % 2001) - 1000 : 0;
      }
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

void expect_same_cells(const CellDistribution& a, const CellDistribution& b) {
  ASSERT_EQ(a.cells(), b.cells());
  EXPECT_EQ(a.replications(), b.replications());
  for (std::size_t c = 0; c < a.cells(); ++c) EXPECT_EQ(a.state(c), b.state(c)) << "cell " << c;
}

// Threads adding their rows in batches, each from its own block on, give the distribution of all the
// rows added one by one: the same counts, shifts and sums, whatever the batch or the split.
TEST(SharedDistribution, ThreadsAddingBatchesGiveTheDistributionOfAllRows) {
  constexpr std::size_t kCells = 203;  // not a multiple of the blocks
  const std::vector<CellRow> rows = rows_of_every_kind(kCells, 1200, 41);
  CellDistribution serial(kCells);
  for (const CellRow& r : rows) serial.add(r);
  ASSERT_GT(serial.shift(2), 0);  // the binned cells are binned
  for (std::size_t batch : {1U, 7U, 16U}) {
    SharedDistribution shared(kCells, 8);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < 3; ++t)
      threads.emplace_back([&, t] {
        SharedRows mine(shared, 5 * t, batch);
        for (std::size_t i = t; i < rows.size(); i += 3) mine.add(rows[i]);
        mine.flush();
      });
    for (std::thread& th : threads) th.join();
    SCOPED_TRACE(::testing::Message() << "batch " << batch);
    expect_same_cells(shared.take(), serial);
  }
}

// A distribution of no cells still counts its replications (a scenario without anchors).
TEST(SharedDistribution, ADistributionOfNoCellsCountsItsReplications) {
  SharedDistribution shared(0);
  SharedRows rows(shared, 0, 4);
  for (int i = 0; i < 10; ++i) rows.add(CellRow{});
  rows.flush();
  EXPECT_EQ(shared.take().replications(), 10);
}

TEST(SharedDistribution, RowsOfTheWrongWidthAreRefused) {
  SharedDistribution shared(3);
  SharedRows rows(shared, 0);
  EXPECT_THROW(rows.add(CellRow{1, 2}), std::invalid_argument);
  EXPECT_THROW(shared.add_rows(CellRow{1, 2, 3, 4}, 1, 0), std::invalid_argument);
}

}  // namespace
}  // namespace forlob
