#include "report/FillModelsCsv.hpp"

namespace forlob {

std::vector<FillModelRow> read_fill_models_csv(const TidyCsv& csv) {
  const std::size_t model = csv.column("fill_model"), share = csv.column("extraordinary_new_share"),
                    headline = csv.column("headline"), a = csv.column("a_mean"), b = csv.column("b_mean"),
                    mean = csv.column("difference_mean"), p05 = csv.column("difference_p05"),
                    p50 = csv.column("difference_p50"), p95 = csv.column("difference_p95");
  std::vector<FillModelRow> rows;
  for (std::size_t r = 0; r < csv.rows(); ++r) {
    FillModelRow row;
    row.fill_model = csv.text(r, model);
    if (row.fill_model != "independent" && row.fill_model != "applicants")
      csv.fail(r, model, "independent or applicants");
    row.new_share = csv.text(r, share);
    row.headline = csv.text(r, headline);
    row.a_mean = csv.number(r, a);
    row.b_mean = csv.number(r, b);
    row.mean = csv.number(r, mean);
    row.p05 = csv.number(r, p05);
    row.p50 = csv.number(r, p50);
    row.p95 = csv.number(r, p95);
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace forlob
