// remind's json is written one item at a time and its table with escaping's
// fast path for plain text: both must give the bytes the whole-document
// nlohmann dump and the code-point-by-code-point escape gave, whatever a
// title holds.
#include <doctest/doctest.h>

#include <sstream>

#include "fixtures.hpp"
#include "supervise/remind.hpp"
#include "util/utf8.hpp"

using namespace duban;

namespace {

const std::vector<std::string> k_titles = {
    "路灯不亮",     "ASCII title",  "引号\"和\\反斜杠", "换行\n制表\t回车\r",
    "\x01控制\x1f", "DEL\x7f",      "\u202e反向\u2066", "全角，标点。",
    "𠀀四字节",     "\u0085下一行", "\u061c",           "\u200e\u2028",
    "ok ~"};

std::vector<supervise::UnitReminders> groups() {
  supervise::UnitReminders g;
  g.unit = "cgj";
  g.name = "城管\"局\"";
  g.head = "张三";
  for (std::size_t i = 0; i < k_titles.size(); ++i) {
    supervise::Reminder r;
    r.kind = i % 2 ? supervise::ReminderKind::overdue : supervise::ReminderKind::due_soon;
    r.case_id = static_cast<std::int64_t>(i + 1);
    r.title = k_titles[i];
    r.due = test::at("2025-10-09 10:00");
    r.level = static_cast<std::int64_t>(i);
    g.items.push_back(r);
  }
  supervise::UnitReminders office;
  supervise::Reminder m;
  m.kind = supervise::ReminderKind::meeting_list_late;
  m.role = supervise::Role::office;
  m.meeting = 3;
  m.title = "会议";
  m.unassigned = 2;
  m.cases = 5;
  office.items.push_back(m);
  return {g, office};
}

}  // namespace

TEST_SUITE("remind render") {
  TEST_CASE("json is the whole document's dump, byte for byte") {
    const auto config = test::config_from(std::string(test::k_city));
    const auto now = test::at("2025-10-09 10:00");
    for (const auto& gs : {groups(), std::vector<supervise::UnitReminders>{}}) {
      std::ostringstream out;
      supervise::render_reminders(out, gs, io::Format::json, config, now, test::words());
      auto opt = [](const auto& v) { return v ? io::Json(*v) : io::Json(nullptr); };
      io::Json doc{{"as_of", time::format_utc(now)}, {"groups", io::Json::array()}};
      for (const auto& g : gs) {
        io::Json group{{"unit", opt(g.unit)},
                       {"name", g.name},
                       {"head", opt(g.head)},
                       {"email", opt(g.email)},
                       {"items", io::Json::array()}};
        for (const auto& r : g.items)
          group["items"].push_back(io::Json{{"unit", opt(g.unit)},
                                            {"kind", std::string(to_string(r.kind))},
                                            {"role", std::string(to_string(r.role))},
                                            {"case", opt(r.case_id)},
                                            {"meeting", opt(r.meeting)},
                                            {"title", r.title},
                                            {"due", time::format_utc(r.due)},
                                            {"level", r.level},
                                            {"unassigned", opt(r.unassigned)},
                                            {"cases", opt(r.cases)}});
        doc["groups"].push_back(std::move(group));
      }
      CHECK(out.str() == doc.dump(2) + "\n");
    }
  }

  TEST_CASE("an invalid title still fails json as the dump did") {
    auto gs = groups();
    gs[0].items[0].title = "bad \xff byte";
    std::ostringstream out;
    CHECK_THROWS(supervise::render_reminders(out, gs, io::Format::json,
                                             test::config_from(std::string(test::k_city)),
                                             test::at("2025-10-09 10:00"), test::words()));
  }

  TEST_CASE("escaping leaves plain text as it is and escapes the rest") {
    CHECK(util::escape_controls("路灯不亮 ok，。") == "路灯不亮 ok，。");
    CHECK(util::escape_controls("𠀀") == "𠀀");
    CHECK(util::escape_controls("a\\b") == "a\\\\b");
    CHECK(util::escape_controls("a\nb") == "a\\nb");
    CHECK(util::escape_controls("\x7f") == "\\x7f");
    CHECK(util::escape_controls("\u202e") == "\\u202e");
    CHECK(util::escape_controls("\u0085") == "\\u0085");
    CHECK(util::escape_controls("\xed\xa0\x80") == "\\xed\\xa0\\x80");  // a surrogate
    CHECK(util::escape_controls("\xe4\xb8") == "\\xe4\\xb8");           // cut short
  }
}
