#include "sensitivity/SensitivityCsv.hpp"

#include <cmath>

#include "output/CsvFormat.hpp"

namespace forlob {

namespace {

void append_number(std::string& out, double value) {
  out += ',';
  if (std::isnan(value)) return;
  if (std::isinf(value)) {
    out += value > 0 ? "inf" : "-inf";
    return;
  }
  append_trimmed(out, value, 4);
}

}  // namespace

std::string sensitivity_csv(const std::vector<SensitivityRow>& rows) {
  std::string out = "method,output,parameter,index,estimate,ci_low,ci_high\n";
  for (const SensitivityRow& r : rows) {
    append_csv_field(out, r.method);
    for (const std::string* field : {&r.output, &r.parameter, &r.index}) {
      out += ',';
      append_csv_field(out, *field);
    }
    for (double v : {r.value.estimate, r.value.ci_low, r.value.ci_high}) append_number(out, v);
    out += '\n';
  }
  return out;
}

std::string sensitivity_noise_csv(const SensitivityAnalysis& analysis) {
  std::string out = "method,output,replications,noise_variance,total_variance,noise_share\n";
  for (std::size_t o = 0; o < analysis.noise.size(); ++o) {
    const ReplicationNoise& n = analysis.noise[o];
    out += method_name(analysis.options.method);
    out += ',';
    append_csv_field(out, analysis.evaluation.outputs[o]);
    out += ',' + std::to_string(analysis.evaluation.replications);
    for (double v : {n.noise_variance, n.total_variance, n.share}) append_number(out, v);
    out += '\n';
  }
  return out;
}

}  // namespace forlob
