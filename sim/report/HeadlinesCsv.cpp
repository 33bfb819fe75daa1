#include "report/HeadlinesCsv.hpp"

#include "report/QuantileColumns.hpp"

namespace forlob {

std::vector<HeadlineRow> read_headlines_csv(const TidyCsv& csv) {
  csv.require_columns({"scenario", "headline", "label", "first_year", "last_year", "mean", "p05", "p25",
                       "p50", "p75", "p95"});
  const std::size_t scenario = csv.column("scenario"), headline = csv.column("headline"),
                    label = csv.column("label"), first = csv.column("first_year"),
                    last = csv.column("last_year"), mean = csv.column("mean");
  const QuantileColumns quantiles(csv);
  const auto sd = csv.find_column("sd"), mc_se = csv.find_column("mc_se");
  std::vector<HeadlineRow> out;
  for (std::size_t r = 0; r < csv.rows(); ++r) {
    HeadlineRow h;
    h.scenario = csv.text(r, scenario);
    h.headline = csv.text(r, headline);
    if (h.headline.empty()) csv.fail(r, headline, "expected a headline name, got an empty field");
    h.label = csv.text(r, label).empty() ? h.headline : csv.text(r, label);
    h.first_year = csv.integer(r, first, 1900, 2200);
    h.last_year = csv.integer(r, last, h.first_year, 2200);
    h.mean = csv.number(r, mean);
    if (sd) h.sd = csv.number(r, *sd);
    if (mc_se) h.mc_se = csv.number(r, *mc_se);
    h.q = quantiles.read(csv, r);
    out.push_back(std::move(h));
  }
  return out;
}

}  // namespace forlob
