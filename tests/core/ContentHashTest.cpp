// FNV-1a 64 against the published test vectors (Fowler, Noll, Vo).
#include "core/ContentHash.hpp"

#include <gtest/gtest.h>

namespace forlob {
namespace {

TEST(ContentHash, MatchesTheReferenceValues) {
  EXPECT_EQ(fnv1a64(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(fnv1a64("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(fnv1a64("foobar"), 0x85944171f73967e8ULL);
}

TEST(ContentHash, TextIsPrefixedAndSixteenHexDigits) {
  EXPECT_EQ(fnv1a64_text(""), "fnv1a64:cbf29ce484222325");
  EXPECT_EQ(fnv1a64_text("a"), "fnv1a64:af63dc4c8601ec8c");
  EXPECT_NE(fnv1a64_text("ab"), fnv1a64_text("ba"));
}

}  // namespace
}  // namespace forlob
