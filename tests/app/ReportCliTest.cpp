// `forlob report` as a user meets it: a real compare, then the report, opened in headless
// Chromium to check that every image renders and that every headline number in the page is the
// one in the output directory; and bad input (exit status 2, one line, nothing written).
#include <gtest/gtest.h>
#include <cstdlib>

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "output/CsvFormat.hpp"
#include "report/Findings.hpp"
#include "report/HtmlReport.hpp"
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

// The report printed by Chromium (US Letter, as `chromium --print-to-pdf` prints by default), and
// its number of pages: the page objects of the PDF ("/Type /Page", not the "/Type /Pages" tree).
int printed_pages(const fs::path& html, const fs::path& work) {
  const std::string chromium = find_on_path("chromium");
  if (chromium.empty()) {
    ADD_FAILURE() << "chromium is not installed: `make test` installs it (Debian package chromium)";
    return -1;
  }
  const fs::path profile = work / "chromium-print-profile";
  fs::create_directories(profile);
  const fs::path pdf = work / "report.pdf";
  const ProgramResult r = testing::run_program(
      {"timeout", "120", chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
       "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
       "--user-data-dir=" + profile.string(), "--no-pdf-header-footer", "--print-to-pdf=" + pdf.string(),
       "file://" + fs::absolute(html).string()},
      work, work);
  EXPECT_EQ(r.status, 0) << r.err;
  const std::string bytes = read_file(pdf);
  int pages = 0;
  for (std::size_t at = bytes.find("/Type"); at != std::string::npos; at = bytes.find("/Type", at + 1)) {
    std::size_t i = at + 5;
    while (i < bytes.size() && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r')) ++i;
    if (bytes.compare(i, 5, "/Page") == 0 && (i + 5 >= bytes.size() || bytes[i + 5] != 's')) ++pages;
  }
  return pages;
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
                                        "specialists",
                                        "difference_specialists",
                                        "difference_trial_specialties",
                                        "difference_all_specialties",
                                        "difference_by_region",
                                        "cumulative_difference",
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

  // Chromium is not built with the sanitizers, so CI's sanitized pass stops here: what it renders
  // of the same report is checked in the normal pass.
  if (std::getenv("FORLOB_SANITIZED")) GTEST_SKIP() << "Chromium rendering: checked in the normal pass";
  const std::string dom = rendered_dom(out / "report.html", work_);
  ASSERT_FALSE(dom.empty());
  const auto body = dom.find("<body");
  ASSERT_NE(body, std::string::npos);
  const std::string body_tag = dom.substr(body, dom.find('>', body) - body);
  EXPECT_EQ(attribute(body_tag, "data-images-ok"), "yes") << body_tag;
  EXPECT_EQ(attribute(body_tag, "data-images-missing"), "0") << body_tag;
  EXPECT_EQ(attribute(body_tag, "data-images"), std::to_string(charts.size())) << body_tag;

  // Every number in the page is the file's (text a whole number or rounded to one decimal,
  // data-value exact), and
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
    EXPECT_EQ(m.text, headline_number_text(it->second)) << m.headline << " " << m.scenario << " " << m.stat;
    EXPECT_EQ(std::stod(m.value), it->second) << m.headline << " " << m.scenario << " " << m.stat;
    EXPECT_TRUE(seen.insert(key).second)
        << "shown once: " << m.headline << " " << m.scenario << " " << m.stat;
  }
  // Rows zero in every replication of every scenario are folded into one line without numbers.
  std::map<std::string, bool> all_zero;
  for (const auto& [key, value] : expected) {
    const auto [it, fresh] = all_zero.emplace(std::get<0>(key), true);
    it->second = it->second && value == 0;
  }
  for (const HeadlineKey& key : sums) {
    if (all_zero.at(std::get<0>(key))) continue;
    EXPECT_TRUE(seen.count(key)) << std::get<0>(key) << " " << std::get<1>(key);
  }

  // The same directory gives the same page, byte for byte.
  const std::string first = read_file(out / "report.html");
  ASSERT_EQ(forlob({"report", out.string(), "--quiet"}).status, 0);
  EXPECT_TRUE(read_file(out / "report.html") == first);
}

// The findings say what the headline sums say; the report prints on at most 12 pages.
TEST_F(ReportCli, APrintedReportOpensWithFindingsFromTheNumbersAndHasAtMostTwelvePages) {
  const fs::path out = compare();
  ASSERT_EQ(forlob({"report", out.string(), "--quiet"}).status, 0);
  const std::string html = read_file(out / "report.html");
  const auto findings = html.find("<section id=\"findings\">");
  ASSERT_NE(findings, std::string::npos);
  EXPECT_LT(findings, html.find("<section id=\"headlines\">")) << "the findings come first";
  // The first finding states B - A of the trial specialties with the interval of headlines.csv.
  std::set<HeadlineKey> sums;
  const std::map<HeadlineKey, double> values = headline_values(out, sums);
  const std::string diff = "extraordinary_trial - flex_scheme",
                    name = "completed_trial_specialties_2026_2036";
  const std::string expected = signed_with_interval(
      values.at({name, diff, "mean"}), values.at({name, diff, "p05"}), values.at({name, diff, "p95"}));
  const std::string first = html.substr(findings, html.find("</li>", findings) - findings);
  EXPECT_NE(
      first.find("Extraordinary trial against flex scheme: " + html_escape(expected) + " new specialists"),
      std::string::npos)
      << first;
  for (const char* said :
       {"Over all specialties the change is", "lapse", "By region (means): Nord ", "The 2029 evaluation",
        "under the post-trial rule", "Specialists in the four trial"})
    EXPECT_NE(html.find(said, findings), std::string::npos) << said;
  // The flows show lapsed courses; the post-trial years are marked (hiring goes on to the horizon,
  // so no tail is incomplete); the bands of B are hatched; the stock has its charts.
  EXPECT_NE(read_file(out / "charts" / "flows_extraordinary_trial.svg").find("lapsed"), std::string::npos);
  const std::string fan = read_file(out / "charts" / "new_specialists_trial_specialties.svg");
  EXPECT_NE(fan.find("post-trial rule"), std::string::npos);
  EXPECT_EQ(fan.find("incomplete tail"), std::string::npos);
  EXPECT_NE(read_file(out / "charts" / "specialists.svg").find("post-trial rule"), std::string::npos);
  EXPECT_NE(read_file(out / "charts" / "difference_specialists.svg").find("all specialties"),
            std::string::npos);
  EXPECT_NE(fan.find("pattern"), std::string::npos) << "hatched bands";
  EXPECT_EQ(html.find("What-if"), std::string::npos) << "the shipped scenarios are no what-if";

  // Chromium is not built with the sanitizers, so CI's sanitized pass stops here: what it renders
  // of the same report is checked in the normal pass.
  if (std::getenv("FORLOB_SANITIZED")) GTEST_SKIP() << "Chromium rendering: checked in the normal pass";
  const int pages = printed_pages(out / "report.html", work_);
  EXPECT_GE(pages, 3) << "the count must see the pages";
  EXPECT_LE(pages, 12);
}

TEST_F(ReportCli, AWhatIfReportSaysSoInItsTitleAndOpening) {
  const fs::path out = work_ / "whatif";
  ASSERT_EQ(
      forlob({"compare", "scenarios/flex_scheme.json", "scenarios/extraordinary_trial.json", "--set-b",
              "/extraordinary/per_region/Nord=40", "--replications", "20", "--out", out.string(), "--quiet"})
          .status,
      0);
  ASSERT_EQ(forlob({"report", out.string(), "--quiet"}).status, 0);
  const std::string html = read_file(out / "report.html");
  EXPECT_NE(html.find("<h1>What-if: forlob: flex_scheme versus extraordinary_trial</h1>"), std::string::npos);
  const auto box = html.find("data-what-if=\"yes\"");
  ASSERT_NE(box, std::string::npos);
  EXPECT_LT(box, html.find("<section id=\"findings\">"));
  EXPECT_NE(html.find("<code>/extraordinary/per_region/Nord</code> 10 → 40", box), std::string::npos);
  EXPECT_NE(html.find("--set-b /extraordinary/per_region/Nord=40"), std::string::npos) << "the command line";
  EXPECT_NE(html.find("fnv1a64:"), std::string::npos) << "the files read, with their hashes";
}

TEST_F(ReportCli, AComparisonOfThreeShowsEachDifferenceFromTheFirst) {
  const fs::path out = work_ / "three";
  ASSERT_EQ(
      forlob({"compare", "scenarios/neither.json", "scenarios/flex_scheme.json",
              "scenarios/extraordinary_trial.json", "--replications", "20", "--out", out.string(), "--quiet"})
          .status,
      0);
  ASSERT_EQ(forlob({"report", out.string(), "--quiet"}).status, 0);
  const std::string html = read_file(out / "report.html");
  for (const char* stem : {"difference_trial_specialties_flex_scheme_-_neither",
                           "difference_trial_specialties_extraordinary_trial_-_neither"})
    EXPECT_TRUE(fs::exists(out / "charts" / (std::string(stem) + ".svg"))) << stem;
  EXPECT_NE(html.find("Flex scheme against neither: "), std::string::npos);
  EXPECT_NE(html.find("Extraordinary trial against neither: "), std::string::npos);
  EXPECT_NE(html.find("data-scenario=\"extraordinary_trial - neither\""), std::string::npos);
  EXPECT_NE(html.find("versus flex_scheme and extraordinary_trial"), std::string::npos);
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

TEST_F(ReportCli, AFillModelComparisonGivesASectionAndAFindingAcrossTheNewApplicantShare) {
  const fs::path out = work_ / "models";
  const ProgramResult run =
      forlob({"compare", "scenarios/flex_scheme.json", "scenarios/extraordinary_trial.json", "--replications",
              "20", "--fill-models", "--out", out.string(), "--quiet"});
  ASSERT_EQ(run.status, 0) << run.err;
  const TidyCsv csv = TidyCsv::read(out / "fill_models.csv", "fill_models.csv");
  std::set<std::string> variants;
  for (std::size_t r = 0; r < csv.rows(); ++r)
    variants.insert(csv.text(r, csv.column("fill_model")) + "/" +
                    csv.text(r, csv.column("extraordinary_new_share")));
  EXPECT_EQ(variants,
            (std::set<std::string>{"independent/", "applicants/0", "applicants/0.5", "applicants/1"}));
  ASSERT_EQ(forlob({"report", out.string(), "--quiet"}).status, 0);
  const std::string html = read_file(out / "report.html");
  EXPECT_NE(html.find("How the answer depends on how courses fill"), std::string::npos);
  for (const char* v :
       {"independent", "applicants, new share 0", "applicants, new share 0.5", "applicants, new share 1"})
    EXPECT_NE(html.find(std::string("<td>") + v + "</td>"), std::string::npos) << v;
  EXPECT_NE(html.find("applicant model with new-applicant share 0.5"), std::string::npos) << "the finding";
}

}  // namespace
}  // namespace forlob
