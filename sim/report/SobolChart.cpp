#include "report/SobolChart.hpp"

#include <algorithm>
#include <cmath>

#include "output/CsvFormat.hpp"

namespace forlob {

namespace {

double or_estimate(double bound, double estimate) { return std::isfinite(bound) ? bound : estimate; }

}  // namespace

std::vector<SobolBar> sobol_bars(const Sensitivity& s, const std::string& output) {
  std::vector<SobolBar> bars;
  for (const std::string& p : s.parameters("sobol", output)) {
    const SensitivityCsvRow* s1 = s.find("sobol", output, p, "S1");
    const SensitivityCsvRow* st = s.find("sobol", output, p, "ST");
    if (s1 == nullptr || st == nullptr) continue;
    bars.push_back({p, s1->estimate, or_estimate(s1->ci_low, s1->estimate),
                    or_estimate(s1->ci_high, s1->estimate), st->estimate,
                    or_estimate(st->ci_low, st->estimate), or_estimate(st->ci_high, st->estimate)});
  }
  std::stable_sort(bars.begin(), bars.end(),
                   [](const SobolBar& a, const SobolBar& b) { return a.st > b.st; });
  return bars;
}

Chart sobol_chart(Chart chart, const std::string& output, const std::vector<SobolBar>& bars) {
  ChartData d{"sobol.tsv", "# parameter\tS1\tS1_low\tS1_high\tST\tST_low\tST_high\n"};
  double top = 1.0, bottom = 0.0;
  for (const SobolBar& b : bars) {
    d.text += tsv_text(b.parameter) + "\t" + tsv_number(b.s1) + "\t" + tsv_number(b.s1_low) + "\t" +
              tsv_number(b.s1_high) + "\t" + tsv_number(b.st) + "\t" + tsv_number(b.st_low) + "\t" +
              tsv_number(b.st_high) + "\n";
    top = std::max({top, b.s1_high, b.st_high});
    bottom = std::min({bottom, b.s1_low, b.st_low});
  }
  chart.data.push_back(d);
  std::string& c = chart.commands;
  c = chart_preamble(chart, "parameter", "Sobol index of " + output + " (share of variance)",
                     {"first order S1 (alone)", "total order ST (with interactions)"});
  c += "set style data histograms\nset style histogram errorbars gap 1.5 lw 1.2\n";
  c += "set style fill solid 0.85 noborder\nset boxwidth 0.9\nset errorbars lc rgb '#222222' lw 1.2\n";
  c += "set yrange [" + format_trimmed(std::min(0.0, bottom - 0.02), 3) + ":" +
       format_trimmed(top + 0.02, 3) + "]\n";
  // Parameter names are written slanted below the axis; leave room for the longest.
  std::size_t longest = 0, lines = 0;
  for (const SobolBar& b : bars) longest = std::max(longest, utf8_width(b.parameter));
  caption_labels(chart, lines);
  const double slant = (7.0 * 0.5 * static_cast<double>(longest) + 10.0) / chart.height;
  c += "set bmargin at screen " + format_trimmed(0.1 + caption_height(chart, lines) + slant, 4) + "\n";
  c += "set xtics rotate by -30 scale 0\n";
  c += "plot 'sobol.tsv' using 2:3:4:xtic(1) lc rgb " + gp_string(palette(0)) +
       " title 'first order S1 (alone)', \\\n";
  c +=
      "     '' using 5:6:7 lc rgb " + gp_string(palette(1)) + " title 'total order ST (with interactions)'\n";
  return chart;
}

}  // namespace forlob
