#include "report/TornadoChart.hpp"

#include <algorithm>
#include <cmath>

#include "output/CsvFormat.hpp"

namespace forlob {

double TornadoBar::swing() const { return std::abs(mean_at_high - mean_at_low); }

std::optional<Tornado> tornado(const Sweep& sweep, const std::string& output) {
  const SweepRow* base = nullptr;
  for (const SweepRow& r : sweep.rows)
    if (r.output == output && r.varied == "base") base = &r;
  if (base == nullptr) return std::nullopt;
  Tornado t;
  t.output = output;
  t.base_mean = base->mean;
  for (std::size_t p = 0; p < sweep.parameters.size(); ++p) {
    const std::string& label = sweep.parameters[p];
    TornadoBar bar{label, base->values[p], base->values[p], base->mean, base->mean};
    bool moved = false;
    for (const SweepRow& r : sweep.rows) {
      if (r.output != output || r.varied != label || !std::isfinite(r.values[p])) continue;
      moved = true;
      if (r.values[p] < bar.low_value) {
        bar.low_value = r.values[p];
        bar.mean_at_low = r.mean;
      }
      if (r.values[p] > bar.high_value) {
        bar.high_value = r.values[p];
        bar.mean_at_high = r.mean;
      }
    }
    if (moved) t.bars.push_back(bar);
  }
  if (t.bars.empty()) return std::nullopt;
  std::stable_sort(t.bars.begin(), t.bars.end(),
                   [](const TornadoBar& a, const TornadoBar& b) { return a.swing() > b.swing(); });
  return t;
}

Chart tornado_chart(Chart chart, const Tornado& t) {
  const std::size_t n = t.bars.size();
  chart.height = std::max(chart.height, 200 + 34 * static_cast<int>(n));
  ChartData d{"tornado.tsv", "# y\tlabel\tlow_from\tlow_to\thigh_from\thigh_to\n"};
  std::size_t widest = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const TornadoBar& b = t.bars[i];
    const std::string label =
        b.parameter + " (" + format_trimmed(b.low_value, 4) + " to " + format_trimmed(b.high_value, 4) + ")";
    widest = std::max(widest, utf8_width(label));
    const double y = static_cast<double>(n - 1 - i);  // largest swing on top
    d.text += tsv_number(y) + "\t" + tsv_text(label) + "\t" +
              tsv_number(std::min(t.base_mean, b.mean_at_low)) + "\t" +
              tsv_number(std::max(t.base_mean, b.mean_at_low)) + "\t" +
              tsv_number(std::min(t.base_mean, b.mean_at_high)) + "\t" +
              tsv_number(std::max(t.base_mean, b.mean_at_high)) + "\n";
  }
  chart.data.push_back(d);
  const std::string base_label = "base point: " + format_trimmed(t.base_mean, 2);
  std::string& c = chart.commands;
  c = chart_preamble(chart, "mean of " + t.output + " across replications", "",
                     {"parameter at its lowest value", "parameter at its highest value", base_label});
  c += "unset grid\nset grid xtics lc rgb '#dddddd'\n";
  c += "set lmargin " + std::to_string(std::min<std::size_t>(60, widest + 3)) + "\n";
  c += "set yrange [-0.7:" + std::to_string(n) +
       "-0.3]\nset ytics scale 0\nset offsets graph 0.05, graph 0.05, 0, 0\n";
  c += "set arrow 1 from " + tsv_number(t.base_mean) + ", graph 0 to " + tsv_number(t.base_mean) +
       ", graph 1 nohead lc rgb '#333333' dt 2\n";
  c += "plot 'tornado.tsv' using (($3+$4)/2):1:3:4:($1):($1+0.36):ytic(2) with boxxyerror fs solid 0.85 "
       "noborder fc rgb " +
       gp_string(palette(0)) + " title 'parameter at its lowest value', \\\n";
  c += "     '' using (($5+$6)/2):1:5:6:($1-0.36):($1) with boxxyerror fs solid 0.85 noborder fc rgb " +
       gp_string(palette(1)) + " title 'parameter at its highest value', \\\n";
  c += "     keyentry with lines lc rgb '#333333' dt 2 title " + gp_string(base_label) + "\n";
  return chart;
}

}  // namespace forlob
