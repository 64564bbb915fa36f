#include <doctest/doctest.h>

#include "sparkc/value.h"

using namespace sparkc;

TEST_CASE("go type names follow the dynamic type") {
  struct Row {
    Value v;
    std::string type, kind;
  };
  Row rows[] = {
      {Value(), "<nil>", "invalid"},
      {Value(true), "bool", "bool"},
      {Value::integer(3), "int", "int"},
      {Value::int64(3), "int64", "int64"},
      {Value::float64(3), "float64", "float64"},
      {Value("x"), "string", "string"},
      {Value::bytes("x"), "[]uint8", "slice"},
      {Value::list({}), "[]interface {}", "slice"},
      {Value::list({}, ElemType::String), "[]string", "slice"},
      {Value::map(), "map[string]interface {}", "map"},
      {Value::map({}, ElemType::String), "map[string]string", "map"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.type);
    CHECK(row.v.go_type_name() == row.type);
    CHECK(row.v.kind_name() == row.kind);
  }
}

TEST_CASE("maps are shared by reference, deep_copy breaks the sharing") {
  Value a = Value::map();
  Value b = a;
  b.mutable_map()["k"] = Value::integer(1);
  REQUIRE(a.find("k") != nullptr);
  Value c = a.deep_copy();
  c.mutable_map()["k"] = Value::integer(2);
  CHECK(a.find("k")->as_int() == 1);
  CHECK(!deep_equal(a, c));
  CHECK(deep_equal(a, b));
}

TEST_CASE("deep_equal tells int from int64 and []string from []interface {}") {
  CHECK(!deep_equal(Value::integer(1), Value::int64(1)));
  CHECK(!deep_equal(Value::list({Value("a")}), Value::list({Value("a")}, ElemType::String)));
  CHECK(deep_equal(Value::list({Value("a")}), Value::list({Value("a")})));
}
