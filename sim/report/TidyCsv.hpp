#pragma once
// A tidy CSV file that forlob wrote, as the report reads it: RFC 4180 fields (quotes, doubled quotes, commas
// and line breaks inside quotes), one header line, columns found by name so extra columns are tolerated.
// Every failure is a one-line InputError naming the file, "line N, column M (name)" and what was
// expected.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace forlob {

class TidyCsv {
 public:
  // Reads and parses `file`; `shown` names it in messages (the path as the user gave it).
  static TidyCsv read(const std::filesystem::path& file, const std::string& shown);
  static TidyCsv parse(std::string_view text, std::string shown);

  const std::string& file() const { return file_; }
  const std::vector<std::string>& header() const { return header_; }
  std::size_t rows() const { return rows_.size(); }

  // The index of a column; a missing required column is an InputError on line 1.
  std::size_t column(std::string_view name) const;
  std::optional<std::size_t> find_column(std::string_view name) const;
  // Requires every name (one message listing all that are missing).
  void require_columns(const std::vector<std::string_view>& names) const;

  const std::string& text(std::size_t row, std::size_t col) const { return rows_[row].fields[col]; }
  // A finite number ("12.5", "-3", "1e-3"); anything else is an InputError at the field.
  double number(std::size_t row, std::size_t col) const;
  // As number(), but an empty field, "nan" or "NA" is NaN (for values a writer may leave out).
  double number_or_nan(std::size_t row, std::size_t col) const;
  // A whole number in [min, max].
  int integer(std::size_t row, std::size_t col, int min, int max) const;

  // "line N, column M (name)" of a field, N counted in the file (quoted line breaks included).
  std::string place(std::size_t row, std::size_t col) const;
  [[noreturn]] void fail(std::size_t row, std::size_t col, const std::string& expected) const;

 private:
  struct Row {
    std::size_t line = 0;
    std::vector<std::string> fields;
  };
  std::string file_;
  std::vector<std::string> header_;
  std::vector<Row> rows_;
};

}  // namespace forlob
