#pragma once
// A tornado chart from a one-at-a-time sweep: for each parameter, how far the output's mean moves
// from the base point when that parameter alone is set to its lowest and to its highest swept
// value; parameters sorted by the size of the swing, largest on top.
#include <optional>
#include <string>
#include <vector>

#include "report/Chart.hpp"
#include "report/SweepCsv.hpp"

namespace forlob {

struct TornadoBar {
  std::string parameter;
  double low_value = 0, high_value = 0;      // the parameter's lowest and highest swept values
  double mean_at_low = 0, mean_at_high = 0;  // the output's mean there
  double swing() const;                      // |mean_at_high - mean_at_low|
};

struct Tornado {
  std::string output;
  double base_mean = 0;
  std::vector<TornadoBar> bars;  // largest swing first; ties keep the sweep's column order
};

// nullopt unless the sweep has a base point and one-at-a-time points for `output`. The base point
// counts as a point of every parameter, so a parameter moved only upwards has the base as its low.
std::optional<Tornado> tornado(const Sweep& sweep, const std::string& output);

Chart tornado_chart(Chart chart, const Tornado& tornado);

}  // namespace forlob
