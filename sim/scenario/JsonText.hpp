#pragma once
// JSON text into a document, for every JSON input (scenarios, fitted files): a repeated key is an
// error rather than silently resolved, and malformed text is reported by line and column.
#include <nlohmann/json.hpp>
#include <string>

namespace forlob {

// Throws InputError(name, "line N, column M", "malformed JSON: ..."), the same for text nested
// deeper than kMaxJsonDepth or a number outside the range of a double (JsonLimits), or
// InputError(name, pointer, "duplicate key '...'").
nlohmann::json parse_json_text(const std::string& text, const std::string& name);

}  // namespace forlob
