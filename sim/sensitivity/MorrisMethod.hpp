#pragma once
// Morris elementary effects (Morris 1991, with mu* of Campolongo et al. 2007). r trajectories on a
// p-level grid of the unit cube; each starts at a random grid point and moves every parameter once,
// in random order, by Delta = p / (2 (p - 1)). The elementary effect of parameter i is
// (f(after) - f(before)) / (+-Delta), in units of the output per full range of the parameter, so a
// linear term c x on [lower, upper] has effect c (upper - lower) and sigma 0.
//   mu = mean EE, mu* = mean |EE|, sigma = sd EE (n - 1) over the trajectories.
// Bootstrap intervals resample trajectories. Draws come from keyed streams (trajectory t).
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "sensitivity/Bootstrap.hpp"

namespace forlob {

struct MorrisDesign {
  std::size_t trajectories = 0;  // r
  std::size_t parameters = 0;    // k
  int levels = 0;                // p (even)
  double delta = 0;
  // Points in the unit cube, trajectory by trajectory, k + 1 each.
  std::vector<std::vector<double>> unit_points;
  // For each point, the parameter moved to reach it (-1 for a trajectory's start) and the step.
  std::vector<int> moved;
  std::vector<double> step;
};

// Throws InputError("--levels", ...) unless levels is even and >= 2.
MorrisDesign morris_design(std::size_t parameters, std::size_t trajectories, int levels, std::uint64_t seed);

struct MorrisEffects {
  IndexEstimate mu_star, mu, sigma;
};

// y[p] is the model output at design point p; one MorrisEffects per parameter.
std::vector<MorrisEffects> morris_effects(const MorrisDesign& design, std::span<const double> y,
                                          const BootstrapOptions& options);

}  // namespace forlob
