#include "report/MorrisChart.hpp"

#include <algorithm>
#include <cmath>

namespace forlob {

std::vector<MorrisPoint> morris_points(const Sensitivity& s, const std::string& output) {
  std::vector<MorrisPoint> points;
  for (const std::string& p : s.parameters("morris", output)) {
    const SensitivityCsvRow* mu = s.find("morris", output, p, "mu_star");
    const SensitivityCsvRow* sigma = s.find("morris", output, p, "sigma");
    if (mu == nullptr || sigma == nullptr) continue;
    points.push_back({p, mu->estimate, std::isfinite(mu->ci_low) ? mu->ci_low : mu->estimate,
                      std::isfinite(mu->ci_high) ? mu->ci_high : mu->estimate, sigma->estimate});
  }
  std::stable_sort(points.begin(), points.end(),
                   [](const MorrisPoint& a, const MorrisPoint& b) { return a.mu_star > b.mu_star; });
  return points;
}

Chart morris_chart(Chart chart, const std::string& output, const std::vector<MorrisPoint>& points) {
  ChartData d{"morris.tsv", "# parameter\tmu_star\tlow\thigh\tsigma\n"};
  for (const MorrisPoint& p : points)
    d.text += tsv_text(p.parameter) + "\t" + tsv_number(p.mu_star) + "\t" + tsv_number(p.mu_star_low) + "\t" +
              tsv_number(p.mu_star_high) + "\t" + tsv_number(p.sigma) + "\n";
  chart.data.push_back(d);
  std::string& c = chart.commands;
  c = chart_preamble(chart, "mu* of " + output + " (mean absolute elementary effect, output units)",
                     "sigma (spread of the effects)", {"parameter: mu* with bootstrap interval"});
  c += "set grid xtics ytics lc rgb '#dddddd'\nset xrange [0:*]\nset yrange [0:*]\nset offsets graph 0, "
       "graph 0.25, "
       "graph 0.1, 0\n";
  c += "plot 'morris.tsv' using 2:5:3:4 with xerrorbars pt 7 ps 1 lc rgb " + gp_string(palette(0)) +
       " title 'parameter: mu* with bootstrap interval', \\\n";
  c += "     '' using 2:5:1 with labels left offset 0.8,0.6 font ',9' notitle\n";
  return chart;
}

}  // namespace forlob
