#pragma once
// A training policy reacts to a few moments of a replication. The engine owns the ordinary rules
// (posting the dimensioned courses, re-posting R5, carrying over R4, lapsing) and asks the fill
// mechanism which postings fill; a scheme such as the flex scheme or the extraordinary-course trial
// is one class behind this interface, and keeps its own bookkeeping through the hooks below.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/Month.hpp"
#include "fill/FillMechanism.hpp"
#include "model/Layout.hpp"
#include "model/Metric.hpp"
#include "model/Posting.hpp"
#include "model/TraineeModel.hpp"
#include "random/KeyedStream.hpp"

namespace forlob {

// What the engine offers a policy during a replication.
class PolicyContext {
 public:
  virtual ~PolicyContext() = default;
  // Posts `p` at `when`. Returns false when `when` is after the last hiring round, in which case
  // the posting is not made and is counted as pending at the end.
  virtual bool schedule(const Posting& p, Month when) = 0;
  virtual void count(int year, Region r, int specialty, Metric m, std::int32_t delta = 1) = 0;
  // Extraordinary courses by (anchor, specialty) pair (anchors.csv); `exit` counts a trainee who
  // leaves an extraordinary course (completed or dropped out), for the in-course stock.
  virtual void count_anchor(int year, int pair, AnchorMetric m) = 0;
  virtual void count_anchor_exit(int year, int pair) = 0;
  // A stream keyed on this replication, the purpose and the entity.
  virtual KeyedStream stream(Purpose purpose, std::uint64_t entity, std::uint64_t part) const = 0;
  // The first hiring round strictly after `after`, or -1 if none (within the same year when
  // `same_year`); `round` receives its index.
  virtual Month next_round(Month after, bool same_year, int& round) const = 0;
  virtual Month repost_month(Month from) const = 0;
  // What the fill mechanism lets a region know (applicants waiting).
  virtual const FillKnowledge& fill() const = 0;
  // The independent model's drawn fill probability of `p` (an oracle; nullopt under other models).
  virtual std::optional<double> drawn_probability(const Posting& p) const = 0;
};

class Policy {
 public:
  // A year after every calendar: the policy never acts, or two policies never act differently.
  static constexpr int kNever = 1 << 20;

  virtual ~Policy() = default;
  virtual std::string_view name() const = 0;

  // Forking a comparison (engine/Divergence): a later scenario's replication is continued from
  // the first scenario's at the first year the two may differ, so each policy says when it can
  // make a difference.
  // The first year in which this policy acts: adds or reorders postings, takes an unfilled one or
  // counts anything. Before it, the policy only observes (it may keep state, e.g. fills seen), and
  // it is then given only on_posted, on_trainee_started, on_round_closed and on_year_closed.
  virtual int first_active_year() const = 0;
  // `other` is a policy of the same name() in another scenario: the first year from which the two,
  // given the same replication so far, may act differently.
  virtual int first_year_unlike(const Policy& other) const = 0;
  // `leader` (same name(), acting alike so far) has run the replication to the start of a year:
  // take its per-replication state, so as to carry on its replication. Called after
  // begin_replication.
  virtual void adopt_state(const Policy& leader) = 0;

  // A replication starts: forget the previous one's state (caps used, counters).
  virtual void begin_replication() {}
  // A hiring round opens; the policy may add courses of its own to `postings`.
  virtual void on_round_opened(int /*year*/, int /*round*/, Month /*when*/, PolicyContext& /*ctx*/,
                               std::vector<Posting>& /*postings*/) {}
  // A posting was made and its outcome settled.
  virtual void on_posted(const Posting& /*p*/, bool /*filled*/, PolicyContext& /*ctx*/) {}
  // The trainee who took `p` starts; `outcome` says how the course ends.
  virtual void on_trainee_started(const Posting& /*p*/, const TraineeOutcome& /*outcome*/,
                                  PolicyContext& /*ctx*/) {}
  // The unfilled postings of one month (after their fill), about to meet their fates in this
  // order; a policy may reorder them (the flex scheme's conversion order).
  virtual void order_unfilled(std::vector<Posting>& /*unfilled*/, PolicyContext& /*ctx*/) const {}
  // A posting stayed unfilled after its re-postings. Return true to take it; the policy then
  // counts the course's fate (e.g. flex_out) and schedules whatever follows.
  virtual bool on_unfilled(const Posting& /*p*/, PolicyContext& /*ctx*/) { return false; }
  // A hiring round ends (when the next one opens, or at the end of the run).
  virtual void on_round_closed(int /*year*/, int /*round*/, PolicyContext& /*ctx*/) {}
  // A calendar year ends.
  virtual void on_year_closed(int /*year*/, PolicyContext& /*ctx*/) {}
};

}  // namespace forlob
