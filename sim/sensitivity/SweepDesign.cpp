#include "sensitivity/SweepDesign.hpp"

#include <cmath>
#include <limits>

#include "core/Errors.hpp"

namespace forlob {

std::vector<double> sweep_levels(double lower, double upper, int levels) {
  std::vector<double> out;
  for (int j = 0; j < levels; ++j) {
    // The ends exactly as given, so a bound that the scenario accepts is the value tried.
    if (j == 0)
      out.push_back(lower);
    else if (j == levels - 1)
      out.push_back(upper);
    else
      out.push_back(lower + (upper - lower) * static_cast<double>(j) / static_cast<double>(levels - 1));
  }
  return out;
}

SweepDesign one_at_a_time_design(const std::vector<BoundParameter>& parameters, int levels) {
  SweepDesign d;
  d.kind = SweepKind::OneAtATime;
  d.levels = levels;
  const std::vector<double> base(parameters.size(), std::numeric_limits<double>::quiet_NaN());
  d.points.push_back(base);
  d.varied.emplace_back("base");
  for (std::size_t i = 0; i < parameters.size(); ++i)
    for (double level : sweep_levels(parameters[i].spec.lower, parameters[i].spec.upper, levels)) {
      std::vector<double> point = base;
      point[i] = level;
      d.points.push_back(point);
      d.varied.push_back(parameters[i].spec.label);
    }
  return d;
}

SweepDesign grid_design(const std::vector<BoundParameter>& parameters, int levels, std::size_t max_points) {
  SweepDesign d;
  d.kind = SweepKind::Grid;
  d.levels = levels;
  const double total = std::pow(static_cast<double>(levels), static_cast<double>(parameters.size()));
  if (total > static_cast<double>(max_points))
    throw InputError("--levels", "",
                     "expected a grid of at most " + std::to_string(max_points) + " points; " +
                         std::to_string(levels) + " levels of " + std::to_string(parameters.size()) +
                         " parameters make " + std::to_string(static_cast<long long>(total)));
  std::vector<std::vector<double>> axis;
  for (const BoundParameter& p : parameters) axis.push_back(sweep_levels(p.spec.lower, p.spec.upper, levels));
  const auto n = static_cast<std::size_t>(total);
  for (std::size_t point = 0; point < n; ++point) {
    std::vector<double> values(parameters.size());
    std::size_t rest = point;
    for (std::size_t i = parameters.size(); i-- > 0;) {
      values[i] = axis[i][rest % static_cast<std::size_t>(levels)];
      rest /= static_cast<std::size_t>(levels);
    }
    d.points.push_back(std::move(values));
    d.varied.emplace_back("grid");
  }
  return d;
}

}  // namespace forlob
