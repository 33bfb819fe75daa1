#pragma once
// A contiguous share of a command's replication tasks (design point x replication, flattened with a
// point's replications next to each other). Replication r is keyed on (seed, r) alone, so any share
// can run anywhere, and the exact reductions of the shares merge into the whole run's.
#include <cstddef>
#include <limits>

namespace forlob {

struct TaskRange {
  std::size_t begin = 0;
  std::size_t end = std::numeric_limits<std::size_t>::max();  // past the last task; max: every task

  // This range within tasks [0, total).
  TaskRange within(std::size_t total) const;
  std::size_t size() const { return end > begin ? end - begin : 0; }
  bool operator==(const TaskRange&) const = default;
};

// Share k (1-based) of n of `total` tasks: n contiguous ranges in order, whose sizes differ by at
// most one (the first total % n are one longer). Throws std::invalid_argument unless 1 <= k <= n.
TaskRange share_of(std::size_t total, std::size_t k, std::size_t n);

}  // namespace forlob
