#pragma once
// Variance-based sensitivity (Sobol indices) by Saltelli sampling. Two N x k sample matrices A and
// B come from one 2k-dimensional Sobol sequence (Boost.Random's sobol, Joe-Kuo direction numbers,
// its first point, all zeros, skipped); A_B^i is A with column i taken from B. The model runs at
// N(k + 2) points. First-order indices use Saltelli et al. (2010), total-order indices Jansen
// (1999):
//   S_i  = mean_j f(B)_j (f(A_B^i)_j - f(A)_j) / V
//   ST_i = mean_j (f(A)_j - f(A_B^i)_j)^2 / (2 V)
// with V the variance of f over the rows of A and B together. Bootstrap intervals resample the N
// rows (each with its A, B and A_B^i values) with replacement.
#include <cstddef>
#include <span>
#include <vector>

#include "sensitivity/Bootstrap.hpp"

namespace forlob {

struct SaltelliDesign {
  std::size_t base_samples = 0;  // N
  std::size_t parameters = 0;    // k
  // Points in the unit cube, row by row: A_j, B_j, A_B^1_j ... A_B^k_j for j = 0 .. N-1.
  std::vector<std::vector<double>> unit_points;

  std::size_t points_per_row() const { return parameters + 2; }
  static constexpr std::size_t kA = 0, kB = 1;
  static std::size_t ab(std::size_t i) { return 2 + i; }  // position of A_B^i within a row
};

SaltelliDesign saltelli_design(std::size_t parameters, std::size_t base_samples);

struct SobolIndices {
  std::vector<IndexEstimate> first;  // S_i
  std::vector<IndexEstimate> total;  // ST_i
  double variance = 0;               // V
};

// y[p] is the model output at design point p (in the order of saltelli_design's points).
SobolIndices sobol_indices(std::span<const double> y, std::size_t parameters,
                           const BootstrapOptions& options);

}  // namespace forlob
