// semver and semverCompare: a port of Masterminds/semver v3's version and constraint parser.
// See funcs_sprig_semver.h for why the regular expressions are kept verbatim.
#include "template/funcs_sprig_semver.h"

#include <re2/re2.h>

#include <charconv>
#include <memory>
#include <optional>
#include <unordered_map>

namespace sparkc::gotmpl::semver {

namespace {

// semver's expressions, spelled as in its source so that RE2 matches exactly what Go's
// regexp matched. Group numbers below refer to these.
constexpr std::string_view kVersionRe =
    R"(v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?)"
    R"((-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?)"
    R"((\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?)";
// A constraint's version: like kVersionRe, but each number may be a wildcard. The "|" inside
// the brackets is a literal that semver accepts by accident; keeping it keeps its errors.
constexpr std::string_view kConstraintVersionRe =
    R"(v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?)"
    R"((-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?)"
    R"((\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?)";
// The operators; the empty alternative (plain "1.2.3") comes second, as in semver.
constexpr std::string_view kOps = R"(=||!=|>|<|>=|=>|<=|=<|~|~>|\^)";

// Each pattern is compiled on first use: a chart load only parses versions, and compiling
// the constraint patterns too would cost a small render a third of its instructions.
struct Regexes {
  static const RE2& version_re() {
    static const RE2 re{"^" + std::string(kVersionRe) + "$"};
    return re;
  }
  // ^ op version $, groups: 1 op, 2 version, 3 major, 4 .minor, 5 .patch, 6 -prerelease.
  static const RE2& constraint_re() {
    static const RE2 re{"^\\s*(" + std::string(kOps) + ")\\s*(" + std::string(kConstraintVersionRe) +
                        ")\\s*$"};
    return re;
  }
  // "a - b": groups 1 and 11 are the two versions.
  static const RE2& range_re() {
    static const RE2 re{"\\s*(" + std::string(kConstraintVersionRe) + ")\\s+-\\s+(" +
                        std::string(kConstraintVersionRe) + ")\\s*"};
    return re;
  }
  static const RE2& find_re() {
    static const RE2 re{"(" + std::string(kOps) + ")\\s*(" + std::string(kConstraintVersionRe) + ")"};
    return re;
  }
  // One AND-group: comparisons separated by spaces or commas.
  static const RE2& valid_re() {
    static const RE2 re{"^(\\s*(" + std::string(kOps) + ")\\s*(" + std::string(kConstraintVersionRe) +
                        ")\\s*)((?:\\s+|,\\s*)(" + std::string(kOps) + ")\\s*(" +
                        std::string(kConstraintVersionRe) + ")\\s*)*$"};
    return re;
  }
};

// Runs `re` at `pos` (unanchored) and returns all groups, or nullopt; absent groups are empty,
// as Go's FindStringSubmatch reports them.
std::optional<std::vector<std::string_view>> submatch(const RE2& re, std::string_view text,
                                                      size_t pos = 0) {
  std::vector<re2::StringPiece> groups(re.NumberOfCapturingGroups() + 1);
  if (!re.Match(re2::StringPiece(text.data(), text.size()), pos, text.size(), RE2::UNANCHORED,
                groups.data(), static_cast<int>(groups.size())))
    return std::nullopt;
  std::vector<std::string_view> out;
  for (const auto& g : groups) out.emplace_back(g.data(), g.size());
  return out;
}

// Every non-overlapping match of `re` in `text`, leftmost first (Go's FindAllStringSubmatch;
// none of semver's expressions can match the empty string).
std::vector<std::vector<std::string_view>> submatch_all(const RE2& re, std::string_view text) {
  std::vector<std::vector<std::string_view>> out;
  size_t pos = 0;
  while (pos <= text.size()) {
    auto m = submatch(re, text, pos);
    if (!m) break;
    size_t end = static_cast<size_t>((*m)[0].data() - text.data()) + (*m)[0].size();
    out.push_back(std::move(*m));
    pos = (end == pos && out.back()[0].empty()) ? end + 1 : end;
  }
  return out;
}

bool contains_only(std::string_view s, std::string_view set) {
  return s.find_first_not_of(set) == std::string_view::npos;
}

constexpr std::string_view kNum = "0123456789";
constexpr std::string_view kAllowed =
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456789";

// strconv.ParseUint(s, 10, 64) for strings of digits, which is all the regexes let through.
std::optional<std::uint64_t> parse_uint(std::string_view s) {
  std::uint64_t v = 0;
  if (s.empty() || !contains_only(s, kNum)) return std::nullopt;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

std::uint64_t parse_segment(std::string_view s) {
  if (auto v = parse_uint(s)) return *v;
  throw FuncError("Error parsing version segment: strconv.ParseUint: parsing \"" +
                  std::string(s) + "\": value out of range");
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (;;) {
    size_t i = s.find(sep, start);
    out.push_back(s.substr(start, i == std::string_view::npos ? std::string_view::npos : i - start));
    if (i == std::string_view::npos) return out;
    start = i + 1;
  }
}

int compare_pre_part(std::string_view s, std::string_view o) {
  if (s == o) return 0;
  if (s.empty()) return -1;
  if (o.empty()) return 1;
  auto si = parse_uint(s), oi = parse_uint(o);
  // Numeric identifiers sort below alphanumeric ones; two strings compare bytewise.
  if (!si && !oi) return s > o ? 1 : -1;
  if (!oi) return -1;
  if (!si) return 1;
  return *si > *oi ? 1 : -1;
}

int compare_prerelease(std::string_view a, std::string_view b) {
  auto ap = split(a, '.'), bp = split(b, '.');
  size_t n = std::max(ap.size(), bp.size());
  for (size_t i = 0; i < n; ++i) {
    int d = compare_pre_part(i < ap.size() ? ap[i] : "", i < bp.size() ? bp[i] : "");
    if (d != 0) return d;
  }
  return 0;
}

// semver's validatePrerelease: numeric identifiers have no leading zero, others use [0-9A-Za-z-].
void validate_prerelease(std::string_view pre) {
  for (auto part : split(pre, '.')) {
    if (contains_only(part, kNum)) {
      if (part.size() > 1 && part[0] == '0') throw FuncError("Version segment starts with 0");
    } else if (!contains_only(part, kAllowed)) {
      throw FuncError("Invalid Prerelease string");
    }
  }
}

// semver's validateMetadata: identifiers use [0-9A-Za-z-].
void validate_metadata(std::string_view meta) {
  for (auto part : split(meta, '.'))
    if (!contains_only(part, kAllowed)) throw FuncError("Invalid Metadata string");
}

bool is_x(std::string_view s) { return s == "x" || s == "X" || s == "*"; }

std::string_view trim_dot(std::string_view s) { return s.starts_with('.') ? s.substr(1) : s; }

Constraint parse_constraint(std::string_view text) {
  if (text.empty()) {  // unreachable through parse(), kept as semver has it: same as ">=0.0.0"
    Constraint c;
    c.dirty = true;
    return c;
  }
  auto m = submatch(Regexes::constraint_re(), text);
  if (!m) throw FuncError("improper constraint: " + std::string(text));
  const auto& g = *m;
  Constraint c;
  c.orig = std::string(g[2]);
  c.op = std::string(g[1]);
  std::string ver = c.orig;
  if (is_x(g[3]) || g[3].empty()) {
    ver = "0.0.0" + std::string(g[6]);
    c.dirty = true;
  } else if (is_x(trim_dot(g[4])) || g[4].empty()) {
    c.minor_dirty = c.dirty = true;
    ver = std::string(g[3]) + ".0.0" + std::string(g[6]);
  } else if (is_x(trim_dot(g[5])) || g[5].empty()) {
    c.patch_dirty = c.dirty = true;
    ver = std::string(g[3]) + std::string(g[4]) + ".0" + std::string(g[6]);
  }
  try {
    c.con = parse_version(ver);
  } catch (const FuncError&) {
    throw FuncError("constraint Parser Error");
  }
  return c;
}

// "1.2 - 1.4" becomes ">= 1.2, <= 1.4"; each match replaces its first occurrence, as semver's
// strings.Replace(o, match, t, 1) does.
std::string rewrite_range(std::string_view text) {
  std::string out(text);
  for (const auto& m : submatch_all(Regexes::range_re(), text)) {
    std::string t = ">= " + std::string(m[1]) + ", <= " + std::string(m[11]);
    size_t at = out.find(m[0]);
    if (at != std::string::npos) out.replace(at, m[0].size(), t);
  }
  return out;
}

// The comparison functions of semver's constraintOps table, without their error messages
// (Check discards them). A prerelease version only satisfies comparisons whose own version
// has a prerelease, which is why ">=1.21-0" is the idiom for "any 1.21+ including -eks".
bool pre_excluded(const Version& v, const Constraint& c) {
  return !v.pre.empty() && c.con.pre.empty();
}

bool check_tilde(const Version& v, const Constraint& c) {
  if (pre_excluded(v, c) || compare(v, c.con) < 0) return false;
  if (c.con.major == 0 && c.con.minor == 0 && c.con.patch == 0 && !c.minor_dirty &&
      !c.patch_dirty)
    return true;
  if (v.major != c.con.major) return false;
  return !(v.minor != c.con.minor && !c.minor_dirty);
}

bool check_not_equal(const Version& v, const Constraint& c) {
  if (c.dirty) {
    if (pre_excluded(v, c)) return false;
    if (c.con.major != v.major) return true;
    if (c.con.minor != v.minor && !c.minor_dirty) return true;
    if (c.minor_dirty) return false;
    if (c.con.patch != v.patch && !c.patch_dirty) return true;
    if (c.patch_dirty) {
      if (!v.pre.empty() || !c.con.pre.empty()) return compare_prerelease(v.pre, c.con.pre) != 0;
      return false;
    }
  }
  return compare(v, c.con) != 0;
}

bool check_greater(const Version& v, const Constraint& c) {
  if (pre_excluded(v, c)) return false;
  if (!c.dirty) return compare(v, c.con) == 1;
  if (v.major > c.con.major) return true;
  if (v.major < c.con.major || c.minor_dirty) return false;
  if (c.patch_dirty) return v.minor > c.con.minor;
  return compare(v, c.con) == 1;
}

bool check_less_equal(const Version& v, const Constraint& c) {
  if (pre_excluded(v, c)) return false;
  if (!c.dirty) return compare(v, c.con) <= 0;
  if (v.major > c.con.major) return false;
  return !(v.major == c.con.major && v.minor > c.con.minor && !c.minor_dirty);
}

bool check_caret(const Version& v, const Constraint& c) {
  if (pre_excluded(v, c) || compare(v, c.con) < 0) return false;
  if (c.con.major > 0 || c.minor_dirty) return v.major == c.con.major;
  if (v.major > 0) return false;
  if (c.con.minor > 0 || c.patch_dirty) return v.minor == c.con.minor;
  if (v.minor > 0) return false;
  return c.con.patch == v.patch;
}

bool check_one(const Version& v, const Constraint& c) {
  const std::string& op = c.op;
  if (op.empty() || op == "=") {
    if (pre_excluded(v, c)) return false;
    return c.dirty ? check_tilde(v, c) : compare(v, c.con) == 0;
  }
  if (op == "!=") return check_not_equal(v, c);
  if (op == ">") return check_greater(v, c);
  if (op == "<") return !pre_excluded(v, c) && compare(v, c.con) < 0;
  if (op == ">=" || op == "=>") return !pre_excluded(v, c) && compare(v, c.con) >= 0;
  if (op == "<=" || op == "=<") return check_less_equal(v, c);
  if (op == "~" || op == "~>") return check_tilde(v, c);
  if (op == "^") return check_caret(v, c);
  return false;  // the regex admits no other operator
}

}  // namespace

std::string Version::str() const {
  std::string s = std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
  if (!pre.empty()) s += "-" + pre;
  if (!metadata.empty()) s += "+" + metadata;
  return s;
}

Version parse_version(std::string_view text) {
  auto m = submatch(Regexes::version_re(), text);
  if (!m) throw FuncError("Invalid Semantic Version");
  const auto& g = *m;
  Version v;
  v.metadata = std::string(g[8]);
  v.pre = std::string(g[5]);
  v.original = std::string(text);
  v.major = parse_segment(g[1]);
  if (!g[2].empty()) v.minor = parse_segment(trim_dot(g[2]));
  if (!g[3].empty()) v.patch = parse_segment(trim_dot(g[3]));
  // The regex has already checked the characters; what is left is the leading-zero rule.
  if (!v.pre.empty()) validate_prerelease(v.pre);
  return v;
}

int compare(const Version& a, const Version& b) {
  auto seg = [](std::uint64_t x, std::uint64_t y) { return x < y ? -1 : (x > y ? 1 : 0); };
  if (int d = seg(a.major, b.major)) return d;
  if (int d = seg(a.minor, b.minor)) return d;
  if (int d = seg(a.patch, b.patch)) return d;
  if (a.pre.empty() && b.pre.empty()) return 0;
  if (a.pre.empty()) return 1;
  if (b.pre.empty()) return -1;
  return compare_prerelease(a.pre, b.pre);
}

Constraints Constraints::parse(std::string_view text) {
  std::string rewritten = rewrite_range(text);
  Constraints cs;
  // "||" splits before anything else, so a lone "|" stays inside a version and fails there.
  std::string_view rest = rewritten;
  std::vector<std::string_view> ors;
  for (;;) {
    size_t i = rest.find("||");
    ors.push_back(rest.substr(0, i));
    if (i == std::string_view::npos) break;
    rest = rest.substr(i + 2);
  }
  for (auto part : ors) {
    if (!RE2::PartialMatch(re2::StringPiece(part.data(), part.size()), Regexes::valid_re()))
      throw FuncError("improper constraint: " + std::string(part));
    std::vector<Constraint> ands;
    auto found = submatch_all(Regexes::find_re(), part);
    if (found.empty()) ands.push_back(parse_constraint(part));
    for (const auto& m : found) ands.push_back(parse_constraint(m[0]));
    cs.ors_.push_back(std::move(ands));
  }
  return cs;
}

bool Constraints::check(const Version& v) const {
  for (const auto& ands : ors_) {
    bool all = true;
    for (const auto& c : ands) {
      if (!check_one(v, c)) {
        all = false;
        break;
      }
    }
    if (all) return true;
  }
  return false;
}

namespace {

// A *semver.Version (pointer_ true) or a semver.Version value (what IncPatch returns). Go's
// method set differs: pointer-receiver methods (Original, Compare, LessThan...) are not
// callable on a non-addressable value, and templates only ever see such values.
class VersionObject : public MethodObject {
 public:
  VersionObject(Version v, bool pointer) : v_(std::move(v)), pointer_(pointer) {}

  std::string go_type_name() const override {
    return pointer_ ? "*semver.Version" : "semver.Version";
  }
  std::string kind_name() const override { return pointer_ ? "ptr" : "struct"; }

  std::optional<Value> field(std::string_view name) const override {
    if (name == "Major") return Value::uint64(v_.major);
    if (name == "Minor") return Value::uint64(v_.minor);
    if (name == "Patch") return Value::uint64(v_.patch);
    if (name == "Prerelease") return Value(v_.pre);
    if (name == "Metadata") return Value(v_.metadata);
    if (name == "String") return Value(v_.str());
    if (name == "Original" && pointer_) return Value(v_.original);
    if (name == "MarshalJSON") return Value::bytes("\"" + v_.str() + "\"");
    if (name == "MarshalText") return Value::bytes(v_.str());
    if (name == "Value") return Value(v_.str());
    if (name == "IncPatch" || name == "IncMinor" || name == "IncMajor") return incremented(name);
    return std::nullopt;
  }

  const Function* method(std::string_view name) const override {
    if (auto it = methods_.find(std::string(name)); it != methods_.end()) return &it->second;
    auto f = make_method(name);
    if (!f) return nullptr;
    return &methods_.emplace(std::string(name), std::move(*f)).first->second;
  }

  // Go prints a version through its String method.
  std::string print() const override { return v_.str(); }
  // Version marshals to JSON as its string form.
  Value to_data() const override { return Value(v_.str()); }

  bool equals(const Object& other) const override {
    if (pointer_) return this == &other;  // pointers compare by identity
    auto* o = dynamic_cast<const VersionObject*>(&other);
    return o && !o->pointer_ && o->v_.major == v_.major && o->v_.minor == v_.minor &&
           o->v_.patch == v_.patch && o->v_.pre == v_.pre && o->v_.metadata == v_.metadata &&
           o->v_.original == v_.original;
  }

  const Version& version() const { return v_; }

 private:
  // The original keeps a leading "v" (semver's originalVPrefix).
  Value incremented(std::string_view which) const {
    Version n = v_;
    n.pre.clear();
    n.metadata.clear();
    if (which == "IncPatch") {
      if (v_.pre.empty()) n.patch++;
    } else if (which == "IncMinor") {
      n.patch = 0;
      n.minor++;
    } else {
      n.patch = n.minor = 0;
      n.major++;
    }
    n.original = prefix() + n.str();
    return make_version_value(std::move(n), false);
  }

  std::string prefix() const { return v_.original.starts_with('v') ? "v" : ""; }

  static const Version& arg_version(const Value& arg) {
    if (arg.is_object()) {
      if (auto* o = dynamic_cast<const VersionObject*>(arg.as_object().get()); o && o->pointer_)
        return o->v_;
    }
    // A nil *Version reaches Compare and crashes there; anything else fails Go's argument
    // conversion, whose wording (for a variable; a literal reads "can't handle") we borrow.
    if (arg.is_nil()) throw FuncError("runtime error: invalid memory address or nil pointer dereference");
    throw FuncError("wrong type for value; expected *semver.Version; got " + arg.go_type_name());
  }

  std::optional<Function> make_method(std::string_view name) const {
    Version self = v_;
    std::string pre = prefix();
    auto cmp = [self](std::span<const Value> a) { return compare(self, arg_version(a[0])); };
    Signature one_version{{Param::Any}, false, false};
    std::string n(name);
    if (field(name) && name != "Original")  // argument-less methods, reachable as fields too
      return Function{n, {}, [this, n](CallContext&, std::span<const Value>) { return *field(n); }};
    if (name == "Original" && pointer_)
      return Function{n, {}, [self](CallContext&, std::span<const Value>) { return Value(self.original); }};
    if (!pointer_) return std::nullopt;  // the rest have pointer receivers
    if (name == "Compare")
      return Function{n, one_version, [cmp](CallContext&, std::span<const Value> a) {
                        return Value::integer(cmp(a));
                      }};
    if (name == "LessThan" || name == "GreaterThan" || name == "Equal") {
      int want = name == "LessThan" ? -1 : (name == "GreaterThan" ? 1 : 0);
      return Function{n, one_version, [cmp, want](CallContext&, std::span<const Value> a) {
                        return Value(cmp(a) == want);
                      }};
    }
    if (name == "SetPrerelease" || name == "SetMetadata") {
      bool is_pre = name == "SetPrerelease";
      return Function{n, {{Param::String}, false, true},
                      [self, pre, is_pre](CallContext&, std::span<const Value> a) {
                        Version next = self;
                        const std::string& s = a[0].as_string();
                        if (!s.empty()) is_pre ? validate_prerelease(s) : validate_metadata(s);
                        (is_pre ? next.pre : next.metadata) = s;
                        next.original = pre + next.str();
                        return make_version_value(std::move(next), false);
                      }};
    }
    return std::nullopt;
  }

  Version v_;
  bool pointer_;
  mutable std::unordered_map<std::string, Function> methods_;
};

}  // namespace

Value make_version_value(Version v, bool pointer) {
  return Value(std::shared_ptr<Object>(std::make_shared<VersionObject>(std::move(v), pointer)));
}

void register_sprig_semver(FunctionRegistry& r) {
  // semver returns (*semver.Version, error).
  r.add("semver", {{Param::String}, false, true},
        [](CallContext&, std::span<const Value> a) {
          return make_version_value(parse_version(a[0].as_string()));
        });
  // semverCompare parses the constraint first, so a bad constraint wins over a bad version.
  r.add("semverCompare", {{Param::String, Param::String}, false, true},
        [](CallContext&, std::span<const Value> a) {
          auto cs = Constraints::parse(a[0].as_string());
          return Value(cs.check(parse_version(a[1].as_string())));
        });
}

}  // namespace sparkc::gotmpl::semver
