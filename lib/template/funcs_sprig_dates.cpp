// Sprig's date functions (date.go): formatting in a zone, parsing, modifying, durations.
//
// Dates are time.Time objects (GoTime). Like Sprig, the formatting functions accept a
// time.Time or unix seconds as int or int64 and silently use the current time for anything
// else (a float64 from YAML included).
#include <limits>

#include "sparkc/functions.h"
#include "template/funcs_sprig_cast.h"
#include "template/funcs_sprig_time_format.h"
#include "template/go_strconv.h"

namespace sparkc::gotmpl {
namespace {

using gotime::Instant;
using gotime::Location;

constexpr std::int64_t kSecond = 1000000000;

// time.Unix(sec, 0) in the Local location.
Instant from_unix(std::int64_t sec) { return Instant{sec, 0, Location::local()}; }

// The time Sprig's date(fmt, date) family takes from its interface{} argument.
// Note: Sprig's switch has no float64 case, so values from YAML (always float64) silently
// format the current time; charts must convert with int64 first.
Instant date_arg(const Value& v) {
  if (const Instant* t = gotime::as_time(v)) return *t;
  if (v.type() == Type::Int || v.type() == Type::Int64) return from_unix(v.as_int());
  return gotime::now();
}

// t.Sub(u) in nanoseconds, saturating at the int64 range as Go's Time.Sub does.
std::int64_t sub(const Instant& t, const Instant& u) {
  __int128 d = static_cast<__int128>(t.sec - u.sec) * kSecond + (t.nsec - u.nsec);
  if (d > std::numeric_limits<std::int64_t>::max()) return std::numeric_limits<std::int64_t>::max();
  if (d < std::numeric_limits<std::int64_t>::min()) return std::numeric_limits<std::int64_t>::min();
  return static_cast<std::int64_t>(d);
}

// Duration.Round(m) for m > 0: halves round away from zero, overflow saturates.
std::int64_t round_duration(std::int64_t d, std::int64_t m) {
  auto less_than_half = [](std::int64_t r, std::int64_t m) {
    return static_cast<std::uint64_t>(r) + static_cast<std::uint64_t>(r) < static_cast<std::uint64_t>(m);
  };
  std::int64_t r = d % m;
  if (d < 0) {
    r = -r;
    if (less_than_half(r, m)) return d + r;
    if (std::int64_t d1 = d - m + r; d1 < d) return d1;
    return std::numeric_limits<std::int64_t>::min();
  }
  if (less_than_half(r, m)) return d - r;
  if (std::int64_t d1 = d + m - r; d1 > d) return d1;
  return std::numeric_limits<std::int64_t>::max();
}

// An unknown zone name falls back to UTC rather than failing, as in Sprig.
std::string date_in_zone(const std::string& layout, const Value& date, std::string_view zone) {
  Instant t = date_arg(date);
  auto loc = Location::load(zone);
  t.loc = loc ? loc : Location::utc();
  return gotime::format_time(t, layout);
}

// Parameters Go declares as time.Time: the engine has no Param for them, so we check here;
// Go itself rejects such calls before the function runs, with different wording.
const Instant& time_param(const Value& v) {
  const Instant* t = gotime::as_time(v);
  if (!t) throw FuncError("wrong type for value; expected time.Time; got " + v.go_type_name());
  return *t;
}

// Time.Add: nanoseconds carried into seconds with the remainder kept in [0, 1e9).
Instant add_duration(Instant t, std::int64_t d) {
  std::int64_t ns = t.nsec + d % kSecond;
  t.sec += d / kSecond;
  if (ns >= kSecond) {
    ns -= kSecond;
    ++t.sec;
  } else if (ns < 0) {
    ns += kSecond;
    --t.sec;
  }
  t.nsec = static_cast<std::int32_t>(ns);
  return t;
}

// durationRound: a duration (string, int64 nanoseconds, or the time since a time.Time) shown
// as its largest whole unit: "2h", "3mo", "1y".
std::string duration_round(const Value& v) {
  std::int64_t d = 0;
  if (v.is_string()) {
    std::string ignored;
    d = gotime::parse_duration(v.as_string(), ignored).value_or(0);
  } else if (v.type() == Type::Int64) {
    d = v.as_int();
  } else if (const Instant* t = gotime::as_time(v)) {
    d = sub(gotime::now(), *t);
  }
  std::uint64_t u = static_cast<std::uint64_t>(d);
  if (d < 0) u = 0 - u;
  constexpr std::uint64_t hour = 3600ULL * kSecond, day = 24 * hour, month = 30 * day, year = 365 * day;
  constexpr std::uint64_t minute = 60ULL * kSecond, second = kSecond;
  // Strictly greater: exactly one hour is "60m", not "1h", as in Sprig.
  if (u > year) return std::to_string(u / year) + "y";
  if (u > month) return std::to_string(u / month) + "mo";
  if (u > day) return std::to_string(u / day) + "d";
  if (u > hour) return std::to_string(u / hour) + "h";
  if (u > minute) return std::to_string(u / minute) + "m";
  if (u > second) return std::to_string(u / second) + "s";
  return "0s";
}

}  // namespace

void register_sprig_dates(FunctionRegistry& r) {
  using S = std::span<const Value>;
  auto add = [&r](const char* name, Signature sig, Value (*fn)(S)) {
    r.add(name, std::move(sig), [fn](CallContext&, S a) { return fn(a); });
  };
  add("now", {}, [](S) { return gotime::time_value(gotime::now()); });
  add("date", {{Param::String, Param::Any}},
      [](S a) { return Value(date_in_zone(a[0].as_string(), a[1], "Local")); });
  for (const char* name : {"dateInZone", "date_in_zone"}) {
    add(name, {{Param::String, Param::Any, Param::String}},
        [](S a) { return Value(date_in_zone(a[0].as_string(), a[1], a[2].as_string())); });
  }
  add("htmlDate", {{Param::Any}}, [](S a) { return Value(date_in_zone("2006-01-02", a[0], "Local")); });
  add("htmlDateInZone", {{Param::Any, Param::String}},
      [](S a) { return Value(date_in_zone("2006-01-02", a[0], a[1].as_string())); });
  // dateModify returns the date unchanged when the duration does not parse; the must form
  // reports ParseDuration's error.
  for (const char* name : {"dateModify", "date_modify"}) {
    add(name, {{Param::String, Param::Any}}, [](S a) {
      const Instant& t = time_param(a[1]);
      std::string err;
      auto d = gotime::parse_duration(a[0].as_string(), err);
      return gotime::time_value(d ? add_duration(t, *d) : t);
    });
  }
  for (const char* name : {"mustDateModify", "must_date_modify"}) {
    add(name, {{Param::String, Param::Any}, false, true}, [](S a) {
      const Instant& t = time_param(a[1]);
      std::string err;
      auto d = gotime::parse_duration(a[0].as_string(), err);
      if (!d) throw FuncError(err);
      return gotime::time_value(add_duration(t, *d));
    });
  }
  add("ago", {{Param::Any}}, [](S a) {
    Instant t = gotime::now();
    if (const Instant* given = gotime::as_time(a[0])) {
      t = *given;
    } else if (a[0].type() == Type::Int || a[0].type() == Type::Int64) {
      t = from_unix(a[0].as_int());
    }
    return Value(gotime::format_duration(round_duration(sub(gotime::now(), t), kSecond)));
  });
  // duration takes seconds as a decimal string or an int64; anything else counts as 0.
  add("duration", {{Param::Any}}, [](S a) {
    std::int64_t n = 0;
    if (a[0].is_string()) {
      // Sprig drops ParseInt's error, keeping its value: 0, or the clamped bound on overflow.
      n = go_parse_int(a[0].as_string(), 10).value;
    } else if (a[0].type() == Type::Int64) {
      n = a[0].as_int();
    }
    return Value(gotime::format_duration(
        static_cast<std::int64_t>(static_cast<std::uint64_t>(n) * static_cast<std::uint64_t>(kSecond))));
  });
  add("durationRound", {{Param::Any}}, [](S a) { return Value(duration_round(a[0])); });
  // toDate gives the zero time when parsing fails; mustToDate reports the error.
  add("toDate", {{Param::String, Param::String}}, [](S a) {
    std::string err;
    auto t = gotime::parse_time(a[0].as_string(), a[1].as_string(), Location::local(), err);
    return gotime::time_value(t ? *t : Instant{});
  });
  add("mustToDate", {{Param::String, Param::String}, false, true}, [](S a) {
    std::string err;
    auto t = gotime::parse_time(a[0].as_string(), a[1].as_string(), Location::local(), err);
    if (!t) throw FuncError(err);
    return gotime::time_value(*t);
  });
  add("unixEpoch", {{Param::Any}}, [](S a) { return Value(std::to_string(time_param(a[0]).sec)); });
}

}  // namespace sparkc::gotmpl
