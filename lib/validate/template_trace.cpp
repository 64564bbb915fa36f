// Tracing rendered lines back to template lines.
#include "validate/template_trace.h"

#include <re2/re2.h>

#include <string>

namespace sparkc::validate::detail {

std::vector<std::string_view> split_text_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    lines.push_back(text.substr(0, nl));
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  return lines;
}

std::string_view trim_ws(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

std::string_view rtrim_ws(std::string_view s) {
  size_t e = s.find_last_not_of(" \t\r");
  return e == std::string_view::npos ? std::string_view{} : s.substr(0, e + 1);
}

namespace {

// Whether a template line is only actions that write nothing themselves: control structure,
// definitions, comments and variable assignments.
bool writes_nothing(std::string_view l) {
  static const RE2 control(
      "\\{\\{-?\\s*(?:(?:if|else|end|range|with|define|block)\\b|/\\*|\\$[A-Za-z0-9_]*\\s*:?=).*\\}\\}");
  std::string_view t = trim_ws(l);
  return t.starts_with("{{") && t.ends_with("}}") && RE2::FullMatch(t, control);
}

// A regular expression for the text a template line with actions renders to: its literal
// parts, with anything in place of each action.
std::string line_pattern(std::string_view l) {
  std::string out;
  while (true) {
    size_t open = l.find("{{");
    out += RE2::QuoteMeta(std::string(l.substr(0, open)));
    if (open == std::string_view::npos) break;
    out += ".*";
    size_t close = l.find("}}", open);
    if (close == std::string_view::npos) break;
    l.remove_prefix(close + 2);
  }
  return out;
}

}  // namespace

yaml::Mark trace_rendered_line(std::string_view tmpl, const std::vector<std::string_view>& out, int r) {
  std::vector<std::string_view> t = split_text_lines(tmpl);
  std::vector<int> anchor(t.size(), -1);
  size_t pos = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i].find("{{") != std::string_view::npos || trim_ws(t[i]).empty()) continue;
    for (size_t j = pos; j < out.size(); ++j) {
      if (rtrim_ws(out[j]) == rtrim_ws(t[i])) {
        anchor[i] = static_cast<int>(j);
        pos = j + 1;
        break;
      }
    }
  }
  // The last anchored template line at or before the output line, and the next anchored one.
  long before = -1;
  size_t after = t.size();
  for (size_t i = 0; i < t.size(); ++i) {
    if (anchor[i] < 0) continue;
    if (anchor[i] <= r) {
      before = static_cast<long>(i);
    } else {
      after = i;
      break;
    }
  }
  auto at = [&](size_t i) {
    size_t col = t[i].find("{{");
    if (col == std::string_view::npos) col = t[i].find_first_not_of(" \t");
    return yaml::Mark{static_cast<int>(i) + 1, col == std::string_view::npos ? 1 : static_cast<int>(col) + 1};
  };
  if (before >= 0 && anchor[before] == r) return at(static_cast<size_t>(before));
  std::string_view target = rtrim_ws(out[r]);
  long writer = -1;
  for (size_t i = static_cast<size_t>(before + 1); i < after; ++i) {
    if (t[i].find("{{") == std::string_view::npos || writes_nothing(t[i])) continue;
    bool has_text = !trim_ws(t[i]).starts_with("{{") || !trim_ws(t[i]).ends_with("}}");
    if (has_text && RE2::FullMatch(re2::StringPiece(target.data(), target.size()), RE2(line_pattern(rtrim_ws(t[i]))))) {
      return at(i);
    }
    if (writer < 0 && !has_text) writer = static_cast<long>(i);
  }
  if (writer >= 0) return at(static_cast<size_t>(writer));
  return before >= 0 ? at(static_cast<size_t>(before)) : yaml::Mark{};
}

}  // namespace sparkc::validate::detail
