#pragma once
// What the regions report to the 2029 evaluation, round by round, as one replication's cells:
// year (the trial's first year through the last reported year) x hiring round x region x trial
// specialty x measure. The measures are those of forecast --observed (extraordinary and ordinary
// courses filled in the round) and, for a richer reporting design, the extraordinary courses whose
// trainee was a new applicant (one who applied to no ordinary course of the specialty that round;
// the applicant model's extraordinary_filled_new).
//
// RoundRecorder reads them from the replication's own tally: it is a FillOverride that never
// overrides (every posting keeps its fill mechanism's outcome) but is told when each round opens,
// and snapshots the tally's running counts then. A round's count is the tally's count between its
// opening and the next round's opening in the same year (the last round: to the year's end): exact
// for calendars whose re-postings (R5) fall before the next round opens, as in the shipped ones
// (rounds in March and September, re-postings two months later).
#include <cstdint>
#include <string>
#include <vector>

#include "engine/FillOverride.hpp"
#include "model/Tally.hpp"
#include "scenario/Scenario.hpp"

namespace forlob {

enum class ReportMeasure : int { ExtraordinaryFilled = 0, OrdinaryFilled = 1, ExtraordinaryFilledNew = 2 };
inline constexpr int kReportMeasures = 3;
const char* report_measure_name(ReportMeasure m);

class RoundReportLayout {
 public:
  // Years from the trial's first year through `last_year`; throws InputError without the trial.
  RoundReportLayout(const Scenario& scenario, int last_year);
  int first_year() const { return first_year_; }
  int last_year() const { return last_year_; }
  int rounds() const { return rounds_; }
  // Indices into Scenario::specialties of the trial specialties, in the trial's order.
  const std::vector<int>& specialties() const { return specialties_; }
  std::size_t cells() const;
  // `specialty_slot` indexes specialties().
  std::size_t cell(int year, int round, Region r, int specialty_slot, ReportMeasure m) const;

 private:
  int first_year_, last_year_, rounds_;
  std::vector<int> specialties_;
};

class RoundRecorder final : public FillOverride {
 public:
  explicit RoundRecorder(const RoundReportLayout& layout);
  // The tally the replication counts into (must be set before the run).
  void watch(const Tally* tally) { tally_ = tally; }

  void begin_replication(StreamKey replication) override;
  void on_round(int year, int round, std::span<const Posting> postings, const NaturalFill& natural) override;
  std::optional<bool> fills(const Posting&) override { return std::nullopt; }

  // After the run: the replication's cells (RoundReportLayout order) into `out`.
  void finish(std::int32_t* out) const;

 private:
  std::int32_t running(int year, Region r, int specialty, ReportMeasure m) const;
  const RoundReportLayout& layout_;
  const Tally* tally_ = nullptr;
  std::vector<std::int32_t> opened_;  // running count at each round's opening, layout order
};

}  // namespace forlob
