#include "policies/PolicySet.hpp"

#include "policies/ExtraordinaryTrial.hpp"
#include "policies/FlexScheme.hpp"

namespace forlob {

std::vector<std::unique_ptr<Policy>> make_policies(const Scenario& scenario) {
  std::vector<std::unique_ptr<Policy>> policies;
  if (scenario.flex) policies.push_back(std::make_unique<FlexScheme>(scenario, *scenario.flex));
  if (scenario.extraordinary)
    policies.push_back(std::make_unique<ExtraordinaryTrial>(scenario, *scenario.extraordinary));
  return policies;
}

}  // namespace forlob
