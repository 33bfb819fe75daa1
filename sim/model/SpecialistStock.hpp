#pragma once
// The stock of specialists by specialty, region and single year of age (StockSpec). Individuals are
// not kept: each (specialty, region) is a row of counts by age. New specialists are noted as they are
// scheduled to complete (at the trainee's start, their end month is known); after the replication
// the stock is run year by year from its start: each age cohort's retirements and other exits are
// two binomial draws from a stream keyed on (specialty, region, year), oldest cohort first, then the year's
// new specialists join and everyone ages a year. The arrays are sized once per scenario.
#include <algorithm>
#include <boost/random/binomial_distribution.hpp>
#include <cstdint>
#include <memory>
#include <vector>

#include "core/Month.hpp"
#include "core/Region.hpp"
#include "model/Tally.hpp"
#include "random/KeyedStream.hpp"
#include "scenario/Scenario.hpp"

namespace forlob {

class SpecialistStock {
 public:
  explicit SpecialistStock(const Scenario& scenario);

  bool active() const { return active_; }
  // The counts at the start of the stock year, [s][r][age - kMinAge] (the largest-remainder split).
  int initial(int s, Region r, int age) const { return initial_[row(s, index(r)) + age_slot(age)]; }
  int initial_total() const { return initial_total_; }
  int first_year() const { return first_year_; }

  void begin_replication();
  // Takes the new specialists noted so far by `leader`, a stock of the same scenario data, to carry
  // on its replication (a forked comparison).
  void adopt_state(const SpecialistStock& leader) { entrants_ = leader.entrants_; }
  // A trainee who started in `start` completes in `end`; `stream` gives the age at the start.
  void enter(int s, Region r, Month start, Month end, KeyedStream& stream);
  // Runs the stock through the tally's years and counts specialists, retired and exited. With
  // `keep_years` it also keeps each year's cohorts at its start and its counts, for the stocks
  // that carry on this replication from some year (close_following).
  void close(StreamKey key, Tally& tally, bool keep_years = false);
  // Closes a stock that took over `leader`'s replication (adopt_state) at the start of `year`, after
  // the leader's close(..., keep_years = true). Until then both had the same new specialists, so the
  // years before `year` are the leader's, and the years from it are run from the leader's cohorts
  // at its start; each year's draws are keyed on the year, so they are those a full close makes.
  void close_following(const SpecialistStock& leader, int year, StreamKey key, Tally& tally);

  // The yearly retirement hazard at `age` (for tests).
  double retirement_hazard(int s, int age) const {
    return retire_[static_cast<std::size_t>(s) * StockSpec::kAges + age_slot(age)];
  }

 private:
  static std::size_t age_slot(int age) {
    return static_cast<std::size_t>(std::clamp(age, StockSpec::kMinAge, StockSpec::kMaxAge) -
                                    StockSpec::kMinAge);
  }
  std::size_t row(int s, int r) const {
    return (static_cast<std::size_t>(s) * kRegionCount + static_cast<std::size_t>(r)) * StockSpec::kAges;
  }

  using Binomial = boost::random::binomial_distribution<int, double>;
  // n draws with the probability of `slot` (retirement [s][age], then other exits [s]). The same
  // (slot, n) recurs thousands of times a replication, and Boost's set-up (a pow and more) costs
  // more than the draw, so the distributions of cohorts up to kCachedCohort are kept; they are
  // stateless, so the draws are the same as with a fresh one. Larger cohorts (at many times the
  // shipped dimensioning) vary from replication to replication, and keeping theirs cost 6 MB an
  // engine at 100 times.
  static constexpr int kCachedCohort = 256;
  int draw(std::size_t slot, int n, double p, KeyedStream& stream);
  // Years from `from` (counted from first_year_) on; the cohorts at its start are initial_ (from
  // 0) or `leader`'s kept ones, and the leader's kept counts stand for the years before.
  void project(StreamKey key, Tally& tally, int from, const SpecialistStock* leader, bool keep_years);
  std::size_t year_stride() const {
    return static_cast<std::size_t>(specialties_) * kRegionCount * StockSpec::kAges;
  }
  std::vector<std::vector<std::unique_ptr<Binomial>>> binomials_;  // [slot][n], n <= kCachedCohort

  bool active_ = false;
  int first_year_ = 0, years_ = 0, specialties_ = 0;
  int age_min_ = 0, age_span_ = 1;
  std::vector<std::int32_t> initial_;   // [s][r][age]
  std::vector<double> retire_;          // [s][age]
  std::vector<double> other_exit_;      // [s]
  std::vector<std::uint64_t> id_hash_;  // [s], so keys do not depend on the list order
  std::vector<std::int32_t> entrants_;  // [year][s][r][age], years from first_year_
  std::vector<std::int32_t> cohort_;    // [age], scratch
  // Kept by close(..., keep_years): the cohorts at each year's start, [year][s][r][age], and the
  // year's specialists, retired and exited, [year][s][r][3].
  std::vector<std::int32_t> kept_cohorts_;
  std::vector<std::int32_t> kept_counts_;
  int initial_total_ = 0;
};

}  // namespace forlob
