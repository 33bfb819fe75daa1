// `forlob report` as a user meets it: a real compare, then the report, opened in headless
// Chromium to check that every image renders and that every headline number in the page is the
// one in the output directory; and bad input (exit status 2, one line, nothing written).
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "output/CsvFormat.hpp"
#include "report/TidyCsv.hpp"
#include "support/RunProgram.hpp"
#include "support/TestDirectory.hpp"

namespace forlob {
namespace {

namespace fs = std::filesystem;
using testing::find_on_path;
using testing::ProgramResult;
using testing::read_file;

class ReportCli : public ::testing::Test {
 protected:
  void SetUp() override { work_ = testing::fresh_test_directory("forlob-report-cli-"); }
  void TearDown() override { fs::remove_all(work_); }

  ProgramResult forlob(std::vector<std::string> args) {
    args.insert(args.begin(), FORLOB_EXE);
    return testing::run_program(args, FORLOB_SOURCE_DIR, work_);
  }
  // A small compare of the shipped scenarios, written to work/out.
  fs::path compare() {
    const fs::path out = work_ / "out";
    const ProgramResult r =
        forlob({"compare", "scenarios/flex_scheme.json", "scenarios/extraordinary_trial.json",
                "--replications", "40", "--out", out.string(), "--quiet"});
    EXPECT_EQ(r.status, 0) << r.err;
    return out;
  }
  fs::path work_;
};

// The page after Chromium has loaded it and run its scripts. Chromium is a test dependency
// (Makefile TEST_PACKAGES): without it this test fails, it does not skip.
std::string rendered_dom(const fs::path& html, const fs::path& work) {
  const std::string chromium = find_on_path("chromium");
  if (chromium.empty()) {
    ADD_FAILURE() << "chromium is not installed: `make test` installs it (Debian package chromium)";
    return "";
  }
  const fs::path profile = work / "chromium-profile";
  fs::create_directories(profile);
  const ProgramResult r = testing::run_program(
      {"timeout", "120", chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
       "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
       "--user-data-dir=" + profile.string(), "--virtual-time-budget=5000", "--dump-dom",
       "file://" + fs::absolute(html).string()},
      work, work);
  EXPECT_EQ(r.status, 0) << r.err;
  return r.out;
}

std::string attribute(const std::string& element, const std::string& name) {
  const std::string key = " " + name + "=\"";
  const auto at = element.find(key);
  if (at == std::string::npos) return "";
  const auto from = at + key.size();
  return element.substr(from, element.find('"', from) - from);
}

struct Marked {
  std::string headline, scenario, stat, value, text;
};

// Every element carrying data-headline: its attributes and its text.
std::vector<Marked> marked_numbers(const std::string& dom) {
  std::vector<Marked> out;
  for (auto at = dom.find(" data-headline=\""); at != std::string::npos;
       at = dom.find(" data-headline=\"", at + 1)) {
    const auto start = dom.rfind('<', at), end = dom.find('>', at);
    const std::string element = dom.substr(start, end - start);
    const auto close = dom.find('<', end);
    out.push_back({attribute(element, "data-headline"), attribute(element, "data-scenario"),
                   attribute(element, "data-stat"), attribute(element, "data-value"),
                   dom.substr(end + 1, close - end - 1)});
  }
  return out;
}

using HeadlineKey = std::tuple<std::string, std::string, std::string>;  // headline, scenario, stat

// The headline numbers of an output directory's headlines.csv; `sums` gets the keys of the sums
// over several years.
std::map<HeadlineKey, double> headline_values(const fs::path& dir, std::set<HeadlineKey>& sums) {
  std::map<HeadlineKey, double> values;
  const TidyCsv t = TidyCsv::read(dir / "headlines.csv", "headlines.csv");
  for (std::size_t r = 0; r < t.rows(); ++r)
    for (const char* stat : {"mean", "p05", "p95"}) {
      const HeadlineKey key{t.text(r, t.column("headline")), t.text(r, t.column("scenario")), stat};
      values[key] = t.number(r, t.column(stat));
      if (t.text(r, t.column("first_year")) != t.text(r, t.column("last_year"))) sums.insert(key);
    }
  return values;
}

TEST_F(ReportCli, ACompareReportRendersInChromiumWithTheHeadlinesOfTheCsv) {
  const fs::path out = compare();
  const ProgramResult r = forlob({"report", out.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("report.html"), std::string::npos) << r.out;
  const std::vector<std::string> charts{"new_specialists_trial_specialties",
                                        "new_specialists_almen_medicin",
                                        "new_specialists_psykiatri",
                                        "new_specialists_boerne_og_ungdomspsykiatri",
                                        "new_specialists_geriatri",
                                        "difference_trial_specialties",
                                        "difference_almen_medicin",
                                        "difference_psykiatri",
                                        "difference_boerne_og_ungdomspsykiatri",
                                        "difference_geriatri",
                                        "flows_flex_scheme",
                                        "flows_extraordinary_trial"};
  for (const std::string& c : charts) {
    EXPECT_TRUE(fs::exists(out / "charts" / (c + ".svg"))) << c;
    EXPECT_TRUE(fs::exists(out / "charts" / (c + ".png"))) << c;
  }

  const std::string dom = rendered_dom(out / "report.html", work_);
  ASSERT_FALSE(dom.empty());
  const auto body = dom.find("<body");
  ASSERT_NE(body, std::string::npos);
  const std::string body_tag = dom.substr(body, dom.find('>', body) - body);
  EXPECT_EQ(attribute(body_tag, "data-images-ok"), "yes") << body_tag;
  EXPECT_EQ(attribute(body_tag, "data-images-missing"), "0") << body_tag;
  EXPECT_EQ(attribute(body_tag, "data-images"), std::to_string(charts.size())) << body_tag;

  // Every number in the page is the file's (text rounded to one decimal, data-value exact), and
  // every sum over several years is in the page for A, B and B - A.
  std::set<HeadlineKey> sums;
  const std::map<HeadlineKey, double> expected = headline_values(out, sums);
  const std::vector<Marked> marked = marked_numbers(dom);
  ASSERT_GT(marked.size(), 100U);
  std::set<HeadlineKey> seen;
  for (const Marked& m : marked) {
    const HeadlineKey key{m.headline, m.scenario, m.stat};
    const auto it = expected.find(key);
    ASSERT_NE(it, expected.end()) << m.headline << " " << m.scenario << " " << m.stat;
    EXPECT_EQ(m.text, format_fixed(it->second, 1)) << m.headline << " " << m.scenario << " " << m.stat;
    EXPECT_EQ(std::stod(m.value), it->second) << m.headline << " " << m.scenario << " " << m.stat;
    EXPECT_TRUE(seen.insert(key).second)
        << "shown once: " << m.headline << " " << m.scenario << " " << m.stat;
  }
  for (const HeadlineKey& key : sums)
    EXPECT_TRUE(seen.count(key)) << std::get<0>(key) << " " << std::get<1>(key);

  // The same directory gives the same page, byte for byte.
  const std::string first = read_file(out / "report.html");
  ASSERT_EQ(forlob({"report", out.string(), "--quiet"}).status, 0);
  EXPECT_TRUE(read_file(out / "report.html") == first);
}

TEST_F(ReportCli, ASingleRunGetsItsOwnCharts) {
  const fs::path out = work_ / "run";
  ASSERT_EQ(forlob({"run", "scenarios/extraordinary_trial.json", "--replications", "20", "--out",
                    out.string(), "--quiet"})
                .status,
            0);
  const ProgramResult r = forlob({"report", out.string(), "--quiet"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(fs::exists(out / "charts" / "new_specialists_trial_specialties.svg"));
  EXPECT_TRUE(fs::exists(out / "charts" / "flows_extraordinary_trial.png"));
  EXPECT_FALSE(fs::exists(out / "charts" / "difference_trial_specialties.svg")) << "no difference in a run";
  EXPECT_NE(read_file(out / "report.html").find("forlob run: extraordinary_trial"), std::string::npos);
}

TEST_F(ReportCli, AMissingYearlyCsvIsOneLineAndExitStatusTwo) {
  const fs::path out = compare();
  fs::remove(out / "yearly.csv");
  const ProgramResult r = forlob({"report", out.string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err,
            "forlob: error: " + (out / "yearly.csv").string() + ": cannot open: No such file or directory\n");
  EXPECT_FALSE(fs::exists(out / "report.html"));
  EXPECT_FALSE(fs::exists(out / "charts"));
}

TEST_F(ReportCli, AMalformedCsvLineNamesFileAndLine) {
  const fs::path out = compare();
  std::string csv = read_file(out / "difference.csv");
  const auto third_line = csv.find('\n', csv.find('\n') + 1) + 1;
  csv.insert(csv.find('\n', third_line), ",extra");  // line 3 gets an 11th field
  std::ofstream(out / "difference.csv", std::ios::binary) << csv;
  const ProgramResult r = forlob({"report", out.string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "forlob: error: " + (out / "difference.csv").string() +
                       ": line 3: expected 10 fields as in the header, got 11\n");
  EXPECT_FALSE(fs::exists(out / "report.html"));
}

TEST_F(ReportCli, ANonNumberNamesLineColumnAndColumnName) {
  const fs::path out = compare();
  std::string csv = read_file(out / "yearly.csv");
  const auto line2 = csv.find('\n') + 1;
  std::size_t field = line2;
  for (int i = 0; i < 5; ++i) field = csv.find(',', field) + 1;  // the mean, column 6
  csv.replace(field, csv.find(',', field) - field, "12,5");      // a decimal comma: one field too many
  std::ofstream(out / "yearly.csv", std::ios::binary) << csv;
  ProgramResult r = forlob({"report", out.string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "forlob: error: " + (out / "yearly.csv").string() +
                       ": line 2: expected 10 fields as in the header, got 11\n");
  csv.replace(field, 4, "12;5");
  std::ofstream(out / "yearly.csv", std::ios::binary) << csv;
  r = forlob({"report", out.string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "forlob: error: " + (out / "yearly.csv").string() +
                       ": line 2, column 6 (mean): expected a number, got '12;5'\n");
}

TEST_F(ReportCli, ADirectoryThatIsNotThereIsBadInput) {
  const ProgramResult r = forlob({"report", (work_ / "nothing").string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "forlob: error: " + (work_ / "nothing").string() +
                       ": expected an output directory of forlob run or compare\n");
}

}  // namespace
}  // namespace forlob
