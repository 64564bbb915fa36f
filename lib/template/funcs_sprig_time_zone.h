// Go's time.Location: time zones read from the system's TZif files the way Go's time package
// reads them, so dates print with the same offsets and abbreviations as in Helm.
//
// We parse /usr/share/zoneinfo ourselves rather than setting TZ and calling localtime_r: that
// would mutate process-wide state under other threads, and the C library's rules for times
// past the last transition and before the first differ in details from Go's.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sparkc::gotmpl::gotime {

// The zone in effect at an instant, with the span of instants it covers ([start, end)).
struct ZoneAt {
  std::string name;        // abbreviation: "CET", "UTC", "" for an unnamed fixed zone
  int offset = 0;          // seconds east of UTC
  bool is_dst = false;
  std::int64_t start = 0;  // unix seconds
  std::int64_t end = 0;
};

class Location {
 public:
  // The UTC location (Go's time.UTC).
  static std::shared_ptr<const Location> utc();
  // Go's time.Local: $TZ if set (a zone name, or a path after ':' or '/'), else /etc/localtime;
  // UTC when none of them loads. Read once per process.
  static std::shared_ptr<const Location> local();
  // time.LoadLocation: "" and "UTC" give UTC, "Local" gives local(), other names are read from
  // $ZONEINFO or /usr/share/zoneinfo; nullptr when the name is invalid or not found.
  static std::shared_ptr<const Location> load(std::string_view name);
  // time.FixedZone(name, offset).
  static std::shared_ptr<const Location> fixed(std::string name, int offset);
  // Parses TZif data (versions 1 to 3) as Go's LoadLocationFromTZData; nullptr when malformed.
  static std::shared_ptr<const Location> from_tzif(std::string name, std::string_view data);

  // The zone in effect at `unix` seconds (Go's Location.lookup).
  ZoneAt lookup(std::int64_t unix) const;
  // The offset of the zone abbreviated `abbrev` around `unix` (Go's lookupName), for Parse.
  std::optional<int> lookup_name(std::string_view abbrev, std::int64_t unix) const;
  const std::string& name() const { return name_; }

 private:
  struct Zone {
    std::string name;
    int offset = 0;
    bool is_dst = false;
  };
  struct Transition {
    std::int64_t when = 0;
    std::uint8_t index = 0;
  };
  size_t first_zone() const;

  std::string name_;
  std::vector<Zone> zones_;
  std::vector<Transition> tx_;
  std::string extend_;  // POSIX TZ rule for instants after the last transition
};

// Days since 1970-01-01 of a proleptic Gregorian date (month and day may overflow).
std::int64_t days_from_civil(std::int64_t y, std::int64_t m, std::int64_t d);
// The date of a day number counted from 1970-01-01.
void civil_from_days(std::int64_t z, std::int64_t& y, int& m, int& d);
bool is_leap(std::int64_t year);
int days_in_month(int month, std::int64_t year);

}  // namespace sparkc::gotmpl::gotime
