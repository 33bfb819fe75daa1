#pragma once
// Sobol indices for one output: per parameter the first-order index S1 (the share of the output's
// variance due to that parameter alone) and the total-order index ST (alone and in interactions),
// as bars with their bootstrap confidence intervals; sorted by ST, largest first.
#include <string>
#include <vector>

#include "report/Chart.hpp"
#include "report/SensitivityCsv.hpp"

namespace forlob {

struct SobolBar {
  std::string parameter;
  double s1 = 0, s1_low = 0, s1_high = 0;
  double st = 0, st_low = 0, st_high = 0;
};

// Parameters with both S1 and ST for `output`. An interval the file leaves out (NaN) is drawn as
// the estimate alone (no whisker).
std::vector<SobolBar> sobol_bars(const Sensitivity& sensitivity, const std::string& output);

Chart sobol_chart(Chart chart, const std::string& output, const std::vector<SobolBar>& bars);

}  // namespace forlob
