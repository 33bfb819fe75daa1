// Reading CSV as spreadsheets and pandas write it, remembering where each record starts.
#include "forecast/CsvReader.hpp"

#include <gtest/gtest.h>

#include "core/Errors.hpp"

namespace forlob {
namespace {

TEST(CsvReader, SplitsRecordsAndFieldsAndNumbersLines) {
  const auto records = read_csv_records("a,b,c\n1,2,3\n", "f.csv");
  ASSERT_EQ(records.size(), 2U);
  EXPECT_EQ(records[0].line, 1);
  EXPECT_EQ(records[1].line, 2);
  EXPECT_EQ(records[1].fields, (std::vector<std::string>{"1", "2", "3"}));
}

TEST(CsvReader, QuotedFieldsHoldCommasQuotesAndLineBreaks) {
  const auto records =
      read_csv_records("x,y\n\"a, b\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\nlast,1\n", "f.csv");
  ASSERT_EQ(records.size(), 4U);
  EXPECT_EQ(records[1].fields[0], "a, b");
  EXPECT_EQ(records[1].fields[1], "say \"hi\"");
  EXPECT_EQ(records[2].fields[0], "two\nlines");
  EXPECT_EQ(records[2].line, 3);
  EXPECT_EQ(records[3].line, 5) << "the line break inside quotes counts";
}

TEST(CsvReader, AcceptsCrLfAByteOrderMarkBlankLinesAndNoFinalLineEnd) {
  const auto records = read_csv_records("\xEF\xBB\xBFh1,h2\r\n\r\nv1,\r\nv3,v4", "f.csv");
  ASSERT_EQ(records.size(), 3U);
  EXPECT_EQ(records[0].fields[0], "h1");
  EXPECT_EQ(records[1].line, 3);
  EXPECT_EQ(records[1].fields, (std::vector<std::string>{"v1", ""}));
  EXPECT_EQ(records[2].fields, (std::vector<std::string>{"v3", "v4"}));
}

TEST(CsvReader, AnUnclosedQuoteNamesTheLineAndColumnWhereItOpened) {
  try {
    read_csv_records("a,b\n1,\"open\n2,3\n", "obs.csv");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), "obs.csv");
    EXPECT_EQ(e.place(), "line 2, column 2");
  }
}

TEST(CsvReader, TextAfterAClosingQuoteIsAnError) {
  EXPECT_THROW(read_csv_records("a,b\n\"x\"y,1\n", "f.csv"), InputError);
}

}  // namespace
}  // namespace forlob
