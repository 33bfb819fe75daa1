// Loading: extends and merge patches, --set overrides, provenance, and the errors bad input gives.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "scenario/ScenarioLoader.hpp"
#include "scenario/ScenarioTestSupport.hpp"

namespace forlob {
namespace {

using forlob::testing::minimal_flex;
using forlob::testing::minimal_scenario;
using forlob::testing::thrown_input_error;
using Json = nlohmann::json;

// ---- the minimal scenario ----

class LoadScenario : public forlob::testing::ScenarioFiles {};

TEST_F(LoadScenario, MinimalScenarioConvertsIntoPlainStructs) {
  const Scenario s = load_scenario(write("tiny.json", minimal_scenario()));
  EXPECT_EQ(s.name, "tiny");
  ASSERT_EQ(s.specialty_count(), 2);
  EXPECT_TRUE(s.specialties[0].trial);
  EXPECT_TRUE(s.specialties[0].hospital_anchor);  // the default anchor
  EXPECT_FALSE(s.specialties[1].trial);
  ASSERT_EQ(s.courses.size(), 3u);  // 2020..2022
  EXPECT_EQ(s.ordinary_courses(2021, 0, Region::Syd), 10);
  // 70 left over, split 0.5/0.25/0.25: 35, 17.5 -> 18 (the earlier cell wins the tie), 17.5 -> 17.
  EXPECT_EQ(s.ordinary_courses(2021, 1, Region::Nord), 35);
  EXPECT_EQ(s.ordinary_courses(2021, 1, Region::Syd), 18);
  EXPECT_EQ(s.ordinary_courses(2021, 1, Region::Ost), 17);
  EXPECT_EQ(s.fill.mean[0][index(Region::Ost)], 0.7);
  EXPECT_FALSE(s.flex.has_value());
  EXPECT_FALSE(s.extraordinary.has_value());
}

TEST_F(LoadScenario, FlexBlockConvertsDonorsAndPriorities) {
  Json doc = minimal_scenario();
  doc["flex"] = minimal_flex();
  doc["sources"]["/flex"] = "assumption: test";
  const Scenario s = load_scenario(write("flex.json", doc));
  ASSERT_TRUE(s.flex.has_value());
  EXPECT_EQ(s.flex->caps.at(2022), (std::array<int, kRegionCount>{2, 2, 2}));
  EXPECT_EQ(s.flex->donor, (std::vector<bool>{false, true}));
  EXPECT_EQ(s.flex->target.kind, FlexTargetRule::Kind::Priority);
  EXPECT_EQ(s.flex->target.priority[index(Region::Syd)], (std::vector<int>{0, 1}));
}

TEST_F(LoadScenario, FillScaleAndYearConcentrationAreReadWithDefaultsOfOne) {
  const Scenario plain = load_scenario(write("plain.json", minimal_scenario()));
  EXPECT_EQ(plain.fill.scale_of(0, index(Region::Syd)), 1.0);
  EXPECT_EQ(plain.fill.year_concentration, 0.0);
  Json doc = minimal_scenario();
  doc["fill"]["year_concentration"] = 40;
  doc["fill"]["scale"] = Json::parse(R"({"overall": 0.9, "specialty": {"b": 0.5}, "region": {"Øst": 2}})");
  const Scenario s = load_scenario(write("scaled.json", doc));
  EXPECT_EQ(s.fill.year_concentration, 40.0);
  EXPECT_DOUBLE_EQ(s.fill.scale_of(0, index(Region::Nord)), 0.9);
  EXPECT_DOUBLE_EQ(s.fill.scale_of(1, index(Region::Nord)), 0.45);
  EXPECT_DOUBLE_EQ(s.fill.scale_of(1, index(Region::Ost)), 0.9);
}

TEST_F(LoadScenario, FillCellsReplaceTheMeanAndConcentrationsOfTheirCellOnly) {
  Json doc = minimal_scenario();
  doc["fill"]["concentration"] = 100;
  doc["fill"]["year_concentration"] = 0;
  doc["fill"]["cells"] =
      Json::parse(R"({"a": {"Syd": {"mean": 0.4, "concentration": 250, "year_concentration": 30}}})");
  const Scenario s = load_scenario(write("cells.json", doc));
  EXPECT_EQ(s.fill.mean[0][index(Region::Syd)], 0.4);
  EXPECT_EQ(s.fill.mean[0][index(Region::Nord)], 0.5) << "other cells keep /fill/mean";
  EXPECT_EQ(s.fill.concentration_of(0, index(Region::Syd)), 250);
  EXPECT_EQ(s.fill.year_concentration_of(0, index(Region::Syd)), 30);
  EXPECT_EQ(s.fill.concentration_of(1, index(Region::Ost)), 100);
  EXPECT_EQ(s.fill.year_concentration_of(1, index(Region::Ost)), 0);
}

TEST_F(LoadScenario, FillScaleCanBeSetOnTheCommandLineWithoutBeingInTheFile) {
  const auto file = write("tiny.json", minimal_scenario());
  const Scenario s = load_scenario(file, {"/fill/scale/region/Syd=0.8", "/fill/scale/overall=1.1"});
  EXPECT_DOUBLE_EQ(s.fill.scale_of(0, index(Region::Syd)), 0.88);
  EXPECT_EQ(s.sources.at("/fill/scale/region/Syd"), "override: --set");
}

TEST_F(LoadScenario, NullFlexMeansNoFlexScheme) {
  Json doc = minimal_scenario();
  doc["flex"] = nullptr;
  EXPECT_FALSE(load_scenario(write("flex.json", doc)).flex.has_value());
}

TEST_F(LoadScenario, RemainderSplitIsExactOnAHandMadeCase) {
  // 37 - 30 fixed = 7 left for b; quotas 3.5, 2.1, 1.4 -> floors 3, 2, 1 and the last course to
  // the largest fraction (Hamilton).
  Json doc = minimal_scenario();
  doc["dimensioning"]["national_total"]["2021"] = 37;
  doc["dimensioning"]["remainder"]["b"] = Json::parse(R"({"Nord": 0.5, "Syd": 0.3, "Øst": 0.2})");
  const Scenario s = load_scenario(write("split.json", doc));
  EXPECT_EQ(s.ordinary_courses(2021, 1, Region::Nord), 4);
  EXPECT_EQ(s.ordinary_courses(2021, 1, Region::Syd), 2);
  EXPECT_EQ(s.ordinary_courses(2021, 1, Region::Ost), 1);
}

TEST_F(LoadScenario, RemainderTiesGoToTheEarlierCell) {
  // Only remainder cells: the largest quota wins first, then equal fractions go in cell order.
  Json doc = minimal_scenario();
  doc["dimensioning"]["fixed"] = Json::object();
  doc["dimensioning"]["remainder"]["a"] = Json::parse(R"({"Nord": 0.125, "Syd": 0.125, "Øst": 0.125})");
  doc["dimensioning"]["remainder"]["b"] = Json::parse(R"({"Nord": 0.125, "Syd": 0.125, "Øst": 0.375})");
  doc["dimensioning"]["national_total"]["2021"] = 1;
  doc["dimensioning"]["national_total"]["2022"] = 2;
  const Scenario s = load_scenario(write("ties.json", doc));
  EXPECT_EQ(s.courses[1][0], (std::array<int, kRegionCount>{0, 0, 0}));
  EXPECT_EQ(s.courses[1][1], (std::array<int, kRegionCount>{0, 0, 1}));  // 0.375 is the largest quota
  EXPECT_EQ(s.courses[2][0], (std::array<int, kRegionCount>{1, 0, 0}));  // five tie at 0.25: a/Nord first
  EXPECT_EQ(s.courses[2][1], (std::array<int, kRegionCount>{0, 0, 1}));
}

// ---- extends ----

class Extends : public forlob::testing::ScenarioFiles {};

TEST_F(Extends, ChildIsAMergePatchOnItsParentAndNullRemovesAKey) {
  Json parent = minimal_scenario();
  parent["description"] = "the parent";
  parent["flex"] = minimal_flex();
  parent["sources"]["/flex"] = "assumption: test";
  write("parent.json", parent);
  const Json child = Json::parse(R"({
    "extends": "parent.json", "name": "child", "description": null,
    "fill": {"concentration": 5},
    "flex": {"caps": {"2022": null}},
    "sources": {"/fill/concentration": "assumption: the child's own"}
  })");
  const Scenario s = load_scenario(write("child.json", child));
  EXPECT_EQ(s.name, "child");
  EXPECT_EQ(s.description, "");
  EXPECT_EQ(s.fill.concentration, 5);
  EXPECT_EQ(s.fill.repost_multiplier, 1);  // inherited
  ASSERT_TRUE(s.flex.has_value());
  EXPECT_EQ(s.flex->caps.size(), 1u);  // 2022 removed by the patch
  const Json resolved = Json::parse(s.resolved_json);
  EXPECT_FALSE(resolved.contains("description"));
  EXPECT_FALSE(resolved.contains("extends"));
  EXPECT_EQ(resolved["fill"]["concentration"], 5);
}

TEST_F(Extends, ParentPathIsRelativeToTheExtendingFileAndChainsWork) {
  write("base/root.json", minimal_scenario());
  write_text("base/middle.json", R"({"extends": "root.json", "fill": {"concentration": 3},
                                                "sources": {"/fill/concentration": "assumption: middle's own"}})");
  const auto top = write_text("scenarios/top.json", R"({"extends": "../base/middle.json", "name": "top"})");
  const Scenario s = load_scenario(top);
  EXPECT_EQ(s.name, "top");
  EXPECT_EQ(s.fill.concentration, 3);
  EXPECT_EQ(s.file, top.string());
}

TEST_F(Extends, CycleIsAnError) {
  write_text("a.json", R"({"extends": "b.json"})");
  write_text("b.json", R"({"extends": "a.json"})");
  const InputError e = thrown_input_error([&] { load_scenario(dir_ / "a.json"); });
  EXPECT_EQ(e.place(), "/extends");
  EXPECT_NE(e.expected().find("cycle"), std::string::npos) << e.what();
}

TEST_F(Extends, ErrorNamesTheMostDerivedFileThatHoldsTheValue) {
  Json parent = minimal_scenario();
  parent["fill"]["repost_multiplier"] = -1;
  const auto parent_path = write("parent.json", parent);
  write_text("child.json", R"({"extends": "parent.json", "fill": {"concentration": -2}})");
  const InputError child_error = thrown_input_error([&] { load_scenario(dir_ / "child.json"); });
  EXPECT_EQ(child_error.file(), (dir_ / "child.json").string());
  EXPECT_EQ(child_error.place(), "/fill/concentration");

  write_text("child2.json", R"({"extends": "parent.json", "fill": {"concentration": 2}})");
  const InputError parent_error = thrown_input_error([&] { load_scenario(dir_ / "child2.json"); });
  EXPECT_EQ(parent_error.file(), parent_path.lexically_normal().string());
  EXPECT_EQ(parent_error.place(), "/fill/repost_multiplier");
}

// ---- --set ----

class SetOption : public forlob::testing::ScenarioFiles {};

TEST_F(SetOption, ChangesAValueAndRecordsTheOverride) {
  const auto file = write("tiny.json", minimal_scenario());
  const Scenario s = load_scenario(file, {"/fill/concentration=7", "/fill/mean/a/Nord=0.25"});
  EXPECT_EQ(s.fill.concentration, 7);
  EXPECT_EQ(s.fill.mean[0][0], 0.25);
  EXPECT_EQ(s.sources.at("/fill/concentration"), "override: --set");
  EXPECT_EQ(Json::parse(s.resolved_json)["sources"]["/fill/concentration"], "override: --set");
}

TEST_F(SetOption, ValueThatIsNotJsonIsTakenAsAString) {
  const Scenario s = load_scenario(write("tiny.json", minimal_scenario()), {"/description=hello world"});
  EXPECT_EQ(s.description, "hello world");
}

TEST_F(SetOption, SetNumbersNeedNoSource) {
  Json doc = minimal_scenario();
  doc["sources"].erase("/unfilled");
  const auto file = write("tiny.json", doc);
  EXPECT_EQ(thrown_input_error([&] { load_scenario(file); }).place(), "/unfilled/max_reposts");
  const Scenario s = load_scenario(file, {R"(/unfilled={"max_reposts": 2, "repost_delay_months": 3})"});
  EXPECT_EQ(s.unfilled.max_reposts, 2);
}

TEST_F(SetOption, RemovingABlockDropsTheSourcesThatDescribedIt) {
  const Scenario s = load_scenario(shipped("extraordinary_trial.json"), {"/extraordinary=null"});
  EXPECT_FALSE(s.extraordinary.has_value());
  for (const auto& [pointer, text] : s.sources) EXPECT_NE(pointer.rfind("/extraordinary/", 0), 0u) << pointer;
}

TEST_F(SetOption, UnreadableArgumentIsRejected) {
  const auto file = write("tiny.json", minimal_scenario());
  for (const std::string arg :
       {"/fill/concentration", "fill/concentration=3", "=3", "/a~2b=1", "/extends=x.json"}) {
    const InputError e = thrown_input_error([&] { load_scenario(file, {arg}); });
    EXPECT_EQ(e.file(), "--set") << arg;
    EXPECT_NE(e.expected().find(arg), std::string::npos) << e.what();
  }
}

TEST_F(SetOption, PathThroughAScalarIsRejected) {
  const InputError e =
      thrown_input_error([&] { load_scenario(write("tiny.json", minimal_scenario()), {"/name/x=1"}); });
  EXPECT_EQ(e.file(), "--set");
}

TEST_F(SetOption, YearsOutOfOrderNameTheSetThatMovedOne) {
  const auto file = write("tiny.json", minimal_scenario());
  const InputError e = thrown_input_error([&] { load_scenario(file, {"/calendar/end_year=2030"}); });
  EXPECT_EQ(e.file(), "--set /calendar/end_year=2030");  // follow-up ends 2026 in the file
  EXPECT_EQ(e.place(), "/calendar");
}

TEST_F(SetOption, BadValueNamesTheSetArgument) {
  const auto file = write("tiny.json", minimal_scenario());
  const InputError unknown = thrown_input_error([&] { load_scenario(file, {"/no_such_key=1"}); });
  EXPECT_EQ(unknown.file(), "--set /no_such_key=1");
  EXPECT_EQ(unknown.place(), "/no_such_key");
  const InputError share = thrown_input_error([&] { load_scenario(file, {"/calendar/rounds/0/share=0.5"}); });
  EXPECT_EQ(share.file(), "--set /calendar/rounds/0/share=0.5");  // the sum fails at /calendar/rounds
  EXPECT_EQ(share.place(), "/calendar/rounds");
}

// ---- bad input ----

class BadInput : public forlob::testing::ScenarioFiles {
 protected:
  // Loads minimal_scenario() with `value` at `pointer`.
  InputError with(const std::string& pointer, const Json& value) {
    Json doc = minimal_scenario();
    doc[Json::json_pointer(pointer)] = value;
    file_ = write("bad.json", doc).string();
    return thrown_input_error([&] { load_scenario(file_); });
  }
  std::string file_;
};

TEST_F(BadInput, MissingFileSaysItCannotBeOpened) {
  const InputError e = thrown_input_error([&] { load_scenario(dir_ / "no_such.json"); });
  EXPECT_EQ(e.file(), (dir_ / "no_such.json").string());
  EXPECT_EQ(e.place(), "");
  EXPECT_EQ(e.expected().rfind("cannot open: ", 0), 0u) << e.what();
}

TEST_F(BadInput, MalformedJsonGivesLineAndColumnOnOneLine) {
  const auto file = write_text("bad.json", "{\n  \"name\": \"x\",\n  oops\n}\n");
  const InputError e = thrown_input_error([&] { load_scenario(file); });
  EXPECT_EQ(e.file(), file.string());
  EXPECT_EQ(e.place(), "line 3, column 3");
  EXPECT_EQ(e.expected().rfind("malformed JSON: ", 0), 0u) << e.what();
  EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos);
}

TEST_F(BadInput, ColumnsCountCharactersNotBytes) {
  const auto file = write_text("bad.json", "{\"Øst\": x}");
  EXPECT_EQ(thrown_input_error([&] { load_scenario(file); }).place(), "line 1, column 9");  // byte 10
}

TEST_F(BadInput, DuplicateKeyIsNotSilentlyOverwritten) {
  const auto file = write_text(
      "dup.json",
      R"({"flex": {"caps": {"2024": {"Nord": 1}, "2024": {"Nord": 2}}}, "l": [{}, {"a": 1, "a": 1}]})");
  const InputError e = thrown_input_error([&] { load_scenario(file); });
  EXPECT_EQ(e.place(), "/flex/caps/2024");
  EXPECT_EQ(e.expected(), "duplicate key '2024'");
  const auto in_array = write_text("dup2.json", R"({"l": [{}, [1, {"a": 1, "a": 1}]]})");
  EXPECT_EQ(thrown_input_error([&] { load_scenario(in_array); }).place(), "/l/1/1/a");
}

TEST_F(BadInput, UnknownKeyIsNamedWithTheAllowedKeys) {
  const InputError e = with("/fill/no_such_key", 1);
  EXPECT_EQ(e.file(), file_);
  EXPECT_EQ(e.place(), "/fill/no_such_key");
  EXPECT_EQ(e.expected(),
            "unknown key 'no_such_key'; expected one of: model, concentration, year_concentration, mean, "
            "cells, fitted, "
            "kind_multiplier, "
            "repost_multiplier, scale");
}

TEST_F(BadInput, UnknownSpecialty) {
  const InputError e = with("/fill/mean/zz", Json::parse(R"({"Nord": 1, "Syd": 1, "Øst": 1})"));
  EXPECT_EQ(e.place(), "/fill/mean/zz");
  EXPECT_EQ(e.expected(), "unknown specialty 'zz'; expected one of: a, b");
}

TEST_F(BadInput, MissingSpecialty) {
  Json doc = minimal_scenario();
  doc["fill"]["mean"].erase("b");
  const auto file = write("bad.json", doc);
  const InputError e = thrown_input_error([&] { load_scenario(file); });
  EXPECT_EQ(e.place(), "/fill/mean");
  EXPECT_EQ(e.expected(), "missing specialty 'b'");
}

TEST_F(BadInput, UnknownRegion) {
  const InputError e = with("/fill/mean/a/Midt", 0.5);
  EXPECT_EQ(e.place(), "/fill/mean/a/Midt");
  EXPECT_EQ(e.expected(), "unknown region 'Midt'; expected one of: Nord, Syd, Øst");
}

TEST_F(BadInput, NegativeCount) {
  const InputError e = with("/dimensioning/national_total/2021", -3);
  EXPECT_EQ(std::string(e.what()),
            file_ + ": /dimensioning/national_total/2021: expected a non-negative integer, got -3");
}

TEST_F(BadInput, FractionalCount) {
  const InputError e = with("/dimensioning/fixed/a/0/Syd", 10.5);
  EXPECT_EQ(e.place(), "/dimensioning/fixed/a/0/Syd");
  EXPECT_EQ(e.expected(), "expected a non-negative integer, got 10.5");
}

TEST_F(BadInput, ProbabilityAboveOne) {
  const InputError e = with("/fill/mean/a/Nord", 1.2);
  EXPECT_EQ(e.place(), "/fill/mean/a/Nord");
  EXPECT_EQ(e.expected(), "expected a probability in [0, 1], got 1.2");
}

TEST_F(BadInput, YearRangeThatDoesNotFit) {
  const InputError e = with("/calendar/end_year", 2019);  // before start_year 2021
  EXPECT_EQ(e.place(), "/calendar");
  EXPECT_EQ(e.expected(),
            "expected warmup_start_year <= start_year <= end_year <= followup_end_year, got start_year 2021 "
            "> end_year 2019");
  EXPECT_EQ(with("/calendar/start_year", 1989).place(), "/calendar/start_year");
}

TEST_F(BadInput, NationalTotalForAYearWithoutRounds) {
  const InputError e = with("/dimensioning/national_total/2023", 100);
  EXPECT_EQ(e.place(), "/dimensioning/national_total/2023");
}

TEST_F(BadInput, NationalTotalBelowTheFixedCourses) {
  const InputError e = with("/dimensioning/national_total/2022", 20);
  EXPECT_EQ(e.place(), "/dimensioning/national_total/2022");
  EXPECT_EQ(e.expected(), "expected at least the sum of the fixed courses, 30, got 20");
}

TEST_F(BadInput, FixedPeriodsMustCoverEveryYear) {
  const InputError e = with("/dimensioning/fixed/a/0/to", 2021);
  EXPECT_EQ(e.place(), "/dimensioning/fixed/a");
  EXPECT_NE(e.expected().find("do not cover 2022"), std::string::npos) << e.what();
}

TEST_F(BadInput, CapYearOutsideTheRun) {
  Json flex = minimal_flex();
  flex["caps"]["2023"] = Json::parse(R"({"Nord": 1, "Syd": 1, "Øst": 1})");
  const InputError e = with("/flex", flex);
  EXPECT_EQ(e.place(), "/flex/caps/2023");
  EXPECT_EQ(e.expected().rfind("caps for years outside the run", 0), 0u) << e.what();
}

TEST_F(BadInput, ExtraordinarySpecialtyThatIsNotATrialSpecialty) {
  const std::string trial = shipped("extraordinary_trial.json");
  const auto file = write(
      "child.json",
      Json{{"extends", trial}, {"extraordinary", {{"specialties", {"almen_medicin", "hospital_other"}}}}});
  const InputError e = thrown_input_error([&] { load_scenario(file); });
  EXPECT_EQ(e.file(), file.string());
  EXPECT_EQ(e.place(), "/extraordinary/specialties/1");
  EXPECT_EQ(e.expected().rfind("specialty 'hospital_other' is not a trial specialty", 0), 0u) << e.what();
}

TEST_F(LoadScenario, ExtraordinaryCapacityIsUnlimitedUnlessGivenPerRegionAndSpecialty) {
  const std::string trial = shipped("extraordinary_trial.json");
  const Scenario shipped_trial = load_scenario(trial);
  ASSERT_TRUE(shipped_trial.extraordinary.has_value());
  EXPECT_TRUE(shipped_trial.extraordinary->capacity.per_year.empty());
  EXPECT_EQ(shipped_trial.extraordinary->capacity.kind, CapacityRule::Kind::MostSpare);
  const Scenario s = load_scenario(
      trial, {R"(/extraordinary/capacity/per_year={"Nord": {"psykiatri": 2}, "Øst": {"geriatri": 0}})",
              "/extraordinary/capacity/rule=\"priority\""});
  const CapacityRule& c = s.extraordinary->capacity;
  EXPECT_EQ(c.kind, CapacityRule::Kind::Priority);
  int psykiatri = -1, geriatri = -1;
  for (int k = 0; k < s.specialty_count(); ++k) {
    if (s.specialties[static_cast<std::size_t>(k)].id == "psykiatri") psykiatri = k;
    if (s.specialties[static_cast<std::size_t>(k)].id == "geriatri") geriatri = k;
  }
  EXPECT_EQ(c.capacity(psykiatri, Region::Nord), 2);
  EXPECT_EQ(c.capacity(geriatri, Region::Ost), 0);
  EXPECT_EQ(c.capacity(psykiatri, Region::Syd), CapacityRule::kUnlimited);
  EXPECT_EQ(c.capacity(geriatri, Region::Nord), CapacityRule::kUnlimited);
}

TEST_F(BadInput, ExtraordinaryCapacityOutsideTheTrialSpecialtiesOrNegative) {
  const std::string trial = shipped("extraordinary_trial.json");
  InputError e = thrown_input_error(
      [&] { load_scenario(trial, {R"(/extraordinary/capacity/per_year={"Syd": {"hospital_other": 2}})"}); });
  EXPECT_EQ(e.place(), "/extraordinary/capacity/per_year/Syd/hospital_other");
  EXPECT_EQ(e.expected(), "specialty 'hospital_other' is not in /extraordinary/specialties") << e.what();
  e = thrown_input_error(
      [&] { load_scenario(trial, {R"(/extraordinary/capacity/per_year={"Syd": {"psykiatri": -1}})"}); });
  EXPECT_EQ(e.place(), "/extraordinary/capacity/per_year/Syd/psykiatri");
  e = thrown_input_error(
      [&] { load_scenario(trial, {R"(/extraordinary/capacity/per_year={"Fyn": {"psykiatri": 1}})"}); });
  EXPECT_EQ(e.place(), "/extraordinary/capacity/per_year/Fyn");
  e = thrown_input_error([&] { load_scenario(trial, {"/extraordinary/capacity/rule=\"largest\""}); });
  EXPECT_EQ(e.place(), "/extraordinary/capacity/rule");
}

TEST_F(BadInput, MissingSource) {
  Json doc = minimal_scenario();
  doc["sources"].erase("/fill");
  doc["sources"]["/fill/mean"] = "published: somewhere";
  const auto file = write("bad.json", doc);
  const InputError e = thrown_input_error([&] { load_scenario(file); });
  EXPECT_EQ(e.place(), "/fill/concentration");
  EXPECT_EQ(e.expected(), "no source: add a /sources entry naming its source or 'assumption: ...'");
}

TEST_F(BadInput, SourceCoversWholePathSegmentsOnly) {
  Json doc = minimal_scenario();
  doc["sources"].erase("/unfilled");
  doc["sources"]["/unfill"] = "assumption: a prefix of the name, not of the path";
  const InputError e = thrown_input_error([&] { load_scenario(write("bad.json", doc)); });
  EXPECT_EQ(e.place(), "/sources/~1unfill");  // stale, and would not cover /unfilled anyway
}

TEST_F(BadInput, StaleSource) {
  const InputError e = with("/sources/~1fill~1nothing", "assumption: x");
  EXPECT_EQ(e.place(), "/sources/~1fill~1nothing");
  EXPECT_NE(e.expected().find("stale source"), std::string::npos) << e.what();
}

TEST_F(BadInput, SourceWithoutATier) {
  const InputError e = with("/sources/~1fill", "my notes");
  EXPECT_EQ(e.place(), "/sources/~1fill");
}

TEST_F(BadInput, RoundSharesMustSumToOne) {
  const InputError e = with("/calendar/rounds/0/share", 0.9);
  EXPECT_EQ(e.place(), "/calendar/rounds");
  EXPECT_EQ(e.expected(), "expected round shares summing to 1, got 0.9");
}

TEST_F(BadInput, FillScaleNamesAnUnknownSpecialtyOrRegion) {
  EXPECT_EQ(with("/fill/scale/specialty/zz", 1).place(), "/fill/scale/specialty/zz");
  EXPECT_EQ(with("/fill/scale/region/Vest", 1).place(), "/fill/scale/region/Vest");
  const InputError e = with("/fill/scale/overall", -0.5);
  EXPECT_EQ(e.place(), "/fill/scale/overall");
  EXPECT_EQ(e.expected().rfind("expected a non-negative number", 0), 0u) << e.what();
}

TEST_F(BadInput, FillCellsAreCheckedLikeTheRest) {
  EXPECT_EQ(with("/fill/cells/a/Nord/mean", 1.5).place(), "/fill/cells/a/Nord/mean");
  EXPECT_EQ(with("/fill/cells/a/Nord/kappa", 1).place(), "/fill/cells/a/Nord/kappa");
  EXPECT_EQ(with("/fill/cells/zz/Nord/mean", 0.5).place(), "/fill/cells/zz");
}

TEST_F(BadInput, NameMustBeUsableAsADirectory) { EXPECT_EQ(with("/name", "../x").place(), "/name"); }

TEST_F(BadInput, SpecialtyInBothFixedAndRemainder) {
  const InputError e = with("/dimensioning/remainder/a", Json::parse(R"({"Nord": 0, "Syd": 0, "Øst": 0})"));
  EXPECT_EQ(e.place(), "/dimensioning/remainder/a");
}

}  // namespace
}  // namespace forlob
