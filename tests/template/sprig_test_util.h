// Calling registered template functions directly, without the executor: a CallContext stub
// and a call helper that reports results and errors as strings for table tests.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "sparkc/functions.h"
#include "template/go_fmt.h"

namespace sparkc::gotmpl::testing {

// A CallContext for functions that never reach back into the engine.
class StubCallContext : public CallContext {
 public:
  std::string include(std::string_view, const Value&) override { return ""; }
  std::string tpl(std::string_view, const Value&) override { return ""; }
  std::string_view template_name() const override { return "test"; }
  void random_bytes(std::span<unsigned char> out) override {
    for (auto& b : out) b = 0;
  }
};

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
  StubCallContext ctx;
  try {
    Value v = f->fn(ctx, std::span<const Value>(args));
    return {v.is_nil() ? "<nil>" : go_print_value(v), v.go_type_name(), ""};
  } catch (const FuncError& e) {
    return {"", "", e.what()};
  }
}

}  // namespace sparkc::gotmpl::testing
