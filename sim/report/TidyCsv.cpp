#include "report/TidyCsv.hpp"

#include <charconv>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

#include "core/Errors.hpp"
#include "scenario/JsonReader.hpp"

namespace forlob {

namespace {

std::string line_place(std::size_t line) { return "line " + std::to_string(line); }

std::string shown_field(std::string_view text) {
  std::string s = one_line(text);
  if (s.size() > 40) s = s.substr(0, 40) + "...";
  return "'" + s + "'";
}

// Splits RFC 4180 records. A record's line is where it starts.
class Splitter {
 public:
  Splitter(std::string_view text, const std::string& file) : text_(text), file_(file) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") text_.remove_prefix(3);  // a UTF-8 byte-order mark
  }

  bool at_end() const { return pos_ >= text_.size(); }
  std::size_t line() const { return line_; }

  // The next record's fields; an empty line gives one empty field.
  std::vector<std::string> next() {
    std::vector<std::string> fields(1);
    const std::size_t start_line = line_;
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '"' && fields.back().empty() && !quoted_before_) {
        read_quoted(fields.back(), start_line, fields.size());
        quoted_before_ = true;
        continue;
      }
      if (c == ',') {
        fields.emplace_back();
        quoted_before_ = false;
        ++pos_;
        continue;
      }
      if (c == '\n' || c == '\r') {
        end_line();
        quoted_before_ = false;
        return fields;
      }
      if (quoted_before_)
        throw InputError(file_, place(fields.size()),
                         "expected ',' or the end of the line after a closing quote");
      if (c == '"')
        throw InputError(file_, place(fields.size()),
                         "expected a quote only around a whole field (write \"\" for a quote inside one)");
      fields.back().push_back(c);
      ++pos_;
    }
    quoted_before_ = false;
    return fields;
  }

 private:
  std::string place(std::size_t column) const {
    return line_place(line_) + ", column " + std::to_string(column);
  }

  void end_line() {
    if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
  }

  void read_quoted(std::string& field, std::size_t start_line, std::size_t column) {
    ++pos_;  // the opening quote
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '"') {
        if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
          field.push_back('"');
          pos_ += 2;
          continue;
        }
        ++pos_;
        return;
      }
      if (c == '\n') ++line_;
      field.push_back(c);
      ++pos_;
    }
    throw InputError(file_, line_place(start_line) + ", column " + std::to_string(column),
                     "expected a closing quote before the end of the file");
  }

  std::string_view text_;
  const std::string& file_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  bool quoted_before_ = false;  // the current field was quoted and has ended
};

bool blank(const std::vector<std::string>& fields) { return fields.size() == 1 && fields[0].empty(); }

}  // namespace

TidyCsv TidyCsv::read(const std::filesystem::path& file, const std::string& shown) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError(shown, "", "cannot open the file: expected it to exist and be readable");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw InputError(shown, "", "cannot read the file");
  return parse(text.str(), shown);
}

TidyCsv TidyCsv::parse(std::string_view text, std::string shown) {
  TidyCsv table;
  table.file_ = std::move(shown);
  Splitter split(text, table.file_);
  while (!split.at_end() && table.header_.empty()) {
    std::vector<std::string> fields = split.next();
    if (!blank(fields)) table.header_ = std::move(fields);
  }
  if (table.header_.empty())
    throw InputError(table.file_, "line 1", "expected a header line, got an empty file");
  std::set<std::string_view> seen;
  for (std::size_t c = 0; c < table.header_.size(); ++c)
    if (!seen.insert(table.header_[c]).second)
      throw InputError(table.file_, "line 1, column " + std::to_string(c + 1),
                       "expected each column name once, got '" + one_line(table.header_[c]) + "' twice");
  while (!split.at_end()) {
    const std::size_t line = split.line();
    std::vector<std::string> fields = split.next();
    if (blank(fields)) continue;
    if (fields.size() != table.header_.size())
      throw InputError(table.file_, line_place(line),
                       "expected " + std::to_string(table.header_.size()) + " fields as in the header, got " +
                           std::to_string(fields.size()));
    table.rows_.push_back({line, std::move(fields)});
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
