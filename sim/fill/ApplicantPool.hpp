#pragma once
// /fill/model "applicants": postings are filled from pools of qualified applicants, so an extra
// course trains an extra specialist only if it finds a doctor who would not otherwise have taken a
// course in that specialty (ApplicantSpec documents the parameters).
//  - Each hiring round, each specialty x home region receives Poisson(mean) new applicants, the mean
//    being the specialty's level (drawn once per replication, then per year, with the trend) times
//    the home share, the round's share of the year and /fill/scale. They join their region's queue.
//  - At a round's opening, before the newcomers join, each applicant who has waited through a round
//    leaves with probability leave_per_round.
//  - An extraordinary posting first draws whether it brings in a new applicant (extraordinary_new);
//    a new applicant fills it and takes nothing from the pool.
//  - A region's postings are served first by its own applicants, longest waiting first. Where its
//    queue is shorter than its postings, the postings first in the serving order take them: most
//    attractive kind first, ties by a keyed uniform per posting (or the uniform alone), so nothing
//    depends on the order postings were gathered in.
//  - The postings still open then take mobile applicants left waiting in other regions, in the
//    serving order across regions, each the earliest-arrived (region order Nord, Syd, Øst on ties).
//  - Arrivals come only at round openings, so a re-posting fills only from applicants the round left
//    waiting, or, for an extraordinary course, from the new applicant its re-posting may draw.
// Applicants are keyed entities (specialty, home region, year, round, index): their choices come
// from their own keys, so two policies see the same applicants (common random numbers).
#include <algorithm>
#include <array>
#include <utility>
#include <vector>

#include "fill/FillMechanism.hpp"

namespace forlob {

class ApplicantPool final : public FillMechanism {
 public:
  explicit ApplicantPool(const Scenario& scenario);

  void begin_replication(StreamKey replication, Tally& tally) override;
  void serve(const FillBatch& batch, std::span<const Posting> postings) override;
  bool proposed(std::size_t i) const override { return source_[i] != Source::None; }
  int natural_fill(std::size_t i) const override;
  void settle(std::size_t i, bool filled) override;
  void close_year(int year) override;
  void adopt_state(const FillMechanism& leader, Tally& tally) override;
  int waiting(int specialty, Region r) const override {
    return static_cast<int>(queue(specialty, index(r)).size());
  }

  // The replication's expected new applicants of `specialty` with home region `r` in `year`
  // (all rounds), for tests and calibration.
  double expected_arrivals(int specialty, Region r, int year) const;

 private:
  // An applicant's own draws (its key, whether it is mobile) are made only when something needs
  // them: most applicants take a course in the round they arrive, before anyone asks.
  struct Applicant {
    // Once drawn, the key its draws start from, (specialty, home, year, round, index) as a seed;
    // before, the key of its arrival cell, of which it is number `index`.
    StreamKey key{0};
    std::uint32_t arrival = 0;  // arrival order within the specialty (earlier is smaller)
    std::uint32_t index = 0;
    std::uint16_t rounds_waited = 0;
    bool drawn = false;
    bool mobile = false;  // false until drawn
    Region home = Region::Nord;
  };
  static_assert(sizeof(Applicant) == 24);
  // A region's waiting applicants, longest waiting first: a flat array read from `head`, so taking
  // the front costs an increment and a round's queues reuse their memory (a deque allocated blocks
  // as applicants came and went).
  class Queue {
   public:
    std::size_t size() const { return items_.size() - head_; }
    bool empty() const { return head_ == items_.size(); }
    Applicant* begin() { return items_.data() + head_; }
    Applicant* end() { return items_.data() + items_.size(); }
    // From here on some applicants may not be drawn yet (all before it are).
    Applicant* undrawn() { return items_.data() + std::max(head_, drawn_end_); }
    void all_drawn() { drawn_end_ = items_.size(); }
    void clear() {
      items_.clear();
      head_ = drawn_end_ = 0;
    }
    void push_back(const Applicant& a) { items_.push_back(a); }
    void push_front(const Applicant& a);
    void drop_front(std::size_t n) {
      head_ += n;
      if (empty()) clear();
    }
    Applicant pop_front();
    // Removes *it, keeping the order of the rest (shifts whichever side of it is shorter).
    void erase(Applicant* it);
    // Keeps, in order, the applicants for which keep(a) is true (it may change them), moving
    // them to the front of the array.
    template <class Keep>
    void retain(Keep keep) {
      const bool drawn = drawn_end_ >= items_.size();
      std::size_t kept = 0;
      for (std::size_t i = head_; i < items_.size(); ++i)
        if (keep(items_[i])) items_[kept++] = items_[i];
      items_.resize(kept);
      head_ = 0;
      drawn_end_ = drawn ? kept : 0;
    }

   private:
    std::vector<Applicant> items_;
    std::size_t head_ = 0;
    std::size_t drawn_end_ = 0;  // items_[head_, drawn_end_) are drawn
  };
  enum class Source : std::uint8_t { None, New, Pool };
  static constexpr std::uint64_t kUnkeyed = ~std::uint64_t{0};  // above every serving key

  static std::size_t cell(int s, int r) {
    return static_cast<std::size_t>(s) * kRegionCount + static_cast<std::size_t>(r);
  }
  Queue& queue(int s, int r) { return queues_[cell(s, r)]; }
  const Queue& queue(int s, int r) const { return queues_[cell(s, r)]; }
  int& mobile(int s, int r) { return mobile_[cell(s, r)]; }
  int mobile(int s, int r) const { return mobile_[cell(s, r)]; }
  void open_round(int year, int round);
  // The applicant a posting of specialty s in region r takes: the longest waiting of its own
  // region, or a mobile one from another region; false when there is none.
  bool take_own(int s, Region r, Applicant& out);
  bool take_mobile(int s, Region r, Applicant& out);
  bool take_from_pool(int s, Region r, Applicant& out);
  // (attractiveness class, keyed uniform): smaller is served first.
  std::uint64_t serving_key(const Posting& p) const {
    KeyedStream tie(serving_key_.with_hash(p.draw_entity()));
    return serving_class_[static_cast<std::size_t>(p.kind) * 2 + (p.reposts > 0 ? 1 : 0)] | (tie() >> 12U);
  }
  // The postings still open after their own region's applicants, for the mobile ones.
  void serve_mobile(int s, std::span<const Posting> postings);
  // Applicants [begin, begin + n) of (s, r)'s queue take the postings `taken` (batch indices).
  template <class Indices>
  void take_front(int s, int r, const Indices& taken, std::size_t n);
  void count_placed(int year, const Posting& p, Source source, Region applicant_home);
  // Makes the applicant's own draws (it is not drawn yet).
  void draw(Applicant& a) const;
  // Draws every applicant of (s, r)'s queue not drawn yet, so that mobile(s, r) counts them all.
  void draw_queue(int s, int r);
  // settle where an observed round overrides the proposal (out of line: the common path stays short)
  [[gnu::noinline]] void settle_overridden(std::size_t i, bool filled);
  // StreamKey::with(i) for i below part_hash_.size(), as with_hash of a precomputed mix.
  StreamKey with_small(StreamKey key, std::size_t i) const { return key.with_hash(part_hash_[i]); }
  void hash_parts_up_to(std::size_t n);

  const Scenario& scenario_;
  const ApplicantSpec& spec_;
  int first_year_ = 0;
  std::vector<std::uint64_t> specialty_keys_;
  std::vector<double> level_;  // [s][year] the replication's level in the year
  std::vector<double> trend_;  // [year] (1 + trend)^(year - trend_base_year)
  StreamKey key_{0};
  StreamKey serving_key_{0}, new_key_{0};  // key_ with Purpose::Serving, Purpose::ApplicantNew
  Tally* tally_ = nullptr;
  std::vector<Queue> queues_;            // [s][home]
  std::vector<int> mobile_;              // [s][home] mobile applicants in the queue, of those drawn
  std::vector<std::uint32_t> arrivals_;  // [s] applicants so far this replication
  int year_ = 0;
  // The batch last served
  std::span<const Posting> batch_;
  std::vector<std::int32_t*> rows_;   // [s][r] the tally's counts of the batch's year (null outside)
  std::vector<Source> source_;        // [batch index] who takes it
  std::vector<Applicant> applicant_;  // [batch index] the applicant, where source_ is Pool
  // [kind * 2 + repost] the attractiveness class (0 most attractive) in the serving key's top bits,
  // or 0 for every kind when the order is by the uniform alone
  std::vector<std::uint64_t> serving_class_;
  std::vector<std::vector<std::uint32_t>> cell_postings_;  // [s][r] batch indices that need the pool
  std::vector<std::pair<std::uint64_t, std::size_t>> ranked_, leftover_;  // (serving key, batch index)
  bool leftover_keyed_ = true;            // false while some of leftover_ carries no serving key yet
  std::vector<std::uint64_t> part_hash_;  // [i] the inner mix of StreamKey::with(i)
};

}  // namespace forlob
