#pragma once
// Out-of-sample check of both fill models on a published series: fit a cell on the years up to
// `fit_to` and predict the filled courses of each later year given its posted courses, by the
// posterior predictive of the independent model (Beta-binomials mixed over its grid posterior) and
// of the applicant model (min(applicants, offered) mixed over its grid posterior, ApplicantFit);
// and a rolling origin that predicts every year from all earlier years. Beside them a naive
// forecast: the last observed year's fill rate times posted, with binomial intervals at that rate,
// so coverage, width and error compare like with like.
#include <string>
#include <utility>
#include <vector>

#include "calibration/ApplicantFit.hpp"
#include "calibration/GridPosterior.hpp"
#include "calibration/PostingRecords.hpp"

namespace forlob {

struct HistoryOptions {
  std::string specialty = "almen_medicin";
  std::string region = "all";
  std::string kind = "all";
  int fit_to = 2016;
  int min_years = 3;  // rolling origin: years of history before the first prediction
  GridSettings grid;
  ApplicantGridSettings applicant_grid;
};

struct YearForecast {
  std::string method;  // "independent", "applicants" or "naive"
  int year = 0, posted = 0, observed = 0;
  int first_fit_year = 0, last_fit_year = 0;
  double point = 0;  // predictive mean
  int low50 = 0, high50 = 0, low90 = 0, high90 = 0;
  double log_p = 0;  // log predictive probability of the observed count (a proper score)
};

struct ForecastScore {
  std::string method;
  int points = 0;
  double coverage50 = 0, coverage90 = 0;  // share of years inside the interval
  double width50 = 0, width90 = 0;        // mean of high - low, in courses
  double mae = 0;                         // mean |observed - point|
  double log_score = 0;                   // mean -log P(observed): lower is better
};

struct HistoryValidation {
  HistoryOptions options;
  std::vector<YearCount> series;
  double fit_mean = 0, fit_mean_low = 0, fit_mean_high = 0, fit_kappa = 0;       // the fit up to fit_to
  double fit_level = 0, fit_level_low = 0, fit_level_high = 0, fit_year_sd = 0;  // the applicant fit
  std::vector<YearForecast> holdout, rolling;  // every method's row, by year
  std::vector<ForecastScore> holdout_scores, rolling_scores;
};

// The central interval [low, high] of a distribution on 0..n with P(Y < low) <= (1 - level)/2 and
// P(Y > high) <= (1 - level)/2, so it covers at least `level`.
std::pair<int, int> central_interval(const std::vector<double>& pmf, double level);

YearForecast model_forecast(const FillGrid& grid, const std::vector<YearCount>& history,
                            const YearCount& target);
// The same from a posterior already computed on `history`.
YearForecast model_forecast(const CellPosterior& posterior, const std::vector<YearCount>& history,
                            const YearCount& target);
YearForecast applicant_forecast(const ApplicantPosterior& posterior, const std::vector<YearCount>& history,
                                const YearCount& target);
YearForecast naive_forecast(const std::vector<YearCount>& history, const YearCount& target);
std::vector<ForecastScore> score(const std::vector<YearForecast>& forecasts);

// Throws UsageError when the cell is missing or has too few years before or after fit_to.
HistoryValidation validate_history(const PostingRecords& records, const HistoryOptions& options);

}  // namespace forlob
