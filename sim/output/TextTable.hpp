#pragma once
// Columns of plain text for the console, aligned by display width (UTF-8 code points), so that
// "Øst" and "2031–36" line up. Trailing spaces are trimmed.
#include <ostream>
#include <string>
#include <vector>

namespace forlob {

class TextTable {
 public:
  // left[c]: column c is left-aligned; columns beyond `left` are right-aligned. By default the
  // first column (a label) is left-aligned and the rest (numbers) right-aligned.
  explicit TextTable(std::vector<bool> left = {true}) : left_(std::move(left)) {}

  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  // Every row, each preceded by `indent`, columns two spaces apart.
  void print(std::ostream& out, const std::string& indent = "") const;

 private:
  std::vector<bool> left_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace forlob
