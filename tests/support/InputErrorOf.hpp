#pragma once
// The one-line message a bad input produces, for tests that pin the wording.
#include <string>

#include "core/Errors.hpp"

namespace forlob::testing {

// The message of the InputError that `f` throws, or "" when it throws none.
template <class F>
std::string input_error_of(F&& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace forlob::testing
