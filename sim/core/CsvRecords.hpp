#pragma once
// RFC 4180 text (what spreadsheets, R and pandas write) split into records that remember the line
// they start on, so that every reader can name a bad value by "line N, column M". The readers that
// check columns and values sit on top: CsvTable for input data, TidyCsv for forlob's own tables.
#include <string>
#include <string_view>
#include <vector>

namespace forlob {

struct CsvRecord {
  int line = 0;  // 1-based line of the record's first character
  std::vector<std::string> fields;
};

// Whether a quoted field may hold a line break. Input data never needs one, and rejecting it lets
// an unclosed quote be reported on its own line rather than swallowing the rest of the file.
enum class QuotedLineBreaks { Rejected, Allowed };

// Fields are separated by commas and may be quoted ("" is a quote inside quotes); lines end in LF
// or CRLF; a UTF-8 byte-order mark is skipped and so are blank lines. A malformed quote is an
// InputError(name, "line N, column M", what was expected).
std::vector<CsvRecord> split_csv(std::string_view text, const std::string& name, QuotedLineBreaks breaks);

}  // namespace forlob
