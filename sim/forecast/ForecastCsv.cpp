#include "forecast/ForecastCsv.hpp"

#include <string>

#include "output/CsvFormat.hpp"

namespace forlob {

void write_forecast_csv(std::ostream& out, const std::vector<ForecastRow>& rows) {
  std::string text(kForecastCsvHeader);
  for (const ForecastRow& row : rows) {
    append_csv_field(text, row.region);
    text.push_back(',');
    append_csv_field(text, row.specialty);
    text.append(",").append(std::to_string(row.year)).append(",");
    text.append(course_kind_name(row.kind)).append(",").append(row.measure).append(",");
    append_shortest(text, row.mean);
    for (double q : {row.p05, row.p25, row.p50, row.p75, row.p95}) {
      text.push_back(',');
      append_trimmed(text, q, 3);
    }
    text.push_back('\n');
  }
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

}  // namespace forlob
