#include "fill/ApplicantPool.hpp"
#include "fill/FillMechanism.hpp"
#include "fill/IndependentFill.hpp"

namespace forlob {

std::unique_ptr<FillMechanism> make_fill_mechanism(const Scenario& scenario) {
  switch (scenario.fill.model) {
    case FillModelKind::Applicants:
      return std::make_unique<ApplicantPool>(scenario);
    case FillModelKind::Independent:
      break;
  }
  return std::make_unique<IndependentFill>(scenario);
}

}  // namespace forlob
