#pragma once
// sensitivity.csv: method,output,parameter,index,estimate,ci_low,ci_high. Indices are S1 and ST
// (Sobol) or mu_star, mu and sigma (Morris), with bootstrap percentile intervals. An index that
// cannot be estimated (an output constant over the whole design) is left empty.
// sensitivity_noise.csv: method,output,replications,noise_variance,total_variance,noise_share, one
// row per output: how much of the variance of the point means is replication noise.
#include <string>
#include <vector>

#include "sensitivity/SensitivityAnalysis.hpp"

namespace forlob {

std::string sensitivity_csv(const std::vector<SensitivityRow>& rows);
std::string sensitivity_noise_csv(const SensitivityAnalysis& analysis);

}  // namespace forlob
