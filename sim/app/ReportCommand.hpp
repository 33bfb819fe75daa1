#pragma once
// `forlob report DIR`: charts (SVG, PNG) and one self-contained report.html from an output directory.
#include "app/Command.hpp"

namespace forlob {

Command add_report_command(CLI::App& app);

}  // namespace forlob
