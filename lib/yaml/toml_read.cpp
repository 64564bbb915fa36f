// from_toml: toml.Unmarshal into map[string]interface{} as Helm's fromToml calls it.
//
// Integers are int64, floats float64; datetimes, which Go decodes to time.Time, are kept as
// their RFC 3339 text. Error messages follow BurntSushi/toml's "toml: line N (last key "k"):
// ..." form for the common mistakes (duplicate keys, missing values, trailing text); rarer
// syntax errors keep that form with our own wording.
#include <cmath>
#include <cstdlib>
#include <cctype>
#include <cerrno>
#include <limits>
#include <set>

#include "sparkc/yaml.h"
#include "yaml/utf8.h"

namespace sparkc::yaml {
namespace {

// A line-oriented TOML 1.0 reader: top-level items are key/value pairs and [table] or
// [[array]] headers; values are read recursively.
class TomlReader {
 public:
  explicit TomlReader(std::string_view s) : s_(s) {}

  Value document() {
    Map root;
    Map* table = &root;
    for (;;) {
      skip_ws_comments_newlines();
      if (eof()) break;
      if (s_[i_] == '[') {
        table = header(root);
      } else {
        key_value(*table);
      }
      skip_ws();
      if (!eof() && s_[i_] == '#') skip_comment();
      if (!eof() && s_[i_] != '\n' && s_[i_] != '\r') {
        last_key_.clear();  // BurntSushi reports this one without the key
        fail(std::string("expected a top-level item to end with a newline, comment, or EOF, but got '") +
             s_[i_] + "' instead");
      }
    }
    return Value(std::move(root));
  }

 private:
  [[noreturn]] void fail(const std::string& msg, int line = -1) {
    if (line < 0) line = line_;
    std::string where = "toml: line " + std::to_string(line);
    if (!last_key_.empty()) where += " (last key \"" + last_key_ + "\")";
    throw YamlError(where + ": " + msg, "", line, 0);
  }
  // BurntSushi reports a premature end of input on "line 0".
  [[noreturn]] void fail_eof(const std::string& expected) { fail("unexpected EOF; expected " + expected, 0); }

  bool eof() const { return i_ >= s_.size(); }
  void skip_ws() {
    while (!eof() && (s_[i_] == ' ' || s_[i_] == '\t')) ++i_;
  }
  void skip_comment() {
    while (!eof() && s_[i_] != '\n') ++i_;
  }
  void newline_char() {
    if (s_[i_] == '\n') ++line_;
    ++i_;
  }
  void skip_ws_comments_newlines() {
    for (;;) {
      skip_ws();
      if (eof()) return;
      if (s_[i_] == '#') skip_comment();
      else if (s_[i_] == '\n' || s_[i_] == '\r') newline_char();
      else return;
    }
  }

  static bool bare(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  }

  // key = simple-key *( "." simple-key )
  std::vector<std::string> key() {
    std::vector<std::string> parts;
    for (;;) {
      skip_ws();
      if (eof()) fail_eof("key");
      if (s_[i_] == '"') {
        parts.push_back(basic_string());
      } else if (s_[i_] == '\'') {
        parts.push_back(literal_string());
      } else {
        size_t st = i_;
        while (!eof() && bare(s_[i_])) ++i_;
        if (st == i_) fail(std::string("bare keys cannot contain '") + (eof() ? ' ' : s_[i_]) + "'");
        parts.emplace_back(s_.substr(st, i_ - st));
      }
      skip_ws();
      if (eof() || s_[i_] != '.') return parts;
      ++i_;
    }
  }

  static std::string join(const std::vector<std::string>& k) {
    std::string s;
    for (size_t i = 0; i < k.size(); ++i) s += (i ? "." : "") + k[i];
    return s;
  }

  // Walks dotted keys down from `m`, creating tables; fails on a non-table in the way.
  Map* descend(Map* m, const std::vector<std::string>& path, size_t n) {
    for (size_t i = 0; i < n; ++i) {
      auto it = m->find(path[i]);
      if (it == m->end()) {
        it = m->emplace(path[i], Value::map()).first;
      }
      Value& v = it->second;
      if (v.is_list() && !v.as_list().empty() && v.as_list().back().is_map()) {
        m = &v.as_list().back().mutable_map();  // the latest [[table]]
      } else if (v.is_map()) {
        m = &v.mutable_map();
      } else {
        fail("Key '" + join({path.begin(), path.begin() + static_cast<long>(i) + 1}) +
             "' has already been defined.");
      }
    }
    return m;
  }

  Map* header(Map& root) {
    bool array = s_.substr(i_, 2) == "[[";
    i_ += array ? 2 : 1;
    std::vector<std::string> k = key();
    if (s_.substr(i_, array ? 2 : 1) != (array ? "]]" : "]")) fail("expected ']' to close the table name");
    i_ += array ? 2 : 1;
    last_key_ = join(k);
    Map* parent = descend(&root, k, k.size() - 1);
    const std::string& name = k.back();
    auto it = parent->find(name);
    if (array) {
      if (it == parent->end()) it = parent->emplace(name, Value::list({})).first;
      if (!it->second.is_list()) fail("Key '" + last_key_ + "' has already been defined.");
      List l = it->second.as_list();
      l.push_back(Value::map());
      it->second = Value(std::move(l));
      return &it->second.as_list().back().mutable_map();
    }
    std::string full = last_key_;
    if (it != parent->end()) {
      if (!it->second.is_map() || defined_tables_.count(full)) {
        last_key_.clear();
        fail("Key '" + full + "' has already been defined.");
      }
    } else {
      it = parent->emplace(name, Value::map()).first;
    }
    defined_tables_.insert(full);
    return &it->second.mutable_map();
  }

  void key_value(Map& table) {
    std::vector<std::string> k = key();
    last_key_ = join(k);
    if (eof() || s_[i_] != '=') {
      if (eof()) fail_eof("'='");
      fail(std::string("expected '=' after key, but got '") + s_[i_] + "'");
    }
    ++i_;
    skip_ws();
    Value v = value();
    Map* m = descend(&table, k, k.size() - 1);
    if (!m->emplace(k.back(), std::move(v)).second) {
      fail("Key '" + last_key_ + "' has already been defined.");
    }
  }

  Value value() {
    if (eof() || s_[i_] == '\n') fail_eof("value");
    char c = s_[i_];
    if (c == '"') return Value(basic_string());
    if (c == '\'') return Value(literal_string());
    if (c == '[') return array();
    if (c == '{') return inline_table();
    if (s_.substr(i_, 4) == "true") return i_ += 4, Value(true);
    if (s_.substr(i_, 5) == "false") return i_ += 5, Value(false);
    return number_or_date();
  }

  Value array() {
    ++i_;
    List l;
    for (;;) {
      skip_ws_comments_newlines();
      if (eof()) fail_eof("array separator");
      if (s_[i_] == ']') break;
      l.push_back(value());
      skip_ws_comments_newlines();
      if (eof()) fail_eof("array separator");
      if (s_[i_] == ',') {
        ++i_;
        continue;
      }
      if (s_[i_] != ']') fail(std::string("expected a comma (',') or array terminator (']'), but got '") + s_[i_] + "'");
      break;
    }
    ++i_;
    return Value(std::move(l));
  }

  Value inline_table() {
    ++i_;
    Map m;
    skip_ws();
    if (!eof() && s_[i_] == '}') return ++i_, Value(std::move(m));
    for (;;) {
      std::string saved = last_key_;
      key_value(m);
      last_key_ = saved;
      skip_ws();
      if (eof()) fail_eof("inline table separator");
      if (s_[i_] == ',') {
        ++i_;
        continue;
      }
      if (s_[i_] != '}') fail(std::string("expected a comma or an inline table terminator '}', but got '") + s_[i_] + "'");
      ++i_;
      return Value(std::move(m));
    }
  }

  // Everything that is not a string, array, table or boolean: integers (with 0x, 0o, 0b and
  // underscores), floats, inf/nan, and dates and times, which stay text. A date and a time may
  // be separated by one space, so a space between two digits does not end the token.
  Value number_or_date() {
    size_t st = i_;
    // BurntSushi's lexer decides on the first character whether a value can start here.
    if (!eof()) {
      char c = s_[i_];
      if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == 'i' || c == 'n'))
        fail("expected value but found '" + std::string(1, c) + "' instead");
    }
    while (!eof() && s_[i_] != ',' && s_[i_] != ']' && s_[i_] != '}' && s_[i_] != '\n' &&
           s_[i_] != '\r' && s_[i_] != '#' &&
           !(s_[i_] == ' ' && !(i_ + 1 < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_ + 1])) &&
                                i_ > st && std::isdigit(static_cast<unsigned char>(s_[i_ - 1]))))) {
      ++i_;
    }
    std::string t(s_.substr(st, i_ - st));
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.pop_back();
    if (t.empty()) fail("expected value but found '" + std::string(1, s_[st]) + "' instead");
    // Datetimes: YYYY-MM-DD... or HH:MM:SS.
    if ((t.size() >= 10 && t[4] == '-' && t[7] == '-') || (t.size() >= 8 && t[2] == ':')) {
      return Value(t);
    }
    std::string body = t;
    bool neg = false;
    if (body == "inf" || body == "+inf") return Value::float64(std::numeric_limits<double>::infinity());
    if (body == "-inf") return Value::float64(-std::numeric_limits<double>::infinity());
    if (body == "nan" || body == "+nan" || body == "-nan") return Value::float64(std::nan(""));
    std::string clean;
    for (size_t k = 0; k < body.size(); ++k) {
      if (body[k] == '_') {
        bool ok = k > 0 && k + 1 < body.size() && std::isalnum(static_cast<unsigned char>(body[k - 1])) &&
                  std::isalnum(static_cast<unsigned char>(body[k + 1]));
        if (!ok) fail("invalid use of '_' in number");
        continue;
      }
      clean += body[k];
    }
    int base = 10;
    std::string digits = clean;
    if (clean.size() > 2 && clean[0] == '0' && (clean[1] == 'x' || clean[1] == 'o' || clean[1] == 'b')) {
      base = clean[1] == 'x' ? 16 : clean[1] == 'o' ? 8 : 2;
      digits = clean.substr(2);
    }
    if (base == 10 && clean.find_first_of(".eE") == std::string::npos) {
      if (!digits.empty() && (digits[0] == '+' || digits[0] == '-')) neg = digits[0] == '-';
      char* end = nullptr;
      errno = 0;
      long long v = std::strtoll(digits.c_str(), &end, 10);
      if (*end != '\0' || digits.empty()) fail("invalid integer \"" + t + "\"");
      if (errno == ERANGE) fail("integer \"" + t + "\" is out of range");
      (void)neg;
      return Value::int64(v);
    }
    if (base != 10) {
      char* end = nullptr;
      errno = 0;
      unsigned long long v = std::strtoull(digits.c_str(), &end, base);
      if (*end != '\0' || digits.empty()) fail("invalid integer \"" + t + "\"");
      if (errno == ERANGE || v > static_cast<unsigned long long>(std::numeric_limits<long long>::max())) {
        fail("integer \"" + t + "\" is out of range");
      }
      return Value::int64(static_cast<long long>(v));
    }
    char* end = nullptr;
    double d = std::strtod(clean.c_str(), &end);
    if (*end != '\0') fail("invalid float: \"" + t + "\"");
    return Value::float64(d);
  }

  void escape(std::string& out) {
    if (eof()) fail_eof("'\"'");
    char e = s_[i_++];
    switch (e) {
      case 'b': out += '\b'; return;
      case 't': out += '\t'; return;
      case 'n': out += '\n'; return;
      case 'f': out += '\f'; return;
      case 'r': out += '\r'; return;
      case '"': out += '"'; return;
      case '\\': out += '\\'; return;
      case 'u':
      case 'U': {
        size_t n = e == 'u' ? 4 : 8;
        if (i_ + n > s_.size()) fail_eof("'\"'");
        char32_t r = static_cast<char32_t>(std::strtoul(std::string(s_.substr(i_, n)).c_str(), nullptr, 16));
        i_ += n;
        detail::append_rune(out, r);
        return;
      }
      default: fail(std::string("invalid escape character '") + e + "'; only the following escape characters are allowed: \\b, \\t, \\n, \\f, \\r, \\\", \\\\, \\uXXXX, and \\UXXXXXXXX");
    }
  }

  std::string basic_string() {
    bool multi = s_.substr(i_, 3) == "\"\"\"";
    i_ += multi ? 3 : 1;
    std::string out;
    if (multi && !eof() && s_[i_] == '\n') newline_char();
    for (;;) {
      if (eof()) fail_eof(multi ? "'\"\"\"'" : "'\"'");
      char c = s_[i_];
      if (multi && s_.substr(i_, 3) == "\"\"\"") {
        i_ += 3;
        // Up to two quotes may directly precede the closing delimiter.
        while (!eof() && s_[i_] == '"' && out.size() < std::string::npos) out += '"', ++i_;
        return out;
      }
      if (!multi && c == '"') return ++i_, out;
      if (!multi && c == '\n') fail("strings cannot contain newlines");
      if (c == '\\') {
        ++i_;
        if (multi && !eof() && (s_[i_] == '\n' || s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\r')) {
          // A line-ending backslash trims the break and the following whitespace.
          while (!eof() && (s_[i_] == '\n' || s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\r')) newline_char();
          continue;
        }
        escape(out);
        continue;
      }
      if (c == '\n') ++line_;
      out += c;
      ++i_;
    }
  }

  std::string literal_string() {
    bool multi = s_.substr(i_, 3) == "'''";
    i_ += multi ? 3 : 1;
    if (multi && !eof() && s_[i_] == '\n') newline_char();
    std::string out;
    for (;;) {
      if (eof()) fail_eof(multi ? "\"'''\"" : "\"'\"");
      if (multi && s_.substr(i_, 3) == "'''") {
        i_ += 3;
        while (!eof() && s_[i_] == '\'') out += '\'', ++i_;
        return out;
      }
      char c = s_[i_];
      if (!multi && c == '\'') return ++i_, out;
      if (!multi && c == '\n') fail("strings cannot contain newlines");
      if (c == '\n') ++line_;
      out += c;
      ++i_;
    }
  }

  std::string_view s_;
  size_t i_ = 0;
  int line_ = 1;
  std::string last_key_;
  std::set<std::string> defined_tables_;
};

}  // namespace

Value from_toml(std::string_view text) { return TomlReader(text).document(); }

}  // namespace sparkc::yaml
