#include "forecast/ObservedFigures.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "calibration/CsvTable.hpp"
#include "core/Errors.hpp"
#include "scenario/JsonReader.hpp"

namespace forlob {

namespace {

// The index of the field's text in `names`, or an error listing them.
std::size_t one_of(const CsvField& field, const std::vector<std::string>& names, std::string_view what) {
  const auto it = std::find(names.begin(), names.end(), field.text());
  if (it == names.end()) field.expected(std::string(what) + " (" + join(names) + ")");
  return static_cast<std::size_t>(it - names.begin());
}

ObservedFigures figures_from(const CsvTable& table, const Scenario& scenario, int through_year) {
  if (!scenario.extraordinary)
    throw InputError(scenario.file, "/extraordinary",
                     "expected the extraordinary-course trial: observed figures fix rounds of the trial");
  const ExtraordinarySpec& trial = *scenario.extraordinary;
  const int last_year = std::min(trial.last_year, through_year);
  table.require_columns({"year", "round", "region", "specialty", "kind", "posted", "filled", "source"});

  std::vector<std::string> rounds, regions, specialties, trial_specialties;
  for (const RoundSpec& r : scenario.calendar.rounds) rounds.push_back(r.name);
  for (Region r : kRegions) regions.emplace_back(region_name(r));
  for (const SpecialtySpec& s : scenario.specialties) specialties.push_back(s.id);
  for (int s : trial.specialties)
    trial_specialties.push_back(scenario.specialties[static_cast<std::size_t>(s)].id);

  ObservedFigures figures;
  figures.file = table.file();
  std::map<std::tuple<int, int, int, int, int>, int> seen;  // cell -> line
  for (const CsvRow& row : table.rows()) {
    ObservedCell cell;
    cell.line = row.line;
    const CsvField year = table.field(row, "year");
    cell.year = year.integer(1900, 2200);
    if (cell.year < trial.first_year || cell.year > last_year)
      year.expected("a year of the trial (" + std::to_string(trial.first_year) + "-" +
                    std::to_string(trial.last_year) + ") no later than the evaluation year " +
                    std::to_string(through_year));
    cell.round = static_cast<int>(one_of(table.field(row, "round"), rounds, "a hiring round"));
    cell.region = kRegions[one_of(table.field(row, "region"), regions, "a region")];
    cell.kind = table.field(row, "kind").choice({"extraordinary", "ordinary"}) == "extraordinary"
                    ? CourseKind::Extraordinary
                    : CourseKind::Ordinary;
    // Extraordinary courses exist only in the trial's specialties (R9); ordinary ones in any.
    const CsvField specialty = table.field(row, "specialty");
    const std::size_t s = cell.kind == CourseKind::Extraordinary
                              ? one_of(specialty, trial_specialties, "a specialty of the extraordinary trial")
                              : one_of(specialty, specialties, "a specialty of the scenario");
    cell.specialty = cell.kind == CourseKind::Extraordinary ? trial.specialties[s] : static_cast<int>(s);
    cell.posted = table.field(row, "posted").count();
    const CsvField filled = table.field(row, "filled");
    cell.filled = filled.count();
    if (cell.filled > cell.posted)
      filled.expected("at most the courses posted (" + std::to_string(cell.posted) + ")");
    cell.source = table.field(row, "source").source();

    const auto key = std::make_tuple(cell.year, cell.round, static_cast<int>(index(cell.region)),
                                     cell.specialty, static_cast<int>(cell.kind));
    if (const auto [it, fresh] = seen.emplace(key, row.line); !fresh)
      throw InputError(
          table.file(), "line " + std::to_string(row.line),
          "expected one row per year, round, region, specialty and kind; this cell is already on "
          "line " +
              std::to_string(it->second));
    figures.cells.push_back(std::move(cell));
  }
  return figures;
}

}  // namespace

ObservedFigures parse_observed_figures(std::string_view text, const std::string& file,
                                       const Scenario& scenario, int through_year) {
  return figures_from(CsvTable::parse(text, file), scenario, through_year);
}

ObservedFigures read_observed_figures(const std::string& path, const Scenario& scenario, int through_year) {
  return figures_from(CsvTable::read(path, path), scenario, through_year);
}

}  // namespace forlob
