#include "report/Chart.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace forlob {
namespace {

TEST(GnuplotText, StringsAreSingleQuotedSoNothingIsSubstituted) {
  EXPECT_EQ(gp_string("Øst"), "'Øst'");
  EXPECT_EQ(gp_string("it's"), "'it''s'");
  EXPECT_EQ(gp_string("`rm -rf x` @macro"), "'`rm -rf x` @macro'");
  EXPECT_EQ(gp_string("two\nlines"), "'two lines'") << "a line break would end the command";
}

TEST(GnuplotText, DataFieldsStayOneColumn) {
  EXPECT_EQ(tsv_text("fill\toverall \"x\"\n"), "\"fill overall 'x' \"");
  EXPECT_EQ(tsv_number(12.5), "12.5");
  EXPECT_EQ(tsv_number(std::nan("")), "NaN");
  EXPECT_EQ(tsv_number(-0.0), "0");
}

TEST(GnuplotText, FileStemsKeepOnlySafeCharacters) {
  EXPECT_EQ(file_stem("flows_flex_scheme"), "flows_flex_scheme");
  EXPECT_EQ(file_stem("../x y/Ø"), "___x_y___");
  EXPECT_EQ(file_stem(""), "chart");
}

TEST(GnuplotText, WrapsCaptionsOnWordsByCharacters) {
  EXPECT_EQ(wrap("aa bb cc dd", 5), (std::vector<std::string>{"aa bb", "cc dd"}));
  EXPECT_EQ(wrap("ØØØØ ØØ", 7), (std::vector<std::string>{"ØØØØ ØØ"})) << "widths in characters, not bytes";
  EXPECT_EQ(wrap("averyveryverylongword x", 5), (std::vector<std::string>{"averyveryverylongword", "x"}));
  EXPECT_TRUE(wrap("", 5).empty());
}

TEST(GnuplotText, ThePreambleCarriesTitleLabelsAndEveryCaptionLine) {
  Chart c;
  c.title = "New specialists";
  c.caption = std::string(300, 'x') + " end";
  const std::string p = chart_preamble(c, "year", "persons", {"a", "b"});
  EXPECT_NE(p.find("'New specialists'"), std::string::npos);
  EXPECT_NE(p.find("set xlabel 'year'"), std::string::npos);
  EXPECT_NE(p.find("set ylabel 'persons'"), std::string::npos);
  EXPECT_NE(p.find("set label 2 'end'"), std::string::npos) << p;
  EXPECT_NE(p.find("maxcols 2"), std::string::npos) << "two short entries fit on one row";
}

}  // namespace
}  // namespace forlob
