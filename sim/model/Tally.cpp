#include "model/Tally.hpp"

#include <algorithm>

namespace forlob {

Tally::Tally(int first_year, int years, int specialties, std::size_t anchor_pairs)
    : first_year_(first_year),
      years_(years),
      specialties_(specialties),
      pairs_(anchor_pairs),
      cells_(static_cast<std::size_t>(years) * kRegionCount * static_cast<std::size_t>(specialties) *
             kMetricCount),
      anchor_flow_(static_cast<std::size_t>(years) * anchor_pairs * kAnchorFlows) {}

void Tally::copy_counts(const Tally& leader) {
  cells_ = leader.cells_;  // the same size: no allocation
  if (leader.anchor_flow_.size() == anchor_flow_.size())
    anchor_flow_ = leader.anchor_flow_;
  else
    std::fill(anchor_flow_.begin(), anchor_flow_.end(), 0);
}

void Tally::clear() {
  std::fill(cells_.begin(), cells_.end(), 0);
  std::fill(anchor_flow_.begin(), anchor_flow_.end(), 0);
}

void Tally::close_stocks() {
  for (int r = 0; r < kRegionCount; ++r)
    for (int s = 0; s < specialties_; ++s) {
      std::int32_t stock = 0, extraordinary = 0;
      for (int y = 0; y < years_; ++y) {
        std::int32_t* c = &cells_[offset(y, r, s)];
        stock += c[index(Metric::Started)] - c[index(Metric::Completed)] - c[index(Metric::DroppedOut)];
        c[index(Metric::InTraining)] = stock;
        extraordinary += c[index(Metric::ExtraordinaryStarted)] - c[index(Metric::ExtraordinaryCompleted)] -
                         c[index(Metric::ExtraordinaryDroppedOut)];
        c[index(Metric::ExtraordinaryInTraining)] = extraordinary;
      }
    }
  for (std::size_t p = 0; p < pairs_; ++p) {
    std::int32_t stock = 0;
    for (int y = 0; y < years_; ++y) {
      std::int32_t* c = &anchor_flow_[(static_cast<std::size_t>(y) * pairs_ + p) * kAnchorFlows];
      stock += c[static_cast<std::size_t>(AnchorMetric::Filled)] - c[kExit];
      c[static_cast<std::size_t>(AnchorMetric::InCourse)] = stock;
    }
  }
}

void Tally::expand(const YearlyLayout& layout, std::vector<std::int32_t>& out) const {
  out.assign(layout.cells(), 0);
  // Row by row (a row is a cell's kMetricCount counts, contiguous in both layouts): each of the four
  // targets is a plain loop over the metrics, which the compiler vectorises.
  const int all_region = kRegionCount;
  const int all_specialty = specialties_;
  const auto metrics = static_cast<std::size_t>(kMetricCount);
  const auto add_row = [metrics](std::int32_t* to, const std::int32_t* from) {
    for (std::size_t m = 0; m < metrics; ++m) to[m] += from[m];
  };
  std::int32_t* const base = out.data();
  // A row starts at its first metric.
  const auto row_of = [&](int y, int r, int s) { return base + layout.cell(y, r, s, Metric::Posted); };
  for (int y = 0; y < years_; ++y)
    for (int r = 0; r < kRegionCount; ++r)
      for (int s = 0; s < specialties_; ++s) {
        const std::int32_t* c = &cells_[offset(y, r, s)];
        std::copy_n(c, metrics, row_of(y, r, s));
        add_row(row_of(y, r, all_specialty), c);
        add_row(row_of(y, all_region, s), c);
        add_row(row_of(y, all_region, all_specialty), c);
      }
}

void Tally::expand_anchors(const AnchorLayout& layout, std::vector<std::int32_t>& out) const {
  out.assign(layout.cells(), 0);
  // The anchor table may start later than the tally (at the trial's first year).
  for (int yi = 0; yi < layout.years; ++yi) {
    const int y = layout.first_year - first_year_ + yi;
    if (y < 0 || y >= years_) continue;
    for (std::size_t p = 0; p < pairs_; ++p)
      for (int m = 0; m < kAnchorMetricCount; ++m)
        out[layout.cell(yi, p, static_cast<AnchorMetric>(m))] =
            anchor_flow_[(static_cast<std::size_t>(y) * pairs_ + p) * kAnchorFlows +
                         static_cast<std::size_t>(m)];
  }
}

}  // namespace forlob
