#pragma once
// What each fuzz target does with one input, shared by the libFuzzer targets (make fuzz) and by
// FuzzRegressionsTest, which replays every saved finding in the normal suite. Bad input may only
// ever end in an InputError or a UsageError (forlob's exit status 2); anything else escaping is a
// finding, which libFuzzer reports as a crash (uncaught exception: abort) and the test as a failure.
#include <unistd.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "calibration/FittedFillFile.hpp"
#include "calibration/PostingRecords.hpp"
#include "calibration/PublishedFigures.hpp"
#include "calibration/TraineeRecords.hpp"
#include "core/Errors.hpp"
#include "model/FillModel.hpp"
#include "model/TraineeModel.hpp"
#include "scenario/JsonReader.hpp"
#include "scenario/JsonText.hpp"
#include "scenario/ParameterTable.hpp"
#include "scenario/ScenarioLoader.hpp"

namespace forlob::fuzz {

template <class F>
void expect_clean(F&& f) {
  try {
    f();
  } catch (const InputError&) {
  } catch (const UsageError&) {
  }
}

// The one JSON parser every input goes through, and the typed reader on what it returns.
inline void json_input(const std::string& text) {
  expect_clean([&] {
    const nlohmann::json doc = parse_json_text(text, "input.json");
    (void)describe_value(doc);
    const JsonReader root(doc, "input.json");
    if (doc.is_object())
      for (const JsonReader& m : root.members()) (void)m.pointer();
  });
}

// A copy of the shipped base scenario and fitted file, so that "extends": "base.json" and its
// "../calibration/fitted/fill.json" resolve as they do in the source tree.
inline const std::filesystem::path& scenario_work_directory() {
  static const std::filesystem::path dir = [] {
    namespace fs = std::filesystem;
    const fs::path d = fs::temp_directory_path() / ("forlob-fuzz-" + std::to_string(::getpid()));
    const fs::path source(FORLOB_SOURCE_DIR);
    fs::create_directories(d / "scenarios");
    fs::create_directories(d / "calibration" / "fitted");
    fs::copy_file(source / "scenarios" / "base.json", d / "scenarios" / "base.json",
                  fs::copy_options::overwrite_existing);
    fs::copy_file(source / "calibration" / "fitted" / "fill.json", d / "calibration" / "fitted" / "fill.json",
                  fs::copy_options::overwrite_existing);
    return d;
  }();
  return dir;
}

// The loader as `forlob validate FILE --set ...` drives it: the text up to a line "--set" is the
// scenario file, each line after it one --set argument. What it accepts must build the model's
// tables and draw a replication's fill rates (where Boost would reject a degenerate parameter).
inline void scenario_input(const std::string& input) {
  const std::string marker = "\n--set\n";
  const std::size_t split = input.find(marker);
  std::vector<std::string> sets;
  if (split != std::string::npos) {
    std::size_t start = split + marker.size();
    while (start <= input.size()) {
      const std::size_t end = std::min(input.find('\n', start), input.size());
      sets.push_back(input.substr(start, end - start));
      start = end + 1;
    }
  }
  const std::filesystem::path file = scenario_work_directory() / "scenarios" / "input.json";
  std::ofstream(file, std::ios::binary | std::ios::trunc) << input.substr(0, split);
  expect_clean([&] {
    const Scenario scenario = load_scenario(file, sets);
    (void)parameter_table(scenario);
    const TraineeModel trainees(scenario);
    FillModel fill(scenario);
    fill.draw(StreamKey(1));
  });
}

// Every CSV reader of published figures and records, and the fitted fill file; the first byte
// chooses the reader.
inline void csv_input(const std::string& input) {
  if (input.empty()) return;
  const std::string text = input.substr(1), name = "input.csv";
  const std::array<std::function<void()>, 9> readers{
      [&] { (void)parse_posting_records(text, name); },
      [&] { (void)parse_trainee_records(text, name); },
      [&] { (void)parse_flex_caps(text, name); },
      [&] { (void)parse_dimensioning_totals(text, name); },
      [&] { (void)parse_dimensioning_by_specialty(text, name); },
      [&] { (void)parse_course_lengths(text, name); },
      [&] { (void)parse_plan_totals(text, name); },
      [&] { (void)parse_fill_figures(text, name); },
      [&] { (void)parse_fitted_fill(text, "input.json"); },
  };
  expect_clean(readers[static_cast<unsigned char>(input[0]) % readers.size()]);
}

}  // namespace forlob::fuzz
