#include "yaml/load_errors.h"

#include <yaml-cpp/exceptions.h>

#include <algorithm>

namespace sparkc::yaml::detail {

SyntaxError libyaml_error(const std::string& msg, std::string_view line_text) {
  // A tab in the indentation is a scanner error in libyaml; yaml-cpp reports what follows.
  size_t lead = line_text.find_first_not_of(" \t");
  if (line_text.substr(0, lead).find('\t') != std::string_view::npos) {
    return {"found character that cannot start any token", true};
  }
  if (msg == YAML::ErrorMsg::MAP_VALUE) return {"mapping values are not allowed in this context", true};
  if (msg == YAML::ErrorMsg::END_OF_MAP) return {"did not find expected key", false};
  if (msg == YAML::ErrorMsg::END_OF_SEQ) return {"did not find expected '-' indicator", false};
  if (msg == YAML::ErrorMsg::END_OF_MAP_FLOW) return {"did not find expected ',' or '}'", false};
  if (msg == YAML::ErrorMsg::END_OF_SEQ_FLOW) return {"did not find expected ',' or ']'", false};
  if (msg == YAML::ErrorMsg::FLOW_END) return {"did not find expected key", false};
  if (msg == YAML::ErrorMsg::BLOCK_ENTRY) {
    return {"block sequence entries are not allowed in this context", true};
  }
  if (msg == YAML::ErrorMsg::EOF_IN_SCALAR) return {"found unexpected end of stream", true};
  if (msg == YAML::ErrorMsg::CHAR_IN_BLOCK) return {"did not find expected comment or line break", true};
  if (msg == YAML::ErrorMsg::UNKNOWN_TOKEN) return {"found character that cannot start any token", true};
  if (msg == YAML::ErrorMsg::ALIAS_NOT_FOUND || msg == YAML::ErrorMsg::ANCHOR_NOT_FOUND) {
    return {"did not find expected alphabetic or numeric character", true};
  }
  return {msg, true};
}

std::string_view line_at(std::string_view text, int line0) {
  size_t start = 0;
  for (int l = 0; l < line0; ++l) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) return {};
    start = nl + 1;
  }
  size_t end = text.find('\n', start);
  return text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

[[noreturn]] void syntax_fail(const SyntaxError& e, std::string_view file, int line0, int col0) {
  std::string where;
  if (line0 > 0) where = "line " + std::to_string(e.scanner ? line0 + 1 : line0) + ": ";
  throw YamlError(std::string(kYamlStepPrefix) + "yaml: " + where + e.problem, std::string(file), line0 + 1,
                  col0 + 1);
}

// The name of the alias written at `pos` ("*name").
std::string alias_name(std::string_view text, int pos) {
  size_t i = pos >= 0 ? static_cast<size_t>(pos) : 0;
  if (i < text.size() && text[i] == '*') ++i;
  size_t j = i;
  while (j < text.size() && std::string_view(" \t\r\n,[]{}").find(text[j]) == std::string_view::npos) ++j;
  return std::string(text.substr(i, j - i));
}

namespace {

// True when a document starting at `pos` was opened explicitly ("---" or a directive), or the
// one before it was closed with "...". libyaml rejects anything else after a block document;
// yaml-cpp silently starts a new document.
bool explicit_start(std::string_view text, int pos) {
  size_t p = pos >= 0 ? static_cast<size_t>(pos) : 0;
  if (text.substr(p, 3) == "---" || text.substr(p, 1) == "%") return true;
  // Walk back over blank and comment lines to the previous content line.
  size_t end = text.rfind('\n', p == 0 ? 0 : p - 1);
  while (end != std::string_view::npos && end > 0) {
    size_t start = text.rfind('\n', end - 1);
    start = start == std::string_view::npos ? 0 : start + 1;
    std::string_view line = text.substr(start, end - start);
    size_t first = line.find_first_not_of(" \t\r");
    if (first != std::string_view::npos && line[first] != '#') return line.substr(0, 3) == "...";
    if (start == 0) break;
    end = start - 1;
  }
  return false;
}

}  // namespace

// yaml-cpp reads a lone plain scalar in a block mapping ("a: 1\nb") as a key with a null
// value; libyaml's scanner wants the ':' and fails at the end of the stream. Returns the
// offending key, or nullptr.
const Node* key_without_colon(const Node* n, std::string_view text) {
  if (!n || (n->kind != Node::Mapping && n->kind != Node::Sequence)) return nullptr;
  for (size_t i = 0; i < n->children.size(); ++i) {
    const Node* c = n->children[i];
    if (n->kind == Node::Mapping && !n->flow && i % 2 == 0 && i + 1 < n->children.size() &&
        n->children[i + 1]->kind == Node::Null && c->kind == Node::Scalar && c->tag == "?" &&
        c->value.find('\n') == std::string::npos &&
        text.substr(static_cast<size_t>(c->pos), c->value.size()) == c->value) {
      size_t j = static_cast<size_t>(c->pos) + c->value.size();
      while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) ++j;
      if (j >= text.size() || text[j] != ':') return c;
    }
    if (const Node* bad = key_without_colon(c, text)) return bad;
  }
  return nullptr;
}

// A block collection ends where a line starts left of it; text at its own column that cannot
// continue it is an error in libyaml, while yaml-cpp starts a new document there.
void check_continuation(std::string_view text, std::string_view file, const Node* previous,
                        const YAML::Mark& start) {
  if (!previous || start.column < previous->mark.col - 1 || explicit_start(text, start.pos)) return;
  if (previous->kind == Node::Sequence) {
    syntax_fail({"did not find expected '-' indicator", false}, file, start.line, start.column);
  }
  if (previous->kind == Node::Mapping) {
    size_t p = static_cast<size_t>(start.pos);
    bool scalar_line = p < text.size() && text.find(':', p) > text.find('\n', p);
    if (scalar_line) {
      // A plain scalar where a key belongs: libyaml's scanner waits for its ':' to the end.
      int eof = static_cast<int>(std::count(text.begin(), text.end(), '\n'));
      if (!text.empty() && text.back() != '\n') ++eof;
      syntax_fail({"could not find expected ':'", true}, file, eof, 0);
    }
    syntax_fail({"did not find expected key", false}, file, start.line, start.column);
  }
}

// libyaml refuses a document that starts with ',' (a flow entry outside a flow collection);
// yaml-cpp skips it.
void check_leading_comma(std::string_view text, std::string_view file) {
  size_t i = 0;
  int line = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == '\n') {
      ++line;
      ++i;
    } else if (c == ' ' || c == '\t' || c == '\r') {
      ++i;
    } else if (c == '#') {
      while (i < text.size() && text[i] != '\n') ++i;
    } else {
      break;
    }
  }
  if (i < text.size() && text[i] == ',') {
    syntax_fail({"did not find expected node content", false}, file, line, 0);
  }
}

}  // namespace sparkc::yaml::detail
