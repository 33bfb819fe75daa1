#include "report/HtmlReport.hpp"

#include <gtest/gtest.h>

#include <regex>

#include "output/CsvFormat.hpp"
#include "report/ReportCharts.hpp"
#include "report/ReportFixture.hpp"
#include "support/TestDirectory.hpp"

namespace forlob {
namespace {

struct Page {
  ReportInputs inputs;
  std::string html;
};

// The page for the fixture, with stand-in images (no gnuplot needed).
Page page(const testing::FixtureFiles& files = {}) {
  testing::TestDirectory dir;
  testing::write_report_fixture(dir.path(), files);
  Page p{read_report_inputs(dir.path()), ""};
  const std::vector<Chart> charts = report_charts(p.inputs);
  std::vector<RenderedChart> rendered;
  for (const Chart& c : charts) rendered.push_back({c.name, "<svg>" + c.name + "</svg>", "png"});
  p.html = html_report(p.inputs, charts, rendered);
  return p;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(HtmlReport, EveryHeadlineNumberIsMarkedWithItsExactValue) {
  const Page p = page();
  std::size_t checked = 0;
  for (const HeadlineRow& h : p.inputs.headlines) {
    if (h.first_year == h.last_year && h.first_year < 2022) continue;  // before the trial: not shown
    for (const auto& [stat, value] : {std::pair{"mean", h.mean}, {"p05", h.q.p05}, {"p95", h.q.p95}}) {
      const std::string mark = "data-headline=\"" + h.headline + "\" data-scenario=\"" +
                               html_escape(h.scenario) + "\" data-stat=\"" + stat + "\" data-value=\"" +
                               tsv_number(value) + "\">" + headline_number_text(value) + "<";
      EXPECT_EQ(count(p.html, mark), 1U) << mark;
      ++checked;
    }
  }
  EXPECT_EQ(checked, 3U * 3U * 7U) << "three columns, three numbers, 2022-2026 and two sums";
  EXPECT_EQ(count(p.html, "data-stat="), checked) << "and nothing else is marked";
  EXPECT_NE(p.html.find("completed Almen medicin 2022–26"), std::string::npos)
      << "labels as people write them";
}

TEST(HtmlReport, ShowsWholeNumbersWithoutDecimalsAndOthersWithOne) {
  EXPECT_EQ(headline_number_text(392), "392");
  EXPECT_EQ(headline_number_text(0), "0");
  EXPECT_EQ(headline_number_text(-5), "-5");
  EXPECT_EQ(headline_number_text(392.25), "392.2");
  EXPECT_EQ(headline_number_text(3.45), "3.5");
}

TEST(HtmlReport, SaysWhatWasRun) {
  const std::string html = page().html;
  for (const char* fact : {"forlob compare</code>", "<tr><th>seed</th><td>7</td></tr>",
                           "<tr><th>replications</th><td>40</td></tr>", "2 (results do not depend on it)",
                           "0.1.0 (report written by forlob", "scenarios/extraordinary_trial.json"})
    EXPECT_NE(html.find(fact), std::string::npos) << fact;
  EXPECT_NE(html.find("Scenario 1 &amp; &lt;friends&gt;"), std::string::npos) << "text is escaped";
  EXPECT_EQ(html.find("<friends>"), std::string::npos);
}

TEST(HtmlReport, ShowsEveryChartInlineWithItsCaptionOnlyInTheImage) {
  const Page p = page();
  const std::vector<Chart> charts = report_charts(p.inputs);
  for (const Chart& c : charts) {
    EXPECT_NE(p.html.find("data-chart=\"" + c.name + "\""), std::string::npos) << c.name;
    EXPECT_EQ(p.html.find(html_escape(c.caption)), std::string::npos)
        << "the caption once, in the image: " << c.name;
    EXPECT_NE(c.commands.find(gp_string(wrap(c.caption, static_cast<std::size_t>(c.width * 2 / 13)).front())),
              std::string::npos)
        << c.name;
  }
  EXPECT_EQ(count(p.html, "<img src=\"data:image/svg+xml;base64,"), charts.size());
}

TEST(HtmlReport, IsSelfContained) {
  const std::string html = page({.sweep = true, .sensitivity = true, .forecast = true}).html;
  const std::regex external(R"((src|href)\s*=\s*"(?!data:)[^"]*")", std::regex::icase);
  EXPECT_FALSE(std::regex_search(html, external));
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("<script src"), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
}

TEST(HtmlReport, MarksItselfWhenImagesHaveLoaded) {
  const std::string html = page().html;
  EXPECT_NE(html.find("data-images-ok"), std::string::npos);
  EXPECT_NE(html.find("naturalWidth === 0"), std::string::npos);
}

TEST(HtmlReport, ListsParameterProvenanceWithAssumptionsHighlighted) {
  const std::string html = page().html;
  EXPECT_NE(html.find("<tr class=\"assumption\" data-pointer=\"/fill/mean/almen_medicin/Nord\">"),
            std::string::npos);
  EXPECT_NE(
      html.find(
          "<tr data-pointer=\"/dimensioning/total/2026\"><td class=\"pointer\">/dimensioning/total/2026"
          "</td><td class=\"value\">1240</td><td>published</td><td class=\"num\"></td><td>docs/MODEL.md R8 "
          "<em>(not used: replaced by <code>/dimensioning/cells/2026</code>)</em></td></tr>"),
      std::string::npos);
  EXPECT_LT(html.find("data-pointer=\"/fill/mean/almen_medicin/Nord\""),
            html.find("data-pointer=\"/dimensioning/total/2026\""))
      << "assumption-tier sources first";
  EXPECT_NE(html.find("published: docs/MODEL.md R9 &lt;seed 001&gt;"), std::string::npos);
  EXPECT_NE(html.find("3 parameters: <span data-tier=\"assumption\" data-count=\"1\">assumption 1</span>, "
                      "<span data-tier=\"published\" data-count=\"2\">published 2</span>"),
            std::string::npos);
  const std::string old = page({.parameters = false}).html;
  EXPECT_NE(old.find("Sources by tier: assumption 1; published 1;"), std::string::npos);
}

TEST(HtmlReport, HasSweepSensitivityAndForecastSectionsOnlyWithTheirFiles) {
  const std::string plain = page().html;
  const std::string full = page({.sweep = true, .sensitivity = true, .forecast = true}).html;
  for (const char* id :
       {"<section id=\"sweep\">", "<section id=\"sensitivity\">", "<section id=\"forecast\">"}) {
    EXPECT_EQ(plain.find(id), std::string::npos) << id;
    EXPECT_NE(full.find(id), std::string::npos) << id;
  }
  EXPECT_NE(
      full.find(
          "<td>fill overall</td><td class=\"num\">0.8</td><td class=\"num\">1.2</td><td class=\"num\">25.0"
          "</td><td class=\"num\">60.0</td><td class=\"num\">35.0</td>"),
      std::string::npos)
      << "the one-at-a-time table";
  EXPECT_NE(
      full.find(
          "<td>fill almen_medicin</td><td class=\"num\">0.200</td><td class=\"num\">[0.100, 0.300]</td>"),
      std::string::npos)
      << "Sobol S1 with its interval";
}

TEST(HtmlReport, SaysHowManyAssumptionsTheHeadlinesRestOnInANoteNotAColumn) {
  const std::string html = page().html;
  EXPECT_EQ(html.find("assumption-tier<br>parameters"), std::string::npos);
  EXPECT_NE(html.find("Every headline rests on assumption-tier inputs (3 to 4 parameters"),
            std::string::npos);
}

TEST(HtmlReport, IsTheSameForTheSameInputs) { EXPECT_TRUE(page().html == page().html); }

}  // namespace
}  // namespace forlob
