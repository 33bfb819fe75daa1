#include "forecast/CsvReader.hpp"

#include "core/Errors.hpp"

namespace forlob {

std::vector<CsvRecord> read_csv_records(std::string_view text, const std::string& file) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<CsvRecord> records;
  int line = 1;
  std::size_t i = 0;
  while (i < text.size()) {
    // A blank line (only a line end) holds no record.
    if (text[i] == '\n' || (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) {
      i += text[i] == '\r' ? 2 : 1;
      ++line;
      continue;
    }
    CsvRecord record{line, {}};
    for (;;) {
      std::string field;
      const int column = static_cast<int>(record.fields.size()) + 1;
      if (i < text.size() && text[i] == '"') {
        const int opened = line;
        ++i;
        for (;;) {
          if (i >= text.size())
            throw InputError(file, "line " + std::to_string(opened) + ", column " + std::to_string(column),
                             "expected a closing quote for the field opened here");
          const char c = text[i++];
          if (c == '"') {
            if (i < text.size() && text[i] == '"') {
              field.push_back('"');
              ++i;
              continue;
            }
            break;
          }
          if (c == '\n') ++line;
          field.push_back(c);
        }
        if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
          throw InputError(file, "line " + std::to_string(line) + ", column " + std::to_string(column),
                           "expected a comma or the end of the line after a closing quote");
      } else {
        while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
          field.push_back(text[i++]);
      }
      record.fields.push_back(std::move(field));
      if (i < text.size() && text[i] == ',') {
        ++i;
        continue;
      }
      // End of the record: a line end (LF, CRLF or a lone CR) or the end of the text.
      if (i < text.size() && text[i] == '\r') ++i;
      if (i < text.size() && text[i] == '\n') ++i;
      ++line;
      break;
    }
    records.push_back(std::move(record));
  }
  return records;
}

}  // namespace forlob
