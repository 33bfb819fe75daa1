#include "output/CsvFormat.hpp"

#include <gtest/gtest.h>

#include <clocale>
#include <locale>

namespace forlob {
namespace {

TEST(FormatTrimmed, DropsTrailingZerosAndTheDecimalPoint) {
  EXPECT_EQ(format_trimmed(12.5), "12.5");
  EXPECT_EQ(format_trimmed(3.0), "3");
  EXPECT_EQ(format_trimmed(-0.25), "-0.25");
  EXPECT_EQ(format_trimmed(100.0), "100");
  EXPECT_EQ(format_trimmed(0.0), "0");
  EXPECT_EQ(format_trimmed(1234567.891), "1234567.891");
}

TEST(FormatTrimmed, RoundsToThreeDecimals) {
  EXPECT_EQ(format_trimmed(2.0 / 3.0), "0.667");
  EXPECT_EQ(format_trimmed(0.70710678), "0.707");
  EXPECT_EQ(format_trimmed(143.05), "143.05");
  EXPECT_EQ(format_trimmed(-9.99951), "-10");
}

TEST(FormatTrimmed, NeverWritesNegativeZero) {
  EXPECT_EQ(format_trimmed(-0.0), "0");
  EXPECT_EQ(format_trimmed(-0.0004), "0");
  EXPECT_EQ(format_fixed(-0.04, 1), "0.0");
}

// Danish number punctuation: decimal comma, thousands point.
struct DanishPunct : std::numpunct<char> {
  char do_decimal_point() const override { return ','; }
  char do_thousands_sep() const override { return '.'; }
  std::string do_grouping() const override { return "\3"; }
};

TEST(FormatTrimmed, IgnoresTheGlobalLocale) {
  const std::locale previous = std::locale::global(std::locale(std::locale::classic(), new DanishPunct));
  // The C locale too, where one with a decimal comma is installed.
  if (std::setlocale(LC_NUMERIC, "da_DK.UTF-8") == nullptr) std::setlocale(LC_NUMERIC, "de_DE.UTF-8");
  EXPECT_EQ(format_trimmed(1234.5), "1234.5");
  EXPECT_EQ(format_fixed(1234.5, 1), "1234.5");
  std::setlocale(LC_NUMERIC, "C");
  std::locale::global(previous);
}

TEST(FormatFixed, KeepsExactlyTheGivenDecimals) {
  EXPECT_EQ(format_fixed(12.0, 1), "12.0");
  EXPECT_EQ(format_fixed(-3.26, 1), "-3.3");
  EXPECT_EQ(format_fixed(7.0, 0), "7");
}

TEST(CsvField, LeavesPlainTextAlone) {
  EXPECT_EQ(csv_field("almen_medicin"), "almen_medicin");
  EXPECT_EQ(csv_field("Øst"), "Øst");
  EXPECT_EQ(csv_field("Regionshospitalet Gødstrup (Herning)"), "Regionshospitalet Gødstrup (Herning)");
  EXPECT_EQ(csv_field(""), "");
}

TEST(CsvField, QuotesCommasQuotesAndLineBreaks) {
  EXPECT_EQ(csv_field("Aalborg, Thisted"), "\"Aalborg, Thisted\"");
  EXPECT_EQ(csv_field("say \"hej\""), "\"say \"\"hej\"\"\"");
  EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(csv_field("cr\r"), "\"cr\r\"");
}

TEST(Utf8Width, CountsCodePointsNotBytes) {
  EXPECT_EQ(utf8_width("Øst"), 3u);
  EXPECT_EQ(utf8_width("2031–36"), 7u);
  EXPECT_EQ(utf8_width("B − A"), 5u);
  EXPECT_EQ(utf8_width(""), 0u);
}

TEST(SummaryFields, AreFiveNumbersTheMeanWithEightDecimalsTheRestWithFour) {
  std::string line = "x";
  append_summary_fields(line, CellSummary{2, 1.5, 0.70710678, 1.05, 1.5, 1.95});
  EXPECT_EQ(line, "x,1.50000000,0.7071,1.0500,1.5000,1.9500");
  line = "x";
  append_summary_fields(line, CellSummary{300, 1.0 / 300, 0, 0, 0, 0});
  EXPECT_EQ(line, "x,0.00333333,0.0000,0.0000,0.0000,0.0000") << "no scientific notation";
}

TEST(Statistic, IsNeverInScientificNotationAndHasOneFormat) {
  std::string text;
  for (double v : {0.0008, 8e-12, 1e9, -0.00001, 3.0}) {
    append_statistic(text, v);
    text.push_back(' ');
  }
  EXPECT_EQ(text, "0.0008 0.0000 1000000000.0000 0.0000 3.0000 ");
}

TEST(CsvFormat, MeansAreWrittenExactlyAndReadBackToTheSameDouble) {
  for (double v : {1.0 / 3.0, 1067.4634, 0.1, 12345.678901234567, -2.5, -0.0}) {
    std::string text;
    append_shortest(text, v);
    EXPECT_EQ(std::stod(text), v) << text;
  }
  std::string zero;
  append_shortest(zero, -0.0);
  EXPECT_EQ(zero, "0");
}

}  // namespace
}  // namespace forlob
