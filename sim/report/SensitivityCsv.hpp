#pragma once
// sensitivity.csv from `forlob sensitivity`: one row per (method, output, parameter, index) with
// the estimate and its bootstrap interval. Morris gives mu_star, mu and sigma; Sobol gives S1
// (first order) and ST (total order).
#include <string>
#include <vector>

#include "report/TidyCsv.hpp"

namespace forlob {

struct SensitivityCsvRow {
  std::string method;  // morris or sobol
  std::string output, parameter, index;
  double estimate = 0;
  double ci_low = 0, ci_high = 0;  // NaN when the writer gives no interval
};

struct Sensitivity {
  std::vector<SensitivityCsvRow> rows;
  bool has(const std::string& method) const;
  // Outputs of one method, and its parameters for one output, in order of first appearance.
  std::vector<std::string> outputs(const std::string& method) const;
  std::vector<std::string> parameters(const std::string& method, const std::string& output) const;
  const SensitivityCsvRow* find(const std::string& method, const std::string& output,
                                const std::string& parameter, const std::string& index) const;
};

Sensitivity read_sensitivity_csv(const TidyCsv& csv);

}  // namespace forlob
