#pragma once
// A small output directory written by hand, in the formats `forlob report` reads: summary.json,
// yearly.csv, difference.csv, bands.csv, headlines.csv and, on request, sweep.csv,
// sensitivity.csv and evaluation_forecast.csv. Values follow fixture_value() so a test can say
// which number must appear where.
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace forlob::testing {

inline const std::vector<std::string> kFixtureScenarios{"flex_scheme", "extraordinary_trial"};
inline const std::string kFixtureDifference = "extraordinary_trial - flex_scheme";
inline const std::vector<std::string> kFixtureMetrics{"completed",    "posted",   "filled",
                                                      "unfilled",     "reposted", "lapsed",
                                                      "carried_over", "flex_out", "handed_over_out"};
// Years: warm-up 2019, start 2021, last hiring year 2023, completions followed to 2026; the
// trial runs 2022-2023.
inline constexpr int kFixtureFirstYear = 2019, kFixtureStart = 2021, kFixtureEnd = 2023,
                     kFixtureLastYear = 2026;

// The median of a cell: distinct for every scenario (0, 1, 2 = difference), year, region,
// specialty and metric, so a test can tell which row a chart took.
inline double fixture_value(int scenario, int year, const std::string& region, const std::string& specialty,
                            const std::string& metric) {
  double v = 1000.0 * scenario + 10.0 * (year - 2000);
  v += region == "all" ? 0.5 : 0.25;
  v += specialty == "all" ? 0.0 : specialty == "almen_medicin" ? 0.125 : 0.0625;
  for (std::size_t m = 0; m < kFixtureMetrics.size(); ++m)
    if (kFixtureMetrics[m] == metric) v += 100.0 * static_cast<double>(m);
  if (metric == "specialists") v += 5000;  // the stock (FixtureFiles::stock)
  return v;
}

struct FixtureFiles {
  bool bands = true, headlines = true, sweep = false, sensitivity = false, forecast = false;
  bool parameters = true;
  // A stock of specialists (the `specialists` metric, whose value is fixture_value of "specialists")
  // and hiring under the post-trial rule in 2024 (summary.json's hiring_end).
  bool stock = false, post_trial = false;
};

inline void write_text(const std::filesystem::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary);
  out << text;
}

inline std::string number(double v) {
  std::string s = std::to_string(v);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

inline void write_report_fixture(const std::filesystem::path& dir, const FixtureFiles& files = {}) {
  std::filesystem::create_directories(dir);
  const std::vector<std::string> labels{kFixtureScenarios[0], kFixtureScenarios[1], kFixtureDifference};
  std::string yearly = "scenario,year,region,specialty,metric,mean,sd,p05,p50,p95\n", difference = yearly;
  std::string bands = "scenario,year,region,specialty,metric,p05,p25,p50,p75,p95\n";
  for (int s = 0; s < 3; ++s)
    for (int y = kFixtureFirstYear; y <= kFixtureLastYear; ++y)
      for (const char* r : {"Nord", "all"})
        for (const char* sp : {"almen_medicin", "other", "all"})
          for (const std::string& m : files.stock ? [] {
                 std::vector<std::string> with = kFixtureMetrics;
                 with.push_back("specialists");
                 return with;
               }()
                                                  : kFixtureMetrics) {
            const double v = fixture_value(s, y, r, sp, m);
            const std::string key = labels[static_cast<std::size_t>(s)] + "," + std::to_string(y) + "," + r +
                                    "," + sp + "," + m + ",";
            (s < 2 ? yearly : difference) += key + number(v + 0.5) + ",3," + number(v - 10) + "," +
                                             number(v) + "," + number(v + 10) + "\n";
            bands += key + number(v - 10) + "," + number(v - 5) + "," + number(v) + "," + number(v + 5) +
                     "," + number(v + 10) + "\n";
          }
  write_text(dir / "yearly.csv", yearly);
  write_text(dir / "difference.csv", difference);
  if (files.bands) write_text(dir / "bands.csv", bands);

  // Headlines: new specialists in the trial specialties per year, then sums.
  std::string headlines = "scenario,headline,label,first_year,last_year,mean,sd,mc_se,p05,p25,p50,p75,p95\n";
  std::string json_headlines[3];
  for (int s = 0; s < 3; ++s) {
    auto add = [&](const std::string& name, const std::string& label, int first, int last, double v) {
      headlines += labels[static_cast<std::size_t>(s)] + "," + name + "," + label + "," +
                   std::to_string(first) + "," + std::to_string(last) + "," + number(v + 0.25) + ",2,0.3," +
                   number(v - 8) + "," + number(v - 4) + "," + number(v) + "," + number(v + 4) + "," +
                   number(v + 8) + "\n";
      json_headlines[s] += std::string(json_headlines[s].empty() ? "" : ",") + "{\"name\":\"" + name +
                           "\",\"mean\":" + number(v + 0.25) +
                           ",\"sd\":2,\"mc_standard_error\":0.3,\"p05\":" + number(v - 8) +
                           ",\"p50\":" + number(v) + ",\"p95\":" + number(v + 8) + "}";
    };
    for (int y = kFixtureStart; y <= kFixtureLastYear; ++y)
      add("completed_trial_specialties_" + std::to_string(y),
          "completed trial specialties " + std::to_string(y), y, y, 500.0 * s + 7.0 * (y - 2000));
    add("completed_trial_specialties_2022_2026", "completed trial specialties 2022–26", 2022, 2026,
        500.0 * s + 333.3);
    add("completed_almen_medicin_2022_2026", "completed Almen medicin 2022–26", 2022, 2026,
        500.0 * s + 222.2);
  }
  if (files.headlines) write_text(dir / "headlines.csv", headlines);

  std::string parameters[2];
  for (int s = 0; s < 2; ++s)
    parameters[s] =
        "[{\"pointer\":\"/fill/mean/almen_medicin/Nord\",\"value\":0.55,\"tier\":\"assumption\","
        "\"source\":\"assumption: no public figure\"},"
        "{\"pointer\":\"/dimensioning/total/2026\",\"value\":1240.0,\"tier\":\"published\","
        "\"source\":\"docs/MODEL.md R8\",\"replaced_by\":\"/dimensioning/cells/2026\"}" +
        std::string(
            s == 1 ? ",{\"pointer\":\"/extraordinary/per_region/Nord\",\"value\":10,\"tier\":\"published\","
                     "\"source\":\"published: docs/MODEL.md R9 <seed 001>\"}"
                   : "") +
        "]";
  std::string scenarios;
  for (int s = 0; s < 2; ++s)
    scenarios += std::string(s ? "," : "") + "{\"name\":\"" + kFixtureScenarios[static_cast<std::size_t>(s)] +
                 "\",\"file\":\"scenarios/" + kFixtureScenarios[static_cast<std::size_t>(s)] +
                 ".json\",\"description\":\"Scenario " + std::to_string(s) +
                 " & <friends>\",\"source_tiers\":{\"assumption\":1,\"published\":" + std::to_string(1 + s) +
                 "}," + (files.parameters ? "\"parameters\":" + parameters[s] + "," : std::string()) +
                 "\"assumption_dependence\":[{\"headline\":\"completed_almen_medicin_2022_2026\","
                 "\"rests_on_assumptions\":true,\"assumption_parameters\":" +
                 std::to_string(3 + s) + ",\"assumption_sources\":[]}],\"headlines\":[" + json_headlines[s] +
                 "]}";
  const std::string specialties =
      "\"specialties\":[{\"id\":\"almen_medicin\",\"name\":\"Almen medicin\",\"trial\":true},"
      "{\"id\":\"other\",\"name\":\"Other courses\",\"trial\":false}]";
  write_text(
      dir / "summary.json",
      "{\"forlob_version\":\"0.1.0\",\"command\":\"compare\",\"seed\":7,\"replications\":40,\"threads\":2,"
      "\"wall_seconds\":0.5,\"years\":{\"warmup_start\":2019,\"start\":2021,\"end\":2023,\"followup_end\":"
      "2026" +
          std::string(files.post_trial ? ",\"hiring_end\":2024,\"post_trial_years\":[2024]" : "") +
          "},"
          "\"scenarios\":[" +
          scenarios + "],\"difference\":{\"label\":\"" + kFixtureDifference + "\",\"headlines\":[" +
          json_headlines[2] + "]},\"files\":[],\"resolved_scenarios\":[{" + specialties + "},{" +
          specialties + ",\"extraordinary\":{\"years\":{\"first\":2022,\"last\":2023}}}]}\n");

  if (files.sweep)
    write_text(dir / "sweep.csv",
               "point,varied,fill overall,fill almen_medicin,output,mean,sd,mc_se,p05,p50,p95\n"
               "0,base,1,1,difference,40,5,0.5,30,40,50\n"
               "1,fill overall,0.8,1,difference,25,5,0.5,15,25,35\n"
               "2,fill overall,1.2,1,difference,60,5,0.5,50,60,70\n"
               "3,fill almen_medicin,1,0.9,difference,38,5,0.5,28,38,48\n"
               "4,fill almen_medicin,1,1.1,difference,45,5,0.5,35,45,55\n"
               "5,grid,0.8,0.9,difference,20,5,0.5,10,20,30\n");
  if (files.sensitivity)
    write_text(dir / "sensitivity.csv",
               "method,output,parameter,index,estimate,ci_low,ci_high\n"
               "sobol,difference,fill overall,S1,0.6,0.5,0.7\n"
               "sobol,difference,fill overall,ST,0.7,0.6,0.8\n"
               "sobol,difference,fill almen_medicin,S1,0.2,0.1,0.3\n"
               "sobol,difference,fill almen_medicin,ST,0.9,0.8,1\n"
               "sobol,difference,leave,S1,0.01,,\n"
               "sobol,difference,leave,ST,0.02,0,0.05\n"
               "morris,difference,fill overall,mu_star,12,10,14\n"
               "morris,difference,fill overall,mu,-12,-14,-10\n"
               "morris,difference,fill overall,sigma,3,2,4\n"
               "morris,difference,leave,mu_star,20,15,25\n"
               "morris,difference,leave,sigma,1,0.5,1.5\n");
  if (files.forecast) {
    std::string f = "region,specialty,year,course_kind,measure,mean,p05,p25,p50,p75,p95\n";
    for (int y = 2026; y <= 2029; ++y)
      for (const char* kind : {"extraordinary", "ordinary"})
        for (const char* measure : {"posted", "filled", "in_course"})
          for (const char* region : {"Nord", "all"}) {
            const double v = (std::string(kind) == "ordinary" ? 1000 : 0) + 10.0 * (y - 2025) +
                             (std::string(measure) == "filled"      ? 1
                              : std::string(measure) == "in_course" ? 2
                                                                    : 0) +
                             (std::string(region) == "all" ? 0.5 : 0);
            f += std::string(region) + "," + (std::string(region) == "all" ? "all" : "almen_medicin") + "," +
                 std::to_string(y) + "," + kind + "," + measure + "," + number(v) + "," + number(v - 3) +
                 "," + number(v - 1) + "," + number(v) + "," + number(v + 1) + "," + number(v + 3) + "\n";
          }
    write_text(dir / "evaluation_forecast.csv", f);
  }
}

}  // namespace forlob::testing
