// The executor's private seam: the template namespace and the entry point that runs a tree.
//
// A Namespace is Go's `common.tmpl` map (template name -> parsed tree). TemplateSet owns one;
// Helm's tpl runs in an overlay namespace that sees the parent's templates plus the ones its
// text defines, which is what Go's Template.Clone gives Helm without copying the map.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sparkc/functions.h"
#include "sparkc/template.h"
#include "template/ast.h"

namespace sparkc::gotmpl::detail {

// Name of the namespace's root template. Helm creates its set with template.New("gotpl") and
// never parses that root, so Go's messages name it: `no template "x" associated with template
// "gotpl"`, and tpl parses its text under this name (`template: gotpl:1:3: ...`).
inline constexpr std::string_view kRootName = "gotpl";

// Go's maxExecDepth: nesting limit of {{template}} calls within one execution.
inline constexpr int kMaxExecDepth = 100000;

// Hash that lets unordered maps keyed by std::string be searched with a string_view.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// Go's namespace of associated templates, with an optional read-only parent (a tpl overlay).
class Namespace {
 public:
  explicit Namespace(const FunctionRegistry& funcs, const Namespace* parent = nullptr)
      : funcs_(&funcs), parent_(parent) {}

  // The tree of template `name`, searching this namespace then its parents; nullptr if none.
  const Tree* lookup(std::string_view name) const;
  // Go's associate: installs `tree` under its name unless it is empty and the name is taken.
  void add(std::shared_ptr<const Tree> tree);
  // Parses `text` as template `name` (Go: t.New(name).Parse(text)) and adds every tree it
  // holds. Returns the top-level tree, which Execute runs even when add() kept an older one.
  // Throws TemplateError (is_parse) with the parser's message.
  std::shared_ptr<const Tree> parse(const std::string& name, std::string text);
  // Names of the templates of this namespace and its parents, sorted.
  std::vector<std::string> names() const;
  const FunctionRegistry& funcs() const { return *funcs_; }

 private:
  const FunctionRegistry* funcs_;
  const Namespace* parent_;
  std::unordered_map<std::string, std::shared_ptr<const Tree>, StringHash, std::equal_to<>> trees_;
};

// Executes `tree` of namespace `ns` with dot and $ bound to `data`, appending the output to
// `out` (Go's Template.Execute). Throws TemplateError with Go's message.
void execute_tree(const Namespace& ns, const Tree& tree, const Value& data, const ExecOptions& opts,
                  std::string& out);

// Go's ExecuteTemplate error for a name the namespace does not hold.
[[noreturn]] void throw_no_template(std::string_view name);

}  // namespace sparkc::gotmpl::detail
