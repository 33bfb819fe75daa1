// The property the validator promises: any scenario that `validate` accepts runs. Random numeric
// mutations of the shipped scenarios (fixed seed), applied as --set patches as a user would; each
// one the loader accepts is simulated at a small replication count and must finish.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/Errors.hpp"
#include "engine/Runner.hpp"
#include "scenario/LayerChecks.hpp"
#include "scenario/ParameterTable.hpp"
#include "scenario/ScenarioLoader.hpp"
#include "support/ShippedScenarios.hpp"

namespace forlob {
namespace {

using Json = nlohmann::json;

// Values at the edges of every domain the model uses, and near the scenario's own value.
double mutated(double original, boost::random::mt19937_64& rng) {
  static const std::vector<double> edges{0,   -1,   5e-324, 1e-300, 1e-6, 1e-3, 0.05, 0.5,  0.999999,
                                         1,   1.5,  2,      12,     36,   72,   240,  1000, 1e5,
                                         1e6, 1e19, 1e308,  -1e308, 2016, 2030, 2100};
  boost::random::uniform_int_distribution<int> pick(0, 3);
  switch (pick(rng)) {
    case 0:
    case 1: {
      boost::random::uniform_int_distribution<std::size_t> e(0, edges.size() - 1);
      return edges[e(rng)];
    }
    case 2: {
      boost::random::uniform_real_distribution<double> factor(0, 3);
      return original * factor(rng);
    }
    default: {
      boost::random::uniform_int_distribution<int> step(-3, 3);
      return original + step(rng);
    }
  }
}

TEST(ValidatedScenarios, EveryMutationThatValidatesRunsToTheEnd) {
  const std::vector<std::string> files{testing::kFlexScenario, testing::kTrialScenario};
  std::vector<std::vector<Parameter>> numbers;
  // The numbers the simulator reads: a --set of one it does not read (an independent-model value
  // under the applicant model, a value a calibrated cell replaces) is refused before any run.
  for (const std::string& file : files) {
    const nlohmann::json document = resolve_scenario_document(file);
    std::vector<Parameter> used;
    for (const Parameter& p : parameter_table(load_scenario(file)))
      if (unread_by_fill_model(document, p.pointer).empty() && replaced_by(document, p.pointer).empty())
        used.push_back(p);
    numbers.push_back(used);
  }
  boost::random::mt19937_64 rng(20261201);
  RunOptions options;
  options.replications = 2;
  options.threads = 1;
  int accepted = 0, rejected = 0;
  // FORLOB_MUTATIONS runs a longer search by hand; the suite keeps to a few seconds.
  const char* wanted = std::getenv("FORLOB_MUTATIONS");
  // Under the sanitizers (CI's second pass) a third as many.
  const int kMutations = wanted                            ? std::max(1, std::atoi(wanted))
                         : std::getenv("FORLOB_SANITIZED") ? 100
                                                           : 300;
  for (int trial = 0; trial < kMutations; ++trial) {
    const std::size_t f = static_cast<std::size_t>(trial) % files.size();
    boost::random::uniform_int_distribution<std::size_t> which(0, numbers[f].size() - 1);
    boost::random::uniform_int_distribution<int> how_many(1, 3);
    std::vector<std::string> sets;
    for (int k = how_many(rng); k > 0; --k) {
      const Parameter& p = numbers[f][which(rng)];
      sets.push_back(p.pointer + "=" + Json(mutated(p.value, rng)).dump());
    }
    std::string shown = files[f];
    for (const std::string& s : sets) shown += " --set " + s;
    Scenario scenario;
    try {
      scenario = load_scenario(files[f], sets);
    } catch (const InputError&) {
      ++rejected;
      continue;
    }
    ++accepted;
    options.seed = static_cast<std::uint64_t>(trial);
    EXPECT_NO_THROW(run_scenarios({&scenario}, options)) << shown;
  }
  EXPECT_EQ(accepted + rejected, kMutations);
  RecordProperty("accepted", accepted);
  // Both sides of the property are exercised.
  EXPECT_GT(accepted, kMutations / 8);
  EXPECT_GT(rejected, kMutations / 4);
}

}  // namespace
}  // namespace forlob
