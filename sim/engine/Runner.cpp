#include "engine/Runner.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <deque>
#include <memory>
#include <string>

#include "core/Errors.hpp"
#include "engine/ReplicationDriver.hpp"
#include "engine/ThreadArena.hpp"
#include "stats/SharedDistribution.hpp"

namespace forlob {

YearlyLayout yearly_layout(const Scenario& scenario) {
  return {scenario.calendar.warmup_start_year, scenario.year_count(), scenario.specialty_count()};
}

std::pair<int, int> trial_window(const std::vector<const Scenario*>& scenarios) {
  for (const Scenario* s : scenarios)
    if (s->extraordinary) return {s->extraordinary->first_year, s->extraordinary->last_year};
  const int end = scenarios.front()->calendar.plan_end_year();
  return {std::min(2026, end), end};
}

std::vector<Headline> make_headlines(const Scenario& scenario, const YearlyLayout& layout,
                                     std::pair<int, int> window) {
  const CalendarSpec& cal = scenario.calendar;
  std::vector<int> trial;
  for (int s = 0; s < scenario.specialty_count(); ++s)
    if (scenario.specialties[static_cast<std::size_t>(s)].trial) trial.push_back(s);
  constexpr int kAllRegions = YearlyLayout::kRegionSlots - 1;
  auto sum = [&](const std::string& name, const std::vector<int>& specialties, int from, int to, Metric m) {
    Headline h{name, {}, from, to};
    for (int y = std::max(from, layout.first_year); y <= std::min(to, layout.first_year + layout.years - 1);
         ++y)
      for (int s : specialties) h.terms.push_back(layout.cell(y - layout.first_year, kAllRegions, s, m));
    return h;
  };
  // The trial's years and the tail in which its cohorts complete.
  const auto [first, last] = window;
  const int tail_end = cal.followup_end_year;
  std::vector<Headline> out;
  for (int y = cal.start_year; y <= tail_end; ++y)
    out.push_back(sum("completed_trial_specialties_" + std::to_string(y), trial, y, y, Metric::Completed));
  const std::string span = std::to_string(first) + "_" + std::to_string(last);
  const std::string tail = std::to_string(last + 1) + "_" + std::to_string(tail_end);
  const std::string whole = std::to_string(first) + "_" + std::to_string(tail_end);
  out.push_back(sum("completed_trial_specialties_" + span, trial, first, last, Metric::Completed));
  out.push_back(sum("completed_trial_specialties_" + tail, trial, last + 1, tail_end, Metric::Completed));
  out.push_back(sum("completed_trial_specialties_" + whole, trial, first, tail_end, Metric::Completed));
  for (int s : trial) {
    const std::string& id = scenario.specialties[static_cast<std::size_t>(s)].id;
    out.push_back(sum("completed_" + id + "_" + whole, {s}, first, tail_end, Metric::Completed));
    out.push_back(sum("started_" + id + "_" + span, {s}, first, last, Metric::Started));
  }
  out.push_back(sum("started_trial_specialties_" + span, trial, first, last, Metric::Started));
  out.push_back(sum("flex_in_trial_specialties_" + span, trial, first, last, Metric::FlexIn));
  out.push_back(sum("extraordinary_filled_" + span, trial, first, last, Metric::ExtraordinaryFilled));
  out.push_back(sum("extraordinary_filled_new_" + span, trial, first, last, Metric::ExtraordinaryFilledNew));
  out.push_back(sum("ordinary_filled_trial_specialties_" + span, trial, first, last, Metric::OrdinaryFilled));
  std::vector<int> every(static_cast<std::size_t>(scenario.specialty_count()));
  for (int s = 0; s < scenario.specialty_count(); ++s) every[static_cast<std::size_t>(s)] = s;
  out.push_back(sum("completed_all_specialties_" + whole, every, first, tail_end, Metric::Completed));
  // The stock of specialists at the end of the trial's last year and of the follow-up.
  if (scenario.stock) {
    for (int y : {last, tail_end})
      out.push_back(
          sum("specialists_trial_specialties_" + std::to_string(y), trial, y, y, Metric::Specialists));
    out.push_back(sum("specialists_all_specialties_" + std::to_string(tail_end), every, tail_end, tail_end,
                      Metric::Specialists));
  }
  return out;
}

void require_pairable(const Scenario& a, const Scenario& b) {
  bool same = a.specialties.size() == b.specialties.size();
  for (std::size_t s = 0; same && s < a.specialties.size(); ++s)
    same = a.specialties[s].id == b.specialties[s].id && a.specialties[s].trial == b.specialties[s].trial;
  if (!same)
    throw InputError(b.file, "/specialties",
                     "expected the same specialties, in the same order, as " + a.file + " to compare them");
  if (a.calendar.warmup_start_year != b.calendar.warmup_start_year ||
      a.calendar.followup_end_year != b.calendar.followup_end_year ||
      a.calendar.start_year != b.calendar.start_year)
    throw InputError(b.file, "/calendar", "expected the same years as " + a.file + " to compare them");
}

namespace {

void sum_headlines(const std::vector<Headline>& headlines, const std::vector<std::int32_t>& yearly,
                   std::vector<std::int32_t>& out) {
  out.resize(headlines.size());
  for (std::size_t h = 0; h < headlines.size(); ++h) {
    std::int32_t total = 0;
    for (std::size_t cell : headlines[h].terms) total += yearly[cell];
    out[h] = total;
  }
}

// The run's histograms, one set that every thread adds to (SharedDistribution): at 100 times the
// shipped dimensioning they are most of a run's memory, so they are not kept once per thread.
struct RunDistributions {
  struct PerScenario {
    explicit PerScenario(const ScenarioResult& sr)
        : yearly(sr.yearly_layout.cells()),
          anchors(sr.anchor_layout.cells()),
          headline(sr.headlines.size()) {}
    SharedDistribution yearly, anchors, headline;
  };
  struct PerDifference {
    explicit PerDifference(const ScenarioResult& first)
        : yearly(first.yearly_layout.cells()), headline(first.headlines.size()) {}
    SharedDistribution yearly, headline;
  };
  explicit RunDistributions(const std::vector<ScenarioResult>& results) {
    for (const ScenarioResult& sr : results) scenarios.emplace_back(sr);
    for (std::size_t k = 1; k < results.size(); ++k) differences.emplace_back(results[0]);
  }
  std::deque<PerScenario> scenarios;  // deque: the mutexes inside do not move
  std::deque<PerDifference> differences;
};

// What one thread keeps of its replications: a few rows for each histogram, passed on in batches.
struct RunObserver final : ReplicationObserver {
  struct PerScenario {
    PerScenario(RunDistributions::PerScenario& into, std::size_t first_block)
        : yearly_rows(into.yearly, first_block),
          anchor_rows(into.anchors, first_block),
          headline_rows(into.headline, first_block) {}
    std::vector<std::int32_t> yearly, anchors, headline;
    SharedRows yearly_rows, anchor_rows, headline_rows;
  };
  struct PerDifference {
    PerDifference(RunDistributions::PerDifference& into, std::size_t first_block)
        : yearly_rows(into.yearly, first_block), headline_rows(into.headline, first_block) {}
    std::vector<std::int32_t> yearly, headline;
    SharedRows yearly_rows, headline_rows;
  };

  RunObserver(const std::vector<ScenarioResult>& results, RunDistributions& into, std::size_t first_block,
              std::vector<HeadlineDraws>* draws)
      : results_(results), draws_(draws) {
    for (auto& ps : into.scenarios) scenarios.emplace_back(ps, first_block);
    for (auto& pd : into.differences) differences.emplace_back(pd, first_block);
  }

  // The rows not yet passed on; once per thread, after its last replication.
  void flush() {
    for (PerScenario& ps : scenarios) {
      ps.yearly_rows.flush();
      ps.anchor_rows.flush();
      ps.headline_rows.flush();
    }
    for (PerDifference& pd : differences) {
      pd.yearly_rows.flush();
      pd.headline_rows.flush();
    }
  }

  // Replication i of every scenario, then each one's difference from the first.
  void observe(std::size_t /*point*/, std::int64_t i,
               std::span<const std::unique_ptr<Tally>> tallies) override {
    for (std::size_t k = 0; k < scenarios.size(); ++k) {
      PerScenario& ps = scenarios[k];
      const ScenarioResult& sr = results_[k];
      tallies[k]->expand(sr.yearly_layout, ps.yearly);
      tallies[k]->expand_anchors(sr.anchor_layout, ps.anchors);
      sum_headlines(sr.headlines, ps.yearly, ps.headline);
      ps.yearly_rows.add(ps.yearly);
      ps.anchor_rows.add(ps.anchors);
      ps.headline_rows.add(ps.headline);
      if (draws_ != nullptr)  // each replication owns its slots: no sharing between threads
        std::copy(ps.headline.begin(), ps.headline.end(),
                  (*draws_)[k].values.begin() +
                      static_cast<std::ptrdiff_t>(static_cast<std::size_t>(i) * ps.headline.size()));
    }
    for (std::size_t d = 0; d < differences.size(); ++d) {
      PerDifference& pd = differences[d];
      difference(scenarios[0].yearly, scenarios[d + 1].yearly, pd.yearly);
      difference(scenarios[0].headline, scenarios[d + 1].headline, pd.headline);
      pd.yearly_rows.add(pd.yearly);
      pd.headline_rows.add(pd.headline);
    }
  }

  static void difference(const std::vector<std::int32_t>& a, const std::vector<std::int32_t>& b,
                         std::vector<std::int32_t>& out) {
    out.resize(a.size());
    for (std::size_t c = 0; c < a.size(); ++c) out[c] = b[c] - a[c];
  }

  std::deque<PerScenario> scenarios;
  std::deque<PerDifference> differences;  // scenario k + 1 minus scenario 0

 private:
  const std::vector<ScenarioResult>& results_;
  std::vector<HeadlineDraws>* draws_;
};

}  // namespace

RunResult run_scenarios(const std::vector<const Scenario*>& scenarios, const RunOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  for (std::size_t k = 1; k < scenarios.size(); ++k) require_pairable(*scenarios[0], *scenarios[k]);

  RunResult result;
  result.seed = options.seed;
  result.replications = options.replications;
  result.threads = resolved_threads(options.threads);
  for (const Scenario* s : scenarios) {
    ScenarioResult sr;
    sr.scenario = s;
    sr.yearly_layout = yearly_layout(*s);
    sr.anchor_layout = make_anchor_layout(*s);
    sr.headlines = make_headlines(*scenarios.front(), sr.yearly_layout, trial_window(scenarios));
    result.scenarios.push_back(std::move(sr));
  }
  if (options.keep_draws)
    for (const ScenarioResult& sr : result.scenarios)
      result.draws.push_back(
          {sr.headlines.size(),
           std::vector<std::int32_t>(sr.headlines.size() * static_cast<std::size_t>(options.replications))});
  std::vector<HeadlineDraws>* draws = options.keep_draws ? &result.draws : nullptr;

  DesignPoints point;
  point.fixed = scenarios;
  RunDistributions shared(result.scenarios);
  std::vector<std::unique_ptr<RunObserver>> observers;
  std::atomic<std::size_t> made{0};
  const DriverStats stats = drive_observed<RunObserver>(
      point,
      {options.seed, options.replications, options.threads, options.progress, options.tasks, options.fork},
      [&] {
        // Threads begin their batches at blocks far apart, so they seldom wait for each other.
        return std::make_unique<RunObserver>(result.scenarios, shared, 17 * made++, draws);
      },
      observers);
  result.keyed_draws = stats.keyed_draws;
  result.simulate_seconds = stats.simulate_seconds;
  result.reduce_seconds = stats.observe_seconds;
  const auto flushing = std::chrono::steady_clock::now();
  for (std::unique_ptr<RunObserver>& w : observers) {
    w->flush();
    w.reset();
  }
  result.reduce_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - flushing).count();

  // Integer histograms: the same whatever order the rows came in.
  for (std::size_t k = 0; k < result.scenarios.size(); ++k) {
    ScenarioResult& sr = result.scenarios[k];
    sr.yearly = shared.scenarios[k].yearly.take();
    sr.anchors = shared.scenarios[k].anchors.take();
    sr.headline = shared.scenarios[k].headline.take();
  }
  for (std::size_t k = 1; k < scenarios.size(); ++k)
    result.differences.push_back(DifferenceResult{scenarios[k]->name + " - " + scenarios[0]->name,
                                                  shared.differences[k - 1].yearly.take(),
                                                  shared.differences[k - 1].headline.take()});
  if (result.differences.size() == 1) result.difference = result.differences.front();
  result.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return result;
}

}  // namespace forlob
