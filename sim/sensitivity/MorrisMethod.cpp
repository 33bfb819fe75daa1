#include "sensitivity/MorrisMethod.hpp"

#include <boost/random/uniform_int_distribution.hpp>
#include <cmath>
#include <limits>
#include <numeric>

#include "core/Errors.hpp"
#include "random/KeyedStream.hpp"

namespace forlob {

namespace {

constexpr std::uint64_t kMorrisStream = hash_name("morris trajectories");

struct Moments {
  std::vector<double> mu_star, mu, sigma;
};

// ee[t * k + i]: elementary effect of parameter i in trajectory t. Over the given trajectories.
Moments moments(const std::vector<double>& ee, std::size_t k, std::span<const std::size_t> trajectories) {
  const auto n = static_cast<double>(trajectories.size());
  Moments m;
  for (std::size_t i = 0; i < k; ++i) {
    double sum = 0, abs_sum = 0;
    for (std::size_t t : trajectories) {
      sum += ee[t * k + i];
      abs_sum += std::abs(ee[t * k + i]);
    }
    const double mean = sum / n;
    double squares = 0;
    for (std::size_t t : trajectories) squares += (ee[t * k + i] - mean) * (ee[t * k + i] - mean);
    m.mu.push_back(mean);
    m.mu_star.push_back(abs_sum / n);
    m.sigma.push_back(n > 1 ? std::sqrt(squares / (n - 1)) : std::numeric_limits<double>::quiet_NaN());
  }
  return m;
}

}  // namespace

MorrisDesign morris_design(std::size_t parameters, std::size_t trajectories, int levels, std::uint64_t seed) {
  if (levels < 2 || levels % 2 != 0)
    throw InputError("--levels", "",
                     "expected an even number of levels >= 2 for Morris, got " + std::to_string(levels));
  MorrisDesign d;
  d.trajectories = trajectories;
  d.parameters = parameters;
  d.levels = levels;
  const int half = levels / 2;
  const double spacing = 1.0 / static_cast<double>(levels - 1);
  d.delta = half * spacing;  // p / (2 (p - 1)): every start level has a partner Delta away
  for (std::size_t t = 0; t < trajectories; ++t) {
    KeyedStream stream(StreamKey(seed).with(kMorrisStream).with(static_cast<std::uint64_t>(t)));
    boost::random::uniform_int_distribution<int> start_level(0, half - 1), coin(0, 1);
    std::vector<double> x(parameters);
    std::vector<double> direction(parameters);
    for (std::size_t i = 0; i < parameters; ++i) {
      const int level = start_level(stream);
      const bool up = coin(stream) == 1;
      x[i] = (up ? level : level + half) * spacing;
      direction[i] = up ? 1.0 : -1.0;
    }
    std::vector<std::size_t> order(parameters);
    std::iota(order.begin(), order.end(), std::size_t{0});
    for (std::size_t i = parameters; i > 1; --i) {  // Fisher-Yates on a keyed stream
      boost::random::uniform_int_distribution<std::size_t> pick(0, i - 1);
      std::swap(order[i - 1], order[pick(stream)]);
    }
    d.unit_points.push_back(x);
    d.moved.push_back(-1);
    d.step.push_back(0);
    for (std::size_t i : order) {
      // Levels are multiples of the spacing; recompute from the level so x stays on the grid.
      x[i] = std::round((x[i] + direction[i] * d.delta) / spacing) * spacing;
      d.unit_points.push_back(x);
      d.moved.push_back(static_cast<int>(i));
      d.step.push_back(direction[i] * d.delta);
    }
  }
  return d;
}

std::vector<MorrisEffects> morris_effects(const MorrisDesign& design, std::span<const double> y,
                                          const BootstrapOptions& options) {
  const std::size_t k = design.parameters, r = design.trajectories;
  std::vector<double> ee(r * k);
  for (std::size_t t = 0; t < r; ++t)
    for (std::size_t s = 1; s <= k; ++s) {
      const std::size_t p = t * (k + 1) + s;
      ee[t * k + static_cast<std::size_t>(design.moved[p])] = (y[p] - y[p - 1]) / design.step[p];
    }
  std::vector<std::size_t> rows(r);
  std::iota(rows.begin(), rows.end(), std::size_t{0});
  const Moments point = moments(ee, k, rows);
  std::vector<std::vector<double>> mu_star(k), mu(k), sigma(k);
  for (int b = 0; b < options.resamples; ++b) {
    bootstrap_rows(options, static_cast<std::size_t>(b), r, rows);
    const Moments m = moments(ee, k, rows);
    for (std::size_t i = 0; i < k; ++i) {
      mu_star[i].push_back(m.mu_star[i]);
      mu[i].push_back(m.mu[i]);
      sigma[i].push_back(m.sigma[i]);
    }
  }
  std::vector<MorrisEffects> out;
  for (std::size_t i = 0; i < k; ++i)
    out.push_back({percentile_interval(point.mu_star[i], mu_star[i], options.confidence),
                   percentile_interval(point.mu[i], mu[i], options.confidence),
                   percentile_interval(point.sigma[i], sigma[i], options.confidence)});
  return out;
}

}  // namespace forlob
