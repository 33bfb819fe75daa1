#pragma once
// One replication: a discrete-event simulation on a monthly calendar. Hiring rounds post the
// dimensioned courses; the fill mechanism decides which postings of each month fill; an unfilled
// course gets exactly one fate (re-posted, converted by a policy, handed over, carried over or
// lapsed); a filled course starts a trainee who completes or drops out. An instance is reused for
// many replications by one thread.
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "engine/FillOverride.hpp"
#include "engine/ObserverContext.hpp"
#include "fill/FillMechanism.hpp"
#include "model/Layout.hpp"
#include "model/SpecialistStock.hpp"
#include "model/Tally.hpp"
#include "model/TraineeModel.hpp"
#include "policies/Policy.hpp"
#include "scenario/Scenario.hpp"

namespace forlob {

class Replication final : private PolicyContext {
 public:
  explicit Replication(const Scenario& scenario);
  ~Replication() override;

  // A later scenario's engine that carries on this engine's replication from the start of month
  // `from` (a forked comparison, engine/Divergence), into its own tally.
  struct Follower {
    Replication* engine = nullptr;
    Tally* tally = nullptr;
    Month from = 0;
  };

  // Runs replication `replication` of master seed `seed` into `tally` (cleared first). Each of
  // `followers` (prepared by prepare_to_follow(*this)) takes over the run's state at its month;
  // finish each with resume() afterwards.
  void run(std::uint64_t seed, std::int64_t replication, Tally& tally,
           std::span<const Follower> followers = {});
  // Completes the replication a leader's run handed over to this engine.
  void resume();
  // Prepares this engine to carry on `leader`'s replications, and returns the month from which
  // they may differ: before it, replication r of both is the same. first_month() when nothing is
  // shared (then run it in full).
  Month prepare_to_follow(const Replication& leader);
  Month first_month() const { return first_month_; }
  bool has_fill_override() const { return fill_override_ != nullptr; }

  // Whether runs project the specialist stock (StockSpec) from the next run on: on unless nothing
  // that reads the tallies wants it (its Specialists, Retired and Exited counts then stay 0), which
  // saves about a tenth of a replication. Every engine of a forked comparison must agree.
  void set_stock_projected(bool on) { stock_projected_ = on; }
  bool projects_stock() const { return stock_projected_ && stock_.active(); }

  // Consults `hook` (not owned; may be null) before every fill decision from the next run on.
  void set_fill_override(FillOverride* hook) { fill_override_ = hook; }
  // `leader` runs each replication just before this engine, on the same thread (the driver's first
  // scenario of a design point): this engine may take per-replication draws that would be the same.
  void follow_draws_of(const Replication& leader) { fill_->follow_draws_of(*leader.fill_); }

  const Scenario& scenario() const { return scenario_; }
  const FillMechanism& fill_mechanism() const { return *fill_; }
  const SpecialistStock& stock() const { return stock_; }
  // (anchor, specialty) pairs reported in anchors.csv.
  const AnchorLayout& anchor_layout() const { return anchor_layout_; }

 private:
  // PolicyContext
  bool schedule(const Posting& p, Month when) override;
  void count(int year, Region r, int specialty, Metric m, std::int32_t delta) override;
  void count_anchor(int year, int pair, AnchorMetric m) override { tally_->add_anchor(year, pair, m); }
  void count_anchor_exit(int year, int pair) override { tally_->add_anchor_exit(year, pair); }
  KeyedStream stream(Purpose purpose, std::uint64_t entity, std::uint64_t part) const override;
  Month next_round(Month after, bool same_year, int& round) const override;
  Month repost_month(Month from) const override;
  const FillKnowledge& fill() const override { return *fill_; }
  std::optional<double> drawn_probability(const Posting& p) const override {
    return fill_->drawn_probability(p);
  }

  // The month loop's position, which a follower takes over.
  struct Cursor {
    Month month = 0;
    std::size_t next_round = 0;          // the calendar round that opens next
    int open_year = 0, open_round = -1;  // the round open now
  };
  // A policy of a follower that the leader lacks watches the leader's run until the fork.
  struct Watch {
    Policy* policy = nullptr;
    Month until = 0;
  };
  void begin(std::uint64_t seed, std::int64_t replication, Tally& tally);
  // Serves months from the cursor's on; each follower takes over at the start of its month.
  void advance(std::span<const Follower> followers);
  void serve_month();
  // Closes the round, the tally and the stock; a leader with followers keeps its stock's years.
  void finish(bool keep_stock_years = false);
  void take_over(const Replication& leader, Tally& tally);
  // Tells the watching policies of months before their fork.
  template <typename Tell>
  void tell_watchers(Month m, Tell&& tell) {
    for (const Watch& w : watching_)
      if (m < w.until) tell(*w.policy);
  }

  void gather_round(int year, int round, Month when, const std::vector<Posting>& waiting);
  void serve(const FillBatch& batch);
  void record(const Posting& p, bool filled);
  void settle_unfilled(const Posting& p);
  void start_trainee(const Posting& p);

  const Scenario& scenario_;
  std::unique_ptr<FillMechanism> fill_;
  TraineeModel trainees_;
  SpecialistStock stock_;
  std::vector<std::unique_ptr<Policy>> policies_;
  AnchorLayout anchor_layout_;
  std::vector<StreamKey> ordinary_keys_;  // [year][specialty][region]
  Month first_month_ = 0, last_month_ = 0;
  // The calendar: follow-on postings waiting for their month, in the order they were scheduled,
  // so events are ordered by (month, sequence).
  std::vector<std::vector<Posting>> due_;
  // Emptied buckets with their capacity, for the next months that get follow-ons: at most as many
  // as months are due at once (follow-ons are scheduled at most about a year ahead).
  std::vector<std::vector<Posting>> spare_buckets_;
  void release(std::vector<Posting>& bucket);      // empties it into the spares
  void reuse_spare(std::vector<Posting>& bucket);  // a bucket without storage takes a spare's
  std::vector<Posting> batch_;                     // the postings of the month being served
  std::vector<Posting> unfilled_;                  // those of them left unfilled, in the order of their fates
  FillOverride* fill_override_ = nullptr;
  bool stock_projected_ = true;
  StreamKey key_{0}, trainee_key_{0};
  Tally* tally_ = nullptr;
  Cursor at_;
  // Set by take_over: the leader's stock, and the year this engine's run carries on from.
  const SpecialistStock* stock_leader_ = nullptr;
  int stock_from_year_ = 0;
  // Forking: for each policy, the leader's policy of the same name, or -1 when it watches.
  std::vector<int> leader_policy_;
  std::vector<Watch> watching_;  // while leading: the followers' watching policies
  ObserverContext watched_{*this};
};

}  // namespace forlob
