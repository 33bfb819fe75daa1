#include "output/AnchorsCsv.hpp"

#include <stdexcept>
#include <string>

#include "output/CsvFormat.hpp"

namespace forlob {

namespace {

void write_scenario(std::string& buffer, const ScenarioResult& sr) {
  const AnchorLayout& layout = sr.anchor_layout;
  if (layout.pairs.empty() || layout.years == 0) return;
  const Scenario* scenario = sr.scenario;
  if (scenario == nullptr || !scenario->extraordinary)
    throw std::invalid_argument("write_anchors_csv: anchor cells without an extraordinary trial");
  if (sr.anchors.cells() != layout.cells())
    throw std::invalid_argument("write_anchors_csv: " + std::to_string(sr.anchors.cells()) +
                                " anchor cells, layout " + std::to_string(layout.cells()));
  const std::vector<Anchor>& anchors = scenario->extraordinary->anchors;
  std::vector<std::string> pair_fields;  // anchor,anchor_type,region,specialty, per pair
  for (const AnchorPair& pair : layout.pairs) {
    const Anchor& anchor = anchors.at(static_cast<std::size_t>(pair.anchor));
    std::string fields;
    append_csv_field(fields, anchor.name);
    fields.append(anchor.hospital ? ",hospital," : ",municipality,");
    append_csv_field(fields, region_name(anchor.region));
    fields.push_back(',');
    append_csv_field(fields, scenario->specialties.at(static_cast<std::size_t>(pair.specialty)).id);
    pair_fields.push_back(std::move(fields));
  }
  const std::string label = csv_field(scenario->name);
  for (int y = 0; y < layout.years; ++y) {
    const std::string year = std::to_string(layout.first_year + y);
    for (std::size_t p = 0; p < layout.pairs.size(); ++p) {
      for (int m = 0; m < kAnchorMetricCount; ++m) {
        buffer.append(label).append(",").append(year).append(",").append(pair_fields[p]).append(",");
        buffer.append(kAnchorMetricNames[m]);
        append_summary_fields(buffer, sr.anchors.summary(layout.cell(y, p, static_cast<AnchorMetric>(m))));
        buffer.push_back('\n');
      }
    }
  }
}

}  // namespace

void write_anchors_csv(std::ostream& out, const RunResult& result) {
  std::string buffer = kAnchorsCsvHeader;
  for (const ScenarioResult& sr : result.scenarios) write_scenario(buffer, sr);
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
}

}  // namespace forlob
