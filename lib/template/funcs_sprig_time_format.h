// Go's time.Time as a template value, with its layout-based Format and Parse, and Go's
// Duration printing and parsing, for Sprig's date functions.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "sparkc/functions.h"
#include "template/funcs_sprig_time_zone.h"

namespace sparkc::gotmpl::gotime {

// An instant (unix seconds plus nanoseconds) seen in a location.
struct Instant {
  std::int64_t sec = -62135596800;  // the zero Time: January 1, year 1, 00:00:00 UTC
  std::int32_t nsec = 0;
  std::shared_ptr<const Location> loc = Location::utc();
};

// time.Time.Format(layout): every layout element Go knows (2006 01 Jan January 02 _2 002 15 03
// 04 05 PM MST -0700 Z07:00 .000 .999 Monday ...), the rest copied literally.
std::string format_time(const Instant& t, std::string_view layout);

// time.ParseInLocation(layout, value, loc); on failure, Go's ParseError text in `error`.
std::optional<Instant> parse_time(std::string_view layout, std::string_view value,
                                  const std::shared_ptr<const Location>& loc, std::string& error);

// time.Duration.String(): "1h2m3.5s", "1.5ms", "0s".
std::string format_duration(std::int64_t d);

// time.ParseDuration; on failure, Go's error text in `error`.
std::optional<std::int64_t> parse_duration(std::string_view s, std::string& error);

// time.Now() in the Local location (without Go's monotonic reading).
Instant now();

// time.Date(...) in `loc`, normalising overflowing fields as Go does.
Instant make_date(std::int64_t year, std::int64_t month, std::int64_t day, std::int64_t hour,
                  std::int64_t min, std::int64_t sec, std::int64_t nsec,
                  const std::shared_ptr<const Location>& loc);

// A time.Time value in a template: prints as Time.String() without the monotonic clock
// reading, offers Format, Unix, Year and other common methods.
class GoTime : public MethodObject {
 public:
  explicit GoTime(Instant t) : t_(std::move(t)) {}
  const Instant& instant() const { return t_; }
  std::string go_type_name() const override { return "time.Time"; }
  std::string kind_name() const override { return "struct"; }
  std::optional<Value> field(std::string_view name) const override;
  const Function* method(std::string_view name) const override;
  std::string print() const override;
  Value to_data() const override;
  bool equals(const Object& other) const override;

 private:
  Instant t_;
  // Methods bound to this receiver, made on first use.
  mutable std::map<std::string, Function, std::less<>> bound_;
};

// Wraps an instant as a template Value.
Value time_value(Instant t);
// The instant inside a time.Time value, or nullptr when `v` is not one.
const Instant* as_time(const Value& v);

}  // namespace sparkc::gotmpl::gotime
