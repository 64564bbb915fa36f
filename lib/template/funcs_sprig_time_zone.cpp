// Time zones as Go's time package loads and consults them; see funcs_sprig_time_zone.h.
#include "template/funcs_sprig_time_zone.h"

#include <cstdlib>
#include <fstream>
#include <limits>
#include <map>
#include <mutex>
#include <sstream>

namespace sparkc::gotmpl::gotime {
namespace {

constexpr std::int64_t kAlpha = std::numeric_limits<std::int64_t>::min();  // Go's alpha
constexpr std::int64_t kOmega = std::numeric_limits<std::int64_t>::max();  // Go's omega
constexpr int kDaysBefore[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365};

// A whole file, or nullopt when it cannot be opened.
std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A big-endian reader over TZif data that fails softly at the end of the input.
struct Reader {
  std::string_view data;
  bool ok = true;
  std::string_view take(size_t n) {
    if (data.size() < n) {
      ok = false;
      return {};
    }
    std::string_view out = data.substr(0, n);
    data.remove_prefix(n);
    return out;
  }
  std::uint64_t big(size_t n) {
    std::uint64_t v = 0;
    for (unsigned char c : take(n)) v = (v << 8) | c;
    return v;
  }
};

// The POSIX TZ rule grammar Go accepts in a TZif footer (tzset and helpers in zoneinfo.go).
struct Rule {
  enum Kind { Julian, DayOfYear, MonthWeekDay } kind = Julian;
  int day = 0, week = 0, mon = 0, time = 0;
};

// A decimal number in [min, max] at the front of s (tzsetNum).
bool tz_num(std::string_view& s, int min, int max, int& out) {
  size_t i = 0;
  int num = 0;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
    num = num * 10 + (s[i] - '0');
    if (num > max) return false;
  }
  if (i == 0 || num < min) return false;
  s.remove_prefix(i);
  out = num;
  return true;
}

// A zone abbreviation: three or more letters, or any text in <...> ("<+0330>").
bool tz_name(std::string_view& s, std::string& out) {
  if (s.empty()) return false;
  if (s[0] == '<') {
    size_t close = s.find('>');
    if (close == std::string_view::npos) return false;
    out = std::string(s.substr(1, close - 1));
    s.remove_prefix(close + 1);
    return true;
  }
  size_t i = 0;
  while (i < s.size() && std::string_view("0123456789,-+").find(s[i]) == std::string_view::npos) ++i;
  if (i < 3) return false;
  out = std::string(s.substr(0, i));
  s.remove_prefix(i);
  return true;
}

// [+-]hh[:mm[:ss]]; POSIX offsets count west of UTC, callers negate them.
bool tz_offset(std::string_view& s, int& out) {
  if (s.empty()) return false;
  bool neg = false;
  if (s[0] == '+' || s[0] == '-') {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  int hours = 0, mins = 0, secs = 0;
  if (!tz_num(s, 0, 24 * 7, hours)) return false;
  int off = hours * 3600;
  if (!s.empty() && s[0] == ':') {
    s.remove_prefix(1);
    if (!tz_num(s, 0, 59, mins)) return false;
    off += mins * 60;
    if (!s.empty() && s[0] == ':') {
      s.remove_prefix(1);
      if (!tz_num(s, 0, 59, secs)) return false;
      off += secs;
    }
  }
  out = neg ? -off : off;
  return true;
}

// Jn (1-365, no leap day), n (0-365) or Mm.w.d, then an optional /time (default 02:00).
bool tz_rule(std::string_view& s, Rule& r) {
  if (s.empty()) return false;
  if (s[0] == 'J') {
    s.remove_prefix(1);
    r.kind = Rule::Julian;
    if (!tz_num(s, 1, 365, r.day)) return false;
  } else if (s[0] == 'M') {
    s.remove_prefix(1);
    r.kind = Rule::MonthWeekDay;
    if (!tz_num(s, 1, 12, r.mon) || s.empty() || s[0] != '.') return false;
    s.remove_prefix(1);
    if (!tz_num(s, 1, 5, r.week) || s.empty() || s[0] != '.') return false;
    s.remove_prefix(1);
    if (!tz_num(s, 0, 6, r.day)) return false;
  } else {
    r.kind = Rule::DayOfYear;
    if (!tz_num(s, 0, 365, r.day)) return false;
  }
  r.time = 2 * 3600;
  if (s.empty() || s[0] != '/') return true;
  s.remove_prefix(1);
  return tz_offset(s, r.time);
}

// Seconds from the start of `year` (UTC) at which rule `r` fires for a zone at `off`.
std::int64_t rule_time(std::int64_t year, const Rule& r, int off) {
  std::int64_t s = 0;
  switch (r.kind) {
    case Rule::Julian:
      s = std::int64_t{r.day - 1} * 86400;
      if (is_leap(year) && r.day >= 60) s += 86400;
      break;
    case Rule::DayOfYear: s = std::int64_t{r.day} * 86400; break;
    case Rule::MonthWeekDay: {
      // The weekday of the first of the month, then the r.week'th r.day (5 means last).
      std::int64_t first = days_from_civil(year, r.mon, 1);
      int dow = static_cast<int>(((first % 7) + 7 + 4) % 7);
      int d = r.day - dow;
      if (d < 0) d += 7;
      for (int i = 1; i < r.week; ++i) {
        if (d + 7 >= days_in_month(r.mon, year)) break;
        d += 7;
      }
      d += kDaysBefore[r.mon - 1];
      if (is_leap(year) && r.mon > 2) ++d;
      s = std::int64_t{d} * 86400;
      break;
    }
  }
  return s + r.time - off;
}

// Go's tzset: the zone a POSIX TZ string gives for `sec`, or nullopt if it does not parse.
std::optional<ZoneAt> tzset(std::string_view s, std::int64_t last_tx, std::int64_t sec) {
  std::string std_name, dst_name;
  int std_off = 0, dst_off = 0;
  if (!tz_name(s, std_name) || !tz_offset(s, std_off)) return std::nullopt;
  std_off = -std_off;
  if (s.empty() || s[0] == ',') return ZoneAt{std_name, std_off, false, last_tx, kOmega};
  if (!tz_name(s, dst_name)) return std::nullopt;
  if (s.empty() || s[0] == ',') {
    dst_off = std_off + 3600;
  } else {
    if (!tz_offset(s, dst_off)) return std::nullopt;
    dst_off = -dst_off;
  }
  std::string_view rules = s.empty() ? std::string_view(",M3.2.0,M11.1.0") : s;
  if (rules[0] != ',' && rules[0] != ';') return std::nullopt;
  rules.remove_prefix(1);
  Rule start_rule, end_rule;
  if (!tz_rule(rules, start_rule) || rules.empty() || rules[0] != ',') return std::nullopt;
  rules.remove_prefix(1);
  if (!tz_rule(rules, end_rule) || !rules.empty()) return std::nullopt;

  // Both rules are evaluated in the year of `sec`, relative to its first instant.
  std::int64_t days = sec >= 0 ? sec / 86400 : -((-sec + 86399) / 86400);
  std::int64_t year;
  int m, d;
  civil_from_days(days, year, m, d);
  std::int64_t year_start = days_from_civil(year, 1, 1) * 86400;
  std::int64_t ysec = sec - year_start;
  std::int64_t start = rule_time(year, start_rule, std_off);
  std::int64_t end = rule_time(year, end_rule, dst_off);
  bool dst_is_dst = true, std_is_dst = false;
  if (end < start) {
    std::swap(start, end);
    std::swap(std_name, dst_name);
    std::swap(std_off, dst_off);
    std::swap(std_is_dst, dst_is_dst);
  }
  if (ysec < start) return ZoneAt{std_name, std_off, std_is_dst, year_start, start + year_start};
  if (ysec >= end) return ZoneAt{std_name, std_off, std_is_dst, end + year_start, year_start + 365 * 86400};
  return ZoneAt{dst_name, dst_off, dst_is_dst, start + year_start, end + year_start};
}

// Looks `name` up where Go does on Unix: $ZONEINFO first, then the system directories.
std::shared_ptr<const Location> load_from_dirs(const std::string& name) {
  std::vector<std::string> dirs;
  if (const char* zi = std::getenv("ZONEINFO"); zi && *zi) dirs.emplace_back(zi);
  for (const char* d : {"/usr/share/zoneinfo/", "/usr/share/lib/zoneinfo/", "/usr/lib/locale/TZ/"}) {
    dirs.emplace_back(d);
  }
  for (const std::string& dir : dirs) {
    std::string path = dir.empty() || dir.back() == '/' ? dir + name : dir + "/" + name;
    if (auto data = read_file(path)) {
      if (auto loc = Location::from_tzif(name, *data)) return loc;
    }
  }
  return nullptr;
}

}  // namespace

bool is_leap(std::int64_t y) { return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0); }

int days_in_month(int month, std::int64_t year) {
  if (month == 2 && is_leap(year)) return 29;
  return kDaysBefore[month] - kDaysBefore[month - 1];
}

// Howard Hinnant's days_from_civil, with month overflow folded into the year first.
std::int64_t days_from_civil(std::int64_t y, std::int64_t m, std::int64_t d) {
  std::int64_t m0 = m - 1;
  y += m0 >= 0 ? m0 / 12 : -((-m0 + 11) / 12);
  m = m0 - 12 * (m0 >= 0 ? m0 / 12 : -((-m0 + 11) / 12)) + 1;
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void civil_from_days(std::int64_t z, std::int64_t& y, int& m, int& d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = yoe + era * 400 + (m <= 2);
}

std::shared_ptr<const Location> Location::utc() {
  static const auto utc = [] {
    auto l = std::make_shared<Location>();
    l->name_ = "UTC";
    return std::shared_ptr<const Location>(l);
  }();
  return utc;
}

std::shared_ptr<const Location> Location::fixed(std::string name, int offset) {
  auto l = std::make_shared<Location>();
  l->name_ = name;
  l->zones_.push_back(Zone{std::move(name), offset, false});
  l->tx_.push_back(Transition{kAlpha, 0});
  return l;
}

std::shared_ptr<const Location> Location::local() {
  // Read once, lazily, like Go's localLoc; later changes to TZ are not seen.
  static const std::shared_ptr<const Location> local = []() -> std::shared_ptr<const Location> {
    auto rename = [](std::shared_ptr<const Location> l, std::string name) {
      auto copy = std::make_shared<Location>(*l);
      copy->name_ = std::move(name);
      return std::shared_ptr<const Location>(copy);
    };
    const char* tz_env = std::getenv("TZ");
    if (!tz_env) {
      if (auto data = read_file("/etc/localtime")) {
        if (auto l = from_tzif("Local", *data)) return l;
      }
    } else if (*tz_env) {
      std::string tz = tz_env;
      if (tz[0] == ':') tz.erase(0, 1);
      if (!tz.empty() && tz[0] == '/') {
        if (auto data = read_file(tz)) {
          if (auto l = from_tzif(tz == "/etc/localtime" ? "Local" : tz, *data)) return l;
        }
      } else if (!tz.empty() && tz != "UTC") {
        if (auto l = load_from_dirs(tz)) return l;
      }
    }
    return rename(utc(), "UTC");
  }();
  return local;
}

std::shared_ptr<const Location> Location::load(std::string_view name) {
  if (name.empty() || name == "UTC") return utc();
  if (name == "Local") return local();
  if (name.find("..") != std::string_view::npos || name[0] == '/' || name[0] == '\\') return nullptr;
  // Zone files do not change while we run; cache them (and misses) by name.
  static std::mutex mu;
  static std::map<std::string, std::shared_ptr<const Location>, std::less<>> cache;
  std::lock_guard<std::mutex> lock(mu);
  if (auto it = cache.find(name); it != cache.end()) return it->second;
  auto loc = load_from_dirs(std::string(name));
  cache.emplace(std::string(name), loc);
  return loc;
}

std::shared_ptr<const Location> Location::from_tzif(std::string name, std::string_view data) {
  // Layout: header, 32-bit body, then (version 2+) a second header, 64-bit body and footer.
  Reader r{data};
  if (r.take(4) != "TZif") return nullptr;
  std::string_view version = r.take(1);
  r.take(15);
  auto counts = [&r] {
    std::vector<std::uint64_t> c(6);
    for (auto& n : c) n = r.big(4);
    return c;  // isutcnt isstdcnt leapcnt timecnt typecnt charcnt
  };
  std::vector<std::uint64_t> n = counts();
  size_t time_size = 4;
  if (r.ok && !version.empty() && version[0] >= '2') {
    // Skip the 32-bit body and read the 64-bit one that follows it.
    r.take(n[3] * 4 + n[3] + n[4] * 6 + n[5] + n[2] * 8 + n[1] + n[0]);
    if (r.take(4) != "TZif") return nullptr;
    r.take(16);
    n = counts();
    time_size = 8;
  }
  if (!r.ok) return nullptr;
  auto l = std::make_shared<Location>();
  l->name_ = std::move(name);
  std::vector<std::int64_t> times;
  for (std::uint64_t i = 0; i < n[3]; ++i) {
    std::uint64_t raw = r.big(time_size);
    times.push_back(time_size == 4 ? static_cast<std::int32_t>(raw) : static_cast<std::int64_t>(raw));
  }
  std::string_view indexes = r.take(n[3]);
  std::string_view types = r.take(n[4] * 6);
  std::string_view chars = r.take(n[5]);
  r.take(n[2] * (time_size + 4) + n[1] + n[0]);
  if (!r.ok || n[4] == 0) return nullptr;
  for (std::uint64_t i = 0; i < n[4]; ++i) {
    Reader t{types.substr(i * 6, 6)};
    Zone z;
    z.offset = static_cast<std::int32_t>(t.big(4));
    z.is_dst = t.big(1) != 0;
    std::uint64_t idx = t.big(1);
    if (idx >= chars.size()) return nullptr;
    std::string_view rest = chars.substr(idx);
    z.name = std::string(rest.substr(0, rest.find('\0')));
    l->zones_.push_back(std::move(z));
  }
  for (std::uint64_t i = 0; i < n[3]; ++i) {
    auto idx = static_cast<std::uint8_t>(indexes[i]);
    if (idx >= l->zones_.size()) return nullptr;
    l->tx_.push_back(Transition{times[i], idx});
  }
  // A zone without transitions (Etc/GMT+5) is in its first zone forever, as Go arranges.
  if (l->tx_.empty()) l->tx_.push_back(Transition{kAlpha, 0});
  // The footer, "\n<TZ rule>\n", describes instants after the last transition.
  if (time_size == 8 && r.data.size() >= 2 && r.data[0] == '\n') {
    size_t end = r.data.find('\n', 1);
    if (end != std::string_view::npos) l->extend_ = std::string(r.data.substr(1, end - 1));
  }
  return l;
}

size_t Location::first_zone() const {
  // Go's lookupFirstZone: the zone before the first transition.
  bool first_used = false;
  for (const auto& t : tx_) first_used = first_used || t.index == 0;
  if (!first_used) return 0;
  if (!tx_.empty() && zones_[tx_[0].index].is_dst) {
    for (int zi = static_cast<int>(tx_[0].index) - 1; zi >= 0; --zi) {
      if (!zones_[zi].is_dst) return static_cast<size_t>(zi);
    }
  }
  for (size_t zi = 0; zi < zones_.size(); ++zi) {
    if (!zones_[zi].is_dst) return zi;
  }
  return 0;
}

// Binary search for the last transition at or before `sec`; after the last one, the footer
// rule decides (so slim TZif files still give DST in 2100).
ZoneAt Location::lookup(std::int64_t sec) const {
  if (zones_.empty()) return ZoneAt{"UTC", 0, false, kAlpha, kOmega};
  if (tx_.empty() || sec < tx_[0].when) {
    const Zone& z = zones_[first_zone()];
    return ZoneAt{z.name, z.offset, z.is_dst, kAlpha, tx_.empty() ? kOmega : tx_[0].when};
  }
  size_t lo = 0, hi = tx_.size();
  std::int64_t end = kOmega;
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (sec < tx_[mid].when) {
      end = tx_[mid].when;
      hi = mid;
    } else {
      lo = mid;
    }
  }
  const Zone& z = zones_[tx_[lo].index];
  ZoneAt out{z.name, z.offset, z.is_dst, tx_[lo].when, end};
  if (lo == tx_.size() - 1 && !extend_.empty()) {
    if (auto ext = tzset(extend_, out.start, sec)) return *ext;
  }
  return out;
}

// `unix` is the parsed wall time read as UTC, so each candidate zone shifts it by its own
// offset before checking that the zone is really in effect then.
std::optional<int> Location::lookup_name(std::string_view abbrev, std::int64_t unix) const {
  // Prefer a zone with that name in effect at the time, else any zone with that name.
  for (const Zone& z : zones_) {
    if (z.name == abbrev) {
      ZoneAt at = lookup(unix - z.offset);
      if (at.name == z.name) return at.offset;
    }
  }
  for (const Zone& z : zones_) {
    if (z.name == abbrev) return z.offset;
  }
  return std::nullopt;
}

}  // namespace sparkc::gotmpl::gotime
