// Zones through the C library (see Zone in instant.hpp): TZ names the zone
// file, localtime_r gives an instant's offset, and a local time's instant is
// found from the offsets around it.
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <limits>
#include <string>

#include "time/instant.hpp"
#include "util/error.hpp"

namespace duban::time {

namespace chr = std::chrono;

namespace {

// Where the C library reads zone files: $TZDIR, as it does, or tzdata's.
std::string zone_dir() {
  const char* dir = std::getenv("TZDIR");
  return dir && *dir ? dir : "/usr/share/zoneinfo";
}

// A zone name is a relative path of the database ("Asia/Shanghai", "UTC",
// "Etc/GMT-8"): no absolute path, nothing that climbs out of it.
bool plausible_name(std::string_view name) {
  if (name.empty() || name.front() == '/' || name.back() == '/') return false;
  std::size_t start = 0;
  for (;;) {
    const auto end = name.find('/', start);
    const auto part = name.substr(start, end - start);
    if (part.empty() || part == "." || part == "..") return false;
    for (const char c : part) {
      const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '_' || c == '-' || c == '+' || c == '.';
      if (!ok) return false;
    }
    if (end == std::string_view::npos) return true;
    start = end + 1;
  }
}

// Whether the database holds a zone of that name: a file that starts as
// every compiled zone does. (The C library reads an unknown name as UTC.)
bool is_zone_file(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  char magic[4] = {};
  const bool ok = std::fread(magic, 1, sizeof magic, f) == sizeof magic &&
                  std::string_view(magic, sizeof magic) == "TZif";
  std::fclose(f);
  return ok;
}

// The offsets of whole hours over which the zone in use does not change,
// by hour (direct-mapped): each localtime_r of an instant after a zone's
// last transition reads its rule anew (glibc parses the TZ string of the
// zone file each time), and a million-case intake asks four times a case.
struct HourOffset {
  std::int64_t hour = std::numeric_limits<std::int64_t>::min();
  std::int32_t offset = 0;
};
std::array<HourOffset, 4096> g_hours;

// Makes `name` the zone of the C library's local time, unless it is already.
void use(const std::string& name) {
  static std::string current;
  if (name == current) return;
  ::setenv("TZ", (":" + name).c_str(), 1);
  ::tzset();
  current = name;
  g_hours.fill(HourOffset{});
}

// The C library's offset from UTC at `t` (the zone in use).
std::int32_t local_offset(std::int64_t t) {
  const auto at = static_cast<std::time_t>(t);
  std::tm local{};
  ::localtime_r(&at, &local);
  return static_cast<std::int32_t>(local.tm_gmtoff);
}

// The zone's offset from UTC at `t` (the zone in use). An hour is kept
// when its first and last seconds have the same offset: a zone's changes
// are months apart, so one within it would make them differ.
chr::seconds offset_at(chr::sys_seconds t) {
  const std::int64_t seconds = t.time_since_epoch().count();
  const std::int64_t hour = seconds >= 0 ? seconds / 3600 : (seconds - 3599) / 3600;
  auto& slot = g_hours[static_cast<std::size_t>(hour) % g_hours.size()];
  if (slot.hour == hour) return chr::seconds{slot.offset};
  const std::int32_t offset = local_offset(seconds);
  if (local_offset(hour * 3600) == offset && local_offset(hour * 3600 + 3599) == offset)
    slot = {hour, offset};
  return chr::seconds{offset};
}

}  // namespace

Zone Zone::locate(std::string_view name) {
  if (!plausible_name(name) || !is_zone_file(zone_dir() + "/" + std::string(name)))
    throw Error(Kind::unknown_zone, {.value = std::string(name)});
  Zone zone;
  zone.m_name = std::string(name);
  return zone;
}

// A default-constructed Zone has no tz entry; it reads as UTC rather than crash.
LocalSeconds Zone::to_local(Instant at) const {
  if (m_name.empty()) return LocalSeconds{at.tp.time_since_epoch()};
  use(m_name);
  return LocalSeconds{(at.tp + offset_at(at.tp)).time_since_epoch()};
}

LocalDays Zone::local_date(Instant at) const { return chr::floor<chr::days>(to_local(at)); }

Instant Zone::to_instant(LocalSeconds local) const {
  const chr::sys_seconds as_utc{local.time_since_epoch()};
  if (m_name.empty()) return Instant{as_utc};
  use(m_name);
  // The offsets in force a day before and after hold every offset this
  // local time can have (a zone's changes are months apart). Each offset
  // that maps back to the same local time gives a match; in a fold there
  // are two, and the earlier is taken.
  const chr::seconds before = offset_at(as_utc - chr::days{1});
  const chr::seconds after = offset_at(as_utc + chr::days{1});
  std::optional<chr::sys_seconds> found;
  for (const auto offset : {before, after}) {
    const chr::sys_seconds at = as_utc - offset;
    if (offset_at(at) == offset && (!found || at < *found)) found = at;
  }
  if (found) return Instant{*found};
  // In a gap the local time never happened: it is read as the instant the
  // clocks jumped, the first whose local time is later than it.
  chr::sys_seconds low = as_utc - chr::days{2}, high = as_utc + chr::days{2};
  while (high - low > chr::seconds{1}) {
    const chr::sys_seconds mid = low + (high - low) / 2;
    if (mid + offset_at(mid) >= as_utc) high = mid;
    else low = mid;
  }
  return Instant{high};
}

}  // namespace duban::time
