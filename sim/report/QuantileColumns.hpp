#pragma once
// The five quantile columns (p05, p25, p50, p75, p95) of a tidy CSV, found once and read together,
// for the files whose rows carry a full band: bands.csv, headlines.csv, evaluation_forecast.csv.
#include <cstddef>

#include "report/Quantiles.hpp"
#include "report/TidyCsv.hpp"

namespace forlob {

struct QuantileColumns {
  std::size_t p05, p25, p50, p75, p95;

  // A missing column is the InputError of TidyCsv::column.
  explicit QuantileColumns(const TidyCsv& csv)
      : p05(csv.column("p05")),
        p25(csv.column("p25")),
        p50(csv.column("p50")),
        p75(csv.column("p75")),
        p95(csv.column("p95")) {}

  Quantiles read(const TidyCsv& csv, std::size_t row) const {
    Quantiles q;
    q.p05 = csv.number(row, p05);
    q.p25 = csv.number(row, p25);
    q.p50 = csv.number(row, p50);
    q.p75 = csv.number(row, p75);
    q.p95 = csv.number(row, p95);
    return q;
  }
};

}  // namespace forlob
