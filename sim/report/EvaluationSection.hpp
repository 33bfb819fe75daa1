#pragma once
// The report's section on `forlob evaluate` (sim/evaluate), when the directory holds its files:
// evaluation_posterior.csv (the posterior of the trial's unknowns and the headline's posterior
// predictive, from --observed) and evaluation_power.csv (how often the 2029 evaluation's interval
// of the new-applicant share excludes 0 and 1, per reporting design and true share, from --power).
// One chart, power against the true share per design, and the tables.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "report/Chart.hpp"

namespace forlob {

struct EvaluationPowerRow {
  std::string design;
  double true_share = 0;
  double evaluations = 0, excludes_zero = 0, excludes_one = 0, mean_width = 0;
};

struct EvaluationPosteriorRow {
  std::string quantity;
  double mean = 0, p05 = 0, p95 = 0, prior_p05 = 0, prior_p95 = 0;  // prior NaN when not given
};

struct EvaluationInputs {
  std::optional<std::vector<EvaluationPowerRow>> power;
  std::optional<std::vector<EvaluationPosteriorRow>> posterior;
  bool any() const { return power || posterior; }
};

// Reads whichever of the two files `dir` holds; a malformed one is an InputError (file, line, column).
EvaluationInputs read_evaluation_inputs(const std::filesystem::path& dir);

// The power chart (section "evaluation"), when evaluation_power.csv is there.
std::optional<Chart> evaluation_power_chart(const EvaluationInputs& in);

// The section's HTML, with the rendered charts of section "evaluation" in `charts_html`.
std::string evaluation_section_html(const EvaluationInputs& in, const std::string& charts_html);

}  // namespace forlob
