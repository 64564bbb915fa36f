// Tracing a line of a template's rendered output back to the template line that wrote it, for
// findings about the rendered text itself (YAML that does not parse, indented documents).
#pragma once

#include <string_view>
#include <vector>

#include "sparkc/yaml.h"

namespace sparkc::validate::detail {

// `text` split at '\n' (no trailing empty line).
std::vector<std::string_view> split_text_lines(std::string_view text);
// `s` without leading and trailing spaces, tabs and '\r'.
std::string_view trim_ws(std::string_view s);
// `s` without trailing spaces, tabs and '\r'.
std::string_view rtrim_ws(std::string_view s);

// The position in the template source `tmpl` that most likely wrote line `r` (0-based) of its
// rendered output `out`: the line, and the column of the action that wrote the text (or of
// the text itself); {0, 0} when nothing can be said.
//
// Template lines without actions are found in the output in order and anchor the rest; an
// output line between two anchors comes from a template line between them: one whose literal
// text matches it, else one whose action writes text (an include or toYaml piped to nindent,
// the usual source of broken indentation). Control lines ({{- if }}, {{- end }}, {{ $x := }})
// write nothing and are never blamed.
yaml::Mark trace_rendered_line(std::string_view tmpl, const std::vector<std::string_view>& out, int r);

}  // namespace sparkc::validate::detail
