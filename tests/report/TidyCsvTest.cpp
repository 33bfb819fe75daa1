#include "report/TidyCsv.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "support/InputErrorOf.hpp"
#include "support/TestDirectory.hpp"

namespace forlob {
namespace {

using testing::input_error_of;

TEST(TidyCsv, FindsColumnsByNameWhateverTheirOrderAndExtraColumns) {
  const TidyCsv t = TidyCsv::parse("extra,b,a\nx,2,1\ny,4,3\n", "t.csv");
  ASSERT_EQ(t.rows(), 2U);
  EXPECT_EQ(t.number(1, t.column("a")), 3);
  EXPECT_EQ(t.number(0, t.column("b")), 2);
  EXPECT_FALSE(t.find_column("c"));
}

TEST(TidyCsv, ReadsQuotedFieldsWithCommasQuotesAndLineBreaks) {
  const TidyCsv t =
      TidyCsv::parse("name,n\n\"a, b\",1\n\"say \"\"hi\"\"\",2\n\"two\nlines\",3\nlast,4\n", "t.csv");
  ASSERT_EQ(t.rows(), 4U);
  EXPECT_EQ(t.text(0, 0), "a, b");
  EXPECT_EQ(t.text(1, 0), "say \"hi\"");
  EXPECT_EQ(t.text(2, 0), "two\nlines");
  // The record after a quoted line break starts on line 6 of the file.
  EXPECT_EQ(t.place(3, 1), "line 6, column 2 (n)");
}

TEST(TidyCsv, AcceptsCrLfAByteOrderMarkBlankLinesAndNoFinalNewline) {
  const TidyCsv t = TidyCsv::parse("\xEF\xBB\xBFyear,v\r\n2026,1.5\r\n\r\n2027,2", "t.csv");
  ASSERT_EQ(t.rows(), 2U);
  EXPECT_EQ(t.header()[0], "year");
  EXPECT_EQ(t.integer(1, 0, 2000, 2100), 2027);
  EXPECT_EQ(t.number(0, 1), 1.5);
}

TEST(TidyCsv, ARowWithTheWrongNumberOfFieldsNamesItsLine) {
  EXPECT_EQ(input_error_of([] { TidyCsv::parse("a,b\n1,2\n3\n", "t.csv"); }),
            "t.csv: line 3: expected 2 fields as in the header, got 1");
}

TEST(TidyCsv, AMissingColumnNamesWhatWasExpected) {
  const TidyCsv t = TidyCsv::parse("a,b\n1,2\n", "t.csv");
  const std::string e = input_error_of([&] { t.require_columns({"a", "mean", "p95"}); });
  EXPECT_EQ(e, "t.csv: line 1: expected a column named mean, p95 in the header, got a,b");
}

TEST(TidyCsv, ANonNumberNamesLineColumnAndColumnName) {
  const TidyCsv t = TidyCsv::parse("year,mean\n2026,12\n2027,12x\n", "y.csv");
  EXPECT_EQ(input_error_of([&] { t.number(1, 1); }),
            "y.csv: line 3, column 2 (mean): expected a number, got '12x'");
  EXPECT_EQ(input_error_of([&] { t.integer(0, 0, 2030, 2040); }),
            "y.csv: line 2, column 1 (year): expected a whole number from 2030 to 2040, got '2026'");
  EXPECT_NE(input_error_of([&] { TidyCsv::parse("v\ninf\n", "i.csv").number(0, 0); }), "");
}

TEST(TidyCsv, OptionalNumbersMayBeEmptyOrNan) {
  const TidyCsv t = TidyCsv::parse("lo,hi\n,nan\n", "s.csv");
  EXPECT_TRUE(std::isnan(t.number_or_nan(0, 0)));
  EXPECT_TRUE(std::isnan(t.number_or_nan(0, 1)));
  EXPECT_NE(input_error_of([&] { t.number(0, 0); }), "");
}

TEST(TidyCsv, MalformedQuotingIsAnErrorAtItsPlace) {
  EXPECT_EQ(input_error_of([] { TidyCsv::parse("a,b\n1,\"open\n", "q.csv"); }),
            "q.csv: line 2, column 2: expected a closing quote before the end of the file for the quoted "
            "field that "
            "starts here");
  EXPECT_EQ(input_error_of([] { TidyCsv::parse("a,b\n\"x\"y,2\n", "q.csv"); }),
            "q.csv: line 2, column 1: expected ',' or the end of the line after a closing quote");
  EXPECT_NE(input_error_of([] { TidyCsv::parse("a,b\n1,x\"y\n", "q.csv"); }), "");
}

TEST(TidyCsv, EmptyFilesAndRepeatedColumnNamesAreRejected) {
  EXPECT_EQ(input_error_of([] { TidyCsv::parse("", "e.csv"); }),
            "e.csv: line 1: expected a header line, got an empty file");
  EXPECT_EQ(input_error_of([] { TidyCsv::parse("a,b,a\n", "d.csv"); }),
            "d.csv: line 1, column 3: expected each column name once, got 'a' twice");
}

TEST(TidyCsv, AMissingFileIsAnInputErrorNamingIt) {
  EXPECT_EQ(input_error_of([] { TidyCsv::read("/nonexistent/yearly.csv", "out/yearly.csv"); }),
            "out/yearly.csv: cannot open: No such file or directory");
}

}  // namespace
}  // namespace forlob
