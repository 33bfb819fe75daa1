#pragma once
// What the 2029 evaluation of the extraordinary-course trial (R14) can see, as cells: region (Nord,
// Syd, Øst, all) x specialty (each trial specialty, then their sum) x year (the trial's first year
// through the evaluation year) x course kind x measure. One replication's cells are taken from its
// tally, so every interval is that of the quantity itself (sums are summed per replication).
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "forecast/CourseKind.hpp"
#include "model/Tally.hpp"
#include "scenario/Scenario.hpp"

namespace forlob {

enum class Measure : int {
  PostedOwn,
  Posted,
  PostedCumulative,
  HandedOverOut,
  HandedOverIn,
  Planned,
  Filled,
  FilledCumulative,
  Unfilled,
  InCourse,
  Completed,
  DroppedOut,
};

struct MeasureInfo {
  Measure measure;
  std::string_view name;        // the `measure` column
  std::string_view definition;  // for people and the JSON metadata
};

// The measures reported for each kind of course, in output order.
std::span<const MeasureInfo> measures_of(CourseKind kind);

// The specialty column's name for the sum over the trial specialties.
inline constexpr std::string_view kTrialSpecialtiesId = "trial_specialties";

class EvaluationLayout {
 public:
  static constexpr int kRegionSlots = 4;  // Nord, Syd, Øst, all

  // Years from the trial's first year through `through_year`; the scenario must have the trial.
  EvaluationLayout(const Scenario& scenario, int through_year);

  int first_year() const { return first_year_; }
  int last_year() const { return last_year_; }
  int years() const { return last_year_ - first_year_ + 1; }
  // Indices into Scenario::specialties of the trial's specialties; slot specialties().size() is
  // their sum.
  const std::vector<int>& specialties() const { return specialties_; }
  int specialty_slots() const { return static_cast<int>(specialties_.size()) + 1; }

  std::size_t cells() const;
  // `measure` is an index into measures_of(kind).
  std::size_t cell(int region_slot, int specialty_slot, int year_index, CourseKind kind, int measure) const;

  // One replication's cells from its closed tally.
  void extract(const Tally& tally, std::vector<std::int32_t>& out) const;

 private:
  int first_year_, last_year_;
  std::vector<int> specialties_;
  int block_;  // cells per (region, specialty, year): every measure of every kind
};

}  // namespace forlob
