// Sprig's regular expression functions (regex.go) over RE2, whose syntax is Go's regexp's.
//
// RE2 finds one match at a time; Go's iteration rules (how FindAll, ReplaceAll and Split step
// over empty matches), its `$name` expansion and its error wording are written out here,
// because RE2's GlobalReplace and Rewrite differ from Go's on each of those points.
#include <re2/re2.h>

#include <memory>
#include <string>
#include <vector>

#include "template/funcs_sprig_strings.h"
#include "template/go_fmt.h"
#include "template/go_unicode.h"

namespace sparkc::gotmpl {

namespace {

using Args = std::span<const Value>;

// Go's regexp/syntax error codes for RE2's.
std::string_view go_error_code(RE2::ErrorCode code) {
  switch (code) {
    case RE2::ErrorBadEscape: return "invalid escape sequence";
    case RE2::ErrorBadCharClass: return "invalid character class";
    case RE2::ErrorBadCharRange: return "invalid character class range";
    case RE2::ErrorMissingBracket: return "missing closing ]";
    case RE2::ErrorMissingParen: return "missing closing )";
    case RE2::ErrorUnexpectedParen: return "unexpected )";
    case RE2::ErrorTrailingBackslash: return "trailing backslash at end of expression";
    case RE2::ErrorRepeatArgument: return "missing argument to repetition operator";
    case RE2::ErrorRepeatSize: return "invalid repeat count";
    case RE2::ErrorRepeatOp: return "invalid nested repetition operator";
    case RE2::ErrorBadPerlOp: return "invalid or unsupported Perl syntax";
    case RE2::ErrorBadUTF8: return "invalid UTF-8";
    case RE2::ErrorBadNamedCapture: return "invalid named capture";
    case RE2::ErrorPatternTooLarge: return "expression too large";
    default: return "regexp/syntax: internal error";
  }
}

// A compiled expression, or Go's error text for the pattern.
struct Compiled {
  std::unique_ptr<RE2> re;
  std::string error;  // "error parsing regexp: missing closing ): `(`"
};

// RE2 accepts \C (any byte); Go rejects it. Finds a \C escape outside \Q...\E.
bool has_any_byte_escape(std::string_view p) {
  bool quoted = false;
  for (std::size_t i = 0; i + 1 < p.size(); ++i) {
    if (p[i] != '\\') continue;
    char next = p[++i];
    if (quoted) {
      quoted = next != 'E';
    } else if (next == 'Q') {
      quoted = true;
    } else if (next == 'C') {
      return true;
    }
  }
  return false;
}

Compiled compile(const std::string& pattern) {
  if (has_any_byte_escape(pattern)) return {nullptr, "error parsing regexp: invalid escape sequence: `\\C`"};
  RE2::Options opts;
  opts.set_log_errors(false);
  Compiled c;
  c.re = std::make_unique<RE2>(pattern, opts);
  if (!c.re->ok()) {
    // Go names the whole pattern where RE2 names nothing (bad UTF-8, size limits).
    std::string arg = c.re->error_arg();
    auto code = c.re->error_code();
    if (arg.empty() && (code == RE2::ErrorBadUTF8 || code == RE2::ErrorPatternTooLarge)) arg = pattern;
    c.error = "error parsing regexp: " + std::string(go_error_code(c.re->error_code())) + ": `" +
              arg + "`";
    c.re.reset();
  }
  return c;
}

// strconv.CanBackquote: whether Go's regexp quotes the pattern with backquotes in panics.
bool can_backquote(std::string_view s) {
  while (!s.empty()) {
    DecodedRune d = utf8_decode(s);
    if (d.size == 1 && d.rune == kRuneError) return false;
    if (d.rune == '`' || d.rune == 0xFEFF) return false;
    if (d.rune < ' ' && d.rune != '\t') return false;
    if (d.rune == 0x7F) return false;
    s.remove_prefix(d.size);
  }
  return true;
}

// The non-must variants use regexp.MustCompile, whose panic names the pattern.
const RE2& must_compile(const std::string& pattern, Compiled& c) {
  c = compile(pattern);
  if (!c.re) {
    std::string quoted;
    if (can_backquote(pattern)) {
      quoted = "`" + pattern + "`";
    } else {
      Value p(pattern);
      quoted = go_sprintf("%q", std::span<const Value>(&p, 1));
    }
    throw FuncError("regexp: Compile(" + quoted + "): " + c.error);
  }
  return *c.re;
}

const RE2& checked_compile(const std::string& pattern, Compiled& c) {
  c = compile(pattern);
  if (!c.re) throw FuncError(c.error);
  return *c.re;
}

// Byte offsets of a match and its groups; -1 for a group that did not take part.
using Match = std::vector<std::ptrdiff_t>;

// Go's doExecute: the leftmost-first match starting the search at `pos`, the whole input still
// visible to ^, $ and \b.
bool find_at(const RE2& re, const std::string& s, std::size_t pos, int groups, Match& m) {
  std::vector<re2::StringPiece> sub(static_cast<std::size_t>(groups) + 1);
  if (!re.Match(s, pos, s.size(), RE2::UNANCHORED, sub.data(), groups + 1)) return false;
  m.assign(sub.size() * 2, -1);
  for (std::size_t i = 0; i < sub.size(); ++i) {
    if (sub[i].data() == nullptr) continue;
    m[2 * i] = sub[i].data() - s.data();
    m[2 * i + 1] = m[2 * i] + static_cast<std::ptrdiff_t>(sub[i].size());
  }
  return true;
}

// Go's allMatches: up to n matches (all when n < 0); an empty match right after the previous
// match is skipped, and the search then moves on by one rune.
std::vector<Match> find_all(const RE2& re, const std::string& s, std::int64_t n) {
  std::vector<Match> out;
  if (n < 0) n = static_cast<std::int64_t>(s.size()) + 1;
  std::size_t pos = 0;
  std::ptrdiff_t prev_end = -1;
  Match m;
  while (static_cast<std::int64_t>(out.size()) < n && pos <= s.size()) {
    if (!find_at(re, s, pos, 0, m)) break;
    bool accept = true;
    if (m[1] == static_cast<std::ptrdiff_t>(pos)) {
      if (m[0] == prev_end) accept = false;
      std::size_t width = utf8_decode(std::string_view(s).substr(pos)).size;
      pos += width > 0 ? width : 1;
    } else {
      pos = static_cast<std::size_t>(m[1]);
    }
    prev_end = m[1];
    if (accept) out.push_back(m);
  }
  return out;
}

// regexp's extract: parses the name after '$' in a replacement template.
struct TemplateName {
  bool ok = false;
  std::string name;
  int num = -1;  // the group number, or -1 for a named reference
  std::size_t consumed = 0;
};

TemplateName extract_name(std::string_view t) {
  TemplateName out;
  if (t.empty()) return out;
  bool brace = t[0] == '{';
  std::size_t start = brace ? 1 : 0;
  std::size_t i = start;
  while (i < t.size()) {
    DecodedRune d = utf8_decode(t.substr(i));
    if (!is_letter(d.rune) && !is_digit(d.rune) && d.rune != '_') break;
    i += d.size;
  }
  if (i == start) return out;  // an empty name is not a reference
  out.name = std::string(t.substr(start, i - start));
  if (brace) {
    if (i >= t.size() || t[i] != '}') return out;
    ++i;
  }
  // Only plain decimal numbers below 1e8 without leading zeros are group numbers.
  int num = 0;
  for (char c : out.name) {
    if (c < '0' || c > '9' || num >= 100000000) {
      num = -1;
      break;
    }
    num = num * 10 + (c - '0');
  }
  if (out.name[0] == '0' && out.name.size() > 1) num = -1;
  out.num = num;
  out.consumed = i;
  out.ok = true;
  return out;
}

// Go's Regexp.Expand: $1, ${1}, $name, ${name} and $$; unknown groups expand to "".
void expand(std::string& dst, std::string_view tmpl, const RE2& re, const std::string& src,
            const Match& m) {
  while (!tmpl.empty()) {
    std::size_t dollar = tmpl.find('$');
    if (dollar == std::string_view::npos) break;
    dst.append(tmpl.substr(0, dollar));
    tmpl.remove_prefix(dollar + 1);
    if (!tmpl.empty() && tmpl[0] == '$') {
      dst.push_back('$');
      tmpl.remove_prefix(1);
      continue;
    }
    TemplateName n = extract_name(tmpl);
    if (!n.ok) {
      dst.push_back('$');  // malformed: the '$' stays as text
      continue;
    }
    tmpl.remove_prefix(n.consumed);
    int group = n.num;
    if (group < 0) {
      const auto& names = re.NamedCapturingGroups();
      auto it = names.find(n.name);
      if (it == names.end()) continue;
      group = it->second;
    }
    auto g = static_cast<std::size_t>(group);
    if (2 * g + 1 < m.size() && m[2 * g] >= 0)
      dst.append(src, static_cast<std::size_t>(m[2 * g]), static_cast<std::size_t>(m[2 * g + 1] - m[2 * g]));
  }
  dst.append(tmpl);
}

// Go's replaceAll: an empty match right after a match is not replaced, and the search always
// advances by at least one rune.
std::string replace_all(const RE2& re, const std::string& src, const std::string& repl, bool literal) {
  const int groups = literal || repl.find('$') == std::string::npos ? 0 : re.NumberOfCapturingGroups();
  std::string out;
  std::size_t last_end = 0, search = 0;
  Match m;
  while (search <= src.size()) {
    if (!find_at(re, src, search, groups, m)) break;
    auto a0 = static_cast<std::size_t>(m[0]), a1 = static_cast<std::size_t>(m[1]);
    out.append(src, last_end, a0 - last_end);
    if (a1 > last_end || a0 == 0) {
      if (literal) out += repl;
      else expand(out, repl, re, src, m);
    }
    last_end = a1;
    std::size_t width = utf8_decode(std::string_view(src).substr(search)).size;
    if (search + width > a1) search += width;
    else if (search + 1 > a1) ++search;
    else search = a1;
  }
  out.append(src, last_end);
  return out;
}

// Go's Regexp.Split: at most n pieces (all when n < 0); an empty match at the start adds no
// empty first piece.
std::vector<std::string> split(const RE2& re, const std::string& pattern, const std::string& s,
                               std::int64_t n) {
  std::vector<std::string> out;
  if (n == 0) return out;
  if (!pattern.empty() && s.empty()) return {""};
  std::size_t beg = 0, end = 0;
  for (const Match& m : find_all(re, s, n)) {
    if (n > 0 && static_cast<std::int64_t>(out.size()) >= n - 1) break;
    end = static_cast<std::size_t>(m[0]);
    if (m[1] != 0) out.push_back(s.substr(beg, end - beg));
    beg = static_cast<std::size_t>(m[1]);
  }
  if (end != s.size()) out.push_back(s.substr(beg));
  return out;
}

Value string_list(std::vector<std::string> parts) {
  List l;
  for (auto& p : parts) l.emplace_back(std::move(p));
  return Value::list(std::move(l), ElemType::String);
}

Value find_all_strings(const RE2& re, const std::string& s, std::int64_t n) {
  std::vector<std::string> parts;
  for (const Match& m : find_all(re, s, n))
    parts.push_back(s.substr(static_cast<std::size_t>(m[0]), static_cast<std::size_t>(m[1] - m[0])));
  return string_list(std::move(parts));
}

std::string find_one(const RE2& re, const std::string& s) {
  Match m;
  if (!find_at(re, s, 0, 0, m)) return "";
  return s.substr(static_cast<std::size_t>(m[0]), static_cast<std::size_t>(m[1] - m[0]));
}

// regexp.QuoteMeta: a backslash before each of \.+*?()|[]{}^$ and nothing else.
std::string quote_meta(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (std::string_view("\\.+*?()|[]{}^$").find(c) != std::string_view::npos) out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

}  // namespace

void register_sprig_regex(FunctionRegistry& r) {
  const Signature ss{{Param::String, Param::String}};
  const Signature ss_err{{Param::String, Param::String}, false, true};
  const Signature ssi{{Param::String, Param::String, Param::Int}};
  const Signature ssi_err{{Param::String, Param::String, Param::Int}, false, true};
  const Signature sss{{Param::String, Param::String, Param::String}};
  const Signature sss_err{{Param::String, Param::String, Param::String}, false, true};

  // regexMatch swallows the compile error and answers false.
  r.add("regexMatch", ss, [](CallContext&, Args a) {
    Compiled c = compile(a[0].as_string());
    return Value(c.re && RE2::PartialMatch(a[1].as_string(), *c.re));
  });
  r.add("mustRegexMatch", ss_err, [](CallContext&, Args a) {
    Compiled c;
    return Value(RE2::PartialMatch(a[1].as_string(), checked_compile(a[0].as_string(), c)));
  });
  r.add("regexFindAll", ssi, [](CallContext&, Args a) {
    Compiled c;
    return find_all_strings(must_compile(a[0].as_string(), c), a[1].as_string(), a[2].as_int());
  });
  r.add("mustRegexFindAll", ssi_err, [](CallContext&, Args a) {
    Compiled c;
    return find_all_strings(checked_compile(a[0].as_string(), c), a[1].as_string(), a[2].as_int());
  });
  r.add("regexFind", ss, [](CallContext&, Args a) {
    Compiled c;
    return Value(find_one(must_compile(a[0].as_string(), c), a[1].as_string()));
  });
  r.add("mustRegexFind", ss_err, [](CallContext&, Args a) {
    Compiled c;
    return Value(find_one(checked_compile(a[0].as_string(), c), a[1].as_string()));
  });
  for (bool literal : {false, true}) {
    std::string name = literal ? "RegexReplaceAllLiteral" : "RegexReplaceAll";
    std::string plain = "r" + name.substr(1);
    r.add(plain, sss, [literal](CallContext&, Args a) {
      Compiled c;
      const RE2& re = must_compile(a[0].as_string(), c);
      return Value(replace_all(re, a[1].as_string(), a[2].as_string(), literal));
    });
    r.add("must" + name, sss_err, [literal](CallContext&, Args a) {
      Compiled c;
      const RE2& re = checked_compile(a[0].as_string(), c);
      return Value(replace_all(re, a[1].as_string(), a[2].as_string(), literal));
    });
  }
  r.add("regexSplit", ssi, [](CallContext&, Args a) {
    Compiled c;
    const RE2& re = must_compile(a[0].as_string(), c);
    return string_list(split(re, a[0].as_string(), a[1].as_string(), a[2].as_int()));
  });
  r.add("mustRegexSplit", ssi_err, [](CallContext&, Args a) {
    Compiled c;
    const RE2& re = checked_compile(a[0].as_string(), c);
    return string_list(split(re, a[0].as_string(), a[1].as_string(), a[2].as_int()));
  });
  r.add("regexQuoteMeta", {{Param::String}}, [](CallContext&, Args a) {
    return Value(quote_meta(a[0].as_string()));
  });
}

}  // namespace sparkc::gotmpl
