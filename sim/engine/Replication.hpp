#pragma once
// One replication: a discrete-event simulation on a monthly calendar. Hiring rounds post the
// dimensioned courses; the fill mechanism decides which postings of each month fill; an unfilled
// course gets exactly one fate (re-posted, converted by a policy, handed over, carried over or
// lapsed); a filled course starts a trainee who completes or drops out. An instance is reused for
// many replications by one thread.
#include <cstdint>
#include <memory>
#include <vector>

#include "engine/FillOverride.hpp"
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

  // Runs replication `replication` of master seed `seed` into `tally` (cleared first).
  void run(std::uint64_t seed, std::int64_t replication, Tally& tally);

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
  std::vector<Posting> batch_;     // the postings of the month being served
  std::vector<Posting> unfilled_;  // those of them left unfilled, in the order of their fates
  FillOverride* fill_override_ = nullptr;
  StreamKey key_{0}, trainee_key_{0};
  Tally* tally_ = nullptr;
};

}  // namespace forlob
