#include "report/FanChart.hpp"

#include <algorithm>
#include <cmath>

namespace forlob {

bool FanSeries::has_quartiles() const {
  return !points.empty() &&
         std::all_of(points.begin(), points.end(), [](const YearBand& p) { return p.q.has_quartiles(); });
}

bool FanSeries::has_band() const {
  return !points.empty() && std::all_of(points.begin(), points.end(), [](const YearBand& p) {
    return std::isfinite(p.q.p05) && std::isfinite(p.q.p95);
  });
}

FanSeries fan_series(const YearlyTable& table, const CellKey& key, int from, int to) {
  FanSeries s;
  s.label = key.scenario;
  for (const YearValue& v : table.series(key, from, to)) s.points.push_back({v.year, v.q});
  return s;
}

FanSeries headline_fan_series(const std::vector<HeadlineRow>& headlines, const std::string& scenario,
                              const std::string& prefix, int from, int to) {
  FanSeries s;
  s.label = scenario;
  for (const HeadlineRow& h : headlines) {
    if (h.scenario != scenario || h.first_year != h.last_year || h.first_year < from || h.first_year > to)
      continue;
    if (h.headline != prefix + std::to_string(h.first_year)) continue;
    s.points.push_back({h.first_year, h.q});
  }
  std::sort(s.points.begin(), s.points.end(),
            [](const YearBand& a, const YearBand& b) { return a.year < b.year; });
  return s;
}

Chart fan_chart(Chart chart, const std::vector<FanSeries>& series, const FanChartOptions& options) {
  std::vector<std::string> plots, labels;
  auto add = [&](std::string plot, std::string label) {
    plots.push_back(std::move(plot) + " title " + gp_string(label));
    labels.push_back(std::move(label));
  };
  int first = 0, last = 0;
  bool any = false;
  for (std::size_t i = 0; i < series.size(); ++i) {
    const FanSeries& s = series[i];
    ChartData d;
    d.file = "fan" + std::to_string(i) + ".tsv";
    d.text = "# year\tp05\tp25\tp50\tp75\tp95\n";
    for (const YearBand& p : s.points) {
      d.text += std::to_string(p.year) + "\t" + tsv_number(p.q.p05) + "\t" + tsv_number(p.q.p25) + "\t" +
                tsv_number(p.q.p50) + "\t" + tsv_number(p.q.p75) + "\t" + tsv_number(p.q.p95) + "\n";
      first = any ? std::min(first, p.year) : p.year;
      last = any ? std::max(last, p.year) : p.year;
      any = true;
    }
    const std::string file = gp_string(d.file), colour = gp_string(s.colour);
    // The first series' bands are tinted, later ones hatched in their own colour, so that where two
    // bands overlap both stay visible instead of blending into a colour no legend shows.
    const bool hatched = i > 0;
    const std::string wide = hatched ? "fs transparent pattern 6 border lc rgb " + colour + " lw 0.5"
                                     : "fs transparent solid 0.18 noborder";
    const std::string narrow = hatched ? "fs transparent pattern 7 border lc rgb " + colour + " lw 0.5"
                                       : "fs transparent solid 0.35 noborder";
    if (s.has_band())
      add(file + " using 1:2:6 with filledcurves fc rgb " + colour + " " + wide, s.label + ": 90% band");
    if (s.has_quartiles())
      add(file + " using 1:3:5 with filledcurves fc rgb " + colour + " " + narrow, s.label + ": 50% band");
    add(file + " using 1:4 with linespoints lw 2 pt 7 ps 0.5 lc rgb " + colour,
        s.label + (s.has_band() ? ": median" : ""));
    chart.data.push_back(std::move(d));
  }
  if (options.zero_line) add("0 with lines lc rgb '#333333' lw 1 dt 2", "no difference");
  if (first == last) {
    --first;
    ++last;
  }

  std::string& c = chart.commands;
  c = chart_preamble(chart, options.xlabel, options.ylabel, labels);
  c += "set xrange [" + std::to_string(first) + ":" + std::to_string(last) + "]\n";
  c += "set xtics " + std::to_string(last - first > 12 ? 2 : 1) + "\n";
  c += "set mxtics " + std::string(last - first > 12 ? "2" : "1") + "\n";
  if (options.shade_years) {
    const auto [from, to] = *options.shade_years;
    c += "set object 1 rect from " + std::to_string(from) + "-0.5, graph 0 to " + std::to_string(to) +
         "+0.5, graph 1 behind fc rgb '#f2f2f2' fs solid 1.0 noborder\n";
    c += "set label 20 " + gp_string(options.shade_label) + " at " + std::to_string(from) +
         "-0.4, graph 0.97 left font ',9' tc rgb '#666666'\n";
  }
  if (options.post_trial_years && options.post_trial_years->first <= last) {
    const int from = std::max(options.post_trial_years->first, first);
    const int to = std::min(options.post_trial_years->second, last);
    c += post_trial_tint(from, to, 0.97);
  }
  if (options.tail_from && *options.tail_from <= last) {
    const int from = std::max(*options.tail_from, first);
    c += "set object 2 rect from " + std::to_string(from) + "-0.5, graph 0 to " + std::to_string(last) +
         "+0.5, graph 1 behind fc rgb '#bbbbbb' fs transparent pattern 4 noborder\n";
    c += "set label 21 " + gp_string("incomplete tail") + " at " + std::to_string(from) +
         "-0.4, graph 0.90 left font ',9' tc rgb '#555555'\n";
  }
  c += "plot ";
  for (std::size_t i = 0; i < plots.size(); ++i) c += (i ? ", \\\n     " : "") + plots[i];
  c += "\n";
  return chart;
}

}  // namespace forlob
