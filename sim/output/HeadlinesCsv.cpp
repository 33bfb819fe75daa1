#include "output/HeadlinesCsv.hpp"

#include <cmath>
#include <string>

#include "output/ConsoleTable.hpp"
#include "output/CsvFormat.hpp"

namespace forlob {

namespace {

void write_table(std::string& text, const std::string& label, const Scenario& scenario,
                 const std::vector<Headline>& headlines, const CellDistribution& dist) {
  for (std::size_t h = 0; h < headlines.size(); ++h) {
    const Headline& headline = headlines[h];
    const CellSummary s = dist.summary(h);
    append_csv_field(text, label);
    text.push_back(',');
    append_csv_field(text, headline.name);
    text.push_back(',');
    append_csv_field(text, headline_label(headline.name, scenario));
    text.append(",").append(std::to_string(headline.first_year));
    text.append(",").append(std::to_string(headline.last_year));
    text.push_back(',');
    append_statistic(text, s.mean);  // exact for a mean of integers over up to 10,000 replications
    text.push_back(',');
    append_statistic(text, s.sd);
    text.push_back(',');
    append_statistic(text, s.n > 0 ? s.sd / std::sqrt(static_cast<double>(s.n)) : 0.0);
    for (double value : dist.bands(h)) {
      text.push_back(',');
      append_statistic(text, value);
    }
    text.push_back('\n');
  }
}

}  // namespace

void write_headlines_csv(std::ostream& out, const RunResult& result) {
  std::string text = kHeadlinesCsvHeader;
  for (const ScenarioResult& sr : result.scenarios)
    write_table(text, sr.scenario->name, *sr.scenario, sr.headlines, sr.headline);
  for (const DifferenceResult& difference : result.differences) {
    const ScenarioResult& a = result.scenarios.front();
    write_table(text, difference.label, *a.scenario, a.headlines, difference.headline);
  }
  out << text;
}

}  // namespace forlob
