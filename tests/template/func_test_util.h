// Helpers for calling registered template functions directly, without the executor, shared by
// every function test: one CallContext stub, plus three ways of calling that suit the families'
// tables: call_function (result as %v and %T, for the strings table), call/check_rows (rows
// against the encoding, semver and crypto registry) and run_row (a one-line pipeline in
// template syntax printed as "%T %v", for the lists, math and dates tables).
#pragma once

#include <doctest/doctest.h>

#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <deque>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "sparkc/functions.h"
#include "template/funcs_sprig_cast.h"
#include "template/go_fmt.h"

namespace sparkc::gotmpl::testing {

// The one CallContext stub of the function tests. Functions under test never reach back into
// the engine (include and tpl throw); random bytes come from a seeded xorshift generator, or
// from a scripted queue first (to drive rejection sampling through known values).
class StubContext : public CallContext {
 public:
  explicit StubContext(std::uint64_t seed = 42) : state_(seed ? seed : 1) {}

  std::string include(std::string_view, const Value&) override { throw std::logic_error("no include"); }
  std::string tpl(std::string_view, const Value&) override { throw std::logic_error("no tpl"); }
  std::string_view template_name() const override { return "t"; }

  void random_bytes(std::span<unsigned char> out) override {
    for (auto& b : out) {
      if (!script_.empty()) {
        b = script_.front();
        script_.pop_front();
        continue;
      }
      state_ ^= state_ << 13;
      state_ ^= state_ >> 7;
      state_ ^= state_ << 17;
      b = static_cast<unsigned char>(state_ >> 24);
    }
    drawn_ += out.size();
  }

  // Queues bytes that random_bytes returns before any generated ones.
  void script(std::vector<unsigned char> bytes) { script_.insert(script_.end(), bytes.begin(), bytes.end()); }
  size_t drawn() const { return drawn_; }

 private:
  std::uint64_t state_;
  std::deque<unsigned char> script_;
  size_t drawn_ = 0;
};

// --- Direct calls, printed as fmt does ----------------------------------------------------

// The outcome of one call: fmt's %v of the result and its Go type, or the error text.
struct CallResult {
  std::string printed;  // "<nil>" for nil, as %v prints it
  std::string type;     // %T: "string", "[]string", "<nil>"
  std::string error;    // FuncError text; empty on success
};

// Calls `name` from `registry` with `args`, which must already have the declared types.
inline CallResult call_function(const FunctionRegistry& registry, std::string_view name,
                                std::vector<Value> args) {
  const Function* f = registry.find(name);
  if (!f) return {"", "", "function \"" + std::string(name) + "\" not registered"};
  StubContext ctx;
  try {
    Value v = f->fn(ctx, std::span<const Value>(args));
    return {v.is_nil() ? "<nil>" : go_print_value(v), v.go_type_name(), ""};
  } catch (const FuncError& e) {
    return {"", "", e.what()};
  }
}

// --- Rows against the encoding, semver and crypto registry --------------------------------

// The registry holding just the functions under test.
inline const FunctionRegistry& encoding_registry() {
  static const FunctionRegistry r = [] {
    FunctionRegistry reg;
    register_sprig_encoding(reg);
    return reg;
  }();
  return r;
}

// Calls a registered function; a missing function fails the test.
inline Value call(CallContext& ctx, std::string_view name, std::vector<Value> args) {
  const Function* f = encoding_registry().find(name);
  if (!f) throw std::logic_error("no function " + std::string(name));
  return f->fn(ctx, args);
}

inline Value call(std::string_view name, std::vector<Value> args) {
  StubContext ctx;
  return call(ctx, name, std::move(args));
}

// Prints a result the way the template would print it (%v), for the value kinds these
// functions return.
inline std::string show(const Value& v) {
  switch (v.type()) {
    case Type::Nil: return "<no value>";
    case Type::Bool: return v.as_bool() ? "true" : "false";
    case Type::Int:
    case Type::Int64: return std::to_string(v.as_int());
    case Type::Uint64: return std::to_string(v.as_uint());
    case Type::String: return v.as_string();
    case Type::Object: return v.as_object()->print();
    default: return "<" + v.go_type_name() + ">";
  }
}

// One table row: a call, and Go's output or the error after "error calling NAME: ".
struct Row {
  std::string fn;
  std::vector<Value> args;
  std::string want;
  bool is_error = false;
};

// Runs a row and returns the output or the error message, prefixed "ERR " for errors.
inline std::string run_row(CallContext& ctx, const Row& row) {
  try {
    return show(call(ctx, row.fn, row.args));
  } catch (const FuncError& e) {
    return std::string("ERR ") + e.what();
  }
}

inline void check_rows(const std::vector<Row>& rows) {
  for (const auto& row : rows) {
    StubContext ctx;
    std::string got = run_row(ctx, row);
    std::string want = row.is_error ? "ERR " + row.want : row.want;
    CAPTURE(row.fn);
    CAPTURE(row.args.empty() ? std::string() : show(row.args[0]));
    CAPTURE(row.args.size() < 2 ? std::string() : show(row.args[1]));
    CHECK(got == want);
  }
}

// --- One-line pipelines in template syntax ---------------------------------------------------
//
// Evaluates a call such as `first (list 1 2 3)` or `list 1 2 | rest` against a registry,
// converting literal arguments the way text/template would, so expectations can come straight
// from the Go oracle.

// The registry under test plus the few Sprig conversions the rows use to build arguments.
inline FunctionRegistry make_registry(void (*register_family)(FunctionRegistry&)) {
  FunctionRegistry r;
  register_sprig_lists(r);
  register_family(r);
  r.add("int64", {{Param::Any}}, [](CallContext&, std::span<const Value> a) {
    return Value::int64(sprig::to_int64(a[0]));
  });
  r.add("float64", {{Param::Any}}, [](CallContext&, std::span<const Value> a) {
    return Value::float64(sprig::to_float64(a[0]));
  });
  r.add("splitList", {{Param::String, Param::String}}, [](CallContext&, std::span<const Value> a) {
    List out;
    const std::string &sep = a[0].as_string(), &s = a[1].as_string();
    size_t start = 0;
    for (size_t pos; (pos = s.find(sep, start)) != std::string::npos && !sep.empty(); start = pos + sep.size()) {
      out.emplace_back(s.substr(start, pos - start));
    }
    out.emplace_back(s.substr(start));
    return Value::list(std::move(out), ElemType::String);
  });
  return r;
}

// Evaluates one pipeline of calls and literals; throws FuncError as the function does.
class Evaluator {
 public:
  explicit Evaluator(const FunctionRegistry& r) : r_(r) {}

  Value eval(std::string_view src) {
    src_ = src;
    pos_ = 0;
    Value v = pipeline();
    if (pos_ != src_.size()) throw std::runtime_error("trailing input in test row");
    return v;
  }

 private:
  // An operand; untyped integer constants adapt to the parameter type, as in Go.
  struct Arg {
    Value value;
    bool untyped_int = false;
  };

  void skip_space() {
    while (pos_ < src_.size() && src_[pos_] == ' ') ++pos_;
  }
  bool at_end_of_command() {
    skip_space();
    return pos_ >= src_.size() || src_[pos_] == ')' || src_[pos_] == '|';
  }

  // Commands separated by '|'; each result becomes the last argument of the next call.
  Value pipeline() {
    std::optional<Arg> piped;
    while (true) {
      Arg r = operand(piped ? &*piped : nullptr);
      if (!at_end_of_command()) throw std::runtime_error("extra operand in test row");
      piped = r;
      if (pos_ < src_.size() && src_[pos_] == '|') {
        ++pos_;
        continue;
      }
      return r.value;
    }
  }

  Arg operand(const Arg* piped = nullptr) {
    skip_space();
    char c = pos_ < src_.size() ? src_[pos_] : ')';
    if (c == '(') {
      ++pos_;
      Value v = pipeline();
      ++pos_;  // ')'
      return Arg{v};
    }
    if (c == '"') {
      std::string s;
      for (++pos_; pos_ < src_.size() && src_[pos_] != '"'; ++pos_) {
        if (src_[pos_] == '\\') {
          char e = src_[++pos_];
          if (e == 'x') {
            s += static_cast<char>(std::stoi(std::string(src_.substr(pos_ + 1, 2)), nullptr, 16));
            pos_ += 2;
          } else {
            s += e == 'n' ? '\n' : e == 't' ? '\t' : e;
          }
        } else {
          s += src_[pos_];
        }
      }
      ++pos_;
      return Arg{Value(s)};
    }
    size_t start = pos_;
    while (pos_ < src_.size() && src_[pos_] != ' ' && src_[pos_] != ')' && src_[pos_] != '|') ++pos_;
    std::string word(src_.substr(start, pos_ - start));
    if (word == "nil") return Arg{Value()};
    if (word == "true") return Arg{Value(true)};
    if (word == "false") return Arg{Value(false)};
    if (std::isdigit(static_cast<unsigned char>(word[0])) || word[0] == '-' || word[0] == '.') {
      bool hex = word.find("0x") != std::string::npos;
      if (!hex && word.find_first_of(".eE") != std::string::npos) return Arg{Value::float64(std::strtod(word.c_str(), nullptr))};
      return Arg{Value::integer(std::stoll(word, nullptr, 0)), true};
    }
    const Function* f = r_.find(word);
    if (!f) throw std::runtime_error("unknown function in test row: " + word);
    std::vector<Arg> args;
    while (!at_end_of_command()) args.push_back(operand());
    if (piped) args.push_back(*piped);
    return Arg{invoke(*f, args)};
  }

  Value invoke(const Function& f, const std::vector<Arg>& args) {
    std::vector<Value> conv;
    for (size_t i = 0; i < args.size(); ++i) {
      Param p = f.sig.params.empty()            ? Param::Any
                : i < f.sig.params.size() ? f.sig.params[i]
                                          : f.sig.params.back();
      const Arg& a = args[i];
      if (p == Param::Int && a.value.is_integer()) conv.push_back(Value::integer(a.value.as_int()));
      else if (p == Param::Int64 && a.value.is_integer()) conv.push_back(Value::int64(a.value.as_int()));
      else if (p == Param::Float64 && a.untyped_int) conv.push_back(Value::float64(static_cast<double>(a.value.as_int())));
      else conv.push_back(a.value);
    }
    StubContext ctx;
    return f.fn(ctx, conv);
  }

  const FunctionRegistry& r_;
  std::string_view src_;
  size_t pos_ = 0;
};

// What the oracle prints for a row: "%T %v" of the result, or "ERR " and the function's error.
inline std::string run_row(const FunctionRegistry& r, std::string_view row) {
  Evaluator ev(r);
  try {
    Value v = ev.eval(row);
    std::vector<Value> args{v, v};
    return go_sprintf("%T %v", args);
  } catch (const FuncError& e) {
    return std::string("ERR ") + e.what();
  }
}

}  // namespace sparkc::gotmpl::testing
