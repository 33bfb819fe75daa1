#include "app/ReportCommand.hpp"

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "report/Report.hpp"

namespace forlob {

Command add_report_command(CLI::App& app) {
  struct Options {
    std::string dir;
    bool quiet = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "report", "Draw charts (gnuplot) and write one self-contained report.html from an output directory");
  cmd->add_option("DIR", o->dir, "Output directory of forlob run, compare, sweep, sensitivity or forecast")
      ->required();
  cmd->add_flag("--quiet", o->quiet, "Print nothing on success");
  return {cmd, [o] {
            const ReportResult r = write_report(o->dir);
            if (!o->quiet) {
              std::cout << "Wrote " << r.html.string() << " (" << (r.html_bytes + 512) / 1024 << " KB, "
                        << r.charts.size() << " charts) and "
                        << (std::filesystem::path(o->dir) / "charts").string() << "/:\n";
              for (const std::string& name : r.charts)
                std::cout << "  " << name << ".svg, " << name << ".png\n";
            }
            return kExitOk;
          }};
}

}  // namespace forlob
