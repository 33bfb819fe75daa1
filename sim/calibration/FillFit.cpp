#include "calibration/FillFit.hpp"

#include <boost/math/tools/minima.hpp>
#include <cmath>
#include <map>
#include <memory>
#include <tuple>

#include "calibration/CsvTable.hpp"
#include "output/CsvFormat.hpp"
#include "scenario/Scenario.hpp"

namespace forlob {

namespace {

int region_order(const std::string& region) {
  if (region == "all") return 0;
  if (region == "Nord") return 1;
  if (region == "Syd") return 2;
  return 3;
}

std::string tier_counts(const std::vector<std::string>& tiers) {
  std::map<std::string, int> n;
  for (const std::string& t : tiers) ++n[t];
  std::string out;
  for (const auto& [tier, count] : n) out += (out.empty() ? "" : ", ") + tier + " " + std::to_string(count);
  return out;
}

std::string cell_source(const CellData& c, const std::string& file) {
  std::string s = "calibrated: forlob calibrate, Beta-binomial grid posterior, " + file + " lines " +
                  number_ranges(c.lines) + " (";
  if (!c.parts.empty()) {
    for (std::size_t i = 0; i < c.parts.size(); ++i) s += (i ? ", " : "") + c.parts[i];
    s += c.parts.size() == 1 ? " is" : " are";
    s += " taken as representative of " + c.region + " (assumption); ";
  }
  return s + "rows' sources: " + tier_counts(c.tiers) + ")";
}

}  // namespace

std::string describe_kappa_prior(const GridSettings& grid) {
  return "log-uniform on [" + format_trimmed(grid.kappa_min, 3) + ", " + format_trimmed(grid.kappa_max, 3) +
         "] for the year concentration (assumption: from rates that swing widely between years to "
         "practically binomial)";
}

std::vector<CellData> group_cells(const PostingRecords& records) {
  using Key = std::tuple<std::string, std::string, int>;  // specialty, kind, region order
  std::map<Key, CellData> cells;
  std::map<Key, std::map<int, YearCount>> years;
  for (const PostingRecord& r : records.records) {
    const Key key{r.specialty, r.kind, region_order(r.region)};
    CellData& c = cells[key];
    c.specialty = r.specialty;
    c.region = r.region;
    c.kind = r.kind;
    c.lines.push_back(r.line);
    c.posted += r.posted;
    c.filled += r.filled;
    c.tiers.push_back(source_tier(r.source));
    if (!r.area.empty()) c.parts.push_back(r.area + " " + std::to_string(r.year));
    YearCount& y = years[key][r.year];
    y.year = r.year;
    y.posted += r.posted;
    y.filled += r.filled;
  }
  std::vector<CellData> out;
  for (auto& [key, c] : cells) {
    for (const auto& [year, count] : years[key]) c.years.push_back(count);
    out.push_back(std::move(c));
  }
  return out;
}

CellFit summarise_cell(const CellData& data, const CellPosterior& posterior) {
  CellFit f;
  f.specialty = data.specialty;
  f.region = data.region;
  f.kind = data.kind;
  f.observations = static_cast<int>(data.lines.size());
  for (const YearCount& y : data.years) f.years.push_back(y.year);
  f.posted = data.posted;
  f.filled = data.filled;
  f.mean = posterior.mu_mean();
  f.mean_low = posterior.mu_quantile(0.05);
  f.mean_high = posterior.mu_quantile(0.95);
  // Beta(m ν, (1 − m) ν) has variance m (1 − m) / (ν + 1).
  f.mean_concentration = f.mean * (1 - f.mean) / posterior.mu_variance() - 1;
  f.year_concentration = posterior.kappa_quantile(0.5);
  f.year_concentration_low = posterior.kappa_quantile(0.05);
  f.year_concentration_high = posterior.kappa_quantile(0.95);
  return f;
}

double estimate_tau(const FillGrid& grid, const std::vector<const CellLikelihood*>& regional,
                    double national_mean, const std::vector<double>& kappa_prior, double tau_min,
                    double tau_max, bool* at_bound) {
  const auto minus_log_evidence = [&](double log_tau) {
    const double tau = std::exp(log_tau);
    const std::vector<double> prior = beta_prior_masses(grid, national_mean * tau, (1 - national_mean) * tau);
    double sum = 0;
    for (const CellLikelihood* l : regional) sum += CellPosterior(*l, prior, kappa_prior).log_evidence();
    return -sum;
  };
  constexpr int kCoarse = 41;
  const double lo = std::log(tau_min), hi = std::log(tau_max), step = (hi - lo) / (kCoarse - 1);
  int best = 0;
  double best_value = minus_log_evidence(lo);
  for (int k = 1; k < kCoarse; ++k) {
    const double v = minus_log_evidence(lo + k * step);
    if (v < best_value) {
      best = k;
      best_value = v;
    }
  }
  const double left = lo + std::max(0, best - 1) * step, right = lo + std::min(kCoarse - 1, best + 1) * step;
  const auto [log_tau, value] = boost::math::tools::brent_find_minima(minus_log_evidence, left, right, 30);
  const double chosen = value <= best_value ? log_tau : lo + best * step;
  if (at_bound) *at_bound = chosen - lo < step / 2 || hi - chosen < step / 2;
  return std::exp(chosen);
}

FillFit fit_fill(const PostingRecords& records, const FitOptions& options) {
  FillFit fit;
  fit.data_file = records.file;
  fit.options = options;
  const FillGrid grid(options.grid);
  const std::vector<double> flat = beta_prior_masses(grid, 1, 1);
  const std::string kappa_prior_text = describe_kappa_prior(options.grid);
  const std::vector<CellData> cells = group_cells(records);

  for (std::size_t first = 0; first < cells.size();) {
    std::size_t last = first;  // cells of one specialty and kind: [first, last)
    while (last < cells.size() && cells[last].specialty == cells[first].specialty &&
           cells[last].kind == cells[first].kind)
      ++last;
    const bool has_national = cells[first].region == "all";
    double national_mean = 0;
    std::vector<double> kappa_prior;  // empty: log-uniform
    if (has_national) {
      const CellLikelihood l(grid, cells[first].years);
      const CellPosterior national(l, flat);
      kappa_prior = national.kappa_marginal();
      CellFit f = summarise_cell(cells[first], national);
      f.prior = "Beta(1, 1) on the mean (assumption: flat); " + kappa_prior_text;
      f.source = cell_source(cells[first], records.file);
      national_mean = f.mean;
      fit.cells.push_back(std::move(f));
    }
    const std::size_t regional_first = has_national ? first + 1 : first;
    std::vector<std::unique_ptr<CellLikelihood>> likelihoods;
    std::vector<const CellLikelihood*> regional;
    for (std::size_t c = regional_first; c < last; ++c) {
      likelihoods.push_back(std::make_unique<CellLikelihood>(grid, cells[c].years));
      regional.push_back(likelihoods.back().get());
    }
    std::vector<double> prior = flat;
    std::string prior_text = "Beta(1, 1) on the mean (assumption: flat; no national row for " +
                             cells[first].specialty + ", kind " + cells[first].kind + " to pool toward); " +
                             kappa_prior_text;
    if (has_national && !regional.empty()) {
      PoolingFit pool;
      pool.specialty = cells[first].specialty;
      pool.kind = cells[first].kind;
      pool.regional_cells = static_cast<int>(regional.size());
      pool.national_mean = national_mean;
      std::string why;
      if (pool.regional_cells >= options.min_regional_cells_for_tau) {
        pool.tau = estimate_tau(grid, regional, national_mean, kappa_prior, options.tau_min, options.tau_max,
                                &pool.at_bound);
        pool.estimated = true;
        why = "calibrated: empirical Bayes, the maximum of the regional cells' marginal likelihood" +
              std::string(pool.at_bound ? ", at an end of the search range" : "");
      } else {
        pool.tau = options.default_tau;
        why = "assumption: default between-region concentration, as fewer than " +
              std::to_string(options.min_regional_cells_for_tau) + " regional cells have data; " +
              options.default_tau_reason;
      }
      prior = beta_prior_masses(grid, national_mean * pool.tau, (1 - national_mean) * pool.tau);
      prior_text =
          "Beta centred on " + pool.specialty + "/all (posterior mean " + format_fixed(national_mean, 4) +
          "), tau " + format_trimmed(pool.tau, 2) + " (" + why + "); year concentration: the posterior of " +
          pool.specialty +
          "/all (assumption: a region's year-to-year variation is like the nation's; it may be larger)";
      fit.pooling.push_back(pool);
    }
    for (std::size_t c = regional_first; c < last; ++c) {
      CellFit f = summarise_cell(cells[c], CellPosterior(*regional[c - regional_first], prior, kappa_prior));
      f.pooled = has_national;
      f.prior = prior_text;
      f.source = cell_source(cells[c], records.file);
      fit.cells.push_back(std::move(f));
    }
    first = last;
  }
  return fit;
}

}  // namespace forlob
