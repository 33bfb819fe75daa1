#include "engine/TaskRange.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace forlob {

TaskRange TaskRange::within(std::size_t total) const {
  const std::size_t b = std::min(begin, total);
  return {b, std::clamp(end, b, total)};
}

TaskRange share_of(std::size_t total, std::size_t k, std::size_t n) {
  if (n == 0 || k == 0 || k > n)
    throw std::invalid_argument("share_of: share " + std::to_string(k) + " of " + std::to_string(n));
  const std::size_t base = total / n, extra = total % n;
  const auto start = [&](std::size_t i) {
    return i * base + std::min(i, extra);
  };  // share i + 1's first task
  return {start(k - 1), start(k)};
}

}  // namespace forlob
