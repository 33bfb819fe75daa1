#pragma once
// Tidy CSV of design points and their outputs, one row per point x output:
//   point,<key columns>,<one column per parameter, named by its label>,output,mean,sd,mc_se,p05,p50,p95
// sweep.csv has the key column `varied`; sensitivity_points.csv has `block,role`.
#include <string>
#include <vector>

#include "sensitivity/Evaluator.hpp"

namespace forlob {

struct PointsTable {
  std::vector<std::string> key_columns;        // after `point`
  std::vector<std::vector<std::string>> keys;  // [point][key column]
  std::vector<std::string> labels;             // parameter columns
  std::vector<std::vector<double>> levels;     // [point][parameter], as the user's scale
};

// Levels with every NaN ("the scenario's own value") replaced by the parameter's base level.
std::vector<std::vector<double>> shown_levels(const std::vector<std::vector<double>>& points,
                                              const std::vector<double>& base_levels);

std::string points_csv(const PointsTable& table, const Evaluation& evaluation);

}  // namespace forlob
