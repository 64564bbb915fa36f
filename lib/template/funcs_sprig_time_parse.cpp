// Go's time.ParseInLocation, time.ParseDuration and Duration.String (time/format.go,
// time/time.go), with Go's error texts.
#include <cmath>
#include <limits>

#include "template/funcs_sprig_time_format.h"
#include "template/funcs_sprig_time_layout.h"

namespace sparkc::gotmpl::gotime {
namespace {

// Quoting as Go's time package does in its errors: printable ASCII kept with '"' and '\'
// escaped, other bytes as \x.. escapes.
std::string quote(std::string_view s) {
  static const char* hex = "0123456789abcdef";
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c >= 0x80 || c < ' ') {
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      if (c == '"' || c == '\\') out += '\\';
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

bool is_digit(std::string_view s, size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; }

// Go's leadingInt: the leading digits of s; false on overflow past 1<<63.
bool leading_int(std::string_view& s, std::uint64_t& x) {
  x = 0;
  size_t i = 0;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
    if (x > (std::uint64_t{1} << 63) / 10) return false;
    x = x * 10 + static_cast<std::uint64_t>(s[i] - '0');
    if (x > std::uint64_t{1} << 63) return false;
  }
  s.remove_prefix(i);
  return true;
}

// Go's atoi in package time: an optional sign and digits, nothing else.
bool atoi(std::string_view s, int& out) {
  bool neg = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  std::uint64_t q;
  if (!leading_int(s, q) || !s.empty()) return false;
  out = static_cast<int>(q);
  if (neg) out = -out;
  return true;
}

// getnum: one or two digits (exactly two when fixed).
bool getnum(std::string_view& s, bool fixed, int& out) {
  if (!is_digit(s, 0)) return false;
  if (!is_digit(s, 1)) {
    if (fixed) return false;
    out = s[0] - '0';
    s.remove_prefix(1);
    return true;
  }
  out = (s[0] - '0') * 10 + (s[1] - '0');
  s.remove_prefix(2);
  return true;
}

bool getnum3(std::string_view& s, bool fixed, int& out) {
  int n = 0;
  size_t i = 0;
  for (; i < 3 && is_digit(s, i); ++i) n = n * 10 + (s[i] - '0');
  if (i == 0 || (fixed && i != 3)) return false;
  out = n;
  s.remove_prefix(i);
  return true;
}

// Matches the layout's literal text; a space in the layout matches any run of spaces.
bool skip(std::string_view& value, std::string_view prefix) {
  while (!prefix.empty()) {
    if (prefix[0] == ' ') {
      if (!value.empty() && value[0] != ' ') return false;
      while (!prefix.empty() && prefix[0] == ' ') prefix.remove_prefix(1);
      while (!value.empty() && value[0] == ' ') value.remove_prefix(1);
      continue;
    }
    if (value.empty() || value[0] != prefix[0]) return false;
    prefix.remove_prefix(1);
    value.remove_prefix(1);
  }
  return true;
}

// Case-insensitive prefix lookup in a name table.
bool lookup(const char* const* tab, int n, std::string_view& val, int& out) {
  for (int i = 0; i < n; ++i) {
    std::string_view name = tab[i];
    if (val.size() < name.size()) continue;
    bool ok = true;
    for (size_t j = 0; j < name.size() && ok; ++j) {
      char a = val[j], b = name[j];
      if (a != b) {
        a |= 0x20;
        b |= 0x20;
        ok = a == b && a >= 'a' && a <= 'z';
      }
    }
    if (ok) {
      val.remove_prefix(name.size());
      out = i;
      return true;
    }
  }
  return false;
}

// The separator and digits of a fractional second, scaled to nanoseconds; digits past the
// ninth are ignored.
bool parse_nanoseconds(std::string_view value, size_t nbytes, int& ns, std::string& range_err) {
  if (value[0] != '.' && value[0] != ',') return false;
  if (nbytes > 10) nbytes = 10;
  if (!atoi(value.substr(1, nbytes - 1), ns)) return false;
  if (ns < 0) {
    range_err = "fractional second";
    return true;
  }
  for (size_t i = 0; i < 10 - nbytes; ++i) ns *= 10;
  return true;
}

// parseSignedOffset: "+hh" or "-hh" with hh <= 23; returns the length used, 0 if none.
size_t signed_offset_len(std::string_view value) {
  if (value.empty() || (value[0] != '-' && value[0] != '+')) return 0;
  std::string_view rest = value.substr(1);
  std::uint64_t x;
  if (!leading_int(rest, x) || rest.size() == value.size() - 1 || x > 23) return 0;
  return value.size() - rest.size();
}

// parseTimeZone: how many bytes of `value` look like a zone abbreviation.
size_t time_zone_len(std::string_view value) {
  if (value.size() < 3) return 0;
  if (value.substr(0, 4) == "ChST" || value.substr(0, 4) == "MeST") return 4;
  if (value.substr(0, 3) == "GMT") return value.size() == 3 ? 3 : 3 + signed_offset_len(value.substr(3));
  if (value[0] == '+' || value[0] == '-') return signed_offset_len(value);
  size_t upper = 0;
  while (upper < 6 && upper < value.size() && value[upper] >= 'A' && value[upper] <= 'Z') ++upper;
  switch (upper) {
    case 3: return 3;
    case 4: return (value[3] == 'T' || value.substr(0, 4) == "WITA") ? 4 : 0;
    case 5: return value[4] == 'T' ? 5 : 0;
    default: return 0;
  }
}

// Days before each month in a common year, for day-of-year layouts.
constexpr int kDaysBefore[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365};

}  // namespace

std::optional<Instant> parse_time(std::string_view layout, std::string_view value,
                                  const std::shared_ptr<const Location>& loc, std::string& error) {
  const std::string alayout(layout), avalue(value);
  // Go's ParseError: either "cannot parse <value> as <element>" or a custom message.
  auto fail = [&](std::string_view layout_elem, std::string_view value_elem, const std::string& message) {
    error = message.empty() ? "parsing time " + quote(avalue) + " as " + quote(alayout) + ": cannot parse " +
                                  quote(value_elem) + " as " + quote(layout_elem)
                            : "parsing time " + quote(avalue) + message;
    return std::nullopt;
  };
  std::string range_err;
  bool am = false, pm = false;
  int year = 0, month = -1, day = -1, yday = -1, hour = 0, min = 0, sec = 0, nsec = 0;
  std::shared_ptr<const Location> z;
  int zone_offset = -1;
  std::string zone_name;

  // Walk the layout element by element, consuming the matching part of the value.
  for (;;) {
    Chunk c = next_chunk(layout);
    if (!skip(value, c.prefix)) return fail(c.prefix, value, "");
    if (c.std == Std::None) {
      if (!value.empty()) return fail("", value, ": extra text: " + quote(value));
      break;
    }
    layout = c.suffix;
    bool ok = true;
    switch (c.std) {
      // Two-digit years: 69-99 are 19xx, 00-68 are 20xx.
      case Std::Year: {
        if (value.size() < 2) {
          ok = false;
          break;
        }
        if (atoi(value.substr(0, 2), year)) {
          value.remove_prefix(2);
          year += year >= 69 ? 1900 : 2000;
        } else {
          ok = false;
        }
        break;
      }
      // "2006" needs four characters starting with a digit; they are consumed even when the
      // rest is not a number, which shows in the error text.
      case Std::LongYear:
        if (value.size() < 4 || !is_digit(value, 0)) {
          ok = false;
          break;
        }
        ok = atoi(value.substr(0, 4), year);
        value.remove_prefix(4);
        break;
      // Month and day names match case-insensitively ("feb" for "Jan").
      case Std::Month:
        ok = lookup(kShortMonths, 12, value, month);
        ++month;
        break;
      case Std::LongMonth:
        ok = lookup(kLongMonths, 12, value, month);
        ++month;
        break;
      // "1" takes one or two digits, "01" exactly two; range is checked separately so the
      // error says "month out of range".
      case Std::NumMonth:
      case Std::ZeroMonth:
        ok = getnum(value, c.std == Std::ZeroMonth, month);
        if (ok && (month <= 0 || month > 12)) range_err = "month";
        break;
      case Std::WeekDay: {
        int ignored;
        ok = lookup(kShortDays, 7, value, ignored);
        break;
      }
      case Std::LongWeekDay: {
        int ignored;
        ok = lookup(kLongDays, 7, value, ignored);
        break;
      }
      // The day is range-checked only at the end, against the month and year.
      case Std::Day:
      case Std::UnderDay:
      case Std::ZeroDay:
        if (c.std == Std::UnderDay && !value.empty() && value[0] == ' ') value.remove_prefix(1);
        ok = getnum(value, c.std == Std::ZeroDay, day);
        break;
      case Std::UnderYearDay:
      case Std::ZeroYearDay:
        for (int i = 0; i < 2; ++i) {
          if (c.std == Std::UnderYearDay && !value.empty() && value[0] == ' ') value.remove_prefix(1);
        }
        ok = getnum3(value, c.std == Std::ZeroYearDay, yday);
        break;
      case Std::Hour:
        ok = getnum(value, false, hour);
        if (hour < 0 || hour >= 24) range_err = "hour";
        break;
      case Std::Hour12:
      case Std::ZeroHour12:
        ok = getnum(value, c.std == Std::ZeroHour12, hour);
        if (hour < 0 || hour > 12) range_err = "hour";
        break;
      case Std::Minute:
      case Std::ZeroMinute:
        ok = getnum(value, c.std == Std::ZeroMinute, min);
        if (min < 0 || min >= 60) range_err = "minute";
        break;
      case Std::Second:
      case Std::ZeroSecond: {
        ok = getnum(value, c.std == Std::ZeroSecond, sec);
        if (sec < 0 || sec >= 60) {
          range_err = "second";
          break;
        }
        // A fractional second after the seconds is accepted even if the layout has none.
        if (value.size() >= 2 && (value[0] == '.' || value[0] == ',') && is_digit(value, 1)) {
          Std next = next_chunk(layout).std;
          if (next == Std::FracSecond0 || next == Std::FracSecond9) break;
          size_t n = 2;
          while (n < value.size() && is_digit(value, n)) ++n;
          ok = parse_nanoseconds(value, n, nsec, range_err);
          value.remove_prefix(n);
        }
        break;
      }
      // "PM" accepts only AM/PM and "pm" only am/pm: case matters here, unlike month names.
      case Std::PM:
      case Std::pm: {
        if (value.size() < 2) {
          ok = false;
          break;
        }
        std::string_view p = value.substr(0, 2);
        value.remove_prefix(2);
        const bool upper = c.std == Std::PM;
        if (p == (upper ? "PM" : "pm")) pm = true;
        else if (p == (upper ? "AM" : "am")) am = true;
        else ok = false;
        break;
      }
      // "MST" accepts UTC, an abbreviation of 3 to 5 capitals (a 4- or 5-letter one must end in
      // T), GMT+n, or a bare +hh/-hh.
      case Std::TZ: {
        if (value.substr(0, 3) == "UTC") {
          z = Location::utc();
          value.remove_prefix(3);
          break;
        }
        size_t n = time_zone_len(value);
        if (n == 0) {
          ok = false;
          break;
        }
        zone_name = std::string(value.substr(0, n));
        value.remove_prefix(n);
        break;
      }
      case Std::FracSecond0: {
        size_t ndigit = 1 + static_cast<size_t>(c.frac_digits);
        if (value.size() < ndigit) {
          ok = false;
          break;
        }
        ok = parse_nanoseconds(value, ndigit, nsec, range_err);
        value.remove_prefix(ndigit);
        break;
      }
      // ".999" makes the fraction optional and takes up to nine digits.
      case Std::FracSecond9: {
        if (value.size() < 2 || (value[0] != '.' && value[0] != ',') || !is_digit(value, 1)) break;
        size_t i = 0;
        while (i < 9 && i + 1 < value.size() && is_digit(value, i + 1)) ++i;
        ok = parse_nanoseconds(value, 1 + i, nsec, range_err);
        value.remove_prefix(1 + i);
        break;
      }
      default: {
        // Numeric and ISO 8601 zone offsets.
        const Std s = c.std;
        if ((s == Std::ISO8601TZ || s == Std::ISO8601ShortTZ || s == Std::ISO8601ColonTZ) && !value.empty() &&
            value[0] == 'Z') {
          value.remove_prefix(1);
          z = Location::utc();
          break;
        }
        std::string_view sign, hh, mm = "00", ss = "00";
        if (s == Std::ISO8601ColonTZ || s == Std::NumColonTZ) {
          if (value.size() < 6 || value[3] != ':') {
            ok = false;
            break;
          }
          sign = value.substr(0, 1), hh = value.substr(1, 2), mm = value.substr(4, 2);
          value.remove_prefix(6);
        } else if (s == Std::NumShortTZ || s == Std::ISO8601ShortTZ) {
          if (value.size() < 3) {
            ok = false;
            break;
          }
          sign = value.substr(0, 1), hh = value.substr(1, 2);
          value.remove_prefix(3);
        } else if (s == Std::ISO8601ColonSecondsTZ || s == Std::NumColonSecondsTZ) {
          if (value.size() < 9 || value[3] != ':' || value[6] != ':') {
            ok = false;
            break;
          }
          sign = value.substr(0, 1), hh = value.substr(1, 2), mm = value.substr(4, 2), ss = value.substr(7, 2);
          value.remove_prefix(9);
        } else if (s == Std::ISO8601SecondsTZ || s == Std::NumSecondsTz) {
          if (value.size() < 7) {
            ok = false;
            break;
          }
          sign = value.substr(0, 1), hh = value.substr(1, 2), mm = value.substr(3, 2), ss = value.substr(5, 2);
          value.remove_prefix(7);
        } else {
          if (value.size() < 5) {
            ok = false;
            break;
          }
          sign = value.substr(0, 1), hh = value.substr(1, 2), mm = value.substr(3, 2);
          value.remove_prefix(5);
        }
        int h = 0, m = 0, sc = 0;
        ok = atoi(hh, h) && atoi(mm, m) && atoi(ss, sc);
        zone_offset = (h * 60 + m) * 60 + sc;
        if (sign[0] == '-') zone_offset = -zone_offset;
        else if (sign[0] != '+') ok = false;
        break;
      }
    }
    if (!range_err.empty()) return fail(c.std_text, value, ": " + range_err + " out of range");
    if (!ok) return fail(c.std_text, value, "");
  }
  // Range errors above were reported before the AM/PM and day-of-year fixes, as in Go.
  if (pm && hour < 12) hour += 12;
  else if (am && hour == 12) hour = 0;

  // A day of year gives month and day; when the layout also had them they must agree.
  if (yday >= 0) {
    int d = 0, m = 0;
    if (is_leap(year)) {
      if (yday == 31 + 29) {
        m = 2;
        d = 29;
      } else if (yday > 31 + 29) {
        --yday;
      }
    }
    if (yday < 1 || yday > 365) return fail("", value, ": day-of-year out of range");
    if (m == 0) {
      m = (yday - 1) / 31 + 1;
      if (kDaysBefore[m] < yday) ++m;
      d = yday - kDaysBefore[m - 1];
    }
    if (month >= 0 && month != m) return fail("", value, ": day-of-year does not match month");
    month = m;
    if (day >= 0 && day != d) return fail("", value, ": day-of-year does not match day");
    day = d;
  } else {
    if (month < 0) month = 1;
    if (day < 0) day = 1;
  }
  if (day < 1 || day > days_in_month(month, year)) return fail("", value, ": day out of range");

  // The zone: "Z" or "UTC" pin UTC; a numeric offset keeps `loc` only when it agrees; a bare
  // abbreviation is looked up in `loc`, else becomes a zone with that name and offset 0
  // (GMT+n gets n hours).
  if (z) return make_date(year, month, day, hour, min, sec, nsec, z);
  if (zone_offset != -1) {
    Instant t = make_date(year, month, day, hour, min, sec, nsec, Location::utc());
    t.sec -= zone_offset;
    // Keep the location when it agrees with the parsed offset (and name).
    ZoneAt at = loc->lookup(t.sec);
    if (at.offset == zone_offset && (zone_name.empty() || at.name == zone_name)) {
      t.loc = loc;
    } else {
      t.loc = Location::fixed(zone_name, zone_offset);
    }
    return t;
  }
  if (!zone_name.empty()) {
    Instant t = make_date(year, month, day, hour, min, sec, nsec, Location::utc());
    if (auto offset = loc->lookup_name(zone_name, t.sec)) {
      t.sec -= *offset;
      t.loc = loc;
      return t;
    }
    int offset = 0;
    if (zone_name.size() > 3 && zone_name.substr(0, 3) == "GMT") {
      atoi(std::string_view(zone_name).substr(3), offset);
      offset *= 3600;
    }
    t.loc = Location::fixed(zone_name, offset);
    return t;
  }
  return make_date(year, month, day, hour, min, sec, nsec, loc);
}

// Durations under a second use the largest fitting unit of ns, µs, ms with a fraction;
// longer ones print as h, m and s with seconds carrying the fraction.
std::string format_duration(std::int64_t d) {
  std::uint64_t u = static_cast<std::uint64_t>(d);
  const bool neg = d < 0;
  if (neg) u = 0 - u;
  // Digits of u / 10^prec with the fraction's trailing zeros (and a bare '.') dropped.
  auto with_frac = [](std::uint64_t v, int prec) {
    std::string frac;
    bool print = false;
    for (int i = 0; i < prec; ++i) {
      int digit = static_cast<int>(v % 10);
      print = print || digit != 0;
      if (print) frac.insert(frac.begin(), static_cast<char>('0' + digit));
      v /= 10;
    }
    return std::make_pair(v, print ? "." + frac : std::string());
  };
  std::string out;
  if (u < 1000000000) {
    if (u == 0) return "0s";
    int prec;
    const char* unit;
    if (u < 1000) {
      prec = 0, unit = "ns";
    } else if (u < 1000000) {
      prec = 3, unit = "\xC2\xB5s";  // µs
    } else {
      prec = 6, unit = "ms";
    }
    auto [whole, frac] = with_frac(u, prec);
    out = std::to_string(whole) + frac + unit;
  } else {
    auto [secs, frac] = with_frac(u, 9);
    out = std::to_string(secs % 60) + frac + "s";
    std::uint64_t mins = secs / 60;
    if (mins > 0) {
      out = std::to_string(mins % 60) + "m" + out;
      if (mins / 60 > 0) out = std::to_string(mins / 60) + "h" + out;
    }
  }
  return neg ? "-" + out : out;
}

std::optional<std::int64_t> parse_duration(std::string_view s, std::string& error) {
  const std::string orig(s);
  auto invalid = [&] {
    error = "time: invalid duration " + quote(orig);
    return std::nullopt;
  };
  std::uint64_t d = 0;
  bool neg = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s == "0") return 0;
  if (s.empty()) return invalid();
  constexpr std::uint64_t kTop = std::uint64_t{1} << 63;
  // A sequence of <number><unit>, each number possibly fractional ("1.5h30m").
  while (!s.empty()) {
    if (!(s[0] == '.' || (s[0] >= '0' && s[0] <= '9'))) return invalid();
    size_t before = s.size();
    std::uint64_t v = 0, f = 0;
    double scale = 1;
    if (!leading_int(s, v)) return invalid();
    const bool pre = before != s.size();
    bool post = false;
    if (!s.empty() && s[0] == '.') {
      s.remove_prefix(1);
      size_t i = 0;
      bool overflow = false;
      for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
        if (overflow) continue;
        if (f > (kTop - 1) / 10) {
          overflow = true;
          continue;
        }
        std::uint64_t y = f * 10 + static_cast<std::uint64_t>(s[i] - '0');
        if (y > kTop) {
          overflow = true;
          continue;
        }
        f = y;
        scale *= 10;
      }
      post = i > 0;
      s.remove_prefix(i);
    }
    if (!pre && !post) return invalid();
    size_t i = 0;
    while (i < s.size() && s[i] != '.' && !(s[i] >= '0' && s[i] <= '9')) ++i;
    if (i == 0) {
      error = "time: missing unit in duration " + quote(orig);
      return std::nullopt;
    }
    std::string_view u = s.substr(0, i);
    s.remove_prefix(i);
    std::uint64_t unit = 0;
    // Both micro signs (U+00B5 and U+03BC) spell microseconds.
    if (u == "ns") unit = 1;
    else if (u == "us" || u == "\xC2\xB5s" || u == "\xCE\xBCs") unit = 1000;
    else if (u == "ms") unit = 1000000;
    else if (u == "s") unit = 1000000000;
    else if (u == "m") unit = 60000000000;
    else if (u == "h") unit = 3600000000000;
    else {
      error = "time: unknown unit " + quote(u) + " in duration " + quote(orig);
      return std::nullopt;
    }
    if (v > kTop / unit) return invalid();
    v *= unit;
    if (f > 0) {
      v += static_cast<std::uint64_t>(static_cast<double>(f) * (static_cast<double>(unit) / scale));
      if (v > kTop) return invalid();
    }
    d += v;
    if (d > kTop) return invalid();
  }
  // 1<<63 is allowed only when negative: it is MinInt64.
  if (neg) return static_cast<std::int64_t>(0 - d);
  if (d > kTop - 1) return invalid();
  return static_cast<std::int64_t>(d);
}

}  // namespace sparkc::gotmpl::gotime
