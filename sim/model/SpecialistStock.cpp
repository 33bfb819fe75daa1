#include "model/SpecialistStock.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/LargestRemainder.hpp"

namespace forlob {

namespace {
constexpr int kAges = StockSpec::kAges;
}  // namespace

SpecialistStock::SpecialistStock(const Scenario& scenario) {
  if (!scenario.stock) return;
  const StockSpec& spec = *scenario.stock;
  active_ = true;
  first_year_ = spec.year;
  years_ = scenario.calendar.followup_end_year - spec.year + 1;
  specialties_ = scenario.specialty_count();
  age_min_ = spec.age_at_start_min;
  age_span_ = spec.age_at_start_max - spec.age_at_start_min + 1;
  const auto specialties = static_cast<std::size_t>(specialties_);
  initial_.assign(specialties * kRegionCount * kAges, 0);
  retire_.assign(specialties * kAges, 0);
  other_exit_ = spec.other_exit_per_year;
  for (const SpecialtySpec& sp : scenario.specialties) id_hash_.push_back(hash_name(sp.id));
  for (int s = 0; s < specialties_; ++s) {
    const auto si = static_cast<std::size_t>(s);
    const std::vector<double> shares(spec.age_share[si].begin(), spec.age_share[si].end());
    for (int r = 0; r < kRegionCount; ++r) {
      const std::vector<int> split = largest_remainder(spec.count[si][static_cast<std::size_t>(r)], shares);
      std::copy(split.begin(), split.end(), initial_.begin() + static_cast<std::ptrdiff_t>(row(s, r)));
      for (int n : split) initial_total_ += n;
    }
    const int low = spec.retirement_age[si] - spec.retirement_spread[si];
    const int high = spec.retirement_age[si] + spec.retirement_spread[si];
    for (int a = 0; a < kAges; ++a) {
      const int age = StockSpec::kMinAge + a;
      double h = age < low ? 0.0 : age > high ? 1.0 : 1.0 / static_cast<double>(high - age + 1);
      if (age == StockSpec::kMaxAge) h = 1;
      retire_[si * kAges + static_cast<std::size_t>(a)] = h;
    }
  }
  entrants_.assign(static_cast<std::size_t>(std::max(years_, 0)) * specialties * kRegionCount * kAges, 0);
  cohort_.assign(kAges, 0);
  binomials_.resize(specialties * kAges + specialties);
}

int SpecialistStock::draw(std::size_t slot, int n, double p, KeyedStream& stream) {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (n > kCachedCohort) return Binomial(n, p)(stream);
  std::vector<std::unique_ptr<Binomial>>& by_n = binomials_[slot];
  if (by_n.size() <= static_cast<std::size_t>(n)) by_n.resize(static_cast<std::size_t>(n) + 1);
  std::unique_ptr<Binomial>& d = by_n[static_cast<std::size_t>(n)];
  if (!d) d = std::make_unique<Binomial>(n, p);
  return (*d)(stream);
}

void SpecialistStock::begin_replication() {
  if (active_) std::fill(entrants_.begin(), entrants_.end(), 0);
}

void SpecialistStock::enter(int s, Region r, Month start, Month end, KeyedStream& stream) {
  const int y = year_of(end) - first_year_;
  if (y < 0 || y >= years_) return;  // before the stock's count (already in it) or after the horizon
  const auto draw = static_cast<int>((stream() >> 32U) * static_cast<std::uint64_t>(age_span_) >> 32U);
  const int age = age_min_ + draw + (end - start) / 12;
  entrants_[static_cast<std::size_t>(y) * year_stride() + row(s, index(r)) + age_slot(age)] += 1;
}

void SpecialistStock::close(StreamKey key, Tally& tally, bool keep_years) {
  if (active_) project(key, tally, 0, nullptr, keep_years);
}

void SpecialistStock::close_following(const SpecialistStock& leader, int year, StreamKey key, Tally& tally) {
  if (!active_) return;
  const int from = std::clamp(year - first_year_, 0, years_);
  if (from > 0 && leader.kept_counts_.empty())
    throw std::logic_error("SpecialistStock::close_following: the leader's close kept no years");
  project(key, tally, from, from > 0 ? &leader : nullptr, false);
}

void SpecialistStock::project(StreamKey key, Tally& tally, int from, const SpecialistStock* leader,
                              bool keep_years) {
  const StreamKey stock_key = key.with(Purpose::StockExit);
  const std::size_t stride = year_stride();
  constexpr std::size_t kKept = 3;  // specialists, retired, exited
  const std::size_t counts_stride = static_cast<std::size_t>(specialties_) * kRegionCount * kKept;
  if (keep_years) {
    kept_cohorts_.resize(static_cast<std::size_t>(years_) * stride);
    kept_counts_.resize(static_cast<std::size_t>(years_) * counts_stride);
  }
  for (int s = 0; s < specialties_; ++s) {
    const auto si = static_cast<std::size_t>(s);
    const double other = other_exit_[si];
    const double* retire = &retire_[si * kAges];
    const std::size_t other_slot = static_cast<std::size_t>(specialties_) * kAges + si;
    for (Region r : kRegions) {
      const std::size_t base = row(s, index(r));
      const std::size_t counts_base = (si * kRegionCount + static_cast<std::size_t>(index(r))) * kKept;
      // The cohorts at the start of year `from`; none to take when every year is the leader's.
      if (from < years_) {
        const std::int32_t* start =
            leader ? &leader->kept_cohorts_[static_cast<std::size_t>(from) * stride + base] : &initial_[base];
        std::copy_n(start, kAges, cohort_.begin());
      }
      for (int y = 0; y < from; ++y) {
        const std::int32_t* c =
            &leader->kept_counts_[static_cast<std::size_t>(y) * counts_stride + counts_base];
        tally.add(first_year_ + y, r, s, Metric::Specialists, c[0]);
        tally.add(first_year_ + y, r, s, Metric::Retired, c[1]);
        tally.add(first_year_ + y, r, s, Metric::Exited, c[2]);
      }
      const StreamKey cell_key = stock_key.with(id_hash_[si]).with(static_cast<std::uint64_t>(index(r)));
      for (int y = from; y < years_; ++y) {
        if (keep_years)
          std::copy_n(cohort_.begin(), kAges,
                      kept_cohorts_.begin() +
                          static_cast<std::ptrdiff_t>(static_cast<std::size_t>(y) * stride + base));
        KeyedStream stream(cell_key.with(static_cast<std::uint64_t>(y)));
        std::int32_t retired = 0, exited = 0, stock = 0;
        const std::int32_t* entering = &entrants_[static_cast<std::size_t>(y) * stride + base];
        // From the oldest, so that ageing shifts in place.
        for (int a = kAges - 1; a >= 0; --a) {
          const int n = cohort_[static_cast<std::size_t>(a)];
          const int gone = draw(si * kAges + static_cast<std::size_t>(a), n, retire[a], stream);
          const int left = draw(other_slot, n - gone, other, stream);
          retired += gone;
          exited += left;
          // Survivors of the year plus the year's new specialists, a year older at its end.
          const int staying = n - gone - left + entering[a];
          stock += staying;
          cohort_[static_cast<std::size_t>(a)] = 0;
          if (a + 1 < kAges)
            cohort_[static_cast<std::size_t>(a + 1)] += staying;
          else
            cohort_[static_cast<std::size_t>(a)] += staying;  // kMaxAge: retires next year (hazard 1)
        }
        const int year = first_year_ + y;
        tally.add(year, r, s, Metric::Specialists, stock);
        tally.add(year, r, s, Metric::Retired, retired);
        tally.add(year, r, s, Metric::Exited, exited);
        if (keep_years) {
          std::int32_t* c = &kept_counts_[static_cast<std::size_t>(y) * counts_stride + counts_base];
          c[0] = stock;
          c[1] = retired;
          c[2] = exited;
        }
      }
    }
  }
}

}  // namespace forlob
