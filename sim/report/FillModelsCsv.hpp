#pragma once
// fill_models.csv from `forlob compare --fill-models`: per fill model (and, under the applicant
// model, new-applicant share) and headline, A's and B's means and B - A with its interval.
#include <string>
#include <vector>

#include "report/TidyCsv.hpp"

namespace forlob {

struct FillModelRow {
  std::string fill_model;  // "independent" or "applicants"
  std::string new_share;   // as written; empty for the independent model
  std::string headline;
  double a_mean = 0, b_mean = 0, mean = 0, p05 = 0, p50 = 0, p95 = 0;  // the last four: B - A

  std::string variant() const {
    return new_share.empty() ? fill_model : fill_model + ", new share " + new_share;
  }
};

std::vector<FillModelRow> read_fill_models_csv(const TidyCsv& csv);

}  // namespace forlob
