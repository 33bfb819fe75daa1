#include "core/CsvRecords.hpp"

#include "core/Errors.hpp"

namespace forlob {

namespace {

class Splitter {
 public:
  Splitter(std::string_view text, const std::string& name, QuotedLineBreaks breaks)
      : text_(text), name_(name), breaks_(breaks) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;  // a UTF-8 byte-order mark (Excel writes one)
  }

  bool done() const { return pos_ >= text_.size(); }

  CsvRecord next() {
    CsvRecord record;
    record.line = line_;
    while (true) {
      record.fields.push_back(field(record));
      if (done()) break;
      if (text_[pos_] == ',') {
        ++pos_;
        if (done()) {
          record.fields.emplace_back();  // a trailing comma ends in an empty field
          break;
        }
        continue;
      }
      end_of_line();
      break;
    }
    return record;
  }

 private:
  std::string place(int line, std::size_t column) const {
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
  }

  std::string field(const CsvRecord& record) {
    const std::size_t column = record.fields.size() + 1;
    std::string out;
    if (!done() && text_[pos_] == '"') {
      const int opened = line_;
      ++pos_;
      while (true) {
        if (done())
          throw InputError(
              name_, place(opened, column),
              "expected a closing quote before the end of the file for the quoted field that starts here");
        const char c = text_[pos_];
        if ((c == '\n' || c == '\r') && breaks_ == QuotedLineBreaks::Rejected)
          throw InputError(
              name_, place(opened, column),
              "expected a closing quote before the end of the line for the quoted field that starts here");
        if (c == '"') {
          if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
            out += '"';
            pos_ += 2;
            continue;
          }
          ++pos_;
          break;
        }
        if (c == '\n') ++line_;
        out += c;
        ++pos_;
      }
      if (!done() && text_[pos_] != ',' && !at_line_end())
        throw InputError(name_, place(line_, column),
                         "expected ',' or the end of the line after a closing quote");
      return out;
    }
    while (!done() && text_[pos_] != ',' && !at_line_end()) {
      if (text_[pos_] == '"')
        throw InputError(name_, place(line_, column),
                         "expected no quote inside an unquoted field (quote the whole field and double the "
                         "quotes inside it)");
      out += text_[pos_++];
    }
    return out;
  }

  bool at_line_end() const {
    return text_[pos_] == '\n' || (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n');
  }
  void end_of_line() {
    pos_ += text_[pos_] == '\r' ? 2 : 1;
    ++line_;
  }

  std::string_view text_;
  const std::string& name_;
  QuotedLineBreaks breaks_;
  std::size_t pos_ = 0;
  int line_ = 1;
};

bool blank(const CsvRecord& r) { return r.fields.size() == 1 && r.fields[0].empty(); }

}  // namespace

std::vector<CsvRecord> split_csv(std::string_view text, const std::string& name, QuotedLineBreaks breaks) {
  std::vector<CsvRecord> records;
  Splitter split(text, name, breaks);
  while (!split.done()) {
    CsvRecord record = split.next();
    if (!blank(record)) records.push_back(std::move(record));
  }
  return records;
}

}  // namespace forlob
