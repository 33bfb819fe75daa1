#include "report/TidyCsv.hpp"

#include <charconv>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

#include "core/CsvRecords.hpp"
#include "core/Errors.hpp"
#include "core/TextFile.hpp"
#include "scenario/JsonReader.hpp"

namespace forlob {

namespace {

std::string line_place(std::size_t line) { return "line " + std::to_string(line); }

std::string shown_field(std::string_view text) {
  std::string s = one_line(text);
  if (s.size() > 40) s = s.substr(0, 40) + "...";
  return "'" + s + "'";
}

}  // namespace

TidyCsv TidyCsv::read(const std::filesystem::path& file, const std::string& shown) {
  return parse(read_text_file(file, shown), shown);
}

TidyCsv TidyCsv::parse(std::string_view text, std::string shown) {
  TidyCsv table;
  table.file_ = std::move(shown);
  std::vector<CsvRecord> records = split_csv(text, table.file_, QuotedLineBreaks::Allowed);
  if (records.empty()) throw InputError(table.file_, "line 1", "expected a header line, got an empty file");
  table.header_ = std::move(records.front().fields);
  std::set<std::string_view> seen;
  for (std::size_t c = 0; c < table.header_.size(); ++c)
    if (!seen.insert(table.header_[c]).second)
      throw InputError(table.file_, "line 1, column " + std::to_string(c + 1),
                       "expected each column name once, got '" + one_line(table.header_[c]) + "' twice");
  for (std::size_t r = 1; r < records.size(); ++r) {
    if (records[r].fields.size() != table.header_.size())
      throw InputError(table.file_, line_place(static_cast<std::size_t>(records[r].line)),
                       "expected " + std::to_string(table.header_.size()) + " fields as in the header, got " +
                           std::to_string(records[r].fields.size()));
    table.rows_.push_back(std::move(records[r]));
  }
  return table;
}

std::optional<std::size_t> TidyCsv::find_column(std::string_view name) const {
  for (std::size_t c = 0; c < header_.size(); ++c)
    if (header_[c] == name) return c;
  return std::nullopt;
}

std::size_t TidyCsv::column(std::string_view name) const {
  require_columns({name});
  return *find_column(name);
}

void TidyCsv::require_columns(const std::vector<std::string_view>& names) const {
  std::vector<std::string> missing;
  for (std::string_view name : names)
    if (!find_column(name)) missing.emplace_back(name);
  if (missing.empty()) return;
  throw InputError(
      file_, "line 1",
      "expected a column named " + join(missing, ", ") + " in the header, got " + join(header_, ","));
}

std::string TidyCsv::place(std::size_t row, std::size_t col) const {
  return line_place(rows_[row].line) + ", column " + std::to_string(col + 1) + " (" + one_line(header_[col]) +
         ")";
}

void TidyCsv::fail(std::size_t row, std::size_t col, const std::string& expected) const {
  throw InputError(file_, place(row, col), expected);
}

double TidyCsv::number(std::size_t row, std::size_t col) const {
  const std::string& s = text(row, col);
  double value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || !std::isfinite(value))
    fail(row, col, "expected a number, got " + shown_field(s));
  return value;
}

double TidyCsv::number_or_nan(std::size_t row, std::size_t col) const {
  const std::string& s = text(row, col);
  if (s.empty() || s == "nan" || s == "NaN" || s == "NA") return std::nan("");
  return number(row, col);
}

int TidyCsv::integer(std::size_t row, std::size_t col, int min, int max) const {
  const std::string& s = text(row, col);
  int value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || value < min || value > max)
    fail(row, col,
         "expected a whole number from " + std::to_string(min) + " to " + std::to_string(max) + ", got " +
             shown_field(s));
  return value;
}

}  // namespace forlob
