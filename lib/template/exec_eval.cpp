// Evaluation of pipelines, commands, fields, variables and function calls, as Go's exec.go
// (evalPipeline ... evalEmptyInterface). The order of `at()` calls follows Go's exactly:
// the node named in an error message is whichever node Go had last marked.
#include <new>
#include <string>

#include "template/exec_state.h"
#include "template/go_fmt.h"
#include "template/go_strconv.h"
#include "template/value_ops.h"

namespace sparkc::gotmpl::detail {
namespace {

// Whether Go can assign an untyped nil to the parameter type (canBeNil).
bool can_be_nil(Param p) {
  switch (p) {
    case Param::Any:
    case Param::Reflect:
    case Param::List:
    case Param::StrList:
    case Param::Map:
    case Param::Bytes: return true;
    default: return false;
  }
}

// reflect.Zero of a nil-able parameter type, as the function body receives it.
Value zero_of(Param p) {
  switch (p) {
    case Param::List: return Value(List{}, ElemType::Any);
    case Param::StrList: return Value(List{}, ElemType::String);
    case Param::Bytes: return Value::bytes("");
    case Param::Reflect: return zero_reflect_value();
    default: return Value();  // interface{} nil, nil map
  }
}

// Go's AssignableTo between a concrete value and a parameter type: the types must be
// identical, since none of the parameter types is an interface with methods.
bool assignable(const Value& v, Param p) {
  switch (p) {
    case Param::Any:
    case Param::Reflect: return true;
    case Param::String: return v.type() == Type::String;
    case Param::Int: return v.type() == Type::Int;
    case Param::Int64: return v.type() == Type::Int64;
    case Param::Float64: return v.type() == Type::Float64;
    case Param::Bool: return v.type() == Type::Bool;
    case Param::List: return v.type() == Type::List && v.elem_type() == ElemType::Any;
    case Param::StrList: return v.type() == Type::List && v.elem_type() == ElemType::String;
    case Param::Map: return v.type() == Type::Map && v.elem_type() == ElemType::Any;
    case Param::Bytes: return v.type() == Type::Bytes;
  }
  return false;
}

// reflect.Zero of a map's element type, for missingkey=zero.
Val zero_elem(ElemType t) {
  switch (t) {
    case ElemType::Any: return Val::iface(Value());
    case ElemType::String: return Val::of(Value(std::string()));
    case ElemType::Int: return Val::of(Value::integer(0));
    case ElemType::Int64: return Val::of(Value::int64(0));
    case ElemType::Float64: return Val::of(Value::float64(0));
    case ElemType::Bool: return Val::of(Value(false));
    case ElemType::AnyList: return Val::of(Value(List{}, ElemType::Any));
    case ElemType::Bytes: return Val::of(Value::bytes(""));
  }
  return Val::iface(Value());
}

std::string quote(std::string_view s) { return go_quote(s); }

bool is_hex_int(const std::string& s) {
  return s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') &&
         s.find_first_of("pP") == std::string::npos;
}

// Arguments of one call, constructed in place in order. Most calls take a handful, so they
// live inline.
class ArgBuf {
 public:
  explicit ArgBuf(size_t n) {
    if (n > kInline) heap_.reserve(n);
  }
  ~ArgBuf() {
    for (size_t i = 0; i < size_; ++i) slot(i)->~Value();
  }
  ArgBuf(const ArgBuf&) = delete;
  ArgBuf& operator=(const ArgBuf&) = delete;
  void push(Value v) {
    if (heap_.capacity() > 0) {
      heap_.push_back(std::move(v));
    } else {
      new (slot(size_)) Value(std::move(v));
      ++size_;
    }
  }
  std::span<const Value> span() {
    return heap_.capacity() > 0 ? std::span<const Value>(heap_) : std::span<const Value>(slot(0), size_);
  }

 private:
  static constexpr size_t kInline = 6;
  Value* slot(size_t i) { return std::launder(reinterpret_cast<Value*>(storage_)) + i; }
  size_t size_ = 0;  // values constructed in storage_
  alignas(Value) unsigned char storage_[kInline * sizeof(Value)];
  std::vector<Value> heap_;
};

}  // namespace

void State::errorf(std::string msg) const {
  const std::string& name = tree_->name;
  if (node_ == nullptr) {
    throw TemplateError("template: " + name + ": " + msg, name, 0, 0, false);
  }
  auto [location, context] = tree_->error_context(*node_);
  // Go prints the count of bytes before the node on its line; TemplateError's column is
  // 1-based.
  auto [line, col] = tree_->line_col(node_->pos);
  std::string full = "template: " + location + ": executing " + quote(name) + " at <" + context +
                     ">: " + msg;
  throw TemplateError(std::move(full), tree_->parse_name, line, col + 1, false);
}

void State::set_var(std::string_view name, Val v) {
  for (size_t i = vars_.size(); i-- > 0;) {
    if (vars_[i].name == name) {
      vars_[i].value = std::move(v);
      return;
    }
  }
  errorf("undefined variable: " + std::string(name));
}

const Val& State::var_ref(std::string_view name) const {
  for (size_t i = vars_.size(); i-- > 0;) {
    if (vars_[i].name == name) return vars_[i].value;
  }
  errorf("undefined variable: " + std::string(name));
}

// evalPipeline: each command's value becomes the final argument of the next; declared
// variables are pushed (or assigned with `=`) and stay until the enclosing control ends.
Val State::eval_pipeline(const Val& dot, const PipeNode* pipe) {
  if (pipe == nullptr) return Val::invalid();
  at(*pipe);
  const auto& cmds = pipe->cmds;
  if (cmds.empty()) return Val::invalid();  // the parser rejects empty pipelines
  Val value = eval_command(dot, *cmds[0], nullptr);
  value.unwrap();  // an interface{} result is replaced by what it holds
  for (size_t i = 1; i < cmds.size(); ++i) {
    Val next = eval_command(dot, *cmds[i], &value);
    next.unwrap();
    value = std::move(next);
  }
  for (const auto& var : pipe->decl) {
    if (pipe->is_assign) {
      set_var(var->ident[0], value);
    } else {
      push(var->ident[0], value);
    }
  }
  return value;
}

void State::not_a_function(Args args, const Val* final) {
  if (args.size() > 1 || final != nullptr) {
    errorf("can't give argument to non-function " + args[0]->to_string());
  }
}

Val State::eval_command(const Val& dot, const CommandNode& cmd, const Val* final) {
  Args args(cmd.args);
  const Node& first = *cmd.args[0];
  switch (first.type) {
    case NodeType::Field:
      return eval_field_node(dot, static_cast<const FieldNode&>(first), args, final);
    case NodeType::Chain:
      return eval_chain_node(dot, static_cast<const ChainNode&>(first), args, final);
    case NodeType::Identifier:
      return eval_function(dot, static_cast<const IdentifierNode&>(first), cmd, args, final);
    case NodeType::Pipe:
      // A parenthesized pipeline takes all its arguments inside the parentheses.
      not_a_function(args, final);
      return eval_pipeline(dot, static_cast<const PipeNode*>(&first));
    case NodeType::Variable:
      return eval_variable_node(dot, static_cast<const VariableNode&>(first), args, final);
    default: break;
  }
  at(first);
  not_a_function(args, final);
  switch (first.type) {
    case NodeType::Bool: return Val::of(Value(static_cast<const BoolNode&>(first).value));
    case NodeType::Dot: return dot;
    case NodeType::Nil: errorf("nil is not a command");
    case NodeType::Number: return ideal_constant(static_cast<const NumberNode&>(first));
    case NodeType::String: return Val::of(Value(static_cast<const StringNode&>(first).text));
    default: break;
  }
  errorf("can't evaluate command " + quote(first.to_string()));
}

// idealConstant: a number with no type context takes the type its syntax suggests: float64
// when written with a point, exponent or hex mantissa, otherwise int.
Val State::ideal_constant(const NumberNode& n) {
  at(n);
  if (n.is_complex) {
    // Go would yield a complex128; our Value has no complex type.
    errorf("complex constant " + n.text + " is not supported");
  }
  if (n.is_float && !is_hex_int(n.text) && !(n.text.size() > 0 && n.text[0] == '\'') &&
      n.text.find_first_of(".eEpP") != std::string::npos) {
    return Val::of(Value::float64(n.float64));
  }
  if (n.is_int) return Val::of(Value::integer(n.int64));
  if (n.is_uint) errorf(n.text + " overflows int");
  return Val::invalid();  // Go returns the zero Value for, e.g., a huge integer literal
}

Val State::eval_field_node(const Val& dot, const FieldNode& f, Args args, const Val* final) {
  at(f);
  return eval_field_chain(dot, dot, f, f.ident, args, final);
}

Val State::eval_chain_node(const Val& dot, const ChainNode& c, Args args, const Val* final) {
  at(c);
  if (c.field.empty()) errorf("internal error: no fields in evalChainNode");
  if (c.node->type == NodeType::Nil) errorf("indirection through explicit nil in " + c.to_string());
  // (pipe).Field1.Field2: evaluate the pipeline, then walk the fields.
  Val pipe = eval_arg_value(dot, c.node);
  return eval_field_chain(dot, pipe, c, c.field, args, final);
}

Val State::eval_variable_node(const Val& dot, const VariableNode& v, Args args, const Val* final) {
  at(v);
  const Val& value = var_ref(v.ident[0]);
  if (v.ident.size() == 1) {
    not_a_function(args, final);
    return value;
  }
  // The chain may read `value` in place: only a method's arguments, evaluated after the
  // receiver was last read, can push variables.
  return eval_field_chain(dot, value, v, std::span<const std::string>(v.ident).subspan(1), args,
                          final);
}

// evalFieldChain: .X.Y.Z; only the last element receives the arguments. The walk borrows
// each intermediate value from the map that holds it instead of copying it: nothing runs
// between two steps that could change a map, and a method call at the last step keeps its
// object alive itself. Values that live nowhere else (object fields, zero values, method
// results) are kept in `hold`.
Val State::eval_field_chain(const Val& dot, const Val& receiver, const Node& node,
                            std::span<const std::string> ident, Args args, const Val* final) {
  Val hold;
  FieldRef cur{receiver.valid() ? &receiver.v : nullptr, receiver.kind};
  const size_t n = ident.size();
  for (size_t i = 0; i + 1 < n; ++i) cur = eval_field(dot, ident[i], node, {}, nullptr, cur, hold);
  cur = eval_field(dot, ident[n - 1], node, args, final, cur, hold);
  if (cur.v == nullptr) return Val::invalid();
  if (cur.v == &hold.v) return hold;
  return Val{*cur.v, cur.kind};
}

Val State::eval_function(const Val& dot, const IdentifierNode& id, const Node& cmd, Args args,
                         const Val* final) {
  at(id);
  const Function* fn = ns_->funcs().find(id.ident);
  if (fn == nullptr) errorf(quote(id.ident) + " is not a defined function");
  // Go short-circuits its builtin and/or inside evalCall (Go 1.18+).
  bool short_circuit = id.ident == "and" || id.ident == "or";
  return eval_call(dot, *fn, short_circuit, cmd, id.ident, args, final);
}

// evalField: a method of an object, a field of an object, or a key of a map.
State::FieldRef State::eval_field(const Val& dot, const std::string& name, const Node& node,
                                  Args args, const Val* final, FieldRef receiver, Val& hold) {
  // Replaces what `hold` owns only once the new value exists: the receiver may live there.
  auto own = [&hold](Val v) {
    hold = std::move(v);
    return FieldRef{hold.valid() ? &hold.v : nullptr, hold.kind};
  };
  if (receiver.v == nullptr || receiver.kind == Val::Kind::Invalid) {
    if (run_.opts.missing_key == MissingKey::Error) {
      errorf("nil data; no entry for key " + quote(name));
    }
    return FieldRef{nullptr, Val::Kind::Invalid};
  }
  const Value& r = *receiver.v;
  const bool iface = receiver.kind == Val::Kind::Iface;
  if (iface && r.is_nil()) errorf("nil pointer evaluating interface {}." + name);
  bool has_args = args.size() > 1 || final != nullptr;
  if (r.type() == Type::Object) {
    std::shared_ptr<Object> obj = r.as_object();  // alive through the call, whatever it does
    if (auto* mo = dynamic_cast<const MethodObject*>(obj.get())) {
      if (const Function* m = mo->method(name)) {
        return own(eval_call(dot, *m, false, node, name, args, final));
      }
    }
    if (std::optional<Value> field = obj->field(name)) {
      if (has_args) errorf(name + " has arguments but cannot be invoked as function");
      return own(Val::result(std::move(*field)));
    }
  } else if (r.type() == Type::Map) {
    if (has_args) errorf(name + " is not a method but has arguments");
    if (const Value* found = r.find(name)) {
      return FieldRef{found, r.elem_type() == ElemType::Any ? Val::Kind::Iface : Val::Kind::Direct};
    }
    switch (run_.opts.missing_key) {
      case MissingKey::Default: return FieldRef{nullptr, Val::Kind::Invalid};
      case MissingKey::Zero: return own(zero_elem(r.elem_type()));
      case MissingKey::Error: errorf("map has no entry for key " + quote(name));
    }
  }
  errorf("can't evaluate field " + name + " in type " +
         (iface ? std::string("interface {}") : r.go_type_name()));
}

// evalCall: checks the argument count, converts each argument to its parameter type, calls,
// and turns a thrown error into "error calling NAME: MSG".
Val State::eval_call(const Val& dot, const Function& fn, bool short_circuit, const Node& node,
                     std::string_view name, Args args, const Val* final) {
  if (!args.empty()) args = args.subspan(1);  // the function word itself is not an argument
  const Signature& sig = fn.sig;
  const bool variadic = sig.variadic && !sig.params.empty();
  const size_t num_in = args.size() + (final ? 1 : 0);
  size_t num_fixed = args.size();
  if (variadic) {
    num_fixed = sig.params.size() - 1;
    if (num_in < num_fixed) {
      // Go reports len(args) here, leaving out a piped final argument.
      errorf("wrong number of args for " + std::string(name) + ": want at least " +
             std::to_string(num_fixed) + " got " + std::to_string(args.size()));
    }
  } else if (num_in != sig.params.size()) {
    errorf("wrong number of args for " + std::string(name) + ": want " +
           std::to_string(sig.params.size()) + " got " + std::to_string(num_in));
  }

  if (short_circuit) {
    // and/or stop at the first argument that decides the result and return it unconverted.
    const bool want = name == "or";
    Val v;
    for (const NodePtr& arg : args) {
      v = eval_arg_value(dot, arg);
      // Go's truth(): a nil interface or a missing value is false.
      bool truth = v.valid() && !v.is_nil_iface() && is_true(v.v);
      if (truth == want) return v;
    }
    if (final != nullptr) v = *final;
    return v;
  }

  ArgBuf argv(num_in);
  size_t i = 0;
  for (; i < num_fixed && i < args.size(); ++i) argv.push(eval_arg(dot, sig.params[i], args[i]));
  if (variadic) {
    for (; i < args.size(); ++i) argv.push(eval_arg(dot, sig.params.back(), args[i]));
  }
  if (final != nullptr) {
    Param t = sig.params.back();
    if (variadic && num_in - 1 < num_fixed) t = sig.params[num_in - 1];
    argv.push(validate_type(*final, t));
  }
  Value result;
  try {
    result = fn.fn(*this, argv.span());
  } catch (const std::exception& e) {
    // Go returns the function's error, or recovers its panic, as "error calling".
    at(node);
    errorf("error calling " + std::string(name) + ": " + e.what());
  } catch (...) {
    at(node);
    errorf("error calling " + std::string(name) + ": unknown error");
  }
  return Val::result(std::move(result));
}

// validateType: a computed value must already have the parameter's type; an interface{} is
// opened once to look for it.
Value State::validate_type(Val v, Param p) {
  if (!v.valid()) {
    if (can_be_nil(p)) return zero_of(p);
    errorf("invalid value; expected " + std::string(param_type_name(p)));
  }
  if (p == Param::Any || p == Param::Reflect) return std::move(v.v);
  if (!v.is_nil_iface() && assignable(v.v, p)) return std::move(v.v);
  errorf("wrong type for value; expected " + std::string(param_type_name(p)) + "; got " +
         (v.is_nil_iface() ? std::string("interface {}") : v.v.go_type_name()));
}

// evalArg: computed arguments are evaluated and validated; constants are converted by the
// parameter type, with Go's "expected integer; found ..." when they do not fit.
Value State::eval_arg(const Val& dot, Param p, const NodePtr& n) {
  at(*n);
  switch (n->type) {
    case NodeType::Dot: return validate_type(dot, p);
    case NodeType::Nil:
      if (can_be_nil(p)) return zero_of(p);
      errorf("cannot assign nil to " + std::string(param_type_name(p)));
    case NodeType::Field:
      return validate_type(eval_field_node(dot, static_cast<const FieldNode&>(*n), Args(&n, 1), nullptr), p);
    case NodeType::Variable:
      return validate_type(eval_variable_node(dot, static_cast<const VariableNode&>(*n), {}, nullptr), p);
    case NodeType::Pipe:
      return validate_type(eval_pipeline(dot, static_cast<const PipeNode*>(n.get())), p);
    case NodeType::Identifier:
      return validate_type(
          eval_function(dot, static_cast<const IdentifierNode&>(*n), *n, {}, nullptr), p);
    case NodeType::Chain:
      return validate_type(eval_chain_node(dot, static_cast<const ChainNode&>(*n), {}, nullptr), p);
    default: break;
  }
  switch (p) {
    case Param::Bool:
      at(*n);
      if (n->type == NodeType::Bool) return Value(static_cast<const BoolNode&>(*n).value);
      errorf("expected bool; found " + n->to_string());
    case Param::String:
      at(*n);
      if (n->type == NodeType::String) return Value(static_cast<const StringNode&>(*n).text);
      errorf("expected string; found " + n->to_string());
    case Param::Int:
    case Param::Int64:
      at(*n);
      if (n->type == NodeType::Number && static_cast<const NumberNode&>(*n).is_int) {
        std::int64_t i = static_cast<const NumberNode&>(*n).int64;
        return p == Param::Int ? Value::integer(i) : Value::int64(i);
      }
      errorf("expected integer; found " + n->to_string());
    case Param::Float64:
      at(*n);
      if (n->type == NodeType::Number && static_cast<const NumberNode&>(*n).is_float) {
        return Value::float64(static_cast<const NumberNode&>(*n).float64);
      }
      errorf("expected float; found " + n->to_string());
    case Param::Any:
    case Param::Reflect: return eval_empty_interface(dot, *n).v;
    default: break;
  }
  errorf("can't handle " + n->to_string() + " for arg of type " + std::string(param_type_name(p)));
}

// evalArg for a reflect.Value parameter (and/or) or no type at all (a chain's operand): the
// value as evaluated, interface wrapping and invalidity included.
Val State::eval_arg_value(const Val& dot, const NodePtr& n) {
  at(*n);
  switch (n->type) {
    case NodeType::Dot: return dot;
    case NodeType::Nil: return Val::invalid();
    case NodeType::Field:
      return eval_field_node(dot, static_cast<const FieldNode&>(*n), Args(&n, 1), nullptr);
    case NodeType::Variable:
      return eval_variable_node(dot, static_cast<const VariableNode&>(*n), {}, nullptr);
    case NodeType::Pipe: return eval_pipeline(dot, static_cast<const PipeNode*>(n.get()));
    case NodeType::Identifier:
      return eval_function(dot, static_cast<const IdentifierNode&>(*n), *n, {}, nullptr);
    case NodeType::Chain:
      return eval_chain_node(dot, static_cast<const ChainNode&>(*n), {}, nullptr);
    default: return eval_empty_interface(dot, *n);
  }
}

// evalEmptyInterface for the constants that reach it.
Val State::eval_empty_interface(const Val& dot, const Node& n) {
  at(n);
  switch (n.type) {
    case NodeType::Bool: return Val::of(Value(static_cast<const BoolNode&>(n).value));
    case NodeType::Dot: return dot;
    case NodeType::Number: return ideal_constant(static_cast<const NumberNode&>(n));
    case NodeType::String: return Val::of(Value(static_cast<const StringNode&>(n).text));
    case NodeType::Nil: errorf("evalEmptyInterface: nil (can't happen)");
    default: break;
  }
  errorf("can't handle assignment of " + n.to_string() + " to empty interface argument");
}

}  // namespace sparkc::gotmpl::detail
