#include "sensitivity/ReplicationNoise.hpp"

#include <limits>

namespace forlob {

ReplicationNoise replication_noise(const Evaluation& evaluation, std::size_t output) {
  ReplicationNoise n;
  const std::size_t points = evaluation.points;
  if (points == 0) return n;
  double mean = 0;
  for (std::size_t p = 0; p < points; ++p) {
    const OutputSummary& s = evaluation.summary(p, output);
    n.noise_variance += s.mc_se * s.mc_se;
    mean += s.mean;
  }
  n.noise_variance /= static_cast<double>(points);
  mean /= static_cast<double>(points);
  for (std::size_t p = 0; p < points; ++p) {
    const double d = evaluation.summary(p, output).mean - mean;
    n.total_variance += d * d;
  }
  n.total_variance = points > 1 ? n.total_variance / static_cast<double>(points - 1) : 0;
  if (n.total_variance > 0)
    n.share = n.noise_variance / n.total_variance;
  else
    n.share = n.noise_variance > 0 ? std::numeric_limits<double>::infinity() : 0;
  return n;
}

}  // namespace forlob
