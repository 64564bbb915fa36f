// The node tree of one YAML document, built from yaml-cpp's parse events (private to
// lib/yaml). Only this file and the loader see yaml-cpp types.
#pragma once

#include <yaml-cpp/eventhandler.h>

#include <deque>
#include <string>
#include <vector>

#include "sparkc/yaml.h"

namespace sparkc::yaml::detail {

// A parsed node; children of a mapping alternate key, value.
struct Node {
  enum Kind { Scalar, Sequence, Mapping, Alias, Null } kind = Null;
  std::string tag;    // yaml-cpp's: "?" untagged plain, "!" untagged quoted/block, or a tag
  std::string value;  // scalar text
  Mark mark;
  std::vector<Node*> children;
  Node* target = nullptr;  // the anchored node an alias refers to
  bool flow = false;       // a flow collection ([...] or {...})
  int pos = 0;             // byte offset of the node's first character
};

// Builds the node tree of one document from yaml-cpp's events.
class TreeBuilder : public YAML::EventHandler {
 public:
  explicit TreeBuilder(std::deque<Node>& arena) : arena_(arena) {}
  Node* root = nullptr;

  YAML::Mark start;       // where the document's first token is
  bool started = false;   // OnDocumentStart was seen
  YAML::Mark bad_anchor;  // an anchor libyaml would refuse, if any
  bool has_bad_anchor = false;

  void OnDocumentStart(const YAML::Mark& m) override {
    start = m;
    started = true;
  }
  // libyaml accepts only letters, digits, '_' and '-' in anchor names; yaml-cpp takes more.
  void OnAnchor(const YAML::Mark& m, const std::string& name) override {
    bool ok = !name.empty();
    for (char c : name) {
      ok = ok && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                  c == '_' || c == '-');
    }
    if (!ok && !has_bad_anchor) {
      has_bad_anchor = true;
      bad_anchor = m;
    }
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t a) override { add(Node::Null, m, "", "", a); }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t a) override {
    Node* n = add(Node::Alias, m, "", "", 0);
    n->target = a < anchors_.size() ? anchors_[a] : nullptr;
  }
  void OnScalar(const YAML::Mark& m, const std::string& tag, YAML::anchor_t a,
                const std::string& value) override {
    add(Node::Scalar, m, tag, value, a);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string& tag, YAML::anchor_t a,
                       YAML::EmitterStyle::value) override {
    stack_.push_back(add(Node::Sequence, m, tag, "", a));
  }
  void OnSequenceEnd() override { stack_.pop_back(); }
  void OnMapStart(const YAML::Mark& m, const std::string& tag, YAML::anchor_t a,
                  YAML::EmitterStyle::value style) override {
    stack_.push_back(add(Node::Mapping, m, tag, "", a));
    stack_.back()->flow = style == YAML::EmitterStyle::Flow;
  }
  void OnMapEnd() override { stack_.pop_back(); }

 private:
  Node* add(Node::Kind kind, const YAML::Mark& m, const std::string& tag, const std::string& value,
            YAML::anchor_t anchor) {
    Node& n = arena_.emplace_back();
    n.kind = kind;
    n.tag = tag;
    n.value = value;
    n.mark = Mark{m.line + 1, m.column + 1};
    n.pos = m.pos;
    if (anchor != 0) {
      if (anchors_.size() <= anchor) anchors_.resize(anchor + 1);
      anchors_[anchor] = &n;
    }
    if (stack_.empty()) {
      root = &n;
    } else {
      stack_.back()->children.push_back(&n);
    }
    return &n;
  }
  std::deque<Node>& arena_;
  std::vector<Node*> stack_;
  std::vector<Node*> anchors_;
};

}  // namespace sparkc::yaml::detail
