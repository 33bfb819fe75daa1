#include "evaluate/RoundReports.hpp"

#include <algorithm>

#include "core/Errors.hpp"

namespace forlob {

const char* report_measure_name(ReportMeasure m) {
  switch (m) {
    case ReportMeasure::ExtraordinaryFilled:
      return "extraordinary_filled";
    case ReportMeasure::OrdinaryFilled:
      return "ordinary_filled";
    case ReportMeasure::ExtraordinaryFilledNew:
      return "extraordinary_filled_new";
  }
  return "";
}

RoundReportLayout::RoundReportLayout(const Scenario& scenario, int last_year)
    : first_year_(0), last_year_(last_year), rounds_(static_cast<int>(scenario.calendar.rounds.size())) {
  if (!scenario.extraordinary)
    throw InputError(scenario.file, "/extraordinary", "expected the extraordinary-course trial");
  first_year_ = scenario.extraordinary->first_year;
  specialties_ = scenario.extraordinary->specialties;
}

std::size_t RoundReportLayout::cells() const {
  return static_cast<std::size_t>(std::max(0, last_year_ - first_year_ + 1)) *
         static_cast<std::size_t>(rounds_) * kRegionCount * specialties_.size() * kReportMeasures;
}

std::size_t RoundReportLayout::cell(int year, int round, Region r, int specialty_slot,
                                    ReportMeasure m) const {
  const auto y = static_cast<std::size_t>(year - first_year_);
  return (((y * static_cast<std::size_t>(rounds_) + static_cast<std::size_t>(round)) * kRegionCount +
           static_cast<std::size_t>(index(r))) *
              specialties_.size() +
          static_cast<std::size_t>(specialty_slot)) *
             kReportMeasures +
         static_cast<std::size_t>(m);
}

RoundRecorder::RoundRecorder(const RoundReportLayout& layout) : layout_(layout), opened_(layout.cells()) {}

void RoundRecorder::begin_replication(StreamKey) { std::fill(opened_.begin(), opened_.end(), 0); }

std::int32_t RoundRecorder::running(int year, Region r, int specialty, ReportMeasure m) const {
  switch (m) {
    case ReportMeasure::ExtraordinaryFilled:
      return tally_->get(year, r, specialty, Metric::ExtraordinaryFilled);
    case ReportMeasure::OrdinaryFilled:
      return tally_->get(year, r, specialty, Metric::OrdinaryFilled);
    case ReportMeasure::ExtraordinaryFilledNew:
      return tally_->get(year, r, specialty, Metric::ExtraordinaryFilledNew);
  }
  return 0;
}

// Called before the round's postings are recorded, so the tally holds what earlier rounds filled.
void RoundRecorder::on_round(int year, int round, std::span<const Posting>, const NaturalFill&) {
  if (year < layout_.first_year() || year > layout_.last_year()) return;
  const auto& specialties = layout_.specialties();
  for (Region r : kRegions)
    for (std::size_t k = 0; k < specialties.size(); ++k)
      for (int m = 0; m < kReportMeasures; ++m) {
        const auto measure = static_cast<ReportMeasure>(m);
        opened_[layout_.cell(year, round, r, static_cast<int>(k), measure)] =
            running(year, r, specialties[k], measure);
      }
}

void RoundRecorder::finish(std::int32_t* out) const {
  const auto& specialties = layout_.specialties();
  for (int year = layout_.first_year(); year <= layout_.last_year(); ++year)
    for (int round = 0; round < layout_.rounds(); ++round)
      for (Region r : kRegions)
        for (std::size_t k = 0; k < specialties.size(); ++k)
          for (int m = 0; m < kReportMeasures; ++m) {
            const auto measure = static_cast<ReportMeasure>(m);
            const int slot = static_cast<int>(k);
            const std::int32_t until = round + 1 < layout_.rounds()
                                           ? opened_[layout_.cell(year, round + 1, r, slot, measure)]
                                           : running(year, r, specialties[k], measure);
            const std::size_t c = layout_.cell(year, round, r, slot, measure);
            out[c] = until - opened_[c];
          }
}

}  // namespace forlob
