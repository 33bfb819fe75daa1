#include "evaluate/ReportingDesign.hpp"

#include <map>
#include <tuple>

namespace forlob {

std::vector<double> ReportingDesign::values(const std::int32_t* row) const {
  std::vector<double> out;
  out.reserve(summaries.size());
  for (const Summary& s : summaries) {
    double sum = 0;
    for (std::size_t c : s.columns) sum += row[c];
    out.push_back(sum);
  }
  return out;
}

namespace {

std::string summary_name(const Scenario& scenario, const RoundReportLayout& layout, Region r, int slot,
                         ReportMeasure m) {
  return std::string(region_name(r)) + "/" +
         scenario.specialties[static_cast<std::size_t>(layout.specialties()[static_cast<std::size_t>(slot)])]
             .id +
         "/" + report_measure_name(m);
}

}  // namespace

ReportingDesign full_design(const RoundReportLayout& layout, const Scenario& scenario, int through_year,
                            bool with_new) {
  ReportingDesign d;
  d.name = with_new ? "counts_and_new" : "counts";
  const int measures = with_new ? 3 : 2;
  for (Region r : kRegions)
    for (int k = 0; k < static_cast<int>(layout.specialties().size()); ++k)
      for (int m = 0; m < measures; ++m) {
        Summary s;
        s.name = summary_name(scenario, layout, r, k, static_cast<ReportMeasure>(m));
        for (int year = layout.first_year(); year <= through_year; ++year)
          for (int round = 0; round < layout.rounds(); ++round)
            s.columns.push_back(layout.cell(year, round, r, k, static_cast<ReportMeasure>(m)));
        d.summaries.push_back(std::move(s));
      }
  return d;
}

ReportingDesign observed_design(const RoundReportLayout& layout, const Scenario& scenario,
                                const ObservedFigures& figures, std::vector<double>& observed,
                                std::vector<int>& unused) {
  // (region, slot, measure) -> summary index, in first-seen order of the sorted key.
  std::map<std::tuple<int, int, int>, std::pair<std::vector<std::size_t>, double>> sums;
  for (const ObservedCell& c : figures.cells) {
    int slot = -1;
    for (std::size_t k = 0; k < layout.specialties().size(); ++k)
      if (layout.specialties()[k] == c.specialty) slot = static_cast<int>(k);
    if (slot < 0 || c.year < layout.first_year() || c.year > layout.last_year()) {
      unused.push_back(c.line);
      continue;
    }
    const ReportMeasure m = c.kind == CourseKind::Extraordinary ? ReportMeasure::ExtraordinaryFilled
                                                                : ReportMeasure::OrdinaryFilled;
    auto& entry = sums[{index(c.region), slot, static_cast<int>(m)}];
    entry.first.push_back(layout.cell(c.year, c.round, c.region, slot, m));
    entry.second += c.filled;
  }
  ReportingDesign d;
  d.name = "observed";
  observed.clear();
  for (const auto& [key, entry] : sums) {
    const auto [r, slot, m] = key;
    d.summaries.push_back({summary_name(scenario, layout, kRegions[static_cast<std::size_t>(r)], slot,
                                        static_cast<ReportMeasure>(m)),
                           entry.first});
    observed.push_back(entry.second);
  }
  return d;
}

}  // namespace forlob
