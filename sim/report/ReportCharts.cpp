#include "report/ReportCharts.hpp"

#include <algorithm>
#include <set>

#include "report/FanChart.hpp"
#include "report/FlowsChart.hpp"
#include "report/ForecastChart.hpp"
#include "report/MorrisChart.hpp"
#include "report/SobolChart.hpp"
#include "report/TornadoChart.hpp"

namespace forlob {

namespace {

constexpr const char* kTrialHeadlinePrefix = "completed_trial_specialties_";

class ChartList {
 public:
  void add(Chart chart) {
    std::string name = file_stem(chart.name);
    for (int i = 2; !names_.insert(name).second; ++i) name = file_stem(chart.name) + "_" + std::to_string(i);
    chart.name = name;
    charts_.push_back(std::move(chart));
  }
  std::vector<Chart> take() { return std::move(charts_); }

 private:
  std::set<std::string> names_;
  std::vector<Chart> charts_;
};

Chart blank(const std::string& name, const std::string& section, const std::string& title,
            const std::string& caption) {
  Chart c;
  c.name = name;
  c.section = section;
  c.title = title;
  c.caption = caption;
  return c;
}

bool all_have_quartiles(const std::vector<FanSeries>& series) {
  return std::all_of(series.begin(), series.end(), [](const FanSeries& s) { return s.has_quartiles(); });
}

bool any_points(const std::vector<FanSeries>& series) {
  return std::any_of(series.begin(), series.end(), [](const FanSeries& s) { return s.points.size() > 1; });
}

struct Years {
  int from = 0, to = 0, hiring_end = 0;
};

Years years_of(const RunSummary& s) {
  if (s.years) return {s.years->start, s.years->followup_end, s.years->hiring_end};
  return {1900, 2200, 2200};  // whatever the files hold
}

std::optional<std::pair<int, int>> trial_years(const RunSummary& s) {
  for (const ScenarioInfo& sc : s.scenarios)
    if (sc.trial_years) return sc.trial_years;
  return std::nullopt;
}

std::optional<std::pair<int, int>> post_trial_years(const RunSummary& s) {
  if (!s.years || !s.years->has_post_trial()) return std::nullopt;
  return std::pair{s.years->end + 1, s.years->hiring_end};
}

// What the marks for the years after the plan mean, for the captions: "" when there are none.
std::string after_plan_note(const RunSummary& s) {
  std::string note;
  if (const auto post = post_trial_years(s))
    note += " " + std::to_string(post->first) + "–" + std::to_string(post->second) +
            " (tinted blue: post-trial rule): both policies hire the " + std::to_string(s.years->end) +
            " dimensioning, with no flex and no extraordinary courses.";
  if (const auto tail = incomplete_tail_from(s))
    note += " No hiring rounds after " + std::to_string(s.years->hiring_end) +
            " are simulated, so the years from " + std::to_string(*tail) +
            " (hatched: incomplete tail) count only earlier cohorts.";
  return note;
}

FanChartOptions specialist_options(const RunSummary& s, const std::string& ylabel) {
  FanChartOptions o;
  o.ylabel = ylabel;
  o.tail_from = incomplete_tail_from(s);
  o.post_trial_years = post_trial_years(s);
  o.shade_years = trial_years(s);
  if (o.shade_years)
    o.shade_label =
        "trial years " + std::to_string(o.shade_years->first) + "–" + std::to_string(o.shade_years->second);
  return o;
}

// Per year, the sum over `ids` of the cell's mean (all regions): means add up, quantiles do not, so
// the series has no bands. Years without a value are left out.
FanSeries summed_means(const YearlyTable& table, const std::string& scenario,
                       const std::vector<std::string>& ids, const std::string& metric, int from, int to) {
  FanSeries f;
  for (int year = from; year <= to; ++year) {
    double sum = 0;
    bool found = false;
    for (const std::string& id : ids)
      for (const YearValue& v : table.series({scenario, "all", id, metric}, year, year))
        if (v.mean == v.mean) {
          sum += v.mean;
          found = true;
        }
    if (!found) continue;
    Quantiles q;
    q.p50 = sum;
    f.points.push_back({year, q});
  }
  return f;
}

bool any_nonzero(const FanSeries& f) {
  return std::any_of(f.points.begin(), f.points.end(), [](const YearBand& p) { return p.q.p50 != 0; });
}

// The stock of specialists at year end: all specialties with bands, the trial specialties' means.
void add_stock_charts(const ReportInputs& in, const std::vector<std::string>& trial_ids, ChartList& list) {
  const RunSummary& s = *in.summary;
  const Years y = years_of(s);
  const std::vector<std::string> names = in.scenario_names();
  const std::string what =
      "Specialists at the end of each year, all regions: the starting stock plus new specialists less "
      "retirements and other exits (/stock). All specialties: ";
  const std::string trial_note =
      "; the four trial specialties: the sum of their means (no bands: the quantiles of a sum are not "
      "sums of quantiles; the headline table gives 2030 and 2036 with intervals).";
  std::vector<FanSeries> series;
  bool any = false;
  for (std::size_t i = 0; i < names.size(); ++i) {
    FanSeries all = fan_series(in.yearly, {names[i], "all", "all", "specialists"}, y.from, y.to);
    any = any || any_nonzero(all);
    all.label = display_name(in, names[i]) + ", all specialties";
    all.colour = palette(i);
    series.push_back(std::move(all));
  }
  if (!any) return;  // no /stock: the metric is zero
  for (std::size_t i = 0; i < names.size(); ++i) {
    FanSeries trial = summed_means(in.yearly, names[i], trial_ids, "specialists", y.from, y.to);
    trial.label = display_name(in, names[i]) + ", trial specialties (mean)";
    trial.colour = palette(names.size() + i);
    series.push_back(std::move(trial));
  }
  const std::string bands = band_note(series.front().has_quartiles());
  list.add(fan_chart(blank("specialists", "results", "Specialists at year end (the stock)",
                           what + "median and bands" + trial_note + after_plan_note(s) + " " + bands + " " +
                               source_note(in)),
                     series, specialist_options(s, "specialists at year end (persons)")));

  const std::vector<std::string> diffs = in.difference_labels();
  for (const std::string& diff : diffs) {
    const std::string suffix = diffs.size() > 1 ? "_" + file_stem(diff) : std::string();
    FanSeries all = fan_series(in.yearly, {diff, "all", "all", "specialists"}, y.from, y.to);
    all.label = "all specialties";
    all.colour = palette(0);
    FanSeries trial = summed_means(in.yearly, diff, trial_ids, "specialists", y.from, y.to);
    trial.label = "four trial specialties (mean)";
    trial.colour = palette(1);
    if (all.points.size() < 2) continue;
    FanChartOptions o = specialist_options(s, "difference in specialists at year end (persons)");
    o.zero_line = true;
    list.add(
        fan_chart(blank("difference_specialists" + suffix, "results",
                        "Difference in specialists at year end (" + display_name(in, diff) + ")",
                        what +
                            "median and bands of the difference taken replication by replication with common "
                            "random numbers" +
                            trial_note + after_plan_note(s) + " " + band_note(all.has_quartiles()) + " " +
                            source_note(in)),
                  {all, trial}, o));
  }
}

void add_simulation_charts(const ReportInputs& in, ChartList& list) {
  const RunSummary& s = *in.summary;
  const Years y = years_of(s);
  const std::vector<std::string> names = in.scenario_names();
  const std::string source = source_note(in);
  std::vector<const SpecialtyInfo*> trial;
  for (const SpecialtyInfo& sp : s.scenarios.front().specialties)
    if (sp.trial) trial.push_back(&sp);
  const std::string per_year = "new specialists per year (persons)";
  const std::string tail = after_plan_note(s);
  auto captioned = [&](const std::vector<FanSeries>& series, const std::string& what) {
    return what + tail + " " + band_note(all_have_quartiles(series)) + " " + source;
  };

  // New specialists by policy: the four together, then each.
  {
    std::vector<FanSeries> series;
    for (std::size_t i = 0; i < names.size(); ++i) {
      FanSeries f = headline_fan_series(in.headlines, names[i], kTrialHeadlinePrefix, y.from, y.to);
      f.label = display_name(in, names[i]);
      f.colour = palette(i);
      series.push_back(std::move(f));
    }
    if (any_points(series))
      list.add(fan_chart(
          blank("new_specialists_trial_specialties", "results",
                "New specialists per year, the four trial specialties together",
                captioned(series,
                          "Completed main courses in the trial specialties, all regions, summed per "
                          "replication.")),
          series, specialist_options(s, per_year)));
  }
  for (const SpecialtyInfo* sp : trial) {
    std::vector<FanSeries> series;
    for (std::size_t i = 0; i < names.size(); ++i) {
      FanSeries f = fan_series(in.yearly, {names[i], "all", sp->id, "completed"}, y.from, y.to);
      f.label = display_name(in, names[i]);
      f.colour = palette(i);
      series.push_back(std::move(f));
    }
    if (any_points(series))
      list.add(
          fan_chart(blank("new_specialists_" + sp->id, "results", "New specialists per year: " + sp->name,
                          captioned(series, "Completed main courses in " + sp->name + ", all regions.")),
                    series, specialist_options(s, per_year)));
  }
  std::vector<std::string> trial_ids;
  for (const SpecialtyInfo* sp : trial) trial_ids.push_back(sp->id);
  add_stock_charts(in, trial_ids, list);

  // Each paired difference from the first scenario, replication by replication (common random numbers).
  const std::vector<std::string> diffs = in.difference_labels();
  for (const std::string& diff : diffs) {
    const std::string what = display_name(in, diff);
    const std::string suffix = diffs.size() > 1 ? "_" + file_stem(diff) : std::string();
    const std::string pairing =
        " Difference " + what + " taken replication by replication with common random numbers. ";
    auto difference_chart = [&](const std::string& name, const std::string& title,
                                std::vector<FanSeries> series, const std::string& description,
                                bool labelled) {
      bool enough = false;
      for (std::size_t i = 0; i < series.size(); ++i) {
        if (!labelled) series[i].label = "difference";  // the title says of what
        series[i].colour = series.size() == 1 ? kDifferenceColour : palette(i);
        enough = enough || series[i].points.size() >= 2;
      }
      if (!enough) return;
      FanChartOptions o = specialist_options(s, "difference in new specialists per year (persons)");
      o.zero_line = true;
      list.add(fan_chart(
          blank(name + suffix, "results", title,
                description + tail + pairing + band_note(all_have_quartiles(series)) + " " + source),
          series, o));
    };
    difference_chart("difference_trial_specialties",
                     "Difference in new specialists per year (" + what + "), four trial specialties",
                     {headline_fan_series(in.headlines, diff, kTrialHeadlinePrefix, y.from, y.to)},
                     "Completed main courses in the four trial specialties together, all regions.", false);
    difference_chart("difference_all_specialties",
                     "Difference in new specialists per year (" + what + "), all specialties",
                     {fan_series(in.yearly, {diff, "all", "all", "completed"}, y.from, y.to)},
                     "Completed main courses in every specialty together, all regions: the net effect, "
                     "gains in some specialties less losses in others.",
                     false);
    {
      std::vector<FanSeries> regions;
      for (const char* region : {"Nord", "Syd", "Øst"}) {
        FanSeries f = fan_series(in.yearly, {diff, region, "all", "completed"}, y.from, y.to);
        f.label = region;
        regions.push_back(std::move(f));
      }
      difference_chart("difference_by_region",
                       "Difference in new specialists per year (" + what + ") by region", regions,
                       "Completed main courses in every specialty together, per training region.", true);
    }
    {
      // Means add up over years; quantiles do not, so the cumulative chart shows means only.
      std::vector<FanSeries> cumulative;
      for (const auto& [specialty, label] :
           {std::pair<std::string, std::string>{"trial", "four trial specialties"},
            {"all", "all specialties"}}) {
        FanSeries f =
            summed_means(in.yearly, diff, specialty == "all" ? std::vector<std::string>{"all"} : trial_ids,
                         "completed", y.from, y.to);
        f.label = label;
        double total = 0;
        for (YearBand& p : f.points) p.q.p50 = total += p.q.p50;
        cumulative.push_back(std::move(f));
      }
      bool enough = false;
      for (std::size_t i = 0; i < cumulative.size(); ++i) {
        cumulative[i].colour = palette(i);
        enough = enough || cumulative[i].points.size() >= 2;
      }
      if (enough) {
        FanChartOptions o = specialist_options(s, "cumulative difference in new specialists (persons)");
        o.zero_line = true;
        list.add(fan_chart(blank("cumulative_difference" + suffix, "results",
                                 "Cumulative difference in new specialists (" + what + ")",
                                 "Mean difference in completed main courses summed from " +
                                     std::to_string(y.from) + " to each year, all regions." + tail + pairing +
                                     "Lines: means (the quantiles of a sum are not sums of quantiles; the "
                                     "headline table gives the intervals of the sums). " +
                                     source),
                           cumulative, o));
      }
    }
    for (const SpecialtyInfo* sp : trial)
      difference_chart("difference_" + sp->id,
                       "Difference in new specialists per year (" + what + "): " + sp->name,
                       {fan_series(in.yearly, {diff, "all", sp->id, "completed"}, y.from, y.to)},
                       "Completed main courses in " + sp->name + ", all regions.", false);
  }

  // Flows per policy over the hiring years.
  for (const std::string& name : names) {
    const FlowsData d = flows_data(in.yearly, name, y.from, y.hiring_end);
    const bool any =
        std::any_of(d.means.front().begin(), d.means.front().end(), [](double v) { return v == v; });
    if (!any) continue;
    Chart c =
        blank("flows_" + name, "results", "Course flows per year: " + display_name(in, name),
              "All regions and specialties; mean across replications. Top: every posting (ordinary, "
              "re-posted, carried over, flex, extraordinary) and whether it was filled. Bottom: the fate of "
              "unfilled postings: re-posted two months later (R5), carried over to the spring round (R4), "
              "converted to another specialty by the flex scheme (R1-R3), handed over to another region "
              "(R10), or lapsed (given up: the capacity is lost)." +
                  after_plan_note(s) + " " + source);
    c.height = 640;
    list.add(flows_chart(std::move(c), d, post_trial_years(s)));
  }
}

void add_sweep_charts(const ReportInputs& in, ChartList& list) {
  for (const std::string& output : in.sweep->outputs()) {
    const auto t = tornado(*in.sweep, output);
    if (!t) continue;
    list.add(tornado_chart(
        blank("tornado_" + output, "sweep", "One parameter at a time: " + output,
              "Mean of " + output +
                  " across replications when one parameter alone moves from the base point " +
                  "to its lowest and to its highest swept value (common random numbers at every point); "
                  "parameters sorted by the swing, largest on top; dashed line: the base point. " +
                  source_note(in)),
        *t));
  }
}

void add_sensitivity_charts(const ReportInputs& in, ChartList& list) {
  for (const std::string& output : in.sensitivity->outputs("sobol")) {
    const std::vector<SobolBar> bars = sobol_bars(*in.sensitivity, output);
    if (bars.empty()) continue;
    list.add(sobol_chart(blank("sobol_" + output, "sensitivity", "Sobol indices: " + output,
                               "Bars: first-order index S1 (share of the variance of " + output +
                                   " due to the parameter alone) and total-order index ST (alone and in "
                                   "interactions); whiskers: "
                                   "bootstrap confidence intervals from sensitivity.csv. " +
                                   source_note(in)),
                         output, bars));
  }
  for (const std::string& output : in.sensitivity->outputs("morris")) {
    const std::vector<MorrisPoint> points = morris_points(*in.sensitivity, output);
    if (points.empty()) continue;
    list.add(morris_chart(
        blank("morris_" + output, "sensitivity", "Morris screening: " + output,
              "Each point is a parameter: mu* is the mean absolute elementary effect on " + output +
                  " (how much it matters), sigma the spread of its effects (non-linearity or interactions); "
                  "whiskers: bootstrap confidence interval of mu*. " +
                  source_note(in)),
        output, points));
  }
}

void add_forecast_chart(const ReportInputs& in, ChartList& list) {
  const ForecastSeries f = forecast_series(*in.forecast, "extraordinary");
  if (!any_points(f.series)) return;
  FanChartOptions o;
  o.ylabel = "extraordinary courses (count)";
  const std::string bands = f.summed
                                ? "Lines: expected values (means summed over regions and specialties; the "
                                  "file has no all-regions rows, so no intervals)."
                                : band_note(all_have_quartiles(f.series));
  list.add(fan_chart(
      blank("forecast_extraordinary", "forecast", "Evaluation forecast: extraordinary courses per year",
            "What the 2029 evaluation of the trial (R14) should expect to observe: extraordinary "
            "courses by measure, all regions and trial specialties. " +
                bands + " " + source_note(in)),
      f.series, o));
}

}  // namespace

std::string display_name(const ReportInputs& in, const std::string& scenario) {
  const std::vector<std::string> names = in.scenario_names();
  const std::vector<std::string> diffs = in.difference_labels();
  for (std::size_t d = 0; d < diffs.size() && d + 1 < names.size(); ++d)
    if (scenario == diffs[d]) return spaced(names[d + 1]) + " − " + spaced(names[0]);
  return spaced(scenario);
}

std::string band_note(bool quartiles) {
  if (quartiles)
    return "Line: median across replications; dark band: 50% interval (25th–75th percentile); light band: "
           "90% "
           "interval (5th–95th percentile).";
  return "Line: median across replications; band: 90% interval (5th–95th percentile).";
}

std::string source_note(const ReportInputs& in) {
  if (!in.summary) return "Source: " + in.dir.filename().string() + ".";
  const RunSummary& s = *in.summary;
  std::string note = "Source: forlob " + (s.version.empty() ? std::string("") : s.version + " ") + s.command;
  const std::vector<std::string> names = in.scenario_names();
  if (names.size() == 1) note += " of " + names[0];
  if (names.size() == 2) note += " of " + names[0] + " (A) and " + names[1] + " (B)";
  if (names.size() > 2) note += " of " + std::to_string(names.size()) + " scenarios against " + names[0];
  if (s.replications) note += ", " + std::to_string(*s.replications) + " replications";
  if (s.seed) note += ", seed " + std::to_string(*s.seed);
  return note + ".";
}

std::vector<Chart> report_charts(const ReportInputs& in) {
  ChartList list;
  if (in.summary && in.summary->is_simulation() && in.has_yearly && !in.summary->scenarios.empty())
    add_simulation_charts(in, list);
  if (in.sweep) add_sweep_charts(in, list);
  if (in.sensitivity) add_sensitivity_charts(in, list);
  if (in.forecast) add_forecast_chart(in, list);
  if (auto chart = evaluation_power_chart(in.evaluation)) list.add(std::move(*chart));
  return list.take();
}

}  // namespace forlob
