#pragma once
// How much of the spread of the point means is the simulator's own Monte Carlo noise. Each design
// point's output is a mean over R replications; its noise variance is sd^2 / R. The noise share is
// the mean of that over the points, divided by the variance of the point means across the design.
// With common random numbers the noise of neighbouring points is positively correlated, so it
// cancels partly in the differences the indices are built from: the share is an upper bound on its
// effect, not an exact attribution.
#include <cstddef>

#include "sensitivity/Evaluator.hpp"

namespace forlob {

struct ReplicationNoise {
  double noise_variance = 0;  // mean over points of sd^2 / R
  double total_variance = 0;  // variance of the point means (n - 1 divisor)
  double share = 0;           // noise / total (0 when both are 0)
};

ReplicationNoise replication_noise(const Evaluation& evaluation, std::size_t output);

}  // namespace forlob
