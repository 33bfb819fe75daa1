#include "forecast/ObservedFigures.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <tuple>

#include "core/Errors.hpp"
#include "forecast/CsvReader.hpp"

namespace forlob {

namespace {

enum Column : int { kYear, kRound, kRegion, kSpecialty, kKind, kPosted, kFilled, kSource, kColumnCount };
constexpr std::array<std::string_view, kColumnCount> kNames{"year", "round",  "region", "specialty",
                                                            "kind", "posted", "filled", "source"};
// Provenance tiers, as for scenario sources.
constexpr std::array<std::string_view, 4> kTiers{"published:", "derived:", "calibrated:", "assumption:"};

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
  return out;
}

class RowReader {
 public:
  RowReader(const std::string& file, const CsvRecord& record, const std::array<int, kColumnCount>& position)
      : file_(file), record_(record), position_(position) {}

  const std::string& text(Column c) const {
    return record_.fields[static_cast<std::size_t>(position_[static_cast<std::size_t>(c)])];
  }
  [[noreturn]] void fail(Column c, const std::string& expected) const {
    throw InputError(file_,
                     "line " + std::to_string(record_.line) + ", column " +
                         std::to_string(position_[static_cast<std::size_t>(c)] + 1) + " (" +
                         std::string(kNames[static_cast<std::size_t>(c)]) + ")",
                     expected);
  }
  std::string got(Column c) const { return text(c).empty() ? "an empty field" : "'" + text(c) + "'"; }

  // A whole number; negative ones are read so that the message can say so.
  long long integer(Column c) const {
    const std::string& s = text(c);
    long long v = 0;
    const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || error != std::errc() || end != s.data() + s.size())
      fail(c, "expected a whole number, got " + got(c));
    return v;
  }
  int count(Column c) const {
    const long long v = integer(c);
    if (v < 0) fail(c, "expected a non-negative count, got " + text(c));
    if (v > 100000) fail(c, "expected a count of courses in one round (at most 100000), got " + text(c));
    return static_cast<int>(v);
  }

 private:
  const std::string& file_;
  const CsvRecord& record_;
  const std::array<int, kColumnCount>& position_;
};

}  // namespace

ObservedFigures parse_observed_figures(std::string_view text, const std::string& file,
                                       const Scenario& scenario, int through_year) {
  if (!scenario.extraordinary)
    throw InputError(scenario.file, "/extraordinary",
                     "expected the extraordinary-course trial: observed figures fix rounds of the trial");
  const ExtraordinarySpec& trial = *scenario.extraordinary;
  const int first_year = trial.first_year;
  const int last_year = std::min(trial.last_year, through_year);

  const std::vector<CsvRecord> records = read_csv_records(text, file);
  if (records.empty())
    throw InputError(file, "line 1", "expected a header line: " + std::string(kObservedColumns));

  // The header: every required column once, nothing else.
  std::array<int, kColumnCount> position;
  position.fill(-1);
  const CsvRecord& header = records.front();
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const std::string& name = header.fields[i];
    const std::string place =
        "line " + std::to_string(header.line) + ", column " + std::to_string(i + 1) + " (" + name + ")";
    const auto known = std::find(kNames.begin(), kNames.end(), name);
    if (known == kNames.end())
      throw InputError(
          file, place,
          "unknown column '" + name + "'; expected the columns " + std::string(kObservedColumns));
    int& at = position[static_cast<std::size_t>(known - kNames.begin())];
    if (at >= 0)
      throw InputError(file, place, "column '" + name + "' appears twice; expected each column once");
    at = static_cast<int>(i);
  }
  for (std::size_t c = 0; c < kNames.size(); ++c)
    if (position[c] < 0)
      throw InputError(file, "line " + std::to_string(header.line),
                       "expected a column '" + std::string(kNames[c]) + "' in the header (columns " +
                           std::string(kObservedColumns) + ")");

  std::vector<std::string> round_names, region_names, specialty_ids, trial_ids;
  for (const RoundSpec& r : scenario.calendar.rounds) round_names.push_back(r.name);
  for (Region r : kRegions) region_names.emplace_back(region_name(r));
  for (const SpecialtySpec& s : scenario.specialties) specialty_ids.push_back(s.id);
  for (int s : trial.specialties) trial_ids.push_back(scenario.specialties[static_cast<std::size_t>(s)].id);

  ObservedFigures figures;
  figures.file = file;
  std::map<std::tuple<int, int, int, int, int>, int> seen;  // cell -> line
  for (std::size_t n = 1; n < records.size(); ++n) {
    const CsvRecord& record = records[n];
    if (record.fields.size() != header.fields.size())
      throw InputError(file, "line " + std::to_string(record.line),
                       "expected " + std::to_string(header.fields.size()) + " fields as in the header, got " +
                           std::to_string(record.fields.size()));
    const RowReader row(file, record, position);
    ObservedCell cell;
    cell.line = record.line;

    const long long year = row.integer(kYear);
    if (year < first_year || year > last_year)
      row.fail(kYear, "expected a year of the trial (" + std::to_string(first_year) + "-" +
                          std::to_string(trial.last_year) + ") no later than the evaluation year " +
                          std::to_string(through_year) + ", got " + row.text(kYear));
    cell.year = static_cast<int>(year);

    const auto round = std::find(round_names.begin(), round_names.end(), row.text(kRound));
    if (round == round_names.end())
      row.fail(kRound, "expected a hiring round (" + join(round_names) + "), got " + row.got(kRound));
    cell.round = static_cast<int>(round - round_names.begin());

    const auto region = std::find(region_names.begin(), region_names.end(), row.text(kRegion));
    if (region == region_names.end())
      row.fail(kRegion, "expected a region (" + join(region_names) + "), got " + row.got(kRegion));
    cell.region = kRegions[static_cast<std::size_t>(region - region_names.begin())];

    const std::optional<CourseKind> kind = parse_course_kind(row.text(kKind));
    if (!kind) row.fail(kKind, "expected a course kind (extraordinary, ordinary), got " + row.got(kKind));
    cell.kind = *kind;

    const std::vector<std::string>& allowed =
        cell.kind == CourseKind::Extraordinary ? trial_ids : specialty_ids;
    const auto specialty = std::find(allowed.begin(), allowed.end(), row.text(kSpecialty));
    if (specialty == allowed.end())
      row.fail(kSpecialty, std::string(cell.kind == CourseKind::Extraordinary
                                           ? "expected a specialty of the extraordinary trial ("
                                           : "expected a specialty of the scenario (") +
                               join(allowed) + "), got " + row.got(kSpecialty));
    cell.specialty = static_cast<int>(std::find(specialty_ids.begin(), specialty_ids.end(), *specialty) -
                                      specialty_ids.begin());

    cell.posted = row.count(kPosted);
    cell.filled = row.count(kFilled);
    if (cell.filled > cell.posted)
      row.fail(kFilled, "expected at most the courses posted (" + std::to_string(cell.posted) + "), got " +
                            std::to_string(cell.filled));

    cell.source = row.text(kSource);
    const bool tiered = std::any_of(kTiers.begin(), kTiers.end(), [&](std::string_view tier) {
      return cell.source.size() > tier.size() && cell.source.compare(0, tier.size(), tier) == 0;
    });
    if (!tiered)
      row.fail(kSource,
               "expected where the figures come from, starting with a tier (published:, derived:, "
               "calibrated:, assumption:), got " +
                   row.got(kSource));

    const auto key = std::make_tuple(cell.year, cell.round, static_cast<int>(index(cell.region)),
                                     cell.specialty, static_cast<int>(cell.kind));
    if (const auto [it, fresh] = seen.emplace(key, record.line); !fresh)
      throw InputError(
          file, "line " + std::to_string(record.line),
          "expected one row per year, round, region, specialty and kind; this cell is already on "
          "line " +
              std::to_string(it->second));
    figures.cells.push_back(std::move(cell));
  }
  return figures;
}

ObservedFigures read_observed_figures(const std::string& path, const Scenario& scenario, int through_year) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "", "expected a readable CSV file of observed figures");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw InputError(path, "", "expected a readable CSV file of observed figures");
  return parse_observed_figures(text.str(), path, scenario, through_year);
}

}  // namespace forlob
