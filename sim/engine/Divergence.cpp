#include "engine/Divergence.hpp"

#include <algorithm>

namespace forlob {

std::vector<int> matching_policies(std::span<const std::unique_ptr<Policy>> leader,
                                   std::span<const std::unique_ptr<Policy>> follower) {
  std::vector<int> match;
  for (const auto& f : follower) {
    const auto it = std::find_if(leader.begin(), leader.end(),
                                 [&](const std::unique_ptr<Policy>& l) { return l->name() == f->name(); });
    match.push_back(it == leader.end() ? -1 : static_cast<int>(it - leader.begin()));
  }
  return match;
}

int divergence_year(const Scenario& leader, std::span<const std::unique_ptr<Policy>> leader_policies,
                    const Scenario& follower, std::span<const std::unique_ptr<Policy>> follower_policies) {
  const int first = leader.calendar.warmup_start_year;
  if (!(leader.calendar == follower.calendar) || !(leader.specialties == follower.specialties) ||
      !(leader.fill == follower.fill) || leader.applicants != follower.applicants ||
      !(leader.unfilled == follower.unfilled) || leader.stock != follower.stock)
    return first;

  int year = Policy::kNever;
  for (std::size_t y = 0; y < leader.courses.size() && y < follower.courses.size(); ++y)
    if (leader.courses[y] != follower.courses[y]) {
      year = first + static_cast<int>(y);
      break;
    }

  const std::vector<int> match = matching_policies(leader_policies, follower_policies);
  int last_matched = -1;
  std::vector<bool> leader_matched(leader_policies.size(), false);
  for (std::size_t i = 0; i < follower_policies.size(); ++i) {
    const Policy& f = *follower_policies[i];
    if (match[i] < 0) {
      year = std::min(year, f.first_active_year());
      continue;
    }
    // The engine asks policies in their order (an unfilled course goes to the first that takes it).
    if (match[i] < last_matched) return first;
    last_matched = match[i];
    leader_matched[static_cast<std::size_t>(match[i])] = true;
    year = std::min(year, f.first_year_unlike(*leader_policies[static_cast<std::size_t>(match[i])]));
  }
  for (std::size_t j = 0; j < leader_policies.size(); ++j)
    if (!leader_matched[j]) year = std::min(year, leader_policies[j]->first_active_year());
  return std::max(year, first);
}

}  // namespace forlob
