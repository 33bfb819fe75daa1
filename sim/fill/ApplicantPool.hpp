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
#include <array>
#include <deque>
#include <utility>
#include <vector>

#include "fill/FillMechanism.hpp"

namespace forlob {

class ApplicantPool final : public FillMechanism {
 public:
  explicit ApplicantPool(const Scenario& scenario);

  void begin_replication(StreamKey replication, Tally& tally) override;
  void serve(const FillBatch& batch, std::span<const Posting> postings) override;
  bool proposed(std::size_t i) const override { return taken_[i].source != Source::None; }
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
  struct Applicant {
    std::uint64_t key = 0;      // its stream key: (specialty, home, year, round, index)
    std::uint32_t arrival = 0;  // arrival order within the specialty (earlier is smaller)
    std::uint16_t rounds_waited = 0;
    bool mobile = false;
    Region home = Region::Nord;
  };
  enum class Source : std::uint8_t { None, New, Pool };
  struct Taken {
    Source source = Source::None;
    Applicant applicant;
  };

  std::deque<Applicant>& queue(int s, int r) {
    return queues_[static_cast<std::size_t>(s) * kRegionCount + static_cast<std::size_t>(r)];
  }
  const std::deque<Applicant>& queue(int s, int r) const {
    return queues_[static_cast<std::size_t>(s) * kRegionCount + static_cast<std::size_t>(r)];
  }
  int& mobile(int s, int r) {
    return mobile_[static_cast<std::size_t>(s) * kRegionCount + static_cast<std::size_t>(r)];
  }
  int mobile(int s, int r) const {
    return mobile_[static_cast<std::size_t>(s) * kRegionCount + static_cast<std::size_t>(r)];
  }
  void open_round(int year, int round);
  // The applicant a posting of specialty s in region r takes: the longest waiting of its own
  // region, or a mobile one from another region; false when there is none.
  bool take_own(int s, Region r, Applicant& out);
  bool take_mobile(int s, Region r, Applicant& out);
  bool take_from_pool(int s, Region r, Applicant& out);
  // (attractiveness class, keyed uniform): smaller is served first.
  std::uint64_t serving_key(const Posting& p) const;
  void count_placed(int year, const Posting& p, const Taken& t);

  const Scenario& scenario_;
  const ApplicantSpec& spec_;
  int first_year_ = 0;
  std::vector<std::uint64_t> specialty_keys_;
  std::vector<double> level_;  // [s][year] the replication's level in the year
  std::vector<double> trend_;  // [year] (1 + trend)^(year - trend_base_year)
  StreamKey key_{0};
  Tally* tally_ = nullptr;
  std::vector<std::deque<Applicant>> queues_;  // [s][home]
  std::vector<int> mobile_;                    // [s][home] mobile applicants in the queue
  std::vector<std::uint32_t> arrivals_;        // [s] applicants so far this replication
  int year_ = 0;
  // The batch last served
  std::span<const Posting> batch_;
  std::vector<Taken> taken_;
  std::vector<std::uint64_t> attractiveness_class_;         // [kind * 2 + repost]
  std::vector<std::vector<std::size_t>> waiting_postings_;  // [s][r] batch indices that need the pool
  std::vector<std::pair<std::uint64_t, std::size_t>> ranked_, leftover_;  // (serving key, batch index)
};

}  // namespace forlob
