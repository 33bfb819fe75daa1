#include "calibration/CsvTable.hpp"

#include <gtest/gtest.h>

#include "core/Errors.hpp"
#include "support/InputErrorOf.hpp"

namespace forlob {
namespace {

using testing::input_error_of;

TEST(CsvTable, ReadsQuotedFieldsWithCommasAndQuotes) {
  const CsvTable t = CsvTable::parse("a,b\r\n1,\"x, \"\"y\"\"\"\n\n2,\n", "f.csv");
  t.require_columns({"a", "b"});
  ASSERT_EQ(t.rows().size(), 2U);
  EXPECT_EQ(t.rows()[0].fields[1], "x, \"y\"");
  EXPECT_EQ(t.rows()[0].line, 2);
  EXPECT_EQ(t.rows()[1].line, 4) << "the blank line is skipped but counted";
  EXPECT_EQ(t.rows()[1].fields[1], "");
}

TEST(CsvTable, IgnoresAByteOrderMark) {
  const CsvTable t = CsvTable::parse("\xEF\xBB\xBFyear,cap\n2021,3\n", "f.csv");
  EXPECT_EQ(t.header()[0], "year");
}

TEST(CsvTable, MalformedTextNamesLineAndColumn) {
  EXPECT_EQ(
      input_error_of([] { CsvTable::parse("a,b\n1,\"open\n2,\"x\"\n", "f.csv"); }),
      "f.csv: line 2, column 2: expected a closing quote before the end of the line for the quoted field "
      "that starts here");
  EXPECT_EQ(input_error_of([] { CsvTable::parse("a,b\n1,x\"y\n", "f.csv"); }).substr(0, 50),
            "f.csv: line 2, column 2: expected no quote inside ");
  EXPECT_EQ(input_error_of([] {
              CsvTable::parse("a,b\n1\n", "f.csv").require_columns({"a", "b"});
            }),
            "f.csv: line 2, column 2 (b): expected 2 fields as in the header, got 1");
  EXPECT_EQ(input_error_of([] {
              CsvTable::parse("a,b\n1,2,3\n", "f.csv").require_columns({"a", "b"});
            }),
            "f.csv: line 2, column 3: expected 2 fields as in the header, got 3 (quote a field that holds a "
            "comma)");
  EXPECT_EQ(input_error_of([] { CsvTable::parse("", "f.csv"); }),
            "f.csv: line 1: expected a header line naming the columns");
  EXPECT_EQ(input_error_of([] { CsvTable::parse("a,a\n", "f.csv"); }),
            "f.csv: line 1, column 2 (a): expected each column once; 'a' is also column 1");
}

TEST(CsvTable, ColumnsMustBeExactlyTheSchemas) {
  const CsvTable t = CsvTable::parse("year,cap,colour\n", "f.csv");
  EXPECT_EQ(input_error_of([&] {
              t.require_columns({"year", "cap"});
            }),
            "f.csv: line 1, column 3 (colour): expected only the columns year,cap; unknown column 'colour'");
  const CsvTable u = CsvTable::parse("year\n", "f.csv");
  EXPECT_EQ(input_error_of([&] {
              u.require_columns({"year", "cap"});
            }),
            "f.csv: line 1: expected the columns year,cap; column 'cap' is missing");
}

TEST(CsvTable, TypedFieldsSayWhatTheyExpected) {
  const CsvTable t = CsvTable::parse("n,x,s\n1.5,abc,tier\n", "f.csv");
  const CsvRow& row = t.rows()[0];
  EXPECT_EQ(input_error_of([&] { t.field(row, "n").count(); }),
            "f.csv: line 2, column 1 (n): expected a non-negative integer, got '1.5'");
  EXPECT_DOUBLE_EQ(t.field(row, "n").number(0, 10), 1.5);
  EXPECT_EQ(input_error_of([&] { t.field(row, "x").number(0, 1); }),
            "f.csv: line 2, column 2 (x): expected a number in 0..1, got 'abc'");
  EXPECT_EQ(input_error_of([&] { t.field(row, "s").source(); }),
            "f.csv: line 2, column 3 (s): expected a source starting with 'published: ', 'derived: ' or "
            "'assumption: ', got 'tier'");
}

TEST(CsvTable, LineRangesAreCompact) {
  EXPECT_EQ(number_ranges({12, 2, 3, 4, 7, 11}), "2-4, 7, 11-12");
  EXPECT_EQ(number_ranges({5}), "5");
}

}  // namespace
}  // namespace forlob
