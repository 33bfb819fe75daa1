// JSON inputs are held to a nesting limit and to the range of a double before anything parses or
// walks them, and the error says where: line and column.
#include "scenario/JsonLimits.hpp"

#include <gtest/gtest.h>

#include <string>

#include "core/Errors.hpp"
#include "scenario/JsonText.hpp"

namespace forlob {
namespace {

std::string nested_arrays(int depth) {
  return std::string(static_cast<std::size_t>(depth), '[') +
         std::string(static_cast<std::size_t>(depth), ']');
}

TEST(JsonLimits, SixtyFourLevelsAreAcceptedAndTheSixtyFifthIsRefusedWhereItOpens) {
  EXPECT_FALSE(check_json_limits(nested_arrays(kMaxJsonDepth)));
  const auto v = check_json_limits("{\"a\":\n  " + nested_arrays(kMaxJsonDepth) + "}");
  ASSERT_TRUE(v);
  EXPECT_EQ(v->line, 2u);
  EXPECT_EQ(v->column, 3u + kMaxJsonDepth - 1);  // the 64th '[' is the 65th level with the object
  EXPECT_EQ(v->message, "JSON nested more than 64 levels deep");
}

TEST(JsonLimits, BracketsInsideStringsDoNotCount) {
  EXPECT_FALSE(check_json_limits("{\"a\": \"" + nested_arrays(1000) + "\\\"[[[\"}"));
}

TEST(JsonLimits, NumbersBeyondADoubleAreRefusedAndTinyOnesAreNot) {
  const auto v = check_json_limits("{\"a\": 1,\n \"b\": -1e400}");
  ASSERT_TRUE(v);
  EXPECT_EQ(v->line, 2u);
  EXPECT_EQ(v->column, 7u);
  EXPECT_EQ(v->message, "number -1e400 is outside the range of a double (magnitude at most about 1.8e308)");
  EXPECT_FALSE(check_json_limits("[1e-400, 1.7e308, 5e-324]"));
}

TEST(JsonLimits, ParseJsonTextReportsBothWithFileLineAndColumn) {
  try {
    parse_json_text(nested_arrays(100000), "deep.json");
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), "deep.json: line 1, column 65: JSON nested more than 64 levels deep");
  }
  try {
    parse_json_text("{\"x\": 1e400}", "big.json");
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              "big.json: line 1, column 7: number 1e400 is outside the range of a double (magnitude at most "
              "about 1.8e308)");
  }
}

TEST(JsonLimits, DepthOfAParsedValueIsMeasuredWithoutRecursion) {
  nlohmann::json deep = nlohmann::json::array();
  for (int i = 0; i < 100000; ++i) deep = nlohmann::json::array({std::move(deep)});
  EXPECT_EQ(json_depth(deep), kMaxJsonDepth + 1);  // stops counting past the limit
  EXPECT_EQ(json_depth(deep, 1 << 30), 100001);
  EXPECT_EQ(json_depth(nlohmann::json(3)), 0);
  EXPECT_EQ(json_depth(nlohmann::json::parse(R"({"a": [1, {"b": 2}]})")), 3);
}

}  // namespace
}  // namespace forlob
