#pragma once
// A scenario parsed and validated once into plain structs (see ScenarioLoader). The kernel reads
// only these; it never sees JSON.
#include <array>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/Region.hpp"

namespace forlob {

// What kind of posting a course is at a given moment; fill probability depends on it.
enum class PostingKind : std::uint8_t { Ordinary = 0, CarriedOver = 1, Flex = 2, Extraordinary = 3 };
inline constexpr int kPostingKindCount = 4;

struct RoundSpec {
  std::string name;              // "spring" (forår) or "autumn" (efterår)
  int month = 3;                 // month of the year the round posts and its courses start
  double share = 0.5;            // share of each year's ordinary courses posted in this round
  bool carries_to_next = false;  // R4: unfilled courses go to the next year's first round
  bool operator==(const RoundSpec&) const = default;
};

struct CalendarSpec {
  int warmup_start_year = 2016;  // rounds before start_year fill the training pipeline
  int start_year = 2021;
  int end_year = 2030;            // last year with hiring rounds (post-trial years included)
  int followup_end_year = 2036;   // completions are counted through this year
  std::vector<RoundSpec> rounds;  // in calendar order
  // The last `post_trial_years` hiring years come after the plan and the trial (/calendar/post_trial):
  // hiring continues under the post-trial rule, the last plan year's dimensioning with no flex and
  // no extraordinary courses under every policy, so that the cohorts of the trial years are followed
  // by ordinary cohorts and a difference between policies after the plan comes only from what the
  // policies did until then.
  int post_trial_years = 0;

  int plan_end_year() const { return end_year - post_trial_years; }  // /calendar/end_year
  bool post_trial(int year) const { return year > plan_end_year(); }
  bool operator==(const CalendarSpec&) const = default;
};

struct SpecialtySpec {
  std::string id;                // e.g. "almen_medicin"
  std::string name;              // e.g. "Almen medicin"
  bool trial = false;            // one of the four trial specialties (R9)
  bool group = false;            // stands for several specialties (default data until complete records)
  bool hospital_anchor = true;   // R12 anchor is an acute hospital; false: a municipality (R11)
  int course_months = 48;        // nominal main-course length
  double delay_probability = 0;  // chance a trainee's course is extended (leave, part-time)
  double delay_mean_months = 0;  // mean extension when extended (gamma)
  double delay_shape = 1;        // gamma shape of the extension
  double dropout_per_year = 0;   // yearly probability of leaving the course
  bool operator==(const SpecialtySpec&) const = default;
};

// Which mechanism decides the fills of a round (/fill/model).
enum class FillModelKind {
  Independent,  // every posting fills by its own draw at the cell's rate (the Beta-binomial model)
  Applicants,   // postings are filled from pools of applicants (ApplicantSpec)
};

struct FillSpec {
  FillModelKind model = FillModelKind::Independent;
  // mean[s][r]: mean fill probability of an ordinary first posting, specialty s, region r.
  std::vector<std::array<double, kRegionCount>> mean;
  // Beta concentration (a+b) of the per-replication draw around mean; 0 means no parameter noise.
  double concentration = 0;
  // Between-year variation: each hiring year's rate is drawn from Beta(mu k, (1 - mu) k) around the
  // replication's mean mu, k being this concentration; 0 means the same rate every year.
  double year_concentration = 0;
  // Per-cell values [s][r] (from a fitted calibration file); empty: the scalars above everywhere.
  std::vector<std::array<double, kRegionCount>> cell_concentration;
  std::vector<std::array<double, kRegionCount>> cell_year_concentration;
  std::string fitted_file;  // the calibration file the cells came from (/fill/fitted), if any
  std::array<double, kPostingKindCount> kind_multiplier{1, 1, 1, 1};
  double repost_multiplier = 1;  // applied to every re-posting (genopslag)
  // Multipliers on every fill probability (`/fill/scale`), the handles of sensitivity analysis.
  double scale_overall = 1;
  std::vector<double> scale_specialty;  // [s]; empty: 1 everywhere
  std::array<double, kRegionCount> scale_region{1, 1, 1};

  double concentration_of(int s, int r) const {
    return cell_concentration.empty()
               ? concentration
               : cell_concentration[static_cast<std::size_t>(s)][static_cast<std::size_t>(r)];
  }
  double year_concentration_of(int s, int r) const {
    return cell_year_concentration.empty()
               ? year_concentration
               : cell_year_concentration[static_cast<std::size_t>(s)][static_cast<std::size_t>(r)];
  }
  double scale_of(int s, int r) const {
    const double by_specialty = scale_specialty.empty() ? 1.0 : scale_specialty[static_cast<std::size_t>(s)];
    return scale_overall * by_specialty * scale_region[static_cast<std::size_t>(r)];
  }
  bool operator==(const FillSpec&) const = default;
};

// The order in which an applicant pool serves the postings of its specialty in one batch (a round's
// opening, or the follow-on postings of a later month): an explicit rule, not the posting order.
enum class ServingOrder {
  Attractiveness,  // most attractive kind first (ApplicantSpec::attractiveness); ties by a keyed uniform
  Random,          // by a keyed uniform per posting
};

// The applicant model (/applicants, used when /fill/model is "applicants"). Each hiring round each
// specialty receives new qualified applicants; they join the waiting pool of their home region, take
// courses there first, take a course elsewhere only when mobile, and leave the pool with some
// probability per round they wait.
struct ApplicantSpec {
  std::vector<double> level;                           // [s]: expected new applicants a year, nationally
  double level_scale = 1;                              // factor on every level (sensitivity)
  std::vector<std::array<double, kRegionCount>> home;  // [s][r]: share whose home region is r
  double level_sd = 0;             // log-scale sd of the replication's level (parameter uncertainty)
  double year_sd = 0;              // log-scale sd of a year's level around it (between-year variation)
  double trend = 0;                // relative change of the level a year
  int trend_base_year = 2021;      // the year in which the level applies as given
  double mobility = 0;             // chance an applicant takes courses outside the home region
  double leave_per_round = 0;      // chance a waiting applicant leaves before the next round
  double extraordinary_new = 0.5;  // share of extraordinary courses taken by new applicants
  // Serving priority of a posting by kind (PostingKind order) and of a re-posting (last).
  std::array<double, kPostingKindCount + 1> attractiveness{1, 1, 1, 1, 1};
  ServingOrder serving_order = ServingOrder::Attractiveness;

  double attractiveness_of(int kind, bool repost) const {
    return repost ? attractiveness[kPostingKindCount] : attractiveness[static_cast<std::size_t>(kind)];
  }
  bool operator==(const ApplicantSpec&) const = default;
};

struct UnfilledSpec {
  int max_reposts = 1;          // R5: re-postings (genopslag) of one course within a round
  int repost_delay_months = 2;  // months from a posting to its re-posting
  bool operator==(const UnfilledSpec&) const = default;
};

struct FlexTargetRule {
  // Waiting: the specialty with the most applicants waiting in the region (applicant model), the
  // weights' draw when none wait.
  enum class Kind { Weights, Priority, Waiting } kind = Kind::Weights;
  // weights[r][s] (Weights) or an ordered specialty list per region (Priority).
  std::array<std::vector<double>, kRegionCount> weights;
  std::array<std::vector<int>, kRegionCount> priority;
  bool operator==(const FlexTargetRule&) const = default;
};

struct FlexSpec {
  std::map<int, std::array<int, kRegionCount>> caps;  // R1: year -> cap per region
  double take_up = 1;               // chance a region uses a free flex slot for an unfilled course
  double within_round_share = 0.5;  // R3: share posted within the round (rest at the next round)
  std::vector<bool> donor;          // [s]: specialty may give up unfilled courses
  FlexTargetRule target;
  // Which of a batch's unfilled courses meet their fate first, and so take the region's flex cap
  // first (R1): as listed (waiting follow-ons, then the plan's courses by specialty and region, then
  // courses policies add), by a keyed uniform per course, or by donor_priority (then the uniform).
  enum class Order { Listed, Random, Priority } conversion_order = Order::Listed;
  std::vector<int> donor_priority;  // [rank] -> specialty, for Order::Priority
  bool operator==(const FlexSpec&) const = default;
};

struct Anchor {
  std::string name;
  Region region = Region::Nord;
  bool hospital = true;  // acute hospital (R12) or municipality (R11)
  bool operator==(const Anchor&) const = default;
};

struct HandoverRule {
  // Known: what the region can know (R10): the region with applicants waiting for the specialty
  // (applicant model), else the highest fill rate of the specialty in earlier rounds.
  // TrueFill: the replication's drawn fill probability (independent model only; an oracle no
  // region has, kept to compare with).
  enum class Kind { None, Priority, Known, TrueFill } kind = Kind::Known;
  std::array<std::vector<Region>, kRegionCount> priority;  // receivers in order, per giver
  bool operator==(const HandoverRule&) const = default;
};

// R10's other case: a region hands an extraordinary course over before posting it when it lacks the
// training capacity for it. Capacity is the number of extraordinary courses of a specialty a region
// can hold in a year (those it posts and keeps, plus those it receives); none given is unlimited.
struct CapacityRule {
  static constexpr int kUnlimited = std::numeric_limits<int>::max();
  // MostSpare: to the region with the most spare capacity for the specialty (ties in the giver's
  // hand-over priority order, then Nord, Syd, Øst); Priority: the first region in that order with
  // spare capacity; None: never handed over for capacity. A course no region can take is not posted.
  enum class Kind { MostSpare, Priority, None } kind = Kind::MostSpare;
  std::vector<int> per_year;  // [specialty * kRegionCount + region]; empty: unlimited everywhere
  int capacity(int specialty, Region r) const {
    if (per_year.empty()) return kUnlimited;
    return per_year[static_cast<std::size_t>(specialty) * kRegionCount + static_cast<std::size_t>(index(r))];
  }
  bool operator==(const CapacityRule&) const = default;
};

struct ExtraordinarySpec {
  int first_year = 2026, last_year = 2030;
  std::array<int, kRegionCount> per_region{10, 10, 10};   // R9
  std::vector<int> specialties;                           // indices into Scenario::specialties
  std::array<std::vector<double>, kRegionCount> weights;  // [r][k], k over `specialties`
  std::vector<double> round_share;                        // share posted in each round
  HandoverRule handover;                                  // R10
  CapacityRule capacity;                                  // R10, before posting
  std::vector<Anchor> anchors;                            // R11, R12
  bool operator==(const ExtraordinarySpec&) const = default;
};

// The stock of specialists (/stock): counts by specialty and region at the start of `year`, spread
// over single years of age by age bands; each new specialist joins it at completion, aged at the
// course's start (a uniform whole age in age_at_start_min..max) plus the course's length; every
// year each age cohort loses retirements and other exits (abroad, leaving clinical work).
struct StockSpec {
  static constexpr int kMinAge = 25, kMaxAge = 80;  // everyone still in the stock at kMaxAge retires
  static constexpr int kAges = kMaxAge - kMinAge + 1;
  int year = 2018;
  std::vector<std::array<int, kRegionCount>> count;  // [s][r]
  std::vector<std::array<double, kAges>> age_share;  // [s][age - kMinAge], summing to 1
  // Retirement age uniform over whole ages mean +- spread: the yearly hazard at age a in that range
  // is 1 / (mean + spread - a + 1), 0 below, 1 above.
  std::vector<int> retirement_age, retirement_spread;  // [s]
  std::vector<double> other_exit_per_year;             // [s]
  int age_at_start_min = 30, age_at_start_max = 36;
  bool operator==(const StockSpec&) const = default;
};

// A source text is "<tier>: <citation>" ("published: SST, 28 Jun 2021"): its tier, and the citation
// after the colon without leading spaces ("" when there is none).
inline std::string source_tier(const std::string& source) { return source.substr(0, source.find(':')); }
inline std::string source_citation(const std::string& source) {
  const auto colon = source.find(':');
  if (colon == std::string::npos) return "";
  const auto start = source.find_first_not_of(' ', colon + 1);
  return start == std::string::npos ? "" : source.substr(start);
}

struct Scenario {
  std::string name;
  std::string description;
  std::string file;  // where it was read from, for messages
  CalendarSpec calendar;
  std::vector<SpecialtySpec> specialties;
  // courses[y - warmup_start_year][s][r]: ordinary courses in the dimensioning plan, for every
  // year with hiring rounds (warmup_start_year .. end_year).
  std::vector<std::vector<std::array<int, kRegionCount>>> courses;
  FillSpec fill;
  std::optional<ApplicantSpec> applicants;  // required when fill.model is Applicants
  UnfilledSpec unfilled;
  std::optional<FlexSpec> flex;
  std::optional<ExtraordinarySpec> extraordinary;
  std::optional<StockSpec> stock;              // none: no stock is kept (specialists, retired, exited stay 0)
  std::map<std::string, std::string> sources;  // JSON pointer prefix -> source or "assumption: ..."
  std::string resolved_json;  // the merged document after extends and --set, for summary.json

  // How many sources of each tier ("published", "derived", "assumption", ...) the scenario cites.
  std::map<std::string, int> source_tiers() const {
    std::map<std::string, int> tiers;
    for (const auto& [pointer, source] : sources) tiers[source_tier(source)] += 1;
    return tiers;
  }
  // The /sources entry that covers `pointer`: at it or at its longest path-segment prefix (the
  // loader requires one for every number); null when there is none.
  const std::pair<const std::string, std::string>* source_covering(std::string pointer) const {
    for (; !pointer.empty(); pointer = pointer.substr(0, pointer.rfind('/')))
      if (const auto it = sources.find(pointer); it != sources.end()) return &*it;
    return nullptr;
  }

  int year_count() const { return calendar.followup_end_year - calendar.warmup_start_year + 1; }
  int specialty_count() const { return static_cast<int>(specialties.size()); }
  int ordinary_courses(int year, int s, Region r) const {
    return courses[static_cast<std::size_t>(year - calendar.warmup_start_year)][static_cast<std::size_t>(s)]
                  [static_cast<std::size_t>(index(r))];
  }
};

}  // namespace forlob
