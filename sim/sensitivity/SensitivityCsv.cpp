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
    append_number(out, r.value.estimate);
    if (r.interval) {
      append_number(out, r.value.ci_low);
      append_number(out, r.value.ci_high);
    } else {
      out += ",,";
    }
    out += '\n';
  }
  return out;
}

}  // namespace forlob
