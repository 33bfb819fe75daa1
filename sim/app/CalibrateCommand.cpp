#include "app/CalibrateCommand.hpp"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>
#include <memory>

#include "calibration/ApplicantRecovery.hpp"
#include "calibration/CalibrationReport.hpp"
#include "calibration/FillFit.hpp"
#include "calibration/FittedApplicantsFile.hpp"
#include "calibration/FittedFillFile.hpp"
#include "calibration/PostingRecords.hpp"
#include "calibration/PublishedFigures.hpp"
#include "calibration/Recovery.hpp"
#include "calibration/TraineeRecords.hpp"
#include "core/AtomicFile.hpp"
#include "core/Errors.hpp"

namespace forlob {

namespace {

struct CalibrateOptions {
  std::string data = "calibration/data";
  std::string out = "calibration/fitted/fill.json";
  std::string applicants_out;  // empty: applicants.json beside --out
  ApplicantGridSettings applicant_grid;
  FitOptions fit;
  int recovery = 0;
  std::uint64_t seed = 20260113;
};

int calibrate(const CalibrateOptions& o) {
  namespace fs = std::filesystem;
  if (!(o.fit.grid.kappa_min < o.fit.grid.kappa_max))
    throw UsageError("--kappa-min (" + std::to_string(o.fit.grid.kappa_min) +
                     ") must be below --kappa-max (" + std::to_string(o.fit.grid.kappa_max) + ")");
  const fs::path dir(o.data);
  const std::string records_name = (fs::path(o.data) / "posting_records.csv").string();
  const std::string trainees_name = (fs::path(o.data) / "trainee_records.csv").string();
  // Everything is read and checked before anything is written.
  const PostingRecords records = read_posting_records(dir / "posting_records.csv", records_name);
  const PublishedFigures published = read_published_figures(dir, o.data);
  std::error_code ec;
  const bool have_trainees = fs::exists(dir / "trainee_records.csv", ec);
  std::vector<DelayDropoutFit> delay;
  if (have_trainees)
    delay = fit_delay_dropout(read_trainee_records(dir / "trainee_records.csv", trainees_name));

  const FillFit fit = fit_fill(records, o.fit);
  const std::vector<FittedApplicantLevel> levels = fit_applicant_levels(records, o.applicant_grid);
  write_file_atomically(o.out, fitted_fill_text(fit, {records_name}));
  const std::string applicants_out = o.applicants_out.empty()
                                         ? (fs::path(o.out).parent_path() / "applicants.json").string()
                                         : o.applicants_out;
  write_file_atomically(applicants_out, fitted_applicants_text(levels, o.applicant_grid, {records_name}));

  std::cout << "forlob calibrate: " << records.records.size() << " posting records -> " << fit.cells.size()
            << " cells, written to " << o.out << "\n";
  std::cout << "Checked " << published.rows() << " rows of published figures in " << published.files.size()
            << " files";
  for (std::size_t i = 0; i < published.files.size(); ++i)
    std::cout << (i == 0       ? ":\n  "
                  : i % 3 == 0 ? ",\n  "
                               : ", ")
              << fs::path(published.files[i]).filename().string();
  std::cout << ".\n\n";
  print_fill_fit(std::cout, fit);
  std::cout << "\nApplicant model (national series), written to " << applicants_out << "\n";
  print_applicant_levels(std::cout, levels);
  if (!published.applicant_counts.empty()) {
    std::cout << "\n";
    print_applicant_counts(std::cout, published.applicant_counts);
  }
  std::cout << "\n";
  if (have_trainees)
    print_delay_dropout(std::cout, delay);
  else
    std::cout
        << "Delay (leave, part-time) and dropout: no " << trainees_name
        << ", so they stay assumption-tier\n(no public figures on course extensions or dropout from main "
           "courses, docs/MODEL.md). Holders of trainee\nrecords can add the file (schema in "
           "calibration/README.md) and rerun.\n";
  if (o.recovery > 0) {
    RecoveryOptions r;
    r.datasets = o.recovery;
    r.seed = o.seed;
    r.grid = o.fit.grid;
    std::cout << "\n";
    print_recovery(std::cout, r, run_recovery(r));
    ApplicantRecoveryOptions a;
    a.datasets = o.recovery;
    a.seed = o.seed;
    ApplicantRecoveryOptions without = a;
    without.fit_grid = a.grid;
    without.fit_grid->sd_points = 1;
    without.fit_grid->sd_max = 1e-6;
    std::cout << "\n";
    print_applicant_recovery(std::cout, a, run_applicant_recovery(a), run_applicant_recovery(without));
  }
  return kExitOk;
}

}  // namespace

Command add_calibrate_command(CLI::App& app) {
  auto o = std::make_shared<CalibrateOptions>();
  CLI::App* cmd =
      app.add_subcommand("calibrate", "Fit the fill model from posting records and write the fitted file");
  cmd->add_option("--data", o->data, "Folder of calibration data (posting_records.csv, ...)")
      ->capture_default_str();
  cmd->add_option("--out", o->out, "Fitted file to write")->capture_default_str();
  cmd->add_option("--applicants-out", o->applicants_out,
                  "Fitted applicant-model file to write (default: applicants.json beside --out)");
  cmd->add_option("--tau", o->fit.default_tau,
                  "Between-region concentration of the regional fill means around the national one, used "
                  "when fewer than 3 regions have data (an assumption)")
      ->check(CLI::Range(0.01, 1e6))
      ->capture_default_str();
  cmd->add_option("--mean-points", o->fit.grid.mu_points, "Grid points for the mean fill rate")
      ->check(CLI::Range(20, 5000))
      ->capture_default_str();
  cmd->add_option("--kappa-points", o->fit.grid.kappa_points, "Grid points for log kappa")
      ->check(CLI::Range(2, 1000))
      ->capture_default_str();
  cmd->add_option("--kappa-min", o->fit.grid.kappa_min, "Lower end of kappa's log-uniform prior")
      ->check(CLI::Range(0.01, 1e3))
      ->capture_default_str();
  cmd->add_option("--kappa-max", o->fit.grid.kappa_max, "Upper end of kappa's log-uniform prior")
      ->check(CLI::Range(10.0, 1e8))
      ->capture_default_str();
  cmd->add_option("--recovery", o->recovery,
                  "Also run a parameter-recovery study on this many synthetic data sets")
      ->check(CLI::Range(0, 100000));
  cmd->add_option("--seed", o->seed, "Seed of the recovery study")->capture_default_str();
  return {cmd, [o] { return calibrate(*o); }};
}

}  // namespace forlob
