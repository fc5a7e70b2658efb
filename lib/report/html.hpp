// The monthly bulletin as one self-contained HTML page for the standing
// committee: no external assets, inline SVG charts, print-friendly, readable
// on a phone.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.hpp"
#include "report/monthly.hpp"
#include "util/words.hpp"

namespace duban::report {

// `text` safe in HTML text and in a quoted attribute: & < > " ' as entities.
std::string html_escape(std::string_view text);

struct Bulletin;  // report/bulletin.hpp

// Received and closed cases per month, oldest first, for the trend chart.
struct TrendPoint {
  std::string month;  // "2026-10"
  std::int64_t received = 0, closed = 0;
};

// Writes a complete HTML5 document (UTF-8, <meta charset>, lang and every
// word from `words`: html.*, report.*, figure.*, month.*): a title with the period and as-of time;
// the figures table of `report` (groups and total, rates as percentages to one decimal, "—" for
// none); a bar chart of closure rate and on-time rate per group (inline
// <svg>, groups with no rate drawn as a gap, labelled "—"); a line chart of
// the trend (received vs closed per month). From `bulletin` (words
// bulletin.*, scorecard.col.*): the issuing office under the title, the
// ranking, the red and black lists and the overdue cases. Prints on A4
// portrait: rows never cut across pages, table headings repeated, a chart
// never cut (rate bars of more groups than fit a page stay on the screen,
// with a note on paper). No script, no external URL.
void render_monthly_html(std::ostream& out, const Monthly& report,
                         const std::vector<TrendPoint>& trend, const Bulletin& bulletin,
                         const config::Config& config, const Words& words);

// A topic's page (每月一题): its title, month and as-of time, a table of
// `rows` (month, received, closed, open: already as text) and the trend
// chart of render_monthly_html over `trend`. Words: html.*, topic.*.
void render_topic_html(std::ostream& out, const std::string& title, const std::string& month,
                       time::Instant as_of, const std::vector<std::vector<std::string>>& rows,
                       const std::vector<TrendPoint>& trend, const config::Config& config,
                       const Words& words);

}  // namespace duban::report
