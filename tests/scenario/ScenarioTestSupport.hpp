#pragma once
// Shared pieces of the scenario tests: a temporary directory for small scenario files, a minimal
// valid scenario to mutate, and a helper that returns the InputError a call throws.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "core/Errors.hpp"
#include "support/TestDirectory.hpp"

namespace forlob::testing {

// Two specialties over 2020-2022 (reported from 2021): "a" (trial) fixed at 10 a region, "b"
// taking the rest of 100 a year; every number covered by a source.
inline nlohmann::json minimal_scenario() {
  return nlohmann::json::parse(R"({
    "name": "tiny",
    "calendar": {"warmup_start_year": 2020, "start_year": 2021, "end_year": 2022, "followup_end_year": 2026,
                 "rounds": [{"name": "spring", "month": 3, "share": 1}]},
    "specialties": [
      {"id": "a", "name": "A", "trial": true, "course_months": 48,
       "delay": {"probability": 0, "mean_months": 0, "shape": 1}, "dropout_per_year": 0},
      {"id": "b", "name": "B", "course_months": 48,
       "delay": {"probability": 0, "mean_months": 0, "shape": 1}, "dropout_per_year": 0}
    ],
    "dimensioning": {
      "national_total": {"2020": 100, "2021": 100, "2022": 100},
      "fixed": {"a": [{"from": 2020, "to": 2022, "Nord": 10, "Syd": 10, "Øst": 10}]},
      "remainder": {"b": {"Nord": 0.5, "Syd": 0.25, "Øst": 0.25}}
    },
    "fill": {"concentration": 0,
             "mean": {"a": {"Nord": 0.5, "Syd": 0.6, "Øst": 0.7}, "b": {"Nord": 1, "Syd": 1, "Øst": 1}},
             "kind_multiplier": {"ordinary": 1, "carried_over": 1, "flex": 1, "extraordinary": 1},
             "repost_multiplier": 1},
    "unfilled": {"max_reposts": 0, "repost_delay_months": 1},
    "sources": {"/calendar": "assumption: test", "/specialties": "assumption: test",
                "/dimensioning": "assumption: test", "/fill": "assumption: test", "/unfilled": "assumption: test"}
  })");
}

// A flex block for minimal_scenario(), capped in 2021-2022.
inline nlohmann::json minimal_flex() {
  return nlohmann::json::parse(R"({
    "caps": {"2021": {"Nord": 1, "Syd": 1, "Øst": 1}, "2022": {"Nord": 2, "Syd": 2, "Øst": 2}},
    "take_up": 1, "within_round_share": 0.5, "donors": ["b"],
    "target": {"rule": "priority", "priority": {"Nord": ["a"], "Syd": ["a", "b"], "Øst": ["a"]}}
  })");
}

class ScenarioFiles : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = fresh_test_directory("forlob-scenario-"); }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::filesystem::path write_text(const std::string& name, const std::string& text) const {
    const std::filesystem::path path = dir_ / name;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  std::filesystem::path write(const std::string& name, const nlohmann::json& doc) const {
    return write_text(name, doc.dump(2));
  }
  static std::string shipped(const std::string& name) {
    return std::string(FORLOB_SOURCE_DIR) + "/scenarios/" + name;
  }

  std::filesystem::path dir_;
};

// The InputError that `f` throws; a test failure if it throws none.
template <typename F>
InputError thrown_input_error(F&& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "expected an InputError";
  return InputError("", "", "");
}

}  // namespace forlob::testing
