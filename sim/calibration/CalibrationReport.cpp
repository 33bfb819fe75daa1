#include "calibration/CalibrationReport.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "calibration/CsvTable.hpp"
#include "output/CsvFormat.hpp"
#include "output/TextTable.hpp"

namespace forlob {

namespace {

// 3 significant digits, at most 1 decimal above 10: 0.84, 27.9, 1230.
std::string concentration(double x) {
  if (x >= 100) return format_fixed(std::round(x), 0);
  if (x >= 10) return format_fixed(x, 1);
  return format_fixed(x, 2);
}

std::string interval(const std::string& lo, const std::string& hi) { return "[" + lo + ", " + hi + "]"; }

std::string percent(double share) { return format_fixed(100 * share, 0) + "%"; }

}  // namespace

void print_fill_fit(std::ostream& out, const FillFit& fit) {
  out << "Fill model from " << fit.data_file
      << ", a Beta-binomial per cell (specialty/region/kind):\n"
         "mean = posterior mean of the fill rate, kappa = year-to-year concentration a + b (median);\n"
         "90% intervals.\n";
  TextTable t({true, false, true, false, false, false, false, false, false, true});
  t.add({"cell", "rows", "years", "posted", "filled", "mean", "90% interval", "kappa", "90% interval",
         "pooled"});
  for (const CellFit& c : fit.cells)
    t.add({c.specialty + "/" + c.region + "/" + c.kind, std::to_string(c.observations),
           number_ranges(c.years), std::to_string(c.posted), std::to_string(c.filled),
           format_fixed(c.mean, 3), interval(format_fixed(c.mean_low, 3), format_fixed(c.mean_high, 3)),
           concentration(c.year_concentration),
           interval(concentration(c.year_concentration_low), concentration(c.year_concentration_high)),
           c.pooled ? "yes" : "no"});
  t.print(out, "  ");
  for (const PoolingFit& p : fit.pooling) {
    out << "  pooling " << p.specialty << " (kind " << p.kind << "): " << p.regional_cells << " regional cell"
        << (p.regional_cells == 1 ? "" : "s") << " with data, shrunk toward the national mean "
        << format_fixed(p.national_mean, 3) << "\n    with tau " << format_trimmed(p.tau, 1);
    if (p.estimated)
      out << " (empirical Bayes" << (p.at_bound ? ", at an end of the search range" : "") << ")\n";
    else
      out << " (assumption: the default, --tau; empirical Bayes needs "
          << fit.options.min_regional_cells_for_tau << " regional cells)\n";
  }
}

void print_delay_dropout(std::ostream& out, const std::vector<DelayDropoutFit>& fits) {
  out << "Delay and dropout from trainee records: dropout as a constant hazard (per year, exact Poisson 90%\n"
         "interval); extension of completed courses: probability and gamma mean in months (90% intervals).\n";
  TextTable t({true, false, false, false, false, false, false, false, false, false, false});
  t.add({"specialty", "trainees", "dropouts", "person-years", "dropout/year", "90% interval", "P(extension)",
         "90% interval", "mean months", "90% interval", "shape"});
  for (const DelayDropoutFit& f : fits)
    t.add({f.specialty, std::to_string(f.trainees), std::to_string(f.dropouts),
           format_fixed(f.person_years, 1), format_fixed(f.dropout_per_year, 4),
           interval(format_fixed(f.dropout_per_year_low, 4), format_fixed(f.dropout_per_year_high, 4)),
           format_fixed(f.extension_probability, 3),
           interval(format_fixed(f.extension_probability_low, 3),
                    format_fixed(f.extension_probability_high, 3)),
           format_fixed(f.extension_mean_months, 1),
           interval(format_fixed(f.extension_mean_low, 1), format_fixed(f.extension_mean_high, 1)),
           format_fixed(f.extension_shape, 2)});
  t.print(out, "  ");
}

void print_recovery(std::ostream& out, const RecoveryOptions& options, const RecoveryResult& result) {
  const double m = static_cast<double>(result.cases.size());
  const auto percent1 = [](double share) { return format_fixed(100 * share, 1) + "%"; };
  out << "Parameter recovery: " << result.cases.size() << " synthetic data sets of " << options.posted.size()
      << " years (posted " << options.posted.front()
      << " a year), truth drawn from the prior (mean uniform, kappa "
      << "log-uniform on [" << format_trimmed(options.grid.kappa_min) << ", "
      << format_trimmed(options.grid.kappa_max) << "]), seed " << options.seed << ".\n"
      << "  90% interval covers the true mean in " << percent1(result.mu_coverage()) << ", the true kappa in "
      << percent1(result.kappa_coverage())
      << " (binomial standard error of a 90% coverage: " << format_fixed(100 * std::sqrt(0.09 / m), 1)
      << " points)\n"
      << "  a plain binomial fit (kappa ignored) covers the true mean in "
      << percent1(result.binomial_coverage()) << "\n";
}

void print_applicant_levels(std::ostream& out, const std::vector<FittedApplicantLevel>& fits) {
  TextTable t({true, false, false, false, false, false, false});
  t.add({"specialty", "years", "offered/filled", "fill rate", "level (a year)", "90% interval",
         "year sd [90%]"});
  for (const FittedApplicantLevel& f : fits)
    t.add({f.specialty, number_ranges(f.years), std::to_string(f.offered) + "/" + std::to_string(f.filled),
           format_fixed(f.offered > 0 ? static_cast<double>(f.filled) / f.offered : 0, 3),
           format_fixed(f.level, 1),
           interval(format_fixed(f.level_interval90[0], 1), format_fixed(f.level_interval90[1], 1)),
           format_fixed(f.year_sd, 3) + " " +
               interval(format_fixed(f.year_sd_interval90[0], 3), format_fixed(f.year_sd_interval90[1], 3))});
  t.print(out, "  ");
}

void print_applicant_recovery(std::ostream& out, const ApplicantRecoveryOptions& options,
                              const ApplicantRecoveryResult& result,
                              const ApplicantRecoveryResult& without_year_sd) {
  const double m = static_cast<double>(result.cases.size());
  const auto percent1 = [](double share) { return format_fixed(100 * share, 1) + "%"; };
  out << "Applicant-model recovery: " << result.cases.size() << " synthetic series of "
      << options.offered.size() << " years (offered " << options.offered.front()
      << " a year), truth drawn from the prior (level "
      << "log-uniform on [" << format_trimmed(options.grid.level_min) << ", "
      << format_trimmed(options.grid.level_max) << "], year sd uniform on [0, "
      << format_trimmed(options.grid.sd_max) << "]), seed " << options.seed << ".\n"
      << "  90% interval covers the true level in " << percent1(result.level_coverage())
      << ", the true year sd in " << percent1(result.sd_coverage())
      << " (binomial standard error of a 90% coverage: " << format_fixed(100 * std::sqrt(0.09 / m), 1)
      << " points)\n"
      << "  a fit without between-year variation covers the true level in "
      << percent1(without_year_sd.level_coverage()) << "\n";
}

void print_applicant_counts(std::ostream& out, const std::vector<ApplicantCount>& counts) {
  if (counts.empty()) return;
  std::map<std::string, std::map<std::string, std::pair<int, int>>> sums;  // specialty, region
  std::map<std::string, std::set<std::string>> rounds;
  for (const ApplicantCount& c : counts) {
    auto& [applications, posts] = sums[c.specialty][c.region];
    applications += c.applications;
    posts += c.posts;
    rounds[c.specialty].insert(std::to_string(c.year) + " " + c.round);
  }
  out << "Applications per post (comparator specialties, each applicant counted once per region applied "
         "to):\n";
  TextTable t({true, false, false, false, false});
  t.add({"specialty", "rounds", "Nord", "Syd", "Øst"});
  for (const auto& [specialty, by_region] : sums) {
    std::vector<std::string> row{specialty, std::to_string(rounds[specialty].size())};
    for (const char* r : {"Nord", "Syd", "Øst"}) {
      const auto it = by_region.find(r);
      row.push_back(it == by_region.end() || it->second.second == 0
                        ? "-"
                        : format_fixed(static_cast<double>(it->second.first) / it->second.second, 2));
    }
    t.add(row);
  }
  t.print(out, "  ");
}

void print_history_validation(std::ostream& out, const HistoryValidation& v) {
  const HistoryOptions& o = v.options;
  out << "Fill-rate history " << o.specialty << "/" << o.region << "/" << o.kind << ", "
      << v.series.front().year << "-" << v.series.back().year << ".\nFit on " << v.series.front().year << "-"
      << o.fit_to << ": mean " << format_fixed(v.fit_mean, 3) << " "
      << interval(format_fixed(v.fit_mean_low, 3), format_fixed(v.fit_mean_high, 3)) << ", kappa (median) "
      << concentration(v.fit_kappa) << "; applicant level (median) " << format_fixed(v.fit_level, 1) << " "
      << interval(format_fixed(v.fit_level_low, 1), format_fixed(v.fit_level_high, 1)) << " a year, year sd "
      << format_fixed(v.fit_year_sd, 3) << ".\n"
      << "independent: posterior predictive (Beta-binomial mixed over the grid posterior), forecast = its "
         "mean;\n"
         "applicants: posterior predictive of min(Poisson(level x year factor), posted) mixed over its "
         "grid;\n"
         "naive: the last fitted year's fill rate x posted, intervals binomial at that rate.\n";
  const auto forecasts = [&out](const std::string& title, const std::vector<YearForecast>& rows) {
    out << "\n" << title << "\n";
    TextTable t({false, false, false, true, false, false, false, false});
    t.add({"year", "posted", "observed", "method", "fit on", "forecast", "50% interval", "90% interval"});
    for (const YearForecast& f : rows)
      t.add({std::to_string(f.year), std::to_string(f.posted), std::to_string(f.observed), f.method,
             std::to_string(f.first_fit_year) + "-" + std::to_string(f.last_fit_year),
             format_fixed(f.point, 1), interval(std::to_string(f.low50), std::to_string(f.high50)),
             interval(std::to_string(f.low90), std::to_string(f.high90))});
    t.print(out, "  ");
  };
  const auto scores = [&out](const std::string& title, const std::vector<ForecastScore>& rows) {
    out << "\n" << title << "\n";
    TextTable t({true, false, false, false, false, false, false, false});
    t.add({"method", "years", "coverage 50%", "coverage 90%", "width 50%", "width 90%", "MAE", "log score"});
    for (const ForecastScore& s : rows)
      t.add({s.method, std::to_string(s.points), percent(s.coverage50), percent(s.coverage90),
             format_fixed(s.width50, 1), format_fixed(s.width90, 1), format_fixed(s.mae, 1),
             format_fixed(s.log_score, 2)});
    t.print(out, "  ");
  };
  forecasts("Out of sample: " + std::to_string(v.holdout.front().year) + "-" +
                std::to_string(v.holdout.back().year) + " predicted from " +
                std::to_string(v.series.front().year) + "-" + std::to_string(o.fit_to),
            v.holdout);
  scores("Summary, out of sample (widths and error in courses)", v.holdout_scores);
  if (!v.rolling.empty()) {
    forecasts("Rolling origin: each year predicted from all earlier years", v.rolling);
    scores("Summary, rolling origin", v.rolling_scores);
  }
  out << "\nCoverage alone flatters wide intervals: read it with the widths and the error. The log score\n"
         "(mean -log of the probability each forecast gave the observed count; lower is better) rewards\n"
         "sharp forecasts only when they are right.\n";
}

std::string history_forecasts_csv(const HistoryValidation& v) {
  std::string out =
      "design,method,year,posted,observed,first_fit_year,last_fit_year,forecast,low50,high50,low90,high90\n";
  for (const auto& [design, rows] : {std::pair{"holdout", &v.holdout}, std::pair{"rolling", &v.rolling}})
    for (const YearForecast& f : *rows) {
      out += std::string(design) + "," + f.method + "," + std::to_string(f.year) + "," +
             std::to_string(f.posted) + "," + std::to_string(f.observed) + "," +
             std::to_string(f.first_fit_year) + "," + std::to_string(f.last_fit_year) + ",";
      append_trimmed(out, f.point, 3);
      for (int x : {f.low50, f.high50, f.low90, f.high90}) out += "," + std::to_string(x);
      out += "\n";
    }
  return out;
}

std::string history_scores_csv(const HistoryValidation& v) {
  std::string out = "design,method,points,coverage50,coverage90,width50,width90,mae,log_score\n";
  for (const auto& [design, rows] :
       {std::pair{"holdout", &v.holdout_scores}, std::pair{"rolling", &v.rolling_scores}})
    for (const ForecastScore& s : *rows) {
      out += std::string(design) + "," + s.method + "," + std::to_string(s.points);
      for (double x : {s.coverage50, s.coverage90, s.width50, s.width90, s.mae, s.log_score}) {
        out += ",";
        append_trimmed(out, x, 4);
      }
      out += "\n";
    }
  return out;
}

}  // namespace forlob
