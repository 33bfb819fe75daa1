#include "output/LabelsCsv.hpp"

#include <string>

#include "core/Region.hpp"
#include "output/CsvFormat.hpp"

namespace forlob {

void write_labels_csv(std::ostream& out, const Scenario& scenario) {
  std::string text = kLabelsCsvHeader;
  const auto row = [&text](std::string_view column, std::string_view value, std::string_view label) {
    append_csv_field(text, column);
    text.push_back(',');
    append_csv_field(text, value);
    text.push_back(',');
    append_csv_field(text, label);
    text.push_back('\n');
  };
  for (const SpecialtySpec& s : scenario.specialties) row("specialty", s.id, s.name);
  row("specialty", "all", "All specialties (the sum of the rows above: drop it when summing)");
  for (Region r : kRegions) row("region", region_name(r), region_name(r));
  row("region", "all", "All regions (the sum of the rows above: drop it when summing)");
  out << text;
}

}  // namespace forlob
