#include "app/FillModelVariants.hpp"

#include <array>
#include <cmath>
#include <utility>

#include "engine/Runner.hpp"
#include "output/CsvFormat.hpp"
#include "output/TextTable.hpp"
#include "scenario/ScenarioLoader.hpp"

namespace forlob {

namespace {

constexpr std::string_view kMinusSign = "\u2212";

std::string mean_and_interval(const CellSummary& s) {
  return format_fixed(s.mean, 1) + " [" + format_fixed(s.p05, 1) + ", " + format_fixed(s.p95, 1) + "]";
}

FillModelRun run_variant(const std::string& file_a, const std::vector<std::string>& set_a,
                         const std::string& file_b, const std::vector<std::string>& set_b,
                         const RunFlags& flags, const std::string& model, std::optional<double> share) {
  std::vector<std::string> variant{"/fill/model=\"" + model + "\""};
  if (share) variant.push_back("/applicants/extraordinary_new_share=" + format_trimmed(*share, 6));
  std::vector<std::string> a_set = set_a, b_set = set_b;
  a_set.insert(a_set.end(), variant.begin(), variant.end());
  b_set.insert(b_set.end(), variant.begin(), variant.end());
  const Scenario a = load_scenario(file_a, a_set);
  const Scenario b = load_scenario(file_b, b_set);
  FillModelRun run{model, share, run_scenarios({&a, &b}, flags.run_options(nullptr))};
  // The scenarios live only here: the rows keep names and numbers, not the scenarios.
  for (ScenarioResult& sr : run.result.scenarios) sr.scenario = nullptr;
  return run;
}

}  // namespace

std::vector<FillModelRun> run_fill_model_variants(const std::string& file_a,
                                                  const std::vector<std::string>& set_a,
                                                  const std::string& file_b,
                                                  const std::vector<std::string>& set_b,
                                                  const RunFlags& flags, const std::vector<double>& shares) {
  std::vector<FillModelRun> runs;
  runs.push_back(run_variant(file_a, set_a, file_b, set_b, flags, "independent", std::nullopt));
  for (double share : shares)
    runs.push_back(run_variant(file_a, set_a, file_b, set_b, flags, "applicants", share));
  return runs;
}

void print_fill_models_table(std::ostream& out, const std::vector<FillModelRun>& runs) {
  if (runs.empty()) return;
  const std::vector<Headline>& headlines = runs.front().result.scenarios.front().headlines;
  auto find = [&](std::string_view prefix) {
    for (std::size_t h = 0; h < headlines.size(); ++h)
      if (headlines[h].name.starts_with(prefix) && headlines[h].spans_years() &&
          headlines[h].name.find("_2026_2036") != std::string::npos)
        return h;
    for (std::size_t h = 0; h < headlines.size(); ++h)
      if (headlines[h].name.starts_with(prefix)) return h;
    return headlines.size();
  };
  const std::array<std::pair<const char*, std::size_t>, 4> columns{{
      {"trial specialties", find("completed_trial_specialties_")},
      {"almen medicin", find("completed_almen_medicin_")},
      {"ordinary filled", find("ordinary_filled_trial_specialties_")},
      {"all specialties", find("completed_all_specialties_")},
  }};
  out << "\nB " << kMinusSign << " A by fill model: new specialists 2026" << kEnDash
      << "36 (trial specialties, almen medicin, all specialties) and ordinary courses filled in the trial "
         "specialties in the trial years (crowd-out); mean [90% interval].\n";
  TextTable table;
  std::vector<std::string> header{"fill model"};
  for (const auto& [label, h] : columns)
    if (h < headlines.size()) header.push_back(label);
  header.push_back("Var(B" + std::string(kMinusSign) + "A)/(Var A+Var B)");
  table.add(header);
  for (const FillModelRun& run : runs) {
    std::vector<std::string> row{run.fill_model +
                                 (run.new_share ? ", new share " + format_trimmed(*run.new_share) : "")};
    const DifferenceResult& d = *run.result.difference;
    for (const auto& [label, h] : columns) {
      if (h >= headlines.size()) continue;
      const CellSummary s = d.headline.summary(h);
      row.push_back(mean_and_interval(s));
    }
    const std::size_t h = columns.front().second;
    const CellSummary sa = run.result.scenarios[0].headline.summary(h);
    const CellSummary sb = run.result.scenarios[1].headline.summary(h);
    const CellSummary sd = d.headline.summary(h);
    const double spread = sa.sd * sa.sd + sb.sd * sb.sd;
    row.push_back(spread > 0 ? format_fixed(sd.sd * sd.sd / spread, 3) : "");
    table.add(row);
  }
  table.print(out);
}

}  // namespace forlob
