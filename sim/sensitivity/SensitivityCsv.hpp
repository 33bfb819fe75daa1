#pragma once
// sensitivity.csv: method,output,parameter,index,estimate,ci_low,ci_high. Indices are S1 and ST
// (Sobol) or mu_star, mu and sigma (Morris), with bootstrap percentile intervals; per output, the
// rows with parameter "all" give noise_variance, total_variance and noise_share (no interval).
// An index that cannot be estimated (a constant output) is left empty.
#include <string>
#include <vector>

#include "sensitivity/SensitivityAnalysis.hpp"

namespace forlob {

std::string sensitivity_csv(const std::vector<SensitivityRow>& rows);

}  // namespace forlob
