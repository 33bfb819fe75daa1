#include "scenario/JsonLimits.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <utility>
#include <vector>

namespace forlob {

namespace {

bool starts_number(char c) { return c == '-' || (c >= '0' && c <= '9'); }

bool in_number(char c) {
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

}  // namespace

std::string nesting_limit_message() {
  return "JSON nested more than " + std::to_string(kMaxJsonDepth) + " levels deep";
}

std::optional<JsonLimitViolation> check_json_limits(std::string_view text) {
  std::size_t line = 1, column = 1;
  int depth = 0;
  bool in_string = false, escaped = false;
  const auto at = [&](std::string message) { return JsonLimitViolation{line, column, std::move(message)}; };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) return at(nesting_limit_message());
    } else if (c == ']' || c == '}') {
      --depth;
    } else if (starts_number(c)) {
      std::size_t end = i;
      while (end < text.size() && in_number(text[end])) ++end;
      const std::string token(text.substr(i, end - i));
      errno = 0;
      const double value = std::strtod(token.c_str(), nullptr);
      if (errno == ERANGE && std::isinf(value))
        return at("number " + (token.size() > 40 ? token.substr(0, 40) + "..." : token) +
                  " is outside the range of a double (magnitude at most about 1.8e308)");
      column += end - i;
      i = end - 1;
      continue;
    }
    if (c == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return std::nullopt;
}

int json_depth(const nlohmann::json& value, int stop_at) {
  int deepest = 0;
  std::vector<std::pair<const nlohmann::json*, int>> pending{{&value, 0}};
  while (!pending.empty()) {
    const auto [v, depth] = pending.back();
    pending.pop_back();
    if (!v->is_structured()) continue;
    deepest = std::max(deepest, depth + 1);
    if (deepest >= stop_at) return deepest;
    for (const nlohmann::json& child : *v) pending.emplace_back(&child, depth + 1);
  }
  return deepest;
}

}  // namespace forlob
