#include "output/RunFiles.hpp"

#include <sstream>

#include "output/AnchorsCsv.hpp"
#include "output/DrawsCsv.hpp"
#include "output/HeadlinesCsv.hpp"
#include "output/LabelsCsv.hpp"
#include "output/SummaryJson.hpp"
#include "output/YearlyCsv.hpp"

namespace forlob {

namespace {

std::vector<std::string> write_files(OutputDirectory& out, const RunResult& result, const RunRecord& record,
                                     bool with_record) {
  std::vector<std::string> files;
  const auto write = [&](const std::string& name, const std::string& content) {
    out.write(name, content);
    files.push_back(name);
  };
  std::vector<YearlyTableRef> tables;
  for (const ScenarioResult& sr : result.scenarios)
    tables.push_back({sr.scenario->name, sr.scenario, &sr.yearly_layout, &sr.yearly});
  std::vector<YearlyTableRef> difference;
  for (const DifferenceResult& d : result.differences) {
    const ScenarioResult& a = result.scenarios.front();
    difference.push_back({d.label, a.scenario, &a.yearly_layout, &d.yearly});
  }
  std::ostringstream text;
  write_yearly_csv(text, tables);
  write("yearly.csv", text.str());
  if (!difference.empty()) {
    text.str("");
    write_yearly_csv(text, difference);
    write("difference.csv", text.str());
  }
  // Fan charts want both the scenarios and their difference in one file.
  std::vector<YearlyTableRef> all = tables;
  all.insert(all.end(), difference.begin(), difference.end());
  text.str("");
  write_bands_csv(text, all);
  write("bands.csv", text.str());
  text.str("");
  write_headlines_csv(text, result);
  write("headlines.csv", text.str());
  text.str("");
  write_anchors_csv(text, result);
  write("anchors.csv", text.str());
  text.str("");
  write_labels_csv(text, *result.scenarios.front().scenario);
  write("labels.csv", text.str());
  if (!result.draws.empty()) {
    text.str("");
    write_draws_csv(text, result);
    write("draws.csv", text.str());
  }
  files.push_back("summary.json");  // lists itself
  const auto summary =
      with_record ? summary_json(result, record, files) : summary_json(result, record.command, files);
  out.write("summary.json", summary.dump(2) + "\n");
  return files;
}

}  // namespace

std::vector<std::string> write_run_files(OutputDirectory& out, const RunResult& result,
                                         const std::string& command) {
  return write_files(out, result, RunRecord{command, {}, {}}, false);
}

std::vector<std::string> write_run_files(OutputDirectory& out, const RunResult& result,
                                         const RunRecord& record) {
  return write_files(out, result, record, true);
}

}  // namespace forlob
