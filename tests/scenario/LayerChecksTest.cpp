// A what-if cannot mislead: a changed value carries its own file's source, and a --set that the
// simulator would not read is an error naming the value to set instead.
#include "scenario/LayerChecks.hpp"

#include <gtest/gtest.h>

#include "scenario/ParameterTable.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "scenario/ScenarioTestSupport.hpp"

namespace forlob {
namespace {

using forlob::testing::minimal_scenario;
using forlob::testing::thrown_input_error;
using Json = nlohmann::json;

class OwnSources : public forlob::testing::ScenarioFiles {
 protected:
  void SetUp() override {
    ScenarioFiles::SetUp();
    Json parent = minimal_scenario();
    parent["sources"]["/fill/mean"] = "published: the parent's citation";
    write("parent.json", parent);
  }
};

TEST_F(OwnSources, AChangedValueWithoutItsOwnSourceIsAnErrorNamingTheFileAndPointer) {
  const auto child =
      write_text("child.json", R"({"extends": "parent.json", "fill": {"mean": {"a": {"Nord": 0.2}}}})");
  const InputError e = thrown_input_error([&] { load_scenario(child); });
  EXPECT_EQ(e.file(), child.string());
  EXPECT_EQ(e.place(), "/fill/mean/a/Nord");
  EXPECT_NE(e.expected().find("0.5 to 0.2"), std::string::npos) << e.what();
  EXPECT_NE(e.expected().find("belongs to a parent file"), std::string::npos) << e.what();
}

TEST_F(OwnSources, AChangedValueWithItsOwnSourceCarriesThatSourceNotTheParents) {
  const auto child =
      write_text("child.json", R"({"extends": "parent.json", "fill": {"mean": {"a": {"Nord": 0.2}}},
      "sources": {"/fill/mean/a/Nord": "assumption: the what-if's own"}})");
  const std::vector<Parameter> table = parameter_table(load_scenario(child));
  int checked = 0;
  for (const Parameter& p : table) {
    if (p.pointer == "/fill/mean/a/Nord") {
      EXPECT_EQ(p.tier, "assumption");
      EXPECT_EQ(p.source, "the what-if's own");
      ++checked;
    }
    if (p.pointer == "/fill/mean/a/Syd") {  // unchanged: keeps the parent's citation
      EXPECT_EQ(p.tier, "published");
      ++checked;
    }
  }
  EXPECT_EQ(checked, 2);
}

TEST_F(OwnSources, AValueRestatedUnchangedKeepsTheParentsSource) {
  const auto child =
      write_text("child.json", R"({"extends": "parent.json", "fill": {"mean": {"a": {"Nord": 0.5}}}})");
  EXPECT_NO_THROW(load_scenario(child));
}

TEST_F(OwnSources, AGrandchildChangingAValueNeedsItsOwnSourceEvenWhenTheMiddleFileHasOne) {
  write_text("middle.json", R"({"extends": "parent.json", "fill": {"mean": {"a": {"Nord": 0.2}}},
      "sources": {"/fill/mean/a/Nord": "assumption: the middle file's"}})");
  const auto top =
      write_text("top.json", R"({"extends": "middle.json", "fill": {"mean": {"a": {"Nord": 0.3}}}})");
  const InputError e = thrown_input_error([&] { load_scenario(top); });
  EXPECT_EQ(e.file(), top.string());
  EXPECT_EQ(e.place(), "/fill/mean/a/Nord");
}

TEST_F(OwnSources, ASetValueNeedsNoSourceOfItsOwn) {
  const Scenario s = load_scenario(dir_ / "parent.json", {"/fill/mean/a/Nord=0.2"});
  EXPECT_EQ(s.sources.at("/fill/mean/a/Nord"), "override: --set");
}

class SetEffect : public forlob::testing::ScenarioFiles {
 protected:
  std::filesystem::path with_cell() const {
    Json doc = minimal_scenario();
    doc["fill"]["cells"]["a"]["Nord"]["mean"] = 0.4;
    return write("cell.json", doc);
  }
};

TEST_F(SetEffect, ASetOfAMeanACalibratedCellReplacesIsAnErrorNamingTheCell) {
  const InputError e = thrown_input_error([&] { load_scenario(with_cell(), {"/fill/mean/a/Nord=0.45"}); });
  EXPECT_EQ(e.file(), "--set /fill/mean/a/Nord=0.45");
  EXPECT_EQ(e.place(), "/fill/mean/a/Nord");
  EXPECT_NE(e.expected().find("set /fill/cells/a/Nord/mean instead"), std::string::npos) << e.what();
}

TEST_F(SetEffect, ASetOfAWholeBlockWithAReplacedValueInsideIsAnError) {
  const InputError e = thrown_input_error(
      [&] { load_scenario(with_cell(), {R"(/fill/mean/a={"Nord": 0.1, "Syd": 0.1, "Øst": 0.1})"}); });
  EXPECT_EQ(e.place(), "/fill/mean/a/Nord");
}

TEST_F(SetEffect, ASetOfTheCellOrOfAMeanWithoutACellTakesEffect) {
  const Scenario s = load_scenario(with_cell(), {"/fill/cells/a/Nord/mean=0.45", "/fill/mean/a/Syd=0.35"});
  EXPECT_EQ(s.fill.mean[0][0], 0.45);
  EXPECT_EQ(s.fill.mean[0][1], 0.35);
}

TEST(ReplacedBy, OnlyAMeanWithACellIsReplaced) {
  const Json doc = Json::parse(R"({"fill": {"mean": {"a": {"Nord": 0.5, "Syd": 0.5}},
                                            "cells": {"a": {"Nord": {"mean": 0.4}}}}})");
  EXPECT_EQ(replaced_by(doc, "/fill/mean/a/Nord"), "/fill/cells/a/Nord/mean");
  EXPECT_EQ(replaced_by(doc, "/fill/mean/a/Syd"), "");
  EXPECT_EQ(replaced_by(doc, "/fill/concentration"), "");
}

}  // namespace
}  // namespace forlob
