#pragma once
// Trainee records (optional calibration/data/trainee_records.csv) and the fit of course extension
// (leave, part-time) and dropout from them. No such data are public (docs/MODEL.md), so none ship and
// the scenarios' delay and dropout stay assumptions; a region or the health authority holding
// the records can drop the file in. Schema in calibration/README.md.
#include <filesystem>
#include <string>
#include <vector>

namespace forlob {

struct TraineeRecord {
  int line = 0;
  std::string specialty, region;  // region: Nord, Syd, Øst, all
  int start_year = 0;
  int nominal_months = 0;    // the course's nominal length
  int months_in_course = 0;  // until completion, dropout, or the end of follow-up (in_course)
  std::string outcome;       // completed, dropped_out, in_course
  int trainees = 1;          // identical trainees this row stands for
  std::string source;
};

struct TraineeRecords {
  std::string file;
  std::vector<TraineeRecord> records;
};

TraineeRecords read_trainee_records(const std::filesystem::path& path, const std::string& name);
TraineeRecords parse_trainee_records(const std::string& text, const std::string& name);

// Per specialty (all regions together).
struct DelayDropoutFit {
  std::string specialty;
  int trainees = 0;
  // Dropout as a constant hazard: events / person-years, exact Poisson (chi-squared) 90% interval;
  // dropout_per_year = 1 − exp(−hazard), the scenario's yearly probability.
  int dropouts = 0;
  double person_years = 0;
  double hazard = 0, hazard_low = 0, hazard_high = 0;
  double dropout_per_year = 0, dropout_per_year_low = 0, dropout_per_year_high = 0;
  // Extension of completed courses beyond nominal: probability (Clopper-Pearson 90% interval) and,
  // among extended courses, a gamma distribution (shape by maximum likelihood; 90% interval of the
  // mean with the shape held at its estimate). Whole months d are read as d − 0.5, the midpoint
  // of (d − 1, d], because extensions are counted in months begun (the simulator rounds up).
  int completed = 0, extended = 0;
  double extension_probability = 0, extension_probability_low = 0, extension_probability_high = 0;
  double extension_mean_months = 0, extension_mean_low = 0, extension_mean_high = 0;
  double extension_shape = 0;
  std::string source;
};

std::vector<DelayDropoutFit> fit_delay_dropout(const TraineeRecords& records);

// Maximum-likelihood shape k of a gamma distribution: log k − ψ(k) = log(mean x) − mean(log x).
double gamma_shape_mle(double mean, double mean_log);

}  // namespace forlob
