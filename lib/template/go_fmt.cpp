// Go 1.19's fmt printer (print.go and format.go) over our Value type.
//
// The structure follows Go's on purpose: a Printer holds the flags of the verb being printed,
// print_arg handles a top-level operand, print_value recurses into lists and maps with the
// same flags (so a width pads every element, as in Go), and the fmt_* primitives pad and
// format one scalar. Go distinguishes an operand passed directly from one reached through a
// list or map (an interface element); the few visible differences are kept: a nil element
// prints "<nil>" unpadded whatever the verb, and %#v spells a top-level []byte "[]byte{...}"
// but a nested one "[]uint8{...}".
//
// Known differences from Go, where our Value model has nothing to match: %p prints as a bad
// verb for every type (Go prints addresses of maps and slices, which are never stable), and an
// Object prints through Object::print() for every verb except %T (Go would walk the fields
// of a struct that is not a Stringer).
#include "template/go_fmt.h"

#include <algorithm>
#include <cstdint>
#include <tuple>

#include "template/go_strconv.h"
#include "template/go_unicode.h"

namespace sparkc::gotmpl {

namespace {

constexpr const char* kLowerDigits = "0123456789abcdefx";
constexpr const char* kUpperDigits = "0123456789ABCDEFX";

// Width and precision above this are treated as garbage, as fmt's tooLarge does.
bool too_large(std::int64_t x) { return x > 1000000 || x < -1000000; }

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

// A parsed decimal number in a format string: value, whether digits were there, next index.
struct ParsedNum {
  int num = 0;
  bool ok = false;
  std::size_t next = 0;
};

// fmt's parsenum: digits from `start`; an absurdly long number consumes the whole format.
ParsedNum parse_num(std::string_view s, std::size_t start, std::size_t end) {
  ParsedNum p{0, false, end};
  if (start >= end) return p;
  std::int64_t num = 0;
  std::size_t i = start;
  for (; i < end && s[i] >= '0' && s[i] <= '9'; ++i) {
    if (too_large(num)) return {0, false, end};
    num = num * 10 + (s[i] - '0');
    p.ok = true;
  }
  p.num = static_cast<int>(num);
  p.next = i;
  return p;
}

class Printer {
 public:
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

void append_verb(std::string& out, char32_t verb) { utf8_append(out, verb); }

std::string_view Printer::truncate(std::string_view s) const {
  if (!f_.prec_present) return s;
  int n = prec_;
  std::size_t i = 0;
  while (i < s.size()) {
    if (--n < 0) return s.substr(0, i);
    std::size_t size = utf8_decode(s.substr(i)).size;
    i += size == 0 ? 1 : size;
  }
  return s;
}

void Printer::fmt_integer(std::uint64_t u, int base, bool is_signed, char32_t verb, const char* digits) {
  bool negative = is_signed && static_cast<std::int64_t>(u) < 0;
  if (negative) u = ~u + 1;
  // Two ways to ask for leading zeros: %.3d, or %03d (when no precision is given).
  int prec = 0;
  if (f_.prec_present) {
    prec = prec_;
    if (prec == 0 && u == 0) {  // %.0d prints nothing for zero, but still pads
      bool old = f_.zero;
      f_.zero = false;
      write_padding(wid_);
      f_.zero = old;
      return;
    }
  } else if (f_.zero && f_.wid_present) {
    prec = wid_;
    if (negative || f_.plus || f_.space) --prec;  // room for the sign
  }
  // Built right to left, then reversed.
  std::string s;
  do {
    s += digits[u % static_cast<unsigned>(base)];
    u /= static_cast<unsigned>(base);
  } while (u != 0);
  while (static_cast<int>(s.size()) < prec) s += '0';
  if (f_.sharp) {
    if (base == 2) s += "b0";
    if (base == 8 && s.back() != '0') s += '0';
    if (base == 16) {
      s += digits[16];
      s += '0';
    }
  }
  if (verb == 'O') s += "o0";
  if (negative) {
    s += '-';
  } else if (f_.plus) {
    s += '+';
  } else if (f_.space) {
    s += ' ';
  }
  std::reverse(s.begin(), s.end());
  pad_no_zero(s);
}

void Printer::fmt_unicode(std::uint64_t u) {
  int prec = 4;
  if (f_.prec_present && prec_ > 4) prec = prec_;
  std::string hex;
  for (std::uint64_t x = u; hex.empty() || x != 0; x >>= 4) hex += kUpperDigits[x & 0xF];
  while (static_cast<int>(hex.size()) < prec) hex += '0';
  std::reverse(hex.begin(), hex.end());
  std::string s = "U+" + hex;
  // %#U adds the character itself when it is printable.
  if (f_.sharp && u <= 0x10FFFF && is_print(static_cast<char32_t>(u))) {
    s += " '";
    utf8_append(s, static_cast<char32_t>(u));
    s += '\'';
  }
  pad_no_zero(s);
}

void Printer::fmt_c(std::uint64_t c) {
  char32_t r = c > 0x10FFFF ? kRuneError : static_cast<char32_t>(c);
  std::string s;
  utf8_append(s, r);
  pad(s);
}

void Printer::fmt_qc(std::uint64_t c) {
  char32_t r = c > 0x10FFFF ? kRuneError : static_cast<char32_t>(c);
  pad(go_quote_rune(r, f_.plus));
}

// Hex encoding of a string's bytes: % x separates bytes, %#x adds 0x (to each byte with space).
void Printer::fmt_sbx(std::string_view s, const char* digits) {
  int length = static_cast<int>(s.size());
  if (f_.prec_present && prec_ < length) length = prec_;
  int width = 2 * length;
  if (width > 0) {
    if (f_.space) {
      if (f_.sharp) width *= 2;
      width += length - 1;
    } else if (f_.sharp) {
      width += 2;
    }
  } else {
    if (f_.wid_present) write_padding(wid_);
    return;
  }
  if (f_.wid_present && wid_ > width && !f_.minus) write_padding(wid_ - width);
  if (f_.sharp) {
    buf += '0';
    buf += digits[16];
  }
  for (int i = 0; i < length; ++i) {
    if (f_.space && i > 0) {
      buf += ' ';
      if (f_.sharp) {
        buf += '0';
        buf += digits[16];
      }
    }
    auto c = static_cast<unsigned char>(s[static_cast<std::size_t>(i)]);
    buf += digits[c >> 4];
    buf += digits[c & 0xF];
  }
  if (f_.wid_present && wid_ > width && f_.minus) write_padding(wid_ - width);
}

void Printer::fmt_q(std::string_view s) {
  s = truncate(s);
  if (f_.sharp && go_can_backquote(s)) {
    pad("`" + std::string(s) + "`");
    return;
  }
  pad(go_quote(s, f_.plus));
}

void Printer::fmt_float(double v, char verb, int prec) {
  if (f_.prec_present) prec = prec_;
  // num always starts with a sign, so the sign logic below can look at num[0].
  std::string num = go_format_float(v, verb, prec);
  if (num[0] != '-' && num[0] != '+') num.insert(num.begin(), '+');
  if (f_.space && num[0] == '+' && !f_.plus) num[0] = ' ';
  // Infinities and NaN are not numbers to pad with zeros; NaN shows a sign only if asked.
  if (num[1] == 'I' || num[1] == 'N') {
    if (num[1] == 'N' && !f_.space && !f_.plus) num.erase(0, 1);
    pad_no_zero(num);
    return;
  }
  // %#g and friends keep trailing zeros and always show a decimal point.
  if (f_.sharp && verb != 'b') {
    int digits = 0;
    if (verb == 'v' || verb == 'g' || verb == 'G' || verb == 'x') digits = prec == -1 ? 6 : prec;
    std::string tail;  // the exponent, set aside while digits are counted
    bool has_point = false;
    bool saw_nonzero = false;
    for (std::size_t i = 1; i < num.size(); ++i) {
      char c = num[i];
      if (c == '.') {
        has_point = true;
        continue;
      }
      if (c == 'p' || c == 'P' || ((c == 'e' || c == 'E') && verb != 'x' && verb != 'X')) {
        tail = num.substr(i);
        num.resize(i);
        break;
      }
      if (c != '0') saw_nonzero = true;
      if (saw_nonzero) --digits;  // significant digits start at the first non-zero one
    }
    if (!has_point) {
      if (num.size() == 2 && num[1] == '0') --digits;  // a lone 0 counts as a digit
      num += '.';
    }
    for (; digits > 0; --digits) num += '0';
    num += tail;
  }
  if (f_.plus || num[0] != '+') {
    // Zero padding goes between the sign and the digits.
    if (f_.zero && f_.wid_present && wid_ > static_cast<int>(num.size())) {
      buf += num[0];
      write_padding(wid_ - static_cast<int>(num.size()));
      buf.append(num, 1);
      return;
    }
    pad(num);
    return;
  }
  pad(std::string_view(num).substr(1));
}

// %!verb(type=value), printed with the flags of the failed verb, as Go does.
void Printer::bad_verb(char32_t verb, const Value* v, std::string_view type_override) {
  buf += "%!";
  append_verb(buf, verb);
  buf += '(';
  if (v == nullptr || v->is_nil()) {
    buf += "<nil>";
  } else {
    buf += type_override.empty() ? v->go_type_name() : std::string(type_override);
    buf += '=';
    print_value(*v, 'v', 0);
  }
  buf += ')';
}

void Printer::print_bool(const Value& v, char32_t verb) {
  if (verb == 't' || verb == 'v') {
    pad(v.as_bool() ? "true" : "false");
  } else {
    bad_verb(verb, &v);
  }
}

void Printer::print_integer(const Value& v, std::uint64_t u, bool is_signed, char32_t verb,
                            std::string_view type_override) {
  switch (verb) {
    case 'v':
      if (f_.sharp_v && !is_signed) {
        fmt_0x64(u, true);
      } else {
        fmt_integer(u, 10, is_signed, verb, kLowerDigits);
      }
      return;
    case 'd': fmt_integer(u, 10, is_signed, verb, kLowerDigits); return;
    case 'b': fmt_integer(u, 2, is_signed, verb, kLowerDigits); return;
    case 'o':
    case 'O': fmt_integer(u, 8, is_signed, verb, kLowerDigits); return;
    case 'x': fmt_integer(u, 16, is_signed, verb, kLowerDigits); return;
    case 'X': fmt_integer(u, 16, is_signed, verb, kUpperDigits); return;
    case 'c': fmt_c(u); return;
    case 'q': fmt_qc(u); return;
    case 'U': fmt_unicode(u); return;
    default: bad_verb(verb, &v, type_override); return;
  }
}

void Printer::print_float(const Value& v, char32_t verb) {
  double d = v.as_float();
  switch (verb) {
    case 'v': fmt_float(d, 'g', -1); return;
    case 'b':
    case 'g':
    case 'G':
    case 'x':
    case 'X': fmt_float(d, static_cast<char>(verb), -1); return;
    case 'f':
    case 'e':
    case 'E': fmt_float(d, static_cast<char>(verb), 6); return;
    case 'F': fmt_float(d, 'f', 6); return;
    default: bad_verb(verb, &v); return;
  }
}

void Printer::print_string(const Value& v, std::string_view s, char32_t verb) {
  switch (verb) {
    case 'v':
      if (f_.sharp_v) {
        fmt_q(s);
      } else {
        fmt_s(s);
      }
      return;
    case 's': fmt_s(s); return;
    case 'x': fmt_sbx(s, kLowerDigits); return;
    case 'X': fmt_sbx(s, kUpperDigits); return;
    case 'q': fmt_q(s); return;
    default: bad_verb(verb, &v); return;
  }
}

// A byte slice printed as a list of uint8 values (verbs that do not treat it as text).
void Printer::print_byte_elements(std::string_view b, char32_t verb, std::string_view type_name) {
  if (f_.sharp_v) {
    buf += type_name;
    buf += '{';
  } else {
    buf += '[';
  }
  for (std::size_t i = 0; i < b.size(); ++i) {
    if (i > 0) buf += f_.sharp_v ? ", " : " ";
    auto c = static_cast<unsigned char>(b[i]);
    Value elem = Value::uint64(c);
    print_integer(elem, c, false, verb, "uint8");
  }
  buf += f_.sharp_v ? '}' : ']';
}

void Printer::print_bytes(const Value& v, char32_t verb, int depth) {
  std::string_view b = v.as_string();
  switch (verb) {
    case 's': fmt_s(b); return;
    case 'x': fmt_sbx(b, kLowerDigits); return;
    case 'X': fmt_sbx(b, kUpperDigits); return;
    case 'q': fmt_q(b); return;
    default:
      // A top-level []byte is spelled with its alias in %#v; reached through reflection it is
      // the plain type name.
      print_byte_elements(b, verb, depth == 0 ? "[]byte" : "[]uint8");
      return;
  }
}

void Printer::print_value(const Value& v, char32_t verb, int depth) {
  switch (v.type()) {
    case Type::Nil:
      // Only list and map elements get here (print_arg handles a nil operand): Go sees a nil
      // interface element and writes it without padding, whatever the verb.
      buf += f_.sharp_v ? "interface {}(nil)" : "<nil>";
      return;
    case Type::Bool: print_bool(v, verb); return;
    case Type::Int:
    case Type::Int64: print_integer(v, static_cast<std::uint64_t>(v.as_int()), true, verb); return;
    case Type::Uint64: print_integer(v, v.as_uint(), false, verb); return;
    case Type::Float64: print_float(v, verb); return;
    case Type::String: print_string(v, v.as_string(), verb); return;
    case Type::Bytes: print_bytes(v, verb, depth); return;
    case Type::List: {
      const List& l = v.as_list();
      if (f_.sharp_v) {
        buf += v.go_type_name();
        buf += '{';
      } else {
        buf += '[';
      }
      for (std::size_t i = 0; i < l.size(); ++i) {
        if (i > 0) buf += f_.sharp_v ? ", " : " ";
        print_value(l[i], verb, depth + 1);
      }
      buf += f_.sharp_v ? '}' : ']';
      return;
    }
    case Type::Map: {
      if (f_.sharp_v) {
        buf += v.go_type_name();
        buf += '{';
      } else {
        buf += "map[";
      }
      bool first = true;
      // Our maps are ordered by key, which is the order fmt sorts string keys into.
      for (const auto& [key, elem] : v.as_map()) {
        if (!first) buf += f_.sharp_v ? ", " : " ";
        first = false;
        Value k(key);
        print_value(k, verb, depth + 1);
        buf += ':';
        print_value(elem, verb, depth + 1);
      }
      buf += f_.sharp_v ? '}' : ']';
      return;
    }
    case Type::Object: {
      std::string s = v.as_object()->print();
      if (verb == 'x' || verb == 'X' || verb == 'q') {
        print_string(v, s, verb);
      } else {
        fmt_s(s);
      }
      return;
    }
  }
}

void Printer::print_arg(const Value& arg, char32_t verb) {
  if (arg.is_nil()) {
    if (verb == 'T' || verb == 'v') {
      pad("<nil>");
    } else {
      bad_verb(verb, nullptr);
    }
    return;
  }
  if (verb == 'T') {
    fmt_s(arg.go_type_name());
    return;
  }
  if (verb == 'p') {  // no stable addresses to print; see the file comment
    bad_verb(verb, &arg);
    return;
  }
  print_value(arg, verb, 0);
}

// fmt's argNumber: an explicit [n] index at format[i]; returns the new argument number, the
// index after it, and whether an index was found (a bad one marks the verb BADINDEX).
std::tuple<std::size_t, std::size_t, bool> Printer::arg_number(std::size_t arg_num,
                                                               std::string_view format,
                                                               std::size_t i, std::size_t num_args) {
  if (format.size() <= i || format[i] != '[') return {arg_num, i, false};
  reordered_ = true;
  std::string_view rest = format.substr(i);
  // parseArgNumber: "[" digits "]"; wid is how many bytes the bracket took.
  int index = 0;
  std::size_t wid = 1;
  bool ok = false;
  if (rest.size() >= 3) {
    for (std::size_t j = 1; j < rest.size(); ++j) {
      if (rest[j] != ']') continue;
      ParsedNum p = parse_num(rest, 1, j);
      wid = j + 1;
      if (p.ok && p.next == j) {
        index = p.num - 1;
        ok = true;
      }
      break;
    }
  }
  if (ok && index >= 0 && static_cast<std::size_t>(index) < num_args) {
    return {static_cast<std::size_t>(index), i + wid, true};
  }
  good_arg_num_ = false;
  return {arg_num, i + wid, ok};
}

// fmt's intFromArg: an operand used as a * width or precision.
struct IntArg {
  int num = 0;
  bool ok = false;
  std::size_t next = 0;
};

IntArg int_from_arg(std::span<const Value> a, std::size_t arg_num) {
  IntArg r{0, false, arg_num};
  if (arg_num >= a.size()) return r;
  const Value& v = a[arg_num];
  std::int64_t n = 0;
  if (v.type() == Type::Int || v.type() == Type::Int64) {
    n = v.as_int();
    r.ok = true;
  } else if (v.type() == Type::Uint64 && static_cast<std::int64_t>(v.as_uint()) >= 0) {
    n = static_cast<std::int64_t>(v.as_uint());
    r.ok = true;
  }
  r.next = arg_num + 1;
  if (too_large(n)) {
    n = 0;
    r.ok = false;
  }
  r.num = static_cast<int>(n);
  return r;
}

void Printer::do_printf(std::string_view format, std::span<const Value> a) {
  const std::size_t end = format.size();
  std::size_t arg_num = 0;
  bool after_index = false;  // the previous item was an [n] index
  reordered_ = false;
  std::size_t i = 0;
  while (i < end) {
    good_arg_num_ = true;
    std::size_t lasti = i;
    while (i < end && format[i] != '%') ++i;
    if (i > lasti) buf += format.substr(lasti, i - lasti);
    if (i >= end) break;
    ++i;  // skip %
    clear_flags();

    // Flags, and the fast path for a plain verb right after them.
    bool printed = false;
    for (; i < end; ++i) {
      char c = format[i];
      if (c == '#') {
        f_.sharp = true;
      } else if (c == '0') {
        f_.zero = !f_.minus;  // only pad with zeros on the left
      } else if (c == '+') {
        f_.plus = true;
      } else if (c == '-') {
        f_.minus = true;
        f_.zero = false;
      } else if (c == ' ') {
        f_.space = true;
      } else {
        if (c >= 'a' && c <= 'z' && arg_num < a.size()) {
          if (c == 'v') {
            f_.sharp_v = f_.sharp;
            f_.sharp = false;
            f_.plus_v = f_.plus;
            f_.plus = false;
          }
          print_arg(a[arg_num], static_cast<char32_t>(c));
          ++arg_num;
          ++i;
          printed = true;
        }
        break;
      }
    }
    if (printed) continue;

    std::tie(arg_num, i, after_index) = arg_number(arg_num, format, i, a.size());

    // Width: * takes it from an operand.
    if (i < end && format[i] == '*') {
      ++i;
      IntArg w = int_from_arg(a, arg_num);
      wid_ = w.num;
      f_.wid_present = w.ok;
      arg_num = w.next;
      if (!w.ok) buf += "%!(BADWIDTH)";
      if (wid_ < 0) {  // a negative width means left-justify
        wid_ = -wid_;
        f_.minus = true;
        f_.zero = false;
      }
      after_index = false;
    } else {
      ParsedNum p = parse_num(format, i, end);
      wid_ = p.num;
      f_.wid_present = p.ok;
      i = p.next;
      if (after_index && f_.wid_present) good_arg_num_ = false;  // "%[3]2d"
    }

    // Precision.
    if (i + 1 < end && format[i] == '.') {
      ++i;
      if (after_index) good_arg_num_ = false;  // "%[3].2d"
      std::tie(arg_num, i, after_index) = arg_number(arg_num, format, i, a.size());
      if (i < end && format[i] == '*') {
        ++i;
        IntArg p = int_from_arg(a, arg_num);
        prec_ = p.num;
        f_.prec_present = p.ok;
        arg_num = p.next;
        if (prec_ < 0) {  // a negative precision is no precision
          prec_ = 0;
          f_.prec_present = false;
        }
        if (!f_.prec_present) buf += "%!(BADPREC)";
        after_index = false;
      } else {
        ParsedNum p = parse_num(format, i, end);
        prec_ = p.num;
        f_.prec_present = p.ok;
        i = p.next;
        if (!f_.prec_present) {  // "%.d" means precision 0
          prec_ = 0;
          f_.prec_present = true;
        }
      }
    }

    if (!after_index) std::tie(arg_num, i, after_index) = arg_number(arg_num, format, i, a.size());

    if (i >= end) {
      buf += "%!(NOVERB)";
      break;
    }

    char32_t verb = static_cast<unsigned char>(format[i]);
    std::size_t size = 1;
    if (verb >= 0x80) {
      DecodedRune d = utf8_decode(format.substr(i));
      verb = d.rune;
      size = d.size;
    }
    i += size;

    if (verb == '%') {  // %% takes no operand and ignores width and precision
      buf += '%';
    } else if (!good_arg_num_) {
      buf += "%!";
      append_verb(buf, verb);
      buf += "(BADINDEX)";
    } else if (arg_num >= a.size()) {
      buf += "%!";
      append_verb(buf, verb);
      buf += "(MISSING)";
    } else {
      if (verb == 'v') {
        f_.sharp_v = f_.sharp;
        f_.sharp = false;
        f_.plus_v = f_.plus;
        f_.plus = false;
      }
      print_arg(a[arg_num], verb);
      ++arg_num;
    }
  }

  // Operands left over, unless explicit indexes made the count meaningless.
  if (!reordered_ && arg_num < a.size()) {
    clear_flags();
    buf += "%!(EXTRA ";
    for (std::size_t k = arg_num; k < a.size(); ++k) {
      if (k > arg_num) buf += ", ";
      if (a[k].is_nil()) {
        buf += "<nil>";
      } else {
        buf += a[k].go_type_name();
        buf += '=';
        print_arg(a[k], 'v');
      }
    }
    buf += ')';
  }
}

void Printer::do_print(std::span<const Value> a) {
  bool prev_string = false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    bool is_string = a[i].is_string();
    // A space between operands only when neither side is a string.
    if (i > 0 && !is_string && !prev_string) buf += ' ';
    clear_flags();
    print_arg(a[i], 'v');
    prev_string = is_string;
  }
}

void Printer::do_println(std::span<const Value> a) {
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (i > 0) buf += ' ';
    clear_flags();
    print_arg(a[i], 'v');
  }
  buf += '\n';
}

}  // namespace

std::string go_sprint(std::span<const Value> args) {
  Printer p;
  p.do_print(args);
  return std::move(p.buf);
}

std::string go_sprintln(std::span<const Value> args) {
  Printer p;
  p.do_println(args);
  return std::move(p.buf);
}

std::string go_sprintf(std::string_view format, std::span<const Value> args) {
  Printer p;
  p.do_printf(format, args);
  return std::move(p.buf);
}

std::string go_print_value(const Value& v) {
  Printer p;
  p.print_arg(v, 'v');
  return std::move(p.buf);
}

}  // namespace sparkc::gotmpl
