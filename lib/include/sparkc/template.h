// The Go text/template engine: parse templates into a set, execute them with data.
//
// TemplateSet mirrors a Go *template.Template namespace: every parsed source and every
// {{define}} in it becomes a named template that {{template}} and Helm's include can call.
// Errors use Go's wording (and Helm's where Helm words them), with structured locations.
#pragma once

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "sparkc/functions.h"
#include "sparkc/value.h"

namespace sparkc::gotmpl {

// What a missing map key yields (Go's missingkey option). Helm uses Zero, or Error with --strict.
enum class MissingKey : std::uint8_t { Default, Zero, Error };

struct ExecOptions {
  MissingKey missing_key = MissingKey::Zero;
  // Helm's include nesting limit: deeper recursion fails with Helm's message.
  int include_depth_limit = 1000;
  // Seed for random functions; 0 draws from the operating system.
  std::uint64_t random_seed = 0;
};

// A parse or execution error. what() is the whole message as Go or Helm prints it, e.g.
// `template: x:1:3: executing "x" at <.a.b>: nil pointer evaluating interface {}.b`.
class TemplateError : public std::runtime_error {
 public:
  TemplateError(std::string msg, std::string name, int line, int col, bool is_parse)
      : std::runtime_error(std::move(msg)), name(std::move(name)), line(line), col(col),
        is_parse(is_parse) {}
  std::string name;  // template where it happened
  int line;          // 1-based; 0 when unknown
  int col;           // 1-based byte column; 0 when unknown (parse errors carry none)
  bool is_parse;
};

// A set of named templates sharing definitions, like Go's *template.Template.
class TemplateSet {
 public:
  explicit TemplateSet(const FunctionRegistry& funcs = helm_functions());
  ~TemplateSet();
  TemplateSet(TemplateSet&&) noexcept;
  TemplateSet& operator=(TemplateSet&&) noexcept;

  // Parses `text` as template `name` (Go: t.New(name).Parse(text)); its {{define}}s join the
  // set, replacing earlier ones unless the new body is empty. Throws TemplateError.
  void parse(const std::string& name, std::string text);
  bool has(std::string_view name) const;
  std::vector<std::string> names() const;

  // Executes template `name` with dot bound to `data`. Throws TemplateError.
  std::string execute(std::string_view name, const Value& data, const ExecOptions& opts = {}) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Parses and executes one template string named `name` (spark-constructor eval), and removes
// "<no value>" from the output as Helm does. Throws TemplateError.
std::string eval_template(std::string_view text, const Value& data, const ExecOptions& opts = {},
                          const std::string& name = "eval");

}  // namespace sparkc::gotmpl
