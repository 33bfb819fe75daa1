#include "report/ReportInputs.hpp"

#include "core/Errors.hpp"
#include "report/HeadlinesCsv.hpp"

namespace forlob {

namespace fs = std::filesystem;

namespace {

bool is_file(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec);
}

}  // namespace

std::vector<std::string> ReportInputs::scenario_names() const {
  std::vector<std::string> out;
  if (summary)
    for (const ScenarioInfo& s : summary->scenarios) out.push_back(s.name);
  return out;
}

std::string ReportInputs::difference_label() const { return summary ? summary->difference_label : ""; }

std::vector<std::string> ReportInputs::difference_labels() const {
  return summary ? summary->difference_labels : std::vector<std::string>{};
}

ReportInputs read_report_inputs(const fs::path& dir) {
  ReportInputs in;
  in.dir = dir;
  auto path = [&](const char* name) { return dir / name; };
  auto shown = [&](const char* name) { return (dir / name).string(); };
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw InputError(dir.string(), "", "expected an output directory of forlob run or compare");

  const bool has_extra = is_file(path("sweep.csv")) || is_file(path("sensitivity.csv")) ||
                         is_file(path("evaluation_forecast.csv"));
  if (is_file(path("summary.json")) || !has_extra)
    in.summary = read_run_summary(path("summary.json"), shown("summary.json"));

  // A run or compare must have its yearly cells; other commands may have them.
  const bool simulation = in.summary && in.summary->is_simulation();
  if (simulation || is_file(path("yearly.csv"))) {
    in.yearly.add_yearly(TidyCsv::read(path("yearly.csv"), shown("yearly.csv")));
    in.has_yearly = true;
    for (const std::string& name : in.scenario_names())
      if (!in.yearly.has_scenario(name))
        throw InputError(shown("yearly.csv"), "column 1 (scenario)",
                         "expected rows for scenario '" + name + "' named in summary.json");
    if (!in.difference_labels().empty())
      in.yearly.add_yearly(TidyCsv::read(path("difference.csv"), shown("difference.csv")));
    if (is_file(path("bands.csv"))) {
      in.yearly.add_bands(TidyCsv::read(path("bands.csv"), shown("bands.csv")));
      in.has_bands = true;
    }
  }
  if (is_file(path("headlines.csv"))) {
    in.headlines = read_headlines_csv(TidyCsv::read(path("headlines.csv"), shown("headlines.csv")));
    in.headlines_from_csv = true;
  } else if (in.summary) {
    in.headlines = in.summary->headlines;
  }
  if (is_file(path("sweep.csv")))
    in.sweep = read_sweep_csv(TidyCsv::read(path("sweep.csv"), shown("sweep.csv")));
  if (is_file(path("sensitivity.csv")))
    in.sensitivity = read_sensitivity_csv(TidyCsv::read(path("sensitivity.csv"), shown("sensitivity.csv")));
  if (is_file(path("fill_models.csv")))
    in.fill_models = read_fill_models_csv(TidyCsv::read(path("fill_models.csv"), shown("fill_models.csv")));
  if (is_file(path("evaluation_forecast.csv")))
    in.forecast =
        read_forecast_csv(TidyCsv::read(path("evaluation_forecast.csv"), shown("evaluation_forecast.csv")));
  in.evaluation = read_evaluation_inputs(dir);
  return in;
}

}  // namespace forlob
