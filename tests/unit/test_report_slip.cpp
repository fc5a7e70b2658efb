#include <doctest/doctest.h>

#include <sstream>

#include "fixtures.hpp"
#include "report/slip.hpp"

using namespace duban;

namespace {

constexpr std::string_view k_desk = R"(
timezone = "Asia/Shanghai"
office = "dcs"
channels = [{ code = "proxy-desk", name = "便民代办" }]
[[unit]]
code = "city"
name = "三明市"
[[unit]]
code = "dcs"
name = "市委督查室"
parent = "city"
)";

store::CaseRow desk_case() {
  store::CaseRow c;
  c.id = 7;
  c.receipt = "GC4S-KRQW";
  c.title = "低保申请进度";
  c.channel = "proxy-desk";
  c.requester = "张大爷";
  c.phone = "13800000001";
  c.town = "列东街道";
  c.village = "列东社区";
  c.proxy = "李代办";
  c.received_at = test::at("2026-11-03 08:30");
  return c;
}

std::string text(const report::Slip& s, cmd::Lang lang = cmd::Lang::zh) {
  std::ostringstream out;
  report::render_slips_text(out, {s}, test::words(lang));
  return out.str();
}

std::string html(const report::Slip& s) {
  std::ostringstream out;
  report::render_slips_html(out, {s}, test::words());
  return out.str();
}

}  // namespace

TEST_SUITE("report-slip") {
  TEST_CASE("a slip names the office, the channel by its name, the place and the local time") {
    const auto s =
        report::make_slip(desk_case(), test::config_from(k_desk), report::Contact::masked);
    CHECK(s.office == "市委督查室");
    CHECK(s.channel == "便民代办");
    CHECK(s.place == "列东街道 列东社区");
    CHECK(s.received == "2026-11-03 08:30");
    CHECK_FALSE(s.due);
  }

  TEST_CASE("the stub masks the phone always, the receipt unless the contact may be shown") {
    const auto config = test::config_from(k_desk);
    const auto masked = report::make_slip(desk_case(), config, report::Contact::masked);
    CHECK(masked.stub.phone == "138****0001");
    CHECK(masked.receipt_part.phone == "138****0001");
    const auto shown = report::make_slip(desk_case(), config, report::Contact::shown);
    CHECK(shown.stub.phone == "138****0001");
    CHECK(shown.receipt_part.phone == "13800000001");
  }

  TEST_CASE("a confidential case masks the requester's name on the slip") {
    auto c = desk_case();
    c.confidential = true;
    const auto s = report::make_slip(c, test::config_from(k_desk), report::Contact::masked);
    CHECK(s.stub.requester == "张**");
    CHECK(s.receipt_part.requester == "张**");
    CHECK(text(s).find("张大爷") == std::string::npos);
  }

  TEST_CASE("the text has the stub, a cut line, then the receipt, with controls escaped") {
    auto c = desk_case();
    c.title = "路灯\x1b[31m不亮";
    const auto t = text(report::make_slip(c, test::config_from(k_desk), report::Contact::masked));
    const auto stub = t.find("存根联"), cut = t.find("✂ - - -"), receipt = t.find("回执联");
    REQUIRE(stub != std::string::npos);
    REQUIRE(cut != std::string::npos);
    REQUIRE(receipt != std::string::npos);
    CHECK(stub < cut);
    CHECK(cut < receipt);
    CHECK(t.find("路灯\\x1b[31m不亮") != std::string::npos);
    CHECK(t.find('\x1b') == std::string::npos);
    CHECK(t.find("duban show --receipt GC4S-KRQW") != std::string::npos);
  }

  TEST_CASE("the text is in English for lang en") {
    const auto t =
        text(report::make_slip(desk_case(), test::config_from(k_desk), report::Contact::masked),
             cmd::Lang::en);
    CHECK(t.find("Stub") != std::string::npos);
    CHECK(t.find("Receipt") != std::string::npos);
    CHECK(t.find("not yet assigned") != std::string::npos);
  }

  TEST_CASE("the HTML page is A4 landscape, escapes every value and has no script") {
    auto c = desk_case();
    c.title = "<script>alert(1)</script>";
    c.proxy = "A&B";
    const auto h = html(report::make_slip(c, test::config_from(k_desk), report::Contact::masked));
    CHECK(h.starts_with("<!DOCTYPE html>"));
    CHECK(h.find("size:A4 landscape") != std::string::npos);
    CHECK(h.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(h.find("A&amp;B") != std::string::npos);
    CHECK(h.find("<script") == std::string::npos);
    CHECK(h.find("http") == std::string::npos);
    CHECK(h.find("</html>") != std::string::npos);
  }

  TEST_CASE("a long description is set smaller, so that the slip keeps to one page") {
    auto c = desk_case();
    c.description = std::string(200 * 3, 'x');
    const auto config = test::config_from(k_desk);
    CHECK(html(report::make_slip(c, config, report::Contact::masked)).find("class=\"longer\"") !=
          std::string::npos);
    c.description = "短";
    const auto h = html(report::make_slip(c, config, report::Contact::masked));
    CHECK(h.find("class=\"longer\"") == std::string::npos);
    CHECK(h.find("slip dense") == std::string::npos);
  }
}
