#include "output/DrawsCsv.hpp"

#include <stdexcept>
#include <string>

#include "output/CsvFormat.hpp"

namespace forlob {

namespace {

void write_draw_rows(std::string& text, const std::string& label, const std::vector<Headline>& headlines,
                     const HeadlineDraws& draws, const HeadlineDraws* minus) {
  const std::size_t h_count = draws.headlines;
  const std::size_t replications = h_count == 0 ? 0 : draws.values.size() / h_count;
  for (std::size_t i = 0; i < replications; ++i)
    for (std::size_t h = 0; h < h_count; ++h) {
      const std::size_t at = i * h_count + h;
      append_csv_field(text, label);
      text.append(",").append(std::to_string(i)).append(",");
      append_csv_field(text, headlines[h].name);
      text.append(",")
          .append(std::to_string(draws.values[at] - (minus ? minus->values[at] : 0)))
          .append("\n");
    }
}

}  // namespace

void write_draws_csv(std::ostream& out, const RunResult& result) {
  if (result.draws.size() != result.scenarios.size())
    throw std::invalid_argument("write_draws_csv: the run kept no draws");
  std::string text = kDrawsCsvHeader;
  const std::vector<Headline>& headlines = result.scenarios.front().headlines;
  for (std::size_t k = 0; k < result.scenarios.size(); ++k)
    write_draw_rows(text, result.scenarios[k].scenario->name, headlines, result.draws[k], nullptr);
  for (std::size_t k = 1; k < result.scenarios.size(); ++k)
    write_draw_rows(text, result.differences[k - 1].label, headlines, result.draws[k], &result.draws[0]);
  out << text;
}

}  // namespace forlob
