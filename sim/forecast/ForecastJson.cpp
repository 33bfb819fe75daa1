#include "forecast/ForecastJson.hpp"

#include <cmath>
#include <set>
#include <string>

namespace forlob {

namespace {

// Counts across replications: their mean, smallest and largest value.
nlohmann::json span_of(const CellDistribution& d, std::size_t cell) {
  return {{"mean", d.mean(cell)},
          {"min", std::llround(d.quantile(cell, 0.0))},
          {"max", std::llround(d.quantile(cell, 1.0))}};
}

nlohmann::json observed_json(const ForecastResult& result) {
  if (!result.observed) return nullptr;
  const ObservedFigures& observed = *result.observed;
  const Scenario& scenario = *result.scenario;
  nlohmann::json cells = nlohmann::json::array();
  std::set<std::pair<int, int>> rounds;
  for (std::size_t c = 0; c < observed.cells.size(); ++c) {
    const ObservedCell& cell = observed.cells[c];
    const std::string& round = scenario.calendar.rounds[static_cast<std::size_t>(cell.round)].name;
    rounds.insert({cell.year, cell.round});
    const CellDistribution& check = result.observed_check;
    cells.push_back({
        {"line", cell.line},
        {"year", cell.year},
        {"round", round},
        {"region", region_name(cell.region)},
        {"specialty", scenario.specialties[static_cast<std::size_t>(cell.specialty)].id},
        {"kind", course_kind_name(cell.kind)},
        {"posted", cell.posted},
        {"filled", cell.filled},
        {"source", cell.source},
        {"simulated",
         {{"posted", span_of(check, observed_check_cell(c, ObservedCheck::Posted))},
          {"filled", span_of(check, observed_check_cell(c, ObservedCheck::Filled))},
          {"share_posted_differs", check.mean(observed_check_cell(c, ObservedCheck::PostedDiffers))}}},
    });
  }
  nlohmann::json fixed = nlohmann::json::array();
  for (const auto& [year, round] : rounds)
    fixed.push_back(
        {{"year", year}, {"round", scenario.calendar.rounds[static_cast<std::size_t>(round)].name}});
  return {
      {"file", observed.file},
      {"rule",
       "in each observed cell exactly min(filled, simulated courses) courses fill: those that fill by their "
       "own "
       "draws first, the rest in keyed random order; the number of courses posted follows the scenario and "
       "is "
       "not changed"},
      {"fixed_rounds", fixed},
      {"cells", cells},
  };
}

}  // namespace

nlohmann::json forecast_json(const ForecastResult& result, const std::vector<ForecastRow>& rows) {
  const Scenario& scenario = *result.scenario;
  const EvaluationLayout& layout = result.layout;
  nlohmann::json doc;
  doc["schema"] = "forlob/evaluation_forecast";
  doc["schema_version"] = kForecastSchemaVersion;
  doc["forlob_version"] = FORLOB_VERSION;
  doc["scenario"] = {{"name", scenario.name}, {"file", scenario.file}, {"description", scenario.description}};
  // Under the applicant model ordinary fills in the trial specialties fall where extraordinary
  // courses take applicants from the pool: the new-applicant share says how much.
  nlohmann::json fill = {
      {"model", scenario.fill.model == FillModelKind::Applicants ? "applicants" : "independent"}};
  if (scenario.fill.model == FillModelKind::Applicants && scenario.applicants)
    fill["extraordinary_new_share"] = scenario.applicants->extraordinary_new;
  doc["fill_model"] = fill;
  doc["seed"] = result.seed;
  doc["replications"] = result.replications;
  doc["first_year"] = layout.first_year();
  doc["through_year"] = layout.last_year();
  doc["intervals"] = {
      {"quantiles",
       "exact empirical quantiles across replications, Hyndman-Fan type 7, rounded to 3 decimals"},
      {"50%", {"p25", "p75"}},
      {"90%", {"p05", "p95"}}};
  doc["regions"] = {"Nord", "Syd", "Øst", "all"};
  nlohmann::json specialties = nlohmann::json::array();
  for (int s : layout.specialties()) {
    const SpecialtySpec& spec = scenario.specialties[static_cast<std::size_t>(s)];
    specialties.push_back({{"id", spec.id}, {"name", spec.name}});
  }
  specialties.push_back({{"id", kTrialSpecialtiesId}, {"name", "the trial specialties together"}});
  doc["specialties"] = specialties;
  nlohmann::json measures = nlohmann::json::array();
  for (CourseKind kind : kCourseKinds)
    for (const MeasureInfo& m : measures_of(kind))
      measures.push_back(
          {{"course_kind", course_kind_name(kind)}, {"measure", m.name}, {"definition", m.definition}});
  doc["measures"] = measures;
  doc["observed"] = observed_json(result);
  nlohmann::json out = nlohmann::json::array();
  for (const ForecastRow& row : rows)
    out.push_back({{"region", row.region},
                   {"specialty", row.specialty},
                   {"year", row.year},
                   {"course_kind", course_kind_name(row.kind)},
                   {"measure", row.measure},
                   {"mean", row.mean},
                   {"p05", row.p05},
                   {"p25", row.p25},
                   {"p50", row.p50},
                   {"p75", row.p75},
                   {"p95", row.p95}});
  doc["rows"] = out;
  return doc;
}

}  // namespace forlob
