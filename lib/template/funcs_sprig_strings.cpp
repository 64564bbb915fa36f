// Sprig's string functions (strings.go and the strings entries of functions.go), and the
// assembly of the whole "strings" family: conversions, defaults, reflection, paths, regex, urls.
//
// Go strings are byte strings: trunc, substr and indent count bytes, and so do we.
#include "template/funcs_sprig_strings.h"

#include <string>

#include "template/funcs_sprig_cast.h"
#include "template/go_fmt.h"
#include "template/go_unicode.h"

namespace sparkc::gotmpl {

namespace {

using Args = std::span<const Value>;

const std::string& str(const Value& v) { return v.as_string(); }

// Sprig's trunc: a negative count keeps that many bytes from the end.
std::string trunc(std::int64_t c, const std::string& s) {
  const auto len = static_cast<std::int64_t>(s.size());
  if (c < 0 && len + c > 0) return s.substr(static_cast<std::size_t>(len + c));
  if (c >= 0 && len > c) return s.substr(0, static_cast<std::size_t>(c));
  return s;
}

// Sprig's substring, whose out-of-range slices panic with Go's runtime messages.
std::string substring(std::int64_t start, std::int64_t end, const std::string& s) {
  const auto len = static_cast<std::int64_t>(s.size());
  auto bounds = [](std::string msg) { return FuncError("runtime error: slice bounds out of range " + msg); };
  if (start < 0) {
    if (end < 0) throw bounds("[:" + std::to_string(end) + "]");
    if (end > len) throw bounds("[:" + std::to_string(end) + "] with length " + std::to_string(len));
    return s.substr(0, static_cast<std::size_t>(end));
  }
  if (end < 0 || end > len) {
    if (start > len) throw bounds("[" + std::to_string(start) + ":" + std::to_string(len) + "]");
    return s.substr(static_cast<std::size_t>(start));
  }
  if (start > end) throw bounds("[" + std::to_string(start) + ":" + std::to_string(end) + "]");
  return s.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start));
}

// strings.Replace(s, old, new, -1); an empty `old` matches before every rune and at the end.
std::string replace_all(const std::string& s, const std::string& old, const std::string& repl) {
  if (old == repl) return s;
  std::string out;
  if (old.empty()) {
    std::string_view rest = s;
    out += repl;
    while (!rest.empty()) {
      std::size_t w = utf8_decode(rest).size;
      out.append(rest.substr(0, w));
      out += repl;
      rest.remove_prefix(w);
    }
    return out;
  }
  std::size_t start = 0;
  for (std::size_t j; (j = s.find(old, start)) != std::string::npos; start = j + old.size()) {
    out.append(s, start, j - start);
    out += repl;
  }
  out.append(s, start);
  return out;
}

// strings.SplitN(s, sep, n); n < 0 means all parts, n == 0 none.
std::vector<std::string> split_n(const std::string& s, const std::string& sep, std::int64_t n) {
  std::vector<std::string> out;
  if (n == 0) return out;
  if (sep.empty()) {
    // Each rune on its own, an invalid byte as U+FFFD, the last part holding the rest.
    std::string_view rest = s;
    auto runes = static_cast<std::int64_t>(utf8_count(s));
    if (n < 0 || n > runes) n = runes;
    for (std::int64_t i = 0; i < n - 1; ++i) {
      DecodedRune d = utf8_decode(rest);
      std::string part;
      if (d.rune == kRuneError) utf8_append(part, kRuneError);
      else part = std::string(rest.substr(0, d.size));
      out.push_back(std::move(part));
      rest.remove_prefix(d.size);
    }
    if (n > 0) out.emplace_back(rest);
    return out;
  }
  std::size_t start = 0;
  while (n < 0 || static_cast<std::int64_t>(out.size()) < n - 1) {
    std::size_t j = s.find(sep, start);
    if (j == std::string::npos) break;
    out.push_back(s.substr(start, j - start));
    start = j + sep.size();
  }
  out.push_back(s.substr(start));
  return out;
}

// Sprig's split/splitn result: map[string]string with keys _0, _1, ...
Value split_map(const std::vector<std::string>& parts) {
  Map m;
  for (std::size_t i = 0; i < parts.size(); ++i) m.emplace("_" + std::to_string(i), Value(parts[i]));
  return Value::map(std::move(m), ElemType::String);
}

Value string_list(std::vector<std::string> parts) {
  List l;
  l.reserve(parts.size());
  for (auto& p : parts) l.emplace_back(std::move(p));
  return Value::list(std::move(l), ElemType::String);
}

std::string indent(std::int64_t spaces, const std::string& v) {
  std::string pad = go_repeat(" ", spaces);
  return pad + replace_all(v, "\n", "\n" + pad);
}

// quote, squote and cat drop nil arguments, as Sprig does.
std::string quote(Args a) {
  std::string out;
  bool first = true;
  for (const Value& v : a) {
    if (v.is_nil()) continue;
    if (!first) out += ' ';
    first = false;
    Value s(sprig::strval(v));
    out += go_sprintf("%q", std::span<const Value>(&s, 1));
  }
  return out;
}

std::string squote(Args a) {
  std::string out;
  bool first = true;
  for (const Value& v : a) {
    if (v.is_nil()) continue;
    if (!first) out += ' ';
    first = false;
    out += "'" + go_print_value(v) + "'";
  }
  return out;
}

std::string cat(Args a) {
  std::string out;
  bool first = true;
  for (const Value& v : a) {
    if (v.is_nil()) continue;
    if (!first) out += ' ';
    first = false;
    out += go_print_value(v);
  }
  return out;
}

}  // namespace

std::string go_repeat(std::string_view s, std::int64_t count) {
  if (count == 0) return "";
  if (count < 0) throw FuncError("strings: negative Repeat count");
  const auto len = static_cast<std::int64_t>(s.size());
  if (len != 0 && count > INT64_MAX / len) throw FuncError("strings: Repeat count causes overflow");
  // Go would try to allocate and die; we refuse results over 1 GiB instead of crashing.
  if (len * count > (std::int64_t{1} << 30)) throw FuncError("strings: Repeat result too large");
  std::string out;
  out.reserve(static_cast<std::size_t>(len * count));
  for (std::int64_t i = 0; i < count; ++i) out.append(s);
  return out;
}

void register_sprig_strings(FunctionRegistry& r) {
  const Signature s1{{Param::String}};
  const Signature s2{{Param::String, Param::String}};
  const Signature is{{Param::Int, Param::String}};
  const Signature variadic{{Param::Any}, true};

  r.add("hello", {}, [](CallContext&, Args) { return Value("Hello!"); });
  r.add("trunc", is, [](CallContext&, Args a) { return Value(trunc(a[0].as_int(), str(a[1]))); });
  r.add("trim", s1, [](CallContext&, Args a) { return Value(go_trim_space(str(a[0]))); });
  r.add("upper", s1, [](CallContext&, Args a) { return Value(go_to_upper(str(a[0]))); });
  r.add("lower", s1, [](CallContext&, Args a) { return Value(go_to_lower(str(a[0]))); });
  r.add("title", s1, [](CallContext&, Args a) { return Value(go_title(str(a[0]))); });
  r.add("substr", {{Param::Int, Param::Int, Param::String}}, [](CallContext&, Args a) {
    return Value(substring(a[0].as_int(), a[1].as_int(), str(a[2])));
  });
  r.add("repeat", is, [](CallContext&, Args a) { return Value(go_repeat(str(a[1]), a[0].as_int())); });
  // The cutset comes first so that `"$foo" | trimAll "$"` reads naturally.
  for (const char* name : {"trimall", "trimAll"})
    r.add(name, s2, [](CallContext&, Args a) { return Value(go_trim(str(a[1]), str(a[0]))); });
  r.add("trimSuffix", s2, [](CallContext&, Args a) {
    const std::string& s = str(a[1]);
    const std::string& suf = str(a[0]);
    return Value(s.ends_with(suf) ? s.substr(0, s.size() - suf.size()) : s);
  });
  r.add("trimPrefix", s2, [](CallContext&, Args a) {
    const std::string& s = str(a[1]);
    const std::string& pre = str(a[0]);
    return Value(s.starts_with(pre) ? s.substr(pre.size()) : s);
  });
  r.add("contains", s2, [](CallContext&, Args a) {
    return Value(str(a[1]).find(str(a[0])) != std::string::npos);
  });
  r.add("hasPrefix", s2, [](CallContext&, Args a) { return Value(str(a[1]).starts_with(str(a[0]))); });
  r.add("hasSuffix", s2, [](CallContext&, Args a) { return Value(str(a[1]).ends_with(str(a[0]))); });
  r.add("quote", variadic, [](CallContext&, Args a) { return Value(quote(a)); });
  r.add("squote", variadic, [](CallContext&, Args a) { return Value(squote(a)); });
  r.add("cat", variadic, [](CallContext&, Args a) { return Value(cat(a)); });
  r.add("indent", is, [](CallContext&, Args a) { return Value(indent(a[0].as_int(), str(a[1]))); });
  r.add("nindent", is, [](CallContext&, Args a) {
    return Value("\n" + indent(a[0].as_int(), str(a[1])));
  });
  r.add("replace", {{Param::String, Param::String, Param::String}}, [](CallContext&, Args a) {
    return Value(replace_all(str(a[2]), str(a[0]), str(a[1])));
  });
  r.add("plural", {{Param::String, Param::String, Param::Int}}, [](CallContext&, Args a) {
    return a[2].as_int() == 1 ? a[0] : a[1];
  });
  r.add("split", s2, [](CallContext&, Args a) { return split_map(split_n(str(a[1]), str(a[0]), -1)); });
  r.add("splitList", s2, [](CallContext&, Args a) {
    return string_list(split_n(str(a[1]), str(a[0]), -1));
  });
  r.add("splitn", {{Param::String, Param::Int, Param::String}}, [](CallContext&, Args a) {
    return split_map(split_n(str(a[2]), str(a[0]), a[1].as_int()));
  });
  r.add("join", {{Param::String, Param::Any}}, [](CallContext&, Args a) {
    std::string out;
    bool first = true;
    for (const auto& s : sprig::strslice(a[1])) {
      if (!first) out += str(a[0]);
      first = false;
      out += s;
    }
    return Value(out);
  });

  register_sprig_conv(r);
  register_sprig_case(r);
  register_sprig_defaults(r);
  register_sprig_reflect(r);
  register_sprig_paths(r);
  register_sprig_regex(r);
  register_sprig_url(r);
}

}  // namespace sparkc::gotmpl
