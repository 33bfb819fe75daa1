#include "core/LargestRemainder.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace forlob {

std::vector<int> largest_remainder(int total, const std::vector<double>& weights) {
  std::vector<int> out(weights.size(), 0);
  const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
  if (total <= 0 || sum <= 0) return out;
  std::vector<double> rest(weights.size());
  int given = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const double exact = total * weights[i] / sum;
    out[i] = static_cast<int>(std::floor(exact));
    rest[i] = exact - out[i];
    given += out[i];
  }
  std::vector<std::size_t> order(weights.size());
  std::iota(order.begin(), order.end(), 0);
  // A small tolerance keeps equal shares equal despite rounding in total * weight / sum.
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return rest[a] > rest[b] + 1e-9; });
  for (std::size_t k = 0; given < total; ++k, ++given) out[order[k % order.size()]] += 1;
  return out;
}

}  // namespace forlob
