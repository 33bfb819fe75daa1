#pragma once
// Holds the hiring rounds already held to their observed figures (the FillOverride consulted by
// Replication::post). For an observed cell (year, round, region, specialty, kind) with `filled`
// observed fills, exactly min(filled, N) of the N courses the simulation posts in that cell fill:
//  - the courses that would fill by their own draws come first, the others after, each group in the
//    order of a keyed uniform per course, and the first `filled` of that order are chosen (a simple
//    random sample without replacement within each group). So when the observed count equals what
//    the draws give, exactly the same courses fill and the replication is unchanged (common random
//    numbers); otherwise the fewest courses change.
//  - a chosen course fills when its draws say (at the posting or a re-posting) or else at its
//    posting; a course not chosen stays unfilled through its re-postings in the round, then meets
//    the usual fates (carried over, handed over, lapsed).
//  - the number of courses posted is never changed: it follows from the scenario (plan, carry-over,
//    hand-over). When the simulation posts fewer courses than were observed filled, all of them fill
//    and the shortfall is reported; a different count of posted courses is reported, not corrected.
//  - a course that joins the round after it opened (a flex course posted within the round, R3),
//    belongs to the round's latest opening and fills while the observed count has not been reached.
// One instance per thread; it keeps the state of the replication it is consulted in.
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "engine/FillOverride.hpp"
#include "forecast/ObservedFigures.hpp"

namespace forlob {

class ObservedRounds final : public FillOverride {
 public:
  explicit ObservedRounds(const ObservedFigures& figures);

  void begin_replication(StreamKey replication) override;
  void on_round(int year, int round, std::span<const Posting> postings, const NaturalFill& natural) override;
  std::optional<bool> fills(const Posting& p) override;

  // This replication, per observed cell (ObservedFigures::cells order): courses the simulation
  // posted in the cell and how many of them filled.
  struct CellOutcome {
    std::int32_t posted = 0;
    std::int32_t filled = 0;
  };
  const std::vector<CellOutcome>& outcomes() const { return outcomes_; }

 private:
  // Index into figures_.cells, or -1 when the cell was not observed.
  int cell_of(int year, int round, const Posting& p) const;
  // Whether any cell of the round (year, round index) was observed.
  bool round_fixed(int year, int round) const;

  // Fixed outcome of a course in a fixed cell: the re-posting count at which it fills (-1: never).
  struct Decision {
    int cell = -1;
    int fill_at = -1;
    int year = 0;  // of the round's opening
    int round = 0;
    int specialty = 0;
    Region region = Region::Nord;
    bool extraordinary = false;
    // The posting is this course in the same round opening (not posted fresh again since).
    bool matches(const Posting& p, int round_year) const;
  };

  const ObservedFigures& figures_;
  std::unordered_map<std::uint64_t, int> cell_index_;  // packed cell key -> index
  std::vector<std::pair<int, int>> fixed_rounds_;      // (year, round index) with an observed cell
  StreamKey ranking_key_{0};
  std::vector<CellOutcome> outcomes_;
  std::vector<std::int32_t> chosen_;                     // per cell: courses chosen to fill so far
  std::unordered_map<std::uint64_t, Decision> decided_;  // course id -> its fixed outcome this round
  std::vector<std::vector<std::size_t>> members_;        // per cell: postings of the opening round
  std::vector<int> touched_;                             // cells with members in this round
  struct Ranked {
    int natural_fill;  // re-postings used when it fills by its own draws, -1 when it does not
    double u;          // keyed uniform: the order within the group
    std::size_t index;
  };
  std::vector<Ranked> order_;
  std::vector<int> opened_year_;  // per round index: the year it last opened
};

}  // namespace forlob
