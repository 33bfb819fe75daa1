#pragma once
// Limits every JSON input is held to before it is parsed or walked: nesting at most kMaxJsonDepth
// levels (so that no recursive walk, nlohmann's merge patch included, can exhaust the stack) and
// numbers within the range of a double (nlohmann would stop with its own message, no place).
#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace forlob {

inline constexpr int kMaxJsonDepth = 64;

struct JsonLimitViolation {
  std::size_t line = 1, column = 1;  // 1-based; the column counts characters, not UTF-8 bytes
  std::string message;
};

// Scans `text` (valid JSON or not) for the first array or object nested deeper than
// kMaxJsonDepth and the first number a double cannot hold. Malformed text is left to the parser.
std::optional<JsonLimitViolation> check_json_limits(std::string_view text);

// The nesting depth of a parsed value: 0 for a scalar, 1 for a flat array or object. Iterative, so
// any depth is safe to measure; stops counting at `stop_at`.
int json_depth(const nlohmann::json& value, int stop_at = kMaxJsonDepth + 1);

// The message check_json_limits gives for nesting too deep.
std::string nesting_limit_message();

}  // namespace forlob
