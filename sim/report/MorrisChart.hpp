#pragma once
// Morris screening for one output: per parameter mu* (the mean absolute elementary effect: how
// much the output moves when the parameter does) against sigma (how much that effect varies with
// the other parameters: non-linearity or interactions), with mu*'s bootstrap interval.
#include <string>
#include <vector>

#include "report/Chart.hpp"
#include "report/SensitivityCsv.hpp"

namespace forlob {

struct MorrisPoint {
  std::string parameter;
  double mu_star = 0, mu_star_low = 0, mu_star_high = 0;
  double sigma = 0;
};

// Parameters with both mu_star and sigma for `output`, largest mu* first.
std::vector<MorrisPoint> morris_points(const Sensitivity& sensitivity, const std::string& output);

Chart morris_chart(Chart chart, const std::string& output, const std::vector<MorrisPoint>& points);

}  // namespace forlob
