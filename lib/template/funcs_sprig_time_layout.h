// Go's time layout tokenizer (nextStdChunk), shared by Format and Parse.
#pragma once

#include <string_view>

namespace sparkc::gotmpl::gotime {

// Layout elements, as Go's std* constants.
enum class Std {
  None, LongMonth, Month, NumMonth, ZeroMonth, LongWeekDay, WeekDay, Day, UnderDay, ZeroDay,
  UnderYearDay, ZeroYearDay, Hour, Hour12, ZeroHour12, Minute, ZeroMinute, Second, ZeroSecond,
  LongYear, Year, PM, pm, TZ, ISO8601TZ, ISO8601SecondsTZ, ISO8601ShortTZ, ISO8601ColonTZ,
  ISO8601ColonSecondsTZ, NumTZ, NumSecondsTz, NumShortTZ, NumColonTZ, NumColonSecondsTZ,
  FracSecond0, FracSecond9,
};

// One step of Go's nextStdChunk: literal text, then an element (or None at the end).
struct Chunk {
  std::string_view prefix;
  Std std = Std::None;
  std::string_view std_text;
  std::string_view suffix;
  int frac_digits = 0;    // for FracSecond0/9
  char frac_sep = '.';    // '.' or ','
};

// Splits `layout` at its first element, as Go's nextStdChunk.
Chunk next_chunk(std::string_view layout);

// Month and day names as Go spells them.
extern const char* const kLongDays[7];
extern const char* const kShortDays[7];
extern const char* const kShortMonths[12];
extern const char* const kLongMonths[12];

}  // namespace sparkc::gotmpl::gotime
