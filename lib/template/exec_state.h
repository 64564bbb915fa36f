// The execution state of one template run, shared by exec_walk.cpp and exec_eval.cpp.
//
// It mirrors Go's text/template `state` (exec.go): the current template, the output, the node
// being executed (for error messages), the variable stack and the {{template}} depth. Function
// names follow Go's (walk_range = walkRange, eval_field = evalField) so the two read side by side.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sparkc/functions.h"
#include "sparkc/template.h"
#include "template/ast.h"
#include "template/exec.h"

namespace sparkc::gotmpl::detail {

// A value as Go's reflect.Value carries it through the executor. Go's messages depend on
// whether a value is missing altogether (an invalid reflect.Value: missingkey=default, nil
// data), sits in an interface{} slot (read from a map[string]interface{} or a []interface{}),
// or is concrete: `.a.b` with a nil `.a` read from a map says "nil pointer evaluating
// interface {}.b", and a nil interface passed as a string says "got interface {}" where a
// missing value says "invalid value". Pipelines unwrap the interface after each command, as
// Go's evalPipeline does ("lovely!").
struct Val {
  enum class Kind : std::uint8_t { Invalid, Direct, Iface };
  Value v;
  Kind kind = Kind::Invalid;

  // reflect.Value{}: no value at all.
  static Val invalid() { return {}; }
  // reflect.ValueOf(v): a nil v gives the invalid value.
  static Val of(Value v) {
    Kind k = v.is_nil() ? Kind::Invalid : Kind::Direct;
    return Val{std::move(v), k};
  }
  // An interface{} slot holding v (nil v is a nil interface).
  static Val iface(Value v) { return Val{std::move(v), Kind::Iface}; }
  // A function or method result: nil comes back as a nil interface{}, as from Go functions
  // declared to return interface{}.
  static Val result(Value v) {
    Kind k = v.is_nil() ? Kind::Iface : Kind::Direct;
    return Val{std::move(v), k};
  }

  bool valid() const { return kind != Kind::Invalid; }
  bool is_nil_iface() const { return kind == Kind::Iface && v.is_nil(); }
  // Go's indirectInterface / the pipeline unwrap: an interface becomes what it holds.
  void unwrap() {
    if (kind == Kind::Iface) kind = v.is_nil() ? Kind::Invalid : Kind::Direct;
  }
  // The Go type Go's messages name: "interface {}" for an interface slot.
  std::string type_name() const {
    return kind == Kind::Iface ? std::string("interface {}") : v.go_type_name();
  }
};

// What a walk step asks of its enclosing range: Go panics with walkBreak/walkContinue.
enum class Flow : std::uint8_t { Normal, Break, Continue };

// State shared by a top-level execution and every include and tpl it runs.
struct Run {
  explicit Run(const ExecOptions& o);
  const ExecOptions& opts;
  // Helm's includedNames: nesting count per included template name.
  std::unordered_map<std::string, int, StringHash, std::equal_to<>> include_counts;
  std::uint64_t rng_state;  // splitmix64 state when opts.random_seed != 0
  std::uintptr_t stack_floor = 0;  // lowest safe stack address; 0 when unknown
};

class State final : public CallContext {
 public:
  State(Run& run, const Namespace& ns, const Tree& tree, std::string& out)
      : run_(run), ns_(&ns), tree_(&tree), out_(&out) {}

  // Go's Template.execute: binds $ to data and walks the tree.
  void execute(const Value& data);

  // CallContext.
  std::string include(std::string_view name, const Value& data) override;
  std::string tpl(std::string_view text, const Value& data) override;
  std::string_view template_name() const override { return tree_->name; }
  void random_bytes(std::span<unsigned char> out) override;

 private:
  struct Variable {
    std::string_view name;  // points into the AST or a literal; both outlive the run
    Val value;
  };
  using Args = std::span<const NodePtr>;  // Go's cmd.Args: the function word, then arguments

  // Errors (exec_eval.cpp).
  void at(const Node& n) { node_ = &n; }
  [[noreturn]] void errorf(std::string msg) const;

  // Variables.
  size_t mark() const { return vars_.size(); }
  void pop(size_t m) { vars_.resize(m); }
  void push(std::string_view name, Val v) { vars_.push_back({name, std::move(v)}); }
  void set_var(std::string_view name, Val v);
  void set_top_var(size_t n, Val v) { vars_[vars_.size() - n].value = std::move(v); }
  // The variable's slot; valid until the next push.
  const Val& var_ref(std::string_view name) const;

  // Walk (exec_walk.cpp).
  Flow walk(const Val& dot, const Node& node);
  Flow walk_if_or_with(bool is_with, const Val& dot, const BranchNode& n);
  Flow walk_range(const Val& dot, const RangeNode& r);
  void walk_template(const Val& dot, const TemplateNode& t);
  void print_value(const Node& n, const Val& v);
  bool stack_low() const;
  void check_stack();

  // Eval (exec_eval.cpp).
  Val eval_pipeline(const Val& dot, const PipeNode* pipe);
  void not_a_function(Args args, const Val* final);
  Val eval_command(const Val& dot, const CommandNode& cmd, const Val* final);
  Val ideal_constant(const NumberNode& n);
  Val eval_field_node(const Val& dot, const FieldNode& f, Args args, const Val* final);
  Val eval_chain_node(const Val& dot, const ChainNode& c, Args args, const Val* final);
  Val eval_variable_node(const Val& dot, const VariableNode& v, Args args, const Val* final);
  // A value reached by one field step: borrowed from a map, or owned by the chain's `hold`.
  struct FieldRef {
    const Value* v;
    Val::Kind kind;
  };
  Val eval_field_chain(const Val& dot, const Val& receiver, const Node& node,
                       std::span<const std::string> ident, Args args, const Val* final);
  Val eval_function(const Val& dot, const IdentifierNode& id, const Node& cmd, Args args,
                    const Val* final);
  FieldRef eval_field(const Val& dot, const std::string& name, const Node& node, Args args,
                      const Val* final, FieldRef receiver, Val& hold);
  Val eval_call(const Val& dot, const Function& fn, bool short_circuit, const Node& node,
                std::string_view name, Args args, const Val* final);
  Value validate_type(Val v, Param p);
  Value eval_arg(const Val& dot, Param p, const NodePtr& n);
  Val eval_arg_value(const Val& dot, const NodePtr& n);
  Val eval_empty_interface(const Val& dot, const Node& n);

  Run& run_;
  const Namespace* ns_;
  const Tree* tree_;
  std::string* out_;
  const Node* node_ = nullptr;  // current node, for errors
  std::vector<Variable> vars_;
  int depth_ = 0;
};

}  // namespace sparkc::gotmpl::detail
