#include "output/CsvFormat.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <stdexcept>

namespace forlob {

std::string csv_field(std::string_view text) {
  std::string out;
  append_csv_field(out, text);
  return out;
}

void append_csv_field(std::string& out, std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    out.append(text);
    return;
  }
  out.push_back('"');
  for (char c : text) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

namespace {

// Writes fixed notation into buf; returns the length. Rounding follows to_chars (exact decimal
// value, ties to even), the same on every platform and locale.
std::size_t to_fixed(std::array<char, 400>& buf, double value, int decimals) {
  const auto [end, ec] =
      std::to_chars(buf.data(), buf.data() + buf.size(), value, std::chars_format::fixed, decimals);
  if (ec != std::errc()) throw std::runtime_error("format_fixed: number does not fit");
  std::size_t length = static_cast<std::size_t>(end - buf.data());
  // A negative number that rounds to zero ("-0.000") is printed as zero.
  if (length > 0 && buf[0] == '-') {
    bool all_zero = true;
    for (std::size_t i = 1; i < length && all_zero; ++i) all_zero = buf[i] == '0' || buf[i] == '.';
    if (all_zero) {
      std::copy(buf.begin() + 1, buf.begin() + static_cast<std::ptrdiff_t>(length), buf.begin());
      --length;
    }
  }
  return length;
}

}  // namespace

void append_trimmed(std::string& out, double value, int decimals) {
  std::array<char, 400> buf;
  std::size_t length = to_fixed(buf, value, decimals);
  const std::string_view text(buf.data(), length);
  if (std::isfinite(value) && text.find('.') != std::string_view::npos) {
    while (buf[length - 1] == '0') --length;
    if (buf[length - 1] == '.') --length;
  }
  out.append(buf.data(), length);
}

std::string format_trimmed(double value, int decimals) {
  std::string out;
  append_trimmed(out, value, decimals);
  return out;
}

void append_shortest(std::string& out, double value) {
  if (value == 0) value = 0;  // turns -0 into 0
  std::array<char, 64> buf;
  const auto result = std::to_chars(buf.data(), buf.data() + buf.size(), value);
  out.append(buf.data(), result.ptr);
}

void append_summary_fields(std::string& out, const CellSummary& s) {
  // The mean with eight decimals, so that identities between means (posted = filled + unfilled)
  // hold in the file to 1e-8 whatever the replication count; the rest with four.
  std::array<char, 400> buf;
  out.push_back(',');
  out.append(buf.data(), to_fixed(buf, s.mean, 8));
  for (double v : {s.sd, s.p05, s.p50, s.p95}) {
    out.push_back(',');
    append_statistic(out, v);
  }
}

void append_statistic(std::string& out, double value) {
  std::array<char, 400> buf;
  out.append(buf.data(), to_fixed(buf, value, 4));
}

std::string format_fixed(double value, int decimals) {
  std::array<char, 400> buf;
  return std::string(buf.data(), to_fixed(buf, value, decimals));
}

std::size_t utf8_width(std::string_view text) {
  std::size_t width = 0;
  for (char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++width;  // skip continuation bytes
  return width;
}

}  // namespace forlob
