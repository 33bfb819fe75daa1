#include "fill/IndependentFill.hpp"

namespace forlob {

IndependentFill::IndependentFill(const Scenario& scenario)
    : scenario_(scenario), model_(scenario), last_month_(month_of(scenario.calendar.end_year, 12)) {}

void IndependentFill::begin_replication(StreamKey replication, Tally& /*tally*/) {
  fill_key_ = replication.with(Purpose::Fill);
  if (leader_ && leader_->drawn_ && leader_->drawn_for_.value() == replication.value())
    model_.copy_draws(leader_->model_);
  else
    model_.draw(replication);
  drawn_for_ = replication;
  drawn_ = true;
}

void IndependentFill::follow_draws_of(const FillMechanism& leader) {
  const auto* other = dynamic_cast<const IndependentFill*>(&leader);
  leader_ = other && other != this && model_.draws_as(other->model_) ? other : nullptr;
}

void IndependentFill::adopt_state(const FillMechanism& leader, Tally& /*tally*/) {
  const auto& from = static_cast<const IndependentFill&>(leader);
  fill_key_ = from.fill_key_;
  model_.copy_draws(from.model_);
  drawn_for_ = from.drawn_for_;
  drawn_ = true;
}

void IndependentFill::serve(const FillBatch& /*batch*/, std::span<const Posting> postings) {
  batch_ = postings;
  proposed_.resize(postings.size());
  for (std::size_t i = 0; i < postings.size(); ++i)
    proposed_[i] = model_.fills(postings[i], fill_key_) ? 1 : 0;
}

// Follows the course through its re-postings (R5: they come before any other fate) by the fill
// draws alone, stopping where the engine would: no re-posting left, or the next after the horizon.
int IndependentFill::natural_fill(std::size_t i) const {
  const UnfilledSpec& rules = scenario_.unfilled;
  for (Posting q = batch_[i];;) {
    if (model_.fills(q, fill_key_)) return q.reposts;
    const Month when = q.month + rules.repost_delay_months;
    if (q.reposts >= rules.max_reposts || when > last_month_) return -1;
    q.reposts += 1;
    q = next_attempt(q, when);
  }
}

}  // namespace forlob
