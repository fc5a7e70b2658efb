// A topic's report (每月一题): its linked cases received, closed and open in
// each month, as of a clock.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "io/render.hpp"
#include "store/store.hpp"
#include "util/words.hpp"

namespace duban::report {

struct TopicMonth {
  std::string month;  // "2026-10"
  std::int64_t received = 0, closed = 0;
  std::int64_t open = 0;  // received before the month's end and not closed by then
};

struct TopicReport {
  store::TopicRow topic;
  time::Instant as_of;
  std::vector<TopicMonth> months;  // oldest first
};

// The `months` calendar months ending with the clock's month, each counting
// the topic's linked cases (as read: as of the clock). A case closed after
// a month's end (or never) counts open at that end.
TopicReport topic_report(const store::Store& store, const config::Config& config,
                         const store::TopicRow& topic, time::Instant as_of, int months);

// json: {"topic": {...}, "as_of", "months": [{"month", "received", "closed",
// "open"}]}; table/md: a title and words (topic.*); csv/tsv: the keys; html:
// a page with the table and the trend chart of the monthly bulletin.
void render_topic_report(std::ostream& out, const TopicReport& r, io::Format format,
                         const config::Config& config, const Words& words,
                         const io::RenderOptions& options = {});

// A topic as JSON: id, month, title, category, search, created_at, cases.
io::Json topic_json(const store::TopicRow& t);

}  // namespace duban::report
