#include "calibration/FittedFillFile.hpp"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <set>
#include <tuple>

#include "calibration/CsvTable.hpp"
#include "calibration/PostingRecords.hpp"
#include "core/Errors.hpp"
#include "core/TextFile.hpp"
#include "scenario/JsonReader.hpp"
#include "scenario/JsonText.hpp"

namespace forlob {

namespace {

using Ordered = nlohmann::ordered_json;

double round_significant(double x, int digits) {
  if (x == 0 || !std::isfinite(x)) return x;
  const int magnitude = static_cast<int>(std::floor(std::log10(std::fabs(x))));
  return round_to(x, digits - 1 - magnitude);
}

Ordered settings_json(const FillFit& fit) {
  const FitOptions& o = fit.options;
  Ordered s;
  s["interval"] = 0.9;
  s["mean_prior"] =
      "national cells and cells without a national row: Beta(1, 1) (assumption: flat); regional cells: "
      "Beta(m tau, (1 - m) tau), m the posterior mean of the specialty's national cell of the same kind";
  s["year_concentration_prior"] = describe_kappa_prior(o.grid) +
                                  "; regional cells with a national cell: that cell's posterior of the year "
                                  "concentration";
  s["grid"] = Ordered{{"mean_points", o.grid.mu_points},
                      {"log_kappa_points", o.grid.kappa_points},
                      {"kappa_min", o.grid.kappa_min},
                      {"kappa_max", o.grid.kappa_max}};
  Ordered by = Ordered::array();
  for (const PoolingFit& p : fit.pooling)
    by.push_back(Ordered{
        {"specialty", p.specialty},
        {"kind", p.kind},
        {"regional_cells", p.regional_cells},
        {"national_mean", round_to(p.national_mean, 4)},
        {"tau", round_significant(p.tau, 4)},
        {"method", p.estimated
                       ? (p.at_bound ? "empirical Bayes (at an end of the search range)" : "empirical Bayes")
                       : "default (assumption)"}});
  s["tau"] = Ordered{{"default", o.default_tau},
                     {"default_source", "assumption: " + o.default_tau_reason},
                     {"min_regional_cells_for_estimate", o.min_regional_cells_for_tau},
                     {"search_range", {o.tau_min, o.tau_max}},
                     {"by_specialty", by}};
  s["area_rule"] =
      "assumption: a row for part of a training region (area) is representative of the whole region";
  return s;
}

FittedFillCell read_cell(const JsonReader& c) {
  c.object({"specialty", "region", "kind", "observations", "years", "posted", "filled", "mean",
            "mean_interval90", "mean_concentration", "year_concentration", "year_concentration_interval90",
            "pooled", "prior", "source"});
  FittedFillCell cell;
  const JsonReader specialty = c.at("specialty");
  cell.specialty = specialty.non_empty_string();
  if (!is_specialty_id(cell.specialty)) specialty.expected("an id of lower-case letters, digits and '_'");
  cell.region = c.at("region").choice({"Nord", "Syd", "Øst", "all"});
  cell.kind = c.at("kind").choice({"ordinary", "reposting", "carried_over", "flex", "extraordinary", "all"});
  cell.observations = c.at("observations").integer(1, JsonReader::kMaxCount);
  for (const JsonReader& y : c.at("years").array(1))
    cell.years.push_back(y.year(kFirstRecordYear, kLastRecordYear));
  cell.posted = c.at("posted").count();
  const JsonReader filled = c.at("filled");
  cell.filled = filled.count();
  if (cell.filled > cell.posted)
    filled.expected("a count at most posted (" + std::to_string(cell.posted) + ")");
  cell.mean = c.at("mean").probability();
  cell.mean_interval90 = read_interval(c.at("mean_interval90"), 0, 1, cell.mean);
  cell.mean_concentration = c.at("mean_concentration").positive_number();
  cell.year_concentration = c.at("year_concentration").positive_number();
  cell.year_concentration_interval90 =
      read_interval(c.at("year_concentration_interval90"), 0, 1e300, cell.year_concentration);
  cell.pooled = c.at("pooled").boolean();
  cell.prior = c.at("prior").non_empty_string();
  const JsonReader source = c.at("source");
  cell.source = source.string();
  if (cell.source.rfind("calibrated: ", 0) != 0 || cell.source.size() <= 12)
    source.expected("a source starting with 'calibrated: '");
  return cell;
}

}  // namespace

double round_to(double x, int decimals) {
  const double scale = std::pow(10.0, decimals);
  const double r = std::round(x * scale) / scale;
  return r == 0 ? 0.0 : r;  // no "-0"
}

std::array<double, 2> read_interval(const JsonReader& r, double min, double max, double inside) {
  const std::vector<JsonReader> v = r.array(2, 2);
  const double lo = v[0].number(min, max, "a number in range");
  const double hi = v[1].number(min, max, "a number in range");
  if (!(lo <= inside && inside <= hi)) r.expected("[low, high] with low <= the estimate <= high");
  return {lo, hi};
}

std::string fitted_fill_text(const FillFit& fit, const std::vector<std::string>& data_files) {
  Ordered doc;
  doc["format"] = kFittedFillFormat;
  doc["forlob_version"] = FORLOB_VERSION;
  doc["data"] = data_files;
  doc["method"] =
      "Beta-binomial per specialty x region x kind: mean and year concentration on a grid posterior; "
      "regional "
      "cells partially pooled toward the national cell (empirical Bayes when 3 regions have data, else a "
      "default tau)";
  doc["settings"] = settings_json(fit);
  Ordered cells = Ordered::array();
  for (const CellFit& f : fit.cells) {
    Ordered c;
    c["specialty"] = f.specialty;
    c["region"] = f.region;
    c["kind"] = f.kind;
    c["observations"] = f.observations;
    c["years"] = f.years;
    c["posted"] = f.posted;
    c["filled"] = f.filled;
    c["mean"] = round_to(f.mean, 4);
    c["mean_interval90"] = {round_to(f.mean_low, 4), round_to(f.mean_high, 4)};
    c["mean_concentration"] = round_significant(f.mean_concentration, 4);
    c["year_concentration"] = round_significant(f.year_concentration, 4);
    c["year_concentration_interval90"] = {round_significant(f.year_concentration_low, 4),
                                          round_significant(f.year_concentration_high, 4)};
    c["pooled"] = f.pooled;
    c["prior"] = f.prior;
    c["source"] = f.source;
    cells.push_back(std::move(c));
  }
  doc["cells"] = std::move(cells);
  return doc.dump(2) + "\n";
}

FittedFill read_fitted_fill(const std::filesystem::path& path, const std::string& name) {
  return parse_fitted_fill(read_text_file(path, name), name);
}

FittedFill parse_fitted_fill(const std::string& text, const std::string& name) {
  const nlohmann::json doc = parse_json_text(text, name);
  const JsonReader root(doc, name);
  root.object({"format", "forlob_version", "data", "method", "settings", "cells"});
  FittedFill out;
  out.file = name;
  const JsonReader format = root.at("format");
  if (format.string() != kFittedFillFormat) format.expected(std::string("\"") + kFittedFillFormat + "\"");
  out.forlob_version = root.at("forlob_version").non_empty_string();
  for (const JsonReader& d : root.at("data").array(1)) out.data.push_back(d.non_empty_string());
  out.method = root.at("method").non_empty_string();
  out.settings = root.at("settings").any_object().json();
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  for (const JsonReader& c : root.at("cells").array()) {
    FittedFillCell cell = read_cell(c);
    if (!seen.insert({cell.specialty, cell.region, cell.kind}).second)
      c.fail("expected one cell per specialty, region and kind; " + cell.specialty + "/" + cell.region + "/" +
             cell.kind + " comes twice");
    out.cells.push_back(std::move(cell));
  }
  return out;
}

}  // namespace forlob
