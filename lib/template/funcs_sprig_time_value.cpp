// The time.Time template value: printing, fields and the methods charts call on it.
#include "template/funcs_sprig_time_format.h"

namespace sparkc::gotmpl::gotime {
namespace {

// The date parts of an instant in its own location.
struct Civil {
  std::int64_t year = 0;
  int month = 0, day = 0, yday = 0, hour = 0, min = 0, sec = 0, weekday = 0;
};

Civil civil(const Instant& t) {
  std::int64_t local = t.sec + t.loc->lookup(t.sec).offset;
  std::int64_t days = local / 86400 - (local % 86400 < 0 ? 1 : 0);
  std::int64_t secs = local - days * 86400;
  Civil c;
  civil_from_days(days, c.year, c.month, c.day);
  c.yday = static_cast<int>(days - days_from_civil(c.year, 1, 1)) + 1;
  c.weekday = static_cast<int>(((days % 7) + 11) % 7);
  c.hour = static_cast<int>(secs / 3600);
  c.min = static_cast<int>(secs / 60 % 60);
  c.sec = static_cast<int>(secs % 60);
  return c;
}

const char* const kMonthNames[] = {"January", "February", "March", "April", "May", "June", "July",
                                   "August", "September", "October", "November", "December"};
const char* const kDayNames[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

// Time.Add with the nanoseconds normalised into [0, 1e9).
Instant add_nanos(const Instant& t, std::int64_t d) {
  Instant out = t;
  std::int64_t ns = t.nsec + d % 1000000000;
  out.sec += d / 1000000000 + (ns >= 1000000000 ? 1 : 0) - (ns < 0 ? 1 : 0);
  out.nsec = static_cast<std::int32_t>(ns >= 1000000000 ? ns - 1000000000 : (ns < 0 ? ns + 1000000000 : ns));
  return out;
}

const Instant& time_arg(const Value& v) {
  const Instant* t = as_time(v);
  if (!t) throw FuncError("wrong type for value; expected time.Time; got " + v.go_type_name());
  return *t;
}

// Orders instants; locations do not matter (Before, After, Equal compare instants).
int compare(const Instant& a, const Instant& b) {
  if (a.sec != b.sec) return a.sec < b.sec ? -1 : 1;
  if (a.nsec != b.nsec) return a.nsec < b.nsec ? -1 : 1;
  return 0;
}

// The methods with arguments; each is bound to the receiver on the call.
const std::map<std::string, Function, std::less<>>& method_table() {
  static const auto table = [] {
    std::map<std::string, Function, std::less<>> m;
    auto add = [&m](const char* name, Signature sig) { m.emplace(name, Function{name, std::move(sig), nullptr}); };
    add("Format", {{Param::String}});
    add("Add", {{Param::Int64}});
    add("AddDate", {{Param::Int, Param::Int, Param::Int}});
    add("Before", {{Param::Any}});
    add("After", {{Param::Any}});
    add("Equal", {{Param::Any}});
    return m;
  }();
  return table;
}

}  // namespace

Value time_value(Instant t) { return Value(std::make_shared<GoTime>(std::move(t))); }

const Instant* as_time(const Value& v) {
  if (!v.is_object()) return nullptr;
  const auto* t = dynamic_cast<const GoTime*>(v.as_object().get());
  return t ? &t->instant() : nullptr;
}

std::string GoTime::print() const { return format_time(t_, "2006-01-02 15:04:05.999999999 -0700 MST"); }

// encoding/json marshals a time.Time as an RFC 3339 string with nanoseconds.
Value GoTime::to_data() const { return Value(format_time(t_, "2006-01-02T15:04:05.999999999Z07:00")); }

bool GoTime::equals(const Object& other) const {
  const auto* o = dynamic_cast<const GoTime*>(&other);
  return o && compare(t_, o->t_) == 0 && t_.loc == o->t_.loc;
}

std::optional<Value> GoTime::field(std::string_view name) const {
  const Civil c = civil(t_);
  if (name == "Year") return Value::integer(c.year);
  if (name == "Month") return Value(kMonthNames[c.month - 1]);  // a time.Month prints its name
  if (name == "Day") return Value::integer(c.day);
  if (name == "Hour") return Value::integer(c.hour);
  if (name == "Minute") return Value::integer(c.min);
  if (name == "Second") return Value::integer(c.sec);
  if (name == "Nanosecond") return Value::integer(t_.nsec);
  if (name == "YearDay") return Value::integer(c.yday);
  if (name == "Weekday") return Value(kDayNames[c.weekday]);  // a time.Weekday prints its name
  if (name == "Unix") return Value::int64(t_.sec);
  if (name == "UnixMilli") return Value::int64(t_.sec * 1000 + t_.nsec / 1000000);
  if (name == "UnixNano") return Value::int64(t_.sec * 1000000000 + t_.nsec);
  if (name == "IsZero") return Value(t_.sec == Instant{}.sec && t_.nsec == 0);
  if (name == "String") return Value(print());
  if (name == "UTC") return time_value(Instant{t_.sec, t_.nsec, Location::utc()});
  if (name == "Local") return time_value(Instant{t_.sec, t_.nsec, Location::local()});
  return std::nullopt;
}

const Function* GoTime::method(std::string_view name) const {
  const auto& table = method_table();
  auto it = table.find(name);
  if (it == table.end()) return nullptr;
  // Bind the receiver: the table holds signatures, each object its own callables.
  // Not thread-safe: a time value belongs to the one execution that created it.
  auto [slot, inserted] = bound_.try_emplace(std::string(name), it->second);
  if (inserted) {
    const Instant self = t_;
    const std::string n(name);
    slot->second.fn = [self, n](CallContext&, std::span<const Value> a) -> Value {
      if (n == "Format") return Value(format_time(self, a[0].as_string()));
      if (n == "Add") return time_value(add_nanos(self, a[0].as_int()));
      if (n == "AddDate") {
        const Civil c = civil(self);
        Instant d = make_date(c.year + a[0].as_int(), c.month + a[1].as_int(), c.day + a[2].as_int(), c.hour,
                              c.min, c.sec, self.nsec, self.loc);
        return time_value(d);
      }
      const int cmp = compare(self, time_arg(a[0]));
      if (n == "Before") return Value(cmp < 0);
      if (n == "After") return Value(cmp > 0);
      return Value(cmp == 0);
    };
  }
  return &slot->second;
}

}  // namespace sparkc::gotmpl::gotime
