#pragma once
// Reads RFC 4180 CSV text (the format spreadsheets and pandas write) into records that remember
// the line they start on, so that a bad value can be reported as "line N, column M (name)".
#include <string>
#include <string_view>
#include <vector>

namespace forlob {

struct CsvRecord {
  int line = 0;  // 1-based line of the record's first character
  std::vector<std::string> fields;
};

// Splits `text` into records: fields separated by commas, optionally quoted ("" is a quote inside
// quotes, and quoted fields may hold commas and line breaks); LF or CRLF line ends; a UTF-8 byte
// order mark is skipped; blank lines are skipped. Throws InputError naming `file` for an unclosed
// quote or text after a closing quote.
std::vector<CsvRecord> read_csv_records(std::string_view text, const std::string& file);

}  // namespace forlob
