#pragma once
// What `forlob calibrate` and `forlob validate-history` print, and the tidy CSV of the latter.
// Plain text tables, widths counted in code points.
#include <ostream>
#include <string>
#include <vector>

#include "calibration/ApplicantRecovery.hpp"
#include "calibration/FillFit.hpp"
#include "calibration/FittedApplicantsFile.hpp"
#include "calibration/HistoryValidation.hpp"
#include "calibration/PublishedFigures.hpp"
#include "calibration/Recovery.hpp"
#include "calibration/TraineeRecords.hpp"

namespace forlob {

// cell, observations, years, posted/filled, mean with 90% interval, κ with 90% interval, pooled;
// then a line per pooled specialty saying which τ was used and why.
void print_fill_fit(std::ostream& out, const FillFit& fit);

// specialty, years, offered/filled, applicant level with 90% interval, year sd with 90% interval.
void print_applicant_levels(std::ostream& out, const std::vector<FittedApplicantLevel>& fits);

void print_delay_dropout(std::ostream& out, const std::vector<DelayDropoutFit>& fits);

void print_recovery(std::ostream& out, const RecoveryOptions& options, const RecoveryResult& result);

// Applications per post by specialty and region, summed over the rounds (nothing when there are none).
void print_applicant_counts(std::ostream& out, const std::vector<ApplicantCount>& counts);

// Coverage of the applicant fit's intervals, and of the fit that ignores between-year variation.
void print_applicant_recovery(std::ostream& out, const ApplicantRecoveryOptions& options,
                              const ApplicantRecoveryResult& result,
                              const ApplicantRecoveryResult& without_year_sd);

// Per-year forecasts (both designs) and the summary of coverage, width and error.
void print_history_validation(std::ostream& out, const HistoryValidation& v);

// design,method,year,posted,observed,first_fit_year,last_fit_year,forecast,low50,high50,low90,high90
std::string history_forecasts_csv(const HistoryValidation& v);
// design,method,points,coverage50,coverage90,width50,width90,mae,log_score
std::string history_scores_csv(const HistoryValidation& v);

}  // namespace forlob
