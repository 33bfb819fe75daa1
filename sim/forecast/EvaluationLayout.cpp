#include "forecast/EvaluationLayout.hpp"

#include <array>
#include <stdexcept>

namespace forlob {

namespace {

// clang-format off
constexpr std::array<MeasureInfo, 11> kExtraordinary{{
    {Measure::PostedOwn, "posted_own",
     "extraordinary courses of the region's own quota posted in the year (R9), before any hand-over"},
    {Measure::Posted, "posted",
     "extraordinary courses the region posted and kept: its own, less those it handed over, plus those it "
     "received (R10); each course once, re-postings not counted again"},
    {Measure::PostedCumulative, "posted_cumulative", "posted, summed from the trial's first year through the year"},
    {Measure::HandedOverOut, "handed_over_out",
     "unfilled spring courses handed to another region's autumn round (R10)"},
    {Measure::HandedOverIn, "handed_over_in", "courses received from another region for the autumn round (R10)"},
    {Measure::Filled, "filled", "extraordinary courses filled in the region (at the posting or a re-posting)"},
    {Measure::FilledCumulative, "filled_cumulative", "filled, summed from the trial's first year through the year"},
    {Measure::Unfilled, "unfilled",
     "posted - filled: courses the region kept that stayed unfilled; they lapse (a course is handed over at "
     "most once, autumn courses are not handed over)"},
    {Measure::InCourse, "in_course", "trainees in an extraordinary course at the end of the year"},
    {Measure::Completed, "completed",
     "trainees who completed an extraordinary course in the year (new specialists)"},
    {Measure::DroppedOut, "dropped_out", "trainees who left an extraordinary course in the year without completing"},
}};

constexpr std::array<MeasureInfo, 8> kOrdinary{{
    {Measure::Planned, "planned", "first postings of the year's dimensioned courses (the plan, R8)"},
    {Measure::Posted, "posted",
     "ordinary courses posted in the year, each once per round: the plan, courses carried over from the "
     "previous autumn (R4) and flex courses (R2); re-postings (genopslag, R5) not counted again"},
    {Measure::Filled, "filled", "ordinary courses filled in the year (at the posting or a re-posting)"},
    {Measure::FilledCumulative, "filled_cumulative", "filled, summed from the trial's first year through the year"},
    {Measure::Unfilled, "unfilled",
     "posted - filled: courses that stayed unfilled after their re-postings (then carried over or lapsed)"},
    {Measure::InCourse, "in_course",
     "trainees in an ordinary (not extraordinary) course of the specialty at the end of the year"},
    {Measure::Completed, "completed", "trainees who completed an ordinary course in the year (new specialists)"},
    {Measure::DroppedOut, "dropped_out", "trainees who left an ordinary course in the year without completing"},
}};
// clang-format on

constexpr int kOrdinaryOffset = static_cast<int>(kExtraordinary.size());
constexpr int kBlock = static_cast<int>(kExtraordinary.size() + kOrdinary.size());

}  // namespace

std::span<const MeasureInfo> measures_of(CourseKind kind) {
  if (kind == CourseKind::Extraordinary) return kExtraordinary;
  return kOrdinary;
}

EvaluationLayout::EvaluationLayout(const Scenario& scenario, int through_year) : block_(kBlock) {
  if (!scenario.extraordinary)
    throw std::invalid_argument("EvaluationLayout: scenario '" + scenario.name +
                                "' has no extraordinary trial");
  first_year_ = scenario.extraordinary->first_year;
  last_year_ = through_year;
  if (last_year_ < first_year_ || last_year_ > scenario.calendar.followup_end_year)
    throw std::invalid_argument("EvaluationLayout: evaluation year outside the run");
  specialties_ = scenario.extraordinary->specialties;
}

std::size_t EvaluationLayout::cells() const {
  return static_cast<std::size_t>(kRegionSlots) * static_cast<std::size_t>(specialty_slots()) *
         static_cast<std::size_t>(years()) * static_cast<std::size_t>(block_);
}

std::size_t EvaluationLayout::cell(int region_slot, int specialty_slot, int year_index, CourseKind kind,
                                   int measure) const {
  const int offset = (kind == CourseKind::Extraordinary ? 0 : kOrdinaryOffset) + measure;
  return ((static_cast<std::size_t>(region_slot) * static_cast<std::size_t>(specialty_slots()) +
           static_cast<std::size_t>(specialty_slot)) *
              static_cast<std::size_t>(years()) +
          static_cast<std::size_t>(year_index)) *
             static_cast<std::size_t>(block_) +
         static_cast<std::size_t>(offset);
}

void EvaluationLayout::extract(const Tally& t, std::vector<std::int32_t>& out) const {
  out.assign(cells(), 0);
  const int sum_slot = static_cast<int>(specialties_.size());
  constexpr int kAllRegions = kRegionSlots - 1;
  for (int r = 0; r < kRegionCount; ++r) {
    const Region region = kRegions[static_cast<std::size_t>(r)];
    for (int k = 0; k < sum_slot; ++k) {
      const int s = specialties_[static_cast<std::size_t>(k)];
      std::int32_t posted_to_date = 0, filled_to_date = 0, ordinary_filled_to_date = 0;
      for (int yi = 0; yi < years(); ++yi) {
        const int year = first_year_ + yi;
        auto get = [&](Metric m) { return t.get(year, region, s, m); };
        const std::int32_t posted = get(Metric::ExtraordinaryPosted);
        const std::int32_t handed_out = get(Metric::HandedOverOut);
        const std::int32_t in = get(Metric::HandedOverIn);
        const std::int32_t filled = get(Metric::ExtraordinaryFilled);
        const std::int32_t ordinary_posted = get(Metric::OrdinaryOffered);
        const std::int32_t ordinary_filled = get(Metric::Filled) - filled;
        posted_to_date += posted;
        filled_to_date += filled;
        ordinary_filled_to_date += ordinary_filled;
        auto value = [&](CourseKind kind, Measure m) -> std::int32_t {
          const bool x = kind == CourseKind::Extraordinary;
          switch (m) {
            case Measure::PostedOwn:
              return posted + handed_out - in;
            case Measure::Posted:
              return x ? posted : ordinary_posted;
            case Measure::PostedCumulative:
              return posted_to_date;
            case Measure::HandedOverOut:
              return handed_out;
            case Measure::HandedOverIn:
              return in;
            case Measure::Planned:
              return get(Metric::OrdinaryPosted);
            case Measure::Filled:
              return x ? filled : ordinary_filled;
            case Measure::FilledCumulative:
              return x ? filled_to_date : ordinary_filled_to_date;
            case Measure::Unfilled:
              return x ? posted - filled : ordinary_posted - ordinary_filled;
            case Measure::InCourse:
              return x ? get(Metric::ExtraordinaryInTraining)
                       : get(Metric::InTraining) - get(Metric::ExtraordinaryInTraining);
            case Measure::Completed:
              return x ? get(Metric::ExtraordinaryCompleted)
                       : get(Metric::Completed) - get(Metric::ExtraordinaryCompleted);
            case Measure::DroppedOut:
              return x ? get(Metric::ExtraordinaryDroppedOut)
                       : get(Metric::DroppedOut) - get(Metric::ExtraordinaryDroppedOut);
          }
          return 0;
        };
        for (CourseKind kind : kCourseKinds) {
          const std::span<const MeasureInfo> list = measures_of(kind);
          for (int m = 0; m < static_cast<int>(list.size()); ++m) {
            const std::int32_t v = value(kind, list[static_cast<std::size_t>(m)].measure);
            out[cell(r, k, yi, kind, m)] = v;
            out[cell(r, sum_slot, yi, kind, m)] += v;
            out[cell(kAllRegions, k, yi, kind, m)] += v;
            out[cell(kAllRegions, sum_slot, yi, kind, m)] += v;
          }
        }
      }
    }
  }
}

}  // namespace forlob
