#include "report/SensitivityCsv.hpp"

#include <algorithm>

namespace forlob {

namespace {

void add_once(std::vector<std::string>& list, const std::string& item) {
  if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
}

}  // namespace

bool Sensitivity::has(const std::string& method) const {
  return std::any_of(rows.begin(), rows.end(),
                     [&](const SensitivityCsvRow& r) { return r.method == method; });
}

std::vector<std::string> Sensitivity::outputs(const std::string& method) const {
  std::vector<std::string> out;
  for (const SensitivityCsvRow& r : rows)
    if (r.method == method) add_once(out, r.output);
  return out;
}

std::vector<std::string> Sensitivity::parameters(const std::string& method, const std::string& output) const {
  std::vector<std::string> out;
  for (const SensitivityCsvRow& r : rows)
    if (r.method == method && r.output == output) add_once(out, r.parameter);
  return out;
}

const SensitivityCsvRow* Sensitivity::find(const std::string& method, const std::string& output,
                                           const std::string& parameter, const std::string& index) const {
  for (const SensitivityCsvRow& r : rows)
    if (r.method == method && r.output == output && r.parameter == parameter && r.index == index) return &r;
  return nullptr;
}

Sensitivity read_sensitivity_csv(const TidyCsv& csv) {
  csv.require_columns({"method", "output", "parameter", "index", "estimate", "ci_low", "ci_high"});
  const std::size_t method = csv.column("method"), output = csv.column("output"),
                    parameter = csv.column("parameter"), index = csv.column("index"),
                    estimate = csv.column("estimate"), ci_low = csv.column("ci_low"),
                    ci_high = csv.column("ci_high");
  Sensitivity s;
  for (std::size_t r = 0; r < csv.rows(); ++r) {
    SensitivityCsvRow row;
    row.method = csv.text(r, method);
    if (row.method != "morris" && row.method != "sobol")
      csv.fail(r, method, "expected morris or sobol, got '" + row.method + "'");
    row.output = csv.text(r, output);
    row.parameter = csv.text(r, parameter);
    row.index = csv.text(r, index);
    const bool known = row.method == "morris"
                           ? (row.index == "mu_star" || row.index == "mu" || row.index == "sigma")
                           : (row.index == "S1" || row.index == "ST");
    if (!known)
      csv.fail(r, index,
               row.method == "morris" ? "expected mu_star, mu or sigma for morris, got '" + row.index + "'"
                                      : "expected S1 or ST for sobol, got '" + row.index + "'");
    row.estimate = csv.number(r, estimate);
    row.ci_low = csv.number_or_nan(r, ci_low);
    row.ci_high = csv.number_or_nan(r, ci_high);
    s.rows.push_back(std::move(row));
  }
  return s;
}

}  // namespace forlob
