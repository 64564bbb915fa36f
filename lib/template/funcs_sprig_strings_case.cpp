// Sprig's word functions, which come from goutils (abbrev, abbrevboth, untitle, nospace,
// initials, swapcase, wrap, wrapWith) and xstrings (snakecase, camelcase, kebabcase).
//
// Their quirks are kept on purpose: goutils' initials and nospace walk bytes and treat each
// byte as a Latin-1 rune, so non-ASCII text comes out re-encoded, exactly as Helm renders it.
#include <string>

#include "template/funcs_sprig_strings.h"
#include "template/go_unicode.h"

namespace sparkc::gotmpl {

namespace {

using Args = std::span<const Value>;

// goutils.AbbreviateFull; nullopt stands for its "illegal argument" errors, which Sprig drops.
std::optional<std::string> abbreviate_full(const std::string& s, std::int64_t offset,
                                           std::int64_t max_width) {
  if (s.empty()) return "";
  if (max_width < 4) return std::nullopt;
  const auto len = static_cast<std::int64_t>(s.size());
  if (len <= max_width) return s;
  if (offset > len) offset = len;
  if (len - offset < max_width - 3) offset = len - (max_width - 3);
  if (offset <= 4) return s.substr(0, static_cast<std::size_t>(max_width - 3)) + "...";
  if (max_width < 7) return std::nullopt;
  if (offset + max_width - 3 < len) {
    auto rest = abbreviate_full(s.substr(static_cast<std::size_t>(offset)), 0, max_width - 3);
    return "..." + rest.value_or("");
  }
  return "..." + s.substr(static_cast<std::size_t>(len - (max_width - 3)));
}

std::string abbrev(std::int64_t width, const std::string& s) {
  if (width < 4) return s;
  return abbreviate_full(s, 0, width).value_or("");
}

std::string abbrevboth(std::int64_t left, std::int64_t right, const std::string& s) {
  if (right < 4 || (left > 0 && right < 7)) return s;
  return abbreviate_full(s, left, right).value_or("");
}

// goutils.Uncapitalize: lower-cases the first rune of each space-separated word.
std::string untitle(const std::string& s) {
  std::vector<char32_t> runes = utf8_runes(s);
  bool next = true;
  for (char32_t& r : runes) {
    if (is_space(r)) {
      next = true;
    } else if (next) {
      r = to_lower(r);
      next = false;
    }
  }
  return utf8_string(runes);
}

// goutils.DeleteWhiteSpace, byte by byte (see the file comment).
std::string nospace(const std::string& s) {
  std::string out;
  bool removed = false;
  for (unsigned char c : s) {
    if (is_space(c)) {
      removed = true;
      continue;
    }
    utf8_append(out, c);
  }
  return removed ? out : s;
}

// goutils.Initials, byte by byte (see the file comment).
std::string initials(const std::string& s) {
  std::string out;
  bool gap = true;
  for (unsigned char c : s) {
    if (is_space(c)) {
      gap = true;
    } else if (gap) {
      utf8_append(out, c);
      gap = false;
    }
  }
  return out;
}

// goutils.SwapCase: upper and title to lower; lower to title after a space, else to upper.
std::string swapcase(const std::string& s) {
  std::vector<char32_t> runes = utf8_runes(s);
  bool space = true;
  for (char32_t& r : runes) {
    if (is_upper(r) || is_title(r)) {
      r = to_lower(r);
      space = false;
    } else if (is_lower(r)) {
      r = space ? to_title(r) : to_upper(r);
      space = false;
    } else {
      space = is_space(r);
    }
  }
  return utf8_string(runes);
}

// goutils.WrapCustom: breaks at the last space that fits, counting bytes; long words are
// split only when `wrap_long` is set.
std::string wrap_custom(const std::string& s, std::int64_t width, std::string nl, bool wrap_long) {
  if (s.empty()) return "";
  if (nl.empty()) nl = "\n";
  if (width < 1) width = 1;
  const auto len = static_cast<std::int64_t>(s.size());
  std::int64_t offset = 0;
  std::string out;
  auto sub = [&s](std::int64_t from, std::int64_t to) {
    return s.substr(static_cast<std::size_t>(from), static_cast<std::size_t>(to - from));
  };
  while (len - offset > width) {
    if (s[static_cast<std::size_t>(offset)] == ' ') {
      ++offset;
      continue;
    }
    std::int64_t end = width + offset + 1;
    std::size_t last = sub(offset, end).rfind(' ');
    if (last != std::string::npos) {
      std::int64_t at = static_cast<std::int64_t>(last) + offset;
      out += sub(offset, at) + nl;
      offset = at + 1;
    } else if (wrap_long) {
      out += sub(offset, width + offset) + nl;
      offset += width;
    } else {
      std::size_t next = s.find(' ', static_cast<std::size_t>(width + offset));
      if (next == std::string::npos) {
        out += sub(offset, len);
        offset = len;
      } else {
        out += sub(offset, static_cast<std::int64_t>(next)) + nl;
        offset = static_cast<std::int64_t>(next) + 1;
      }
    }
  }
  return out + sub(offset, len);
}

// ---- xstrings ----

bool is_connector(char32_t r) { return r == '-' || r == '_' || is_space(r); }

// xstrings.isAlphabet: a letter that is not a CJK ideograph.
bool is_alphabet(char32_t r) {
  if (!is_letter(r)) return false;
  if (r < 0x3400) return true;
  if ((r >= 0x4E00 && r <= 0x9FCC) || (r >= 0x3400 && r <= 0x4D85) ||
      (r >= 0x20000 && r <= 0x2B81D))
    return false;
  return true;
}

std::string camelcase(std::string_view s) {
  if (s.empty()) return "";
  std::string out;
  char32_t r0 = 0, r1;
  std::size_t size = 0;
  // Leading connectors are kept as they are.
  while (!s.empty()) {
    DecodedRune d = utf8_decode(s);
    r0 = d.rune, size = d.size;
    s.remove_prefix(size);
    if (!is_connector(r0)) {
      r0 = to_upper(r0);
      break;
    }
    utf8_append(out, r0);
  }
  if (s.empty()) {
    // xstrings writes the last rune again here, even when it was a connector already written.
    if (size != 0) utf8_append(out, r0);
    return out;
  }
  while (!s.empty()) {
    r1 = r0;
    DecodedRune d = utf8_decode(s);
    r0 = d.rune;
    s.remove_prefix(d.size);
    if (is_connector(r0) && is_connector(r1)) {
      utf8_append(out, r1);
      continue;
    }
    if (is_connector(r1)) {
      r0 = to_upper(r0);
    } else {
      r0 = to_lower(r0);
      utf8_append(out, r1);
    }
  }
  utf8_append(out, r0);
  return out;
}

enum class WordType { Invalid, Number, UpperCase, Alphabet, Connector, Punct, Other };

// xstrings.nextValidRune: the next decodable rune and the bytes up to and including it;
// `prev` and all the bytes when only invalid bytes remain.
DecodedRune next_valid_rune(std::string_view s, char32_t prev) {
  std::size_t size = 0;
  while (!s.empty()) {
    DecodedRune d = utf8_decode(s);
    size += d.size;
    if (d.rune != kRuneError) return {d.rune, size};
    s.remove_prefix(d.size);
  }
  return {prev, size};
}

struct Word {
  WordType type = WordType::Invalid;
  std::string_view word, rest;
};

// xstrings.nextWord: splits off the next run of one word type.
Word next_word(std::string_view str) {
  Word w;
  if (str.empty()) return w;
  std::size_t offset = 0;
  std::string_view rem = str;
  DecodedRune d = next_valid_rune(rem, kRuneError);
  char32_t r = d.rune;
  std::size_t size = d.size;
  offset += size;
  if (r == kRuneError) {
    w.type = WordType::Invalid;
    w.word = str.substr(0, offset);
    w.rest = str.substr(offset);
    return w;
  }
  // Extends the word while `keep` holds for the next valid rune.
  auto extend = [&](auto keep) {
    while (!rem.empty()) {
      DecodedRune n = next_valid_rune(rem, r);
      r = n.rune, size = n.size;
      if (!keep(r)) break;
      offset += size;
      rem.remove_prefix(size);
    }
  };
  if (is_connector(r)) {
    w.type = WordType::Connector;
    rem.remove_prefix(size);
    extend(is_connector);
  } else if (is_punct(r)) {
    w.type = WordType::Punct;
    rem.remove_prefix(size);
    extend(is_punct);
  } else if (is_upper(r)) {
    w.type = WordType::UpperCase;
    rem.remove_prefix(size);
    if (!rem.empty()) {
      DecodedRune n = next_valid_rune(rem, r);
      r = n.rune, size = n.size;
      if (is_upper(r)) {
        std::size_t prev_size = size;
        offset += size;
        rem.remove_prefix(size);
        while (!rem.empty()) {
          n = next_valid_rune(rem, r);
          r = n.rune, size = n.size;
          if (!is_upper(r)) break;
          prev_size = size;
          offset += size;
          rem.remove_prefix(size);
        }
        // "HTTPStatus" splits as "HTTP" + "Status": the last capital starts the next word.
        if (!rem.empty() && is_alphabet(r)) {
          offset -= prev_size;
          rem = str.substr(offset);
        }
      } else if (is_alphabet(r)) {
        offset += size;
        rem.remove_prefix(size);
        extend([](char32_t c) { return is_alphabet(c) && !is_upper(c); });
      }
    }
  } else if (is_alphabet(r)) {
    w.type = WordType::Alphabet;
    rem.remove_prefix(size);
    extend([](char32_t c) { return is_alphabet(c) && !is_upper(c); });
  } else if (is_number(r)) {
    w.type = WordType::Number;
    rem.remove_prefix(size);
    extend(is_number);
  } else {
    w.type = WordType::Other;
    rem.remove_prefix(size);
    while (!rem.empty()) {
      DecodedRune n = next_valid_rune(rem, r);
      r = n.rune, size = n.size;
      if (size == 0 || is_connector(r) || is_alphabet(r) || is_number(r) || is_punct(r)) break;
      offset += size;
      rem.remove_prefix(size);
    }
  }
  w.word = str.substr(0, offset);
  w.rest = rem;
  return w;
}

// xstrings.toLower: upper-case words and connectors are rewritten rune by rune.
void lower_word(std::string& out, WordType t, std::string_view s, char32_t connector) {
  if (t != WordType::UpperCase && t != WordType::Connector) {
    out.append(s);
    return;
  }
  while (!s.empty()) {
    DecodedRune d = utf8_decode(s);
    s.remove_prefix(d.size);
    if (is_connector(d.rune)) {
      utf8_append(out, connector);
    } else if (is_upper(d.rune)) {
      utf8_append(out, to_lower(d.rune));
    } else {
      utf8_append(out, d.rune);
    }
  }
}

// xstrings.camelCaseToLowerCase, behind snakecase and kebabcase.
std::string to_lower_case(std::string_view str, char32_t connector) {
  if (str.empty()) return "";
  std::string out;
  Word w = next_word(str);
  auto advance = [&w] { w = next_word(w.rest); };
  auto joins = [](WordType t) {
    return t != WordType::Invalid && t != WordType::Punct && t != WordType::Connector;
  };
  while (!w.rest.empty()) {
    if (w.type != WordType::Connector) lower_word(out, w.type, w.word, connector);
    WordType prev = w.type;
    std::string_view last = w.word;
    advance();
    switch (prev) {
      case WordType::Number:
        while (w.type == WordType::Alphabet || w.type == WordType::Number) {
          lower_word(out, w.type, w.word, connector);
          advance();
        }
        if (joins(w.type)) utf8_append(out, connector);
        break;
      case WordType::Connector:
        lower_word(out, prev, last, connector);
        break;
      case WordType::Punct:
        break;
      default: {
        if (w.type != WordType::Number) {
          if (w.type != WordType::Connector && w.type != WordType::Punct) utf8_append(out, connector);
          break;
        }
        if (w.rest.empty()) break;
        std::string_view number = w.word;
        advance();
        // A number glued to a word stays with it ("Bld4Floor" -> "bld4_floor") unless lower
        // case letters follow it ("HTTP2xx" -> "http_2xx").
        if (w.type != WordType::Alphabet) {
          lower_word(out, WordType::Number, number, connector);
          if (w.type != WordType::Connector && w.type != WordType::Punct) utf8_append(out, connector);
          break;
        }
        utf8_append(out, connector);
        lower_word(out, WordType::Number, number, connector);
        while (w.type == WordType::Alphabet || w.type == WordType::Number) {
          lower_word(out, w.type, w.word, connector);
          advance();
        }
        if (joins(w.type)) utf8_append(out, connector);
      }
    }
  }
  lower_word(out, w.type, w.word, connector);
  return out;
}

}  // namespace

void register_sprig_case(FunctionRegistry& r) {
  const Signature s1{{Param::String}};
  r.add("abbrev", {{Param::Int, Param::String}}, [](CallContext&, Args a) {
    return Value(abbrev(a[0].as_int(), a[1].as_string()));
  });
  r.add("abbrevboth", {{Param::Int, Param::Int, Param::String}}, [](CallContext&, Args a) {
    return Value(abbrevboth(a[0].as_int(), a[1].as_int(), a[2].as_string()));
  });
  r.add("untitle", s1, [](CallContext&, Args a) { return Value(untitle(a[0].as_string())); });
  r.add("nospace", s1, [](CallContext&, Args a) { return Value(nospace(a[0].as_string())); });
  r.add("initials", s1, [](CallContext&, Args a) { return Value(initials(a[0].as_string())); });
  r.add("swapcase", s1, [](CallContext&, Args a) { return Value(swapcase(a[0].as_string())); });
  r.add("snakecase", s1, [](CallContext&, Args a) { return Value(to_lower_case(a[0].as_string(), '_')); });
  r.add("kebabcase", s1, [](CallContext&, Args a) { return Value(to_lower_case(a[0].as_string(), '-')); });
  r.add("camelcase", s1, [](CallContext&, Args a) { return Value(camelcase(a[0].as_string())); });
  r.add("wrap", {{Param::Int, Param::String}}, [](CallContext&, Args a) {
    return Value(wrap_custom(a[1].as_string(), a[0].as_int(), "", false));
  });
  r.add("wrapWith", {{Param::Int, Param::String, Param::String}}, [](CallContext&, Args a) {
    return Value(wrap_custom(a[2].as_string(), a[0].as_int(), a[1].as_string(), true));
  });
}

}  // namespace sparkc::gotmpl
