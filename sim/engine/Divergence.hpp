#pragma once
// When two scenarios of a comparison part ways. Replication r of each is one keyed run, the same in
// both until the first year in which their inputs or their policies can act differently (which is
// why the paired difference is exactly 0 before it). A later scenario's replication can therefore
// be carried on from the first scenario's at the start of that year instead of being run from the
// start (Replication::run's followers): for the trial against the flex scheme, 5 of 15 hiring years.
#include <memory>
#include <span>

#include "policies/Policy.hpp"
#include "scenario/Scenario.hpp"

namespace forlob {

// The first year from which replications of `follower` may differ from those of `leader`;
// Policy::kNever when they never do. The rule:
//  - the calendar, specialties, /fill, /applicants, /unfilled and /stock must be equal: otherwise
//    the scenarios differ from their first year (nothing is shared);
//  - the dimensioning: the first year whose courses differ;
//  - policies are matched by name (in the same order; otherwise nothing is shared): a matched pair
//    from Policy::first_year_unlike, a policy only one scenario has from its first_active_year.
int divergence_year(const Scenario& leader, std::span<const std::unique_ptr<Policy>> leader_policies,
                    const Scenario& follower, std::span<const std::unique_ptr<Policy>> follower_policies);

// For each of `follower`'s policies, the index of the leader's policy of the same name, or -1.
std::vector<int> matching_policies(std::span<const std::unique_ptr<Policy>> leader,
                                   std::span<const std::unique_ptr<Policy>> follower);

}  // namespace forlob
