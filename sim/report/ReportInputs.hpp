#pragma once
// Everything `forlob report` reads from an output directory, checked before anything is drawn or
// written: summary.json, yearly.csv (+ difference.csv, bands.csv), headlines.csv (or, in
// directories that predate it, the headlines in summary.json), and sweep.csv, sensitivity.csv and
// evaluation_forecast.csv and fill_models.csv when present.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "report/EvaluationSection.hpp"
#include "report/FillModelsCsv.hpp"
#include "report/ForecastCsv.hpp"
#include "report/RunSummary.hpp"
#include "report/SensitivityCsv.hpp"
#include "report/SweepCsv.hpp"
#include "report/YearlyTable.hpp"

namespace forlob {

struct ReportInputs {
  std::filesystem::path dir;
  std::optional<RunSummary> summary;
  YearlyTable yearly;
  bool has_yearly = false;
  bool has_bands = false;  // bands.csv gave the 50 % bands
  std::vector<HeadlineRow> headlines;
  bool headlines_from_csv = false;
  std::optional<Sweep> sweep;
  std::optional<Sensitivity> sensitivity;
  std::optional<std::vector<ForecastTableRow>> forecast;
  std::optional<std::vector<FillModelRow>> fill_models;  // compare --fill-models
  EvaluationInputs evaluation;  // forlob evaluate's files, when present (report/EvaluationSection)

  // Scenario names in run order (A, B) and the difference's label ("" without one).
  std::vector<std::string> scenario_names() const;
  std::string difference_label() const;
  // Every difference from the first scenario ("<B> - <A>", "<C> - <A>", ...), in run order.
  std::vector<std::string> difference_labels() const;
};

// Throws InputError naming the file, the place and what was expected when a required file is
// missing (summary.json; yearly.csv for run and compare; difference.csv for compare) or any file
// read is malformed.
ReportInputs read_report_inputs(const std::filesystem::path& dir);

}  // namespace forlob
