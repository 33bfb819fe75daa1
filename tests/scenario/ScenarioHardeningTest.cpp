// What the loader accepts must run: the nesting limit holds through `extends` and --set, numbers
// outside what the simulation handles are refused with their bounds, and --set reaches every key
// (/fill/fitted included) with messages that name the argument.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "scenario/ScenarioLoader.hpp"
#include "scenario/ScenarioTestSupport.hpp"

namespace forlob {
namespace {

using forlob::testing::minimal_scenario;
using forlob::testing::thrown_input_error;
using Json = nlohmann::json;

class Hardening : public forlob::testing::ScenarioFiles {
 protected:
  // Loads minimal_scenario() with `value` at `pointer`.
  InputError with(const std::string& pointer, const Json& value) {
    Json doc = minimal_scenario();
    doc[Json::json_pointer(pointer)] = value;
    const std::string file = write("bad.json", doc).string();
    return thrown_input_error([&] { load_scenario(file); });
  }
  static std::string deep_objects(int depth) {
    std::string text;
    for (int i = 0; i < depth; ++i) text += "{\"a\":";
    text += "1";
    for (int i = 0; i < depth; ++i) text += "}";
    return text;
  }
};

TEST_F(Hardening, DeeplyNestedChildOfAnExtendsChainIsRefusedBeforeTheMergePatch) {
  write("parent.json", minimal_scenario());
  const auto child =
      write_text("child.json", "{\"extends\": \"parent.json\", \"x\": " + deep_objects(100000) + "}");
  const InputError e = thrown_input_error([&] { load_scenario(child); });
  EXPECT_EQ(e.file(), child.string());
  EXPECT_EQ(e.place(), "line 1, column 348");  // the 65th '{': 63 levels of {"a": after the first
  EXPECT_EQ(e.expected(), "JSON nested more than 64 levels deep");
}

TEST_F(Hardening, DeeplyNestedSetValueOrPointerNamesTheArgument) {
  const auto file = write("tiny.json", minimal_scenario());
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  const InputError value = thrown_input_error([&] { load_scenario(file, {"/description=" + deep}); });
  EXPECT_EQ(value.file().rfind("--set /description=[[[", 0), 0u) << value.what();
  EXPECT_EQ(value.place(), "column 78");  // 13 bytes of pointer and '=', then the 65th '['
  std::string pointer;
  for (int i = 0; i < 100; ++i) pointer += "/a";
  const InputError path = thrown_input_error([&] { load_scenario(file, {pointer + "=1"}); });
  EXPECT_EQ(path.expected(), "JSON nested more than 64 levels deep (pointer and value together)");
}

TEST_F(Hardening, NumberBeyondADoubleNamesFileLineAndColumn) {
  const auto file = write_text("big.json", "{\n  \"name\": 1e400\n}");
  const InputError e = thrown_input_error([&] { load_scenario(file); });
  EXPECT_EQ(e.place(), "line 2, column 11");
  const InputError set = thrown_input_error(
      [&] { load_scenario(write("t.json", minimal_scenario()), {"/fill/concentration=1e400"}); });
  EXPECT_EQ(set.file(), "--set /fill/concentration=1e400");
  EXPECT_EQ(set.place(), "column 21");
}

TEST_F(Hardening, NumbersOutsideTheirRegisteredBoundsAreRefusedWithTheBounds) {
  const InputError tiny_shape = with("/specialties/0/delay/shape", 5e-324);
  EXPECT_EQ(tiny_shape.place(), "/specialties/0/delay/shape");
  EXPECT_EQ(tiny_shape.expected(), "expected a number in [0.1, 100] (shape), got 5e-324");
  EXPECT_EQ(with("/specialties/0/delay/shape", 1e19).place(), "/specialties/0/delay/shape");
  EXPECT_EQ(with("/specialties/0/delay/mean_months", 5e-324).expected(),
            "expected 0 or a number in [0.01, 36] (months), got 5e-324");
  EXPECT_EQ(with("/specialties/0/delay/mean_months", 1000).expected(),
            "expected 0 or a number in [0.01, 36] (months), got 1000");
  EXPECT_EQ(with("/fill/concentration", 5e-324).expected(),
            "expected 0 or a number in [0.001, 1000000] (concentration), got 5e-324");
  EXPECT_EQ(with("/dimensioning/national_total/2020", 1e7).place(), "/dimensioning/national_total/2020");
  EXPECT_EQ(with("/fill/repost_multiplier", 1e308).expected(),
            "expected a number in [0, 100] (factor), got 1e+308");
}

TEST_F(Hardening, AnExtensionDistributionBeyondTheCapIsRefusedNotCut) {
  Json doc = minimal_scenario();
  doc["specialties"][1]["delay"] = {{"probability", 0.5}, {"mean_months", 30}, {"shape", 0.5}};
  const auto file = write("tail.json", doc);
  const InputError e = thrown_input_error([&] { load_scenario(file); });
  EXPECT_EQ(e.place(), "/specialties/1/delay/mean_months");
  EXPECT_NE(e.expected().find("99.9th percentile is within 72 months"), std::string::npos) << e.what();
  doc["specialties"][1]["delay"] = {{"probability", 0.5}, {"mean_months", 20}, {"shape", 10}};  // a thin tail
  EXPECT_NO_THROW(load_scenario(write("thin.json", doc)));
}

TEST_F(Hardening, WeightsAreBoundedSoTheirSumStaysFinite) {
  const auto file = shipped("extraordinary_trial.json");
  const InputError e =
      thrown_input_error([&] { load_scenario(file, {"/extraordinary/weights/Nord/geriatri=1e308"}); });
  EXPECT_EQ(e.file(), "--set /extraordinary/weights/Nord/geriatri=1e308");
  EXPECT_EQ(e.expected(), "expected a number in [0, 1000000] (weight), got 1e+308");
}

TEST_F(Hardening, NamesAndTextsHaveBoundedLength) {
  EXPECT_EQ(with("/name", std::string(100000, 'n')).expected(),
            "expected a text of at most 64 bytes, got 100000");
  EXPECT_EQ(with("/description", std::string(20000, 'd')).expected(),
            "expected a text of at most 10000 bytes, got 20000");
  EXPECT_NO_THROW(load_scenario(write("ok.json", [] {
    Json d = minimal_scenario();
    d["name"] = std::string(64, 'n');
    return d;
  }())));
}

TEST_F(Hardening, SetReachesTheFittedFileAsABarePathOrAJsonStringAndNullRemovesIt) {
  const std::string base = shipped("base.json");
  const std::string fitted = std::string(FORLOB_SOURCE_DIR) + "/calibration/fitted/fill.json";
  const Scenario from_file = load_scenario(base);
  ASSERT_EQ(from_file.fill.fitted_file, "../calibration/fitted/fill.json");
  const Scenario bare = load_scenario(base, {"/fill/fitted=" + fitted});
  const Scenario quoted = load_scenario(base, {"/fill/fitted=\"" + fitted + "\""});
  EXPECT_EQ(bare.fill.mean, from_file.fill.mean);
  EXPECT_EQ(quoted.fill.cell_concentration, from_file.fill.cell_concentration);
  const Scenario none = load_scenario(base, {"/fill/fitted=null"});
  EXPECT_TRUE(none.fill.fitted_file.empty());
  EXPECT_NE(none.fill.mean, from_file.fill.mean);  // the calibrated cells are gone
  const InputError missing = thrown_input_error([&] { load_scenario(base, {"/fill/fitted=no/such.json"}); });
  EXPECT_EQ(missing.file(), "no/such.json");
}

TEST_F(Hardening, SetOfAWholeBlockOrAnAppendedItemNamesTheArgument) {
  const InputError block =
      thrown_input_error([&] { load_scenario(shipped("base.json"), {R"(/fill={"mean": 3})"}); });
  EXPECT_EQ(block.file(), R"(--set /fill={"mean": 3})");
  EXPECT_EQ(block.place(), "/fill");
  const auto file = write("tiny.json", minimal_scenario());
  const InputError append = thrown_input_error([&] { load_scenario(file, {"/calendar/rounds/-=3"}); });
  EXPECT_EQ(append.file(), "--set /calendar/rounds/-=3");
  EXPECT_EQ(append.place(), "/calendar/rounds/1");  // the appended item, which is no round
}

}  // namespace
}  // namespace forlob
