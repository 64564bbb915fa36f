// Go's time formatting, parsing and durations (time/format.go, time/time.go semantics).
#include "template/funcs_sprig_time_format.h"

#include <chrono>
#include <cstdio>

#include "template/funcs_sprig_time_layout.h"

namespace sparkc::gotmpl::gotime {
namespace {

// Go's appendInt: decimal, zero-padded to `width` digits, sign first.
void append_int(std::string& b, std::int64_t x, int width) {
  std::uint64_t u = static_cast<std::uint64_t>(x);
  if (x < 0) {
    b += '-';
    u = 0 - u;
  }
  std::string digits = std::to_string(u);
  if (static_cast<int>(digits.size()) < width) b.append(static_cast<size_t>(width) - digits.size(), '0');
  b += digits;
}

// Division rounding towards negative infinity, for instants before 1970.
std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

std::string format_time(const Instant& t, std::string_view layout) {
  // Go computes the civil fields once, in the zone in effect at the instant; so do we.
  const ZoneAt zone = t.loc->lookup(t.sec);
  const std::int64_t local = t.sec + zone.offset;
  const std::int64_t days = floor_div(local, 86400);
  const std::int64_t secs_of_day = local - days * 86400;
  std::int64_t year;
  int month, day;
  civil_from_days(days, year, month, day);
  const int yday = static_cast<int>(days - days_from_civil(year, 1, 1)) + 1;
  const int weekday = static_cast<int>(((days % 7) + 7 + 4) % 7);
  const int hour = static_cast<int>(secs_of_day / 3600), min = static_cast<int>(secs_of_day / 60 % 60),
            sec = static_cast<int>(secs_of_day % 60);
  std::string b;
  while (!layout.empty()) {
    Chunk c = next_chunk(layout);
    b += c.prefix;
    if (c.std == Std::None) break;
    layout = c.suffix;
    switch (c.std) {
      // "06" prints the year modulo 100 of its absolute value; "2006" pads to four digits.
      case Std::Year: append_int(b, (year < 0 ? -year : year) % 100, 2); break;
      case Std::LongYear: append_int(b, year, 4); break;
      case Std::Month: b += kShortMonths[month - 1]; break;
      case Std::LongMonth: b += kLongMonths[month - 1]; break;
      case Std::NumMonth: append_int(b, month, 0); break;
      case Std::ZeroMonth: append_int(b, month, 2); break;
      case Std::WeekDay: b += kShortDays[weekday]; break;
      case Std::LongWeekDay: b += kLongDays[weekday]; break;
      case Std::Day: append_int(b, day, 0); break;
      case Std::UnderDay:
        if (day < 10) b += ' ';
        append_int(b, day, 0);
        break;
      case Std::ZeroDay: append_int(b, day, 2); break;
      case Std::UnderYearDay:
        if (yday < 100) b += yday < 10 ? "  " : " ";
        append_int(b, yday, 0);
        break;
      case Std::ZeroYearDay: append_int(b, yday, 3); break;
      case Std::Hour: append_int(b, hour, 2); break;
      case Std::Hour12: append_int(b, hour % 12 == 0 ? 12 : hour % 12, 0); break;
      case Std::ZeroHour12: append_int(b, hour % 12 == 0 ? 12 : hour % 12, 2); break;
      case Std::Minute: append_int(b, min, 0); break;
      case Std::ZeroMinute: append_int(b, min, 2); break;
      case Std::Second: append_int(b, sec, 0); break;
      case Std::ZeroSecond: append_int(b, sec, 2); break;
      case Std::PM: b += hour >= 12 ? "PM" : "AM"; break;
      case Std::pm: b += hour >= 12 ? "pm" : "am"; break;
      case Std::TZ:
        if (!zone.name.empty()) {
          b += zone.name;
        } else {
          // No abbreviation known: Go prints the offset as -0700.
          int z = zone.offset / 60;
          b += z < 0 ? '-' : '+';
          if (z < 0) z = -z;
          append_int(b, z / 60, 2);
          append_int(b, z % 60, 2);
        }
        break;
      // ".000" always prints its digits; ".999" drops trailing zeros, and the separator too
      // when nothing is left.
      case Std::FracSecond0:
      case Std::FracSecond9: {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%09d", static_cast<int>(t.nsec));
        int n = std::min(c.frac_digits, 9);
        if (c.std == Std::FracSecond9) {
          while (n > 0 && buf[n - 1] == '0') --n;
          if (n == 0) break;
        }
        b += c.frac_sep;
        b.append(buf, static_cast<size_t>(n));
        break;
      }
      default: {
        // The numeric and ISO 8601 zone forms; the Z forms print "Z" for UTC.
        const Std s = c.std;
        const bool iso = s == Std::ISO8601TZ || s == Std::ISO8601ColonTZ || s == Std::ISO8601SecondsTZ ||
                         s == Std::ISO8601ShortTZ || s == Std::ISO8601ColonSecondsTZ;
        if (zone.offset == 0 && iso) {
          b += 'Z';
          break;
        }
        int z = zone.offset / 60, abs_offset = zone.offset;
        if (z < 0) {
          b += '-';
          z = -z;
          abs_offset = -abs_offset;
        } else {
          b += '+';
        }
        append_int(b, z / 60, 2);
        if (s == Std::ISO8601ColonTZ || s == Std::NumColonTZ || s == Std::ISO8601ColonSecondsTZ ||
            s == Std::NumColonSecondsTZ) {
          b += ':';
        }
        if (s != Std::NumShortTZ && s != Std::ISO8601ShortTZ) append_int(b, z % 60, 2);
        if (s == Std::ISO8601SecondsTZ || s == Std::NumSecondsTz || s == Std::NumColonSecondsTZ ||
            s == Std::ISO8601ColonSecondsTZ) {
          if (s == Std::NumColonSecondsTZ || s == Std::ISO8601ColonSecondsTZ) b += ':';
          append_int(b, abs_offset % 60, 2);
        }
        break;
      }
    }
  }
  return b;
}

Instant make_date(std::int64_t year, std::int64_t month, std::int64_t day, std::int64_t hour,
                  std::int64_t min, std::int64_t sec, std::int64_t nsec,
                  const std::shared_ptr<const Location>& loc) {
  // Fold nanoseconds into seconds, then let day arithmetic absorb the rest.
  sec += floor_div(nsec, 1000000000);
  nsec -= floor_div(nsec, 1000000000) * 1000000000;
  std::int64_t unix = days_from_civil(year, month, day) * 86400 + hour * 3600 + min * 60 + sec;
  // The offset valid at the wall time, corrected if that guess lands across a transition.
  ZoneAt z = loc->lookup(unix);
  if (z.offset != 0) {
    std::int64_t utc = unix - z.offset;
    if (utc < z.start || utc >= z.end) z = loc->lookup(utc);
    unix -= z.offset;
  }
  return Instant{unix, static_cast<std::int32_t>(nsec), loc};
}

// The wall clock only: Go's monotonic reading ("m=+0.01") is not kept, so printed times
// never carry it.
Instant now() {
  auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                std::chrono::system_clock::now().time_since_epoch()).count();
  return Instant{floor_div(ns, 1000000000), static_cast<std::int32_t>(ns - floor_div(ns, 1000000000) * 1000000000),
                 Location::local()};
}

}  // namespace sparkc::gotmpl::gotime
