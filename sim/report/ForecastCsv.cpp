#include "report/ForecastCsv.hpp"

namespace forlob {

std::vector<ForecastTableRow> read_forecast_csv(const TidyCsv& csv) {
  csv.require_columns(
      {"region", "specialty", "year", "course_kind", "measure", "mean", "p05", "p25", "p50", "p75", "p95"});
  const std::size_t region = csv.column("region"), specialty = csv.column("specialty"),
                    year = csv.column("year"), kind = csv.column("course_kind"),
                    measure = csv.column("measure"), mean = csv.column("mean"), p05 = csv.column("p05"),
                    p25 = csv.column("p25"), p50 = csv.column("p50"), p75 = csv.column("p75"),
                    p95 = csv.column("p95");
  std::vector<ForecastTableRow> out;
  for (std::size_t r = 0; r < csv.rows(); ++r) {
    ForecastTableRow row;
    row.region = csv.text(r, region);
    row.specialty = csv.text(r, specialty);
    row.year = csv.integer(r, year, 1900, 2200);
    row.course_kind = csv.text(r, kind);
    row.measure = csv.text(r, measure);
    row.mean = csv.number(r, mean);
    row.q.p05 = csv.number(r, p05);
    row.q.p25 = csv.number(r, p25);
    row.q.p50 = csv.number(r, p50);
    row.q.p75 = csv.number(r, p75);
    row.q.p95 = csv.number(r, p95);
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace forlob
