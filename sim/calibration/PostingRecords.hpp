#pragma once
// Posting records (calibration/data/posting_records.csv): how many main courses were posted and
// filled, by year, hiring round, training region (or part of one), specialty and kind of posting.
// The schema and its rules are in calibration/README.md.
#include <filesystem>
#include <string>
#include <vector>

namespace forlob {

inline constexpr int kFirstRecordYear = 2000;
inline constexpr int kLastRecordYear = 2040;

struct PostingRecord {
  int line = 0;  // line in the file, for messages and sources
  int year = 0;
  std::string round;   // spring, autumn, all
  std::string region;  // Nord, Syd, Øst, all (national)
  std::string area;    // empty, or the administrative region the record covers (part of `region`)
  std::string specialty;
  std::string kind;  // ordinary, reposting, carried_over, flex, extraordinary, all
  int posted = 0;
  int filled = 0;
  std::string source;
};

struct PostingRecords {
  std::string file;  // as messages and the fitted file name it
  std::vector<PostingRecord> records;
};

// The administrative regions (regioner) that a training region (videreuddannelsesregion) is made
// of, when it is more than one: Nord = Nordjylland + Midtjylland, Øst = Hovedstaden + Sjælland.
std::vector<std::string> areas_of(const std::string& region);

// Reads and checks the file; every problem is an InputError naming the line and column.
PostingRecords read_posting_records(const std::filesystem::path& path, const std::string& name);
// The same from text (tests).
PostingRecords parse_posting_records(const std::string& text, const std::string& name);

}  // namespace forlob
