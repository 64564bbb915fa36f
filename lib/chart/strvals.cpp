// Helm's --set grammar (pkg/strvals): `a.b=1,c[0]=x,d={p,q}` with backslash escapes.
//
// The parser walks the line once, rune by rune, exactly as Helm's does, so that odd inputs
// (a trailing comma, out-of-order indexes, a key used first as a map and then as a list)
// give Helm's results and Helm's messages. Typing: --set turns true/false/null and decimal
// integers without a leading zero into bool, nil and int64; --set-string keeps strings.
#include <charconv>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <tuple>

#include "sparkc/chart.h"
#include "sparkc/yaml.h"
#include "template/go_strconv.h"
#include "template/go_unicode.h"

namespace sparkc::chart {
namespace {

// Helm's limits: list indexes up to 65536 and names nested up to 30 levels.
constexpr long kMaxIndex = 65536;
constexpr int kMaxNestedNameLevel = 30;

// End of input, as Go's io.EOF travels through the parser.
struct Eof {};

// How a value's text becomes a Value (Helm's RunesValueReader).
using Reader = std::function<Value(const std::string&)>;

// Go's name for the dynamic type of a value in an interface, as a failed type assertion
// prints it.
std::string go_dynamic_type(const Value* v) {
  if (v == nullptr || v->is_nil()) return "nil";
  return v->go_type_name();
}

[[noreturn]] void conversion_panic(const Value* v, const char* want) {
  throw ChartError("unable to parse key: interface conversion: interface {} is " +
                   go_dynamic_type(v) + ", not " + want);
}

// Decodes one UTF-8 rune starting at s[i]; returns its byte length (1 for invalid bytes).
size_t rune_len(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  return i + n <= s.size() ? n : 1;
}

class Parser {
 public:
  Parser(std::string_view line, Reader reader, bool json)
      : s_(line), reader_(std::move(reader)), json_(json) {}

  void parse(Map& data) {
    for (;;) {
      try {
        key(data, 0);
      } catch (const Eof&) {
        return;
      }
    }
  }

 private:
  std::string_view s_;
  size_t pos_ = 0;
  Reader reader_;
  bool json_;

  bool at_end() const { return pos_ >= s_.size(); }

  // Reads runes up to one of `stop`, honouring backslash escapes. Returns the text and the
  // stop rune; throws Eof (carrying nothing) only through `eof` so callers can tell a
  // partial read from a clean end.
  std::string runes_until(std::string_view stop, char& last, bool& eof) {
    std::string out;
    eof = false;
    while (pos_ < s_.size()) {
      size_t n = rune_len(s_, pos_);
      char c = s_[pos_];
      if (n == 1 && stop.find(c) != std::string_view::npos) {
        ++pos_;
        last = c;
        return out;
      }
      if (n == 1 && c == '\\') {
        ++pos_;
        if (pos_ >= s_.size()) {
          eof = true;
          return out;
        }
        size_t m = rune_len(s_, pos_);
        out.append(s_.substr(pos_, m));
        pos_ += m;
        continue;
      }
      out.append(s_.substr(pos_, n));
      pos_ += n;
    }
    eof = true;
    last = 0;
    return out;
  }

  static void set(Map& data, const std::string& key, Value v) {
    if (key.empty()) return;
    data.insert_or_assign(key, std::move(v));
  }

  static List set_index(List list, long index, Value v) {
    if (index < 0) throw ChartError("negative " + std::to_string(index) + " index not allowed");
    if (index > kMaxIndex)
      throw ChartError("index of " + std::to_string(index) +
                       " is greater than maximum supported index of " + std::to_string(kMaxIndex));
    if (static_cast<long>(list.size()) <= index) list.resize(index + 1);
    list[index] = std::move(v);
    return list;
  }

  // key := name ( '=' value | '.' key | '[' index ']' listItem )
  void key(Map& data, int level) {
    for (;;) {
      char last;
      bool eof;
      std::string k = runes_until("=[,.", last, eof);
      if (eof) {
        if (k.empty()) throw Eof{};
        throw ChartError("key \"" + k + "\" has no value");
      }
      switch (last) {
        case '[': {
          long i = key_index();
          List list;
          if (auto it = data.find(k); it != data.end()) {
            if (!it->second.is_list()) conversion_panic(&it->second, "[]interface {}");
            list = it->second.as_list();
          }
          std::string err;
          list = list_item(std::move(list), i, level, err);
          set(data, k, Value::list(std::move(list)));
          if (!err.empty()) throw ChartError(err);
          return;
        }
        case '=': {
          if (json_) {
            if (empty_val()) {
              set(data, k, Value());
              return;
            }
            set(data, k, json_value());
            empty_val();
            return;
          }
          assign(data, k);
          return;
        }
        case ',':
          set(data, k, Value(""));
          throw ChartError("key \"" + k + "\" has no value (cannot end with ,)");
        case '.': {
          if (++level > kMaxNestedNameLevel)
            throw ChartError("value name nested level is greater than maximum supported nested level of " +
                             std::to_string(kMaxNestedNameLevel));
          Value inner = Value::map();
          if (auto it = data.find(k); it != data.end()) {
            if (!it->second.is_map()) conversion_panic(&it->second, "map[string]interface {}");
            inner = it->second;
          }
          bool ended = false;
          try {
            key(inner.mutable_map(), level);
          } catch (const Eof&) {
            ended = true;
          } catch (const ChartError&) {
            if (!inner.as_map().empty()) set(data, k, inner);
            throw;
          }
          if (!ended && inner.as_map().empty())
            throw ChartError("key map \"" + k + "\" has no value");
          if (!inner.as_map().empty()) set(data, k, inner);
          if (ended) throw Eof{};
          return;
        }
      }
    }
  }

  // The value after '=': a {a,b} list or a scalar up to the next comma.
  void assign(Map& data, const std::string& k) {
    if (at_end()) {
      set(data, k, Value(""));
      throw Eof{};
    }
    if (s_[pos_] == '{') {
      ++pos_;
      set(data, k, Value::list(val_list()));
      return;
    }
    char last;
    bool eof;
    std::string v = runes_until(",", last, eof);
    set(data, k, reader_(v));
  }

  long key_index() {
    char last;
    bool eof;
    std::string v = runes_until("]", last, eof);
    if (eof) throw Eof{};
    long out = 0;
    // strconv.Atoi accepts a leading '+'.
    const char* first = v.data() + (!v.empty() && v[0] == '+' ? 1 : 0);
    auto [p, ec] = std::from_chars(first, v.data() + v.size(), out);
    if (v.empty() || ec != std::errc() || p != v.data() + v.size())
      throw ChartError("error parsing index: strconv.Atoi: parsing \"" + v + "\": " +
                       (ec == std::errc::result_out_of_range ? "value out of range" : "invalid syntax"));
    return out;
  }

  // listItem := ( '=' value | '[' index ']' listItem | '.' key ); `err` carries an error
  // that must surface after the partially built list is stored, as Helm does.
  List list_item(List list, long i, int level, std::string& err) {
    if (i < 0) {
      err = "negative " + std::to_string(i) + " index not allowed";
      return list;
    }
    char last;
    bool eof;
    std::string k = runes_until("[.=", last, eof);
    if (!k.empty()) {
      // Helm formats the []rune with %q, which quotes each rune: ['a' 'b'].
      err = "unexpected data at end of array index: [";
      bool first = true;
      for (char32_t r : gotmpl::utf8_runes(k)) {
        if (!first) err += ' ';
        err += gotmpl::go_quote_rune(r);
        first = false;
      }
      err += ']';
      return list;
    }
    if (eof) throw Eof{};
    switch (last) {
      case '=': {
        if (json_) {
          if (empty_val()) return set_index(std::move(list), i, Value());
          list = set_index(std::move(list), i, json_value());
          empty_val();
          return list;
        }
        if (at_end()) return set_index(std::move(list), i, Value(""));
        if (s_[pos_] == '{') {
          ++pos_;
          return set_index(std::move(list), i, Value::list(val_list()));
        }
        std::string v = runes_until(",", last, eof);
        return set_index(std::move(list), i, reader_(v));
      }
      case '[': {
        long next = key_index();
        List current;
        if (static_cast<long>(list.size()) > i && !list[i].is_nil()) {
          if (!list[i].is_list()) conversion_panic(&list[i], "[]interface {}");
          current = list[i].as_list();
        }
        std::string inner_err;
        List nested = list_item(std::move(current), next, level, inner_err);
        if (!inner_err.empty()) {
          err = inner_err;
          return list;
        }
        return set_index(std::move(list), i, Value::list(std::move(nested)));
      }
      case '.': {
        Value inner = Value::map();
        if (static_cast<long>(list.size()) > i) {
          if (list[i].is_map()) {
            inner = list[i];
          } else {
            list[i] = inner;  // indexes given out of order
          }
        }
        key(inner.mutable_map(), level);
        return set_index(std::move(list), i, inner);
      }
    }
    err = std::string("parse error: unexpected token ") + std::to_string(last);
    return list;
  }

  // {a,b,c}: the opening brace is consumed.
  List val_list() {
    List list;
    for (;;) {
      char last;
      bool eof;
      std::string v = runes_until(",}", last, eof);
      if (eof) throw ChartError("list must terminate with '}'");
      if (last == '}') {
        if (!at_end() && s_[pos_] == ',') ++pos_;
        list.push_back(reader_(v));
        return list;
      }
      list.push_back(reader_(v));
    }
  }

  // Skips blanks; true when the value is empty (end of input or a comma, which is consumed).
  bool empty_val() {
    while (pos_ < s_.size()) {
      char c = s_[pos_];
      if (c == ',') {
        ++pos_;
        return true;
      }
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
        ++pos_;
        continue;
      }
      return false;
    }
    return true;
  }

  // One JSON document at the current position; the rest of the line stays unread.
  Value json_value() {
    size_t end = json_value_end(s_, pos_);
    std::string_view doc = s_.substr(pos_, end - pos_);
    pos_ = end;
    try {
      return yaml::from_json(doc);
    } catch (const yaml::YamlError& e) {
      throw ChartError(e.what());
    }
  }

  // Where the JSON value starting at `i` ends: after a balanced object/array, a string, or
  // a bare literal (up to a delimiter). Malformed text ends at the end of input so that the
  // JSON decoder reports it.
  static size_t json_value_end(std::string_view s, size_t i) {
    if (i >= s.size()) return i;
    char c = s[i];
    if (c == '{' || c == '[') {
      int depth = 0;
      bool in_string = false;
      for (size_t j = i; j < s.size(); ++j) {
        char d = s[j];
        if (in_string) {
          if (d == '\\') ++j;
          else if (d == '"') in_string = false;
          continue;
        }
        if (d == '"') in_string = true;
        else if (d == '{' || d == '[') ++depth;
        else if ((d == '}' || d == ']') && --depth == 0) return j + 1;
      }
      return s.size();
    }
    if (c == '"') {
      for (size_t j = i + 1; j < s.size(); ++j) {
        if (s[j] == '\\') ++j;
        else if (s[j] == '"') return j + 1;
      }
      return s.size();
    }
    size_t j = i;
    while (j < s.size() && s[j] != ',' && s[j] != ' ' && s[j] != '\t' && s[j] != '\n' &&
           s[j] != '}' && s[j] != ']')
      ++j;
    return j;
  }
};

// Helm's typedVal for --set.
Value typed_value(const std::string& v, bool as_string) {
  if (as_string) return Value(v);
  auto iequals = [&](std::string_view w) {
    if (v.size() != w.size()) return false;
    for (size_t i = 0; i < v.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(v[i])) != w[i]) return false;
    return true;
  };
  if (iequals("true")) return Value(true);
  if (iequals("false")) return Value(false);
  if (iequals("null")) return Value();
  if (v == "0") return Value::int64(0);
  if (!v.empty() && v[0] != '0') {
    std::string_view digits = v;
    if (digits[0] == '+') digits.remove_prefix(1);
    std::int64_t out = 0;
    auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), out);
    if (!digits.empty() && ec == std::errc() && p == digits.data() + digits.size() &&
        !(digits[0] == '-' && digits.size() == 1))
      return Value::int64(out);
  }
  return Value(v);
}

void run(const std::string& line, Value& dest, Reader reader, bool json) {
  if (!dest.is_map()) dest = Value::map();
  Parser(line, std::move(reader), json).parse(dest.mutable_map());
}

std::string read_file_or_throw(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ChartError("open " + path + ": no such file or directory");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

void parse_set(const std::string& line, Value& dest, bool as_string) {
  run(line, dest, [as_string](const std::string& v) { return typed_value(v, as_string); }, false);
}

void parse_set_json(const std::string& line, Value& dest) {
  run(line, dest, nullptr, true);
}

void parse_set_file(const std::string& line, Value& dest) {
  run(line, dest, [](const std::string& path) { return Value(read_file_or_throw(path)); }, false);
}

void parse_set_literal(const std::string& line, Value& dest) {
  // Helm's literal parser: the name is split on dots (with [i] indexes), the value after the
  // first '=' is taken verbatim.
  auto eq = line.find('=');
  if (eq == std::string::npos) throw ChartError("key \"" + line + "\" has no value");
  std::string name = line.substr(0, eq);
  Value value(line.substr(eq + 1));
  if (!dest.is_map()) dest = Value::map();
  Value* cur = &dest;
  size_t start = 0;
  for (;;) {
    size_t dot = name.find('.', start);
    std::string part = name.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    Map& m = cur->mutable_map();
    if (dot == std::string::npos) {
      m.insert_or_assign(part, value);
      return;
    }
    auto it = m.find(part);
    if (it == m.end() || !it->second.is_map()) it = m.insert_or_assign(part, Value::map()).first;
    cur = &it->second;
    start = dot + 1;
  }
}

namespace {

// Helm's mergeMaps for -f files: later files win, maps merge key by key.
Value merge_maps(const Value& a, const Value& b) {
  Map out = a.is_map() ? a.as_map() : Map{};
  if (b.is_map()) {
    for (const auto& [k, v] : b.as_map()) {
      auto it = out.find(k);
      if (v.is_map() && it != out.end() && it->second.is_map()) {
        it->second = merge_maps(it->second, v);
        continue;
      }
      out.insert_or_assign(k, v);
    }
  }
  return Value::map(std::move(out));
}

}  // namespace

Value merge_user_values(const ValueOptions& opts) {
  Value base = Value::map();
  for (const auto& file : opts.value_files) {
    std::string text;
    if (file == "-") {
      std::ostringstream ss;
      ss << std::cin.rdbuf();
      text = ss.str();
    } else {
      text = read_file_or_throw(file);
    }
    Value current;
    try {
      current = yaml::load(text, file);
    } catch (const yaml::YamlError& e) {
      throw ChartError("failed to parse " + file + ": " + e.what());
    }
    if (!current.is_nil() && !current.is_map())
      throw ChartError("failed to parse " + file +
                       ": error unmarshaling JSON: json: cannot unmarshal " +
                       std::string(current.is_list() ? "array" : current.is_string() ? "string" : "number") +
                       " into Go value of type map[string]interface {}");
    base = merge_maps(base, current);
  }
  auto apply = [&](const std::vector<std::string>& lines, const char* flag, auto&& fn) {
    for (const auto& line : lines) {
      try {
        fn(line);
      } catch (const ChartError& e) {
        throw ChartError(std::string("failed parsing ") + flag + " data: " + e.what());
      }
    }
  };
  // Helm drops the parser's message for --set-json and quotes the whole line instead.
  for (const auto& line : opts.set_json) {
    try {
      parse_set_json(line, base);
    } catch (const ChartError&) {
      throw ChartError("failed parsing --set-json data " + line);
    }
  }
  apply(opts.set, "--set", [&](const std::string& l) { parse_set(l, base); });
  apply(opts.set_string, "--set-string", [&](const std::string& l) { parse_set(l, base, true); });
  apply(opts.set_file, "--set-file", [&](const std::string& l) { parse_set_file(l, base); });
  apply(opts.set_literal, "--set-literal", [&](const std::string& l) { parse_set_literal(l, base); });
  return base;
}

}  // namespace sparkc::chart
