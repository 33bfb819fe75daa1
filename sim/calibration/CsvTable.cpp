#include "calibration/CsvTable.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>

#include "core/CsvRecords.hpp"
#include "core/Errors.hpp"
#include "core/TextFile.hpp"
#include "output/CsvFormat.hpp"
#include "scenario/JsonReader.hpp"

namespace forlob {

namespace {

std::string shown(std::string_view text) { return "'" + shortened(one_line(text), 60) + "'"; }

}  // namespace

std::string csv_place(int line, std::size_t column, std::string_view name) {
  std::string place = "line " + std::to_string(line) + ", column " + std::to_string(column + 1);
  if (!name.empty()) place += " (" + std::string(name) + ")";
  return place;
}

std::string number_ranges(std::vector<int> lines) {
  std::sort(lines.begin(), lines.end());
  lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
  std::string out;
  for (std::size_t i = 0; i < lines.size();) {
    std::size_t j = i;
    while (j + 1 < lines.size() && lines[j + 1] == lines[j] + 1) ++j;
    if (!out.empty()) out += ", ";
    out += std::to_string(lines[i]);
    if (j > i) out += "-" + std::to_string(lines[j]);
    i = j + 1;
  }
  return out;
}

CsvTable CsvTable::read(const std::filesystem::path& path, const std::string& name) {
  return parse(read_text_file(path, name), name);
}

CsvTable CsvTable::parse(std::string_view text, const std::string& name) {
  CsvTable table;
  table.file_ = name;
  std::vector<CsvRecord> records = split_csv(text, name, QuotedLineBreaks::Rejected);
  if (records.empty() || records.front().line != 1)
    throw InputError(name, "line 1", "expected a header line naming the columns");
  CsvRow& header = records.front();
  for (std::size_t c = 0; c < header.fields.size(); ++c) {
    const std::string& h = header.fields[c];
    if (h.empty()) throw InputError(name, csv_place(1, c, ""), "expected a column name, got an empty one");
    for (std::size_t d = 0; d < c; ++d)
      if (header.fields[d] == h)
        throw InputError(
            name, csv_place(1, c, h),
            "expected each column once; '" + one_line(h) + "' is also column " + std::to_string(d + 1));
  }
  table.header_ = std::move(header.fields);
  table.rows_.assign(std::make_move_iterator(records.begin() + 1), std::make_move_iterator(records.end()));
  return table;
}

void CsvTable::require_columns(std::initializer_list<std::string_view> columns) const {
  std::vector<std::string> wanted(columns.begin(), columns.end());
  for (std::size_t c = 0; c < header_.size(); ++c)
    if (std::find(wanted.begin(), wanted.end(), header_[c]) == wanted.end())
      throw InputError(
          file_, csv_place(1, c, header_[c]),
          "expected only the columns " + join(wanted, ",") + "; unknown column " + shown(header_[c]));
  for (const std::string& w : wanted)
    if (std::find(header_.begin(), header_.end(), w) == header_.end())
      throw InputError(file_, "line 1",
                       "expected the columns " + join(wanted, ",") + "; column '" + w + "' is missing");
  // Only now the rows: a missing column is clearer than every row having one field too many.
  const std::size_t want = header_.size();
  for (const CsvRow& row : rows_) {
    const std::size_t got = row.fields.size();
    if (got < want)
      throw InputError(
          file_, csv_place(row.line, got, header_[got]),
          "expected " + std::to_string(want) + " fields as in the header, got " + std::to_string(got));
    if (got > want)
      throw InputError(file_, csv_place(row.line, want, ""),
                       "expected " + std::to_string(want) + " fields as in the header, got " +
                           std::to_string(got) + " (quote a field that holds a comma)");
  }
}

std::size_t CsvTable::column(std::string_view name) const {
  const auto it = std::find(header_.begin(), header_.end(), name);
  return static_cast<std::size_t>(it - header_.begin());
}

CsvField CsvTable::field(const CsvRow& row, std::string_view name) const {
  return CsvField(*this, row, column(name));
}

CsvField::CsvField(const CsvTable& table, const CsvRow& row, std::size_t column)
    : table_(&table), row_(&row), column_(column) {}

const std::string& CsvField::text() const { return row_->fields[column_]; }

std::string CsvField::place() const { return csv_place(row_->line, column_, table_->header()[column_]); }

void CsvField::fail(const std::string& expected) const {
  throw InputError(table_->file(), place(), expected);
}

void CsvField::expected(std::string_view what) const {
  fail("expected " + std::string(what) + ", got " +
       (text().empty() ? std::string("an empty field") : shown(text())));
}

int CsvField::integer(int min, int max) const {
  const std::string& t = text();
  long long value = 0;
  const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
  std::string what = "an integer in " + std::to_string(min) + ".." + std::to_string(max);
  if (min == 0 && max >= 1'000'000) what = "a non-negative integer";
  if (t.empty() || ec != std::errc() || end != t.data() + t.size()) expected(what);
  if (value < min || value > max) expected(what);
  return static_cast<int>(value);
}

int CsvField::count() const { return integer(0, 1'000'000); }

double CsvField::number(double min, double max) const {
  const std::string& t = text();
  double value = 0;
  const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
  const std::string what = min == 0 && max >= 1e6
                               ? std::string("a non-negative number")
                               : "a number in " + format_trimmed(min, 6) + ".." + format_trimmed(max, 6);
  if (t.empty() || ec != std::errc() || end != t.data() + t.size() || !std::isfinite(value)) expected(what);
  if (value < min || value > max) expected(what);
  return value;
}

std::string CsvField::choice(std::initializer_list<std::string_view> choices) const {
  for (std::string_view c : choices)
    if (text() == c) return text();
  std::vector<std::string> names(choices.begin(), choices.end());
  expected("one of " + join(names));
}

std::string CsvField::id() const {
  const std::string& t = text();
  if (t.size() > 64 || !is_specialty_id(t))
    expected("an id of lower-case letters, digits and '_' (e.g. almen_medicin)");
  return t;
}

std::string CsvField::non_empty() const {
  if (text().empty()) expected("some text");
  return text();
}

std::string CsvField::source() const {
  for (std::string_view tier : {"published: ", "derived: ", "assumption: "})
    if (text().rfind(tier, 0) == 0 && text().size() > tier.size()) return text();
  expected("a source starting with 'published: ', 'derived: ' or 'assumption: '");
}

}  // namespace forlob
