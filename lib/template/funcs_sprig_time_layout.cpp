// Go's time layout tokenizer; see funcs_sprig_time_layout.h.
#include "template/funcs_sprig_time_layout.h"

namespace sparkc::gotmpl::gotime {
namespace {

bool starts_lower(std::string_view s) { return !s.empty() && s[0] >= 'a' && s[0] <= 'z'; }
bool digit_at(std::string_view s, size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; }

}  // namespace

// The checks run in Go's order, which decides ambiguous spellings: "Jan" but not "Janet",
// "01" as a month before "1", "-0700" before "-07", "_2006" as "_" plus the year.
Chunk next_chunk(std::string_view layout) {
  // Splits at i: text before, the element of `len` bytes, the rest.
  auto cut = [&](size_t i, Std std, size_t len) {
    return Chunk{layout.substr(0, i), std, layout.substr(i, len), layout.substr(i + len)};
  };
  auto at = [&](size_t i, std::string_view w) { return layout.substr(i, w.size()) == w; };
  for (size_t i = 0; i < layout.size(); ++i) {
    switch (layout[i]) {
      case 'J':
        if (at(i, "Jan")) {
          if (at(i, "January")) return cut(i, Std::LongMonth, 7);
          if (!starts_lower(layout.substr(i + 3))) return cut(i, Std::Month, 3);
        }
        break;
      case 'M':
        if (at(i, "Mon")) {
          if (at(i, "Monday")) return cut(i, Std::LongWeekDay, 6);
          if (!starts_lower(layout.substr(i + 3))) return cut(i, Std::WeekDay, 3);
        }
        if (at(i, "MST")) return cut(i, Std::TZ, 3);
        break;
      case '0':
        if (i + 1 < layout.size() && layout[i + 1] >= '1' && layout[i + 1] <= '6') {
          static const Std kZero[] = {Std::ZeroMonth, Std::ZeroDay, Std::ZeroHour12,
                                      Std::ZeroMinute, Std::ZeroSecond, Std::Year};
          return cut(i, kZero[layout[i + 1] - '1'], 2);
        }
        if (at(i, "002")) return cut(i, Std::ZeroYearDay, 3);
        break;
      case '1':
        if (at(i, "15")) return cut(i, Std::Hour, 2);
        return cut(i, Std::NumMonth, 1);
      case '2':
        if (at(i, "2006")) return cut(i, Std::LongYear, 4);
        return cut(i, Std::Day, 1);
      case '_':
        if (at(i, "_2")) {
          // "_2006" is a literal underscore followed by the long year.
          if (at(i + 1, "2006")) return Chunk{layout.substr(0, i + 1), Std::LongYear, layout.substr(i + 1, 4), layout.substr(i + 5)};
          return cut(i, Std::UnderDay, 2);
        }
        if (at(i, "__2")) return cut(i, Std::UnderYearDay, 3);
        break;
      case '3': return cut(i, Std::Hour12, 1);
      case '4': return cut(i, Std::Minute, 1);
      case '5': return cut(i, Std::Second, 1);
      case 'P':
        if (at(i, "PM")) return cut(i, Std::PM, 2);
        break;
      case 'p':
        if (at(i, "pm")) return cut(i, Std::pm, 2);
        break;
      case '-':
        if (at(i, "-070000")) return cut(i, Std::NumSecondsTz, 7);
        if (at(i, "-07:00:00")) return cut(i, Std::NumColonSecondsTZ, 9);
        if (at(i, "-0700")) return cut(i, Std::NumTZ, 5);
        if (at(i, "-07:00")) return cut(i, Std::NumColonTZ, 6);
        if (at(i, "-07")) return cut(i, Std::NumShortTZ, 3);
        break;
      case 'Z':
        if (at(i, "Z070000")) return cut(i, Std::ISO8601SecondsTZ, 7);
        if (at(i, "Z07:00:00")) return cut(i, Std::ISO8601ColonSecondsTZ, 9);
        if (at(i, "Z0700")) return cut(i, Std::ISO8601TZ, 5);
        if (at(i, "Z07:00")) return cut(i, Std::ISO8601ColonTZ, 6);
        if (at(i, "Z07")) return cut(i, Std::ISO8601ShortTZ, 3);
        break;
      case '.':
      case ',':
        // A run of 0s or 9s after the separator, not followed by another digit.
        if (i + 1 < layout.size() && (layout[i + 1] == '0' || layout[i + 1] == '9')) {
          char ch = layout[i + 1];
          size_t j = i + 1;
          while (j < layout.size() && layout[j] == ch) ++j;
          if (!digit_at(layout, j)) {
            Chunk c = cut(i, ch == '0' ? Std::FracSecond0 : Std::FracSecond9, j - i);
            c.frac_digits = static_cast<int>(j - (i + 1));
            c.frac_sep = layout[i];
            return c;
          }
        }
        break;
      default: break;
    }
  }
  return Chunk{layout, Std::None, {}, {}};
}


const char* const kLongDays[7] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
const char* const kShortDays[7] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
const char* const kShortMonths[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
const char* const kLongMonths[12] = {"January", "February", "March", "April", "May", "June", "July",
                                     "August", "September", "October", "November", "December"};

}  // namespace sparkc::gotmpl::gotime
