#include "report/ForecastCsv.hpp"

#include "report/QuantileColumns.hpp"

namespace forlob {

std::vector<ForecastTableRow> read_forecast_csv(const TidyCsv& csv) {
  csv.require_columns(
      {"region", "specialty", "year", "course_kind", "measure", "mean", "p05", "p25", "p50", "p75", "p95"});
  const std::size_t region = csv.column("region"), specialty = csv.column("specialty"),
                    year = csv.column("year"), kind = csv.column("course_kind"),
                    measure = csv.column("measure"), mean = csv.column("mean");
  const QuantileColumns quantiles(csv);
  std::vector<ForecastTableRow> out;
  for (std::size_t r = 0; r < csv.rows(); ++r) {
    ForecastTableRow row;
    row.region = csv.text(r, region);
    row.specialty = csv.text(r, specialty);
    row.year = csv.integer(r, year, 1900, 2200);
    row.course_kind = csv.text(r, kind);
    row.measure = csv.text(r, measure);
    row.mean = csv.number(r, mean);
    row.q = quantiles.read(csv, r);
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace forlob
