#include "yaml/libyaml_compat.h"

namespace sparkc::yaml::detail {

bool rewrite_for_yaml_v2(std::string& text, const ScanError& e, Edit* edit) {
  if (e.at >= text.size()) return false;
  if (e.problem == "found unknown escape character") {
    // libyaml stops with the mark on the backslash.
    if (text.compare(e.at, 2, "\\'") != 0) return false;
    text.replace(e.at, 2, "\\x27");
    *edit = Edit{e.line, e.column, 2};
    return true;
  }
  if (e.problem == "found unexpected ':'") {
    // The mark is on the ':' and the context mark on the scalar's first character. A scalar
    // running over several lines would fold differently once quoted, so it is left alone.
    if (text[e.at] != ':' || e.context_line != e.line || e.context_at > e.at) return false;
    std::string quoted = "'";
    for (size_t i = e.context_at; i <= e.at; ++i) {
      if (text[i] == '\'') quoted += '\'';
      quoted += text[i];
    }
    quoted += '\'';
    int delta = static_cast<int>(quoted.size() - (e.at + 1 - e.context_at));
    text.replace(e.context_at, e.at + 1 - e.context_at, quoted);
    *edit = Edit{e.line, e.context_column, delta};
    return true;
  }
  // A tag whose suffix has or starts with one of these characters.
  if ((e.problem == "did not find expected whitespace or line break" &&
       e.context == "while scanning a tag") ||
      (e.problem == "did not find expected tag URI" && e.context == "while parsing a tag")) {
    static constexpr std::string_view kEncoded[] = {"%2C", "%5B", "%5D"};
    size_t which = std::string_view(",[]").find(text[e.at]);
    if (which == std::string_view::npos) return false;
    text.replace(e.at, 1, kEncoded[which]);
    *edit = Edit{e.line, e.column, 2};
    return true;
  }
  return false;
}

}  // namespace sparkc::yaml::detail
