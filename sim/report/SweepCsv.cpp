#include "report/SweepCsv.hpp"

#include <algorithm>
#include <limits>

#include "core/Errors.hpp"

namespace forlob {

std::vector<std::string> Sweep::outputs() const {
  std::vector<std::string> out;
  for (const SweepRow& r : rows)
    if (std::find(out.begin(), out.end(), r.output) == out.end()) out.push_back(r.output);
  return out;
}

Sweep read_sweep_csv(const TidyCsv& csv) {
  csv.require_columns({"point", "varied", "output", "mean", "p05", "p50", "p95"});
  const std::size_t point = csv.column("point"), varied = csv.column("varied"), output = csv.column("output"),
                    mean = csv.column("mean"), p05 = csv.column("p05"), p50 = csv.column("p50"),
                    p95 = csv.column("p95");
  if (output <= varied + 1)
    throw InputError(csv.file(), "line 1",
                     "expected one column per swept parameter between 'varied' and 'output'");
  Sweep sweep;
  for (std::size_t c = varied + 1; c < output; ++c) sweep.parameters.push_back(csv.header()[c]);
  for (std::size_t r = 0; r < csv.rows(); ++r) {
    SweepRow row;
    row.point = csv.integer(r, point, 0, std::numeric_limits<int>::max());
    row.varied = csv.text(r, varied);
    if (row.varied != "base" && row.varied != "grid" &&
        std::find(sweep.parameters.begin(), sweep.parameters.end(), row.varied) == sweep.parameters.end())
      csv.fail(r, varied,
               "expected 'base', 'grid' or the label of a parameter column, got '" + row.varied + "'");
    for (std::size_t c = varied + 1; c < output; ++c) row.values.push_back(csv.number_or_nan(r, c));
    row.output = csv.text(r, output);
    if (row.output.empty()) csv.fail(r, output, "expected the name of an output, got an empty field");
    row.mean = csv.number(r, mean);
    row.p05 = csv.number(r, p05);
    row.p50 = csv.number(r, p50);
    row.p95 = csv.number(r, p95);
    sweep.rows.push_back(std::move(row));
  }
  return sweep;
}

}  // namespace forlob
