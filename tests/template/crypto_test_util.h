// A CallContext stub and call helpers for testing Sprig's encoding, semver and crypto
// functions directly through a FunctionRegistry, without the template executor.
#pragma once

#include <doctest/doctest.h>

#include <cstdint>
#include <deque>
#include <stdexcept>
#include <string>
#include <vector>

#include "sparkc/functions.h"

namespace sparkc::gotmpl::testing {

// Random bytes from a seeded xorshift generator, or from a scripted queue first (to drive
// rejection sampling through known values).
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

}  // namespace sparkc::gotmpl::testing
