#pragma once
// Which assumption-tier inputs feed the mechanisms behind each headline, for summary.json. This is
// a structural flag (the headline's specialties, what produces them, which policies act), not a
// measure of how much they matter: `forlob sensitivity` measures that.
#include <string>
#include <vector>

#include "model/Layout.hpp"
#include "scenario/ParameterTable.hpp"

namespace forlob {

struct AssumptionFlag {
  std::string headline;
  int parameters = 0;                        // assumption-tier numbers feeding it
  std::vector<std::string> source_pointers;  // the /sources entries that cover them, in order
};

std::vector<AssumptionFlag> assumption_flags(const Scenario& scenario, const YearlyLayout& layout,
                                             const std::vector<Headline>& headlines,
                                             const std::vector<Parameter>& parameters);

}  // namespace forlob
