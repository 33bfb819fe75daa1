#pragma once
// What happens to the trainee who takes a course: completion after the nominal length plus an
// extension (leave, part-time), or dropout on the way. Both are drawn from tables built once per
// scenario, so following a trainee costs two uniform draws and two look-ups.
#include <cstdint>
#include <vector>

#include "core/Month.hpp"
#include "random/KeyedStream.hpp"
#include "scenario/Scenario.hpp"

namespace forlob {

struct TraineeOutcome {
  Month end = 0;           // month of completion or dropout
  bool completed = false;  // true: a new specialist; false: left the course
};

class TraineeModel {
 public:
  static constexpr int kMaxExtensionMonths = 72;  // longer extensions are folded into this one
  static constexpr int kBucketBits = 10;          // the uniform's top bits index the table
  static constexpr int kBuckets = 1 << kBucketBits;

  explicit TraineeModel(const Scenario& scenario);

  TraineeOutcome follow(int specialty, Month start, KeyedStream& stream) const;

  // P(extension = d months), for tests and reports.
  double extension_probability(int specialty, int months) const;

 private:
  struct Table {
    int course_months = 0;
    std::vector<double> extension_cdf;  // P(extension <= d), d = 0..kMaxExtensionMonths
    // [k]: for uniforms in [k, k+1) / kBuckets, the extension d >= 0 when the whole bucket maps
    // to it, else -(d + 1) where d is the first candidate to scan from.
    std::vector<std::int16_t> bucket;
    std::vector<double> dropout;  // P(dropped out within t months), t = 0..max duration
    double log_stay = 0;          // log(1 - monthly dropout hazard)
  };
  std::vector<Table> tables_;
};

}  // namespace forlob
