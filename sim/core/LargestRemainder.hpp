#pragma once
// Whole-number apportionment that adds up exactly: used for dimensioning groups, extraordinary
// courses over specialties, and courses over hiring rounds.
#include <vector>

namespace forlob {

// Splits `total` over cells in proportion to `weights` by the largest-remainder (Hamilton) method:
// each cell gets the floor of its quota, the leftover goes one by one to the largest fractional
// parts, ties to the earlier cell. Sums to `total` exactly when the weights have a positive sum;
// all zeros otherwise.
std::vector<int> largest_remainder(int total, const std::vector<double>& weights);

}  // namespace forlob
