#include "sensitivity/SensitivityTables.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "output/CsvFormat.hpp"
#include "output/TextTable.hpp"

namespace forlob {

namespace {

using Row = std::vector<std::string>;

// Left-aligns the first `left` columns and right-aligns the rest.
void print_table(std::ostream& out, std::vector<Row> rows, std::size_t left) {
  TextTable table(std::vector<bool>(left, true));
  for (Row& row : rows) table.add(std::move(row));
  table.print(out);
}

std::string number(double value, int decimals) {
  if (std::isnan(value)) return "–";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  return format_fixed(value, decimals);
}

std::string bootstrap_interval(double low, double high, int decimals) {
  return "[" + number(low, decimals) + ", " + number(high, decimals) + "]";
}

std::string percent_or_all(double share) {
  if (!std::isfinite(share)) return "all";
  return format_fixed(100 * share, 1) + "%";
}

}  // namespace

void print_sweep_table(std::ostream& out, const SweepDesign& design, const SimulationEvaluator& evaluator,
                       const Evaluation& evaluation, std::size_t max_rows) {
  const std::vector<BoundParameter>& parameters = evaluator.parameters();
  const std::vector<double> base = evaluator.base_levels();
  const bool oat = design.kind == SweepKind::OneAtATime;
  for (std::size_t o = 0; o < evaluation.outputs.size(); ++o) {
    out << "\n"
        << evaluation.outputs[o] << ": mean over " << evaluation.replications
        << " replications per point (± Monte Carlo standard error), 90% interval = 5th-95th percentile\n";
    std::vector<Row> rows;
    Row head{"point"};
    if (oat) {
      head.emplace_back("varied");
      head.emplace_back("level");
    } else {
      for (const BoundParameter& p : parameters) head.push_back(p.spec.label);
    }
    for (const char* h : {"mean", "± se", "90% interval"}) head.emplace_back(h);
    rows.push_back(head);
    for (std::size_t p = 0; p < evaluation.points && p < max_rows; ++p) {
      Row row{std::to_string(p)};
      if (oat) {
        row.push_back(design.varied[p]);
        std::string level = "scenario";
        for (std::size_t i = 0; i < parameters.size(); ++i)
          if (!std::isnan(design.points[p][i])) level = format_trimmed(design.points[p][i], 4);
        row.push_back(level);
      } else {
        for (std::size_t i = 0; i < parameters.size(); ++i)
          row.push_back(format_trimmed(std::isnan(design.points[p][i]) ? base[i] : design.points[p][i], 4));
      }
      const OutputSummary& s = evaluation.summary(p, o);
      row.push_back(number(s.mean, 1));
      row.push_back(number(s.mc_se, 1));
      row.push_back(bootstrap_interval(s.p05, s.p95, 1));
      rows.push_back(row);
    }
    print_table(out, std::move(rows), oat ? 2 : 1);
    if (evaluation.points > max_rows)
      out << "(" << evaluation.points - max_rows << " more points in sweep.csv)\n";
  }
}

void print_sensitivity_table(std::ostream& out, const SensitivityAnalysis& analysis,
                             const SimulationEvaluator& evaluator) {
  const bool sobol = analysis.options.method == SensitivityMethod::Sobol;
  const std::size_t k = evaluator.parameters().size();
  const double confidence = 100 * analysis.options.bootstrap.confidence;
  const std::string level = format_trimmed(confidence, 1) + "%";
  for (std::size_t o = 0; o < analysis.evaluation.outputs.size(); ++o) {
    const std::string& output = analysis.evaluation.outputs[o];
    out << "\n" << output << ": ";
    if (sobol)
      out << "Sobol indices (S1 first order, ST total), N = " << analysis.options.base_samples;
    else
      out << "Morris elementary effects per full parameter range, r = " << analysis.options.trajectories
          << " trajectories, p = " << analysis.options.levels << " levels";
    out << ", " << analysis.evaluation.points << " points x " << analysis.evaluation.replications
        << " replications, " << level << " bootstrap intervals\n";
    // The rows of this output, per parameter, in the order sensitivity.csv has them.
    std::vector<const SensitivityRow*> mine;
    for (const SensitivityRow& r : analysis.rows)
      if (r.output == output) mine.push_back(&r);
    const std::size_t per = sobol ? 2 : 3;
    std::vector<std::size_t> order(k);
    for (std::size_t i = 0; i < k; ++i) order[i] = i;
    const std::size_t key = sobol ? 1 : 0;  // ST, mu*
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      const double x = mine[a * per + key]->value.estimate, y = mine[b * per + key]->value.estimate;
      return (std::isnan(y) && !std::isnan(x)) || x > y;
    });
    std::vector<Row> rows;
    rows.push_back(sobol ? Row{"parameter", "S1", level + " interval", "ST", level + " interval"}
                         : Row{"parameter", "mu*", level + " interval", "mu", "sigma"});
    const int decimals = sobol ? 3 : 2;
    for (std::size_t i : order) {
      const SensitivityRow* first = mine[i * per];
      Row row{first->parameter};
      if (sobol) {
        for (std::size_t j = 0; j < 2; ++j) {
          const IndexEstimate& e = mine[i * per + j]->value;
          row.push_back(number(e.estimate, decimals));
          row.push_back(bootstrap_interval(e.ci_low, e.ci_high, decimals));
        }
      } else {
        const IndexEstimate& m = first->value;
        row.push_back(number(m.estimate, decimals));
        row.push_back(bootstrap_interval(m.ci_low, m.ci_high, decimals));
        row.push_back(number(mine[i * per + 1]->value.estimate, decimals));
        row.push_back(number(mine[i * per + 2]->value.estimate, decimals));
      }
      rows.push_back(row);
    }
    print_table(out, std::move(rows), 1);
    const ReplicationNoise& n = analysis.noise[o];
    out << "Replication noise: " << percent_or_all(n.share) << " of the variance of the point means (sd²/R "
        << format_trimmed(n.noise_variance, 3) << " against " << format_trimmed(n.total_variance, 3) << ")\n";
  }
}

}  // namespace forlob
