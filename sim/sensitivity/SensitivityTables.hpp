#pragma once
// The short tables `forlob sweep` and `forlob sensitivity` print: plain text, columns aligned by
// display width (UTF-8), one block per output.
#include <cstddef>
#include <ostream>

#include "sensitivity/Evaluator.hpp"
#include "sensitivity/SensitivityAnalysis.hpp"
#include "sensitivity/SweepDesign.hpp"

namespace forlob {

// At most max_rows points per output; the rest are in sweep.csv.
void print_sweep_table(std::ostream& out, const SweepDesign& design, const SimulationEvaluator& evaluator,
                       const Evaluation& evaluation, std::size_t max_rows);

// Per output, parameters by decreasing ST (Sobol) or mu* (Morris), then the replication noise.
void print_sensitivity_table(std::ostream& out, const SensitivityAnalysis& analysis,
                             const SimulationEvaluator& evaluator);

}  // namespace forlob
