#include "output/ConsoleTable.hpp"

#include <algorithm>
#include <stdexcept>

#include "output/CsvFormat.hpp"
#include "output/TextTable.hpp"

namespace forlob {

namespace {

constexpr std::string_view kMinus = "\u2212";

bool is_year(std::string_view s) {
  return s.size() == 4 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string interval(const CellSummary& s) {
  return "[" + format_fixed(s.p05, 1) + ", " + format_fixed(s.p95, 1) + "]";
}

void check_rows(const std::vector<ConsoleRow>& rows, const CellDistribution& dist) {
  for (const ConsoleRow& row : rows)
    if (row.headline >= dist.cells())
      throw std::invalid_argument("console table: headline " + std::to_string(row.headline) + " of " +
                                  std::to_string(dist.cells()));
}

}  // namespace

std::string console_label(std::string_view name) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const std::size_t end = name.find('_', start);
    parts.push_back(name.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  std::string label;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (!label.empty()) label.push_back(' ');
    label.append(parts[i]);
    // A span of years in the same century reads "2031–36"; otherwise "1999–2001".
    if (i + 1 < parts.size() && is_year(parts[i]) && is_year(parts[i + 1])) {
      label.append(kEnDash);
      const bool same_century = parts[i].substr(0, 2) == parts[i + 1].substr(0, 2);
      label.append(same_century ? parts[i + 1].substr(2) : parts[i + 1]);
      ++i;
    }
  }
  return label;
}

std::string headline_label(std::string_view headline_name, const Scenario& scenario) {
  std::string label = console_label(headline_name);
  for (const SpecialtySpec& s : scenario.specialties) {
    const std::string spaced = console_label(s.id);
    const auto at = label.find(" " + spaced + " ");
    if (at != std::string::npos) label.replace(at + 1, spaced.size(), s.name);
  }
  return label;
}

std::vector<ConsoleRow> console_rows(const std::vector<Headline>& headlines, std::string_view prefix) {
  std::vector<ConsoleRow> rows;
  for (std::size_t h = 0; h < headlines.size(); ++h)
    if (headlines[h].name.starts_with(prefix)) rows.push_back({console_label(headlines[h].name), h});
  return rows;
}

void print_run_table(std::ostream& out, const ScenarioResult& scenario, const std::vector<ConsoleRow>& rows) {
  check_rows(rows, scenario.headline);
  TextTable table;
  table.add({scenario.scenario ? scenario.scenario->name : std::string(), "mean", "90% interval"});
  for (const ConsoleRow& row : rows) {
    const CellSummary s = scenario.headline.summary(row.headline);
    table.add({row.label, format_fixed(s.mean, 1), interval(s)});
  }
  table.print(out);
}

void print_compare_table(std::ostream& out, const ScenarioResult& a, const ScenarioResult& b,
                         const DifferenceResult& difference, const std::vector<ConsoleRow>& rows) {
  check_rows(rows, a.headline);
  check_rows(rows, b.headline);
  check_rows(rows, difference.headline);
  out << "A = " << (a.scenario ? a.scenario->name : "") << ", B = " << (b.scenario ? b.scenario->name : "")
      << "; B " << kMinus << " A by replication (common random numbers)\n";
  TextTable table;
  const std::string diff = "B " + std::string(kMinus) + " A";
  table.add({"", "A mean", "B mean", diff + " mean", diff + " 90% interval"});
  for (const ConsoleRow& row : rows) {
    const CellSummary d = difference.headline.summary(row.headline);
    table.add({row.label, format_fixed(a.headline.mean(row.headline), 1),
               format_fixed(b.headline.mean(row.headline), 1), format_fixed(d.mean, 1), interval(d)});
  }
  table.print(out);
}

void print_console_table(std::ostream& out, const RunResult& result) {
  if (result.scenarios.empty()) return;
  const ScenarioResult& first = result.scenarios.front();
  const std::vector<ConsoleRow> rows = console_rows(first.headlines);
  if (result.difference && result.scenarios.size() >= 2)
    print_compare_table(out, first, result.scenarios[1], *result.difference, rows);
  else
    print_run_table(out, first, rows);
}

}  // namespace forlob
