// Go 1.19 text/template's builtin functions (funcs.go): and, or, not, len, index, slice, print,
// printf, println, html, js, urlquery, call, and the comparisons eq, ne, lt, le, gt, ge.
//
// Every function takes interface{} parameters, as Go's take reflect.Value, and reproduces
// Go's error text; the engine prefixes "error calling NAME: ". Values reach these functions
// already unwrapped from interfaces (Go's indirectInterface), so a nil argument is Go's
// "untyped nil", and a nil met while indexing through a chain is Go's nil interface element.
#include <cstdint>
#include <string>

#include "sparkc/functions.h"
#include "template/go_fmt.h"
#include "template/go_strconv.h"
#include "template/go_unicode.h"
#include "template/value_ops.h"

namespace sparkc::gotmpl {

namespace {

using Args = std::span<const Value>;

[[noreturn]] void fail(std::string msg) { throw FuncError(std::move(msg)); }

// --- and, or, not -----------------------------------------------------------------------------

// The executor short-circuits and/or; called as plain functions they return the first
// argument that decides the result, or the last one.
Value and_fn(CallContext&, Args args) {
  for (const Value& v : args) {
    if (!is_true(v)) return v;
  }
  return args.empty() ? Value() : args.back();
}

Value or_fn(CallContext&, Args args) {
  for (const Value& v : args) {
    if (is_true(v)) return v;
  }
  return args.empty() ? Value() : args.back();
}

Value not_fn(CallContext&, Args args) { return Value(!is_true(args[0])); }

// --- len, index, slice ------------------------------------------------------------------------

Value len_fn(CallContext&, Args args) {
  const Value& v = args[0];
  // Go's length calls item.Type() on an invalid reflect.Value, which panics.
  if (is_zero_reflect_value(v)) fail("reflect: call of reflect.Value.Type on zero Value");
  switch (v.type()) {
    case Type::Nil: fail("len of nil pointer");
    case Type::String:
    case Type::Bytes: return Value::integer(static_cast<std::int64_t>(v.as_string().size()));
    case Type::List: return Value::integer(static_cast<std::int64_t>(v.as_list().size()));
    case Type::Map: return Value::integer(static_cast<std::int64_t>(v.as_map().size()));
    case Type::Object: {
      // Host objects whose Go type is a map or slice (Helm's .Files) have a length.
      const std::string kind = v.as_object()->kind_name();
      if (kind == "map" || kind == "slice") {
        Value data = v.as_object()->to_data();
        if (data.is_map()) return Value::integer(static_cast<std::int64_t>(data.as_map().size()));
        if (data.is_list()) return Value::integer(static_cast<std::int64_t>(data.as_list().size()));
      }
      fail("len of type " + v.go_type_name());
    }
    default: fail("len of type " + v.go_type_name());
  }
}

// Go's indexArg: an integer index into something of length `cap` (cap itself is accepted
// here and rejected later, which is why index and slice word the two errors differently).
std::int64_t index_arg(const Value& index, std::size_t cap) {
  std::int64_t x = 0;
  switch (index.type()) {
    case Type::Int:
    case Type::Int64:
    case Type::Uint64: x = index.as_int(); break;
    case Type::Nil: fail("cannot index slice/array with nil");
    default: fail("cannot index slice/array with type " + index.go_type_name());
  }
  if (x < 0 || static_cast<std::uint64_t>(x) > cap) fail("index out of range: " + std::to_string(x));
  return x;
}

// The value Go's reflect.Zero gives for a missing key of a map with this element type.
Value zero_of(ElemType elem) {
  switch (elem) {
    case ElemType::Any: return Value();
    case ElemType::String: return Value("");
    case ElemType::Int: return Value::integer(0);
    case ElemType::Int64: return Value::int64(0);
    case ElemType::Float64: return Value::float64(0);
    case ElemType::Bool: return Value(false);
    case ElemType::AnyList: return Value::list({});
    case ElemType::Bytes: return Value::bytes("");
  }
  return Value();
}

// Indexing a string or []byte gives a byte. Go's type is uint8, which Value does not have;
// uint64 prints the same with every verb but %T.
Value byte_at(const std::string& s, std::int64_t i) {
  return Value::uint64(static_cast<unsigned char>(s[static_cast<std::size_t>(i)]));
}

Value index_fn(CallContext&, Args args) {
  Value item = args[0];
  if (item.is_nil()) fail("index of untyped nil");
  for (std::size_t k = 1; k < args.size(); ++k) {
    const Value& index = args[k];
    if (item.is_nil()) fail("index of nil pointer");  // a nil element met on the way
    switch (item.type()) {
      case Type::List: {
        const List& l = item.as_list();
        std::int64_t x = index_arg(index, l.size());
        if (static_cast<std::size_t>(x) == l.size()) fail("reflect: slice index out of range");
        item = l[static_cast<std::size_t>(x)];
        break;
      }
      case Type::Bytes:
      case Type::String: {
        const std::string& s = item.as_string();
        std::int64_t x = index_arg(index, s.size());
        if (static_cast<std::size_t>(x) == s.size()) {
          fail(item.is_string() ? "reflect: string index out of range" : "reflect: slice index out of range");
        }
        item = byte_at(s, x);
        break;
      }
      case Type::Map: {
        // Keys are strings; Go converts the index to the key type or refuses.
        if (index.is_nil()) fail("value is nil; should be of type string");
        if (!index.is_string()) fail("value has type " + index.go_type_name() + "; should be string");
        const Value* found = item.find(index.as_string());
        item = found != nullptr ? *found : zero_of(item.elem_type());
        break;
      }
      default: fail("can't index item of type " + item.go_type_name());
    }
  }
  return item;
}

Value slice_fn(CallContext&, Args args) {
  const Value& item = args[0];
  if (item.is_nil()) fail("slice of untyped nil");
  std::size_t nidx = args.size() - 1;
  if (nidx > 3) fail("too many slice indexes: " + std::to_string(nidx));
  std::size_t len = 0;
  switch (item.type()) {
    case Type::String:
      if (nidx == 3) fail("cannot 3-index slice a string");
      len = item.as_string().size();
      break;
    case Type::Bytes: len = item.as_string().size(); break;
    case Type::List: len = item.as_list().size(); break;
    default: fail("can't slice item of type " + item.go_type_name());
  }
  // Our slices have no spare capacity, so cap == len.
  std::int64_t idx[3] = {0, static_cast<std::int64_t>(len), 0};
  for (std::size_t i = 0; i < nidx; ++i) idx[i] = index_arg(args[i + 1], len);
  if (idx[0] > idx[1]) fail("invalid slice index: " + std::to_string(idx[0]) + " > " + std::to_string(idx[1]));
  if (nidx == 3 && idx[1] > idx[2]) {
    fail("invalid slice index: " + std::to_string(idx[1]) + " > " + std::to_string(idx[2]));
  }
  auto from = static_cast<std::size_t>(idx[0]);
  auto n = static_cast<std::size_t>(idx[1] - idx[0]);
  if (item.is_string()) return Value(item.as_string().substr(from, n));
  if (item.type() == Type::Bytes) return Value::bytes(item.as_string().substr(from, n));
  const List& l = item.as_list();
  return Value::list(List(l.begin() + static_cast<std::ptrdiff_t>(from),
                          l.begin() + static_cast<std::ptrdiff_t>(from + n)),
                     item.elem_type());
}

// --- print, printf, println, call ------------------------------------------------------------

Value print_fn(CallContext&, Args args) { return Value(go_sprint(args)); }
Value println_fn(CallContext&, Args args) { return Value(go_sprintln(args)); }
Value printf_fn(CallContext&, Args args) { return Value(go_sprintf(args[0].as_string(), args.subspan(1))); }

// There are no function values in templates we render, so call always fails as Go does for
// a non-function.
Value call_fn(CallContext&, Args args) {
  if (args[0].is_nil()) fail("call of nil");
  fail("non-function of type " + args[0].go_type_name());
}

// --- html, js, urlquery -----------------------------------------------------------------------

// Go's evalArgs: a single string argument as is, otherwise fmt.Sprint of the arguments,
// with a nil argument printed as "<no value>".
std::string eval_args(Args args) {
  if (args.size() == 1 && args[0].is_string()) return args[0].as_string();
  List printable(args.begin(), args.end());
  for (Value& v : printable) {
    if (v.is_nil()) v = Value("<no value>");
  }
  return go_sprint(printable);
}

// template.HTMLEscapeString; NUL becomes U+FFFD.
std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '\0': out += "\xEF\xBF\xBD"; break;
      case '"': out += "&#34;"; break;
      case '\'': out += "&#39;"; break;
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      default: out += c;
    }
  }
  return out;
}

// template.JSEscapeString: quotes, backslash and HTML-significant characters escaped, control
// characters as \u00XX, non-printable runes as \uXXXX. An invalid byte decodes to U+FFFD,
// which is printable, so Go copies the raw byte through.
std::string js_escape(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  while (!s.empty()) {
    auto c = static_cast<unsigned char>(s[0]);
    if (c < 0x80) {
      switch (c) {
        case '\\': out += "\\\\"; break;
        case '\'': out += "\\'"; break;
        case '"': out += "\\\""; break;
        case '<': out += "\\u003C"; break;
        case '>': out += "\\u003E"; break;
        case '&': out += "\\u0026"; break;
        case '=': out += "\\u003D"; break;
        default:
          if (c < ' ') {
            out += "\\u00";
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
          } else {
            out += static_cast<char>(c);
          }
      }
      s.remove_prefix(1);
      continue;
    }
    DecodedRune d = utf8_decode(s);
    if (is_print(d.rune)) {
      out += s.substr(0, d.size);
    } else {
      out += "\\u";
      std::string hex;
      for (char32_t r = d.rune; hex.empty() || r != 0; r >>= 4) hex.insert(hex.begin(), kHex[r & 0xF]);
      while (hex.size() < 4) hex.insert(hex.begin(), '0');
      out += hex;
    }
    s.remove_prefix(d.size);
  }
  return out;
}

// url.QueryEscape: letters, digits and -_.~ stay, space becomes +, all else is %XX.
std::string query_escape(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_' || c == '.' || c == '~';
    if (unreserved) {
      out += ch;
    } else if (c == ' ') {
      out += '+';
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

Value html_fn(CallContext&, Args args) { return Value(html_escape(eval_args(args))); }
Value js_fn(CallContext&, Args args) { return Value(js_escape(eval_args(args))); }
Value urlquery_fn(CallContext&, Args args) { return Value(query_escape(eval_args(args))); }

// --- comparisons ------------------------------------------------------------------------------

// Go's basicKind: the comparison class of a value; Invalid for everything eq cannot order.
enum class Kind { Invalid, Bool, Int, Float, String, Uint };

Kind basic_kind(const Value& v) {
  switch (v.type()) {
    case Type::Bool: return Kind::Bool;
    case Type::Int:
    case Type::Int64: return Kind::Int;
    case Type::Uint64: return Kind::Uint;
    case Type::Float64: return Kind::Float;
    case Type::String: return Kind::String;
    default: return Kind::Invalid;
  }
}

constexpr const char* kBadComparisonType = "invalid type for comparison";
constexpr const char* kBadComparison = "incompatible types for comparison";

// reflect.Kind of a value, for eq's check that two non-basic values are of one kind.
std::string reflect_kind(const Value& v) { return v.kind_name(); }

// eq for two arguments; throws Go's errors.
bool equal(const Value& a, const Value& b) {
  Kind ka = basic_kind(a);
  Kind kb = basic_kind(b);
  if (ka != kb) {
    if (ka == Kind::Int && kb == Kind::Uint) return a.as_int() >= 0 && a.as_uint() == b.as_uint();
    if (ka == Kind::Uint && kb == Kind::Int) return b.as_int() >= 0 && a.as_uint() == b.as_uint();
    if (!a.is_nil() && !b.is_nil()) fail(kBadComparison);
    return false;
  }
  switch (ka) {
    case Kind::Bool: return a.as_bool() == b.as_bool();
    case Kind::Int: return a.as_int() == b.as_int();
    case Kind::Uint: return a.as_uint() == b.as_uint();
    case Kind::Float: return a.as_float() == b.as_float();
    case Kind::String: return a.as_string() == b.as_string();
    case Kind::Invalid: break;
  }
  // Neither is a basic kind: nil, slices, maps, objects.
  if (!a.is_nil() && !b.is_nil() && reflect_kind(a) != reflect_kind(b)) {
    List parts{a, Value(a.go_type_name()), Value(b.go_type_name()), b};
    fail(go_sprintf("non-comparable types %s: %v, %s: %v", parts));
  }
  // Our lists and maps are never nil pointers, so only a nil argument is nil here.
  if (a.is_nil() || b.is_nil()) return a.is_nil() == b.is_nil();
  if (!b.is_object()) {  // slices and maps are not comparable in Go
    List parts{b, Value(b.go_type_name())};
    fail(go_sprintf("non-comparable type %s: %v", parts));
  }
  return a.as_object()->equals(*b.as_object());
}

Value eq_fn(CallContext&, Args args) {
  if (args.size() < 2) fail("missing argument for comparison");
  for (std::size_t i = 1; i < args.size(); ++i) {
    if (equal(args[0], args[i])) return Value(true);
  }
  return Value(false);
}

Value ne_fn(CallContext&, Args args) { return Value(!equal(args[0], args[1])); }

bool less(const Value& a, const Value& b) {
  Kind ka = basic_kind(a);
  if (ka == Kind::Invalid) fail(kBadComparisonType);
  Kind kb = basic_kind(b);
  if (kb == Kind::Invalid) fail(kBadComparisonType);
  if (ka != kb) {
    if (ka == Kind::Int && kb == Kind::Uint) return a.as_int() < 0 || a.as_uint() < b.as_uint();
    if (ka == Kind::Uint && kb == Kind::Int) return b.as_int() >= 0 && a.as_uint() < b.as_uint();
    fail(kBadComparison);
  }
  switch (ka) {
    case Kind::Bool: fail(kBadComparisonType);
    case Kind::Int: return a.as_int() < b.as_int();
    case Kind::Uint: return a.as_uint() < b.as_uint();
    case Kind::Float: return a.as_float() < b.as_float();
    case Kind::String: return a.as_string() < b.as_string();
    case Kind::Invalid: break;
  }
  fail(kBadComparisonType);
}

bool less_or_equal(const Value& a, const Value& b) { return less(a, b) || equal(a, b); }

Value lt_fn(CallContext&, Args args) { return Value(less(args[0], args[1])); }
Value le_fn(CallContext&, Args args) { return Value(less_or_equal(args[0], args[1])); }
Value gt_fn(CallContext&, Args args) { return Value(!less_or_equal(args[0], args[1])); }
Value ge_fn(CallContext&, Args args) { return Value(!less(args[0], args[1])); }

}  // namespace

void register_builtins(FunctionRegistry& r) {
  // (arg0 interface{}, args ...interface{}): at least one argument.
  const Signature one_or_more{{Param::Any, Param::Any}, true, false};
  const Signature one_or_more_err{{Param::Any, Param::Any}, true, true};
  const Signature any_count{{Param::Any}, true, false};
  const Signature two_err{{Param::Any, Param::Any}, false, true};

  r.add("and", one_or_more, and_fn);
  r.add("or", one_or_more, or_fn);
  r.add("not", Signature{{Param::Any}, false, false}, not_fn);
  r.add("len", Signature{{Param::Reflect}, false, true}, len_fn);
  r.add("index", one_or_more_err, index_fn);
  r.add("slice", one_or_more_err, slice_fn);
  r.add("call", one_or_more_err, call_fn);
  r.add("print", any_count, print_fn);
  r.add("println", any_count, println_fn);
  r.add("printf", Signature{{Param::String, Param::Any}, true, false}, printf_fn);
  r.add("html", any_count, html_fn);
  r.add("js", any_count, js_fn);
  r.add("urlquery", any_count, urlquery_fn);
  r.add("eq", one_or_more_err, eq_fn);
  r.add("ne", two_err, ne_fn);
  r.add("lt", two_err, lt_fn);
  r.add("le", two_err, le_fn);
  r.add("gt", two_err, gt_fn);
  r.add("ge", two_err, ge_fn);
}

}  // namespace sparkc::gotmpl
