#include "yaml/yaml_emit.h"

#include <algorithm>
#include <cmath>

#include "sparkc/yaml.h"
#include "yaml/base64.h"
#include "yaml/go_number.h"
#include "yaml/resolve.h"
#include "yaml/scalar_analysis.h"
#include "yaml/utf8.h"

namespace sparkc::yaml::detail {
namespace {

// The scalar styles the Go encoders request or fall back to (folded '>' is never chosen).
enum class Style { Plain, Single, Double, Literal };

// One document, emitted depth first into a single buffer.
//
// libyaml is an event-driven state machine; since our input is a whole tree, each of its
// states becomes a function here (node, list, map, scalar) and its state stack becomes the
// C++ call stack. What must survive is libyaml's bookkeeping, because every spacing decision
// reads it: the current column, the indent stack, and the `whitespace` (last output was a
// space or break) and `indention` (only indentation so far on this line) flags.
class Emitter {
 public:
  explicit Emitter(const EmitOptions& o) : opts_(o), best_width_(o.v3 ? 0x7FFFFFFF : 80) {
    out_.reserve(256);
  }

  // An implicit document: no "---", the root node, then the final line break that the
  // DOCUMENT-END event's write_indent produces.
  std::string document(const Value& v) {
    node(v, true, false, false, false);
    write_indent();
    return std::move(out_);
  }

 private:
  // --- output primitives (put, put_break, write, write_indent, write_indicator) ---
  // The column counts characters, not bytes: it is compared with the best width to fold.
  void put(char c) {
    out_ += c;
    ++column_;
  }
  void put_break() {
    out_ += '\n';
    column_ = 0;
  }
  void write(const Text& t, size_t* i) {
    size_t w = utf8_width(t.at(*i));
    out_.append(t.s.substr(*i, w));
    ++column_;
    *i += w;
  }
  void write_all(std::string_view s) {
    Text t{s};
    for (size_t i = 0; i < s.size();) write(t, &i);
  }
  void write_break(const Text& t, size_t* i) {
    if (t.at(*i) == '\n') {
      put_break();
      ++*i;
    } else {
      write(t, i);
      column_ = 0;
    }
  }
  // Moves to the current indent, breaking the line unless only indentation has been written
  // on it so far.
  void write_indent() {
    int indent = std::max(indent_, 0);
    if (!indention_ || column_ > indent || (column_ == indent && !whitespace_)) put_break();
    while (column_ < indent) put(' ');
    whitespace_ = indention_ = true;
  }
  // Writes "-", ":", "?", quotes, brackets: `need_ws` puts a space first unless the output
  // already ends in whitespace; the flags say what the indicator counts as afterwards.
  void write_indicator(std::string_view ind, bool need_ws, bool is_ws, bool is_indention) {
    if (need_ws && !whitespace_) put(' ');
    write_all(ind);
    whitespace_ = is_ws;
    indention_ = indention_ && is_indention;
  }
  // Pushes the indent; the root block collection starts at column 0, a root scalar at 2.
  void increase_indent(bool flow, bool indentless) {
    indents_.push_back(indent_);
    if (indent_ < 0) {
      indent_ = flow ? 2 : 0;
    } else if (!indentless) {
      indent_ += 2;
    }
  }
  void pop_indent() {
    indent_ = indents_.back();
    indents_.pop_back();
  }

  // --- nodes ---
  // yaml_emitter_emit_node: records the context flags the writers consult, then dispatches on
  // the value. Numbers take the text yaml.v2 would print after the JSON round trip.
  void node(const Value& v, bool root, bool sequence, bool mapping, bool simple_key) {
    root_ = root;
    mapping_ctx_ = mapping;
    simple_key_ctx_ = simple_key;
    (void)sequence;
    switch (v.type()) {
      case Type::Nil: scalar("null", Style::Plain); return;
      case Type::Bool: scalar(v.as_bool() ? "true" : "false", Style::Plain); return;
      case Type::Int:
      case Type::Int64: scalar(std::to_string(v.as_int()), Style::Plain); return;
      case Type::Uint64: scalar(std::to_string(v.as_uint()), Style::Plain); return;
      case Type::Float64: scalar(float_text(v.as_float()), Style::Plain); return;
      case Type::String: string(v.as_string()); return;
      case Type::Bytes: string(base64_encode(v.as_string())); return;
      case Type::List: list(v.as_list()); return;
      case Type::Map: map(v.as_map()); return;
      case Type::Object: node(v.as_object()->to_data(), root, sequence, mapping, simple_key); return;
    }
  }

  std::string float_text(double f) {
    if (!std::isfinite(f)) {
      if (opts_.json_numbers) {
        throw YamlError("error marshaling into JSON: json: unsupported value: " + format_float_g(f),
                        "", 0, 0);
      }
      return std::isnan(f) ? ".nan" : (f > 0 ? ".inf" : "-.inf");
    }
    if (!opts_.json_numbers) return format_float_g(f);
    // The JSON text of the number, read back by yaml.v2: integral text becomes an int.
    Resolved r = resolve_plain(format_float_json(f));
    if (r.kind == Resolved::Int) return std::to_string(r.i);
    if (r.kind == Resolved::Uint) return std::to_string(r.u);
    return format_float_g(r.f);
  }

  // The encoder's stringv: literal for text with newlines, plain when the text would read back
  // as the same string, double quotes otherwise.
  void string(std::string_view raw) {
    std::string clean;
    if (opts_.json_numbers && !valid_utf8(raw)) {
      for (size_t i = 0; i < raw.size();) {
        size_t n;
        char32_t r = decode_rune(raw, i, &n);
        if (r == 0xFFFD && n == 1) append_rune(clean, 0xFFFD);
        else clean.append(raw.substr(i, n));
        i += n;
      }
      raw = clean;
    }
    if (opts_.json_numbers && raw.find("\xC2\x85") != std::string_view::npos) {
      clean = fold_nel(raw);
      raw = clean;
    }
    if (opts_.json_numbers && reader_rejects(raw)) {
      throw YamlError("error converting JSON to YAML: yaml: control characters are not allowed",
                      "", 0, 0);
    }
    bool plain_ok = resolve_plain(raw).kind == Resolved::Str && !is_base60_float(raw);
    Style style = raw.find('\n') != std::string_view::npos ? Style::Literal
                  : plain_ok                               ? Style::Plain
                                                           : Style::Double;
    scalar(raw, style);
  }

  void list(const List& l) {
    if (l.empty()) {
      write_indicator("[", true, true, false);
      write_indicator("]", false, false, false);
      return;
    }
    // yaml.v2 does not indent a sequence that is a mapping value ("key:\n- a"); v3 does.
    bool indentless = !opts_.v3 && mapping_ctx_ && !indention_;
    increase_indent(false, indentless);
    for (const Value& item : l) {
      write_indent();
      write_indicator("-", true, false, true);
      node(item, false, true, false, false);
    }
    pop_indent();
  }

  void map(const Map& m) {
    if (m.empty()) {
      write_indicator("{", true, true, false);
      write_indicator("}", false, false, false);
      return;
    }
    std::vector<std::pair<std::u32string, const Map::value_type*>> keys;
    keys.reserve(m.size());
    for (const auto& kv : m) keys.emplace_back(to_runes(kv.first), &kv);
    std::stable_sort(keys.begin(), keys.end(),
                     [](const auto& a, const auto& b) { return key_less(a.first, b.first); });
    increase_indent(false, false);
    for (const auto& [_, kv] : keys) {
      write_indent();
      const std::string& key = kv->first;
      if (simple_key(key)) {
        node(Value(key), false, false, true, true);
        write_indicator(":", false, false, false);
      } else {
        write_indicator("?", true, false, true);
        node(Value(key), false, false, true, false);
        write_indent();
        write_indicator(":", true, false, true);
      }
      node(kv->second, false, false, true, false);
    }
    pop_indent();
  }

  // check_simple_key for a string key: one line and at most 128 bytes; longer or multi-line
  // keys are written in the explicit "? key" / ": value" form.
  bool simple_key(std::string_view key) {
    return key.size() <= 128 && !analyze_scalar(key).multiline;
  }

  // --- scalars ---
  // yaml_emitter_select_scalar_style, then the writer. The requested style degrades: plain to
  // single quotes when the text has indicators or edge spaces, single to double quotes when
  // it has breaks next to spaces or unprintable characters, literal to double quotes for keys
  // and for text a block scalar cannot hold (trailing spaces, special characters).
  void scalar(std::string_view value, Style style) {
    Analysis a = analyze_scalar(value);
    if (simple_key_ctx_ && a.multiline) style = Style::Double;
    if (style == Style::Plain) {
      if (!a.block_plain) style = Style::Single;
      if (value.empty() && simple_key_ctx_) style = Style::Single;
    }
    if (style == Style::Single && !a.single_quoted) style = Style::Double;
    if (style == Style::Literal && (!a.block || simple_key_ctx_)) style = Style::Double;
    increase_indent(true, false);
    bool breaks = !simple_key_ctx_;
    switch (style) {
      case Style::Plain: plain(value, breaks); break;
      case Style::Single: single(value, breaks); break;
      case Style::Double: double_quoted(value, breaks); break;
      case Style::Literal: literal(value); break;
    }
    pop_indent();
  }

  // Plain text; with `allow_breaks` (not a key) a space past the best width becomes a line
  // break at the current indent, which YAML folds back into the space when reading.
  void plain(std::string_view value, bool allow_breaks) {
    if (!whitespace_) put(' ');
    Text t{value};
    bool spaces = false, breaks = false;
    for (size_t i = 0; i < value.size();) {
      if (t.space(i)) {
        if (allow_breaks && !spaces && column_ > best_width_ && !t.space(i + 1)) {
          write_indent();
          i += 1;
        } else {
          write(t, &i);
        }
        spaces = true;
      } else if (t.brk(i)) {
        if (!breaks && t.at(i) == '\n') put_break();
        write_break(t, &i);
        indention_ = true;
        breaks = true;
      } else {
        if (breaks) write_indent();
        write(t, &i);
        indention_ = false;
        spaces = breaks = false;
      }
    }
    whitespace_ = indention_ = false;
  }

  // '...' with '' for a quote; folds like plain, but never at the first or last character.
  void single(std::string_view value, bool allow_breaks) {
    write_indicator("'", true, false, false);
    Text t{value};
    bool spaces = false, breaks = false;
    for (size_t i = 0; i < value.size();) {
      if (t.space(i)) {
        if (allow_breaks && !spaces && column_ > best_width_ && i > 0 && i < value.size() - 1 &&
            !t.space(i + 1)) {
          write_indent();
          i += 1;
        } else {
          write(t, &i);
        }
        spaces = true;
      } else if (t.brk(i)) {
        if (!breaks && t.at(i) == '\n') put_break();
        write_break(t, &i);
        indention_ = true;
        breaks = true;
      } else {
        if (breaks) write_indent();
        if (t.at(i) == '\'') put('\'');
        write(t, &i);
        indention_ = false;
        spaces = breaks = false;
      }
    }
    write_indicator("'", false, false, false);
    whitespace_ = indention_ = false;
  }

  // "..." with libyaml's escapes (upper-case hex in \x, \u, \U; \N, \_, \L, \P); a fold
  // before a second space escapes that space with a backslash so it survives reading.
  void double_quoted(std::string_view value, bool allow_breaks) {
    static const char kHex[] = "0123456789ABCDEF";
    write_indicator("\"", true, false, false);
    Text t{value};
    bool spaces = false;
    for (size_t i = 0; i < value.size();) {
      unsigned char b = t.at(i);
      if (!t.printable(i) || t.bom() || t.brk(i) || b == '"' || b == '\\') {
        size_t w = utf8_width(b);
        char32_t v = b & (w == 1 ? 0x7F : w == 2 ? 0x1F : w == 3 ? 0x0F : 0x07);
        for (size_t k = 1; k < w; ++k) v = (v << 6) | (t.at(i + k) & 0x3F);
        i += w;
        put('\\');
        switch (v) {
          case 0x00: put('0'); break;
          case 0x07: put('a'); break;
          case 0x08: put('b'); break;
          case 0x09: put('t'); break;
          case 0x0A: put('n'); break;
          case 0x0B: put('v'); break;
          case 0x0C: put('f'); break;
          case 0x0D: put('r'); break;
          case 0x1B: put('e'); break;
          case 0x22: put('"'); break;
          case 0x5C: put('\\'); break;
          case 0x85: put('N'); break;
          case 0xA0: put('_'); break;
          case 0x2028: put('L'); break;
          case 0x2029: put('P'); break;
          default: {
            int digits;
            if (v <= 0xFF) put('x'), digits = 2;
            else if (v <= 0xFFFF) put('u'), digits = 4;
            else put('U'), digits = 8;
            for (int k = (digits - 1) * 4; k >= 0; k -= 4) put(kHex[(v >> k) & 0xF]);
          }
        }
        spaces = false;
      } else if (t.space(i)) {
        if (allow_breaks && !spaces && column_ > best_width_ && i > 0 && i < value.size() - 1) {
          write_indent();
          if (t.space(i + 1)) put('\\');
          i += 1;
        } else {
          write(t, &i);
        }
        spaces = true;
      } else {
        write(t, &i);
        spaces = false;
      }
    }
    write_indicator("\"", false, false, false);
    whitespace_ = indention_ = false;
  }

  // A | block scalar, lines at the scalar's indent; empty lines carry no indentation.
  void literal(std::string_view value) {
    write_indicator("|", true, false, false);
    Text t{value};
    // Block scalar hints: an indentation digit when the text starts with a space or break,
    // '-' to strip a missing final newline, '+' to keep several.
    if (t.space(0) || t.brk(0)) write_indicator("2", false, false, false);
    size_t i = value.size() - 1;
    while (i > 0 && (t.at(i) & 0xC0) == 0x80) --i;
    if (!t.brk(i)) {
      write_indicator("-", false, false, false);
    } else if (i == 0) {
      write_indicator("+", false, false, false);
    } else {
      --i;
      while (i > 0 && (t.at(i) & 0xC0) == 0x80) --i;
      if (t.brk(i)) write_indicator("+", false, false, false);
    }
    if (opts_.v3) {
      // yaml.v3 writes no break after the header: the first line's indent (or the text's own
      // leading break, which is thereby lost) starts the body.
      whitespace_ = true;
    } else {
      put_break();
      indention_ = whitespace_ = true;
    }
    bool breaks = true;
    for (size_t k = 0; k < value.size();) {
      if (t.brk(k)) {
        write_break(t, &k);
        indention_ = true;
        breaks = true;
      } else {
        if (breaks) write_indent();
        write(t, &k);
        indention_ = false;
        breaks = false;
      }
    }
  }

  EmitOptions opts_;
  int best_width_;  // 80 in yaml.v2 (libyaml's default); yaml.v3 sets no limit
  std::string out_;
  int column_ = 0;
  int indent_ = -1;
  std::vector<int> indents_;
  bool whitespace_ = true;
  bool indention_ = true;
  bool root_ = false;
  bool mapping_ctx_ = false;     // the node is a mapping key or value
  bool simple_key_ctx_ = false;  // the node is a key written as "key:"
};

}  // namespace

std::string emit_yaml(const Value& v, const EmitOptions& opts) { return Emitter(opts).document(v); }

}  // namespace sparkc::yaml::detail

namespace sparkc::yaml {

std::string to_yaml(const Value& v) { return detail::emit_yaml(v, detail::EmitOptions{}); }

std::string to_yaml_pretty(const Value& v) {
  detail::EmitOptions o;
  o.v3 = true;
  o.json_numbers = false;
  return detail::emit_yaml(v, o);
}

}  // namespace sparkc::yaml
