#include "output/FillModelsCsv.hpp"

#include <cmath>

#include "output/CsvFormat.hpp"

namespace forlob {

void write_fill_models_csv(std::ostream& out, const std::vector<FillModelRun>& runs) {
  out << "fill_model,extraordinary_new_share,headline,a_mean,b_mean,difference_mean,difference_p05,"
         "difference_p50,difference_p95,paired_variance_ratio\n";
  for (const FillModelRun& run : runs) {
    const ScenarioResult& a = run.result.scenarios.at(0);
    const ScenarioResult& b = run.result.scenarios.at(1);
    const DifferenceResult& d = *run.result.difference;
    for (std::size_t h = 0; h < a.headlines.size(); ++h) {
      const CellSummary sa = a.headline.summary(h), sb = b.headline.summary(h), sd = d.headline.summary(h);
      // Var(B - A) over Var(A) + Var(B): how much common random numbers narrow the difference
      // (1 for unpaired runs); empty when neither side varies.
      const double spread = sa.sd * sa.sd + sb.sd * sb.sd;
      out << run.fill_model << "," << (run.new_share ? format_trimmed(*run.new_share) : "") << ","
          << a.headlines[h].name << "," << format_trimmed(sa.mean) << "," << format_trimmed(sb.mean) << ","
          << format_trimmed(sd.mean) << "," << format_trimmed(sd.p05) << "," << format_trimmed(sd.p50) << ","
          << format_trimmed(sd.p95) << "," << (spread > 0 ? format_trimmed(sd.sd * sd.sd / spread, 4) : "")
          << "\n";
    }
  }
}

}  // namespace forlob
