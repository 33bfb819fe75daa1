#include "sensitivity/SensitivityAnalysis.hpp"

#include "sensitivity/MorrisMethod.hpp"
#include "sensitivity/SobolMethod.hpp"

namespace forlob {

const char* method_name(SensitivityMethod method) {
  return method == SensitivityMethod::Morris ? "morris" : "sobol";
}

SensitivityDesign sensitivity_design(const std::vector<BoundParameter>& parameters,
                                     const SensitivityOptions& options) {
  SensitivityDesign d;
  const std::size_t k = parameters.size();
  if (options.method == SensitivityMethod::Sobol) {
    SaltelliDesign s = saltelli_design(k, options.base_samples);
    d.unit_points = std::move(s.unit_points);
    for (std::size_t p = 0; p < d.unit_points.size(); ++p) {
      const std::size_t within = p % s.points_per_row();
      d.block.push_back(p / s.points_per_row());
      d.role.push_back(within == SaltelliDesign::kA   ? "A"
                       : within == SaltelliDesign::kB ? "B"
                                                      : "AB:" + parameters[within - 2].spec.label);
    }
  } else {
    d.morris = morris_design(k, options.trajectories, options.levels, options.bootstrap.seed);
    d.unit_points = std::move(d.morris.unit_points);
    const std::vector<int>& moved = d.morris.moved;
    for (std::size_t p = 0; p < d.unit_points.size(); ++p) {
      d.block.push_back(p / (k + 1));
      d.role.push_back(moved[p] < 0 ? "start" : parameters[static_cast<std::size_t>(moved[p])].spec.label);
    }
  }
  for (const std::vector<double>& u : d.unit_points) {
    std::vector<double> levels(k);
    for (std::size_t i = 0; i < k; ++i) {
      const ParameterSpec& s = parameters[i].spec;
      levels[i] = u[i] >= 1 ? s.upper : s.lower + u[i] * (s.upper - s.lower);
    }
    d.points.push_back(std::move(levels));
  }
  return d;
}

SensitivityAnalysis run_sensitivity(const SimulationEvaluator& evaluator, const SensitivityOptions& options,
                                    SensitivityDesign design, const RunOptions& evaluation) {
  Evaluation e = evaluator.evaluate(design.points, evaluation);
  return analyse_sensitivity(evaluator, options, std::move(design), std::move(e));
}

SensitivityAnalysis analyse_sensitivity(const SimulationEvaluator& evaluator,
                                        const SensitivityOptions& options, SensitivityDesign design,
                                        Evaluation evaluation) {
  SensitivityAnalysis a;
  a.options = options;
  const std::vector<BoundParameter>& parameters = evaluator.parameters();
  a.design = std::move(design);
  a.evaluation = std::move(evaluation);
  const char* method = method_name(options.method);
  for (std::size_t o = 0; o < a.evaluation.outputs.size(); ++o) {
    const std::string& output = a.evaluation.outputs[o];
    const std::vector<double> y = a.evaluation.means(o);
    if (options.method == SensitivityMethod::Sobol) {
      const SobolIndices s = sobol_indices(y, parameters.size(), options.bootstrap);
      for (std::size_t i = 0; i < parameters.size(); ++i) {
        a.rows.push_back({method, output, parameters[i].spec.label, "S1", s.first[i]});
        a.rows.push_back({method, output, parameters[i].spec.label, "ST", s.total[i]});
      }
    } else {
      const std::vector<MorrisEffects> e = morris_effects(a.design.morris, y, options.bootstrap);
      for (std::size_t i = 0; i < parameters.size(); ++i) {
        a.rows.push_back({method, output, parameters[i].spec.label, "mu_star", e[i].mu_star});
        a.rows.push_back({method, output, parameters[i].spec.label, "mu", e[i].mu});
        a.rows.push_back({method, output, parameters[i].spec.label, "sigma", e[i].sigma});
      }
    }
    a.noise.push_back(replication_noise(a.evaluation, o));
  }
  return a;
}

}  // namespace forlob
