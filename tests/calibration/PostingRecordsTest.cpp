#include "calibration/PostingRecords.hpp"

#include <gtest/gtest.h>

#include "calibration/Support.hpp"
#include "core/Errors.hpp"
#include "support/InputErrorOf.hpp"

namespace forlob {
namespace {

using testing::posting_row;

// The message of the InputError that reading `rows` (after the header) throws, or "".
std::string records_error(const std::string& rows) {
  return testing::input_error_of([&] { testing::records(rows); });
}

TEST(PostingRecords, ReadsEveryColumn) {
  const PostingRecords r =
      testing::records(posting_row(2018, "Nord", 92, 48, "almen_medicin", "Region Midtjylland"));
  ASSERT_EQ(r.records.size(), 1U);
  const PostingRecord& p = r.records[0];
  EXPECT_EQ(p.line, 2);
  EXPECT_EQ(p.year, 2018);
  EXPECT_EQ(p.region, "Nord");
  EXPECT_EQ(p.area, "Region Midtjylland");
  EXPECT_EQ(p.posted, 92);
  EXPECT_EQ(p.filled, 48);
}

TEST(PostingRecords, FilledAbovePostedIsRejected) {
  EXPECT_EQ(records_error(posting_row(2018, "Syd", 30, 31)),
            "records.csv: line 2, column 8 (filled): expected a count at most posted (30), got '31'");
}

TEST(PostingRecords, BadValuesNameTheirColumn) {
  EXPECT_EQ(records_error("2018,all,Syd,,x,all,-3,1,published: t\n"),
            "records.csv: line 2, column 7 (posted): expected a non-negative integer, got '-3'");
  EXPECT_EQ(records_error("2018,all,Nordic,,x,all,3,1,published: t\n"),
            "records.csv: line 2, column 3 (region): expected one of Nord, Syd, Øst, all, got 'Nordic'");
  EXPECT_EQ(records_error("2018,winter,Syd,,x,all,3,1,published: t\n"),
            "records.csv: line 2, column 2 (round): expected one of spring, autumn, all, got 'winter'");
  EXPECT_EQ(records_error("2018,all,Syd,,x,genopslag,3,1,published: t\n"),
            "records.csv: line 2, column 6 (kind): expected one of ordinary, reposting, carried_over, flex, "
            "extraordinary, all, got 'genopslag'");
  EXPECT_EQ(records_error("2018,all,Syd,,Almen medicin,all,3,1,published: t\n"),
            "records.csv: line 2, column 5 (specialty): expected an id of lower-case letters, digits and '_' "
            "(e.g. almen_medicin), got 'Almen medicin'");
  EXPECT_EQ(records_error("1990,all,Syd,,x,all,3,1,published: t\n"),
            "records.csv: line 2, column 1 (year): expected an integer in 2000..2040, got '1990'");
  EXPECT_EQ(
      records_error("2018,all,Syd,,x,all,3,1,somebody said so\n"),
      "records.csv: line 2, column 9 (source): expected a source starting with 'published: ', 'derived: ' or "
      "'assumption: ', got 'somebody said so'");
}

TEST(PostingRecords, AnAreaMustBePartOfItsRegion) {
  EXPECT_EQ(
      records_error(posting_row(2018, "Nord", 10, 5, "x", "Region Sjælland")),
      "records.csv: line 2, column 4 (area): expected an empty area or one of Region Nordjylland, Region "
      "Midtjylland (the parts of Nord), got 'Region Sjælland'");
  EXPECT_EQ(
      records_error(posting_row(2018, "Syd", 10, 5, "x", "Region Syddanmark")),
      "records.csv: line 2, column 4 (area): expected an empty area (Syd is one administrative region), got "
      "'Region Syddanmark'");
  EXPECT_EQ(
      records_error(posting_row(2018, "all", 10, 5, "x", "Region Sjælland")),
      "records.csv: line 2, column 4 (area): expected an empty area (a national row), got 'Region Sjælland'");
}

TEST(PostingRecords, DuplicateRowsAreRejected) {
  EXPECT_EQ(
      records_error(posting_row(2018, "Syd", 10, 5) + posting_row(2019, "Syd", 10, 5) +
                    posting_row(2018, "Syd", 12, 5)),
      "records.csv: line 4, column 1 (year): expected one row per year, round, region, area, specialty and "
      "kind; line 2 has the same 2018, all, Syd, whole region, almen_medicin, all");
}

TEST(PostingRecords, AYearGivenWholeAndByRoundIsRejected) {
  EXPECT_EQ(
      records_error(posting_row(2018, "Syd", 10, 5) +
                    posting_row(2018, "Syd", 5, 2, "almen_medicin", "", "spring")),
      "records.csv: line 3, column 2 (round): expected either one row for the whole year (round all) or rows "
      "per round, not both; line 2 covers the same year, region, area, specialty and kind");
}

TEST(PostingRecords, ARegionGivenWholeAndByPartsIsRejected) {
  EXPECT_EQ(
      records_error(posting_row(2018, "Nord", 100, 50) +
                    posting_row(2018, "Nord", 30, 13, "almen_medicin", "Region Nordjylland")),
      "records.csv: line 3, column 4 (area): expected Nord in 2018 either as a whole (area empty) or by its "
      "administrative regions, not both; line 2 covers the same year, specialty and kind");
}

TEST(PostingRecords, RegionsCannotAddUpToMoreThanTheNation) {
  EXPECT_EQ(
      records_error(posting_row(2018, "all", 100, 80) + posting_row(2018, "Nord", 60, 40) +
                    posting_row(2018, "Øst", 50, 30)),
      "records.csv: line 4, column 7 (posted): expected the regions' posted courses in 2018 (almen_medicin, "
      "kind all, round all) to be at most the national figure 100 (line 2), got a sum of 110 up to this "
      "line");
  EXPECT_EQ(
      records_error(posting_row(2018, "all", 100, 50) +
                    posting_row(2018, "Nord", 30, 20, "almen_medicin", "", "spring") +
                    posting_row(2018, "Nord", 31, 31, "almen_medicin", "", "autumn")),
      "records.csv: line 4, column 8 (filled): expected the regions' filled courses in 2018 (almen_medicin, "
      "kind all, round all) to be at most the national figure 50 (line 2), got a sum of 51 up to this line");
}

}  // namespace
}  // namespace forlob
