#pragma once
// calibration/fitted/fill.json: the fitted fill model that scenarios reference. Format
// "forlob-fitted-fill/1" (documented in calibration/README.md). The writer is deterministic (the
// same fit gives the same bytes); the reader checks every value and names it by JSON pointer.
#include <array>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "calibration/FillFit.hpp"

namespace forlob {

inline constexpr const char* kFittedFillFormat = "forlob-fitted-fill/1";

struct FittedFillCell {
  std::string specialty, region, kind;  // region: Nord, Syd, Øst or all
  int observations = 0;
  std::vector<int> years;
  int posted = 0, filled = 0;
  double mean = 0;
  std::array<double, 2> mean_interval90{};
  double mean_concentration = 0;  // draw μ ~ Beta(mean ν, (1 − mean) ν) once per replication
  double year_concentration = 0;  // then each year's rate ~ Beta(μ κ, (1 − μ) κ)
  std::array<double, 2> year_concentration_interval90{};
  bool pooled = false;
  std::string prior;
  std::string source;  // starts with "calibrated: "
};

struct FittedFill {
  std::string file;  // as given to the reader
  std::string forlob_version;
  std::vector<std::string> data;
  std::string method;
  nlohmann::json settings;
  std::vector<FittedFillCell> cells;
};

// Shared by the fitted files: x rounded to `decimals` (never "-0"), and a [low, high] pair in
// [min, max] around `inside`, checked.
double round_to(double x, int decimals);
class JsonReader;
std::array<double, 2> read_interval(const JsonReader& r, double min, double max, double inside);

// The file's text: rounded figures (4 decimals for rates, 4 significant digits for
// concentrations), keys in a fixed order, a final newline.
std::string fitted_fill_text(const FillFit& fit, const std::vector<std::string>& data_files);

// Reads and checks a fitted file; problems are InputError(file, JSON pointer, expected ...).
FittedFill read_fitted_fill(const std::filesystem::path& path, const std::string& name);
FittedFill parse_fitted_fill(const std::string& text, const std::string& name);

}  // namespace forlob
