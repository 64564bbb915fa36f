// Walking the tree: text, actions, if/with/range, {{template}}, printing; and the services a
// running template offers its functions (include, tpl, random bytes). Mirrors Go's exec.go
// walk, walkIfOrWith, walkRange, walkTemplate and printValue.
#include <pthread.h>
#include <sys/random.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <utility>

#include "template/exec_state.h"
#include "template/go_fmt.h"
#include "template/go_strconv.h"
#include "template/value_ops.h"

namespace sparkc::gotmpl::detail {
namespace {

// Stack kept free below the deepest template call, so that a runaway recursion fails with
// Go's message instead of overflowing the C++ stack before Go's 100000-call limit is reached.
constexpr std::uintptr_t kStackReserve = 256 * 1024;

// The lowest usable stack address of the calling thread, plus the reserve; 0 if unknown.
// pthread_getattr_np reads /proc for the main thread, so the answer is cached per thread.
std::uintptr_t stack_floor() {
  thread_local std::uintptr_t floor = [] {
    pthread_attr_t attr;
    if (pthread_getattr_np(pthread_self(), &attr) != 0) return std::uintptr_t{0};
    void* addr = nullptr;
    size_t size = 0;
    int rc = pthread_attr_getstack(&attr, &addr, &size);
    pthread_attr_destroy(&attr);
    if (rc != 0 || size <= kStackReserve) return std::uintptr_t{0};
    return reinterpret_cast<std::uintptr_t>(addr) + kStackReserve;
  }();
  return floor;
}

// splitmix64: a tiny, well-mixed generator. Seeded runs must give the same bytes on every
// machine and build (golden files, reproducible charts), which std:: engines and
// distributions do not promise; its output is not meant to be cryptographic.
std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

}  // namespace

Run::Run(const ExecOptions& o) : opts(o), rng_state(o.random_seed), stack_floor(detail::stack_floor()) {}

void throw_no_template(std::string_view name) {
  std::string msg = "template: no template " + go_quote(name) + " associated with template " +
                    go_quote(kRootName);
  throw TemplateError(std::move(msg), std::string(name), 0, 0, false);
}

void execute_tree(const Namespace& ns, const Tree& tree, const Value& data, const ExecOptions& opts,
                  std::string& out) {
  Run run(opts);
  State state(run, ns, tree, out);
  state.execute(data);
}

void State::execute(const Value& data) {
  Val dot = Val::of(data);
  vars_.push_back({"$", dot});
  if (tree_->root == nullptr) errorf(go_quote(tree_->name) + " is an incomplete or empty template");
  walk(dot, *tree_->root);
}

// walk executes one node, writing to the output. Variables declared by an action stay on
// the stack until the enclosing control structure ends.
Flow State::walk(const Val& dot, const Node& node) {
  at(node);
  switch (node.type) {
    case NodeType::Action: {
      const auto& a = static_cast<const ActionNode&>(node);
      Val val = eval_pipeline(dot, a.pipe.get());
      if (a.pipe->decl.empty()) print_value(node, val);
      return Flow::Normal;
    }
    case NodeType::Break: return Flow::Break;
    case NodeType::Continue: return Flow::Continue;
    case NodeType::Comment: return Flow::Normal;
    case NodeType::If:
      return walk_if_or_with(false, dot, static_cast<const BranchNode&>(node));
    case NodeType::List:
      for (const auto& n : static_cast<const ListNode&>(node).nodes) {
        Flow f = walk(dot, *n);
        if (f != Flow::Normal) return f;
      }
      return Flow::Normal;
    case NodeType::Range: return walk_range(dot, static_cast<const RangeNode&>(node));
    case NodeType::Template:
      walk_template(dot, static_cast<const TemplateNode&>(node));
      return Flow::Normal;
    case NodeType::Text:
      out_->append(static_cast<const TextNode&>(node).text);
      return Flow::Normal;
    case NodeType::With:
      return walk_if_or_with(true, dot, static_cast<const BranchNode&>(node));
    default: break;
  }
  errorf("unknown node: " + node.to_string());
}

// walkIfOrWith: `with` differs from `if` only in rebinding dot to the pipeline's value.
Flow State::walk_if_or_with(bool is_with, const Val& dot, const BranchNode& n) {
  size_t m = mark();
  Val val = eval_pipeline(dot, n.pipe.get());
  val.unwrap();
  bool truth = val.valid() && is_true(val.v);
  Flow f = Flow::Normal;
  if (truth) {
    f = walk(is_with ? val : dot, *n.list);
  } else if (n.else_list) {
    f = walk(dot, *n.else_list);
  }
  pop(m);
  return f;
}

// walkRange: lists in order, maps by sorted key, integers 0..n-1 (Go 1.22); nil and empty
// values run the else branch. {{break}} ends the range, {{continue}} the iteration.
Flow State::walk_range(const Val& dot, const RangeNode& r) {
  at(r);
  const size_t outer = mark();
  Val val = eval_pipeline(dot, r.pipe.get());
  const size_t m = mark();
  const auto& decl = r.pipe->decl;
  bool stop = false;
  auto one_iteration = [&](Val index, Val elem) {
    if (!decl.empty()) {
      if (r.pipe->is_assign) {
        // With two variables the index comes first; with one, the element.
        set_var(decl[0]->ident[0], decl.size() > 1 ? index : elem);
      } else {
        set_top_var(1, elem);  // lexically the second of two
      }
    }
    if (decl.size() > 1) {
      if (r.pipe->is_assign) {
        set_var(decl[1]->ident[0], elem);
      } else {
        set_top_var(2, std::move(index));
      }
    }
    Flow f = walk(elem, *r.list);
    pop(m);
    if (f == Flow::Break) stop = true;
  };

  bool ran = false;
  // Host objects whose Go type is a map or slice (Helm's .Files, a VersionSet) range over
  // their data.
  if (val.valid() && val.v.is_object()) {
    const std::string kind = val.v.as_object()->kind_name();
    if (kind == "map" || kind == "slice") {
      Value data = val.v.as_object()->to_data();
      if (data.is_map() || data.is_list()) val = Val::of(std::move(data));
    }
  }
  const Value& v = val.v;
  switch (val.valid() ? v.type() : Type::Nil) {
    case Type::Int:
    case Type::Int64:
    case Type::Uint64: {
      if (decl.size() > 1) {
        errorf("can't use " + go_print_value(v) + " to iterate over more than one variable");
      }
      const bool is_unsigned = v.type() == Type::Uint64;
      const std::int64_t n = v.as_int();
      for (std::int64_t i = 0; !stop && (is_unsigned ? static_cast<std::uint64_t>(i) < v.as_uint() : i < n);
           ++i) {
        Value e = v.type() == Type::Int ? Value::integer(i)
                  : v.type() == Type::Int64 ? Value::int64(i)
                                            : Value::uint64(static_cast<std::uint64_t>(i));
        ran = true;
        one_iteration(Val::invalid(), Val::of(std::move(e)));
      }
      break;
    }
    case Type::List: {
      const List& list = v.as_list();  // `val` holds the list alive; lists are immutable
      const bool iface = v.elem_type() == ElemType::Any;
      for (size_t i = 0; i < list.size() && !stop; ++i) {
        ran = true;
        one_iteration(Val::of(Value::integer(static_cast<std::int64_t>(i))),
                      iface ? Val::iface(list[i]) : Val::of(list[i]));
      }
      break;
    }
    case Type::Bytes: {
      // []byte elements are uint8 in Go; they range as small integers here.
      const std::string& bytes = v.as_string();
      for (size_t i = 0; i < bytes.size() && !stop; ++i) {
        ran = true;
        one_iteration(Val::of(Value::integer(static_cast<std::int64_t>(i))),
                      Val::of(Value::integer(static_cast<unsigned char>(bytes[i]))));
      }
      break;
    }
    case Type::Map: {
      // Go sorts a copy of the entries first, so the body may change the map freely.
      const Map& map = v.as_map();
      if (map.empty()) break;
      std::vector<std::pair<std::string, Value>> entries(map.begin(), map.end());
      const bool iface = v.elem_type() == ElemType::Any;
      for (auto& [key, elem] : entries) {
        if (stop) break;
        ran = true;
        one_iteration(Val::of(Value(key)), iface ? Val::iface(elem) : Val::of(elem));
      }
      break;
    }
    case Type::Nil: break;  // a missing value acts like an empty map
    default: errorf("range can't iterate over " + go_print_value(v));
  }
  Flow f = Flow::Normal;
  if (!ran && r.else_list) {
    f = walk(dot, *r.else_list);
    if (f == Flow::Break) f = Flow::Normal;  // Go's walkRange recovers walkBreak here too
  }
  pop(outer);
  return f;
}

// walkTemplate: {{template "name" pipeline}} runs with a fresh variable scope ($ = dot).
void State::walk_template(const Val& dot, const TemplateNode& t) {
  at(t);
  const Tree* tree = ns_->lookup(t.name);
  if (tree == nullptr) errorf("template " + go_quote(t.name) + " not defined");
  if (depth_ == kMaxExecDepth) errorf("exceeded maximum template depth (100000)");
  check_stack();
  Val new_dot = eval_pipeline(dot, t.pipe.get());
  // Go copies the state; the caller's variables, node and template come back afterwards.
  std::vector<Variable> saved_vars;
  saved_vars.swap(vars_);
  const Tree* saved_tree = std::exchange(tree_, tree);
  const Node* saved_node = node_;
  ++depth_;
  vars_.push_back({"$", new_dot});
  walk(new_dot, *tree->root);
  --depth_;
  tree_ = saved_tree;
  node_ = saved_node;
  vars_.swap(saved_vars);
}

// True when the C++ stack is nearly used up. Go's goroutine stacks grow to 1 GB, so Go
// reaches its own limits (100000 nested {{template}} calls, Helm's 1000 includes per name)
// long after an 8 MB thread stack would overflow; near the end of ours we fail with the limit
// Go would have reported instead of crashing.
bool State::stack_low() const {
  char here;
  return run_.stack_floor != 0 && reinterpret_cast<std::uintptr_t>(&here) < run_.stack_floor;
}

void State::check_stack() {
  if (stack_low()) errorf("exceeded maximum template depth (100000)");
}

// printValue: fmt.Fprint of the value; a missing value prints as "<no value>".
void State::print_value(const Node& n, const Val& v) {
  at(n);
  if (!v.valid()) {
    out_->append("<no value>");
    return;
  }
  switch (v.v.type()) {
    case Type::String: out_->append(v.v.as_string()); return;
    case Type::Int:
    case Type::Int64: {
      char buf[24];
      auto res = std::to_chars(buf, buf + sizeof buf, v.v.as_int());
      out_->append(buf, res.ptr);
      return;
    }
    case Type::Bool: out_->append(v.v.as_bool() ? "true" : "false"); return;
    case Type::Nil: out_->append("<nil>"); return;  // a nil interface{}
    default: out_->append(go_print_value(v.v)); return;
  }
}

// Helm's include: runs a named template into a string, counting nesting per name.
std::string State::include(std::string_view name, const Value& data) {
  auto it = run_.include_counts.find(name);
  if (it == run_.include_counts.end()) {
    it = run_.include_counts.emplace(std::string(name), 0).first;
  } else if (it->second > run_.opts.include_depth_limit) {
    throw FuncError("rendering template has a nested reference name: " + std::string(name) +
                    ": unable to execute template");
  }
  if (stack_low()) {
    throw FuncError("rendering template has a nested reference name: " + std::string(name) +
                    ": unable to execute template");
  }
  int& count = it->second;  // unordered_map references survive rehashing
  ++count;
  struct Decrement {
    int& c;
    ~Decrement() { --c; }
  } decrement{count};
  const Tree* tree = ns_->lookup(name);
  if (tree == nullptr) throw_no_template(name);
  std::string buf;
  State nested(run_, *ns_, *tree, buf);
  nested.execute(data);
  return buf;
}

// Helm's tpl: parses `text` under the root's name in a namespace layered on this one, so its
// defines are visible to it and to what it includes, but not to the caller.
std::string State::tpl(std::string_view text, const Value& data) {
  if (stack_low()) throw FuncError("exceeded maximum template depth (100000)");
  Namespace overlay(ns_->funcs(), ns_);
  std::shared_ptr<const Tree> top = overlay.parse(std::string(kRootName), std::string(text));
  std::string buf;
  State nested(run_, overlay, *top, buf);
  nested.execute(data);
  return buf;
}

void State::random_bytes(std::span<unsigned char> out) {
  if (run_.opts.random_seed != 0) {
    for (size_t i = 0; i < out.size(); i += 8) {
      std::uint64_t r = splitmix64(run_.rng_state);
      std::memcpy(out.data() + i, &r, std::min<size_t>(8, out.size() - i));
    }
    return;
  }
  // The kernel's CSPRNG (what OpenSSL's RAND_bytes seeds from) keeps the engine library free
  // of a libcrypto dependency.
  size_t done = 0;
  while (done < out.size()) {
    ssize_t n = getrandom(out.data() + done, out.size() - done, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw FuncError("random source unavailable");
    }
    done += static_cast<size_t>(n);
  }
}

}  // namespace sparkc::gotmpl::detail
