#include "report/Gnuplot.hpp"

#include <gtest/gtest.h>

#include "report/FanChart.hpp"
#include "support/TestDirectory.hpp"

namespace forlob {
namespace {

Chart small_chart(const std::string& title) {
  FanSeries s;
  s.label = "a";
  s.colour = "#0072B2";
  Quantiles q;
  q.p05 = 1;
  q.p25 = 2;
  q.p50 = 3;
  q.p75 = 4;
  q.p95 = 5;
  s.points = {{2026, q}, {2027, q}, {2028, q}};
  Chart c;
  c.name = "small";
  c.title = title;
  c.caption = "A caption";
  return fan_chart(c, {s}, {});
}

TEST(Gnuplot, DrawsAnSvgAndAPng) {
  testing::TestDirectory work;
  const RenderedChart r = render_chart(small_chart("Øst – new specialists"), work.path());
  EXPECT_EQ(r.name, "small");
  EXPECT_NE(r.svg.find("<svg"), std::string::npos);
  EXPECT_NE(r.svg.find("Øst – new specialists"), std::string::npos) << "UTF-8 text survives";
  EXPECT_EQ(r.svg.find("<script"), std::string::npos) << "no JavaScript in the SVG";
  EXPECT_EQ(r.png.substr(0, 8), "\x89PNG\r\n\x1a\n");
}

TEST(Gnuplot, TheSameChartGivesTheSameBytes) {
  const std::vector<RenderedChart> a = render_charts({small_chart("t"), small_chart("u")});
  const std::vector<RenderedChart> b = render_charts({small_chart("t"), small_chart("u")});
  ASSERT_EQ(a.size(), 2U);
  EXPECT_TRUE(a[0].svg == b[0].svg);
  EXPECT_TRUE(a[0].png == b[0].png);
  EXPECT_TRUE(a[1].svg == b[1].svg);
  EXPECT_FALSE(a[0].svg == a[1].svg) << "results stay in input order";
}

TEST(Gnuplot, TextFromTheDataRunsNoCommand) {
  testing::TestDirectory work;
  const auto marker = work.path() / "INJECTED";
  const std::string evil = "x` touch INJECTED `' ; system('touch INJECTED') ; '";
  Chart c = small_chart(evil);
  c.caption = evil;
  render_chart(c, work.path());
  EXPECT_FALSE(std::filesystem::exists(marker));
}

TEST(Gnuplot, AFailingScriptNamesTheChartAndGnuplotsMessage) {
  testing::TestDirectory work;
  Chart c;
  c.name = "broken";
  c.commands = "plot 'no_such_file.tsv' using 1:2\n";
  try {
    render_chart(c, work.path());
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("gnuplot failed on chart broken (exit status"), std::string::npos) << what;
    EXPECT_NE(what.find("no_such_file"), std::string::npos) << what;
  }
}

TEST(Gnuplot, DataFilesMustHavePlainNames) {
  testing::TestDirectory work;
  Chart c = small_chart("t");
  c.data.push_back({"../escape.tsv", "1\t2\n"});
  EXPECT_THROW(render_chart(c, work.path()), std::invalid_argument);
}

}  // namespace
}  // namespace forlob
