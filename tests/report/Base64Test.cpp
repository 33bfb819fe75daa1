#include "report/Base64.hpp"

#include <gtest/gtest.h>

namespace forlob {
namespace {

TEST(Base64, MatchesTheRfc4648TestVectors) {
  EXPECT_EQ(base64(""), "");
  EXPECT_EQ(base64("f"), "Zg==");
  EXPECT_EQ(base64("fo"), "Zm8=");
  EXPECT_EQ(base64("foo"), "Zm9v");
  EXPECT_EQ(base64("foob"), "Zm9vYg==");
  EXPECT_EQ(base64("fooba"), "Zm9vYmE=");
  EXPECT_EQ(base64("foobar"), "Zm9vYmFy");
}

TEST(Base64, EncodesEveryByteValue) {
  EXPECT_EQ(base64(std::string("\x00\xff\xfe", 3)), "AP/+");
  EXPECT_EQ(base64("\x89PNG"), "iVBORw==");
}

}  // namespace
}  // namespace forlob
