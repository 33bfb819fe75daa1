#include "report/FlowsChart.hpp"

#include <algorithm>

#include "output/CsvFormat.hpp"

namespace forlob {

FlowsData flows_data(const YearlyTable& table, const std::string& scenario, int from, int to) {
  FlowsData d;
  for (int y = from; y <= to; ++y) d.years.push_back(y);
  for (const FlowMetric& m : kFlowMetrics) {
    std::vector<double> row(d.years.size(), Quantiles::kMissing);
    for (const YearValue& v : table.series({scenario, "all", "all", m.metric}, from, to))
      row[static_cast<std::size_t>(v.year - from)] = v.mean;
    d.means.push_back(std::move(row));
  }
  return d;
}

Chart flows_chart(Chart chart, const FlowsData& data, std::optional<std::pair<int, int>> post_trial_years) {
  ChartData d{"flows.tsv", "# year"};
  for (const FlowMetric& m : kFlowMetrics) d.text += std::string("\t") + m.metric;
  d.text += "\n";
  for (std::size_t y = 0; y < data.years.size(); ++y) {
    d.text += std::to_string(data.years[y]);
    for (std::size_t m = 0; m < kFlowMetricCount; ++m) d.text += "\t" + tsv_number(data.means[m][y]);
    d.text += "\n";
  }
  chart.data.push_back(d);

  std::size_t lines = 0;
  std::string& c = chart.commands;
  c = caption_labels(chart, lines);
  const double bottom = 0.13 + caption_height(chart, lines);
  c += "set multiplot layout 2,1 title " + gp_string(chart.title) + " font ',13' margins 0.1,0.77," +
       format_trimmed(bottom, 4) + ",0.9 spacing 0.09\n";
  c += "set border 3\nset tics nomirror\nset grid ytics lc rgb '#dddddd' lw 1 dt 1\n";
  c += "set key outside right top vertical Left reverse noautotitle spacing 1.1\n";
  if (!data.years.empty())
    c += "set xrange [" + std::to_string(data.years.front()) + "-0.3:" + std::to_string(data.years.back()) +
         "+0.3]\nset xtics 1\n";
  // An object, unlike the labels, stays for the bottom panel too.
  if (post_trial_years && !data.years.empty() && post_trial_years->first <= data.years.back()) {
    const int from = std::max(post_trial_years->first, data.years.front());
    const int to = std::min(post_trial_years->second, data.years.back());
    c += post_trial_tint(from, to, 0.06);
  }
  constexpr const char* points[] = {"7", "5", "9", "7", "5", "9", "13", "11"};
  static_assert(sizeof(points) / sizeof(points[0]) == kFlowMetricCount, "one point type per flow metric");
  auto panel = [&](bool fates) {
    std::string plot = "plot ";
    bool first = true;
    for (std::size_t m = 0; m < kFlowMetricCount; ++m) {
      if (kFlowMetrics[m].fate != fates) continue;
      plot += std::string(first ? "" : ", \\\n     ") + "'flows.tsv' using 1:" + std::to_string(m + 2) +
              " with linespoints lw 2 pt " + points[m] + " ps 0.8 lc rgb " + gp_string(palette(m)) +
              " title " + gp_string(kFlowMetrics[m].label);
      first = false;
    }
    return plot + "\n";
  };
  c += "unset xlabel\nset ylabel 'courses per year (count)'\nset yrange [0:*]\n";
  c += panel(false);
  c += "unset label\nset xlabel 'year (hiring rounds)'\nset ylabel 'unfilled courses per year (count)'\n";
  c += panel(true);
  c += "unset multiplot\n";
  return chart;
}

}  // namespace forlob
