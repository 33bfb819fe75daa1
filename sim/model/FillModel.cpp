#include "model/FillModel.hpp"

#include <algorithm>
#include <boost/math/special_functions/beta.hpp>

namespace forlob {

FillModel::FillModel(const Scenario& scenario)
    : scenario_(scenario),
      base_(static_cast<std::size_t>(scenario.specialty_count()) * kRegionCount),
      p_(static_cast<std::size_t>(scenario.specialty_count()) * kRegionCount * kPostingKindCount * 2) {
  for (const SpecialtySpec& s : scenario.specialties) specialty_keys_.push_back(hash_name(s.id));
}

void FillModel::draw(StreamKey replication) {
  const FillSpec& fill = scenario_.fill;
  for (int s = 0; s < scenario_.specialty_count(); ++s)
    for (Region r : kRegions) {
      const double mean = fill.mean[static_cast<std::size_t>(s)][static_cast<std::size_t>(index(r))];
      double p = mean;
      if (fill.concentration > 0 && mean > 0 && mean < 1) {
        // Inverse-CDF draw from a keyed uniform: monotone in the mean, so runs that differ only in
        // a fill parameter stay coupled replication by replication.
        KeyedStream stream(replication.with(Purpose::FillRate)
                               .with(specialty_keys_[static_cast<std::size_t>(s)])
                               .with(static_cast<std::uint64_t>(index(r))));
        const double u = uniform01(stream);
        p = boost::math::ibeta_inv(mean * fill.concentration, (1 - mean) * fill.concentration, u);
      }
      base_[static_cast<std::size_t>(s) * kRegionCount + static_cast<std::size_t>(index(r))] = p;
      for (int k = 0; k < kPostingKindCount; ++k)
        for (int repost = 0; repost < 2; ++repost) {
          double q = p * fill.kind_multiplier[static_cast<std::size_t>(k)];
          if (repost) q *= fill.repost_multiplier;
          p_[slot(s, index(r), k, repost != 0)] = std::clamp(q, 0.0, 1.0);
        }
    }
}

bool FillModel::fills(const Posting& p, StreamKey fill_key) const {
  KeyedStream stream(fill_key.with_hash(p.draw_entity()));
  return uniform01(stream) < probability(p);
}

}  // namespace forlob
