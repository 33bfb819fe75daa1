#pragma once
// One replication: a discrete-event simulation on a monthly calendar. Hiring rounds post the
// dimensioned courses; each posting fills or not; an unfilled course gets exactly one fate
// (re-posted, converted by a policy, handed over, carried over or lapsed); a filled course starts a
// trainee who completes or drops out. An instance is reused for many replications by one thread.
#include <cstdint>
#include <memory>
#include <vector>

#include "engine/FillOverride.hpp"
#include "model/FillModel.hpp"
#include "model/Layout.hpp"
#include "model/Tally.hpp"
#include "model/TraineeModel.hpp"
#include "policies/Policy.hpp"
#include "scenario/Scenario.hpp"

namespace forlob {

// The (anchor, specialty) pairs reported in anchors.csv, from the trial's first year.
AnchorLayout make_anchor_layout(const Scenario& scenario);

class Replication final : private PolicyContext {
 public:
  explicit Replication(const Scenario& scenario);
  ~Replication() override;

  // Runs replication `replication` of master seed `seed` into `tally` (cleared first).
  void run(std::uint64_t seed, std::int64_t replication, Tally& tally);

  // Consults `hook` (not owned; may be null) before every fill draw from the next run on.
  void set_fill_override(FillOverride* hook) { fill_override_ = hook; }

  const Scenario& scenario() const { return scenario_; }
  const FillModel& fill_model() const { return fill_; }
  // (anchor, specialty) pairs reported in anchors.csv, and the pair index of each combination.
  const AnchorLayout& anchor_layout() const { return anchor_layout_; }

 private:
  // PolicyContext
  bool schedule(const Posting& p, Month when) override;
  void count(int year, Region r, int specialty, Metric m, std::int32_t delta) override;
  KeyedStream stream(Purpose purpose, std::uint64_t entity, std::uint64_t part) const override;
  Month next_round(Month after, bool same_year, int& round) const override;
  Month repost_month(Month from) const override;
  double fill_probability(const Posting& p) const override { return fill_.probability(p); }

  void open_round(int year, int round, Month when, const std::vector<Posting>& waiting);
  void post(const Posting& p);
  int natural_fill(const Posting& p) const;
  void settle_unfilled(const Posting& p);
  void start_trainee(const Posting& p);
  int anchor_pair(const Posting& p) const;

  const Scenario& scenario_;
  FillModel fill_;
  TraineeModel trainees_;
  std::vector<std::unique_ptr<Policy>> policies_;
  AnchorLayout anchor_layout_;
  std::vector<int> pair_of_;              // [anchor * specialties + specialty] -> pair index or -1
  std::vector<StreamKey> ordinary_keys_;  // [year][specialty][region]
  Month first_month_ = 0, last_month_ = 0;
  // The calendar: follow-on postings waiting for their month, in the order they were scheduled,
  // so events are ordered by (month, sequence).
  std::vector<std::vector<Posting>> due_;
  std::vector<Posting> round_postings_;
  FillOverride* fill_override_ = nullptr;
  StreamKey key_{0}, fill_key_{0}, trainee_key_{0};
  Tally* tally_ = nullptr;
};

}  // namespace forlob
