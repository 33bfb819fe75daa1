#include "forecast/ForecastTable.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <tuple>

#include "output/CsvFormat.hpp"
#include "output/TextTable.hpp"

namespace forlob {

namespace {

std::string mean_and_interval(const ForecastRow& row) {
  return format_fixed(row.mean, 1) + " [" + format_fixed(row.p05, 0) + std::string(kEnDash) +
         format_fixed(row.p95, 0) + "]";
}

std::string year_span(int first, int last) {
  return std::to_string(first) + std::string(kEnDash) + std::to_string(last).substr(2);
}

}  // namespace

void print_forecast_table(std::ostream& out, const ForecastResult& result,
                          const std::vector<ForecastRow>& rows) {
  const Scenario& scenario = *result.scenario;
  const EvaluationLayout& layout = result.layout;
  const int year = layout.last_year();
  // (region, specialty, kind, measure) -> row of the evaluation year
  std::map<std::tuple<std::string_view, std::string, CourseKind, std::string_view>, const ForecastRow*> at;
  for (const ForecastRow& row : rows)
    if (row.year == year) at[{row.region, row.specialty, row.kind, row.measure}] = &row;
  auto cell = [&](std::string_view region, const std::string& specialty, CourseKind kind,
                  std::string_view measure, bool interval) {
    const ForecastRow& row = *at.at({region, specialty, kind, measure});
    return interval ? mean_and_interval(row) : format_fixed(row.mean, 1);
  };

  const std::string span = year_span(layout.first_year(), year);
  out << "\nThe " << year << " evaluation (R14): what to expect in " << year << ", " << scenario.name
      << "; mean [90% interval] over " << result.replications << " replications.\n"
      << "x = extraordinary courses: posted and kept, filled in " << year << " and in " << span
      << ", trainees in course at the end of " << year << ";\n"
      << "ord. = ordinary courses of the same specialties: filled in " << year << ", trainees in course.\n";
  std::vector<std::vector<std::string>> table{{"region", "specialty", "x posted", "x filled",
                                               "x filled " + span, "x in course", "ord. filled",
                                               "ord. in course"}};
  std::vector<std::string> ids, names;
  for (int s : layout.specialties()) {
    ids.push_back(scenario.specialties[static_cast<std::size_t>(s)].id);
    names.push_back(scenario.specialties[static_cast<std::size_t>(s)].name);
  }
  ids.emplace_back(kTrialSpecialtiesId);
  names.emplace_back("Trial specialties");
  for (std::string_view region :
       {std::string_view("Nord"), std::string_view("Syd"), std::string_view("Øst"), std::string_view("all")})
    for (std::size_t s = 0; s < ids.size(); ++s) {
      const std::string& id = ids[s];
      table.push_back({s == 0 ? std::string(region == "all" ? "All" : region) : "", names[s],
                       cell(region, id, CourseKind::Extraordinary, "posted", false),
                       cell(region, id, CourseKind::Extraordinary, "filled", true),
                       cell(region, id, CourseKind::Extraordinary, "filled_cumulative", true),
                       cell(region, id, CourseKind::Extraordinary, "in_course", true),
                       cell(region, id, CourseKind::Ordinary, "filled", true),
                       cell(region, id, CourseKind::Ordinary, "in_course", true)});
    }
  TextTable text({true, true});  // region and specialty left, numbers right
  for (auto& row : table) text.add(std::move(row));
  text.print(out);

  if (!result.observed) return;
  const ObservedFigures& observed = *result.observed;
  out << "Observed figures from " << observed.file << " fix " << observed.cells.size() << " cell"
      << (observed.cells.size() == 1 ? "" : "s") << "; the other rounds are simulated.\n";
  for (std::size_t c = 0; c < observed.cells.size(); ++c) {
    const ObservedCell& o = observed.cells[c];
    const CellDistribution& check = result.observed_check;
    const double differs = check.mean(observed_check_cell(c, ObservedCheck::PostedDiffers));
    const double filled = check.mean(observed_check_cell(c, ObservedCheck::Filled));
    if (differs == 0 && filled == o.filled) continue;
    out << "note: line " << o.line << " (" << o.year << " "
        << scenario.calendar.rounds[static_cast<std::size_t>(o.round)].name << " " << region_name(o.region)
        << " " << scenario.specialties[static_cast<std::size_t>(o.specialty)].id << " "
        << course_kind_name(o.kind) << "): observed " << o.posted << " posted; the simulation posts "
        << format_trimmed(check.mean(observed_check_cell(c, ObservedCheck::Posted)), 2)
        << " on average, a different number in " << format_trimmed(100 * differs, 1) << "% of replications";
    if (filled < o.filled)
      out << "; it fills " << format_trimmed(filled, 2) << " on average, short of the " << o.filled
          << " observed";
    out << "\n";
  }
}

}  // namespace forlob
