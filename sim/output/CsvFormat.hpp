#pragma once
// Text shared by the output writers: RFC 4180 fields and locale-independent numbers.
#include <string>
#include <string_view>

#include "stats/CellDistribution.hpp"

namespace forlob {

// The field as RFC 4180 wants it: quoted, with quotes doubled, when it holds a comma, a quote or a
// line break; otherwise unchanged.
std::string csv_field(std::string_view text);
// Appends csv_field(text) to out.
void append_csv_field(std::string& out, std::string_view text);

// Fixed with `decimals` decimals, then trailing zeros and a trailing '.' removed: "12.5", "3",
// "-0.25". Never "-0". Independent of the global and stream locales.
std::string format_trimmed(double value, int decimals = 3);
void append_trimmed(std::string& out, double value, int decimals = 3);

// The shortest text that reads back as exactly `value` ("1067.4634", "0.1"); never "-0".
void append_shortest(std::string& out, double value);
// The columns mean,sd,p05,p50,p95 of one cell, each preceded by a comma: the mean fixed with eight
// decimals (identities between counts such as posted = filled + unfilled hold in the file to
// 1e-8), the others with four (append_statistic).
void append_summary_fields(std::string& out, const CellSummary& s);
// A statistic of a run file's column (mean, sd, a quantile): always fixed with four decimals, so
// that a column has one format, never scientific notation, and a mean of integers over up to
// 10,000 replications is exact.
void append_statistic(std::string& out, double value);

// Fixed with exactly `decimals` decimals ("12.0"), never a negative zero ("0.0", not "-0.0").
std::string format_fixed(double value, int decimals);

// The en dash of year ranges ("2031–36") and intervals in tables.
inline constexpr std::string_view kEnDash = "\u2013";

// Display width of UTF-8 text in code points ("Øst" is 3, "2031–36" is 7).
std::size_t utf8_width(std::string_view text);

}  // namespace forlob
