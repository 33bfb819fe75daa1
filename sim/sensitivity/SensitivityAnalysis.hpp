#pragma once
// `forlob sensitivity`: a Morris or Sobol design over the parameters' bounds, evaluated by the
// simulator with R replications per point (common random numbers across points), and the indices
// of every output with bootstrap intervals, plus how much of the variance is replication noise.
#include <cstddef>
#include <string>
#include <vector>

#include "sensitivity/Bootstrap.hpp"
#include "sensitivity/Evaluator.hpp"
#include "sensitivity/MorrisMethod.hpp"
#include "sensitivity/ReplicationNoise.hpp"

namespace forlob {

enum class SensitivityMethod { Morris, Sobol };

struct SensitivityOptions {
  SensitivityMethod method = SensitivityMethod::Sobol;
  std::size_t base_samples = 512;  // Sobol: N
  std::size_t trajectories = 20;   // Morris: r
  int levels = 4;                  // Morris: p
  BootstrapOptions bootstrap;
};

const char* method_name(SensitivityMethod method);

// One line of sensitivity.csv.
struct SensitivityRow {
  std::string method, output, parameter, index;
  IndexEstimate value;
};

// The design points of a method, in the parameters' levels, with what each point is.
struct SensitivityDesign {
  std::vector<std::vector<double>> points;
  std::vector<std::size_t> block;  // Sobol: row j of A, B, A_B^i; Morris: trajectory
  std::vector<std::string> role;   // "A", "B", "AB:<label>"; Morris: "start" or the label moved
  std::vector<std::vector<double>> unit_points;
  MorrisDesign morris;  // Morris only: the moves and steps (its unit points are in unit_points)
};

SensitivityDesign sensitivity_design(const std::vector<BoundParameter>& parameters,
                                     const SensitivityOptions& options);

struct SensitivityAnalysis {
  SensitivityOptions options;
  SensitivityDesign design;
  Evaluation evaluation;
  std::vector<SensitivityRow> rows;
  std::vector<ReplicationNoise> noise;  // per output
};

// Evaluates `design`, made by sensitivity_design for the evaluator's parameters and `options`.
SensitivityAnalysis run_sensitivity(const SimulationEvaluator& evaluator, const SensitivityOptions& options,
                                    SensitivityDesign design, const RunOptions& evaluation);
// The indices from an evaluation of `design` already made (e.g. merged from shards).
SensitivityAnalysis analyse_sensitivity(const SimulationEvaluator& evaluator,
                                        const SensitivityOptions& options, SensitivityDesign design,
                                        Evaluation evaluation);

}  // namespace forlob
