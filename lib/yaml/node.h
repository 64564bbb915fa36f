// The node tree of one YAML document, read from libyaml's parse events (private to lib/yaml).
//
// Helm reads YAML with gopkg.in/yaml.v2, a line-by-line Go port of libyaml, so parsing with
// libyaml itself gives the same documents and the same syntax errors, word for word and line
// for line. Only yaml_parse.cpp sees libyaml's types.
#pragma once

#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sparkc/yaml.h"

namespace sparkc::yaml::detail {

// sigs.k8s.io/yaml's prefix for every error of its YAML step.
constexpr std::string_view kYamlStepPrefix = "error converting YAML to JSON: ";

// Throws the YamlError `msg` (without the prefix) at `at`.
[[noreturn]] void fail_at(const std::string& msg, std::string_view file, const Mark& at);

// A parsed node as yaml.v2's parser builds it (decode.go, type node); children of a mapping
// alternate key, value.
struct Node {
  enum Kind { Scalar, Sequence, Mapping, Alias } kind = Scalar;
  // The tag as written and expanded ("tag:yaml.org,2002:int", "!foo", "!"), or, when none
  // was written, "?" for a plain scalar (typed by resolve.cpp) and "!" for a quoted or block
  // scalar (always a string).
  std::string tag;
  bool implicit = false;  // yaml.v2's node.implicit: untagged plain, or tagged "!"
  std::string value;      // scalar text, or an alias's anchor name
  Mark mark;              // 1-based line and column (in characters) of the first character
  std::vector<Node*> children;
  Node* target = nullptr;  // the anchored node an alias refers to
};

// Reads a YAML stream one document at a time, as yaml.v2's parser does: anchors are resolved
// per document in the order they are written, and an unknown alias or a syntax error throws
// YamlError with yaml.v2's message.
class StreamParser {
 public:
  StreamParser(std::string_view text, std::string_view file);
  ~StreamParser();
  StreamParser(const StreamParser&) = delete;
  StreamParser& operator=(const StreamParser&) = delete;

  // Parses the next document into `*root` (nullptr for an empty one). Returns false, leaving
  // `*root` alone, at the end of the stream. Nodes live until the next call.
  bool next(const Node** root);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sparkc::yaml::detail
