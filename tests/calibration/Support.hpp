#pragma once
// Helpers shared by the calibration tests.
#include <cstdlib>
#include <string>

#include "calibration/PostingRecords.hpp"

namespace forlob::testing {

// True under AddressSanitizer/UBSan in CI, where tests use fewer repetitions.
inline bool sanitized() {
  const char* v = std::getenv("FORLOB_SANITIZED");
  return v != nullptr && std::string(v) == "1";
}

inline constexpr const char* kPostingHeader = "year,round,region,area,specialty,kind,posted,filled,source\n";

// One posting-record line with a published source.
inline std::string posting_row(int year, const std::string& region, int posted, int filled,
                               const std::string& specialty = "almen_medicin", const std::string& area = "",
                               const std::string& round = "all", const std::string& kind = "all") {
  return std::to_string(year) + "," + round + "," + region + "," + area + "," + specialty + "," + kind + "," +
         std::to_string(posted) + "," + std::to_string(filled) + ",published: test\n";
}

inline PostingRecords records(const std::string& rows) {
  return parse_posting_records(kPostingHeader + rows, "records.csv");
}

}  // namespace forlob::testing
