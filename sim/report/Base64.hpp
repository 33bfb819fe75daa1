#pragma once
// Base64 (RFC 4648, with padding), for images embedded in the report as data: URIs.
#include <string>
#include <string_view>

namespace forlob {

std::string base64(std::string_view bytes);

}  // namespace forlob
