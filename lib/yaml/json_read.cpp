// from_json: encoding/json.Unmarshal into interface{}, with the scanner's error wording.
//
// Go validates the whole input before decoding, so a syntax error anywhere wins over a number
// that does not fit a float64; this parser keeps that order by collecting the range error and
// throwing it only after the input has been read to the end.
#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "sparkc/yaml.h"
#include "yaml/utf8.h"

namespace sparkc::yaml {
namespace {

// The scanner's quoteChar: the offending byte as a Go quoted character.
std::string quote_char(unsigned char c) {
  if (c == '\'') return "'\\''";
  if (c == '"') return "'\"'";
  std::string q = "'";
  switch (c) {
    case '\a': q += "\\a"; break;
    case '\b': q += "\\b"; break;
    case '\f': q += "\\f"; break;
    case '\n': q += "\\n"; break;
    case '\r': q += "\\r"; break;
    case '\t': q += "\\t"; break;
    case '\v': q += "\\v"; break;
    case '\\': q += "\\\\"; break;
    default: {
      static const char kHex[] = "0123456789abcdef";
      if (c < 0x20 || c == 0x7f) {
        q += "\\x";
        q += kHex[c >> 4];
        q += kHex[c & 0xF];
      } else if (c < 0x7f) {
        q += static_cast<char>(c);
      } else if (c < 0xA1 || c == 0xAD) {
        // string(byte) is the rune U+0080..U+00FF; these are not printable in Go.
        q += "\\u00";
        q += kHex[c >> 4];
        q += kHex[c & 0xF];
      } else {
        detail::append_rune(q, c);
      }
    }
  }
  return q + "'";
}

// A recursive-descent reader that reports errors where Go's state machine (scanner.go) would,
// with the same context words ("after object key", "in numeric literal", ...).
class JsonReader {
 public:
  explicit JsonReader(std::string_view s) : s_(s) {}

  // Reads the whole text; a range error is left in range_error().
  Value document() {
    Value v = value();
    skip_ws();
    if (i_ < s_.size()) syntax("after top-level value");
    return v;
  }
  const std::string& range_error() const { return range_error_; }

 private:
  [[noreturn]] void eof() { throw YamlError("unexpected end of JSON input", "", 0, 0); }
  // Inside a literal or number Go's scanner reports the end of input as the space it feeds
  // itself at EOF.
  [[noreturn]] void syntax(const char* context) {
    unsigned char c = i_ < s_.size() ? static_cast<unsigned char>(s_[i_]) : ' ';
    throw YamlError("invalid character " + quote_char(c) + " " +
                        context,
                    "", 0, 0);
  }

  void skip_ws() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\r' || s_[i_] == '\n')) ++i_;
  }
  char peek() {
    if (i_ >= s_.size()) eof();
    return s_[i_];
  }
  // The next byte, or a space at the end of input.
  char peek_in_token() const { return i_ < s_.size() ? s_[i_] : ' '; }

  Value value() {
    skip_ws();
    char c = peek();
    switch (c) {
      case '{': return object();
      case '[': return array();
      case '"': return Value(string());
      case 't': literal("true"); return Value(true);
      case 'f': literal("false"); return Value(false);
      case 'n': literal("null"); return Value();
      default:
        if (c == '-' || (c >= '0' && c <= '9')) return number();
        syntax("looking for beginning of value");
    }
  }

  Value object() {
    ++i_;
    Map m;
    skip_ws();
    if (peek() == '}') {
      ++i_;
      return Value(std::move(m));
    }
    for (;;) {
      skip_ws();
      if (peek() != '"') syntax("looking for beginning of object key string");
      std::string key = string();
      skip_ws();
      if (peek() != ':') syntax("after object key");
      ++i_;
      // A repeated key keeps its last value, as Go's map assignment does.
      m.insert_or_assign(std::move(key), value());
      skip_ws();
      char c = peek();
      ++i_;
      if (c == '}') return Value(std::move(m));
      if (c != ',') {
        --i_;
        syntax("after object key:value pair");
      }
    }
  }

  Value array() {
    ++i_;
    List l;
    skip_ws();
    if (peek() == ']') {
      ++i_;
      return Value(std::move(l));
    }
    for (;;) {
      l.push_back(value());
      skip_ws();
      char c = peek();
      ++i_;
      if (c == ']') return Value(std::move(l));
      if (c != ',') {
        --i_;
        syntax("after array element");
      }
    }
  }

  void literal(std::string_view word) {
    for (size_t k = 0; k < word.size(); ++k, ++i_) {
      if (peek_in_token() != word[k]) {
        std::string ctx = "in literal " + std::string(word) + " (expecting " +
                          quote_char(static_cast<unsigned char>(word[k])) + ")";
        syntax(ctx.c_str());
      }
    }
  }

  static bool digit(char c) { return c >= '0' && c <= '9'; }

  // JSON number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?; a leading zero ends
  // the number, so "01" fails on the '1' that follows it.
  Value number() {
    size_t start = i_;
    if (s_[i_] == '-') {
      ++i_;
      if (!digit(peek_in_token())) syntax("in numeric literal");
    }
    if (s_[i_] == '0') {
      ++i_;
    } else {
      while (i_ < s_.size() && digit(s_[i_])) ++i_;
    }
    if (i_ < s_.size() && s_[i_] == '.') {
      ++i_;
      if (!digit(peek_in_token())) syntax("after decimal point in numeric literal");
      while (i_ < s_.size() && digit(s_[i_])) ++i_;
    }
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
      if (peek_in_token() == '+' || peek_in_token() == '-') ++i_;
      if (!digit(peek_in_token())) syntax("in exponent of numeric literal");
      while (i_ < s_.size() && digit(s_[i_])) ++i_;
    }
    std::string text(s_.substr(start, i_ - start));
    errno = 0;
    double d = std::strtod(text.c_str(), nullptr);
    if (errno == ERANGE && std::isinf(d)) {
      if (range_error_.empty()) {
        range_error_ = "json: cannot unmarshal number " + text + " into Go value of type float64";
      }
      return Value();
    }
    return Value::float64(d);
  }

  int hex4() {
    int r = 0;
    for (int k = 0; k < 4; ++k, ++i_) {
      char c = peek();
      int d;
      if (c >= '0' && c <= '9') d = c - '0';
      else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
      else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
      else syntax("in \\u hexadecimal character escape");
      r = r * 16 + d;
    }
    return r;
  }

  // A string literal; invalid UTF-8 and unpaired surrogates become U+FFFD as Go decodes them.
  std::string string() {
    ++i_;
    std::string out;
    for (;;) {
      unsigned char c = static_cast<unsigned char>(peek());
      if (c == '"') {
        ++i_;
        return out;
      }
      if (c < 0x20) syntax("in string literal");
      if (c == '\\') {
        ++i_;
        char e = peek();
        ++i_;
        switch (e) {
          case '"': out += '"'; break;
          case '\\': out += '\\'; break;
          case '/': out += '/'; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          case 'n': out += '\n'; break;
          case 'r': out += '\r'; break;
          case 't': out += '\t'; break;
          case 'u': {
            char32_t r = static_cast<char32_t>(hex4());
            if (r >= 0xD800 && r < 0xDC00) {
              // A high surrogate pairs only with an immediately following \uDC00-\uDFFF.
              if (i_ + 1 < s_.size() && s_[i_] == '\\' && s_[i_ + 1] == 'u') {
                size_t save = i_;
                i_ += 2;
                char32_t r2 = static_cast<char32_t>(hex4());
                if (r2 >= 0xDC00 && r2 < 0xE000) {
                  r = 0x10000 + ((r - 0xD800) << 10) + (r2 - 0xDC00);
                } else {
                  i_ = save;
                  r = 0xFFFD;
                }
              } else {
                r = 0xFFFD;
              }
            } else if (r >= 0xDC00 && r < 0xE000) {
              r = 0xFFFD;
            }
            detail::append_rune(out, r);
            break;
          }
          default:
            --i_;
            syntax("in string escape code");
        }
        continue;
      }
      if (c < 0x80) {
        out += static_cast<char>(c);
        ++i_;
        continue;
      }
      size_t n;
      char32_t r = detail::decode_rune(s_, i_, &n);
      if (r == 0xFFFD && n == 1) {
        detail::append_rune(out, 0xFFFD);
      } else {
        out.append(s_.substr(i_, n));
      }
      i_ += n;
    }
  }

  std::string_view s_;
  size_t i_ = 0;
  std::string range_error_;
};

}  // namespace

Value from_json(std::string_view text) {
  JsonReader r(text);
  Value v = r.document();
  if (!r.range_error().empty()) throw YamlError(r.range_error(), "", 0, 0);
  return v;
}

JsonResult decode_json(std::string_view text) {
  JsonResult out;
  try {
    JsonReader r(text);
    out.value = r.document();
    out.error = r.range_error();
  } catch (const YamlError& e) {
    out.error = e.what();
  }
  return out;
}

}  // namespace sparkc::yaml
