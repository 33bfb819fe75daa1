#include "calibration/FittedApplicantsFile.hpp"

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "calibration/CsvTable.hpp"
#include "calibration/FillFit.hpp"
#include "calibration/FittedFillFile.hpp"
#include "core/TextFile.hpp"
#include "output/CsvFormat.hpp"
#include "scenario/JsonReader.hpp"
#include "scenario/JsonText.hpp"

namespace forlob {

namespace {

using Ordered = nlohmann::ordered_json;

}  // namespace

std::vector<FittedApplicantLevel> fit_applicant_levels(const PostingRecords& records,
                                                       const ApplicantGridSettings& settings) {
  // A specialty's national series: every posting ("all") where published, else first postings.
  std::map<std::string, const CellData*> series;
  const std::vector<CellData> cells = group_cells(records);
  for (const CellData& c : cells) {
    if (c.region != "all" || (c.kind != "all" && c.kind != "ordinary")) continue;
    auto [it, fresh] = series.emplace(c.specialty, &c);
    if (!fresh && c.kind == "all") it->second = &c;
  }
  std::vector<FittedApplicantLevel> out;
  for (const auto& [specialty, c] : series) {
    const ApplicantPosterior posterior(settings, c->years);
    FittedApplicantLevel f;
    f.specialty = specialty;
    f.observations = static_cast<int>(c->lines.size());
    for (const YearCount& y : c->years) f.years.push_back(y.year);
    f.offered = c->posted;
    f.filled = c->filled;
    f.level = posterior.level_quantile(0.5);
    f.level_interval90 = {posterior.level_quantile(0.05), posterior.level_quantile(0.95)};
    f.level_log_sd = posterior.log_level_sd();
    f.year_sd = posterior.sd_quantile(0.5);
    f.year_sd_interval90 = {posterior.sd_quantile(0.05), posterior.sd_quantile(0.95)};
    std::map<std::string, int> tiers;
    for (const std::string& t : c->tiers) ++tiers[t];
    std::string tier_text;
    for (const auto& [t, n] : tiers)
      tier_text += (tier_text.empty() ? "" : ", ") + std::to_string(n) + " " + t;
    f.source =
        "calibrated: forlob calibrate, applicant model min(Poisson(level x year factor), offered) on a "
        "grid posterior, " +
        records.file + " lines " + number_ranges(c->lines) + " (national " + c->kind +
        " postings; rows' sources: " + tier_text + ")";
    out.push_back(std::move(f));
  }
  return out;
}

std::string fitted_applicants_text(const std::vector<FittedApplicantLevel>& fits,
                                   const ApplicantGridSettings& g,
                                   const std::vector<std::string>& data_files) {
  Ordered doc;
  doc["format"] = kFittedApplicantsFormat;
  doc["forlob_version"] = FORLOB_VERSION;
  doc["data"] = data_files;
  doc["method"] =
      "per specialty, national series: year t fills min(A_t, offered_t) with A_t ~ Poisson(level g_t), "
      "g_t = exp(sd z - sd^2/2), z standard normal; grid posterior of (level, sd); the fill rate is filled / "
      "offered, each course once per round";
  doc["settings"] = Ordered{
      {"interval", 0.9},
      {"level_prior", "log-uniform on [" + format_trimmed(g.level_min, 3) + ", " +
                          format_trimmed(g.level_max, 3) + "] applicants a year (assumption: uninformative)"},
      {"year_sd_prior", "uniform on [0, " + format_trimmed(g.sd_max, 3) + "] (assumption)"},
      {"grid",
       Ordered{{"level_points", g.level_points}, {"sd_points", g.sd_points}, {"year_nodes", g.year_nodes}}},
      {"approximation",
       "assumption: one national market (mobility 1) and nobody left waiting from one year to the next; the "
       "simulator's pools add home regions, mobility and waiting applicants"}};
  Ordered list = Ordered::array();
  for (const FittedApplicantLevel& f : fits) {
    Ordered c;
    c["specialty"] = f.specialty;
    c["observations"] = f.observations;
    c["years"] = f.years;
    c["offered"] = f.offered;
    c["filled"] = f.filled;
    c["level"] = round_to(f.level, 1);
    c["level_interval90"] = {round_to(f.level_interval90[0], 1), round_to(f.level_interval90[1], 1)};
    c["level_log_sd"] = round_to(f.level_log_sd, 4);
    c["year_sd"] = round_to(f.year_sd, 4);
    c["year_sd_interval90"] = {round_to(f.year_sd_interval90[0], 4), round_to(f.year_sd_interval90[1], 4)};
    c["source"] = f.source;
    list.push_back(std::move(c));
  }
  doc["specialties"] = std::move(list);
  return doc.dump(2) + "\n";
}

FittedApplicants read_fitted_applicants(const std::filesystem::path& path, const std::string& name) {
  return parse_fitted_applicants(read_text_file(path, name), name);
}

FittedApplicants parse_fitted_applicants(const std::string& text, const std::string& name) {
  const nlohmann::json doc = parse_json_text(text, name);
  const JsonReader root(doc, name);
  root.object({"format", "forlob_version", "data", "method", "settings", "specialties"});
  const JsonReader format = root.at("format");
  if (format.string() != kFittedApplicantsFormat)
    format.expected(std::string("\"") + kFittedApplicantsFormat + "\"");
  root.at("forlob_version").non_empty_string();
  root.at("data").array(1);
  root.at("method").non_empty_string();
  root.at("settings").any_object();
  FittedApplicants out;
  out.file = name;
  std::set<std::string> seen;
  for (const JsonReader& c : root.at("specialties").array()) {
    c.object({"specialty", "observations", "years", "offered", "filled", "level", "level_interval90",
              "level_log_sd", "year_sd", "year_sd_interval90", "source"});
    FittedApplicantLevel f;
    const JsonReader specialty = c.at("specialty");
    f.specialty = specialty.non_empty_string();
    if (!is_specialty_id(f.specialty)) specialty.expected("an id of lower-case letters, digits and '_'");
    if (!seen.insert(f.specialty).second) specialty.expected("one entry per specialty");
    f.observations = c.at("observations").integer(1, JsonReader::kMaxCount);
    for (const JsonReader& y : c.at("years").array(1))
      f.years.push_back(y.year(kFirstRecordYear, kLastRecordYear));
    f.offered = c.at("offered").count();
    const JsonReader filled = c.at("filled");
    f.filled = filled.count();
    if (f.filled > f.offered) filled.expected("a count at most offered (" + std::to_string(f.offered) + ")");
    f.level = c.at("level").positive_number();
    f.level_interval90 = read_interval(c.at("level_interval90"), 0, 1e9, f.level);
    f.level_log_sd = c.at("level_log_sd").number(0, 10, "a number in [0, 10]");
    f.year_sd = c.at("year_sd").number(0, 10, "a number in [0, 10]");
    f.year_sd_interval90 = read_interval(c.at("year_sd_interval90"), 0, 10, f.year_sd);
    const JsonReader source = c.at("source");
    f.source = source.string();
    if (f.source.rfind("calibrated: ", 0) != 0 || f.source.size() <= 12)
      source.expected("a source starting with 'calibrated: '");
    out.specialties.push_back(std::move(f));
  }
  return out;
}

}  // namespace forlob
