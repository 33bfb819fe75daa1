#include "output/YearlyCsv.hpp"

#include <stdexcept>
#include <string_view>

#include "output/CsvFormat.hpp"

namespace forlob {

namespace {

void check(const YearlyTableRef& t) {
  if (t.scenario == nullptr || t.layout == nullptr || t.distribution == nullptr)
    throw std::invalid_argument("write_yearly_csv: table '" + t.label + "' is incomplete");
  if (t.layout->specialties != t.scenario->specialty_count())
    throw std::invalid_argument("write_yearly_csv: table '" + t.label + "' has " +
                                std::to_string(t.layout->specialties) + " specialties, its scenario " +
                                std::to_string(t.scenario->specialty_count()));
  if (t.distribution->cells() != t.layout->cells())
    throw std::invalid_argument("write_yearly_csv: table '" + t.label + "' has " +
                                std::to_string(t.distribution->cells()) + " cells, its layout " +
                                std::to_string(t.layout->cells()));
}

// Calls row(line, cell) for every row in order, where `line` already holds the key columns and a
// trailing comma, then writes the line and its newline; output is buffered in large blocks.
template <typename AppendStatistics>
void write_rows(std::ostream& out, const std::vector<YearlyTableRef>& tables, AppendStatistics append) {
  constexpr int kAllRegions = YearlyLayout::kRegionSlots - 1;
  std::string buffer;
  std::string prefix;
  for (const YearlyTableRef& t : tables) {
    const YearlyLayout& layout = *t.layout;
    const std::string scenario = csv_field(t.label);
    for (int y = 0; y < layout.years; ++y) {
      const std::string year = std::to_string(layout.first_year + y);
      for (int r = 0; r < YearlyLayout::kRegionSlots; ++r) {
        const std::string_view region =
            r == kAllRegions ? std::string_view("all") : region_name(kRegions[static_cast<std::size_t>(r)]);
        for (int s = 0; s < layout.specialty_slots(); ++s) {
          prefix.clear();
          prefix.append(scenario).append(",").append(year).append(",");
          append_csv_field(prefix, region);
          prefix.push_back(',');
          append_csv_field(prefix,
                           s == layout.specialties
                               ? std::string_view("all")
                               : std::string_view(t.scenario->specialties[static_cast<std::size_t>(s)].id));
          prefix.push_back(',');
          for (int m = 0; m < kMetricCount; ++m) {
            const Metric metric = static_cast<Metric>(m);
            buffer.append(prefix).append(metric_name(metric));
            append(buffer, *t.distribution, layout.cell(y, r, s, metric));
            buffer.push_back('\n');
          }
          if (buffer.size() > (1u << 16)) {
            out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
            buffer.clear();
          }
        }
      }
    }
  }
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
}

}  // namespace

void write_yearly_csv(std::ostream& out, const std::vector<YearlyTableRef>& tables) {
  for (const YearlyTableRef& t : tables) check(t);
  out << kYearlyCsvHeader;
  write_rows(out, tables, [](std::string& line, const CellDistribution& d, std::size_t cell) {
    append_summary_fields(line, d.summary(cell));
  });
}

void write_bands_csv(std::ostream& out, const std::vector<YearlyTableRef>& tables) {
  for (const YearlyTableRef& t : tables) check(t);
  out << kBandsCsvHeader;
  write_rows(out, tables, [](std::string& line, const CellDistribution& d, std::size_t cell) {
    for (double value : d.bands(cell)) {
      line.push_back(',');
      append_statistic(line, value);
    }
  });
}

}  // namespace forlob
