// Go 1.19's fmt entry points: Sprintf's format-string walk (doPrintf: flags, width, precision,
// [n] argument indexes, * operands and the %!(...) error forms), Sprint and Sprintln.
#include <cstdint>
#include <tuple>

#include "template/go_fmt.h"
#include "template/go_fmt_printer.h"
#include "template/go_unicode.h"

namespace sparkc::gotmpl {

namespace fmt_detail {

namespace {

// Width and precision above this are treated as garbage, as fmt's tooLarge does.
bool too_large(std::int64_t x) { return x > 1000000 || x < -1000000; }

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

}  // namespace

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

}  // namespace fmt_detail

using fmt_detail::Printer;

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
