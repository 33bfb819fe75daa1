// The accounting identities of the model, checked in every replication of the shipped scenarios.
#include <gtest/gtest.h>

#include <algorithm>

#include "engine/Replication.hpp"
#include "model/SpecialistStock.hpp"
#include "policies/ExtraordinaryTrial.hpp"
#include "scenario/ScenarioLoader.hpp"

namespace forlob {
namespace {

constexpr int kReplications = 150;

class ShippedScenario : public ::testing::TestWithParam<const char*> {
 protected:
  // "<file>" under the scenario's own fill model, "<file>@applicants" under the applicant model.
  void SetUp() override {
    const std::string param = GetParam();
    const auto at = param.find('@');
    std::vector<std::string> set;
    if (at != std::string::npos) set.push_back("/fill/model=\"" + param.substr(at + 1) + "\"");
    scenario_ = load_scenario(std::string(FORLOB_SOURCE_DIR) + "/scenarios/" + param.substr(0, at), set);
  }
  template <typename Check>
  void for_each_replication(Check check) {
    Replication engine(scenario_);
    Tally t(scenario_.calendar.warmup_start_year, scenario_.year_count(), scenario_.specialty_count(),
            engine.anchor_layout().pairs.size());
    for (int i = 0; i < kReplications; ++i) {
      engine.run(2026, i, t);
      check(t);
      if (HasFailure()) {
        ADD_FAILURE() << "first failing replication: " << i;
        return;
      }
    }
  }
  int first() const { return scenario_.calendar.warmup_start_year; }
  int last() const { return scenario_.calendar.followup_end_year; }
  Scenario scenario_;
};

TEST_P(ShippedScenario, PostedEqualsFilledPlusUnfilledInEveryCell) {
  for_each_replication([&](const Tally& t) {
    for (int y = first(); y <= last(); ++y)
      for (Region r : kRegions)
        for (int s = 0; s < scenario_.specialty_count(); ++s)
          ASSERT_EQ(t.get(y, r, s, Metric::Posted),
                    t.get(y, r, s, Metric::Filled) + t.get(y, r, s, Metric::Unfilled));
  });
}

TEST_P(ShippedScenario, EveryUnfilledCourseHasExactlyOneFate) {
  for_each_replication([&](const Tally& t) {
    for (int y = first(); y <= last(); ++y)
      for (Region r : kRegions)
        for (int s = 0; s < scenario_.specialty_count(); ++s) {
          const int fates = t.get(y, r, s, Metric::Reposted) + t.get(y, r, s, Metric::CarriedOver) +
                            t.get(y, r, s, Metric::FlexOut) + t.get(y, r, s, Metric::HandedOverOut) +
                            t.get(y, r, s, Metric::Lapsed);
          ASSERT_EQ(fates, t.get(y, r, s, Metric::Unfilled)) << y << " " << region_name(r) << " " << s;
          // Pending courses are a subset of the fates, and only at the end of the hiring years.
          ASSERT_LE(t.get(y, r, s, Metric::PendingAtEnd), fates);
          if (y < scenario_.calendar.end_year) {
            ASSERT_EQ(t.get(y, r, s, Metric::PendingAtEnd), 0);
          }
        }
  });
}

TEST_P(ShippedScenario, EveryTraineeCompletesDropsOutOrIsStillInTraining) {
  for_each_replication([&](const Tally& t) {
    for (Region r : kRegions)
      for (int s = 0; s < scenario_.specialty_count(); ++s) {
        int started = 0, ended = 0;
        for (int y = first(); y <= last(); ++y) {
          started += t.get(y, r, s, Metric::Started);
          ended += t.get(y, r, s, Metric::Completed) + t.get(y, r, s, Metric::DroppedOut);
          ASSERT_EQ(t.get(y, r, s, Metric::Started), t.get(y, r, s, Metric::Filled));
        }
        ASSERT_EQ(started, ended + t.get(last(), r, s, Metric::InTraining));
      }
  });
}

TEST_P(ShippedScenario, FlexConversionsStayWithinCapsAndBalance) {
  for_each_replication([&](const Tally& t) {
    for (int y = first(); y <= last(); ++y)
      for (Region r : kRegions) {
        int out = 0, in = 0;
        for (int s = 0; s < scenario_.specialty_count(); ++s) {
          out += t.get(y, r, s, Metric::FlexOut);
          in += t.get(y, r, s, Metric::FlexIn);
        }
        ASSERT_EQ(in, out);  // R2: same region, another specialty
        int cap = 0;
        if (scenario_.flex) {
          const auto it = scenario_.flex->caps.find(y);
          if (it != scenario_.flex->caps.end()) {
            cap = it->second[static_cast<std::size_t>(index(r))];
          }
        }
        ASSERT_LE(out, cap) << "R1 cap, " << y << " " << region_name(r);
      }
  });
}

TEST_P(ShippedScenario, ExtraordinaryCoursesKeepToQuotaYearsAndSpecialties) {
  for_each_replication([&](const Tally& t) {
    for (int y = first(); y <= last(); ++y) {
      const bool trial_year = scenario_.extraordinary && y >= scenario_.extraordinary->first_year &&
                              y <= scenario_.extraordinary->last_year;
      for (int s = 0; s < scenario_.specialty_count(); ++s) {
        int in = 0, out = 0, capacity_in = 0, capacity_out = 0;
        for (Region r : kRegions) {
          in += t.get(y, r, s, Metric::HandedOverIn);
          out += t.get(y, r, s, Metric::HandedOverOut);
          capacity_in += t.get(y, r, s, Metric::ExtraordinaryReceivedCapacity);
          capacity_out += t.get(y, r, s, Metric::ExtraordinaryHandedOverCapacity);
        }
        ASSERT_EQ(in, out);
        ASSERT_EQ(capacity_in, capacity_out);
      }
      for (Region r : kRegions) {
        int posted = 0, in = 0, out = 0;
        for (int s = 0; s < scenario_.specialty_count(); ++s) {
          const bool trial_specialty = scenario_.specialties[static_cast<std::size_t>(s)].trial;
          const int p = t.get(y, r, s, Metric::ExtraordinaryPosted);
          if (!trial_year || !trial_specialty) {
            ASSERT_EQ(p, 0);
            ASSERT_EQ(t.get(y, r, s, Metric::ExtraordinaryFilled), 0);
          }
          // A region fills only courses it kept: its own not handed over, and those it received.
          ASSERT_LE(t.get(y, r, s, Metric::ExtraordinaryFilled), p);
          posted += p;
          in += t.get(y, r, s, Metric::HandedOverIn) + t.get(y, r, s, Metric::ExtraordinaryReceivedCapacity);
          out += t.get(y, r, s, Metric::HandedOverOut) +
                 t.get(y, r, s, Metric::ExtraordinaryHandedOverCapacity) +
                 t.get(y, r, s, Metric::ExtraordinaryUnpostedCapacity);
        }
        const int quota =
            trial_year ? scenario_.extraordinary->per_region[static_cast<std::size_t>(index(r))] : 0;
        // R9/R10: every course of the quota is posted, by its region or by the one it was handed to
        // (a hand-over is always to a later round of the same year, or before posting for lack of
        // capacity), or counted as not posted when no region had the capacity for it.
        ASSERT_EQ(posted, quota + in - out) << "R9/R10, " << y << " " << region_name(r);
      }
    }
  });
}

TEST_P(ShippedScenario, ExtraordinaryTraineesStartWithTheFillAndCompleteDropOutOrStayInCourse) {
  for_each_replication([&](const Tally& t) {
    for (Region r : kRegions)
      for (int s = 0; s < scenario_.specialty_count(); ++s) {
        int started = 0, ended = 0;
        for (int y = first(); y <= last(); ++y) {
          const int x_started = t.get(y, r, s, Metric::ExtraordinaryStarted);
          ASSERT_EQ(x_started, t.get(y, r, s, Metric::ExtraordinaryFilled)) << y;
          // The trainees of extraordinary courses are a part of all trainees.
          ASSERT_LE(x_started, t.get(y, r, s, Metric::Started));
          ASSERT_LE(t.get(y, r, s, Metric::ExtraordinaryCompleted), t.get(y, r, s, Metric::Completed));
          ASSERT_LE(t.get(y, r, s, Metric::ExtraordinaryDroppedOut), t.get(y, r, s, Metric::DroppedOut));
          ASSERT_LE(t.get(y, r, s, Metric::ExtraordinaryInTraining), t.get(y, r, s, Metric::InTraining));
          started += x_started;
          ended += t.get(y, r, s, Metric::ExtraordinaryCompleted) +
                   t.get(y, r, s, Metric::ExtraordinaryDroppedOut);
          ASSERT_EQ(t.get(y, r, s, Metric::ExtraordinaryInTraining), started - ended) << y;
        }
        ASSERT_EQ(started, ended + t.get(last(), r, s, Metric::ExtraordinaryInTraining));
      }
  });
}

TEST_P(ShippedScenario, EachRegionPostsItsOwnPlanOfExtraordinaryCoursesBeforeHandOver) {
  if (!scenario_.extraordinary) {  // no trial: nothing is posted, handed over or started
    for_each_replication([&](const Tally& t) {
      for (int y = first(); y <= last(); ++y)
        for (Region r : kRegions)
          for (int s = 0; s < scenario_.specialty_count(); ++s) {
            ASSERT_EQ(t.get(y, r, s, Metric::ExtraordinaryPosted), 0);
            ASSERT_EQ(t.get(y, r, s, Metric::HandedOverIn), 0);
            ASSERT_EQ(t.get(y, r, s, Metric::ExtraordinaryStarted), 0);
          }
    });
    return;
  }
  const ExtraordinaryTrial trial(scenario_, *scenario_.extraordinary);
  const ExtraordinarySpec& x = *scenario_.extraordinary;
  for_each_replication([&](const Tally& t) {
    for (int y = x.first_year; y <= x.last_year; ++y) {
      int all_regions = 0;
      for (Region r : kRegions) {
        const std::vector<int>& plan = trial.course_plan(r);
        for (int s : x.specialties) {
          const int own = t.get(y, r, s, Metric::ExtraordinaryPosted) +
                          t.get(y, r, s, Metric::HandedOverOut) - t.get(y, r, s, Metric::HandedOverIn) +
                          t.get(y, r, s, Metric::ExtraordinaryHandedOverCapacity) -
                          t.get(y, r, s, Metric::ExtraordinaryReceivedCapacity) +
                          t.get(y, r, s, Metric::ExtraordinaryUnpostedCapacity);
          ASSERT_EQ(own, std::count(plan.begin(), plan.end(), s)) << y << " " << region_name(r) << " " << s;
          all_regions += t.get(y, r, s, Metric::ExtraordinaryPosted) +
                         t.get(y, r, s, Metric::ExtraordinaryUnpostedCapacity);
          // The shipped scenarios give no capacity: nothing is handed over or held back before posting.
          ASSERT_EQ(t.get(y, r, s, Metric::ExtraordinaryHandedOverCapacity), 0);
          ASSERT_EQ(t.get(y, r, s, Metric::ExtraordinaryUnpostedCapacity), 0);
        }
      }
      ASSERT_EQ(all_regions, x.per_region[0] + x.per_region[1] + x.per_region[2]) << "R9: 30 a year, " << y;
    }
  });
}

TEST_P(ShippedScenario, OrdinaryCoursesOfferedArePlanCarriedOverAndFlex) {
  for_each_replication([&](const Tally& t) {
    for (Region r : kRegions) {
      int offered = 0, planned = 0, carried = 0, flex = 0, pending = 0;
      for (int y = first(); y <= last(); ++y)
        for (int s = 0; s < scenario_.specialty_count(); ++s) {
          const int o = t.get(y, r, s, Metric::OrdinaryOffered);
          ASSERT_GE(o, t.get(y, r, s, Metric::OrdinaryPosted));
          // Each ordinary course offered fills at most once, within the year (re-postings come two
          // months later, in the same year, in the shipped calendar).
          ASSERT_LE(t.get(y, r, s, Metric::Filled) - t.get(y, r, s, Metric::ExtraordinaryFilled), o) << y;
          offered += o;
          planned += t.get(y, r, s, Metric::OrdinaryPosted);
          carried += t.get(y, r, s, Metric::CarriedOver);
          flex += t.get(y, r, s, Metric::FlexOut);
          pending += t.get(y, r, s, Metric::PendingAtEnd);
        }
      // Carried-over and flex courses are posted again unless their posting falls after the last
      // round (pending); re-postings and hand-overs never do in the shipped calendar.
      ASSERT_EQ(offered, planned + carried + flex - pending) << region_name(r);
    }
  });
}

TEST_P(ShippedScenario, OrdinaryPostingsFollowTheDimensioningPlan) {
  for_each_replication([&](const Tally& t) {
    for (int y = first(); y <= scenario_.calendar.end_year; ++y)
      for (Region r : kRegions)
        for (int s = 0; s < scenario_.specialty_count(); ++s)
          ASSERT_EQ(t.get(y, r, s, Metric::OrdinaryPosted), scenario_.ordinary_courses(y, s, r));
  });
}

TEST_P(ShippedScenario, EveryApplicantIsPlacedLeavesOrWaits) {
  // Per specialty, home region and year: waiting at the start + arrivals = placed + left + waiting
  // at the end (zero throughout under the independent model).
  for_each_replication([&](const Tally& t) {
    for (Region r : kRegions)
      for (int s = 0; s < scenario_.specialty_count(); ++s) {
        int waiting = 0;
        for (int y = first(); y <= last(); ++y) {
          const int end = t.get(y, r, s, Metric::ApplicantsWaiting);
          ASSERT_EQ(waiting + t.get(y, r, s, Metric::Applicants),
                    t.get(y, r, s, Metric::ApplicantsPlaced) + t.get(y, r, s, Metric::ApplicantsLeft) + end)
              << y << " " << region_name(r) << " " << s;
          waiting = end;
        }
      }
  });
}

TEST_P(ShippedScenario, EveryFilledPostingPlacesOneApplicant) {
  // The independent model has no applicants: every applicant count stays zero.
  const bool applicants = scenario_.fill.model == FillModelKind::Applicants;
  for_each_replication([&](const Tally& t) {
    for (int y = first(); y <= last(); ++y)
      for (int s = 0; s < scenario_.specialty_count(); ++s) {
        int filled = 0, placed = 0;  // nationally: applicants may take a course in another region
        for (Region r : kRegions) {
          filled += t.get(y, r, s, Metric::Filled);
          placed += t.get(y, r, s, Metric::ApplicantsPlaced);
          ASSERT_EQ(applicants ? t.get(y, r, s, Metric::ExtraordinaryFilled) : 0,
                    t.get(y, r, s, Metric::ExtraordinaryFilledNew) +
                        t.get(y, r, s, Metric::ExtraordinaryFilledPool));
        }
        ASSERT_EQ(applicants ? filled : 0, placed) << y << " " << s;
      }
  });
}

// The stock of specialists: at its start + the completions from its year on = at the end of the
// follow-up + everyone who retired or exited, in every specialty and region.
TEST_P(ShippedScenario, TheStockOfSpecialistsBalancesItsEntriesAndExits) {
  ASSERT_TRUE(scenario_.stock);
  const int from = scenario_.stock->year;
  const SpecialistStock stock(scenario_);
  for_each_replication([&](const Tally& t) {
    for (Region r : kRegions)
      for (int s = 0; s < scenario_.specialty_count(); ++s) {
        int start = 0;
        for (int a = StockSpec::kMinAge; a <= StockSpec::kMaxAge; ++a) start += stock.initial(s, r, a);
        // The starting counts by age add up to the scenario's count exactly (largest remainder).
        ASSERT_EQ(start,
                  scenario_.stock->count[static_cast<std::size_t>(s)][static_cast<std::size_t>(index(r))]);
        int completed = 0, left = 0;
        for (int y = from; y <= last(); ++y) {
          completed += t.get(y, r, s, Metric::Completed);
          left += t.get(y, r, s, Metric::Retired) + t.get(y, r, s, Metric::Exited);
          // Each year's stock follows from the previous year's.
          const int before = y == from ? start : t.get(y - 1, r, s, Metric::Specialists);
          ASSERT_EQ(before + t.get(y, r, s, Metric::Completed), t.get(y, r, s, Metric::Specialists) +
                                                                    t.get(y, r, s, Metric::Retired) +
                                                                    t.get(y, r, s, Metric::Exited))
              << y << " " << region_name(r) << " " << s;
        }
        ASSERT_EQ(start + completed, t.get(last(), r, s, Metric::Specialists) + left);
        ASSERT_GT(left, 0) << "people leave the stock";
      }
  });
}

// After the plan every hiring year is post-trial: the last plan year's courses, no flex, no
// extraordinary courses.
TEST_P(ShippedScenario, PostTrialYearsHireTheLastPlanYearsCoursesWithNoFlexOrExtraordinaryCourses) {
  const CalendarSpec& cal = scenario_.calendar;
  ASSERT_GT(cal.post_trial_years, 0);
  for_each_replication([&](const Tally& t) {
    for (int y = cal.plan_end_year() + 1; y <= cal.end_year; ++y)
      for (Region r : kRegions)
        for (int s = 0; s < scenario_.specialty_count(); ++s) {
          ASSERT_EQ(t.get(y, r, s, Metric::OrdinaryPosted),
                    t.get(cal.plan_end_year(), r, s, Metric::OrdinaryPosted));
          ASSERT_EQ(t.get(y, r, s, Metric::FlexIn), 0);
          ASSERT_EQ(t.get(y, r, s, Metric::FlexOut), 0);
          ASSERT_EQ(t.get(y, r, s, Metric::ExtraordinaryPosted), 0);
          ASSERT_EQ(t.get(y, r, s, Metric::HandedOverOut), 0);
        }
  });
}

INSTANTIATE_TEST_SUITE_P(Scenarios, ShippedScenario,
                         ::testing::Values("flex_scheme.json", "extraordinary_trial.json",
                                           "flex_scheme.json@applicants",
                                           "extraordinary_trial.json@applicants"),
                         [](const ::testing::TestParamInfo<const char*>& param) {
                           const std::string name = param.param;
                           const auto at = name.find('@');
                           return name.substr(0, name.find('.')) +
                                  (at == std::string::npos ? "" : "_" + name.substr(at + 1));
                         });

TEST(TrialArithmetic, TrialPostsTwelveHundredFortyOrdinaryAndThirtyExtraordinaryCoursesAYear) {
  // R8: 1,240 ordinary + 30 extraordinary = 1,270 courses a year 2026-2030, before re-postings.
  const Scenario s = load_scenario(std::string(FORLOB_SOURCE_DIR) + "/scenarios/extraordinary_trial.json");
  Replication engine(s);
  Tally t(s.calendar.warmup_start_year, s.year_count(), s.specialty_count(),
          engine.anchor_layout().pairs.size());
  for (int i = 0; i < 20; ++i) {
    engine.run(11, i, t);
    for (int y = 2026; y <= 2030; ++y) {
      int ordinary = 0, extraordinary = 0;
      for (Region r : kRegions)
        for (int sp = 0; sp < s.specialty_count(); ++sp) {
          ordinary += t.get(y, r, sp, Metric::OrdinaryPosted);
          extraordinary += t.get(y, r, sp, Metric::ExtraordinaryPosted);
        }
      EXPECT_EQ(ordinary, 1240) << y;
      EXPECT_EQ(extraordinary, 30) << y;
      EXPECT_EQ(ordinary + extraordinary, 1270) << y;
    }
  }
}

}  // namespace
}  // namespace forlob

namespace forlob {
namespace {

// With the post-trial rule both policies hire alike after 2030, replication by replication: their
// ordinary courses are the same, and neither has flex or extraordinary courses, so a difference in
// completions after 2030 comes only from the courses filled until 2030.
class PostTrialHiring : public ::testing::TestWithParam<const char*> {};

TEST_P(PostTrialHiring, IsTheSameUnderBothPoliciesInEveryReplication) {
  const std::string dir = std::string(FORLOB_SOURCE_DIR) + "/scenarios/";
  const std::vector<std::string> set{std::string("/fill/model=\"") + GetParam() + "\""};
  const Scenario a = load_scenario(dir + "flex_scheme.json", set);
  const Scenario b = load_scenario(dir + "extraordinary_trial.json", set);
  ASSERT_EQ(a.calendar.end_year, b.calendar.end_year);
  ASSERT_GT(a.calendar.post_trial_years, 0);
  Replication engine_a(a), engine_b(b);
  Tally ta(a.calendar.warmup_start_year, a.year_count(), a.specialty_count(),
           engine_a.anchor_layout().pairs.size());
  Tally tb(b.calendar.warmup_start_year, b.year_count(), b.specialty_count(),
           engine_b.anchor_layout().pairs.size());
  int differing_before = 0;
  for (int i = 0; i < 60; ++i) {
    engine_a.run(2030, i, ta);
    engine_b.run(2030, i, tb);
    for (int y = a.calendar.plan_end_year() + 1; y <= a.calendar.end_year; ++y)
      for (Region r : kRegions)
        for (int s = 0; s < a.specialty_count(); ++s)
          for (Metric m : {Metric::OrdinaryPosted, Metric::FlexIn, Metric::ExtraordinaryPosted}) {
            ASSERT_EQ(ta.get(y, r, s, m), tb.get(y, r, s, m)) << i << " " << y << " " << metric_name(m);
          }
    // The test can tell: until 2030 the policies do hire differently.
    for (Region r : kRegions)
      for (int s = 0; s < a.specialty_count(); ++s)
        differing_before += ta.get(2027, r, s, Metric::FlexIn) != tb.get(2027, r, s, Metric::FlexIn) ||
                            ta.get(2027, r, s, Metric::ExtraordinaryPosted) !=
                                tb.get(2027, r, s, Metric::ExtraordinaryPosted);
  }
  EXPECT_GT(differing_before, 0);
}

INSTANTIATE_TEST_SUITE_P(FillModels, PostTrialHiring, ::testing::Values("independent", "applicants"));

}  // namespace
}  // namespace forlob
