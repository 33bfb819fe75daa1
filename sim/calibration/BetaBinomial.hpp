#pragma once
// The Beta-binomial distribution: y successes in n trials whose probability is itself drawn from
// Beta(a, b). With a = μκ and b = (1 − μ)κ its mean is nμ and its variance
// nμ(1 − μ)(κ + n)/(κ + 1): κ (the concentration a + b) says how much a year's fill rate varies
// around μ beyond binomial noise. Built from Boost.Math's lgamma.
#include <vector>

namespace forlob {

// log C(n, y).
double log_binomial_coefficient(int n, int y);

// log P(Y = y) for Y ~ BetaBinomial(n, a, b); a, b > 0, 0 <= y <= n.
double beta_binomial_log_pmf(int y, int n, double a, double b);

// log B(a + y, b + n − y) − log B(a, b): the log-likelihood of y filled of n posted in one year
// without log C(n, y), which does not depend on a and b. Postings that share one year's rate (its
// rounds, the parts of a region) enter with their sums: the product of their binomial
// coefficients is again a constant.
double beta_binomial_log_likelihood(int filled, int posted, double a, double b);

// P(Y = y) for y = 0..n, by the ratio recurrence in logs (stable where the pmf underflows).
std::vector<double> beta_binomial_pmf(int n, double a, double b);

}  // namespace forlob
