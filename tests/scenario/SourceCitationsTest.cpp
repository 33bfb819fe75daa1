// Every citation in a source text points at something in the repository: a file named in a source
// (docs/MODEL.md, calibration/data/...) exists, and "seed 000"/"seed 001" are in docs/seeds/.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace forlob {
namespace {

namespace fs = std::filesystem;

const fs::path kRepository(FORLOB_SOURCE_DIR);

std::string file_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The problems with the citations in `text` (which `where` names): files that do not exist.
std::vector<std::string> missing_citations(const std::string& text, const std::string& where) {
  std::vector<std::string> missing;
  static const std::regex file(R"(([A-Za-z0-9_.-]+/)*[A-Za-z0-9_-]+\.(md|csv|json|txt))");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), file); it != std::sregex_iterator(); ++it)
    if (!fs::exists(kRepository / it->str())) missing.push_back(where + ": " + it->str());
  static const std::regex seed(R"(seed (\d{3}))");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), seed); it != std::sregex_iterator(); ++it) {
    bool found = false;
    for (const auto& entry : fs::directory_iterator(kRepository / "docs" / "seeds"))
      found = found || entry.path().filename().string().rfind((*it)[1].str() + "_", 0) == 0;
    if (!found) missing.push_back(where + ": " + it->str());
  }
  return missing;
}

TEST(SourceCitations, EveryScenarioSourceCitesFilesOfTheRepository) {
  std::vector<std::string> missing;
  int sources = 0;
  for (const auto& entry : fs::directory_iterator(kRepository / "scenarios")) {
    if (entry.path().extension() != ".json") continue;
    const nlohmann::json doc = nlohmann::json::parse(file_text(entry.path()));
    if (!doc.contains("sources")) continue;
    for (const auto& [pointer, text] : doc["sources"].items()) {
      ++sources;
      for (const std::string& m :
           missing_citations(text.get<std::string>(), entry.path().filename().string() + " " + pointer))
        missing.push_back(m);
    }
  }
  EXPECT_GT(sources, 80);
  EXPECT_TRUE(missing.empty()) << ::testing::PrintToString(missing);
}

TEST(SourceCitations, EveryCalibrationFileCitesFilesOfTheRepository) {
  std::vector<std::string> missing;
  int files = 0;
  for (const fs::path& dir : {kRepository / "calibration" / "data", kRepository / "calibration" / "fitted"})
    for (const auto& entry : fs::directory_iterator(dir)) {
      ++files;
      for (const std::string& m :
           missing_citations(file_text(entry.path()), entry.path().filename().string()))
        missing.push_back(m);
    }
  EXPECT_GE(files, 8);
  EXPECT_TRUE(missing.empty()) << ::testing::PrintToString(missing);
}

TEST(SourceCitations, TheCheckFindsABareModelMdAndAnUnknownSeed) {
  EXPECT_EQ(missing_citations("published: MODEL.md R9 (seed 001)", "x").size(), 1u);
  EXPECT_EQ(missing_citations("published: docs/MODEL.md R9 (seed 001)", "x").size(), 0u);
  EXPECT_EQ(missing_citations("published: docs/MODEL.md R9 (seed 007)", "x").size(), 1u);
}

}  // namespace
}  // namespace forlob
