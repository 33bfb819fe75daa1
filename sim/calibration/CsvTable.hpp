#pragma once
// A validating reader for the calibration data files: RFC 4180 CSV with one header line. Every
// problem is one InputError naming the file, "line N, column M (name)" and what was expected, e.g.
//   calibration/data/posting_records.csv: line 7, column 8 (filled): expected a count at most posted (30),
//   got '31'
#include <cstddef>
#include <filesystem>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/CsvRecords.hpp"

namespace forlob {

// A record of the file: its line and fields (see core/CsvRecords).
using CsvRow = CsvRecord;

class CsvTable;

// One field of one row, with everything a message about it needs.
class CsvField {
 public:
  CsvField(const CsvTable& table, const CsvRow& row, std::size_t column);

  const std::string& text() const;
  std::string place() const;  // "line N, column M (name)"
  [[noreturn]] void fail(const std::string& expected) const;
  // Throws "expected <what>, got '<text>'".
  [[noreturn]] void expected(std::string_view what) const;

  int integer(int min, int max) const;
  int count() const;  // a non-negative integer
  double number(double min, double max) const;
  std::string choice(std::initializer_list<std::string_view> choices) const;
  std::string id() const;  // [a-z0-9_]+, like the scenario's specialty ids
  std::string non_empty() const;
  // Text starting with a tier: "published: ", "derived: " or "assumption: ", then some words.
  std::string source() const;

 private:
  const CsvTable* table_;
  const CsvRow* row_;
  std::size_t column_;
};

class CsvTable {
 public:
  // `name` is how messages name the file (the path as the user gave it).
  static CsvTable read(const std::filesystem::path& path, const std::string& name);
  static CsvTable parse(std::string_view text, const std::string& name);

  const std::string& file() const { return file_; }
  const std::vector<std::string>& header() const { return header_; }
  const std::vector<CsvRow>& rows() const { return rows_; }

  // The header must hold exactly these columns, in any order, each once, and every row as many
  // fields as the header.
  void require_columns(std::initializer_list<std::string_view> columns) const;
  std::size_t column(std::string_view name) const;  // index; the column must exist
  CsvField field(const CsvRow& row, std::string_view name) const;

 private:
  std::string file_;
  std::vector<std::string> header_;
  std::vector<CsvRow> rows_;
};

// "line N, column M (name)" for a 0-based column index.
std::string csv_place(int line, std::size_t column, std::string_view name);

// "2-10", "3, 5-7": whole numbers such as lines or years, sorted and unique, as ranges.
std::string number_ranges(std::vector<int> numbers);

}  // namespace forlob
