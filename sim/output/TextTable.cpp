#include "output/TextTable.hpp"

#include <algorithm>

#include "output/CsvFormat.hpp"

namespace forlob {

void TextTable::print(std::ostream& out, const std::string& indent) const {
  std::vector<std::size_t> width;
  for (const auto& row : rows_) {
    width.resize(std::max(width.size(), row.size()), 0);
    for (std::size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], utf8_width(row[c]));
  }
  std::string line;
  for (const auto& row : rows_) {
    line = indent;
    for (std::size_t c = 0; c < row.size(); ++c) {
      const std::string pad(width[c] - utf8_width(row[c]), ' ');
      if (c > 0) line += "  ";
      const bool left = c < left_.size() && left_[c];
      line += left ? row[c] + pad : pad + row[c];
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << '\n';
  }
}

}  // namespace forlob
