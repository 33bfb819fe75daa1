#pragma once
// `forlob evaluate`: what the 2029 evaluation of the trial can conclude from the reported rounds
// (--observed), and how often it would rule out pure crowd-out or a pure gain (--power).
#include "app/Command.hpp"

namespace forlob {

Command add_evaluate_command(CLI::App& app);

}  // namespace forlob
