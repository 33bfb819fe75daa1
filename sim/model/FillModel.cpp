#include "model/FillModel.hpp"

#include <algorithm>

#include "core/MathPolicy.hpp"

namespace forlob {

FillModel::FillModel(const Scenario& scenario)
    : scenario_(scenario),
      first_year_(scenario.calendar.warmup_start_year),
      years_(scenario.calendar.end_year - scenario.calendar.warmup_start_year + 1),
      specialties_(static_cast<std::size_t>(scenario.specialty_count())),
      base_(specialties_ * kRegionCount),
      p_(static_cast<std::size_t>(years_) * specialties_ * kRegionCount * kPostingKindCount * 2) {
  for (const SpecialtySpec& s : scenario.specialties) specialty_keys_.push_back(hash_name(s.id));
}

void FillModel::draw(StreamKey replication) {
  const FillSpec& fill = scenario_.fill;
  for (int s = 0; s < scenario_.specialty_count(); ++s) {
    const std::uint64_t specialty_key = specialty_keys_[static_cast<std::size_t>(s)];
    for (Region r : kRegions) {
      const int ri = index(r);
      const double mean = fill.mean[static_cast<std::size_t>(s)][static_cast<std::size_t>(ri)];
      // The replication's mean rate (parameter uncertainty). Keys as before the year layer existed.
      KeyedStream mean_stream(
          replication.with(Purpose::FillRate).with(specialty_key).with(static_cast<std::uint64_t>(ri)));
      const double drawn = beta_quantile(mean, fill.concentration_of(s, ri), uniform01(mean_stream));
      const double scale = fill.scale_of(s, ri);
      base_[static_cast<std::size_t>(s) * kRegionCount + static_cast<std::size_t>(ri)] =
          std::clamp(drawn * scale, 0.0, 1.0);
      const double year_concentration = fill.year_concentration_of(s, ri);
      const StreamKey year_key =
          replication.with(specialty_key).with(Purpose::FillYear).with(static_cast<std::uint64_t>(ri));
      for (int y = 0; y < years_; ++y) {
        double year_rate = drawn;
        if (year_concentration > 0) {
          KeyedStream year_stream(year_key.with(static_cast<std::uint64_t>(first_year_ + y)));
          year_rate = beta_quantile(drawn, year_concentration, uniform01(year_stream));
        }
        for (int k = 0; k < kPostingKindCount; ++k)
          for (int repost = 0; repost < 2; ++repost) {
            double q = year_rate * scale * fill.kind_multiplier[static_cast<std::size_t>(k)];
            if (repost) q *= fill.repost_multiplier;
            p_[slot(y, s, ri, k, repost != 0)] = std::clamp(q, 0.0, 1.0);
          }
      }
    }
  }
}

bool FillModel::draws_as(const FillModel& other) const {
  return scenario_.fill == other.scenario_.fill && first_year_ == other.first_year_ &&
         years_ == other.years_ && specialty_keys_ == other.specialty_keys_;
}

bool FillModel::fills(const Posting& p, StreamKey fill_key) const {
  KeyedStream stream(fill_key.with_hash(p.draw_entity()));
  return uniform01(stream) < probability(p);
}

}  // namespace forlob
