#include "report/EvaluationSection.hpp"

#include <cmath>
#include <map>

#include "output/CsvFormat.hpp"
#include "report/HtmlReport.hpp"
#include "report/TidyCsv.hpp"

namespace forlob {

namespace {

std::string evaluation_share(double count, double of) { return of > 0 ? format_fixed(count / of, 3) : ""; }

}  // namespace

EvaluationInputs read_evaluation_inputs(const std::filesystem::path& dir) {
  EvaluationInputs in;
  const std::filesystem::path power = dir / "evaluation_power.csv";
  if (std::filesystem::exists(power)) {
    const TidyCsv t = TidyCsv::read(power, power.string());
    t.require_columns({"design", "true_share", "evaluations", "excludes_0", "excludes_1", "mean_width"});
    std::vector<EvaluationPowerRow> rows;
    for (std::size_t r = 0; r < t.rows(); ++r)
      rows.push_back({t.text(r, t.column("design")), t.number(r, t.column("true_share")),
                      t.number(r, t.column("evaluations")), t.number(r, t.column("excludes_0")),
                      t.number(r, t.column("excludes_1")), t.number(r, t.column("mean_width"))});
    in.power = std::move(rows);
  }
  const std::filesystem::path posterior = dir / "evaluation_posterior.csv";
  if (std::filesystem::exists(posterior)) {
    const TidyCsv t = TidyCsv::read(posterior, posterior.string());
    t.require_columns({"quantity", "mean", "p05", "p95", "prior_p05", "prior_p95"});
    std::vector<EvaluationPosteriorRow> rows;
    for (std::size_t r = 0; r < t.rows(); ++r)
      rows.push_back({t.text(r, t.column("quantity")), t.number(r, t.column("mean")),
                      t.number(r, t.column("p05")), t.number(r, t.column("p95")),
                      t.number_or_nan(r, t.column("prior_p05")), t.number_or_nan(r, t.column("prior_p95"))});
    in.posterior = std::move(rows);
  }
  return in;
}

std::optional<Chart> evaluation_power_chart(const EvaluationInputs& in) {
  if (!in.power || in.power->empty()) return std::nullopt;
  Chart chart;
  chart.name = "evaluation_power";
  chart.section = "evaluation";
  chart.title =
      "Power of the 2029 evaluation: how often its 90% interval of the new-applicant share excludes 0 and 1";
  chart.caption =
      "Share of synthetic evaluations (reports 2026-2028, other unknowns from their prior) whose 90% "
      "interval "
      "of the share of extraordinary courses taken by new applicants excludes 0 (solid) or 1 (dashed), by "
      "true share, per reporting design: counts (courses filled) and counts and new (also whether each "
      "extraordinary trainee applied to an ordinary course). Source: forlob evaluate --power, "
      "evaluation_power.csv.";
  std::map<std::string, std::vector<const EvaluationPowerRow*>> by_design;
  std::vector<std::string> designs;
  for (const EvaluationPowerRow& r : *in.power) {
    if (!by_design.count(r.design)) designs.push_back(r.design);
    by_design[r.design].push_back(&r);
  }
  std::vector<std::string> keys;
  std::string plot;
  for (std::size_t d = 0; d < designs.size(); ++d) {
    ChartData data{"power_" + file_stem(designs[d]) + ".tsv", "# true_share\texcludes_0\texcludes_1\n"};
    for (const EvaluationPowerRow* r : by_design[designs[d]])
      data.text += tsv_number(r->true_share) + "\t" +
                   tsv_number(r->evaluations > 0 ? r->excludes_zero / r->evaluations : NAN) + "\t" +
                   tsv_number(r->evaluations > 0 ? r->excludes_one / r->evaluations : NAN) + "\n";
    const std::string colour = palette(d);
    const std::string label = spaced(designs[d]);
    keys.push_back(label + ": excludes 0");
    keys.push_back(label + ": excludes 1");
    plot += std::string(plot.empty() ? "plot " : ", ") + gp_string(data.file) +
            " using 1:2 with linespoints lw 2 pt 7 lc rgb " + gp_string(colour) + " title " +
            gp_string(keys[keys.size() - 2]) + ", " + gp_string(data.file) +
            " using 1:3 with linespoints lw 2 pt 5 dt 2 lc rgb " + gp_string(colour) + " title " +
            gp_string(keys.back());
    chart.data.push_back(std::move(data));
  }
  chart.key_columns = 2;
  chart.commands = chart_preamble(chart, "true new-applicant share", "share of evaluations", keys);
  chart.commands += "set xrange [-0.02:1.02]\nset yrange [0:1.05]\n" + plot + "\n";
  return chart;
}

std::string evaluation_section_html(const EvaluationInputs& in, const std::string& charts_html) {
  std::string h = "<section id=\"evaluation\">\n<h2>What the 2029 evaluation can conclude</h2>\n";
  h += charts_html;
  if (in.posterior) {
    h +=
        "<p>Posterior from the reported rounds (forlob evaluate --observed; approximate Bayesian computation "
        "with forlob as the simulator).</p>\n";
    h += "<table><thead><tr><th>quantity</th><th class=\"num\">posterior mean</th><th class=\"num\">90% "
         "interval</th><th class=\"num\">prior 90% interval</th></tr></thead>\n<tbody>\n";
    for (const EvaluationPosteriorRow& r : *in.posterior) {
      const int decimals = r.quantity == "extraordinary_new_share" ? 3 : 1;
      h += "<tr><td>" + html_escape(r.quantity) + "</td><td class=\"num\">" + format_fixed(r.mean, decimals) +
           "</td><td class=\"num\">[" + format_fixed(r.p05, decimals) + ", " + format_fixed(r.p95, decimals) +
           "]</td><td class=\"num\">" +
           (std::isfinite(r.prior_p05)
                ? "[" + format_fixed(r.prior_p05, decimals) + ", " + format_fixed(r.prior_p95, decimals) + "]"
                : std::string()) +
           "</td></tr>\n";
    }
    h += "</tbody></table>\n";
  }
  if (in.power) {
    h += "<table><thead><tr><th>design</th><th class=\"num\">true share</th><th class=\"num\">excludes "
         "0</th><th class=\"num\">excludes 1</th><th class=\"num\">mean 90% "
         "width</th></tr></thead>\n<tbody>\n";
    for (const EvaluationPowerRow& r : *in.power)
      h += "<tr><td>" + html_escape(spaced(r.design)) + "</td><td class=\"num\">" +
           format_fixed(r.true_share, 2) + "</td><td class=\"num\">" +
           evaluation_share(r.excludes_zero, r.evaluations) + "</td><td class=\"num\">" +
           evaluation_share(r.excludes_one, r.evaluations) + "</td><td class=\"num\">" +
           format_fixed(r.mean_width, 3) + "</td></tr>\n";
    h += "</tbody></table>\n";
  }
  h += "<p class=\"note\">Every figure is in evaluation_posterior.csv and evaluation_power.csv.</p>\n";
  return h + "</section>\n";
}

}  // namespace forlob
