#include "stats/SharedDistribution.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>

namespace forlob {

SharedDistribution::SharedDistribution(std::size_t cells, std::size_t blocks)
    : distribution_(cells),
      block_cells_(std::max<std::size_t>(
          1, (cells + std::max<std::size_t>(blocks, 1) - 1) / std::max<std::size_t>(blocks, 1))),
      locks_((cells + block_cells_ - 1) / block_cells_) {
  distribution_.prepare_concurrent_blocks();
}

void SharedDistribution::add_rows(std::span<const std::int32_t> rows, std::size_t count,
                                  std::size_t first_block) {
  const std::size_t cells = distribution_.cells();
  if (rows.size() != count * cells)
    throw std::invalid_argument("SharedDistribution::add_rows: " + std::to_string(rows.size()) +
                                " values for " + std::to_string(count) + " rows of " + std::to_string(cells));
  const std::size_t blocks = locks_.size();
  for (std::size_t j = 0; j < blocks; ++j) {
    const std::size_t b = (first_block + j) % blocks;
    const std::size_t first = b * block_cells_;
    const std::size_t width = std::min(block_cells_, cells - first);
    const std::lock_guard<std::mutex> lock(locks_[b]);
    for (std::size_t r = 0; r < count; ++r)
      distribution_.add_block(first, rows.subspan(r * cells + first, width));
  }
  const std::lock_guard<std::mutex> lock(count_lock_);
  distribution_.count_replications(static_cast<std::int64_t>(count));
}

CellDistribution SharedDistribution::take() { return std::move(distribution_); }

SharedRows::SharedRows(SharedDistribution& into, std::size_t first_block, std::size_t batch)
    : into_(&into), first_block_(first_block), batch_(std::max<std::size_t>(batch, 1)) {
  rows_.reserve(batch_ * into.cells());
}

void SharedRows::add(std::span<const std::int32_t> row) {
  if (row.size() != into_->cells())
    throw std::invalid_argument("SharedRows::add: " + std::to_string(row.size()) + " values for " +
                                std::to_string(into_->cells()) + " cells");
  rows_.insert(rows_.end(), row.begin(), row.end());
  if (++pending_ == batch_) flush();
}

void SharedRows::flush() {
  if (pending_ == 0) return;
  into_->add_rows(rows_, pending_, first_block_);
  rows_.clear();
  pending_ = 0;
}

}  // namespace forlob
