#pragma once
// /fill/model "independent": every posting fills by its own keyed draw at its cell's rate (the
// Beta-binomial FillModel), whatever else the round holds. The serving order does not matter here:
// no posting's outcome depends on another's.
#include <vector>

#include "fill/FillMechanism.hpp"
#include "model/FillModel.hpp"

namespace forlob {

class IndependentFill final : public FillMechanism {
 public:
  explicit IndependentFill(const Scenario& scenario);

  void begin_replication(StreamKey replication, Tally& tally) override;
  void serve(const FillBatch& batch, std::span<const Posting> postings) override;
  bool proposed(std::size_t i) const override { return proposed_[i] != 0; }
  int natural_fill(std::size_t i) const override;
  void settle(std::size_t /*i*/, bool /*filled*/) override {}
  int waiting(int /*specialty*/, Region /*r*/) const override { return 0; }
  std::optional<double> drawn_probability(const Posting& p) const override { return model_.probability(p); }

  const FillModel& model() const { return model_; }
  // The Beta draws of the cells (hundreds of Boost quantiles a replication) are taken from a
  // leader with the same fill section once it has drawn for the same replication.
  void follow_draws_of(const FillMechanism& leader) override;
  // The replication's state is its drawn probabilities alone.
  void adopt_state(const FillMechanism& leader, Tally& tally) override;

 private:
  const Scenario& scenario_;
  FillModel model_;
  Month last_month_ = 0;
  StreamKey fill_key_{0};
  const IndependentFill* leader_ = nullptr;
  StreamKey drawn_for_{0};  // the replication whose probabilities model_ holds
  bool drawn_ = false;
  std::span<const Posting> batch_;
  std::vector<char> proposed_;
};

}  // namespace forlob
