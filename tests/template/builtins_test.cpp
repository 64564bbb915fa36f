// Go's builtin template functions, called directly through the registry. Every expected result
// (printf "%T|%#v" of the value) and error text was produced by Go 1.19 running the same call
// in a template on data of the same Go types; see tests/template/oracle/builtins/.
#include <doctest/doctest.h>

#include <limits>
#include <string>

#include "sparkc/functions.h"
#include "template/go_fmt.h"

using namespace sparkc;
using namespace sparkc::gotmpl;
using namespace std::string_literals;

namespace {

// The builtins never call back into the engine.
class NoEngine : public CallContext {
 public:
  std::string include(std::string_view, const Value&) override { return ""; }
  std::string tpl(std::string_view, const Value&) override { return ""; }
  std::string_view template_name() const override { return "t"; }
  void random_bytes(std::span<unsigned char>) override {}
};

struct Row {
  std::string name;
  List args;
  std::string want;   // printf "%T|%#v" of the result, when there is no error
  std::string error;  // the error after "error calling NAME: "
};

const FunctionRegistry& builtins() {
  static const FunctionRegistry r = [] {
    FunctionRegistry reg;
    register_builtins(reg);
    return reg;
  }();
  return r;
}

}  // namespace

TEST_CASE("builtins return what Go's return, or fail with Go's error") {
  const Row rows[] = {
    {"and"s, {Value::integer(1), Value::integer(0), Value::integer(2)}, "int|0"s, ""s},
    {"and"s, {Value::integer(1), Value::integer(2)}, "int|2"s, ""s},
    {"and"s, {Value(), Value::integer(1)}, "<nil>|<nil>"s, ""s},
    {"and"s, {Value("x"s)}, "string|\"x\""s, ""s},
    {"or"s, {Value::integer(0), Value(""s), Value::integer(3), Value::integer(4)}, "int|3"s, ""s},
    {"or"s, {Value::integer(0), Value(""s)}, "string|\"\""s, ""s},
    {"or"s, {Value::list(List{}), Value::map(Map{{"k"s, Value::integer(1)}})}, "map[string]interface {}|map[string]interface {}{\"k\":1}"s, ""s},
    {"and"s, {Value(true), Value::list(List{Value::integer(1)})}, "[]interface {}|[]interface {}{1}"s, ""s},
    {"not"s, {Value::integer(0)}, "bool|true"s, ""s},
    {"not"s, {Value::integer(1)}, "bool|false"s, ""s},
    {"not"s, {Value(""s)}, "bool|true"s, ""s},
    {"not"s, {Value()}, "bool|true"s, ""s},
    {"not"s, {Value::list(List{})}, "bool|true"s, ""s},
    {"not"s, {Value::map(Map{{"a"s, Value::integer(1)}})}, "bool|false"s, ""s},
    {"not"s, {Value::float64(0.0)}, "bool|true"s, ""s},
    {"len"s, {Value("h\303\251llo"s)}, "int|6"s, ""s},
    {"len"s, {Value::list(List{Value::integer(1), Value::integer(2)})}, "int|2"s, ""s},
    {"len"s, {Value::map(Map{{"a"s, Value::integer(1)}})}, "int|1"s, ""s},
    {"len"s, {Value::bytes("abc"s)}, "int|3"s, ""s},
    {"len"s, {Value::integer(3)}, ""s, "len of type int"s},
    {"len"s, {Value()}, ""s, "len of nil pointer"s},
    {"len"s, {Value::float64(2.5)}, ""s, "len of type float64"s},
    {"len"s, {Value(true)}, ""s, "len of type bool"s},
    {"index"s, {Value::list(List{Value("a"s), Value("b"s), Value("c"s)}), Value::integer(1)}, "string|\"b\""s, ""s},
    {"index"s, {Value::list(List{Value("a"s), Value("b"s), Value("c"s)}), Value::integer(5)}, ""s, "index out of range: 5"s},
    {"index"s, {Value::list(List{Value("a"s), Value("b"s), Value("c"s)}), Value::integer(3)}, ""s, "reflect: slice index out of range"s},
    {"index"s, {Value::list(List{Value("a"s), Value("b"s), Value("c"s)}), Value::integer(-1)}, ""s, "index out of range: -1"s},
    {"index"s, {Value::list(List{Value("a"s), Value("b"s), Value("c"s)}), Value()}, ""s, "cannot index slice/array with nil"s},
    {"index"s, {Value::list(List{Value("a"s), Value("b"s), Value("c"s)}), Value("a"s)}, ""s, "cannot index slice/array with type string"s},
    {"index"s, {Value::list(List{Value("a"s), Value("b"s), Value("c"s)}), Value::float64(1.0)}, ""s, "cannot index slice/array with type float64"s},
    {"index"s, {Value::list(List{Value("a"s), Value("b"s), Value("c"s)}), Value::int64(2LL)}, "string|\"c\""s, ""s},
    {"index"s, {Value::list(List{Value("a"s), Value("b"s), Value("c"s)}), Value::uint64(0ULL)}, "string|\"a\""s, ""s},
    {"index"s, {Value::list(List{Value("a"s), Value("b"s), Value("c"s)})}, "[]interface {}|[]interface {}{\"a\", \"b\", \"c\"}"s, ""s},
    {"index"s, {Value::map(Map{{"a"s, Value::integer(1)}, {"n"s, Value()}, {"sub"s, Value::map(Map{{"b"s, Value("deep"s)}})}}), Value("a"s)}, "int|1"s, ""s},
    {"index"s, {Value::map(Map{{"a"s, Value::integer(1)}, {"n"s, Value()}, {"sub"s, Value::map(Map{{"b"s, Value("deep"s)}})}}), Value("zz"s)}, "<nil>|<nil>"s, ""s},
    {"index"s, {Value::map(Map{{"a"s, Value::integer(1)}, {"n"s, Value()}, {"sub"s, Value::map(Map{{"b"s, Value("deep"s)}})}}), Value("n"s)}, "<nil>|<nil>"s, ""s},
    {"index"s, {Value::map(Map{{"a"s, Value::integer(1)}, {"n"s, Value()}, {"sub"s, Value::map(Map{{"b"s, Value("deep"s)}})}}), Value::integer(1)}, ""s, "value has type int; should be string"s},
    {"index"s, {Value::map(Map{{"a"s, Value::integer(1)}, {"n"s, Value()}, {"sub"s, Value::map(Map{{"b"s, Value("deep"s)}})}}), Value()}, ""s, "value is nil; should be of type string"s},
    {"index"s, {Value::map(Map{{"a"s, Value::integer(1)}, {"n"s, Value()}, {"sub"s, Value::map(Map{{"b"s, Value("deep"s)}})}}), Value("sub"s), Value("b"s)}, "string|\"deep\""s, ""s},
    {"index"s, {Value::map(Map{{"a"s, Value::integer(1)}, {"n"s, Value()}, {"sub"s, Value::map(Map{{"b"s, Value("deep"s)}})}}), Value("zz"s), Value("b"s)}, ""s, "index of nil pointer"s},
    {"index"s, {Value::map(Map{{"a"s, Value::integer(1)}, {"n"s, Value()}, {"sub"s, Value::map(Map{{"b"s, Value("deep"s)}})}}), Value("a"s), Value::integer(0)}, ""s, "can't index item of type int"s},
    {"index"s, {Value(), Value::integer(1)}, ""s, "index of untyped nil"s},
    {"index"s, {Value()}, ""s, "index of untyped nil"s},
    {"index"s, {Value("abc"s), Value::integer(1)}, "uint8|0x62"s, ""s},
    {"index"s, {Value("abc"s), Value::integer(3)}, ""s, "reflect: string index out of range"s},
    {"index"s, {Value::integer(5), Value::integer(1)}, ""s, "can't index item of type int"s},
    {"index"s, {Value::map(Map{{"k"s, Value("v"s)}}, ElemType::String), Value("zz"s)}, "string|\"\""s, ""s},
    {"index"s, {Value::list(List{Value::list(List{Value::integer(1), Value::integer(2)})}), Value::integer(0), Value::integer(1)}, "int|2"s, ""s},
    {"index"s, {Value::bytes("hi"s), Value::integer(0)}, "uint8|0x68"s, ""s},
    {"index"s, {Value(true), Value::integer(0)}, ""s, "can't index item of type bool"s},
    {"index"s, {Value::list(List{Value()}), Value::integer(0)}, "<nil>|<nil>"s, ""s},
    {"slice"s, {Value::list(List{Value("a"s), Value("b"s), Value("c"s)}), Value::integer(1)}, "[]interface {}|[]interface {}{\"b\", \"c\"}"s, ""s},
    {"slice"s, {Value::list(List{Value("a"s), Value("b"s), Value("c"s)}), Value::integer(1), Value::integer(2)}, "[]interface {}|[]interface {}{\"b\"}"s, ""s},
    {"slice"s, {Value::list(List{Value("a"s), Value("b"s), Value("c"s)}), Value::integer(0), Value::integer(1), Value::integer(2)}, "[]interface {}|[]interface {}{\"a\"}"s, ""s},
    {"slice"s, {Value::list(List{Value("a"s), Value("b"s), Value("c"s)})}, "[]interface {}|[]interface {}{\"a\", \"b\", \"c\"}"s, ""s},
    {"slice"s, {Value("abc"s), Value::integer(1), Value::integer(2)}, "string|\"b\""s, ""s},
    {"slice"s, {Value("abc"s), Value::integer(1)}, "string|\"bc\""s, ""s},
    {"slice"s, {Value("abc"s), Value::integer(1), Value::integer(2), Value::integer(3)}, ""s, "cannot 3-index slice a string"s},
    {"slice"s, {Value::list(List{Value("a"s), Value("b"s), Value("c"s)}), Value::integer(2), Value::integer(1)}, ""s, "invalid slice index: 2 > 1"s},
    {"slice"s, {Value::list(List{Value("a"s), Value("b"s), Value("c"s)}), Value::integer(5)}, ""s, "index out of range: 5"s},
    {"slice"s, {Value(), Value::integer(1)}, ""s, "slice of untyped nil"s},
    {"slice"s, {Value::integer(5), Value::integer(1)}, ""s, "can't slice item of type int"s},
    {"slice"s, {Value::list(List{Value("a"s), Value("b"s), Value("c"s)}), Value::integer(1), Value::integer(2), Value::integer(3), Value::integer(4)}, ""s, "too many slice indexes: 4"s},
    {"slice"s, {Value::list(List{Value("a"s), Value("b"s), Value("c"s)}), Value::integer(0), Value::integer(2), Value::integer(1)}, ""s, "invalid slice index: 2 > 1"s},
    {"slice"s, {Value::list(List{Value("a"s), Value("b"s), Value("c"s)}), Value::integer(3)}, "[]interface {}|[]interface {}{}"s, ""s},
    {"slice"s, {Value::list(List{Value("a"s), Value("b"s), Value("c"s)}), Value("x"s)}, ""s, "cannot index slice/array with type string"s},
    {"slice"s, {Value::list(List{Value("a"s), Value("b"s), Value("c"s)}), Value::float64(1.5)}, ""s, "cannot index slice/array with type float64"s},
    {"slice"s, {Value::bytes("hey"s), Value::integer(1)}, "[]uint8|[]byte{0x65, 0x79}"s, ""s},
    {"slice"s, {Value::list(List{Value("a"s), Value("b"s), Value("c"s)}), Value::integer(1), Value::integer(1)}, "[]interface {}|[]interface {}{}"s, ""s},
    {"slice"s, {Value::list(List{Value("a"s), Value("b"s), Value("c"s)}), Value::integer(0), Value::integer(3), Value::integer(3)}, "[]interface {}|[]interface {}{\"a\", \"b\", \"c\"}"s, ""s},
    {"eq"s, {Value::integer(1), Value::integer(1)}, "bool|true"s, ""s},
    {"eq"s, {Value::integer(1), Value::integer(2), Value::integer(3), Value::integer(1)}, "bool|true"s, ""s},
    {"eq"s, {Value::integer(1), Value::integer(2), Value::integer(3)}, "bool|false"s, ""s},
    {"eq"s, {Value::integer(1), Value::int64(1LL)}, "bool|true"s, ""s},
    {"eq"s, {Value::integer(1), Value::float64(1.0)}, ""s, "incompatible types for comparison"s},
    {"eq"s, {Value("a"s), Value("a"s)}, "bool|true"s, ""s},
    {"eq"s, {Value("a"s), Value::integer(1)}, ""s, "incompatible types for comparison"s},
    {"eq"s, {Value(), Value()}, "bool|true"s, ""s},
    {"eq"s, {Value::integer(1), Value()}, "bool|false"s, ""s},
    {"eq"s, {Value(), Value::integer(1)}, "bool|false"s, ""s},
    {"eq"s, {Value(true), Value(true)}, "bool|true"s, ""s},
    {"eq"s, {Value::list(List{Value::integer(1)}), Value::list(List{Value::integer(1)})}, ""s, "non-comparable type [%!s(int=1)]: []interface {}"s},
    {"eq"s, {Value::map(Map{{"a"s, Value::integer(1)}}), Value::map(Map{{"a"s, Value::integer(1)}})}, ""s, "non-comparable type map[a:%!s(int=1)]: map[string]interface {}"s},
    {"eq"s, {Value::list(List{Value::integer(1)}), Value::map(Map{{"a"s, Value::integer(1)}})}, ""s, "non-comparable types [%!s(int=1)]: []interface {}, map[string]interface {}: map[a:1]"s},
    {"eq"s, {Value::integer(1)}, ""s, "missing argument for comparison"s},
    {"eq"s, {Value::uint64(1ULL), Value::integer(1)}, "bool|true"s, ""s},
    {"eq"s, {Value::integer(-1), Value::uint64(18446744073709551615ULL)}, "bool|false"s, ""s},
    {"eq"s, {Value::float64(2.5), Value::float64(2.5)}, "bool|true"s, ""s},
    {"eq"s, {Value::list(List{Value::integer(1)}), Value()}, "bool|false"s, ""s},
    {"eq"s, {Value(), Value::list(List{Value::integer(1)})}, "bool|false"s, ""s},
    {"eq"s, {Value::bytes("a"s), Value::bytes("a"s)}, ""s, "non-comparable type a: []uint8"s},
    {"eq"s, {Value::integer(1), Value::integer(2), Value("x"s)}, ""s, "incompatible types for comparison"s},
    {"eq"s, {Value::integer(1), Value::integer(1), Value("x"s)}, "bool|true"s, ""s},
    {"eq"s, {Value::int64(5LL), Value::integer(5)}, "bool|true"s, ""s},
    {"eq"s, {Value("a"s), Value()}, "bool|false"s, ""s},
    {"eq"s, {Value::float64(1.5), Value::integer(1)}, ""s, "incompatible types for comparison"s},
    {"eq"s, {Value(true), Value::integer(1)}, ""s, "incompatible types for comparison"s},
    {"ne"s, {Value::integer(1), Value::integer(2)}, "bool|true"s, ""s},
    {"ne"s, {Value::integer(1), Value::integer(1)}, "bool|false"s, ""s},
    {"ne"s, {Value::integer(1), Value("a"s)}, ""s, "incompatible types for comparison"s},
    {"ne"s, {Value(), Value()}, "bool|false"s, ""s},
    {"ne"s, {Value("a"s), Value("b"s)}, "bool|true"s, ""s},
    {"lt"s, {Value::integer(1), Value::integer(2)}, "bool|true"s, ""s},
    {"lt"s, {Value::integer(2), Value::integer(1)}, "bool|false"s, ""s},
    {"lt"s, {Value::float64(1.5), Value::float64(2.5)}, "bool|true"s, ""s},
    {"lt"s, {Value("a"s), Value("b"s)}, "bool|true"s, ""s},
    {"lt"s, {Value::integer(1), Value::float64(2.0)}, ""s, "incompatible types for comparison"s},
    {"lt"s, {Value(true), Value(false)}, ""s, "invalid type for comparison"s},
    {"lt"s, {Value(), Value::integer(1)}, ""s, "invalid type for comparison"s},
    {"lt"s, {Value::integer(1), Value()}, ""s, "invalid type for comparison"s},
    {"lt"s, {Value::list(List{}), Value::list(List{})}, ""s, "invalid type for comparison"s},
    {"lt"s, {Value::int64(1LL), Value::integer(2)}, "bool|true"s, ""s},
    {"lt"s, {Value::integer(-1), Value::uint64(1ULL)}, "bool|true"s, ""s},
    {"lt"s, {Value::uint64(1ULL), Value::integer(-1)}, "bool|false"s, ""s},
    {"lt"s, {Value::uint64(1ULL), Value::integer(2)}, "bool|true"s, ""s},
    {"le"s, {Value::integer(2), Value::integer(2)}, "bool|true"s, ""s},
    {"le"s, {Value::integer(3), Value::integer(2)}, "bool|false"s, ""s},
    {"le"s, {Value("a"s), Value::integer(1)}, ""s, "incompatible types for comparison"s},
    {"le"s, {Value::float64(1.0), Value::float64(1.0)}, "bool|true"s, ""s},
    {"gt"s, {Value::integer(3), Value::integer(2)}, "bool|true"s, ""s},
    {"gt"s, {Value::integer(2), Value::integer(2)}, "bool|false"s, ""s},
    {"gt"s, {Value("b"s), Value("a"s)}, "bool|true"s, ""s},
    {"gt"s, {Value::integer(1), Value("a"s)}, ""s, "incompatible types for comparison"s},
    {"gt"s, {Value(), Value()}, ""s, "invalid type for comparison"s},
    {"ge"s, {Value::integer(2), Value::integer(3)}, "bool|false"s, ""s},
    {"ge"s, {Value::integer(2), Value::integer(2)}, "bool|true"s, ""s},
    {"ge"s, {Value::float64(2.5), Value::float64(1.0)}, "bool|true"s, ""s},
    {"ge"s, {Value(true), Value(true)}, ""s, "invalid type for comparison"s},
    {"print"s, {Value::integer(1), Value::integer(2), Value("a"s), Value(), Value::float64(2.5)}, "string|\"1 2a<nil> 2.5\""s, ""s},
    {"print"s, {}, "string|\"\""s, ""s},
    {"printf"s, {Value("%d-%s|%v"s), Value::integer(1), Value("a"s)}, "string|\"1-a|%!v(MISSING)\""s, ""s},
    {"printf"s, {Value("%d"s)}, "string|\"%!d(MISSING)\""s, ""s},
    {"println"s, {Value::integer(1), Value("a"s), Value()}, "string|\"1 a <nil>\\n\""s, ""s},
    {"println"s, {}, "string|\"\\n\""s, ""s},
    {"html"s, {Value("<a href=\"x\">'&'</a>\000"s)}, "string|\"&lt;a href=&#34;x&#34;&gt;&#39;&amp;&#39;&lt;/a&gt;\357\277\275\""s, ""s},
    {"html"s, {Value::integer(1), Value("<"s)}, "string|\"1&lt;\""s, ""s},
    {"html"s, {Value()}, "string|\"&lt;no value&gt;\""s, ""s},
    {"html"s, {Value("plain"s)}, "string|\"plain\""s, ""s},
    {"html"s, {Value::list(List{Value("<"s)})}, "string|\"[&lt;]\""s, ""s},
    {"js"s, {Value("a'b\"c<>&=\\\012\011\342\200\250\303\251\001\177"s)}, "string|\"a\\\\'b\\\\\\\"c\\\\u003C\\\\u003E\\\\u0026\\\\u003D\\\\\\\\\\\\u000A\\\\u0009\\\\u2028\303\251\\\\u0001\\x7f\""s, ""s},
    {"js"s, {Value("bad\377byte"s)}, "string|\"bad\\xffbyte\""s, ""s},
    {"js"s, {Value::integer(1), Value("<"s)}, "string|\"1\\\\u003C\""s, ""s},
    {"js"s, {Value("plain"s)}, "string|\"plain\""s, ""s},
    {"urlquery"s, {Value("a b&c=d/\303\251~-_.*"s)}, "string|\"a+b%26c%3Dd%2F%C3%A9~-_.%2A\""s, ""s},
    {"urlquery"s, {Value::integer(1), Value::integer(2)}, "string|\"1+2\""s, ""s},
    {"urlquery"s, {Value("x"s), Value("y"s)}, "string|\"xy\""s, ""s},
    {"urlquery"s, {Value::map(Map{{"k"s, Value("v w"s)}})}, "string|\"map%5Bk%3Av+w%5D\""s, ""s},
    {"call"s, {Value::integer(1)}, ""s, "non-function of type int"s},
    {"call"s, {Value()}, ""s, "call of nil"s},
    {"call"s, {Value("x"s), Value::integer(1)}, ""s, "non-function of type string"s},
  };
  NoEngine ctx;
  for (const auto& row : rows) {
    CAPTURE(row.name);
    std::string args_text = go_sprintf("%#v", List{Value::list(row.args)});
    CAPTURE(args_text);
    const Function* f = builtins().find(row.name);
    REQUIRE(f != nullptr);
    std::string got, error;
    try {
      Value v = f->fn(ctx, row.args);
      List both{v, v};
      got = go_sprintf("%T|%#v", both);
      // Go's byte type is uint8, which Value spells uint64; only %T can tell them apart.
      if (row.want.starts_with("uint8|")) got = "uint8|" + go_sprintf("%#v", List{v});
    } catch (const FuncError& e) {
      error = e.what();
    }
    CHECK(got == row.want);
    CHECK(error == row.error);
  }
}
