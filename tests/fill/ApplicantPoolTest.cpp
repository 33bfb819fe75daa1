// The applicant model as a specification: what a pool of applicants can and cannot fill.
#include "fill/ApplicantPool.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "model/Tally.hpp"
#include "support/RunOnce.hpp"
#include "support/TinyScenario.hpp"

namespace forlob {
namespace {

using testing::run_once;
using testing::tiny_scenario;

// One specialty, 10 courses a region a year in the spring round, no re-postings; applicants at
// `level` a year nationally, a third from each region, with no level noise and no leaving.
Scenario pool_scenario(double level, double mobility = 0) {
  Scenario s = tiny_scenario(1, 10);
  s.fill.model = FillModelKind::Applicants;
  ApplicantSpec a;
  a.level = {level};
  a.home = {{1.0 / 3, 1.0 / 3, 1.0 / 3}};
  a.mobility = mobility;
  a.leave_per_round = 0;
  a.extraordinary_new = 0;
  s.applicants = a;
  return s;
}

// Adds the trial: 4 extraordinary courses a region a year in 2021-2022, all in the spring round.
void add_trial(Scenario& s) {
  ExtraordinarySpec x;
  x.first_year = 2021;
  x.last_year = 2022;
  x.per_region = {4, 4, 4};
  x.specialties = {0};
  for (auto& w : x.weights) w = {1.0};
  x.round_share = {1.0, 0.0};
  x.handover.kind = HandoverRule::Kind::None;
  s.extraordinary = x;
}

int national(const Tally& t, int year, Metric m) {
  int n = 0;
  for (Region r : kRegions) n += t.get(year, r, 0, m);
  return n;
}

int total(const Tally& t, const Scenario& s, Metric m) {
  int n = 0;
  for (int y = s.calendar.warmup_start_year; y <= s.calendar.end_year; ++y) n += national(t, y, m);
  return n;
}

TEST(ApplicantPool, APoolLargerThanTheCoursesFillsEveryCourse) {
  const Scenario s = pool_scenario(300);  // about 100 applicants a region for 10 courses
  for (int i = 0; i < 20; ++i) {
    const Tally t = run_once(s, i);
    for (int y = 2020; y <= 2022; ++y)
      for (Region r : kRegions) {
        ASSERT_EQ(t.get(y, r, 0, Metric::Filled), 10) << y << " " << region_name(r);
        ASSERT_GT(t.get(y, r, 0, Metric::ApplicantsWaiting), 0);
      }
  }
}

TEST(ApplicantPool, FewerApplicantsThanCoursesFillExactlyAsManyAsWait) {
  // No mobility: each region fills min(courses, applicants waiting there), whatever the others do.
  const Scenario s = pool_scenario(18);  // about 6 a region for 10 courses
  for (int i = 0; i < 50; ++i) {
    const Tally t = run_once(s, i);
    for (Region r : kRegions) {
      int waiting = 0;
      for (int y = 2020; y <= 2022; ++y) {
        const int available = waiting + t.get(y, r, 0, Metric::Applicants);
        ASSERT_EQ(t.get(y, r, 0, Metric::Filled), std::min(10, available)) << y << " " << region_name(r);
        waiting = t.get(y, r, 0, Metric::ApplicantsWaiting);
        ASSERT_EQ(waiting, available - std::min(10, available));
      }
    }
  }
}

TEST(ApplicantPool, MobilityOneMakesTheThreeRegionsOneMarket) {
  // Every applicant lives in Nord: without mobility only Nord fills; with mobility 1 the nation
  // fills min(30 courses, applicants), as one market would.
  Scenario stay = pool_scenario(24);
  stay.applicants->home = {{1.0, 0.0, 0.0}};
  Scenario move = stay;
  move.applicants->mobility = 1;
  for (int i = 0; i < 50; ++i) {
    const Tally a = run_once(stay, i);
    const Tally b = run_once(move, i);
    int waiting = 0;
    for (int y = 2020; y <= 2022; ++y) {
      ASSERT_EQ(a.get(y, Region::Syd, 0, Metric::Filled) + a.get(y, Region::Ost, 0, Metric::Filled), 0);
      ASSERT_EQ(national(b, y, Metric::Applicants), national(a, y, Metric::Applicants))
          << "the same applicants";
      const int available = waiting + national(b, y, Metric::Applicants);
      ASSERT_EQ(national(b, y, Metric::Filled), std::min(30, available)) << y;
      waiting = national(b, y, Metric::ApplicantsWaiting);
    }
  }
}

TEST(ApplicantPool, WithNoNewApplicantsExtraordinaryCoursesOnlyMoveApplicantsFromABindingPool) {
  // Share 0 and a binding pool (about 4 applicants a region a year for 10 + 4 courses, nobody
  // left waiting at a year's end): the specialty's total fills are the same with and without the
  // trial in every such replication (pure crowd-out).
  const Scenario without = pool_scenario(12);
  Scenario with = without;
  add_trial(with);
  int binding = 0;
  for (int i = 0; i < 50; ++i) {
    const Tally a = run_once(without, i);
    const Tally b = run_once(with, i);
    if (total(a, without, Metric::ApplicantsWaiting) > 0) continue;  // the pool did not bind
    ++binding;
    ASSERT_GT(total(b, with, Metric::ExtraordinaryFilled), 0);
    ASSERT_EQ(total(b, with, Metric::ExtraordinaryFilledNew), 0);
    ASSERT_EQ(total(b, with, Metric::Filled), total(a, without, Metric::Filled)) << "replication " << i;
    ASSERT_LT(total(b, with, Metric::Filled) - total(b, with, Metric::ExtraordinaryFilled),
              total(a, without, Metric::Filled))
        << "ordinary courses lose what extraordinary ones take";
  }
  EXPECT_GE(binding, 45) << "Poisson(4) exceeds 10 in a region-year with probability 0.003";
}

TEST(ApplicantPool, WithOnlyNewApplicantsEveryFilledExtraordinaryCourseAddsOne) {
  const Scenario without = pool_scenario(18);
  Scenario with = without;
  add_trial(with);
  with.applicants->extraordinary_new = 1;
  for (int i = 0; i < 50; ++i) {
    const Tally a = run_once(without, i);
    const Tally b = run_once(with, i);
    const int extraordinary = total(b, with, Metric::ExtraordinaryFilled);
    ASSERT_EQ(extraordinary, 2 * 3 * 4) << "a new applicant takes every extraordinary posting";
    ASSERT_EQ(total(b, with, Metric::ExtraordinaryFilledNew), extraordinary);
    ASSERT_EQ(total(b, with, Metric::Filled), total(a, without, Metric::Filled) + extraordinary);
  }
}

TEST(ApplicantPool, ApplicantsLeftWaitingFillTheNextRoundsCourses) {
  // No courses in 2020: that year's applicants wait (no leaving) and take 2021's courses.
  Scenario s = pool_scenario(18);
  s.courses[0][0] = {0, 0, 0};
  for (int i = 0; i < 50; ++i) {
    const Tally t = run_once(s, i);
    for (Region r : kRegions) {
      const int waited = t.get(2020, r, 0, Metric::ApplicantsWaiting);
      ASSERT_EQ(waited, t.get(2020, r, 0, Metric::Applicants));
      ASSERT_EQ(t.get(2021, r, 0, Metric::Filled),
                std::min(10, waited + t.get(2021, r, 0, Metric::Applicants)));
    }
  }
}

TEST(ApplicantPool, WaitingApplicantsLeaveAtTheirRatePerRound) {
  // One round a year and no courses: of the W applicants waiting at a year's end, Binomial(W, q)
  // leave at the next round's opening.
  Scenario s = pool_scenario(300);
  s.calendar.rounds = {{"spring", 3, 1.0, false}};
  for (auto& year : s.courses) year[0] = {0, 0, 0};
  s.applicants->leave_per_round = 0.3;
  double waited = 0, left = 0;
  for (int i = 0; i < 40; ++i) {
    const Tally t = run_once(s, i);
    for (int y = 2021; y <= 2022; ++y) {
      waited += national(t, y - 1, Metric::ApplicantsWaiting);
      left += national(t, y, Metric::ApplicantsLeft);
    }
  }
  EXPECT_NEAR(left / waited, 0.3, 4 * std::sqrt(0.3 * 0.7 / waited));
}

// Postings of specialty 0 in Nord, posted in `month`, with course ids from `first`.
std::vector<Posting> nord_postings(std::size_t n, Month month, std::uint64_t first) {
  std::vector<Posting> postings(n);
  for (std::size_t i = 0; i < n; ++i) {
    postings[i].course = first + i;
    postings[i].month = month;
  }
  return postings;
}

TEST(ApplicantPool, AnObservedRoundsOutcomeMovesApplicantsBetweenTheQueueAndTheCourses) {
  // Every applicant lives in Nord (about 60 in the spring round), no mobility, no leaving.
  Scenario s = pool_scenario(60);
  s.applicants->home = {{1.0, 0.0, 0.0}};
  ApplicantPool pool(s);
  Tally tally(2020, s.year_count(), 1, 0);
  pool.begin_replication(StreamKey(5).with(std::uint64_t{0}), tally);
  const std::vector<Posting> spring = nord_postings(3, month_of(2020, 3), 1000);
  pool.serve({2020, 0, month_of(2020, 3)}, spring);
  const int arrived = tally.get(2020, Region::Nord, 0, Metric::Applicants);
  ASSERT_GE(arrived, 3);
  for (std::size_t i = 0; i < spring.size(); ++i) ASSERT_TRUE(pool.proposed(i));
  EXPECT_EQ(pool.waiting(0, Region::Nord), arrived - 3);
  pool.settle(0, false);  // observed unfilled: its applicant waits on
  EXPECT_EQ(pool.waiting(0, Region::Nord), arrived - 2);
  pool.settle(1, true);
  pool.settle(2, true);

  // Re-postings in May, two more than wait: the first proposed stays unfilled, the others fill.
  const std::vector<Posting> may = nord_postings(static_cast<std::size_t>(arrived), month_of(2020, 5), 2000);
  pool.serve({2020, -1, month_of(2020, 5)}, may);
  EXPECT_EQ(pool.waiting(0, Region::Nord), 0);
  std::size_t first_proposed = may.size();
  int proposed = 0, unproposed = 0, unproposed_after = 0;
  for (std::size_t i = 0; i < may.size(); ++i) {
    if (pool.proposed(i)) {
      ++proposed;
      first_proposed = std::min(first_proposed, i);
    } else {
      ++unproposed;
      if (first_proposed < i) ++unproposed_after;
    }
  }
  ASSERT_EQ(proposed, arrived - 2);
  ASSERT_EQ(unproposed, 2);
  for (std::size_t i = 0; i < may.size(); ++i) pool.settle(i, i != first_proposed);
  // The applicant of the first proposed posting went back to the queue; the first unproposed
  // posting after it took that applicant, any other filled by a doctor the pool did not hold.
  const int from_queue = unproposed_after > 0 ? 1 : 0;
  EXPECT_EQ(pool.waiting(0, Region::Nord), 1 - from_queue);
  EXPECT_EQ(tally.get(2020, Region::Nord, 0, Metric::Applicants), arrived + unproposed - from_queue);
  EXPECT_EQ(tally.get(2020, Region::Nord, 0, Metric::ApplicantsPlaced), 2 + (proposed - 1) + unproposed);
}

}  // namespace
}  // namespace forlob
