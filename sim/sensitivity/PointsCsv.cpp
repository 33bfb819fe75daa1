#include "sensitivity/PointsCsv.hpp"

#include <cmath>

#include "output/CsvFormat.hpp"

namespace forlob {

std::vector<std::vector<double>> shown_levels(const std::vector<std::vector<double>>& points,
                                              const std::vector<double>& base_levels) {
  std::vector<std::vector<double>> out = points;
  for (std::vector<double>& point : out)
    for (std::size_t i = 0; i < point.size(); ++i)
      if (std::isnan(point[i])) point[i] = base_levels[i];
  return out;
}

std::string points_csv(const PointsTable& table, const Evaluation& evaluation) {
  std::string out = "point";
  for (const std::string& c : table.key_columns) (out += ',') += csv_field(c);
  for (const std::string& label : table.labels) (out += ',') += csv_field(label);
  out += ",output,mean,sd,mc_se,p05,p50,p95\n";
  for (std::size_t p = 0; p < evaluation.points; ++p) {
    std::string lead = std::to_string(p);
    for (const std::string& key : table.keys[p]) (lead += ',') += csv_field(key);
    for (double level : table.levels[p]) {
      lead += ',';
      append_shortest(lead, level);
    }
    for (std::size_t o = 0; o < evaluation.outputs.size(); ++o) {
      const OutputSummary& s = evaluation.summary(p, o);
      out += lead;
      out += ',';
      append_csv_field(out, evaluation.outputs[o]);
      out += ',';
      append_shortest(out, s.mean);  // exact: a mean of integers
      out += ',';
      append_trimmed(out, s.sd, 3);
      out += ',';
      append_trimmed(out, s.mc_se, 4);
      for (double q : {s.p05, s.p50, s.p95}) {
        out += ',';
        append_trimmed(out, q, 3);
      }
      out += '\n';
    }
  }
  return out;
}

}  // namespace forlob
