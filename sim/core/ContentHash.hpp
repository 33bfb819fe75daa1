#pragma once
// FNV-1a, 64 bits (offset basis 14695981039346656037, prime 1099511628211): a short, well-defined
// fingerprint of an input file's bytes, so a record of a run says which version of a file it read.
// Not cryptographic: it detects changes, it does not resist forgery.
#include <cstdint>
#include <string>
#include <string_view>

namespace forlob {

std::uint64_t fnv1a64(std::string_view bytes);
// "fnv1a64:" and 16 lower-case hexadecimal digits.
std::string fnv1a64_text(std::string_view bytes);

}  // namespace forlob
