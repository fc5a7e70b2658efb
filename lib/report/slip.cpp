#include "report/slip.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <string_view>

#include "cases/view.hpp"
#include "report/html.hpp"
#include "util/utf8.hpp"

namespace duban::report {

namespace {

// The requester as shown: the phone masked (138****0001), and a
// confidential case's name too, unless the contact may be shown.
SlipContact contact_of(const store::CaseRow& c, Contact contact) {
  SlipContact who{c.requester, c.phone};
  if (contact == Contact::shown) return who;
  cases::Json view{{"requester", c.requester ? cases::Json(*c.requester) : cases::Json(nullptr)},
                   {"phone", c.phone ? cases::Json(*c.phone) : cases::Json(nullptr)}};
  cases::mask_contact(view, c.confidential);
  if (view["requester"].is_string()) who.requester = view["requester"].get<std::string>();
  if (view["phone"].is_string()) who.phone = view["phone"].get<std::string>();
  return who;
}

// One line of a part: its label and its value, as words and shown values.
struct Row {
  std::string label, value;
  bool code = false;  // a code a person reads out or types (the receipt)
  bool text = false;  // what people wrote, of any length (the description)
};

// One part of a slip, in words, the same for text and HTML.
struct Part {
  std::string office, title, which, note, sign;
  bool confidential = false;
  std::string confidential_word;  // the mark of a confidential case (保密)
  std::vector<Row> rows;
};

Part part_of(const Slip& s, const SlipContact& who, bool stub, const Words& w) {
  const std::string none(w("slip.none"));
  auto or_none = [&](const std::optional<std::string>& v) { return v ? *v : none; };
  Part p;
  p.office = s.office ? *s.office : std::string(w("slip.no_office"));
  p.title = w("slip.title");
  p.which = w(stub ? "slip.stub" : "slip.receipt");
  p.note = w(stub ? "slip.stub.note" : "slip.receipt.note");
  p.sign = w(stub ? "slip.sign" : "slip.handler");
  p.confidential = s.confidential;
  p.confidential_word = w("slip.confidential");
  auto add = [&](std::string_view key, std::string value, bool code = false, bool text = false) {
    p.rows.push_back({std::string(w(key)), std::move(value), code, text});
  };
  add("slip.id", std::to_string(s.id));
  add("slip.receipt_code", s.receipt, true);
  add("slip.what", s.title);
  if (s.description) add("slip.description", *s.description, false, true);
  add("slip.received", s.received);
  add("slip.channel", or_none(s.channel));
  add("slip.proxy", s.proxy ? *s.proxy : std::string(w("slip.in_person")));
  add("slip.place", or_none(s.place));
  add("slip.due", s.due ? *s.due : std::string(w("slip.due.none")));
  add("slip.ask", w.format("slip.ask.text", s.receipt, p.office));
  add("slip.requester", or_none(who.requester));
  add("slip.phone", or_none(who.phone));
  return p;
}

// The line to cut along, as wide as a part's longest lines usually are.
constexpr std::string_view k_cut_line =
    "✂ - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -";

void part_text(std::ostream& out, const Part& p) {
  using util::escape_controls;
  out << escape_controls(p.office) << "  " << p.title << "  " << p.which << p.note;
  if (p.confidential) out << "  [" << p.confidential_word << "]";
  out << '\n';
  std::size_t width = util::display_width(p.sign);
  for (const auto& r : p.rows) width = std::max(width, util::display_width(r.label));
  for (const auto& r : p.rows)
    out << util::pad(r.label, width) << "  " << escape_controls(r.value) << '\n';
  out << util::pad(p.sign, width) << "  ________________\n";
}

constexpr std::string_view k_style = R"(
@page{size:A4 landscape;margin:10mm}
*{box-sizing:border-box}
html{background:#e5e7eb}
body{margin:0;color:#111827;font-size:11pt;line-height:1.45;
font-family:"Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif}
.slip{display:flex;width:297mm;min-height:210mm;margin:0 auto 8mm;padding:10mm;background:#fff;
box-shadow:0 1px 4px rgba(0,0,0,.25);break-after:page;page-break-after:always}
.slip:last-child{break-after:auto;page-break-after:auto;margin-bottom:0}
.part{flex:1 1 0;min-width:0;display:flex;flex-direction:column;padding:0 8mm}
.cut{flex:0 0 0;position:relative;border-left:1.5px dashed #4b5563}
.cut span{position:absolute;top:50%;left:0;transform:translate(-50%,-50%) rotate(-90deg);
background:#fff;color:#4b5563;font-size:14pt;line-height:1;padding:1mm 0}
header{text-align:center;border-bottom:2px solid #b91c1c;padding-bottom:3mm;margin-bottom:4mm}
.office{margin:0;font-size:13pt;font-weight:700}
h1{margin:1mm 0;font-size:18pt;color:#b91c1c}
.which{margin:0;font-size:11pt}
.which strong{font-size:13pt}
:lang(zh) .office{letter-spacing:.1em}
:lang(zh) h1{letter-spacing:.3em}
:lang(zh) .which strong{letter-spacing:.2em}
.tag{display:inline-block;margin-left:3mm;padding:0 2mm;border:1.5px solid #b91c1c;color:#b91c1c;
font-weight:700}
table{width:100%;border-collapse:collapse}
th,td{border:1px solid #6b7280;padding:1.6mm 2.5mm;text-align:left;vertical-align:top}
th{width:6.5em;font-weight:600;background:#f3f4f6;white-space:nowrap}
td{white-space:pre-wrap;overflow-wrap:anywhere;unicode-bidi:isolate}
td.code{font-family:"DejaVu Sans Mono",monospace;font-weight:700;letter-spacing:.08em}
.sign{margin:auto 0 0;padding-top:6mm}
.dense th,.dense td{padding:1mm 2mm}
.dense .sign{padding-top:3mm}
td.long{font-size:9pt;line-height:1.35}
td.longer{font-size:7.5pt;line-height:1.3}
.sign span{display:inline-block;width:50mm;border-bottom:1px solid #111827;margin-left:2mm}
@media print{
html{background:none}
.slip{width:auto;min-height:189mm;margin:0;padding:0;box-shadow:none}
}
)";

// A long description is set smaller, so that a slip still prints on one
// page: at 11pt a part's details hold about 160 characters, at 7.5pt about
// 450. Longer text than that runs on to a second page rather than be cut.
constexpr std::size_t k_long = 160, k_longer = 280;

std::size_t longest_text(const Slip& s) {
  return s.description ? util::count_code_points(*s.description) : 0;
}

std::string_view length_class(const Row& r) {
  if (!r.text) return "";
  const auto n = util::count_code_points(r.value);
  return n > k_longer ? " class=\"longer\"" : n > k_long ? " class=\"long\"" : "";
}

void part_html(std::ostream& out, const Part& p, std::string_view kind) {
  const auto e = [](std::string_view text) { return html_escape(text); };
  out << fmt::format("<section class=\"part {}\">\n<header>\n<p class=\"office\">{}</p>\n", kind,
                     e(p.office))
      << fmt::format("<h1>{}</h1>\n<p class=\"which\"><strong>{}</strong>{}", e(p.title),
                     e(p.which), e(p.note));
  if (p.confidential) out << fmt::format("<span class=\"tag\">{}</span>", e(p.confidential_word));
  out << "</p>\n</header>\n<table>\n<tbody>\n";
  for (const auto& r : p.rows)
    out << fmt::format("<tr><th scope=\"row\">{}</th><td{}>{}</td></tr>\n", e(r.label),
                       r.code ? " class=\"code\"" : length_class(r), e(r.value));
  out << fmt::format("</tbody>\n</table>\n<p class=\"sign\">{}<span></span></p>\n</section>\n",
                     e(p.sign));
}

}  // namespace

Slip make_slip(const store::CaseRow& c, const config::Config& config, Contact contact) {
  Slip s;
  if (config.office)
    if (const auto* office = config.find_unit(*config.office)) s.office = office->name;
  s.id = c.id;
  s.receipt = c.receipt;
  s.title = c.title;
  s.description = c.description;
  s.received = time::format_local(c.received_at, config.zone);
  if (c.channel) s.channel = config.channel_name(*c.channel);
  s.proxy = c.proxy;
  if (c.town && c.village) s.place = *c.town + " " + *c.village;
  else if (c.town) s.place = c.town;
  else if (c.village) s.place = c.village;
  if (c.due_at) s.due = time::format_local(*c.due_at, config.zone);
  s.confidential = c.confidential;
  // The stub stays at the desk: always masked (SPEC §8).
  s.stub = contact_of(c, Contact::masked);
  s.receipt_part = contact_of(c, contact);
  return s;
}

void render_slips_text(std::ostream& out, const std::vector<Slip>& slips, const Words& words) {
  for (std::size_t i = 0; i < slips.size(); ++i) {
    if (i > 0) out << '\n' << k_cut_line << "\n\n";
    part_text(out, part_of(slips[i], slips[i].stub, true, words));
    out << '\n' << k_cut_line << "\n\n";
    part_text(out, part_of(slips[i], slips[i].receipt_part, false, words));
  }
}

void render_slips_html(std::ostream& out, const std::vector<Slip>& slips, const Words& words) {
  std::vector<std::string> ids;
  for (const auto& s : slips) ids.push_back(std::to_string(s.id));
  out << "<!DOCTYPE html>\n"
      << fmt::format("<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
                     html_escape(words("html.lang")))
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << fmt::format("<title>{}</title>\n",
                     html_escape(words.format("slip.html_title", fmt::join(ids, ", "))))
      << "<style>" << k_style << "</style>\n</head>\n<body>\n";
  for (const auto& s : slips) {
    out << fmt::format("<article class=\"slip{}\" id=\"case-{}\">\n",
                       longest_text(s) > k_long ? " dense" : "", s.id);
    part_html(out, part_of(s, s.stub, true, words), "stub");
    out << "<div class=\"cut\" aria-hidden=\"true\"><span>✂</span></div>\n";
    part_html(out, part_of(s, s.receipt_part, false, words), "receipt");
    out << "</article>\n";
  }
  out << "</body>\n</html>\n";
}

}  // namespace duban::report
