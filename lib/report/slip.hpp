// The two-part slip (两单制, SPEC §6) that a village proxy desk prints for a
// case: the stub (存根联) the desk keeps and the receipt (回执联) handed to
// the requester, as text for a terminal and as a printable HTML page.
// Renders values; knows nothing of SQLite.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "store/rows.hpp"
#include "util/words.hpp"

namespace duban::report {

// Who may read the requester's contact on the receipt. The stub stays at
// the desk where others see it, so it always masks the phone (and a
// confidential case's name); the receipt does too unless --show-contact.
enum class Contact { masked, shown };

// The requester as one part shows them.
struct SlipContact {
  std::optional<std::string> requester, phone;
};

// One case's slip, every value as shown (instants in the config's zone).
struct Slip {
  std::optional<std::string> office;  // the name of the config's `office` unit
  std::int64_t id = 0;
  std::string receipt, title;
  std::optional<std::string> description;
  std::string received;                // "2026-11-03 08:30"
  std::optional<std::string> channel;  // its configured name
  std::optional<std::string> proxy;    // who acted for the requester (代办员)
  std::optional<std::string> place;    // town and village
  std::optional<std::string> due;      // due_at, once assigned
  bool confidential = false;
  SlipContact stub, receipt_part;
};

// The slip of `c` as the config names things; `contact` is for the receipt.
Slip make_slip(const store::CaseRow& c, const config::Config& config, Contact contact);

// Text for a terminal: each slip's stub, a cut line (✂ - - -), its receipt;
// slips one after another with a cut line between them. Labels aligned;
// what people typed is shown with its controls escaped (util::escape_controls).
// Words: slip.*.
void render_slips_text(std::ostream& out, const std::vector<Slip>& slips, const Words& words);

// A complete HTML5 page (UTF-8, lang from html.lang): one slip a printed
// page, A4 landscape, stub and receipt side by side with a dashed cut line
// between them; every value HTML-escaped; no script, no external URL.
// Words: slip.*, html.lang.
void render_slips_html(std::ostream& out, const std::vector<Slip>& slips, const Words& words);

}  // namespace duban::report
