#pragma once
// The two kinds of course the 2029 evaluation (R14) compares: extraordinary courses (R9) and every
// other course of the same specialties (dimensioned, carried over, flex), called ordinary here.
#include <array>
#include <optional>
#include <string_view>

namespace forlob {

enum class CourseKind : int { Extraordinary = 0, Ordinary = 1 };
inline constexpr int kCourseKindCount = 2;
inline constexpr std::array<CourseKind, kCourseKindCount> kCourseKinds{CourseKind::Extraordinary,
                                                                       CourseKind::Ordinary};

constexpr std::string_view course_kind_name(CourseKind k) {
  return k == CourseKind::Extraordinary ? "extraordinary" : "ordinary";
}

inline std::optional<CourseKind> parse_course_kind(std::string_view name) {
  for (CourseKind k : kCourseKinds)
    if (course_kind_name(k) == name) return k;
  return std::nullopt;
}

}  // namespace forlob
