// The printer behind go_fmt.h, shared by go_fmt.cpp (operands: print.go's printArg and
// printValue, format.go's primitives) and go_fmt_printf.cpp (format strings: doPrintf,
// doPrint, doPrintln). Private to the template module.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <tuple>

#include "sparkc/value.h"
#include "template/go_unicode.h"

namespace sparkc::gotmpl::fmt_detail {

inline constexpr const char* kLowerDigits = "0123456789abcdefx";
inline constexpr const char* kUpperDigits = "0123456789ABCDEFX";

// The flags of one verb, cleared before each.
struct Flags {
  bool wid_present = false;
  bool prec_present = false;
  bool minus = false;
  bool plus = false;
  bool sharp = false;
  bool space = false;
  bool zero = false;
  // %+v and %#v are distinct formats rather than flags on %v; Go moves plus and sharp here.
  bool plus_v = false;
  bool sharp_v = false;
};

// Go's pp: formats operands into buf, one verb at a time.
class Printer {
 public:
  // The output so far.
  std::string buf;

  void do_printf(std::string_view format, std::span<const Value> a);
  void do_print(std::span<const Value> a);
  void do_println(std::span<const Value> a);
  void print_arg(const Value& arg, char32_t verb);

 private:
  Flags f_;
  int wid_ = 0;
  int prec_ = 0;
  bool reordered_ = false;
  bool good_arg_num_ = true;

  void clear_flags() {
    f_ = Flags{};
    wid_ = 0;
    prec_ = 0;
  }

  // --- format.go primitives ---
  void write_padding(int n) {
    if (n > 0) buf.append(static_cast<std::size_t>(n), f_.zero ? '0' : ' ');
  }
  void pad(std::string_view s) {
    if (!f_.wid_present || wid_ == 0) {
      buf += s;
      return;
    }
    int width = wid_ - static_cast<int>(utf8_count(s));
    if (!f_.minus) write_padding(width);
    buf += s;
    if (f_.minus) write_padding(width);
  }
  // Pads with spaces even when the 0 flag is set (numbers handle zeros themselves).
  void pad_no_zero(std::string_view s) {
    bool old = f_.zero;
    f_.zero = false;
    pad(s);
    f_.zero = old;
  }
  std::string_view truncate(std::string_view s) const;
  void fmt_s(std::string_view s) { pad(truncate(s)); }
  void fmt_integer(std::uint64_t u, int base, bool is_signed, char32_t verb, const char* digits);
  void fmt_0x64(std::uint64_t u, bool leading_0x) {
    bool old = f_.sharp;
    f_.sharp = leading_0x;
    fmt_integer(u, 16, false, 'v', kLowerDigits);
    f_.sharp = old;
  }
  void fmt_unicode(std::uint64_t u);
  void fmt_c(std::uint64_t c);
  void fmt_qc(std::uint64_t c);
  void fmt_sbx(std::string_view s, const char* digits);
  void fmt_q(std::string_view s);
  void fmt_float(double v, char verb, int prec);

  // --- print.go: one operand ---
  void bad_verb(char32_t verb, const Value* v, std::string_view type_override = {});
  void print_bool(const Value& v, char32_t verb);
  void print_integer(const Value& v, std::uint64_t u, bool is_signed, char32_t verb,
                     std::string_view type_override = {});
  void print_float(const Value& v, char32_t verb);
  void print_string(const Value& v, std::string_view s, char32_t verb);
  void print_bytes(const Value& v, char32_t verb, int depth);
  void print_byte_elements(std::string_view b, char32_t verb, std::string_view type_name);
  void print_value(const Value& v, char32_t verb, int depth);

  // --- print.go: the format string ---
  std::tuple<std::size_t, std::size_t, bool> arg_number(std::size_t arg_num, std::string_view format,
                                                        std::size_t i, std::size_t num_args);
};

// Appends a verb (a rune of the format string) to out.
inline void append_verb(std::string& out, char32_t verb) { utf8_append(out, verb); }

}  // namespace sparkc::gotmpl::fmt_detail
