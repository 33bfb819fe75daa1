#include "calibration/PostingRecords.hpp"

#include <map>
#include <tuple>

#include "calibration/CsvTable.hpp"
#include "core/Errors.hpp"
#include "scenario/JsonReader.hpp"

namespace forlob {

namespace {

std::string describe_area(const PostingRecord& r) { return r.area.empty() ? "whole region" : r.area; }

// Rows that count the same postings twice: the same key, a round given both whole and by parts,
// a training region given both whole and by its administrative regions.
void check_overlaps(const CsvTable& table, const std::vector<PostingRecord>& records) {
  using Key = std::tuple<int, std::string, std::string, std::string, std::string, std::string>;
  std::map<Key, int> seen;
  std::map<std::tuple<int, std::string, std::string, std::string, std::string>, std::pair<int, bool>>
      round_use;
  std::map<std::tuple<int, std::string, std::string, std::string>, std::pair<int, bool>> area_use;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const PostingRecord& r = records[i];
    const CsvRow& row = table.rows()[i];
    const Key key{r.year, r.round, r.region, r.area, r.specialty, r.kind};
    if (const auto [it, fresh] = seen.emplace(key, r.line); !fresh)
      table.field(row, "year")
          .fail("expected one row per year, round, region, area, specialty and kind; line " +
                std::to_string(it->second) + " has the same " + std::to_string(r.year) + ", " + r.round +
                ", " + r.region + ", " + describe_area(r) + ", " + r.specialty + ", " + r.kind);
    const bool whole_year = r.round == "all";
    const auto [rit, rfresh] = round_use.emplace(
        std::make_tuple(r.year, r.region, r.area, r.specialty, r.kind), std::pair{r.line, whole_year});
    if (!rfresh && rit->second.second != whole_year)
      table.field(row, "round")
          .fail("expected either one row for the whole year (round all) or rows per round, not both; line " +
                std::to_string(rit->second.first) +
                " covers the same year, region, area, specialty and kind");
    if (r.region != "all") {
      const bool whole_region = r.area.empty();
      const auto [ait, afresh] = area_use.emplace(std::make_tuple(r.year, r.region, r.specialty, r.kind),
                                                  std::pair{r.line, whole_region});
      if (!afresh && ait->second.second != whole_region)
        table.field(row, "area")
            .fail("expected " + r.region + " in " + std::to_string(r.year) +
                  " either as a whole (area empty) or by its administrative regions, not both; line " +
                  std::to_string(ait->second.first) + " covers the same year, specialty and kind");
    }
  }
}

// The regions' rows cannot add up to more than the national row of the same year, specialty,
// kind and round (or the national whole-year row).
void check_parts_within_national(const CsvTable& table, const std::vector<PostingRecord>& records) {
  using Key = std::tuple<int, std::string, std::string, std::string>;  // year, specialty, kind, round
  std::map<Key, std::size_t> national;
  for (std::size_t i = 0; i < records.size(); ++i)
    if (records[i].region == "all")
      national[{records[i].year, records[i].specialty, records[i].kind, records[i].round}] = i;
  std::map<Key, std::pair<long, long>> sums;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const PostingRecord& r = records[i];
    if (r.region == "all") continue;
    std::vector<std::string> rounds{r.round};
    if (r.round != "all") rounds.emplace_back("all");  // a round's rows also add up within the year
    for (const std::string& round : rounds) {
      const Key key{r.year, r.specialty, r.kind, round};
      const auto it = national.find(key);
      if (it == national.end()) continue;
      auto& [posted, filled] = sums[key];
      posted += r.posted;
      filled += r.filled;
      const PostingRecord& n = records[it->second];
      const std::string what = std::to_string(r.year) + " (" + r.specialty + ", kind " + r.kind + ", round " +
                               round + ") to be at most the national figure ";
      const std::string where = " (line " + std::to_string(n.line) + ")";
      if (posted > n.posted)
        table.field(table.rows()[i], "posted")
            .fail("expected the regions' posted courses in " + what + std::to_string(n.posted) + where +
                  ", got a sum of " + std::to_string(posted) + " up to this line");
      if (filled > n.filled)
        table.field(table.rows()[i], "filled")
            .fail("expected the regions' filled courses in " + what + std::to_string(n.filled) + where +
                  ", got a sum of " + std::to_string(filled) + " up to this line");
    }
  }
}

PostingRecords to_posting_records(const CsvTable& table) {
  table.require_columns(
      {"year", "round", "region", "area", "specialty", "kind", "posted", "filled", "source"});
  PostingRecords out;
  out.file = table.file();
  for (const CsvRow& row : table.rows()) {
    PostingRecord r;
    r.line = row.line;
    r.year = table.field(row, "year").integer(kFirstRecordYear, kLastRecordYear);
    r.round = table.field(row, "round").choice({"spring", "autumn", "all"});
    r.region = table.field(row, "region").choice({"Nord", "Syd", "Øst", "all"});
    const CsvField area = table.field(row, "area");
    r.area = area.text();
    if (!r.area.empty()) {
      const std::vector<std::string> allowed = areas_of(r.region);
      bool ok = false;
      for (const std::string& a : allowed) ok = ok || a == r.area;
      if (!ok) {
        if (allowed.empty())
          area.expected(r.region == "all" ? "an empty area (a national row)"
                                          : "an empty area (" + r.region + " is one administrative region)");
        area.expected("an empty area or one of " + join(allowed) + " (the parts of " + r.region + ")");
      }
    }
    r.specialty = table.field(row, "specialty").id();
    r.kind = table.field(row, "kind")
                 .choice({"ordinary", "reposting", "carried_over", "flex", "extraordinary", "all"});
    r.posted = table.field(row, "posted").count();
    const CsvField filled = table.field(row, "filled");
    r.filled = filled.count();
    if (r.filled > r.posted) filled.expected("a count at most posted (" + std::to_string(r.posted) + ")");
    r.source = table.field(row, "source").source();
    out.records.push_back(std::move(r));
  }
  check_overlaps(table, out.records);
  check_parts_within_national(table, out.records);
  return out;
}

}  // namespace

std::vector<std::string> areas_of(const std::string& region) {
  if (region == "Nord") return {"Region Nordjylland", "Region Midtjylland"};
  if (region == "Øst") return {"Region Hovedstaden", "Region Sjælland"};
  return {};
}

PostingRecords read_posting_records(const std::filesystem::path& path, const std::string& name) {
  return to_posting_records(CsvTable::read(path, name));
}

PostingRecords parse_posting_records(const std::string& text, const std::string& name) {
  return to_posting_records(CsvTable::parse(text, name));
}

}  // namespace forlob
