#include "report/html.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string_view>
#include <tuple>
#include <utility>

#include "report/bulletin.hpp"
#include "util/utf8.hpp"

namespace duban::report {

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += "&quot;"; break;
    case '\'': out += "&#39;"; break;
    default: out += c;
    }
  }
  return out;
}

namespace {

// The page's words, looked up once from the catalogue's keys (html.*,
// report.*, figure.*, month.*).
struct Labels {
  std::string html_lang, title, group, code, total;
  std::vector<std::string> figures;  // in k_figure_keys' order
  std::string period, range, as_of, rollup, summary, table, rates_heading, trend_heading,
      trend_plain, no_data, none, note;
  std::vector<std::string> months;  // January first
};

Labels labels(const duban::Words& w, store::GroupBy by, std::size_t trend_months) {
  const auto by_name = std::string(to_string(by));
  Labels l;
  l.html_lang = w("html.lang");
  l.title = w("html.title");
  l.group = w("html.group." + by_name);
  l.code = w("html.code");
  l.total = w("report.total");
  for (const auto key : k_figure_keys) l.figures.emplace_back(w(fmt::format("figure.{}", key)));
  l.period = w("html.period");
  l.rollup = w("html.rollup");
  l.summary = w("html.summary");
  l.table = w("html.table");
  l.rates_heading = w("html.rates_heading." + by_name);
  l.trend_heading = w.format("html.trend_heading", trend_months);
  l.trend_plain = w("html.trend_plain");
  l.no_data = w("html.no_data");
  l.none = w("report.none");
  l.note = w("html.note");
  for (int m = 1; m <= 12; ++m) l.months.emplace_back(w(fmt::format("month.{}", m)));
  return l;
}

// The most groups whose rate bars print on one A4 page at a readable size
// (a group is 62 units of a 380-wide chart in half the page's width).
constexpr std::size_t k_print_bar_groups = 24;

// Colours that stay apart for red-green colour blindness and in grey print.
constexpr std::string_view k_blue = "#1f5fa8", k_orange = "#e08a00", k_grey = "#6b7280";

constexpr std::string_view k_style = R"(
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:#f3f4f6;color:#1f2937;line-height:1.5;
font-family:-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC","Source Han Sans SC",
"PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif}
main{max-width:1200px;margin:0 auto;padding:16px}
header{border-bottom:3px solid #b91c1c;margin-bottom:16px;padding-bottom:8px;text-align:center}
h1{font-size:1.8rem;margin:0;color:#b91c1c;letter-spacing:.2em}
.issuer{margin:6px 0 0;font-size:1.05rem;font-weight:600;letter-spacing:.1em}
h2{font-size:1.1rem;margin:0 0 8px}
.meta{margin:4px 0 0;color:#4b5563;font-size:.95rem}
section{background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.12);padding:12px 14px;
margin:0 0 16px}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(120px,1fr));gap:8px;margin:0;
padding:0;list-style:none}
.kpis li{border:1px solid #e5e7eb;border-radius:6px;padding:6px 10px}
.kpis .k{display:block;font-size:.85rem;color:#4b5563}
.kpis .v{display:block;font-size:1.4rem;font-weight:600;font-variant-numeric:tabular-nums}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;width:100%;font-size:.9rem;font-variant-numeric:tabular-nums}
th,td{border-bottom:1px solid #e5e7eb;padding:6px 8px;white-space:nowrap}
thead th{background:#f9fafb;border-bottom:2px solid #9ca3af;font-weight:600;text-align:right;
vertical-align:bottom;white-space:normal;word-break:keep-all;min-width:4.5em}
thead th.name,thead th.code{text-align:left}
td{text-align:right}
td.name,th.name{text-align:left;position:sticky;left:0;background:#fff;
box-shadow:inset -1px 0 #e5e7eb;white-space:normal;min-width:11em;max-width:18em}
thead th.name{background:#f9fafb}
td.code{text-align:left;color:#4b5563;font-family:ui-monospace,"DejaVu Sans Mono",monospace;
font-size:.9em}
tr.total td,tr.total th{font-weight:600;border-top:2px solid #9ca3af;border-bottom:none}
tr.total th{text-align:left;position:sticky;left:0;background:#fff}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:16px}
.charts section{margin:0}
figure{margin:0}
svg{display:block;width:100%;height:auto;max-width:480px;margin:0 auto}
svg text{font-size:14px;fill:#1f2937}
svg .small{font-size:12px;fill:#4b5563}
svg .tick{font-size:11px;fill:#4b5563}
svg .grid{stroke:#e5e7eb;stroke-width:1}
svg .axis{stroke:#9ca3af;stroke-width:1}
.note{color:#4b5563;font-size:.85rem;margin:0 0 16px}
section .note{margin:8px 0 0}
.lists{display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:16px;margin:0 0 16px}
.lists section{margin:0}
h2.red{color:#b91c1c}
h2.black{color:#111827}
td.text,th.text{text-align:left;white-space:normal;min-width:12em}
td.unranked{color:#6b7280}
td.days{font-weight:600}
.print-only{display:none}
@media (max-width:600px){main{padding:8px}h1{font-size:1.3rem}section{padding:10px}
table{font-size:.85rem}th,td{padding:5px 6px}
td.name{min-width:6em;max-width:9em}}
@media print{
@page{size:A4;margin:15mm}
body{background:none;color:#000;font-size:10pt}
main{max-width:none;padding:0}
section{box-shadow:none;border-radius:0;padding:0;margin:0 0 8mm;background:none}
thead th,td.name,th.name,tr.total th,thead th.name{background:none;box-shadow:none;position:static}
.scroll{overflow:visible}
table{font-size:8pt}
th,td{padding:2px 3px}
thead th{min-width:0}
td.name,th.name{min-width:7em;max-width:none}
thead{display:table-header-group}
tfoot{display:table-footer-group}
tr,figure,svg,.kpis li{break-inside:avoid;page-break-inside:avoid}
h1,h2{break-after:avoid;page-break-after:avoid}
.kpis{grid-template-columns:repeat(5,1fr)}
.lists{grid-template-columns:1fr 1fr;gap:8mm}
.lists section{break-inside:avoid;page-break-inside:avoid}
.charts{grid-template-columns:1fr 1fr;gap:8mm}
.charts section{break-inside:avoid;page-break-inside:avoid}
svg{max-width:100%;max-height:240mm}
.screen-only{display:none}
.print-only{display:block}
}
)";

std::string escape(std::string_view text) { return html_escape(text); }

// A rate or a mean that can be shown: present and finite.
std::optional<double> shown(const std::optional<double>& v) {
  if (!v || !std::isfinite(*v)) return std::nullopt;
  return v;
}

// Rounded as the text table rounds them (one_decimal, 四舍五入), so that the
// two forms of the bulletin never disagree.
std::string percent(const std::optional<double>& rate) { return percent_text(shown(rate)); }

std::string days(const std::optional<double>& mean) { return decimal_text(shown(mean)); }

// The fourteen figures in SPEC §7's order, as displayed.
std::vector<std::string> cells(const Figures& f) {
  auto n = [](std::int64_t v) { return fmt::format("{}", v); };
  return {n(f.received),
          n(f.closed),
          percent(f.closure_rate),
          percent(f.on_time_rate),
          n(f.overdue_open),
          percent(f.ack_rate),
          percent(f.satisfaction_rate),
          days(f.mean_days_to_close),
          n(f.escalations),
          n(f.reopened),
          n(f.returned),
          n(f.extensions),
          n(f.excluded),
          n(f.problems)};
}

// SVG text does not wrap: a long name is cut to about `columns` display
// columns (a CJK character counts two) and ends in "…".
std::string clip(std::string_view text, std::size_t columns) {
  if (!util::is_valid_utf8(text) || util::display_width(text) <= columns) return std::string(text);
  std::string out;
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = 1;
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead >= 0xF0) len = 4;
    else if (lead >= 0xE0) len = 3;
    else if (lead >= 0xC0) len = 2;
    const auto ch = text.substr(i, len);
    const auto w = util::display_width(ch);
    if (width + w + 1 > columns) break;
    out += ch;
    width += w;
    i += len;
  }
  return out + "…";
}

// Coordinates to one decimal: short, and the same bytes on every machine.
std::string num(double v) {
  if (!std::isfinite(v)) v = 0;
  auto s = fmt::format("{:.1f}", v);
  if (s.size() > 2 && s.substr(s.size() - 2) == ".0") s.resize(s.size() - 2);
  if (s == "-0") s = "0";
  return s;
}

// The rate bars: per group a name line, then a bar for each rate, on a
// 0-100% axis. Names sit above their bars so that the bars keep the full
// width on a phone.
void rates_chart(std::ostream& out, const Monthly& r, const Labels& w, std::string_view heading) {
  constexpr double width = 380, left = 14, right = 58, legend = 30, name_h = 19, bar_h = 14,
                   bar_gap = 3, group_gap = 12, axis_h = 26;
  const double plot = width - left - right;
  const double block = name_h + 2 * bar_h + bar_gap + group_gap;
  const auto n = static_cast<double>(r.groups.size());
  const double body = r.groups.empty() ? 60 : n * block;
  const double height = legend + body + axis_h;
  const std::string_view colour[2] = {k_blue, k_orange};
  const std::string_view label[2] = {w.figures[2], w.figures[3]};

  out << fmt::format(R"(<svg viewBox="0 0 {} {}" role="img" aria-labelledby="rates-title">)",
                     num(width), num(height))
      << '\n'
      << "<title id=\"rates-title\">" << escape(heading) << "</title>\n";
  // Legend.
  double x = left;
  for (int s = 0; s < 2; ++s) {
    out << fmt::format(R"(<rect x="{}" y="8" width="14" height="12" fill="{}"/>)", num(x),
                       colour[s])
        << fmt::format(R"(<text x="{}" y="19">{}</text>)", num(x + 19), escape(label[s])) << '\n';
    x += 19 + static_cast<double>(util::display_width(label[s])) * 7.6 + 22;
  }
  const double top = legend, bottom = legend + body;
  // Grid and ticks, under the bars.
  for (int t = 0; t <= 4; ++t) {
    const double gx = left + plot * t / 4;
    out << fmt::format(R"(<line class="{}" x1="{}" y1="{}" x2="{}" y2="{}"/>)",
                       t == 0 ? "axis" : "grid", num(gx), num(top), num(gx), num(bottom))
        << fmt::format(R"(<text class="small" x="{}" y="{}" text-anchor="middle">{}%</text>)",
                       num(gx), num(bottom + 16), t * 25)
        << '\n';
  }
  if (r.groups.empty()) {
    out << fmt::format(R"(<text x="{}" y="{}" text-anchor="middle">{}</text>)",
                       num(left + plot / 2), num(top + body / 2 + 5), escape(w.no_data))
        << '\n';
  }
  double y = top + 4;
  for (const auto& g : r.groups) {
    const std::string name = g.key ? g.name : w.none;
    const std::string full = g.key && *g.key != name ? fmt::format("{} {}", name, *g.key) : name;
    out << "<g><title>" << escape(full) << ' ' << escape(label[0]) << ' '
        << percent(g.figures.closure_rate) << ' ' << escape(label[1]) << ' '
        << percent(g.figures.on_time_rate) << "</title>\n";
    out << fmt::format(R"(<text x="{}" y="{}">{})", num(left + 2), num(y + 14),
                       escape(clip(name, 40)));
    if (g.key && *g.key != name)
      out << fmt::format(R"( <tspan class="small">{}</tspan>)", escape(clip(*g.key, 16)));
    out << "</text>\n";
    double by = y + name_h;
    const std::optional<double> rates[2] = {shown(g.figures.closure_rate),
                                            shown(g.figures.on_time_rate)};
    for (int s = 0; s < 2; ++s) {
      const double text_y = by + bar_h - 2.5;  // the value beside its bar
      if (rates[s]) {
        const double v = std::clamp(*rates[s], 0.0, 1.0);
        const double bw = plot * v;
        out << fmt::format(R"(<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>)", num(left),
                           num(by), num(bw), num(bar_h), colour[s])
            << fmt::format(R"(<text class="small" x="{}" y="{}">{}</text>)", num(left + bw + 4),
                           num(text_y), percent(rates[s]));
      } else {
        // No denominator: a gap, not a zero-length bar.
        out << fmt::format(R"(<text class="small" x="{}" y="{}">—</text>)", num(left + 4),
                           num(text_y));
      }
      out << '\n';
      by += bar_h + bar_gap;
    }
    out << "</g>\n";
    y += block;
  }
  out << "</svg>\n";
}

// The smallest step of 1, 2, 5 × 10^k that covers `top` in at most five.
std::int64_t tick_step(std::int64_t top) {
  for (std::int64_t magnitude = 1;; magnitude *= 10)
    for (std::int64_t m : {1, 2, 5})
      if ((top + m * magnitude - 1) / (m * magnitude) <= 5) return m * magnitude;
}

// A month's label and, when asked, its year on a second line (escaped).
std::pair<std::string, std::string> month_label(std::string_view month, const Labels& w,
                                                bool with_year) {
  if (month.size() != 7 || month[4] != '-' || month[5] < '0' || month[5] > '1' || month[6] < '0' ||
      month[6] > '9')
    return {escape(month), ""};
  const int m = (month[5] - '0') * 10 + (month[6] - '0');
  if (m < 1 || m > 12) return {escape(month), ""};
  return {escape(w.months[m - 1]), with_year ? escape(month.substr(0, 4)) : ""};
}

// Received and closed per month: two lines on a shared count axis.
void trend_chart(std::ostream& out, const std::vector<TrendPoint>& trend, const Labels& w,
                 std::string_view heading) {
  constexpr double width = 380, height = 250, left = 36, right = 12, top = 34, bottom_pad = 42,
                   inset = 12;
  const double bottom = height - bottom_pad, plot_w = width - left - right, plot_h = bottom - top;
  std::int64_t most = 0;
  for (const auto& p : trend) most = std::max({most, p.received, p.closed});
  const std::int64_t step = tick_step(std::max<std::int64_t>(most, 1));
  const std::int64_t ceiling = std::max<std::int64_t>(step * ((most + step - 1) / step), step);

  out << fmt::format(R"(<svg viewBox="0 0 {} {}" role="img" aria-labelledby="trend-title">)",
                     num(width), num(height))
      << '\n'
      << "<title id=\"trend-title\">" << escape(heading) << "</title>\n";
  const std::string_view colour[2] = {k_grey, k_blue};
  const std::string_view label[2] = {w.figures[0], w.figures[1]};
  double x = left;
  for (int s = 0; s < 2; ++s) {
    out << fmt::format(R"(<line x1="{}" y1="14" x2="{}" y2="14" stroke="{}" stroke-width="2.5"/>)",
                       num(x), num(x + 18), colour[s]);
    if (s == 0)
      out << fmt::format(R"(<circle cx="{}" cy="14" r="3.5" fill="{}"/>)", num(x + 9), colour[s]);
    else
      out << fmt::format(R"(<rect x="{}" y="10.5" width="7" height="7" fill="{}"/>)", num(x + 5.5),
                         colour[s]);
    out << fmt::format(R"(<text x="{}" y="19">{}</text>)", num(x + 24), escape(label[s])) << '\n';
    x += 24 + static_cast<double>(util::display_width(label[s])) * 7.6 + 22;
  }
  for (std::int64_t v = 0; v <= ceiling; v += step) {
    const double gy = bottom - plot_h * static_cast<double>(v) / static_cast<double>(ceiling);
    out << fmt::format(R"(<line class="{}" x1="{}" y1="{}" x2="{}" y2="{}"/>)",
                       v == 0 ? "axis" : "grid", num(left), num(gy), num(width - right), num(gy))
        << fmt::format(R"(<text class="small" x="{}" y="{}" text-anchor="end">{}</text>)",
                       num(left - 6), num(gy + 4), v)
        << '\n';
  }
  const auto n = trend.size();
  if (n == 0) {
    out << fmt::format(R"(<text x="{}" y="{}" text-anchor="middle">{}</text>)",
                       num(left + plot_w / 2), num(top + plot_h / 2), escape(w.no_data))
        << "\n</svg>\n";
    return;
  }
  auto px = [&](std::size_t i) {
    if (n == 1) return left + plot_w / 2;
    return left + inset +
           (plot_w - 2 * inset) * static_cast<double>(i) / static_cast<double>(n - 1);
  };
  auto py = [&](std::int64_t v) {
    return bottom - plot_h * static_cast<double>(v) / static_cast<double>(ceiling);
  };
  // Month labels: every one up to twelve, then every k-th; the year under
  // each January, and under the first unless a January label is next to it.
  const std::size_t every = (n + 11) / 12;
  auto january = [&](std::size_t i) {
    return i < n && trend[i].month.size() == 7 && trend[i].month.substr(5) == "01";
  };
  for (std::size_t i = 0; i < n; ++i) {
    if (i % every) continue;
    const auto& m = trend[i].month;
    const bool with_year = january(i) || (i == 0 && !january(every));
    const auto [name, year] = month_label(m, w, with_year);
    out << fmt::format(R"(<text class="tick" x="{}" y="{}" text-anchor="middle">{}</text>)",
                       num(px(i)), num(bottom + 16), name);
    if (!year.empty())
      out << fmt::format(R"(<text class="tick" x="{}" y="{}" text-anchor="middle">{}</text>)",
                         num(px(i)), num(bottom + 30), year);
    out << '\n';
  }
  for (int s = 0; s < 2; ++s) {
    std::string points;
    for (std::size_t i = 0; i < n; ++i) {
      const auto v = s == 0 ? trend[i].received : trend[i].closed;
      points += fmt::format("{}{},{}", i ? " " : "", num(px(i)), num(py(v)));
    }
    if (n > 1)
      out << fmt::format(R"(<polyline points="{}" fill="none" stroke="{}" stroke-width="2.5"{}/>)",
                         points, colour[s], s == 1 ? R"( stroke-dasharray="6 3")" : "")
          << '\n';
  }
  for (std::size_t i = 0; i < n; ++i) {
    const auto& p = trend[i];
    out << "<g><title>" << escape(p.month) << ' ' << escape(label[0]) << ' ' << p.received << ' '
        << escape(label[1]) << ' ' << p.closed << "</title>";
    out << fmt::format(R"(<circle cx="{}" cy="{}" r="3.5" fill="{}"/>)", num(px(i)),
                       num(py(p.received)), colour[0]);
    out << fmt::format(R"(<rect x="{}" y="{}" width="7" height="7" fill="{}"/>)", num(px(i) - 3.5),
                       num(py(p.closed) - 3.5), colour[1]);
    out << "</g>\n";
  }
  out << "</svg>\n";
}

}  // namespace

namespace {

std::string rank_text(const Score& s) { return s.rank ? std::to_string(s.rank) : "—"; }

// A table of units with their rank and score; `rates` adds the three rates.
void units_table(std::ostream& out, const std::vector<Score>& scores, const duban::Words& words,
                 bool rates) {
  out << "<div class=\"scroll\">\n<table>\n<thead><tr><th scope=\"col\">"
      << escape(words("scorecard.col.rank")) << "</th><th class=\"name\" scope=\"col\">"
      << escape(words("scorecard.col.name")) << "</th><th class=\"code\" scope=\"col\">"
      << escape(words("scorecard.col.unit")) << "</th><th scope=\"col\">"
      << escape(words("scorecard.col.score")) << "</th>";
  if (rates)
    for (const auto* key : {"figure.ack_rate", "figure.closure_rate", "figure.satisfaction_rate"})
      out << "<th scope=\"col\">" << escape(words(key)) << "</th>";
  out << "</tr></thead>\n<tbody>\n";
  for (const auto& s : scores) {
    out << "<tr><td" << (s.rank ? "" : " class=\"unranked\"") << ">" << rank_text(s)
        << "</td><td class=\"name\">" << escape(s.name) << "</td><td class=\"code\">"
        << escape(s.unit) << "</td><td>" << escape(days(s.score)) << "</td>";
    if (rates)
      for (const auto& rate : {s.ack_rate, s.closure_rate, s.satisfaction_rate})
        out << "<td>" << escape(percent(rate)) << "</td>";
    out << "</tr>\n";
  }
  out << "</tbody>\n</table>\n</div>\n";
}

void bulletin_sections(std::ostream& out, const Bulletin& b, const config::Config& config,
                       const duban::Words& words) {
  out << "<section>\n<h2>" << escape(words("bulletin.ranking")) << "</h2>\n";
  if (b.ranking.empty()) out << "<p>" << escape(words("bulletin.no_units")) << "</p>\n";
  else units_table(out, b.ranking, words, true);
  out << "</section>\n";

  out << "<div class=\"lists\">\n";
  for (const auto& [list, key, style] : {std::tuple{&b.red, "bulletin.red", "red"},
                                         std::tuple{&b.black, "bulletin.black", "black"}}) {
    out << "<section>\n<h2 class=\"" << style << "\">" << escape(words.format(key, b.top))
        << "</h2>\n";
    if (list->empty())
      out << "<p>" << escape(words(empty_list_key(b, list == &b.black))) << "</p>\n";
    else units_table(out, *list, words, false);
    out << "</section>\n";
  }
  out << "</div>\n<p class=\"note\">" << escape(words.format("bulletin.ranking.note", b.top))
      << "</p>\n";

  if (!b.excluded.empty()) {
    out << "<section>\n<h2>" << escape(words.format("bulletin.excluded", b.excluded.size()))
        << "</h2>\n<div class=\"scroll\">\n<table>\n<thead><tr>";
    for (const auto& c : excluded_columns(words))
      out << "<th" << (c.key == "title" || c.key == "reason" ? " class=\"text\"" : "")
          << " scope=\"col\">" << escape(c.header) << "</th>";
    out << "</tr></thead>\n<tbody>\n";
    for (const auto& e : b.excluded)
      out << "<tr><td>" << e.case_id << "</td><td class=\"text\">" << escape(e.title)
          << "</td><td class=\"name\">" << escape(unit_name(config, e.unit, words)) << "</td><td>"
          << escape(time::format_local(e.at, config.zone)) << "</td><td class=\"text\">"
          << escape(e.reason.value_or("")) << "</td></tr>\n";
    out << "</tbody>\n</table>\n</div>\n</section>\n";
  }

  out << "<section>\n<h2>" << escape(words.format("bulletin.overdue", b.overdue.size()))
      << "</h2>\n";
  if (b.overdue.empty()) {
    out << "<p>" << escape(words("bulletin.overdue.none")) << "</p>\n</section>\n";
    return;
  }
  out << "<div class=\"scroll\">\n<table>\n<thead><tr><th scope=\"col\">"
      << escape(words("bulletin.col.id")) << "</th><th class=\"text\" scope=\"col\">"
      << escape(words("bulletin.col.title")) << "</th><th class=\"name\" scope=\"col\">"
      << escape(words("bulletin.col.lead_unit")) << "</th><th scope=\"col\">"
      << escape(words("bulletin.col.due_at")) << "</th><th scope=\"col\">"
      << escape(words("bulletin.col.working_days")) << "</th></tr></thead>\n<tbody>\n";
  for (const auto& o : b.overdue)
    out << "<tr><td>" << o.id << "</td><td class=\"text\">" << escape(o.title)
        << "</td><td class=\"name\">"
        << escape(o.lead_unit ? o.lead_name : std::string(words("report.none"))) << "</td><td>"
        << escape(time::format_local(o.due_at, config.zone)) << "</td><td class=\"days\">"
        << o.working_days << "</td></tr>\n";
  out << "</tbody>\n</table>\n</div>\n<p class=\"note\">" << escape(words("bulletin.overdue.note"))
      << "</p>\n</section>\n";
}

}  // namespace

void render_monthly_html(std::ostream& out, const Monthly& r, const std::vector<TrendPoint>& trend,
                         const Bulletin& bulletin, const config::Config& config,
                         const duban::Words& words) {
  const auto w = labels(words, r.by, trend.size());
  const auto from = time::format_date(r.period.from);
  const auto last = time::format_date(r.period.to - std::chrono::days{1});
  const auto as_of = time::format_local(r.as_of, config.zone);
  const auto& rates_heading = w.rates_heading;
  const auto& trend_heading = trend.empty() ? w.trend_plain : w.trend_heading;
  const auto period_text = words.format("report.range", from, last);

  out << "<!DOCTYPE html>\n"
      << "<html lang=\"" << w.html_lang << "\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<meta name=\"generator\" content=\"duban\">\n"
      << "<title>" << escape(w.title) << ' ' << escape(period_text) << "</title>\n"
      << "<style>" << k_style << "</style>\n</head>\n<body>\n<main>\n";

  out << "<header>\n<h1>" << escape(w.title) << "</h1>\n";
  if (bulletin.office)
    out << "<p class=\"issuer\">"
        << escape(words.format("bulletin.issued_by", bulletin.office->name)) << "</p>\n";
  out << "<p class=\"meta\">" << escape(w.period) << ' ' << escape(period_text)
      << escape(words.format("html.as_of", fmt::format("{} ({})", as_of, config.zone.name())));
  if (r.rollup) out << escape(w.rollup);
  out << "</p>\n</header>\n";

  // The total's headline figures.
  const auto total = cells(r.total);
  out << "<section>\n<h2>" << escape(w.summary) << "</h2>\n<ul class=\"kpis\">\n";
  for (int i : {0, 1, 2, 3, 4})
    out << "<li><span class=\"k\">" << escape(w.figures[i]) << "</span><span class=\"v\">"
        << escape(total[i]) << "</span></li>\n";
  out << "</ul>\n</section>\n";

  // The figures table.
  out << "<section>\n<h2>" << escape(w.table)
      << "</h2>\n<div class=\"scroll\">\n<table>\n<thead><tr>"
      << "<th class=\"name\" scope=\"col\">" << escape(w.group) << "</th>"
      << "<th class=\"code\" scope=\"col\">" << escape(w.code) << "</th>";
  for (const auto& f : w.figures) out << "<th scope=\"col\">" << escape(f) << "</th>";
  out << "</tr></thead>\n<tbody>\n";
  for (const auto& g : r.groups) {
    out << "<tr><td class=\"name\">" << escape(g.key ? g.name : w.none)
        << "</td><td class=\"code\">" << escape(g.key.value_or("")) << "</td>";
    for (const auto& c : cells(g.figures)) out << "<td>" << escape(c) << "</td>";
    out << "</tr>\n";
  }
  out << "<tr class=\"total\"><th scope=\"row\" colspan=\"2\">" << escape(w.total) << "</th>";
  for (const auto& c : total) out << "<td>" << escape(c) << "</td>";
  out << "</tr>\n</tbody>\n</table>\n</div>\n</section>\n";

  bulletin_sections(out, bulletin, config, words);

  // The charts, side by side where there is room. On paper a chart is never
  // cut across pages; the rate bars of more groups than fit on one page at a
  // readable size stay on the screen, the table above having every rate.
  const bool bars_on_paper = r.groups.size() <= k_print_bar_groups;
  out << "<div class=\"charts\">\n<section" << (bars_on_paper ? "" : " class=\"screen-only\"")
      << ">\n<h2>" << escape(rates_heading) << "</h2>\n<figure>\n";
  rates_chart(out, r, w, rates_heading);
  out << "</figure>\n</section>\n<section>\n<h2>" << escape(trend_heading) << "</h2>\n<figure>\n";
  trend_chart(out, trend, w, trend_heading);
  out << "</figure>\n</section>\n</div>\n";

  if (!bars_on_paper)
    out << "<p class=\"note print-only\">" << escape(words("html.rates_in_table")) << "</p>\n";
  out << "<p class=\"note\">" << escape(w.note) << "</p>\n</main>\n</body>\n</html>\n";
}

void render_topic_html(std::ostream& out, const std::string& title, const std::string& month,
                       time::Instant as_of, const std::vector<std::vector<std::string>>& rows,
                       const std::vector<TrendPoint>& trend, const config::Config& config,
                       const duban::Words& words) {
  const auto w = labels(words, store::GroupBy::unit, trend.size());
  const auto heading = words.format("topic.html.title", title, month);
  const auto& trend_heading = trend.empty() ? w.trend_plain : w.trend_heading;
  out << "<!DOCTYPE html>\n"
      << "<html lang=\"" << w.html_lang << "\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<meta name=\"generator\" content=\"duban\">\n"
      << "<title>" << escape(heading) << "</title>\n"
      << "<style>" << k_style << "</style>\n</head>\n<body>\n<main>\n";
  out << "<header>\n<h1>" << escape(heading) << "</h1>\n<p class=\"meta\">"
      << escape(words.format(
             "html.as_of",
             fmt::format("{} ({})", time::format_local(as_of, config.zone), config.zone.name())))
      << "</p>\n</header>\n";
  out << "<section>\n<h2>" << escape(w.table) << "</h2>\n<div class=\"scroll\">\n<table>\n"
      << "<thead><tr>";
  bool first = true;
  for (const char* key :
       {"topic.col.month", "topic.col.received", "topic.col.closed", "topic.col.open"}) {
    out << (first ? "<th class=\"name\" scope=\"col\">" : "<th scope=\"col\">")
        << escape(words(key)) << "</th>";
    first = false;
  }
  out << "</tr></thead>\n<tbody>\n";
  for (const auto& row : rows) {
    out << "<tr>";
    for (std::size_t i = 0; i < row.size(); ++i)
      out << (i == 0 ? "<td class=\"name\">" : "<td>") << escape(row[i]) << "</td>";
    out << "</tr>\n";
  }
  out << "</tbody>\n</table>\n</div>\n</section>\n";
  out << "<section>\n<h2>" << escape(trend_heading) << "</h2>\n<figure>\n";
  trend_chart(out, trend, w, trend_heading);
  out << "</figure>\n</section>\n</main>\n</body>\n</html>\n";
}

}  // namespace duban::report
