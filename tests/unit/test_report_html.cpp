#include <doctest/doctest.h>

#include <fmt/format.h>

#include <limits>
#include <sstream>

#include "fixtures.hpp"
#include "report/bulletin.hpp"
#include "report/html.hpp"

using namespace duban;
using report::Figures;
using report::TrendPoint;

namespace {

constexpr std::string_view k_units = R"(
[[unit]]
code = "cgj"
name = "市城市管理局"
[[unit]]
code = "ab"
name = "A&B <x>"
)";

std::size_t count(const std::string& text, std::string_view word) {
  std::size_t n = 0;
  for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at + word.size()))
    ++n;
  return n;
}

report::Monthly october() {
  report::Monthly m;
  m.period = *report::month("2026-10");
  m.as_of = test::at("2026-11-05 12:00");
  Figures cgj;
  cgj.received = 3;
  cgj.closed = 2;
  cgj.closure_rate = 2.0 / 3.0;
  cgj.on_time_rate = 0.98;
  cgj.ack_rate = 1.0;
  cgj.satisfaction_rate = 0.5;
  cgj.mean_days_to_close = 18.79629;
  Figures ab;  // received one, closed none: no on-time rate, no mean
  ab.received = 1;
  ab.closure_rate = 0.0;
  ab.overdue_open = 1;
  m.groups = {{"cgj", "市城市管理局", cgj}, {"ab", "A&B <x>", ab}};
  m.total = cgj;
  m.total.received = 4;
  m.total.closure_rate = 0.5;
  m.total.mean_days_to_close = 11.25;
  return m;
}

std::vector<TrendPoint> year() {
  std::vector<TrendPoint> t;
  for (int m = 11; m <= 22; ++m)
    t.push_back({fmt::format("{}-{:02}", 2025 + (m - 1) / 12, (m - 1) % 12 + 1), m, m - 3});
  return t;
}

std::string html(const report::Monthly& m, const std::vector<TrendPoint>& trend,
                 std::string_view toml = k_units) {
  std::ostringstream out;
  const auto config = test::config_from(toml);
  report::render_monthly_html(out, m, trend, report::Bulletin{}, config,
                              test::words(config.lang == "en" ? cmd::Lang::en : cmd::Lang::zh));
  return out.str();
}

}  // namespace

TEST_SUITE("report-html") {
  TEST_CASE("the page is one complete HTML document with a chart per figure") {
    const auto page = html(october(), year());
    CHECK(page.rfind("<!DOCTYPE html>\n", 0) == 0);
    CHECK(page.find("<html lang=\"zh-CN\">") != std::string::npos);
    CHECK(page.find("<meta charset=\"utf-8\">") != std::string::npos);
    CHECK(page.find(R"(<meta name="viewport" content="width=device-width, initial-scale=1">)") !=
          std::string::npos);
    CHECK(page.substr(page.size() - 8) == "</html>\n");
    CHECK(count(page, "<svg") == 2);
    CHECK(count(page, "</svg>") == 2);
    CHECK(count(page, "<table") == count(page, "</table>"));
    CHECK(count(page, "<tr") == count(page, "</tr>"));
    CHECK(count(page, "viewBox=") == 2);
    CHECK(page.find("@media print") != std::string::npos);
    CHECK(page.find("overflow-x:auto") != std::string::npos);
    CHECK(page.find("\"Noto Sans CJK SC\"") != std::string::npos);
    CHECK(page.find("\"WenQuanYi Micro Hei\"") != std::string::npos);
  }

  TEST_CASE("the page has no script and no external URL") {
    const auto page = html(october(), year());
    CHECK(page.find("http") == std::string::npos);
    CHECK(page.find("<script") == std::string::npos);
    CHECK(page.find("<link") == std::string::npos);
    CHECK(page.find("url(") == std::string::npos);
  }

  TEST_CASE("the title, headings and period are in Chinese for lang zh") {
    const auto page = html(october(), year());
    CHECK(page.find("<h1>月度督查通报</h1>") != std::string::npos);
    CHECK(page.find("各单位办结率与按期办结率") != std::string::npos);
    CHECK(page.find("近12个月受理与办结") != std::string::npos);
    CHECK(page.find("2026-10-01 至 2026-10-31") != std::string::npos);
    CHECK(page.find("截至 2026-11-05 12:00") != std::string::npos);
    CHECK(page.find("<th scope=\"col\">按期办结率</th>") != std::string::npos);
    CHECK(page.find("合计") != std::string::npos);
  }

  TEST_CASE("the title, headings and labels are in English for lang en") {
    const auto page =
        html(october(), year(), std::string("lang = \"en\"\n") + std::string(k_units));
    CHECK(page.find("<html lang=\"en\">") != std::string::npos);
    CHECK(page.find("<h1>Monthly supervision bulletin</h1>") != std::string::npos);
    CHECK(page.find("Closure rate and on-time rate by unit") != std::string::npos);
    CHECK(page.find("Received and closed, last 12 months") != std::string::npos);
    CHECK(page.find("2026-10-01 .. 2026-10-31") != std::string::npos);
    CHECK(page.find("as of 2026-11-05 12:00") != std::string::npos);
    CHECK(page.find("on-time rate") != std::string::npos);
    CHECK(page.find("月") == std::string::npos);
  }

  TEST_CASE("the as-of time is shown in the config's zone") {
    const auto page =
        html(october(), year(), std::string("timezone = \"UTC\"\n") + std::string(k_units));
    CHECK(page.find("截至 2026-11-05 04:00 (UTC)") != std::string::npos);
  }

  TEST_CASE("rates show as percentages to one decimal and a missing rate as a dash") {
    const auto page = html(october(), year());
    CHECK(page.find("<td>66.7%</td>") != std::string::npos);
    CHECK(page.find("<td>98.0%</td>") != std::string::npos);
    CHECK(page.find("<td>0.0%</td>") != std::string::npos);
    CHECK(page.find("<td>18.8</td>") != std::string::npos);
    CHECK(page.find("<td>—</td>") != std::string::npos);
    CHECK(page.find("<td>11.3</td>") != std::string::npos);  // halves up, as in the text table
    CHECK(page.find("0.666") == std::string::npos);
    CHECK(page.find("18.796") == std::string::npos);
    // ab's on-time rate is drawn as a gap labelled "—", its closure rate as an empty bar.
    CHECK(page.find(">—</text>") != std::string::npos);
    CHECK(page.find(">0.0%</text>") != std::string::npos);
  }

  TEST_CASE("every group and the total have a row with all fourteen figures") {
    const auto page = html(october(), year());
    CHECK(count(page, "<tr>") == 3);  // the header and two groups
    CHECK(count(page, "<tr class=\"total\">") == 1);
    const auto body =
        page.substr(page.find("<tbody>"), page.find("</tbody>") - page.find("<tbody>"));
    CHECK(count(body, "<td>") == 3 * 14);
    CHECK(body.find("<td class=\"code\">cgj</td>") != std::string::npos);
  }

  TEST_CASE("a unit name is escaped in the table and the charts") {
    const auto page = html(october(), year());
    CHECK(page.find("A&B <x>") == std::string::npos);
    CHECK(page.find("A&amp;B &lt;x&gt;") != std::string::npos);
    CHECK(count(page, "A&amp;B &lt;x&gt;") >= 3);  // the table, the bar label, its tooltip
  }

  TEST_CASE("an empty trend and zero counts draw without nan or inf") {
    report::Monthly empty;
    empty.period = *report::month("2026-10");
    empty.as_of = test::at("2026-11-05 12:00");
    for (const auto& trend : {std::vector<TrendPoint>{}, std::vector<TrendPoint>{{"2026-10", 0, 0}},
                              std::vector<TrendPoint>{{"2026-09", 0, 0}, {"2026-10", 0, 0}}}) {
      CAPTURE(trend.size());
      const auto page = html(empty, trend);
      CHECK(page.find("nan") == std::string::npos);
      CHECK(page.find("inf") == std::string::npos);
      CHECK(page.find("NaN") == std::string::npos);
      CHECK(count(page, "<svg") == 2);
      CHECK(count(page, "</svg>") == 2);
      CHECK(page.find("暂无数据") != std::string::npos);  // no groups to draw
      CHECK(count(page, "<td>—</td>") == 5);              // the total's four rates and mean
    }
  }

  TEST_CASE("a rate that is not a number is shown as a dash, not nan") {
    auto m = october();
    m.groups[0].figures.closure_rate = std::numeric_limits<double>::quiet_NaN();
    m.groups[0].figures.mean_days_to_close = std::numeric_limits<double>::infinity();
    const auto page = html(m, year());
    CHECK(page.find("nan") == std::string::npos);
    CHECK(page.find("inf") == std::string::npos);
  }

  TEST_CASE("a long trend labels every other month and keeps each point") {
    std::vector<TrendPoint> trend;
    for (int i = 0; i < 24; ++i)
      trend.push_back({fmt::format("{}-{:02}", 2025 + i / 12, i % 12 + 1), i, i});
    const auto page = html(october(), trend);
    CHECK(page.find("近24个月受理与办结") != std::string::npos);
    CHECK(count(page, "<circle") == 24 + 1);  // the points and the legend's marker
    CHECK(page.find(">1月</text>") != std::string::npos);
    CHECK(page.find(">2月</text>") == std::string::npos);
  }

  TEST_CASE("the same input gives the same bytes") {
    CHECK(html(october(), year()) == html(october(), year()));
  }
}
