#pragma once
// `forlob report DIR`: reads the output directory, draws its charts with gnuplot and writes
// DIR/charts/<name>.svg and .png and DIR/report.html. Every input is read and checked, and every
// chart drawn, before anything is written; charts/ is staged and swapped in whole, report.html is
// written beside itself and renamed into place.
#include <filesystem>
#include <string>
#include <vector>

namespace forlob {

struct ReportResult {
  std::vector<std::string> charts;  // chart names, in report order
  std::filesystem::path html;       // DIR/report.html
  std::size_t html_bytes = 0;
};

ReportResult write_report(const std::filesystem::path& dir);

}  // namespace forlob
