#pragma once
// calibration/fitted/applicants.json: the applicant model fitted to the national posting records
// (ApplicantFit), which scenarios reference at /applicants/fitted. Format
// "forlob-fitted-applicants/1" (documented in calibration/README.md). The writer is deterministic;
// the reader checks every value and names it by JSON pointer.
#include <array>
#include <filesystem>
#include <string>
#include <vector>

#include "calibration/ApplicantFit.hpp"
#include "calibration/PostingRecords.hpp"

namespace forlob {

inline constexpr const char* kFittedApplicantsFormat = "forlob-fitted-applicants/1";

struct FittedApplicantLevel {
  std::string specialty;
  int observations = 0;
  std::vector<int> years;
  int offered = 0, filled = 0;
  double level = 0;  // posterior median of applicants a year
  std::array<double, 2> level_interval90{};
  double level_log_sd = 0;  // sd of log level: the replication's level uncertainty
  double year_sd = 0;       // posterior median of the between-year sd of log applicants
  std::array<double, 2> year_sd_interval90{};
  std::string source;  // starts with "calibrated: "
};

struct FittedApplicants {
  std::string file;
  std::vector<FittedApplicantLevel> specialties;
};

// One fit per specialty with a national series (region all; kind all, else ordinary).
std::vector<FittedApplicantLevel> fit_applicant_levels(const PostingRecords& records,
                                                       const ApplicantGridSettings& settings);

std::string fitted_applicants_text(const std::vector<FittedApplicantLevel>& fits,
                                   const ApplicantGridSettings& settings,
                                   const std::vector<std::string>& data_files);

FittedApplicants read_fitted_applicants(const std::filesystem::path& path, const std::string& name);
FittedApplicants parse_fitted_applicants(const std::string& text, const std::string& name);

}  // namespace forlob
