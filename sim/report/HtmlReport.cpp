#include "report/HtmlReport.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

#include "output/CsvFormat.hpp"
#include "report/Base64.hpp"
#include "report/Findings.hpp"
#include "report/ForecastChart.hpp"
#include "report/MorrisChart.hpp"
#include "report/ReportCharts.hpp"
#include "report/SobolChart.hpp"
#include "report/TornadoChart.hpp"
#include "scenario/ScenarioDocument.hpp"

#ifndef FORLOB_VERSION
#error "FORLOB_VERSION must be defined by the build (the project version)"
#endif

namespace forlob {

namespace {

constexpr const char* kStyle = R"(
body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: #1a1a1a; max-width: 1100px;
       margin: 2em auto; padding: 0 1em; line-height: 1.45; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.3em; border-bottom: 1px solid #ccc; padding-bottom: 0.2em; margin-top: 2em; }
h3 { font-size: 1.1em; }
p.lead { color: #444; margin-top: 0; }
table { border-collapse: collapse; margin: 0.8em 0; font-size: 0.92em; }
th, td { padding: 0.25em 0.5em; border-bottom: 1px solid #e3e3e3; vertical-align: top; text-align: left; }
th { background: #f4f4f4; }
th.group { text-align: center; border-left: 1px solid #ddd; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.facts th { background: none; font-weight: 600; white-space: nowrap; }
tr.assumption td { background: #fff4d6; }
tr.override td { background: #e8f0ff; }
td.pointer { font-family: "DejaVu Sans Mono", monospace; font-size: 0.9em; word-break: break-all; }
td.value { font-family: "DejaVu Sans Mono", monospace; font-size: 0.9em; max-width: 14em; word-break: break-all; }
div.wide { overflow-x: auto; }
div.figures { display: flex; flex-wrap: wrap; justify-content: space-between; }
figure { margin: 0.8em 0; width: 49%; break-inside: avoid; page-break-inside: avoid; }
div.whatif { border: 2px solid #D55E00; background: #fff1e8; padding: 0.4em 0.8em; margin: 0.8em 0; }
div.whatif ul { margin: 0.3em 0; }
section#findings li { margin-bottom: 0.35em; }
table.parameters { font-size: 0.78em; }
table.parameters td { padding: 0.1em 0.35em; }
figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
figcaption { font-size: 0.9em; color: #333; }
figcaption .files { color: #777; }
.note { color: #555; font-size: 0.92em; }
@media print {
  body { max-width: none; margin: 0; }
  div.wide { overflow: visible; }
  h2 { break-after: avoid; }
  body { font-size: 10pt; }
  section#parameters { break-before: page; }
  table.parameters { font-size: 7pt; }  /* the appendix is for reference: print it compactly */
  tr { break-inside: avoid; }
}
)";

constexpr const char* kImageCheck = R"(
window.addEventListener('load', function () {
  var images = document.images, missing = 0;
  for (var i = 0; i < images.length; i++)
    if (!images[i].complete || images[i].naturalWidth === 0) missing++;
  document.body.setAttribute('data-images', String(images.length));
  document.body.setAttribute('data-images-missing', String(missing));
  document.body.setAttribute('data-images-ok', missing === 0 ? 'yes' : 'no');
});
)";

std::string attr(std::string_view name, std::string_view value) {
  return " " + std::string(name) + "=\"" + html_escape(value) + "\"";
}

std::string shortest(double v) {
  std::string s;
  append_shortest(s, v);
  return s;
}

std::string fixed(double v, int decimals) { return std::isfinite(v) ? format_fixed(v, decimals) : "–"; }

// A number people read, marked so a program can find it and its exact value.
std::string marked(const std::string& tag, const std::string& headline, const std::string& scenario,
                   const std::string& stat, double value, const std::string& cls = "") {
  return "<" + tag + (cls.empty() ? "" : attr("class", cls)) + attr("data-headline", headline) +
         attr("data-scenario", scenario) + attr("data-stat", stat) + attr("data-value", shortest(value)) +
         ">" + headline_number_text(value) + "</" + tag + ">";
}

std::string section_title(const std::string& id, const std::string& title) {
  return "<section id=\"" + id + "\">\n<h2>" + html_escape(title) + "</h2>\n";
}

bool is_what_if(const ReportInputs& in) { return in.summary && in.summary->what_if; }

std::string report_title(const ReportInputs& in) {
  const std::vector<std::string> names = in.scenario_names();
  const std::string what_if = is_what_if(in) ? "What-if: " : "";
  if (in.summary && in.summary->command == "compare" && names.size() >= 2) {
    std::string t = what_if + "forlob: " + names[0] + " versus " + names[1];
    for (std::size_t i = 2; i < names.size(); ++i) t += (i + 1 == names.size() ? " and " : ", ") + names[i];
    return t;
  }
  if (in.summary && names.size() == 1) return what_if + "forlob " + in.summary->command + ": " + names[0];
  if (in.summary && names.size() == 1) return "forlob " + in.summary->command + ": " + names[0];
  if (in.summary) return "forlob " + in.summary->command + ": " + in.dir.filename().string();
  return "forlob report: " + in.dir.filename().string();
}

std::string files_read(const ReportInputs& in) {
  std::vector<std::string> files;
  if (in.summary) files.push_back("summary.json");
  if (in.has_yearly) files.push_back("yearly.csv");
  if (!in.difference_labels().empty()) files.push_back("difference.csv");
  if (in.has_bands) files.push_back("bands.csv");
  if (in.headlines_from_csv) files.push_back("headlines.csv");
  if (in.sweep) files.push_back("sweep.csv");
  if (in.sensitivity) files.push_back("sensitivity.csv");
  if (in.forecast) files.push_back("evaluation_forecast.csv");
  if (in.evaluation.power) files.push_back("evaluation_power.csv");
  if (in.evaluation.posterior) files.push_back("evaluation_posterior.csv");
  std::string out;
  for (std::size_t i = 0; i < files.size(); ++i) out += (i ? ", " : "") + files[i];
  return out;
}

// What differs from the shipped scenarios, said before anything else.
std::string what_if_box(const ReportInputs& in) {
  if (!is_what_if(in)) return "";
  constexpr std::size_t kShown = 12;
  std::string h =
      "<div class=\"whatif\" data-what-if=\"yes\"><strong>This is a what-if, not the shipped "
      "analysis.</strong> It differs from the shipped scenarios in:\n<ul>\n";
  const std::vector<std::string> letters{"A", "B", "C", "D", "E", "F"};
  std::size_t shown = 0, total = 0;
  for (std::size_t i = 0; i < in.summary->scenarios.size(); ++i) {
    const ScenarioInfo& sc = in.summary->scenarios[i];
    for (const ValueChangeInfo& c : sc.changes) {
      ++total;
      if (shown >= kShown) continue;
      ++shown;
      const std::string who = in.summary->scenarios.size() > 1 && i < letters.size()
                                  ? letters[i] + " (" + sc.name + ")"
                                  : sc.name;
      h += "<li>" + html_escape(who) + ": <code>" + html_escape(c.pointer) + "</code> " +
           html_escape(c.from) + " → " + html_escape(c.to) + " <span class=\"note\">(" + html_escape(c.by) +
           ")</span></li>\n";
    }
  }
  if (total > shown)
    h += "<li>and " + std::to_string(total - shown) + " more (summary.json lists them all)</li>\n";
  return h + "</ul></div>\n";
}

std::string findings_section(const ReportInputs& in) {
  const std::vector<std::string> sentences = findings(in);
  if (sentences.empty()) return "";
  std::string h = section_title("findings", "Findings");
  h += "<ul>\n";
  for (const std::string& s : sentences) h += "<li data-finding>" + html_escape(s) + "</li>\n";
  return h + "</ul>\n</section>\n";
}

std::string run_section(const ReportInputs& in) {
  std::string h = section_title("run", "What was run");
  h += "<table class=\"facts\">\n";
  auto fact = [&](const std::string& name, const std::string& value_html) {
    h += "<tr><th>" + html_escape(name) + "</th><td>" + value_html + "</td></tr>\n";
  };
  if (in.summary) {
    const RunSummary& s = *in.summary;
    fact("command", "<code" + attr("data-command-line", s.command_line) + ">" +
                        html_escape(s.command_line.empty() ? "forlob " + s.command : s.command_line) +
                        "</code>");
    const char* letters[] = {"A", "B", "C", "D", "E", "F"};
    for (std::size_t i = 0; i < s.scenarios.size(); ++i) {
      const ScenarioInfo& sc = s.scenarios[i];
      std::string v =
          "<strong" + attr("data-scenario-name", sc.name) + ">" + html_escape(sc.name) + "</strong>";
      if (!sc.file.empty()) v += " (<code>" + html_escape(sc.file) + "</code>)";
      if (!sc.description.empty()) v += "<br>" + html_escape(sc.description);
      for (const std::string& set : sc.sets) v += "<br>--set <code>" + html_escape(set) + "</code>";
      if (!sc.input_files.empty()) {
        v += "<br><span class=\"note\">read:";
        for (const InputFileInfo& f : sc.input_files)
          v += " <code>" + html_escape(f.path) + "</code> " + html_escape(f.hash) +
               (f.shipped ? "" : " (not shipped)") + ";";
        v += "</span>";
      }
      fact(s.scenarios.size() >= 2 && i < 6 ? std::string("scenario ") + letters[i] : "scenario", v);
    }
    if (s.seed) fact("seed", std::to_string(*s.seed));
    if (s.replications) fact("replications", std::to_string(*s.replications));
    if (s.threads) fact("threads", std::to_string(*s.threads) + " (results do not depend on it)");
    if (s.years)
      fact("years", "hiring rounds " + std::to_string(s.years->warmup_start) + "–" +
                        std::to_string(s.years->hiring_end) + " (warm-up before " +
                        std::to_string(s.years->start) +
                        (s.years->has_post_trial()
                             ? "; the plan to " + std::to_string(s.years->end) + ", then the post-trial rule"
                             : std::string()) +
                        "), completions followed to " + std::to_string(s.years->followup_end));
    fact("forlob version", html_escape(s.version.empty() ? "not recorded" : s.version) +
                               " (report written by forlob " FORLOB_VERSION ")");
  } else {
    fact("report written by", "forlob " FORLOB_VERSION);
  }
  fact("directory", "<code>" + html_escape(in.dir.filename().string()) + "</code>");
  fact("files read", html_escape(files_read(in)));
  h += "</table>\n</section>\n";
  return h;
}

// The years of the first multi-year headline (the trial's years): single-year headlines outside
// them are left to the charts, so the table stays short.
std::pair<int, int> single_year_window(const std::vector<HeadlineRow>& headlines) {
  std::pair<int, int> w{0, 0};
  for (const HeadlineRow& h : headlines)
    if (h.last_year > h.first_year &&
        (w.first == 0 || h.first_year < w.first || (h.first_year == w.first && h.last_year < w.second)))
      w = {h.first_year, h.last_year};
  return w;
}

bool zero_in_every_replication(const HeadlineRow& h) {
  return h.mean == 0 && h.sd == 0 && h.q.p05 == 0 && h.q.p95 == 0;
}

std::string headline_section(const ReportInputs& in) {
  if (in.headlines.empty()) return "";
  std::vector<std::string> columns = in.scenario_names();
  const std::vector<std::string> diffs = in.difference_labels();
  columns.insert(columns.end(), diffs.begin(), diffs.end());
  if (columns.empty())
    for (const HeadlineRow& h : in.headlines)
      if (std::find(columns.begin(), columns.end(), h.scenario) == columns.end())
        columns.push_back(h.scenario);
  std::vector<std::string> order;
  std::map<std::string, std::map<std::string, const HeadlineRow*>> rows;
  for (const HeadlineRow& h : in.headlines) {
    if (rows.find(h.headline) == rows.end()) order.push_back(h.headline);
    rows[h.headline][h.scenario] = &h;
  }
  const auto [from, to] = single_year_window(in.headlines);

  std::string t = section_title("headlines", "Headline figures");
  const std::vector<std::string> names = in.scenario_names();
  t += "<p class=\"note\">New specialists are completed main courses, all regions. Mean over replications; "
       "the 90% interval is the 5th–95th percentile across replications (it includes the uncertainty about "
       "fill rates, not only Monte Carlo noise). Sums over several years are summed per replication first. "
       "Single years outside " +
       std::to_string(from) + "–" + std::to_string(to) + " are in the charts.";
  if (names.size() == 2 && diffs.size() == 1)
    t += " A = " + html_escape(names[0]) + ", B = " + html_escape(names[1]) +
         "; B − A is taken replication by replication with common random numbers.";
  else if (names.size() > 2)
    t += " Each difference from " + html_escape(names[0]) +
         " is taken replication by replication with common random numbers.";
  t += "</p>\n<div class=\"wide\"><table class=\"headlines\">\n<thead><tr><th rowspan=\"2\">headline</th>";
  for (std::size_t i = 0; i < columns.size(); ++i) {
    // With two scenarios the note above names them; the header says A, B and B − A.
    const std::string name = display_name(in, columns[i]);
    const std::string shown = names.size() == 2 && diffs.size() == 1 ? (i == 0   ? "A"
                                                                        : i == 1 ? "B"
                                                                                 : "B − A")
                                                                     : name;
    t += "<th class=\"group\" colspan=\"2\"" + attr("title", name) + ">" + html_escape(shown) + "</th>";
  }
  t += "</tr>\n<tr>";
  for (std::size_t i = 0; i < columns.size(); ++i)
    t += "<th class=\"num\">mean</th><th class=\"num\">90% interval</th>";
  t += "</tr></thead>\n<tbody>\n";
  std::vector<std::string> folded;
  for (const std::string& headline : order) {
    const auto& cells = rows[headline];
    const HeadlineRow* any = cells.begin()->second;
    if (any->first_year == any->last_year && from != 0 && (any->first_year < from || any->first_year > to))
      continue;
    if (std::all_of(cells.begin(), cells.end(),
                    [](const auto& c) { return zero_in_every_replication(*c.second); })) {
      folded.push_back(any->label);
      continue;
    }
    t += "<tr" + attr("data-headline-row", headline) + "><td>" + html_escape(any->label) + "</td>";
    for (const std::string& c : columns) {
      const auto it = cells.find(c);
      if (it == cells.end()) {
        t += "<td class=\"num\">–</td><td class=\"num\">–</td>";
        continue;
      }
      const HeadlineRow& h = *it->second;
      t += marked("td", headline, c, "mean", h.mean, "num");
      t += "<td class=\"num\">[" + marked("span", headline, c, "p05", h.q.p05) + ", " +
           marked("span", headline, c, "p95", h.q.p95) + "]</td>";
    }
    t += "</tr>\n";
  }
  if (!folded.empty()) {
    std::string list;
    for (std::size_t i = 0; i < folded.size(); ++i) list += (i ? "; " : "") + folded[i];
    t += "<tr data-folded=\"" + std::to_string(folded.size()) + "\"><td colspan=\"" +
         std::to_string(1 + 2 * columns.size()) +
         "\" class=\"note\">Zero in every replication of every column: " + html_escape(list) +
         ".</td></tr>\n";
  }
  t += "</tbody>\n</table></div>\n";
  // How many assumption-tier inputs the headlines rest on (summary.json assumption_dependence).
  if (in.summary) {
    int low = -1, high = -1;
    for (const ScenarioInfo& sc : in.summary->scenarios)
      for (const auto& [name, n] : sc.assumption_parameters) {
        low = low < 0 ? n : std::min(low, n);
        high = std::max(high, n);
      }
    if (high > 0)
      t += "<p class=\"note\">Every headline rests on assumption-tier inputs (" + std::to_string(low) +
           " to " + std::to_string(high) +
           " parameters without a public figure each, summary.json <code>assumption_dependence</code>); the "
           "appendix lists them, those most headlines rest on first.</p>\n";
  }
  if (!in.headlines_from_csv)
    t += "<p class=\"note\">Headlines from summary.json (this directory has no headlines.csv).</p>\n";
  return t + "</section>\n";
}

std::string figures(const std::vector<Chart>& charts, const std::vector<RenderedChart>& rendered,
                    const std::string& section, int& number) {
  std::string f;
  for (std::size_t i = 0; i < charts.size(); ++i) {
    if (charts[i].section != section) continue;
    const Chart& c = charts[i];
    ++number;
    f += "<figure" + attr("id", "chart-" + c.name) + attr("data-chart", c.name) + ">\n";
    f += "<img" + attr("src", "data:image/svg+xml;base64," + base64(rendered[i].svg)) +
         attr("width", std::to_string(c.width)) + attr("height", std::to_string(c.height)) +
         attr("alt", c.title) + ">\n";
    // The caption is drawn in the image (so a pasted PNG still says what it shows): said once.
    f += "<figcaption><strong>Figure " + std::to_string(number) + ".</strong> <span class=\"files\">charts/" +
         html_escape(c.name) + ".svg, .png</span></figcaption>\n</figure>\n";
  }
  return f.empty() ? f : "<div class=\"figures\">\n" + f + "</div>\n";
}

std::string sweep_section(const ReportInputs& in, const std::string& charts_html) {
  const Sweep& sweep = *in.sweep;
  std::string h = section_title("sweep", "Parameter sweep");
  h += "<p class=\"note\">From sweep.csv: " + std::to_string(sweep.rows.size()) + " rows, parameters " +
       html_escape([&] {
         std::string s;
         for (std::size_t i = 0; i < sweep.parameters.size(); ++i) s += (i ? ", " : "") + sweep.parameters[i];
         return s;
       }()) +
       ".</p>\n";
  h += charts_html;
  for (const std::string& output : sweep.outputs()) {
    const auto t = tornado(sweep, output);
    if (!t) continue;
    h += "<h3>" + html_escape(output) + ": one parameter at a time</h3>\n";
    h += "<table><thead><tr><th>parameter</th><th class=\"num\">low value</th><th class=\"num\">high "
         "value</th>"
         "<th class=\"num\">mean at low</th><th class=\"num\">mean at high</th><th "
         "class=\"num\">swing</th></tr>"
         "</thead>\n<tbody>\n";
    for (const TornadoBar& b : t->bars)
      h += "<tr><td>" + html_escape(b.parameter) + "</td><td class=\"num\">" +
           format_trimmed(b.low_value, 4) + "</td><td class=\"num\">" + format_trimmed(b.high_value, 4) +
           "</td><td class=\"num\">" + fixed(b.mean_at_low, 1) + "</td><td class=\"num\">" +
           fixed(b.mean_at_high, 1) + "</td><td class=\"num\">" + fixed(b.swing(), 1) + "</td></tr>\n";
    h += "</tbody></table>\n<p class=\"note\">Base point: mean " + fixed(t->base_mean, 1) + ".</p>\n";
  }
  // Grid points (and anything without a base point) as a plain table.
  std::size_t grid = 0;
  for (const SweepRow& r : sweep.rows) grid += r.varied == "grid" ? 1 : 0;
  if (grid > 0) {
    constexpr std::size_t kMaxRows = 400;
    h += "<h3>Grid points</h3>\n<table><thead><tr><th class=\"num\">point</th>";
    for (const std::string& p : sweep.parameters) h += "<th class=\"num\">" + html_escape(p) + "</th>";
    h += "<th>output</th><th class=\"num\">mean</th><th class=\"num\">90% "
         "interval</th></tr></thead>\n<tbody>\n";
    std::size_t shown = 0;
    for (const SweepRow& r : sweep.rows) {
      if (r.varied != "grid" || shown++ >= kMaxRows) continue;
      h += "<tr><td class=\"num\">" + std::to_string(r.point) + "</td>";
      for (double v : r.values) h += "<td class=\"num\">" + format_trimmed(v, 4) + "</td>";
      h += "<td>" + html_escape(r.output) + "</td><td class=\"num\">" + fixed(r.mean, 1) +
           "</td><td class=\"num\">[" + fixed(r.p05, 1) + ", " + fixed(r.p95, 1) + "]</td></tr>\n";
    }
    h += "</tbody></table>\n";
    if (grid > kMaxRows)
      h += "<p class=\"note\">First " + std::to_string(kMaxRows) + " of " + std::to_string(grid) +
           " grid rows; all are in sweep.csv.</p>\n";
  }
  return h + "</section>\n";
}

std::string interval(double low, double high, int decimals) {
  if (!std::isfinite(low) || !std::isfinite(high)) return "–";
  return "[" + fixed(low, decimals) + ", " + fixed(high, decimals) + "]";
}

std::string sensitivity_section(const ReportInputs& in, const std::string& charts_html) {
  const Sensitivity& s = *in.sensitivity;
  std::string h = section_title("sensitivity", "Sensitivity analysis");
  h += charts_html;
  for (const std::string& output : s.outputs("sobol")) {
    h += "<h3>Sobol indices: " + html_escape(output) +
         "</h3>\n<table><thead><tr><th>parameter</th>"
         "<th class=\"num\">S1</th><th class=\"num\">interval</th><th class=\"num\">ST</th>"
         "<th class=\"num\">interval</th></tr></thead>\n<tbody>\n";
    for (const SobolBar& b : sobol_bars(s, output)) {
      const SensitivityCsvRow* s1 = s.find("sobol", output, b.parameter, "S1");
      const SensitivityCsvRow* st = s.find("sobol", output, b.parameter, "ST");
      h += "<tr><td>" + html_escape(b.parameter) + "</td><td class=\"num\">" + fixed(b.s1, 3) +
           "</td><td class=\"num\">" + interval(s1->ci_low, s1->ci_high, 3) + "</td><td class=\"num\">" +
           fixed(b.st, 3) + "</td><td class=\"num\">" + interval(st->ci_low, st->ci_high, 3) + "</td></tr>\n";
    }
    h += "</tbody></table>\n";
  }
  for (const std::string& output : s.outputs("morris")) {
    h += "<h3>Morris screening: " + html_escape(output) +
         "</h3>\n<table><thead><tr><th>parameter</th>"
         "<th class=\"num\">mu*</th><th class=\"num\">interval</th><th class=\"num\">mu</th>"
         "<th class=\"num\">sigma</th></tr></thead>\n<tbody>\n";
    for (const MorrisPoint& p : morris_points(s, output)) {
      const SensitivityCsvRow* mu_star = s.find("morris", output, p.parameter, "mu_star");
      const SensitivityCsvRow* mu = s.find("morris", output, p.parameter, "mu");
      h += "<tr><td>" + html_escape(p.parameter) + "</td><td class=\"num\">" + fixed(p.mu_star, 3) +
           "</td><td class=\"num\">" + interval(mu_star->ci_low, mu_star->ci_high, 3) +
           "</td><td class=\"num\">" + (mu ? fixed(mu->estimate, 3) : "–") + "</td><td class=\"num\">" +
           fixed(p.sigma, 3) + "</td></tr>\n";
    }
    h += "</tbody></table>\n";
  }
  return h + "</section>\n";
}

// B - A of the key headlines under each fill model and new-applicant share (fill_models.csv).
std::string fill_models_section(const ReportInputs& in) {
  const std::vector<FillModelRow>& rows = *in.fill_models;
  auto widest = [&](const std::string& prefix) {
    std::string best;
    for (const FillModelRow& r : rows)
      if (r.headline.rfind(prefix, 0) == 0 && r.headline.size() > best.size()) best = r.headline;
    return best;
  };
  const std::vector<std::pair<std::string, std::string>> columns{
      {widest("completed_trial_specialties_"), "new specialists, trial specialties"},
      {widest("completed_almen_medicin_"), "new specialists, almen medicin"},
      {widest("ordinary_filled_trial_specialties_"),
       "ordinary courses filled, trial specialties (crowd-out)"},
      {widest("completed_all_specialties_"), "new specialists, all specialties"}};
  std::string h = section_title("fill-models", "How the answer depends on how courses fill");
  h += "<p>The same comparison under the independent model (every posting fills by its own draw) and "
       "under the applicant model at three values of its central unknown, the share of extraordinary "
       "courses taken by new applicants (0: every one takes a doctor who would have taken an ordinary "
       "course; 1: every one adds a doctor). B " +
       std::string("\u2212") +
       " A, mean and 90% interval across replications.</p>\n<table>\n<tr><th>fill model</th>";
  for (const auto& [headline, label] : columns)
    if (!headline.empty()) h += "<th>" + html_escape(label) + "</th>";
  h += "</tr>\n";
  std::vector<std::string> variants;
  for (const FillModelRow& r : rows)
    if (std::find(variants.begin(), variants.end(), r.variant()) == variants.end())
      variants.push_back(r.variant());
  for (const std::string& v : variants) {
    h += "<tr><td>" + html_escape(v) + "</td>";
    for (const auto& [headline, label] : columns) {
      if (headline.empty()) continue;
      const auto it = std::find_if(rows.begin(), rows.end(), [&](const FillModelRow& r) {
        return r.variant() == v && r.headline == headline;
      });
      h +=
          "<td>" +
          (it == rows.end() ? std::string() : html_escape(signed_with_interval(it->mean, it->p05, it->p95))) +
          "</td>";
    }
    h += "</tr>\n";
  }
  return h + "</table>\n<p class=\"note\">Every headline is in fill_models.csv.</p>\n</section>\n";
}

std::string forecast_section(const ReportInputs& in, const std::string& charts_html) {
  std::string h = section_title("forecast", "Evaluation forecast");
  h += charts_html;
  const ForecastSeries f = forecast_series(*in.forecast, "extraordinary");
  if (!f.series.empty()) {
    h += "<table><thead><tr><th>extraordinary courses</th><th class=\"num\">year</th><th "
         "class=\"num\">median</th>"
         "<th class=\"num\">90% interval</th></tr></thead>\n<tbody>\n";
    for (const FanSeries& s : f.series)
      for (const YearBand& p : s.points)
        h += "<tr><td>" + html_escape(s.label) + "</td><td class=\"num\">" + std::to_string(p.year) +
             "</td><td class=\"num\">" + fixed(p.q.p50, 1) + "</td><td class=\"num\">" +
             interval(p.q.p05, p.q.p95, 1) + "</td></tr>\n";
    h += "</tbody></table>\n";
  }
  h += "<p class=\"note\">Every region, specialty and kind of course is in evaluation_forecast.csv.</p>\n";
  return h + "</section>\n";
}

std::string tier_counts(const std::vector<ParameterSource>& params) {
  std::map<std::string, int> counts;
  for (const ParameterSource& p : params) ++counts[p.tier];
  std::string s;
  for (const auto& [tier, n] : counts)
    s += (s.empty() ? "" : ", ") + std::string("<span") + attr("data-tier", tier) +
         attr("data-count", std::to_string(n)) + ">" + html_escape(tier) + " " + std::to_string(n) +
         "</span>";
  return s;
}

// Parameters that share a source, shown as one row: the source is what a reader checks.
struct SourceGroup {
  std::string tier, source;
  std::vector<const ParameterSource*> parameters;
  int uses = 0;  // headlines resting on it (assumption tier)
};

std::string common_prefix(const std::vector<const ParameterSource*>& ps) {
  std::string prefix = ps.front()->pointer;
  for (const ParameterSource* p : ps)
    while (!pointer_at_or_under(p->pointer, prefix)) prefix = prefix.substr(0, prefix.rfind('/'));
  return prefix.empty() ? "/" : prefix;
}

int tier_rank(const std::string& tier) {
  static const std::vector<std::string> order{"assumption", "override", "calibrated", "derived", "published"};
  const auto it = std::find(order.begin(), order.end(), tier);
  return static_cast<int>(it - order.begin());
}

std::vector<SourceGroup> source_groups(const ScenarioInfo& sc) {
  std::vector<SourceGroup> groups;
  std::map<std::pair<std::string, std::string>, std::size_t> index;
  for (const ParameterSource& p : *sc.parameters) {
    const auto key = std::pair{p.tier, p.source};
    auto [it, added] = index.emplace(key, groups.size());
    if (added) groups.push_back({p.tier, p.source, {}, 0});
    groups[it->second].parameters.push_back(&p);
  }
  for (SourceGroup& g : groups)
    for (const auto& [key, n] : sc.assumption_source_uses)
      for (const ParameterSource* p : g.parameters)
        if (pointer_at_or_under(p->pointer, key)) g.uses = std::max(g.uses, n);
  std::stable_sort(groups.begin(), groups.end(), [](const SourceGroup& a, const SourceGroup& b) {
    if (tier_rank(a.tier) != tier_rank(b.tier)) return tier_rank(a.tier) < tier_rank(b.tier);
    return a.uses > b.uses;
  });
  return groups;
}

std::string group_values(const SourceGroup& g) {
  constexpr std::size_t kShown = 6;
  std::string v;
  for (std::size_t i = 0; i < g.parameters.size() && i < kShown; ++i)
    v += (i ? ", " : "") + g.parameters[i]->value;
  if (g.parameters.size() > kShown) v += ", … (" + std::to_string(g.parameters.size()) + " values)";
  return v;
}

std::string provenance_section(const ReportInputs& in) {
  if (!in.summary || in.summary->scenarios.empty()) return "";
  std::string h = section_title("parameters", "Appendix: parameters and their sources");
  h +=
      "<p class=\"note\">Every number of a scenario comes with its source, whose tier says how much rests on "
      "it: <em>assumption</em> (no public figure; highlighted, and worth a sweep), <em>override</em> "
      "(<code>--set</code>; highlighted in blue), <em>calibrated</em>, <em>derived</em> (computed from "
      "published "
      "figures) and <em>published</em>. Numbers that share a source are one row; assumption-tier sources "
      "come "
      "first, those most headlines rest on at the top. <code>forlob params</code> and summary.json list "
      "every "
      "number on its own.</p>\n";
  std::map<std::string, std::string> first_rows;  // group key -> values, of the first scenario
  for (std::size_t k = 0; k < in.summary->scenarios.size(); ++k) {
    const ScenarioInfo& sc = in.summary->scenarios[k];
    h += "<h3" + attr("data-provenance", sc.name) + ">" + html_escape(sc.name) + "</h3>\n";
    if (!sc.parameters) {
      h += "<p>Sources by tier:";
      for (const auto& [tier, n] : sc.source_tiers)
        h += " " + html_escape(tier) + " " + std::to_string(n) + ";";
      h += " (this summary.json lists no parameters; a newer forlob writes them).</p>\n";
      continue;
    }
    h += "<p>" + std::to_string(sc.parameters->size()) + " parameters: " + tier_counts(*sc.parameters) + ".";
    if (k > 0)
      h += " Only the sources whose numbers differ from " + html_escape(in.summary->scenarios.front().name) +
           "'s:";
    h += "</p>\n<table class=\"parameters\"><thead><tr><th>pointer</th><th>values</th><th>tier</th>"
         "<th class=\"num\">headlines</th><th>source</th></tr></thead>\n<tbody>\n";
    std::size_t shown = 0;
    for (const SourceGroup& g : source_groups(sc)) {
      const std::string prefix = common_prefix(g.parameters);
      const std::string values = group_values(g);
      const std::string key = g.tier + "|" + g.source + "|" + prefix;
      if (k == 0)
        first_rows[key] = values;
      else if (const auto it = first_rows.find(key); it != first_rows.end() && it->second == values)
        continue;
      ++shown;
      std::string replaced;
      for (const ParameterSource* p : g.parameters)
        if (!p->replaced_by.empty()) replaced += (replaced.empty() ? "" : ", ") + p->replaced_by;
      const bool marked_row = g.tier == "assumption" || g.tier == "override";
      h += "<tr" + (marked_row ? attr("class", g.tier) : std::string()) + attr("data-pointer", prefix) +
           "><td class=\"pointer\">" + html_escape(prefix) +
           (g.parameters.size() > 1
                ? " <span class=\"note\">(" + std::to_string(g.parameters.size()) + ")</span>"
                : std::string()) +
           "</td><td class=\"value\">" + html_escape(values) + "</td><td>" + html_escape(g.tier) +
           "</td><td class=\"num\">" + (g.tier == "assumption" ? std::to_string(g.uses) : std::string()) +
           "</td><td>" + html_escape(g.source) +
           (replaced.empty()
                ? std::string()
                : " <em>(not used: replaced by <code>" + html_escape(replaced) + "</code>)</em>") +
           "</td></tr>\n";
    }
    if (shown == 0) h += "<tr><td colspan=\"5\" class=\"note\">No differences.</td></tr>\n";
    h += "</tbody></table>\n";
  }
  return h + "</section>\n";
}

}  // namespace

std::string headline_number_text(double value) {
  if (std::isfinite(value) && value == std::round(value)) return format_fixed(value, 0);
  return fixed(value, 1);
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string html_report(const ReportInputs& in, const std::vector<Chart>& charts,
                        const std::vector<RenderedChart>& rendered) {
  if (charts.size() != rendered.size())
    throw std::invalid_argument("html_report: every chart must be rendered");
  const std::string title = report_title(in);
  std::string h;
  h += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  h += "<meta name=\"generator\" content=\"forlob " FORLOB_VERSION "\">\n";
  h += "<title>" + html_escape(title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
  h += "<h1>" + html_escape(title) + "</h1>\n";
  h += "<p class=\"lead\">Monte Carlo simulation of Danish specialist training (hoveduddannelsesforløb): "
       "hiring "
       "rounds, unfilled courses, the flex scheme and the extraordinary-course trial.</p>\n";
  h += what_if_box(in);
  h += findings_section(in);
  h += headline_section(in);
  int number = 0;
  const std::string results = figures(charts, rendered, "results", number);
  if (!results.empty()) h += section_title("charts", "Charts") + results + "</section>\n";
  if (in.sweep) h += sweep_section(in, figures(charts, rendered, "sweep", number));
  if (in.sensitivity) h += sensitivity_section(in, figures(charts, rendered, "sensitivity", number));
  if (in.fill_models) h += fill_models_section(in);
  if (in.forecast) h += forecast_section(in, figures(charts, rendered, "forecast", number));
  if (in.evaluation.any())
    h += evaluation_section_html(in.evaluation, figures(charts, rendered, "evaluation", number));
  h += run_section(in);
  h += provenance_section(in);
  h += "<script>" + std::string(kImageCheck) + "</script>\n</body>\n</html>\n";
  return h;
}

}  // namespace forlob
