#include "forecast/ForecastRows.hpp"

#include <array>
#include <charconv>

#include "output/CsvFormat.hpp"

namespace forlob {

double rounded_quantile(double value) {
  const std::string text = format_trimmed(value, 3);
  double out = 0;
  std::from_chars(text.data(), text.data() + text.size(), out);
  return out;
}

std::vector<ForecastRow> forecast_rows(const ForecastResult& result) {
  const EvaluationLayout& layout = result.layout;
  const Scenario& scenario = *result.scenario;
  std::vector<ForecastRow> rows;
  rows.reserve(layout.cells());
  for (int r = 0; r < EvaluationLayout::kRegionSlots; ++r) {
    const std::string_view region =
        r < kRegionCount ? region_name(kRegions[static_cast<std::size_t>(r)]) : "all";
    for (int s = 0; s < layout.specialty_slots(); ++s) {
      const std::string specialty =
          s < static_cast<int>(layout.specialties().size())
              ? scenario
                    .specialties[static_cast<std::size_t>(layout.specialties()[static_cast<std::size_t>(s)])]
                    .id
              : std::string(kTrialSpecialtiesId);
      for (int y = 0; y < layout.years(); ++y)
        for (CourseKind kind : kCourseKinds) {
          const std::span<const MeasureInfo> list = measures_of(kind);
          for (int m = 0; m < static_cast<int>(list.size()); ++m) {
            ForecastRow row;
            row.region = region;
            row.specialty = specialty;
            row.year = layout.first_year() + y;
            row.kind = kind;
            row.measure = list[static_cast<std::size_t>(m)].name;
            row.cell = layout.cell(r, s, y, kind, m);
            row.mean = result.cells.mean(row.cell);
            const std::array<double, 5> q = result.cells.bands(row.cell);
            row.p05 = rounded_quantile(q[0]);
            row.p25 = rounded_quantile(q[1]);
            row.p50 = rounded_quantile(q[2]);
            row.p75 = rounded_quantile(q[3]);
            row.p95 = rounded_quantile(q[4]);
            rows.push_back(std::move(row));
          }
        }
    }
  }
  return rows;
}

}  // namespace forlob
