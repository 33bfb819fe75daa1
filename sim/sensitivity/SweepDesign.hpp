#pragma once
// Designs of `forlob sweep`: one-at-a-time (each parameter through K levels between its bounds, the
// others at the scenario's values) and the full grid (every combination of K levels).
#include <cstddef>
#include <string>
#include <vector>

#include "sensitivity/ScenarioParameters.hpp"

namespace forlob {

enum class SweepKind { OneAtATime, Grid };

struct SweepDesign {
  SweepKind kind = SweepKind::OneAtATime;
  int levels = 0;
  // points[p][i]: level of parameter i; NaN leaves the scenario's own value (printed as its base).
  std::vector<std::vector<double>> points;
  // What the point varies: a parameter's label (one-at-a-time), "base", or "grid".
  std::vector<std::string> varied;
};

// K evenly spaced levels from lower to upper, both included (K >= 2).
std::vector<double> sweep_levels(double lower, double upper, int levels);

// The base point first, then each parameter through its K levels in the order given.
SweepDesign one_at_a_time_design(const std::vector<BoundParameter>& parameters, int levels);

// All K^k combinations, the last parameter varying fastest. Throws InputError when that exceeds
// max_points.
SweepDesign grid_design(const std::vector<BoundParameter>& parameters, int levels, std::size_t max_points);

}  // namespace forlob
