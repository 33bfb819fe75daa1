#include "evaluate/AbcPosterior.hpp"

#include <algorithm>
#include <boost/numeric/ublas/lu.hpp>
#include <boost/numeric/ublas/matrix.hpp>
#include <boost/numeric/ublas/vector.hpp>
#include <cmath>
#include <numeric>

#include "core/Errors.hpp"

namespace forlob {

namespace ublas = boost::numeric::ublas;

namespace {

constexpr double kShareEdge = 1e-6;  // the share is kept inside (0, 1) for the logit

// Weighted least squares by the normal equations, LU-solved (Boost.uBLAS). Columns are few (the
// unknowns, or the used summaries, plus an intercept) and already standardised; a tiny ridge keeps
// collinear summaries (a region's fills that add up to another's) from making the system singular.
// `design[i]` is row i without the intercept. Returns the intercept, then one coefficient per column.
std::vector<double> weighted_least_squares(const std::vector<std::vector<double>>& design,
                                           const std::vector<double>& weights, const std::vector<double>& y) {
  const std::size_t m = design.empty() ? 1 : design.front().size() + 1;
  ublas::matrix<double> xtx(m, m, 0.0);
  ublas::vector<double> xty(m, 0.0);
  std::vector<double> row(m);
  for (std::size_t i = 0; i < design.size(); ++i) {
    if (weights[i] <= 0) continue;
    row[0] = 1;
    std::copy(design[i].begin(), design[i].end(), row.begin() + 1);
    for (std::size_t a = 0; a < m; ++a) {
      xty(a) += weights[i] * row[a] * y[i];
      for (std::size_t b = 0; b < m; ++b) xtx(a, b) += weights[i] * row[a] * row[b];
    }
  }
  double trace = 0;
  for (std::size_t a = 0; a < m; ++a) trace += xtx(a, a);
  for (std::size_t a = 1; a < m; ++a) xtx(a, a) += 1e-8 * trace / static_cast<double>(m);
  // X'WX plus a ridge is symmetric positive definite, so LU needs no pivoting (uBLAS 1.74's
  // permutation_matrix does not compile under C++20).
  if (ublas::lu_factorize(xtx) != 0) return std::vector<double>(m, 0.0);
  ublas::inplace_solve(xtx, xty, ublas::unit_lower_tag());
  ublas::inplace_solve(xtx, xty, ublas::upper_tag());
  return std::vector<double>(xty.begin(), xty.end());
}

}  // namespace

double to_working(std::size_t unknown, double value) {
  if (unknown == 0) {
    const double s = std::clamp(value, kShareEdge, 1 - kShareEdge);
    return std::log(s / (1 - s));
  }
  return std::log(value);
}

double from_working(std::size_t unknown, double value) {
  if (unknown == 0) return 1 / (1 + std::exp(-value));
  return std::exp(value);
}

QuantitySummary summarise(const std::vector<double>& values, const std::vector<double>& weights) {
  QuantitySummary q;
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return values[a] != values[b] ? values[a] < values[b] : a < b;
  });
  double total = 0, weighted = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    total += weights[i];
    weighted += weights[i] * values[i];
  }
  if (total <= 0) return q;
  q.mean = weighted / total;
  auto quantile = [&](double p) {
    double below = 0;
    for (std::size_t i : order) {
      below += weights[i];
      if (below >= p * total) return values[i];
    }
    return values[order.back()];
  };
  q.p05 = quantile(0.05);
  q.p25 = quantile(0.25);
  q.p50 = quantile(0.5);
  q.p75 = quantile(0.75);
  q.p95 = quantile(0.95);
  return q;
}

AbcInference::AbcInference(const ReferenceTable& table, const ReportingDesign& design,
                           const AbcSettings& settings, const std::string& what)
    : table_(table), design_(design), settings_(settings) {
  n_ = table.values.size();
  p_ = n_ == 0 ? 0 : table.values.front().size();
  // The summaries of every row, and which of them vary (a constant one says nothing).
  std::vector<std::vector<double>> rows(n_);
  for (std::size_t i = 0; i < n_; ++i) rows[i] = design.values(table.reports.row(i));
  for (std::size_t j = 0; j < design.summaries.size(); ++j) {
    double sum = 0, sum2 = 0;
    for (const auto& r : rows) sum += r[j];
    const double mean = n_ > 0 ? sum / static_cast<double>(n_) : 0;
    for (const auto& r : rows) sum2 += (r[j] - mean) * (r[j] - mean);
    const double sd = n_ > 1 ? std::sqrt(sum2 / static_cast<double>(n_ - 1)) : 0;
    if (sd > 0) {
      used_.push_back(j);
      mean_.push_back(mean);
      sd_.push_back(sd);
    }
  }
  if (n_ < settings.min_accepted)
    throw InputError(what, "",
                     "expected a reference table of at least " + std::to_string(settings.min_accepted) +
                         " draws, got " + std::to_string(n_));
  if (used_.empty())
    throw InputError(what, "",
                     "expected reports that the simulation can vary (fills of the trial specialties from "
                     "the trial's first year), got none: nothing to infer from");
  std::vector<std::vector<double>> standardised(n_, std::vector<double>(used_.size()));
  for (std::size_t i = 0; i < n_; ++i)
    for (std::size_t u = 0; u < used_.size(); ++u)
      standardised[i][u] = (rows[i][used_[u]] - mean_[u]) / sd_[u];
  targets_.assign(n_, std::vector<double>(p_));
  for (std::size_t i = 0; i < n_; ++i)
    for (std::size_t p = 0; p < p_; ++p) targets_[i][p] = to_working(p, table.values[i][p]);
  const std::vector<double> ones(n_, 1.0);
  projected_.assign(n_, std::vector<double>(p_));
  projection_sd_.assign(p_, 0);
  for (std::size_t p = 0; p < p_; ++p) {
    std::vector<double> y(n_);
    for (std::size_t i = 0; i < n_; ++i) y[i] = targets_[i][p];
    beta_.push_back(weighted_least_squares(standardised, ones, y));
    double sum = 0, sum2 = 0;
    std::vector<double> fitted(n_);
    for (std::size_t i = 0; i < n_; ++i) {
      double f = beta_[p][0];
      for (std::size_t u = 0; u < used_.size(); ++u) f += beta_[p][u + 1] * standardised[i][u];
      fitted[i] = f;
      sum += f;
    }
    const double mean = sum / static_cast<double>(n_);
    for (double f : fitted) sum2 += (f - mean) * (f - mean);
    projection_sd_[p] = std::sqrt(sum2 / static_cast<double>(n_ - 1));
    for (std::size_t i = 0; i < n_; ++i)
      projected_[i][p] = projection_sd_[p] > 0 ? fitted[i] / projection_sd_[p] : 0;
  }
  k_ = std::max(settings.min_accepted,
                static_cast<std::size_t>(std::llround(settings.accept * static_cast<double>(n_))));
  k_ = std::min(k_, n_);
  for (std::size_t p = 0; p < p_; ++p) {
    std::vector<double> v(n_);
    for (std::size_t i = 0; i < n_; ++i) v[i] = table.values[i][p];
    prior_.push_back(summarise(v, ones));
  }
}

std::vector<double> AbcInference::project(const std::vector<double>& summaries) const {
  std::vector<double> out(p_);
  for (std::size_t p = 0; p < p_; ++p) {
    double f = beta_[p][0];
    for (std::size_t u = 0; u < used_.size(); ++u)
      f += beta_[p][u + 1] * (summaries[used_[u]] - mean_[u]) / sd_[u];
    out[p] = projection_sd_[p] > 0 ? f / projection_sd_[p] : 0;
  }
  return out;
}

AbcPosterior AbcInference::infer(const std::vector<double>& observed) const {
  const std::vector<double> at = project(observed);
  std::vector<std::pair<double, std::size_t>> distance(n_);
  for (std::size_t i = 0; i < n_; ++i) {
    double d2 = 0;
    for (std::size_t p = 0; p < p_; ++p) d2 += (projected_[i][p] - at[p]) * (projected_[i][p] - at[p]);
    distance[i] = {d2, i};
  }
  // Pairs compare by distance, then row: the k nearest are the same whatever the order computed.
  std::partial_sort(distance.begin(), distance.begin() + static_cast<std::ptrdiff_t>(k_), distance.end());
  AbcPosterior post;
  post.tolerance = std::sqrt(distance[k_ - 1].first);
  const double h2 = distance[k_ - 1].first;
  std::vector<std::vector<double>> offsets;
  for (std::size_t a = 0; a < k_; ++a) {
    const std::size_t i = distance[a].second;
    post.rows.push_back(i);
    // Epanechnikov; with every accepted row at distance 0 (identical reports) all weigh the same.
    post.weights.push_back(h2 > 0 ? std::max(0.0, 1 - distance[a].first / h2) : 1.0);
    std::vector<double> off(p_);
    for (std::size_t p = 0; p < p_; ++p) off[p] = projected_[i][p] - at[p];
    offsets.push_back(std::move(off));
  }
  // The farthest accepted row weighs 0; if every row but one does, fall back to equal weights.
  std::size_t positive = 0;
  for (double w : post.weights) positive += w > 0 ? 1 : 0;
  if (positive < 2) std::fill(post.weights.begin(), post.weights.end(), 1.0);
  post.values.assign(k_, std::vector<double>(p_));
  for (std::size_t p = 0; p < p_; ++p) {
    std::vector<double> y(k_);
    for (std::size_t a = 0; a < k_; ++a) y[a] = targets_[post.rows[a]][p];
    std::vector<double> b;
    if (settings_.adjust) b = weighted_least_squares(offsets, post.weights, y);
    std::vector<double> adjusted(k_);
    for (std::size_t a = 0; a < k_; ++a) {
      double t = y[a];
      if (settings_.adjust)
        for (std::size_t q = 0; q < p_; ++q) t -= b[q + 1] * offsets[a][q];
      post.values[a][p] = from_working(p, t);
      adjusted[a] = post.values[a][p];
    }
    if (!settings_.marginal) post.summaries.push_back(summarise(adjusted, post.weights));
  }
  if (settings_.marginal)
    for (std::size_t p = 0; p < p_; ++p) post.summaries.push_back(marginal(p, at[p]));
  return post;
}

// The posterior of unknown p alone: distance on its own projection (a one-dimensional summary
// close to sufficient for it), the k nearest rows, Epanechnikov weights and a one-dimensional
// linear adjustment. The other unknowns' coordinates do not use up the tolerance, and one slope
// is estimated instead of one per unknown.
QuantitySummary AbcInference::marginal(std::size_t p, double at) const {
  std::vector<std::pair<double, std::size_t>> distance(n_);
  for (std::size_t i = 0; i < n_; ++i) distance[i] = {std::abs(projected_[i][p] - at), i};
  std::partial_sort(distance.begin(), distance.begin() + static_cast<std::ptrdiff_t>(k_), distance.end());
  const double h = distance[k_ - 1].first;
  std::vector<double> weights(k_), y(k_), adjusted(k_);
  std::vector<std::vector<double>> offsets(k_, std::vector<double>(1));
  for (std::size_t a = 0; a < k_; ++a) {
    const std::size_t i = distance[a].second;
    const double u = h > 0 ? distance[a].first / h : 0;
    weights[a] = std::max(0.0, 1 - u * u);
    offsets[a][0] = projected_[i][p] - at;
    y[a] = targets_[i][p];
  }
  std::size_t positive = 0;
  for (double w : weights) positive += w > 0 ? 1 : 0;
  if (positive < 2) std::fill(weights.begin(), weights.end(), 1.0);
  const std::vector<double> b =
      settings_.adjust ? weighted_least_squares(offsets, weights, y) : std::vector<double>{0, 0};
  for (std::size_t a = 0; a < k_; ++a) adjusted[a] = from_working(p, y[a] - b[1] * offsets[a][0]);
  return summarise(adjusted, weights);
}

}  // namespace forlob
