#include "app/ValidateHistoryCommand.hpp"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>
#include <memory>

#include "calibration/CalibrationReport.hpp"
#include "calibration/HistoryValidation.hpp"
#include "calibration/PostingRecords.hpp"
#include "core/AtomicFile.hpp"

namespace forlob {

namespace {

struct ValidateHistoryOptions {
  std::string data = "calibration/data";
  HistoryOptions history;
  std::string csv, summary_csv;
};

int run_validate_history(const ValidateHistoryOptions& o) {
  const std::string name = (std::filesystem::path(o.data) / "posting_records.csv").string();
  const PostingRecords records =
      read_posting_records(std::filesystem::path(o.data) / "posting_records.csv", name);
  const HistoryValidation v = validate_history(records, o.history);
  if (!o.csv.empty()) write_file_atomically(o.csv, history_forecasts_csv(v));
  if (!o.summary_csv.empty()) write_file_atomically(o.summary_csv, history_scores_csv(v));
  print_history_validation(std::cout, v);
  return kExitOk;
}

}  // namespace

Command add_validate_history_command(CLI::App& app) {
  auto o = std::make_shared<ValidateHistoryOptions>();
  CLI::App* cmd = app.add_subcommand(
      "validate-history", "Predict held-out years of a published fill series and score the intervals");
  cmd->add_option("--data", o->data, "Folder of calibration data (posting_records.csv)")
      ->capture_default_str();
  cmd->add_option("--fit-to", o->history.fit_to, "Last year of the fit; later years are predicted")
      ->check(CLI::Range(kFirstRecordYear, kLastRecordYear))
      ->capture_default_str();
  cmd->add_option("--specialty", o->history.specialty, "Specialty id of the series")->capture_default_str();
  cmd->add_option("--region", o->history.region, "Region of the series (Nord, Syd, Øst or all)")
      ->check(CLI::IsMember({"Nord", "Syd", "Øst", "all"}))
      ->capture_default_str();
  cmd->add_option("--kind", o->history.kind, "Kind of posting of the series")
      ->check(CLI::IsMember({"ordinary", "reposting", "carried_over", "flex", "extraordinary", "all"}))
      ->capture_default_str();
  cmd->add_option("--min-years", o->history.min_years,
                  "Rolling origin: years of history before the first forecast")
      ->check(CLI::Range(2, 50))
      ->capture_default_str();
  cmd->add_option("--csv", o->csv, "Also write the forecasts as tidy CSV to this file");
  cmd->add_option("--summary-csv", o->summary_csv, "Also write the coverage/width/error summary as tidy CSV");
  return {cmd, [o] { return run_validate_history(*o); }};
}

}  // namespace forlob
