#include "calibration/HistoryValidation.hpp"

#include <algorithm>
#include <boost/math/distributions/binomial.hpp>
#include <cmath>
#include <cstdlib>

#include "calibration/FillFit.hpp"
#include "core/Errors.hpp"

namespace forlob {

std::pair<int, int> central_interval(const std::vector<double>& pmf, double level) {
  const double tail = (1 - level) / 2;
  int low = -1, high = static_cast<int>(pmf.size()) - 1;
  double cdf = 0;
  for (std::size_t y = 0; y < pmf.size(); ++y) {
    cdf += pmf[y];
    if (low < 0 && cdf > tail) low = static_cast<int>(y);
    if (cdf >= 1 - tail) {
      high = static_cast<int>(y);
      break;
    }
  }
  return {low < 0 ? high : low, high};
}

namespace {

YearForecast from_pmf(std::string method, const std::vector<YearCount>& history, const YearCount& target,
                      const std::vector<double>& pmf) {
  YearForecast f;
  f.method = std::move(method);
  f.year = target.year;
  f.posted = target.posted;
  f.observed = target.filled;
  f.first_fit_year = history.front().year;
  f.last_fit_year = history.back().year;
  for (std::size_t y = 0; y < pmf.size(); ++y) f.point += static_cast<double>(y) * pmf[y];
  std::tie(f.low50, f.high50) = central_interval(pmf, 0.5);
  std::tie(f.low90, f.high90) = central_interval(pmf, 0.9);
  // Floored at 1e-300 so that a count the forecast rules out scores large but finite.
  const double p = target.filled >= 0 && static_cast<std::size_t>(target.filled) < pmf.size()
                       ? pmf[static_cast<std::size_t>(target.filled)]
                       : 0.0;
  f.log_p = std::log(std::max(p, 1e-300));
  return f;
}

}  // namespace

YearForecast model_forecast(const FillGrid& grid, const std::vector<YearCount>& history,
                            const YearCount& target) {
  const CellLikelihood likelihood(grid, history);
  const CellPosterior posterior(likelihood, beta_prior_masses(grid, 1, 1));
  return model_forecast(posterior, history, target);
}

YearForecast model_forecast(const CellPosterior& posterior, const std::vector<YearCount>& history,
                            const YearCount& target) {
  return from_pmf("independent", history, target, posterior.predictive_pmf(target.posted));
}

YearForecast applicant_forecast(const ApplicantPosterior& posterior, const std::vector<YearCount>& history,
                                const YearCount& target) {
  return from_pmf("applicants", history, target, posterior.predictive_pmf(target.posted));
}

YearForecast naive_forecast(const std::vector<YearCount>& history, const YearCount& target) {
  const YearCount& last = history.back();
  const double rate = last.posted > 0 ? static_cast<double>(last.filled) / last.posted : 0.0;
  const boost::math::binomial_distribution<> binomial(target.posted, rate);
  std::vector<double> pmf(static_cast<std::size_t>(target.posted) + 1);
  for (std::size_t y = 0; y < pmf.size(); ++y) pmf[y] = boost::math::pdf(binomial, static_cast<double>(y));
  YearForecast f = from_pmf("naive", history, target, pmf);
  f.point = rate * target.posted;  // exactly, not the sum of the pmf
  return f;
}

std::vector<ForecastScore> score(const std::vector<YearForecast>& forecasts) {
  std::vector<ForecastScore> scores;
  for (const char* method : {"independent", "applicants", "naive"}) {
    ForecastScore s;
    s.method = method;
    for (const YearForecast& f : forecasts) {
      if (f.method != method) continue;
      ++s.points;
      s.coverage50 += f.low50 <= f.observed && f.observed <= f.high50;
      s.coverage90 += f.low90 <= f.observed && f.observed <= f.high90;
      s.width50 += f.high50 - f.low50;
      s.width90 += f.high90 - f.low90;
      s.mae += std::fabs(f.observed - f.point);
      s.log_score -= f.log_p;
    }
    if (s.points == 0) continue;
    for (double* v : {&s.coverage50, &s.coverage90, &s.width50, &s.width90, &s.mae, &s.log_score})
      *v /= s.points;
    scores.push_back(s);
  }
  return scores;
}

HistoryValidation validate_history(const PostingRecords& records, const HistoryOptions& options) {
  HistoryValidation v;
  v.options = options;
  const std::string cell = options.specialty + "/" + options.region + "/" + options.kind;
  for (const CellData& c : group_cells(records))
    if (c.specialty == options.specialty && c.region == options.region && c.kind == options.kind)
      v.series = c.years;
  if (v.series.empty())
    throw UsageError(records.file + " has no rows for " + cell + " (specialty/region/kind)");
  std::vector<YearCount> train, test;
  for (const YearCount& y : v.series) (y.year <= options.fit_to ? train : test).push_back(y);
  if (train.size() < 2 || test.empty())
    throw UsageError(cell + " in " + records.file + ": expected at least 2 years up to " +
                     std::to_string(options.fit_to) + " and 1 after it; got " + std::to_string(train.size()) +
                     " and " + std::to_string(test.size()));
  const FillGrid grid(options.grid);
  {
    // One posterior on the training years serves the summary and every held-out year.
    const CellLikelihood likelihood(grid, train);
    const CellPosterior posterior(likelihood, beta_prior_masses(grid, 1, 1));
    v.fit_mean = posterior.mu_mean();
    v.fit_mean_low = posterior.mu_quantile(0.05);
    v.fit_mean_high = posterior.mu_quantile(0.95);
    v.fit_kappa = posterior.kappa_quantile(0.5);
    const ApplicantPosterior applicants(options.applicant_grid, train);
    v.fit_level = applicants.level_quantile(0.5);
    v.fit_level_low = applicants.level_quantile(0.05);
    v.fit_level_high = applicants.level_quantile(0.95);
    v.fit_year_sd = applicants.sd_quantile(0.5);
    for (const YearCount& target : test) {
      v.holdout.push_back(model_forecast(posterior, train, target));
      v.holdout.push_back(applicant_forecast(applicants, train, target));
      v.holdout.push_back(naive_forecast(train, target));
    }
  }
  const std::size_t start = static_cast<std::size_t>(std::max(2, options.min_years));
  if (start >= v.series.size())
    throw UsageError("--min-years " + std::to_string(options.min_years) + " leaves no year to forecast: " +
                     cell + " in " + records.file + " has " + std::to_string(v.series.size()) +
                     " years; expected at most " + std::to_string(v.series.size() - 1));
  for (std::size_t t = start; t < v.series.size(); ++t) {
    const std::vector<YearCount> history(v.series.begin(), v.series.begin() + static_cast<std::ptrdiff_t>(t));
    v.rolling.push_back(model_forecast(grid, history, v.series[t]));
    v.rolling.push_back(
        applicant_forecast(ApplicantPosterior(options.applicant_grid, history), history, v.series[t]));
    v.rolling.push_back(naive_forecast(history, v.series[t]));
  }
  v.holdout_scores = score(v.holdout);
  v.rolling_scores = score(v.rolling);
  return v;
}

}  // namespace forlob
