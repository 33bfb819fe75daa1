#include "calibration/TraineeRecords.hpp"

#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/gamma.hpp>
#include <boost/math/special_functions/beta.hpp>
#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/trigamma.hpp>
#include <cmath>
#include <map>

#include "calibration/CsvTable.hpp"
#include "calibration/PostingRecords.hpp"

namespace forlob {

namespace {

TraineeRecords to_trainee_records(const CsvTable& t) {
  t.require_columns({"specialty", "region", "start_year", "nominal_months", "months_in_course", "outcome",
                     "trainees", "source"});
  TraineeRecords out;
  out.file = t.file();
  for (const CsvRow& row : t.rows()) {
    TraineeRecord r;
    r.line = row.line;
    r.specialty = t.field(row, "specialty").id();
    r.region = t.field(row, "region").choice({"Nord", "Syd", "Øst", "all"});
    r.start_year = t.field(row, "start_year").integer(kFirstRecordYear, kLastRecordYear);
    r.nominal_months = t.field(row, "nominal_months").integer(1, 120);
    const CsvField months = t.field(row, "months_in_course");
    r.months_in_course = months.integer(0, 240);
    r.outcome = t.field(row, "outcome").choice({"completed", "dropped_out", "in_course"});
    if (r.outcome == "completed" && r.months_in_course < r.nominal_months)
      months.expected("at least nominal_months (" + std::to_string(r.nominal_months) +
                      ") for a completed course");
    r.trainees = t.field(row, "trainees").integer(1, 1'000'000);
    r.source = t.field(row, "source").source();
    out.records.push_back(std::move(r));
  }
  return out;
}

}  // namespace

TraineeRecords read_trainee_records(const std::filesystem::path& path, const std::string& name) {
  return to_trainee_records(CsvTable::read(path, name));
}

TraineeRecords parse_trainee_records(const std::string& text, const std::string& name) {
  return to_trainee_records(CsvTable::parse(text, name));
}

double gamma_shape_mle(double mean, double mean_log) {
  const double s = std::log(mean) - mean_log;  // >= 0 by Jensen; 0 when every value is the same
  constexpr double kMaxShape = 1e6;
  if (!(s > 1 / kMaxShape)) return kMaxShape;
  // Minka's starting value, then Newton's method on log k − ψ(k) − s (decreasing and convex in k).
  double k = (3 - s + std::sqrt((s - 3) * (s - 3) + 24 * s)) / (12 * s);
  for (int i = 0; i < 50; ++i) {
    const double f = std::log(k) - boost::math::digamma(k) - s;
    const double df = 1 / k - boost::math::trigamma(k);
    const double next = k - f / df;
    k = next > 0 ? next : k / 2;
    if (std::fabs(f) < 1e-13) break;
  }
  return k;
}

std::vector<DelayDropoutFit> fit_delay_dropout(const TraineeRecords& records) {
  struct Sums {
    int trainees = 0, dropouts = 0, completed = 0, extended = 0;
    double months = 0, extension_sum = 0, extension_log_sum = 0;
    std::vector<int> lines;
  };
  std::map<std::string, Sums> by;
  for (const TraineeRecord& r : records.records) {
    Sums& s = by[r.specialty];
    s.trainees += r.trainees;
    s.months += static_cast<double>(r.months_in_course) * r.trainees;
    s.lines.push_back(r.line);
    if (r.outcome == "dropped_out") s.dropouts += r.trainees;
    if (r.outcome != "completed") continue;
    s.completed += r.trainees;
    const int extension = r.months_in_course - r.nominal_months;
    if (extension <= 0) continue;
    const double x = extension - 0.5;
    s.extended += r.trainees;
    s.extension_sum += x * r.trainees;
    s.extension_log_sum += std::log(x) * r.trainees;
  }
  std::vector<DelayDropoutFit> fits;
  for (const auto& [specialty, s] : by) {
    DelayDropoutFit f;
    f.specialty = specialty;
    f.trainees = s.trainees;
    f.dropouts = s.dropouts;
    f.person_years = s.months / 12;
    if (f.person_years > 0) {
      // Garwood's exact Poisson interval: χ²(0.05; 2d)/2T and χ²(0.95; 2d + 2)/2T.
      f.hazard = f.dropouts / f.person_years;
      f.hazard_low = f.dropouts == 0 ? 0.0
                                     : boost::math::quantile(
                                           boost::math::chi_squared_distribution<>(2.0 * f.dropouts), 0.05) /
                                           (2 * f.person_years);
      f.hazard_high =
          boost::math::quantile(boost::math::chi_squared_distribution<>(2.0 * f.dropouts + 2), 0.95) /
          (2 * f.person_years);
    }
    f.dropout_per_year = 1 - std::exp(-f.hazard);
    f.dropout_per_year_low = 1 - std::exp(-f.hazard_low);
    f.dropout_per_year_high = 1 - std::exp(-f.hazard_high);
    f.completed = s.completed;
    f.extended = s.extended;
    if (s.completed > 0) {
      const double k = s.extended, n = s.completed;
      f.extension_probability = k / n;
      f.extension_probability_low = k == 0 ? 0.0 : boost::math::ibeta_inv(k, n - k + 1, 0.05);
      f.extension_probability_high = k == n ? 1.0 : boost::math::ibeta_inv(k + 1, n - k, 0.95);
    }
    if (s.extended > 0) {
      const double n = s.extended;
      f.extension_mean_months = s.extension_sum / n;
      f.extension_shape = gamma_shape_mle(f.extension_mean_months, s.extension_log_sum / n);
      // Σx ~ Gamma(n k, θ) and the mean is k θ, so mean = k Σx / G with G ~ Gamma(n k, 1).
      const boost::math::gamma_distribution<> g(n * f.extension_shape, 1.0);
      f.extension_mean_low = f.extension_shape * s.extension_sum / boost::math::quantile(g, 0.95);
      f.extension_mean_high = f.extension_shape * s.extension_sum / boost::math::quantile(g, 0.05);
    }
    f.source = "calibrated: forlob calibrate, " + records.file + " lines " + number_ranges(s.lines);
    fits.push_back(std::move(f));
  }
  return fits;
}

}  // namespace forlob
