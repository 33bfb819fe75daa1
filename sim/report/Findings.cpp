#include "report/Findings.hpp"

#include <algorithm>
#include <cmath>

#include "output/CsvFormat.hpp"
#include "report/ReportCharts.hpp"
#include "report/SobolChart.hpp"
#include "report/TornadoChart.hpp"

namespace forlob {

namespace {

// The headline of `scenario` whose name starts with `prefix` and spans the most years.
const HeadlineRow* widest_headline(const ReportInputs& in, const std::string& scenario,
                                   const std::string& prefix) {
  const HeadlineRow* best = nullptr;
  for (const HeadlineRow& h : in.headlines) {
    if (h.scenario != scenario || h.headline.rfind(prefix, 0) != 0 || h.last_year == h.first_year) continue;
    if (h.headline.size() != prefix.size() + 9) continue;  // prefix + "YYYY_YYYY"
    if (!best || h.last_year - h.first_year > best->last_year - best->first_year) best = &h;
  }
  return best;
}

std::string year_span(const HeadlineRow& h) {
  return std::to_string(h.first_year) + "–" + std::to_string(h.last_year);
}

// The mean of a yearly cell summed over years (means add up; quantiles do not).
double summed_mean(const ReportInputs& in, const std::string& scenario, const std::string& metric, int from,
                   int to) {
  double total = 0;
  for (const YearValue& v : in.yearly.series({scenario, "all", "all", metric}, from, to))
    if (v.mean == v.mean) total += v.mean;
  return total;
}

std::string more_or_fewer(double x, const std::string& noun) {
  return format_fixed(std::abs(x), 0) + " " + (x >= 0 ? "more " : "fewer ") + noun;
}

std::string capitalised(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

bool excludes_zero(const HeadlineRow& h) { return h.q.p05 > 0 || h.q.p95 < 0; }

std::string certainty(const HeadlineRow& h) {
  return excludes_zero(h) ? "" : " The interval includes zero, so even the sign is not certain.";
}

}  // namespace

std::string signed_with_interval(double mean, double p05, double p95) {
  const auto minus = [](std::string t) { return t[0] == '-' ? "−" + t.substr(1) : t; };  // a real minus sign
  std::string m = minus(format_fixed(mean, 1));
  if (mean > 0 && m != "0.0") m = "+" + m;
  return m + " [" + minus(format_fixed(p05, 0)) + ", " + minus(format_fixed(p95, 0)) + "]";
}

std::vector<std::string> findings(const ReportInputs& in) {
  std::vector<std::string> out;
  if (!in.summary || in.headlines.empty()) return out;
  const RunSummary& s = *in.summary;
  const std::vector<std::string> names = in.scenario_names();
  const std::vector<std::string> diffs = in.difference_labels();
  const int start = s.years ? s.years->start : 0;
  const int plan_end = s.years ? s.years->end : 0;  // the flows behind a difference: the policies' years

  for (std::size_t d = 0; d < diffs.size() && d + 1 < names.size(); ++d) {
    const std::string& diff = diffs[d];
    const std::string a = spaced(names[0]), x = spaced(names[d + 1]);
    const HeadlineRow* trial = widest_headline(in, diff, "completed_trial_specialties_");
    if (trial) {
      std::string text = capitalised(x) + " against " + a + ": " +
                         signed_with_interval(trial->mean, trial->q.p05, trial->q.p95) +
                         " new specialists in the four trial specialties over " + year_span(*trial) +
                         " (mean, and in brackets the 90% interval across replications, which includes the "
                         "uncertainty about fill rates).";
      std::vector<std::string> parts;
      for (const SpecialtyInfo& sp : s.scenarios.front().specialties) {
        if (!sp.trial) continue;
        if (const HeadlineRow* h = widest_headline(in, diff, "completed_" + sp.id + "_"))
          parts.push_back(sp.name + " " + signed_with_interval(h->mean, h->q.p05, h->q.p95));
      }
      if (!parts.empty()) {
        text += " By specialty: ";
        for (std::size_t i = 0; i < parts.size(); ++i) text += (i ? "; " : "") + parts[i];
        text += ".";
      }
      out.push_back(text + certainty(*trial));
    }
    if (const HeadlineRow* all = widest_headline(in, diff, "completed_all_specialties_")) {
      std::string text = "Over all specialties the change is " +
                         signed_with_interval(all->mean, all->q.p05, all->q.p95) + " new specialists (" +
                         year_span(*all) + ").";
      if (in.has_yearly && plan_end > 0) {
        const int from = trial ? trial->first_year : start;
        const double lapsed = summed_mean(in, diff, "lapsed", from, plan_end);
        const double flex = summed_mean(in, diff, "flex_out", from, plan_end);
        const double extraordinary = summed_mean(in, diff, "extraordinary_filled", from, plan_end);
        text += " Behind it, " + std::to_string(from) + "–" + std::to_string(plan_end) + " (means): " + x +
                " converts " + more_or_fewer(flex, "unfilled courses") + " by flex, fills " +
                more_or_fewer(extraordinary, "extraordinary courses") + " and lets " +
                more_or_fewer(lapsed, "courses lapse") + " than " + a +
                "; a lapsed course is training capacity lost to every specialty.";
      }
      if (in.has_yearly) {
        // Means add up over years, so the regions' shares of the change are exact in the mean.
        std::string regions;
        for (const char* region : {"Nord", "Syd", "Øst"}) {
          double total = 0;
          for (const YearValue& v :
               in.yearly.series({diff, region, "all", "completed"}, all->first_year, all->last_year))
            if (v.mean == v.mean) total += v.mean;
          std::string shown = format_fixed(total, 1);
          if (shown[0] == '-')
            shown = "−" + shown.substr(1);
          else if (total > 0)
            shown = "+" + shown;
          regions += std::string(regions.empty() ? "" : ", ") + region + " " + shown;
        }
        text += " By region (means): " + regions + ".";
      }
      out.push_back(text + certainty(*all));
    }
    // The stock: specialists at year end in the trial specialties, each single year a headline has.
    std::vector<std::string> stock;
    for (const HeadlineRow& h : in.headlines)
      if (h.scenario == diff && h.first_year == h.last_year &&
          h.headline == "specialists_trial_specialties_" + std::to_string(h.first_year))
        stock.push_back(signed_with_interval(h.mean, h.q.p05, h.q.p95) + " in " +
                        std::to_string(h.first_year));
    if (!stock.empty()) {
      std::string text =
          "Specialists in the four trial specialties at year end (the stock, after retirements "
          "and other exits): ";
      for (std::size_t i = 0; i < stock.size(); ++i)
        text += (i ? (i + 1 == stock.size() ? " and " : ", ") : "") + stock[i];
      out.push_back(text + ".");
    }
  }

  // The first year in which any difference shows in new specialists, and what 2029 can see.
  int first_seen = 0;
  for (const HeadlineRow& h : in.headlines) {
    if (std::find(diffs.begin(), diffs.end(), h.scenario) == diffs.end() || h.first_year != h.last_year)
      continue;
    if (h.headline.rfind("completed_trial_specialties_", 0) != 0) continue;
    const bool differs = h.mean != 0 || h.q.p05 != 0 || h.q.p95 != 0;
    if (differs && (first_seen == 0 || h.first_year < first_seen)) first_seen = h.first_year;
  }
  if (first_seen > 0) {
    std::string text = "New specialists first differ in " + std::to_string(first_seen) +
                       ": a main course takes 4–4.5 years plus leave, so years before that are identical in "
                       "every replication.";
    if (first_seen > 2029)
      text +=
          " The 2029 evaluation of the trial (R14) therefore cannot see any of its specialists; it can see "
          "courses posted and filled and trainees in course";
    if (in.forecast) {
      double filled = 0;
      bool found = false;
      for (const ForecastTableRow& r : *in.forecast)
        if (r.region == "all" && r.specialty == "trial_specialties" && r.course_kind == "extraordinary" &&
            r.measure == "filled_cumulative" && r.year == 2029) {
          filled = r.mean;
          found = true;
        }
      if (found)
        text += " (about " + format_fixed(filled, 0) + " extraordinary courses filled by the end of 2029)";
    }
    if (first_seen > 2029) text += ".";
    out.push_back(text);
  }

  if (in.sweep)
    for (const std::string& output : in.sweep->outputs())
      if (const auto t = tornado(*in.sweep, output); t && !t->bars.empty()) {
        const TornadoBar& b = t->bars.front();
        out.push_back("Of the swept parameters, " + b.parameter + " matters most for " + output + ": from " +
                      format_trimmed(b.low_value, 4) + " to " + format_trimmed(b.high_value, 4) +
                      " it moves the mean from " + format_fixed(b.mean_at_low, 1) + " to " +
                      format_fixed(b.mean_at_high, 1) + " (base " + format_fixed(t->base_mean, 1) + ").");
        break;
      }
  if (in.sensitivity)
    for (const std::string& output : in.sensitivity->outputs("sobol")) {
      std::vector<SobolBar> bars = sobol_bars(*in.sensitivity, output);
      if (bars.empty()) continue;
      std::sort(bars.begin(), bars.end(), [](const SobolBar& p, const SobolBar& q) { return p.st > q.st; });
      out.push_back(bars.front().parameter + " explains about " + format_fixed(100 * bars.front().st, 0) +
                    "% of the variance of " + output + " (total Sobol index) among the parameters analysed.");
      break;
    }
  if (!in.sweep && !in.sensitivity)
    out.push_back(
        "How large these differences are depends above all on fill rates, most of them "
        "assumption-tier: a forlob sweep or forlob sensitivity run of the same scenarios, written into "
        "this directory (--out), adds that dependence here.");

  if (s.years && s.years->has_post_trial())
    out.push_back(
        "After the plan's last year, " + std::to_string(s.years->end) + ", both policies keep hiring to " +
        std::to_string(s.years->hiring_end) + " under the post-trial rule (the " +
        std::to_string(s.years->end) +
        " dimensioning, no flex, no extraordinary courses; tinted blue in the charts), so a difference "
        "after " +
        std::to_string(s.years->end) + " comes only from what the policies did until then.");
  if (const auto tail = incomplete_tail_from(s))
    out.push_back("No hiring rounds after " + std::to_string(s.years->hiring_end) +
                  " are simulated, so completions from " + std::to_string(*tail) +
                  " on count only the cohorts up to " + std::to_string(s.years->hiring_end) +
                  ": their fall is the end of the simulated intake, not a forecast (hatched in the charts).");
  if (in.fill_models) {
    // The trial's central unknown: how much of its gain is new doctors rather than doctors moved.
    std::string widest;
    for (const FillModelRow& r : *in.fill_models)
      if (r.headline.rfind("completed_trial_specialties_", 0) == 0 && r.headline.size() > widest.size())
        widest = r.headline;
    std::vector<std::string> parts;
    for (const FillModelRow& r : *in.fill_models)
      if (r.headline == widest)
        parts.push_back((r.new_share.empty()
                             ? std::string("independent model ")
                             : "applicant model with new-applicant share " + r.new_share + " ") +
                        signed_with_interval(r.mean, r.p05, r.p95));
    if (!parts.empty()) {
      std::string text =
          "How courses fill decides much of the answer: the trial's gain in the four trial specialties is ";
      for (std::size_t i = 0; i < parts.size(); ++i) text += (i ? "; " : "") + parts[i];
      out.push_back(text +
                    ". The 2029 evaluation can narrow the share only by comparing ordinary fills with "
                    "and without the trial's courses (fill_models.csv, ordinary_filled).");
    }
  }
  return out;
}

}  // namespace forlob
