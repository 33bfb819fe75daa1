#pragma once
// The one place that decides which postings fill. The engine hands it every batch of postings due
// in one month (a hiring round's opening, or the follow-on postings of a later month) as a whole;
// the mechanism proposes which fill by its own rules, keeping whatever state it needs through the
// round's re-postings and into later rounds, and is then told each posting's final outcome (its own
// proposal, or the figure an observed round fixes, see engine/FillOverride). A new mechanism is a
// new class behind this interface (sim/fill/), chosen by /fill/model.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>

#include "core/Month.hpp"
#include "core/Region.hpp"
#include "model/Posting.hpp"
#include "random/KeyedStream.hpp"
#include "scenario/Scenario.hpp"

namespace forlob {

class Tally;

// The postings due in one month, as the engine serves them.
struct FillBatch {
  int year = 0;
  int round = -1;  // the hiring round that opens this month, or -1 between rounds
  Month month = 0;
  bool opens_round() const { return round >= 0; }
};

// What a policy may ask of the fill mechanism: only what a region can know during the run.
class FillKnowledge {
 public:
  virtual ~FillKnowledge() = default;
  // Qualified applicants of `specialty` whose home region is `r` waiting for a course now (0 for
  // mechanisms without applicants).
  virtual int waiting(int specialty, Region r) const = 0;
};

class FillMechanism : public FillKnowledge {
 public:
  // A replication starts: forget the previous one; counts go to `tally` (cleared by the engine).
  virtual void begin_replication(StreamKey replication, Tally& tally) = 0;
  // Proposes which of `postings` fill; proposed(i) answers for postings[i] afterwards.
  virtual void serve(const FillBatch& batch, std::span<const Posting> postings) = 0;
  virtual bool proposed(std::size_t i) const = 0;
  // The re-posting count (R5) at which postings[i] would fill within its round if every outcome
  // were left to the mechanism, or -1 when it would stay unfilled. Asked only at a round's opening.
  virtual int natural_fill(std::size_t i) const = 0;
  // The final outcome of postings[i] of the batch last served, in batch order.
  virtual void settle(std::size_t i, bool filled) = 0;
  // The year's last month has passed (year-end stocks).
  virtual void close_year(int /*year*/) {}
  // The independent model's drawn fill probability of `p`: an oracle that no region has, kept for
  // the "highest_fill" hand-over rule; nullopt for mechanisms without one.
  virtual std::optional<double> drawn_probability(const Posting& /*p*/) const { return std::nullopt; }
  // `leader` runs each replication just before this one (the first scenario of a comparison, on
  // the same thread). A mechanism whose per-replication draws would be the same may take the
  // leader's instead of drawing them again; the answers must not change.
  virtual void follow_draws_of(const FillMechanism& /*leader*/) {}
  // Instead of begin_replication: carry on the replication `leader` (the same mechanism with the
  // same /fill, /applicants and calendar) has run up to the start of a month, counting into `tally`
  // from now on. Used to fork a comparison (engine/Divergence).
  virtual void adopt_state(const FillMechanism& leader, Tally& tally) = 0;
};

// The mechanism /fill/model names.
std::unique_ptr<FillMechanism> make_fill_mechanism(const Scenario& scenario);

}  // namespace forlob
