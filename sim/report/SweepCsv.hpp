#pragma once
// sweep.csv from `forlob sweep`: one row per design point and output, with the swept parameters'
// values in columns named by their labels (between `varied` and `output`), then the output's mean
// and interval across replications. `varied` names the parameter a one-at-a-time point moves,
// "base" at the base point and "grid" for points of a full grid.
#include <string>
#include <vector>

#include "report/TidyCsv.hpp"

namespace forlob {

struct SweepRow {
  int point = 0;
  std::string varied;
  std::vector<double> values;  // one per Sweep::parameters
  std::string output;
  double mean = 0, p05 = 0, p50 = 0, p95 = 0;
};

struct Sweep {
  std::vector<std::string> parameters;  // labels, in column order
  std::vector<SweepRow> rows;
  std::vector<std::string> outputs() const;  // in order of first appearance
};

Sweep read_sweep_csv(const TidyCsv& csv);

}  // namespace forlob
