// Shared by exec_test.cpp and helm_funcs_test.cpp: the data fixtures the table rows name and
// the runner that executes one row as Helm's engine would (template "t" in a "gotpl" set).
//
// Every expected output and error message in those tables was produced by Go 1.19's
// text/template with Sprig v3 and Helm-equivalent include/tpl/required/lookup, running the same
// template on the same data (a throwaway Go program, not part of the project), except where a
// row says it follows Go 1.22+ (range over an integer).
#pragma once

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <string_view>

#include "sparkc/functions.h"
#include "sparkc/template.h"
#include "sparkc/yaml.h"

namespace sparkc::gotmpl::testing {

// The JSON document most rows run on; decoded as encoding/json does (numbers are float64).
inline constexpr const char* kData =
    R"({"a":1,"s":"str","b":true,"f":1.5,"n":null,"list":[1,"two",3.5],"empty":[],)"
    R"("m":{"x":"X","y":{"z":"Z"}},"em":{},"zero":0,"emptys":"","big":1000000.0,"neg":-2,)"
    R"("nested":{"list":[{"name":"a"},{"name":"b"}]},"pct":"100%"})";

// A host object standing for the oracle's Go type
//   type Obj struct { Name string; Nested *Obj; Any interface{} }
// with methods Greet(string) string, Twice(int) int, Fail() (string, error), Upper() string
// and Join(sep string, parts ...interface{}) string.
class TestObj : public MethodObject {
 public:
  TestObj(std::string name, std::shared_ptr<TestObj> nested, Value any)
      : name_(std::move(name)), nested_(std::move(nested)), any_(std::move(any)) {
    methods_.add("Greet", {{Param::String}}, [this](CallContext&, std::span<const Value> a) {
      return Value("hi " + a[0].as_string() + " from " + name_);
    });
    methods_.add("Twice", {{Param::Int}}, [](CallContext&, std::span<const Value> a) {
      return Value::integer(2 * a[0].as_int());
    });
    methods_.add("Fail", {{}, false, true}, [](CallContext&, std::span<const Value>) -> Value {
      throw FuncError("failed");
    });
    methods_.add("Upper", {{}}, [this](CallContext&, std::span<const Value>) {
      std::string s = name_;
      for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      return Value(s);
    });
    methods_.add("Join", {{Param::String, Param::Any}, true},
                 [](CallContext&, std::span<const Value> a) {
                   std::string out;
                   for (size_t i = 1; i < a.size(); ++i) {
                     if (i > 1) out += a[0].as_string();
                     out += a[i].is_string() ? a[i].as_string() : std::to_string(a[i].as_int());
                   }
                   return Value(out);
                 });
  }
  std::string go_type_name() const override { return "*main.Obj"; }
  std::optional<Value> field(std::string_view name) const override {
    if (name == "Name") return Value(name_);
    if (name == "Nested") return nested_ ? Value(std::shared_ptr<Object>(nested_)) : Value();
    if (name == "Any") return any_;
    return std::nullopt;
  }
  const Function* method(std::string_view name) const override { return methods_.find(name); }
  std::string print() const override { return "&{" + name_ + "}"; }

 private:
  std::string name_;
  std::shared_ptr<TestObj> nested_;
  Value any_;
  FunctionRegistry methods_;
};

// The data a row names: "@nil", "@typed" (Go-typed values: int, int64, []string,
// map[string]string, []int), "@obj" (a TestObj under "o"), or a JSON document.
inline Value fixture(std::string_view spec) {
  if (spec == "@nil") return Value();
  if (spec == "@typed") {
    Map m;
    m.emplace("i", Value::integer(3));
    m.emplace("i64", Value::int64(4));
    m.emplace("strs", Value(List{Value("a"), Value("b")}, ElemType::String));
    m.emplace("ms", Value(Map{{"k", Value("v")}}, ElemType::String));
    m.emplace("t", Value(true));
    m.emplace("f", Value::float64(2.5));
    m.emplace("ints", Value(List{Value::integer(1), Value::integer(2)}, ElemType::Int));
    m.emplace("s", Value("str"));
    m.emplace("zi", Value::integer(0));
    return Value(std::move(m));
  }
  if (spec == "@obj") {
    auto kid = std::make_shared<TestObj>("kid", nullptr, Value());
    auto bob = std::make_shared<TestObj>("bob", kid, Value(Map{{"k", Value("v")}}));
    return Value(Map{{"o", Value(std::shared_ptr<Object>(bob))}});
  }
  return yaml::from_json(spec);
}

// One table row: a template named "t" run on `data`; `want` is the whole output, or the whole
// error message when `is_err`.
struct Row {
  const char* name;
  const char* tmpl;
  const char* data;
  MissingKey missing_key;
  const char* want;
  bool is_err;
};

// Parses and executes a row; returns the output, or the error message with is_err set.
inline std::string run_row(const Row& row, bool& is_err) {
  is_err = false;
  try {
    TemplateSet set(helm_functions());
    set.parse("t", row.tmpl);
    ExecOptions opts;
    opts.missing_key = row.missing_key;
    return set.execute("t", fixture(row.data), opts);
  } catch (const TemplateError& e) {
    is_err = true;
    return e.what();
  }
}

// Runs every row of a table and checks output or error as a whole.
template <size_t N>
void check_rows(const Row (&rows)[N]) {
  for (const Row& row : rows) {
    std::string name = row.name, tmpl = row.tmpl;
    CAPTURE(name);
    CAPTURE(tmpl);
    bool is_err = false;
    std::string got = run_row(row, is_err);
    CHECK(is_err == row.is_err);
    CHECK(got == row.want);
  }
}

}  // namespace sparkc::gotmpl::testing
