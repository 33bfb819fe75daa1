#pragma once
// Parameters bound to one scenario: each names a number in the resolved scenario document (after
// `extends` and --set), and a design point is the scenario with those numbers patched, loaded and
// validated exactly as `forlob run --set` would, so every value a sweep tries is checked.
#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "scenario/Scenario.hpp"
#include "sensitivity/ParameterSpec.hpp"

namespace forlob {

struct BoundParameter {
  ParameterSpec spec;
  std::string pointer;  // the number it sets
  bool factor = false;  // a fill group: the value set is base x level; else the level itself
  double base = 0;      // the scenario's value at `pointer`

  double value_at(double level) const { return factor ? base * level : level; }
  // The level that leaves the scenario as it is (factor 1, or the scenario's own value).
  double base_level() const { return factor ? 1.0 : base; }
};

class ScenarioParameters {
 public:
  // Reads `file` with its --set patches and binds every spec to it. Throws InputError naming the
  // spec for an unknown pointer or group, a pointer at something other than a number, or two specs
  // that set the same number.
  ScenarioParameters(std::string file, std::vector<std::string> set, const std::vector<ParameterSpec>& specs);

  const std::string& file() const { return file_; }
  const std::vector<std::string>& set() const { return set_; }
  const std::vector<BoundParameter>& parameters() const { return parameters_; }

  // The "/pointer=value" patches of a design point: levels[i] for parameter i; a NaN level leaves
  // that number as the scenario has it.
  std::vector<std::string> patches(std::span<const double> levels) const;
  // The scenario at a design point, loaded and validated. An InputError names the parameters.
  Scenario load(std::span<const double> levels) const;
  // Loads the scenario with each parameter alone at each of its bounds, so that bounds the
  // scenario rejects fail before anything runs, with the parameter named.
  void check_bounds() const;

 private:
  std::string file_;
  std::vector<std::string> set_;
  std::vector<BoundParameter> parameters_;
};

}  // namespace forlob
