#pragma once
// Renders charts with gnuplot (Debian package gnuplot-nox): each chart's data and script go to a
// private temporary directory, gnuplot runs there without a shell (argument vector, no path in
// the script but plain relative names), and its SVG and PNG come back as bytes. Deterministic:
// gnuplot's own start-up file (~/.gnuplot) is not read, and the same chart gives the same bytes.
#include <filesystem>
#include <string>
#include <vector>

#include "report/Chart.hpp"

namespace forlob {

struct RenderedChart {
  std::string name;
  std::string svg;  // the SVG document
  std::string png;  // the PNG file's bytes
};

// A fresh directory under the system's temporary directory, removed with everything in it when
// this object goes.
class TemporaryDirectory {
 public:
  explicit TemporaryDirectory(const std::string& prefix);
  ~TemporaryDirectory();
  TemporaryDirectory(const TemporaryDirectory&) = delete;
  TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// The gnuplot script that draws `chart` to <name>.svg and then to <name>.png.
std::string gnuplot_script(const Chart& chart);

// Renders one chart in `work` (an empty directory). Throws UsageError when gnuplot is not
// installed, std::runtime_error naming the chart and gnuplot's first error line when it fails.
RenderedChart render_chart(const Chart& chart, const std::filesystem::path& work);

// Renders every chart, several gnuplot processes at a time, each in its own temporary directory;
// results in input order.
std::vector<RenderedChart> render_charts(const std::vector<Chart>& charts);

}  // namespace forlob
