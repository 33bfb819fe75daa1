#pragma once
// Every number a scenario uses, with its provenance tier and source: what `forlob params` prints
// and summary.json records, so a reader can see which results rest on assumptions.
#include <map>
#include <string>
#include <vector>

#include "scenario/Scenario.hpp"

namespace forlob {

struct Parameter {
  std::string pointer;  // where the number is, e.g. /fill/mean/almen_medicin/Nord
  double value = 0;
  std::string tier;            // published, derived, calibrated, assumption or override
  std::string source;          // the source text after the tier
  std::string source_pointer;  // the /sources key that covers it
  std::string replaced_by;     // set when another value is used instead (a /fill/cells mean)
};

// The numbers of the scenario's resolved document (after extends, fitted values and --set), in
// document order, /sources excluded.
std::vector<Parameter> parameter_table(const Scenario& scenario);

// How many parameters in use (not replaced) each tier has.
std::map<std::string, int> count_tiers(const std::vector<Parameter>& parameters);

}  // namespace forlob
