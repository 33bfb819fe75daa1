#pragma once
// The Boost.Math policy of the fitting code: doubles are not promoted to long double (the grid
// evaluates millions of log-gamma terms; double precision is ample for log-likelihoods).
#include <boost/math/policies/policy.hpp>
#include <boost/math/special_functions/gamma.hpp>

namespace forlob {

using FitPolicy = boost::math::policies::policy<boost::math::policies::promote_double<false>>;

inline double lgamma_fast(double x) { return boost::math::lgamma(x, FitPolicy()); }

}  // namespace forlob
