#pragma once
// Fits the fill model from posting records: one cell per specialty × region × kind of posting
// (region "all" is the national series). Each cell has a mean fill rate μ and a year-to-year
// concentration κ, fitted as a grid posterior (GridPosterior). Regional cells are partially pooled
// toward their specialty's national level: μ_r ~ Beta(m τ, (1 − m) τ) with m the national
// posterior mean and τ the between-region concentration, estimated by empirical Bayes when enough
// regional cells have data and otherwise a stated default (an assumption). Their κ prior is the
// national cell's posterior of κ: a region rarely has enough years to say how much its own rate
// varies.
#include <string>
#include <vector>

#include "calibration/GridPosterior.hpp"
#include "calibration/PostingRecords.hpp"

namespace forlob {

struct FitOptions {
  GridSettings grid;
  double default_tau = 8;
  std::string default_tau_reason =
      "regions' fill rates differ by about 0.13 around the national level, the sd of Beta(8 m, 8 (1 - m)) "
      "at m = 0.8, as applicants queue in some places while up to half of courses go unfilled elsewhere "
      "(Jyllands-Posten 29 Apr 2023; docs/MODEL.md)";
  int min_regional_cells_for_tau = 3;     // all three regions
  double tau_min = 0.5, tau_max = 10000;  // empirical-Bayes search range
};

// The data of one cell: its rows, summed by year (a year's rounds and parts share its rate).
struct CellData {
  std::string specialty, region, kind;
  std::vector<int> lines;
  std::vector<YearCount> years;
  std::vector<std::string> parts;  // "Region Midtjylland 2018", for rows that cover part of a region
  std::vector<std::string> tiers;  // tier of each row's source
  int posted = 0, filled = 0;
};

struct CellFit {
  std::string specialty, region, kind;
  int observations = 0;  // rows
  std::vector<int> years;
  int posted = 0, filled = 0;
  double mean = 0, mean_low = 0, mean_high = 0;  // posterior mean of μ and its 90% interval
  double mean_concentration = 0;  // ν: Beta(m ν, (1 − m) ν) has the posterior mean and variance of μ
  double year_concentration = 0, year_concentration_low = 0, year_concentration_high = 0;  // κ: median, 90%
  bool pooled = false;
  std::string prior;
  std::string source;
};

struct PoolingFit {
  std::string specialty, kind;
  int regional_cells = 0;
  double national_mean = 0;
  double tau = 0;
  bool estimated = false;  // empirical Bayes; otherwise the default
  bool at_bound = false;   // the estimate is an end of the search range
};

struct FillFit {
  std::string data_file;
  FitOptions options;
  std::vector<CellFit> cells;
  std::vector<PoolingFit> pooling;
};

// Cells in a fixed order: specialty, kind, then all, Nord, Syd, Øst.
std::vector<CellData> group_cells(const PostingRecords& records);

FillFit fit_fill(const PostingRecords& records, const FitOptions& options);

// Summaries of a cell's posterior, as the fitted file reports them (unrounded).
CellFit summarise_cell(const CellData& data, const CellPosterior& posterior);

// The maximum of the marginal likelihood of the regional cells over τ (log-spaced grid search,
// then Brent's method on log τ). `at_bound` tells whether it lies at an end of the range.
double estimate_tau(const FillGrid& grid, const std::vector<const CellLikelihood*>& regional,
                    double national_mean, const std::vector<double>& kappa_prior, double tau_min,
                    double tau_max, bool* at_bound);

// The text of the prior on μ and κ that a cell was fitted with.
std::string describe_kappa_prior(const GridSettings& grid);

}  // namespace forlob
