#pragma once
// One CellDistribution that several threads fill at once, so a run holds one set of histograms
// rather than one per thread (at 100 times the shipped dimensioning the histograms are most of the
// memory). Each thread buffers a few replications' rows and adds them block of cells by block of
// cells, each block under its own lock; threads start at different blocks, so they rarely wait.
// The result does not depend on the order rows arrive in (CellDistribution's state is a function of
// the values added), hence not on the thread count.
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <span>
#include <vector>

#include "stats/CellDistribution.hpp"

namespace forlob {

class SharedDistribution {
 public:
  explicit SharedDistribution(std::size_t cells, std::size_t blocks = 64);

  std::size_t cells() const { return distribution_.cells(); }
  // Adds `replications` replications, one row of cells() values each, beginning with block
  // `first_block` (any number; taken modulo the blocks). Safe to call from several threads.
  void add_rows(std::span<const std::int32_t> rows, std::size_t replications, std::size_t first_block);
  // The distribution of every row added; call once no thread adds any more.
  CellDistribution take();

 private:
  CellDistribution distribution_;
  std::size_t block_cells_;
  std::vector<std::mutex> locks_;  // one per block of cells
  std::mutex count_lock_;          // the replication count
};

// A thread's buffer of rows for one SharedDistribution: add() copies a replication's row and passes
// a batch on when full; flush() passes on the rest.
class SharedRows {
 public:
  SharedRows(SharedDistribution& into, std::size_t first_block, std::size_t batch = 16);
  void add(std::span<const std::int32_t> row);
  void flush();

 private:
  SharedDistribution* into_;
  std::size_t first_block_;
  std::size_t batch_;
  std::vector<std::int32_t> rows_;
  std::size_t pending_ = 0;  // replications in rows_ (rows_ is empty when there are no cells)
};

}  // namespace forlob
