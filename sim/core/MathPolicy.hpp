#pragma once
// forlob's Boost.Math policy: doubles are not promoted to long double. Double precision is ample
// for fill probabilities and log-likelihoods, and promotion costs about ten times the time: an
// inverse incomplete beta takes some 23 us in long double against 2 us in double, and the fill
// model calls it for every cell and year of every replication.
#include <boost/math/policies/policy.hpp>
#include <boost/math/special_functions/beta.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <limits>

namespace forlob {

using MathPolicy = boost::math::policies::policy<boost::math::policies::promote_double<false>>;

inline double lgamma_fast(double x) { return boost::math::lgamma(x, MathPolicy()); }

// Inverse-CDF draw of Beta(mean k, (1 - mean) k) from a uniform u: monotone in the mean, so runs
// that differ only in a fill parameter stay coupled replication by replication. A degenerate mean
// or concentration gives the mean itself, as do shapes below the smallest normal double (Boost
// cannot invert the beta there; a drawn rate can come that close to 0).
inline double beta_quantile(double mean, double concentration, double u) {
  if (concentration <= 0 || mean <= 0 || mean >= 1) return mean;
  const double a = mean * concentration, b = (1 - mean) * concentration;
  if (!(a >= std::numeric_limits<double>::min()) || !(b >= std::numeric_limits<double>::min())) return mean;
  return boost::math::ibeta_inv(a, b, u, MathPolicy());
}

}  // namespace forlob
