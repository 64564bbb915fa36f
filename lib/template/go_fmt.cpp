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

#include "template/go_fmt_printer.h"
#include "template/go_strconv.h"
#include "template/go_unicode.h"

namespace sparkc::gotmpl::fmt_detail {

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

}  // namespace sparkc::gotmpl::fmt_detail
