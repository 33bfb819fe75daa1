#include "model/TraineeModel.hpp"

#include <algorithm>
#include <boost/math/distributions/gamma.hpp>
#include <cmath>

namespace forlob {

TraineeModel::TraineeModel(const Scenario& scenario) {
  for (const SpecialtySpec& s : scenario.specialties) {
    Table t;
    t.course_months = s.course_months;
    // Extension: none with probability 1 - q; otherwise a gamma-distributed number of months,
    // rounded up to whole months.
    t.extension_cdf.resize(kMaxExtensionMonths + 1);
    const bool extends = s.delay_probability > 0 && s.delay_mean_months > 0;
    for (int d = 0; d <= kMaxExtensionMonths; ++d) {
      double cdf = 1.0 - s.delay_probability;
      if (!extends) {
        cdf = 1.0;
      } else if (d > 0) {
        const boost::math::gamma_distribution<> g(s.delay_shape, s.delay_mean_months / s.delay_shape);
        cdf += s.delay_probability * boost::math::cdf(g, static_cast<double>(d));
      }
      t.extension_cdf[static_cast<std::size_t>(d)] = d == kMaxExtensionMonths ? 1.0 : cdf;
    }
    // Inverse-CDF look-up by bucket: most buckets hold no step of the CDF and answer at once.
    t.bucket.resize(kBuckets);
    for (int k = 0, d = 0; k < kBuckets; ++k) {
      const double low = static_cast<double>(k) / kBuckets, high = static_cast<double>(k + 1) / kBuckets;
      while (d < kMaxExtensionMonths && t.extension_cdf[static_cast<std::size_t>(d)] <= low) ++d;
      const bool whole = d == kMaxExtensionMonths || t.extension_cdf[static_cast<std::size_t>(d)] >= high;
      t.bucket[static_cast<std::size_t>(k)] = static_cast<std::int16_t>(whole ? d : -(d + 1));
    }
    // Dropout: a constant monthly hazard equivalent to the yearly probability.
    const double stay_month = std::pow(1.0 - s.dropout_per_year, 1.0 / 12.0);
    t.log_stay = std::log(stay_month);
    const int max_duration = s.course_months + kMaxExtensionMonths;
    t.dropout.resize(static_cast<std::size_t>(max_duration) + 1);
    for (int m = 0; m <= max_duration; ++m)
      t.dropout[static_cast<std::size_t>(m)] = 1.0 - std::pow(stay_month, m);
    tables_.push_back(std::move(t));
  }
}

TraineeOutcome TraineeModel::follow(int specialty, Month start, KeyedStream& stream) const {
  const Table& t = tables_[static_cast<std::size_t>(specialty)];
  // One 64-bit draw gives both uniforms, 32 bits each (resolution 2^-32 is ample here).
  const std::uint64_t bits = stream();
  const double u_extension = static_cast<double>(bits >> 32U) * 0x1.0p-32;
  const double u_dropout = static_cast<double>(bits & 0xffffffffU) * 0x1.0p-32;
  // Smallest d with cdf[d] > u.
  int extension = t.bucket[static_cast<std::size_t>(bits >> (64U - kBucketBits))];
  if (extension < 0) {
    extension = -extension - 1;
    while (extension < kMaxExtensionMonths &&
           t.extension_cdf[static_cast<std::size_t>(extension)] <= u_extension)
      ++extension;
  }
  const int duration = t.course_months + extension;
  // Dropout before completion has probability dropout[duration]; its month is geometric.
  if (u_dropout < t.dropout[static_cast<std::size_t>(duration)]) {
    const int month = static_cast<int>(std::floor(std::log1p(-u_dropout) / t.log_stay));
    return {start + std::min(month, duration - 1), false};
  }
  return {start + duration, true};
}

double TraineeModel::extension_probability(int specialty, int months) const {
  const Table& t = tables_[static_cast<std::size_t>(specialty)];
  if (months < 0 || months > kMaxExtensionMonths) return 0;
  const double below = months == 0 ? 0.0 : t.extension_cdf[static_cast<std::size_t>(months - 1)];
  return t.extension_cdf[static_cast<std::size_t>(months)] - below;
}

}  // namespace forlob
