// JsonReader: typed reads that name the file and the JSON pointer in one-line errors.
#include <gtest/gtest.h>

#include "core/Errors.hpp"
#include "scenario/JsonReader.hpp"
#include "scenario/ScenarioTestSupport.hpp"

namespace forlob {
namespace {

using forlob::testing::thrown_input_error;
using Json = nlohmann::json;

class JsonReaderTest : public ::testing::Test {
 protected:
  Json doc_ = Json::parse(R"({"flex": {"caps": {"2024": {"Nord": -3, "Syd": 2.5, "Øst": 3.0}}},
                              "p": 1.5, "a/b": {"~": 1}, "list": [1, 2], "s": "x"})");
  JsonReader root_{doc_, "scenarios/x.json"};
};

TEST_F(JsonReaderTest, NegativeIntegerNamesFileAndPointer) {
  const JsonReader nord = root_.at("flex").at("caps").at("2024").at("Nord");
  const InputError e = thrown_input_error([&] { nord.count(); });
  EXPECT_STREQ(e.what(), "scenarios/x.json: /flex/caps/2024/Nord: expected a non-negative integer, got -3");
}

TEST_F(JsonReaderTest, IntegersRejectFractionsButAcceptWholeFloats) {
  const JsonReader caps = root_.at("flex").at("caps").at("2024");
  EXPECT_EQ(thrown_input_error([&] { caps.at("Syd").count(); }).expected(),
            "expected a non-negative integer, got 2.5");
  EXPECT_EQ(caps.at("Øst").count(), 3);
  EXPECT_EQ(thrown_input_error([&] { caps.at("Øst").integer(5, 10); }).expected(),
            "expected an integer in 5..10, got 3.0");
}

TEST_F(JsonReaderTest, ProbabilityAboveOneIsRejected) {
  EXPECT_EQ(thrown_input_error([&] { root_.at("p").probability(); }).expected(),
            "expected a probability in [0, 1], got 1.5");
  EXPECT_EQ(root_.at("p").positive_number(), 1.5);
}

TEST_F(JsonReaderTest, ObjectRejectsAnUnknownKeyListingTheAllowedOnes) {
  const InputError e = thrown_input_error([&] { root_.object({"flex", "p", "a/b", "list"}); });
  EXPECT_EQ(e.place(), "/s");
  EXPECT_EQ(e.expected(), "unknown key 's'; expected one of: flex, p, a/b, list");
}

TEST_F(JsonReaderTest, MissingKeyIsReportedAtTheObject) {
  const InputError e = thrown_input_error([&] { root_.at("flex").at("take_up"); });
  EXPECT_EQ(e.place(), "/flex");
  EXPECT_EQ(e.expected(), "missing key 'take_up'");
}

TEST_F(JsonReaderTest, PointerTokensAreEscaped) {
  EXPECT_EQ(root_.at("a/b").at("~").pointer(), "/a~1b/~0");
  EXPECT_EQ(root_.at("list").array()[1].pointer(), "/list/1");
}

TEST_F(JsonReaderTest, RegionsNeedAllThreeAndNoOthers) {
  const Json bad = Json::parse(R"({"Nord": 1, "Syd": 1})");
  const InputError missing = thrown_input_error([&] { JsonReader(bad, "f").regions(); });
  EXPECT_EQ(missing.expected(), "missing region 'Øst'");
  const std::vector<JsonReader> regions = root_.at("flex").at("caps").at("2024").regions();
  ASSERT_EQ(regions.size(), 3u);
  EXPECT_EQ(regions[2].key(), "Øst");
  EXPECT_EQ(regions[2].region_key(), Region::Ost);
}

TEST_F(JsonReaderTest, ArraySizeIsChecked) {
  EXPECT_EQ(thrown_input_error([&] { root_.at("list").array(3, 4); }).expected(),
            "expected an array of 3..4 items, got [1,2]");
}

TEST_F(JsonReaderTest, FileNamerChoosesTheFilePerPointer) {
  const JsonReader reader(
      doc_, [](const std::string& pointer) { return pointer.rfind("/flex", 0) == 0 ? "child" : "base"; });
  EXPECT_EQ(thrown_input_error([&] { reader.at("flex").at("caps").at("2024").at("Nord").count(); }).file(),
            "child");
  EXPECT_EQ(thrown_input_error([&] { reader.at("s").boolean(); }).file(), "base");
}

TEST_F(JsonReaderTest, MessagesStayOnOneLine) {
  const Json doc = Json::parse(R"({"bad\nkey": 1})");
  const InputError e = thrown_input_error([&] { JsonReader(doc, "f").object({"good"}); });
  EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos) << e.what();
}

}  // namespace
}  // namespace forlob
