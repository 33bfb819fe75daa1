#include "report/Report.hpp"

#include "calibration/AtomicFile.hpp"
#include "output/OutputDirectory.hpp"
#include "report/Gnuplot.hpp"
#include "report/HtmlReport.hpp"
#include "report/ReportCharts.hpp"
#include "report/ReportInputs.hpp"

namespace forlob {

namespace fs = std::filesystem;

ReportResult write_report(const fs::path& dir) {
  const ReportInputs inputs = read_report_inputs(dir);
  const std::vector<Chart> charts = report_charts(inputs);
  const std::vector<RenderedChart> rendered = render_charts(charts);
  const std::string html = html_report(inputs, charts, rendered);

  ReportResult result;
  OutputDirectory out(dir / "charts", /*force=*/true);  // replaces the charts of an earlier report
  for (const RenderedChart& r : rendered) {
    out.write(r.name + ".svg", r.svg);
    out.write(r.name + ".png", r.png);
    result.charts.push_back(r.name);
  }
  out.commit();
  result.html = dir / "report.html";
  write_file_atomically(result.html, html);
  result.html_bytes = html.size();
  return result;
}

}  // namespace forlob
