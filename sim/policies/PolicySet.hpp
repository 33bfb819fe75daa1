#pragma once
// The policies a scenario switches on, in the order they are offered an unfilled course.
#include <memory>
#include <vector>

#include "policies/Policy.hpp"
#include "scenario/Scenario.hpp"

namespace forlob {

std::vector<std::unique_ptr<Policy>> make_policies(const Scenario& scenario);

}  // namespace forlob
