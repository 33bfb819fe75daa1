#pragma once
// The simulation calendar counts whole months; month 0 is January of year 0.
namespace forlob {

using Month = int;

constexpr Month month_of(int year, int month_1_to_12) { return year * 12 + (month_1_to_12 - 1); }
constexpr int year_of(Month m) { return m / 12; }
constexpr int month_in_year(Month m) { return m % 12 + 1; }

}  // namespace forlob
