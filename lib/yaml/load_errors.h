// Syntax errors in yaml.v2's words (private to lib/yaml).
//
// yaml-cpp and libyaml (which yaml.v2 ports) disagree on wording, on line numbers and on what
// they accept. These functions translate yaml-cpp's errors and add the checks libyaml makes
// that yaml-cpp does not.
#pragma once

#include <yaml-cpp/mark.h>

#include <string>
#include <string_view>

#include "yaml/node.h"

namespace sparkc::yaml::detail {

// sigs.k8s.io/yaml's prefix for every error of its YAML step.
constexpr std::string_view kYamlStepPrefix = "error converting YAML to JSON: ";

// A syntax error as yaml.v2 words it. libyaml's scanner errors print the 1-based line of the
// problem; its parser errors print the 0-based one (a yaml.v2 quirk); neither prints a line
// for a problem on the first line.
struct SyntaxError {
  std::string problem;
  bool scanner = true;
};

// libyaml's wording for a yaml-cpp error message; `line_text` is the line it points at.
SyntaxError libyaml_error(const std::string& msg, std::string_view line_text);

// The text of 0-based line `line0`.
std::string_view line_at(std::string_view text, int line0);

// Throws the YamlError for `e` found at 0-based line and column.
[[noreturn]] void syntax_fail(const SyntaxError& e, std::string_view file, int line0, int col0);

// The name of the alias written at `pos` ("*name").
std::string alias_name(std::string_view text, int pos);

// A plain key without its ':' that yaml-cpp accepted as "key: null", or nullptr.
const Node* key_without_colon(const Node* n, std::string_view text);

// Throws when the document that starts at `start` is really the previous document running
// on at its own indentation, which libyaml rejects.
void check_continuation(std::string_view text, std::string_view file, const Node* previous,
                        const YAML::Mark& start);

// Throws when the text starts with ',' (libyaml: no node content); yaml-cpp skips it.
void check_leading_comma(std::string_view text, std::string_view file);

}  // namespace sparkc::yaml::detail
