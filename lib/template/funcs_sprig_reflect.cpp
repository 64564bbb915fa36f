// Sprig's functions that judge a value rather than change it: defaults and flow control
// (defaults.go: default, empty, coalesce, all, any, ternary; functions.go: fail) and
// reflection (reflect.go: typeOf, typeIs, typeIsLike, kindOf, kindIs; reflect.DeepEqual).
// Emptiness is Sprig's `empty`, kept with Go's truth rules in value_ops.
#include "template/funcs_sprig_strings.h"
#include "template/value_ops.h"

namespace sparkc::gotmpl {

namespace {
using Args = std::span<const Value>;
}  // namespace

void register_sprig_defaults(FunctionRegistry& r) {
  // default takes its fallback first so that `.x | default "y"` reads naturally; only the
  // first of the given values counts.
  r.add("default", {{Param::Any, Param::Any}, true}, [](CallContext&, Args a) {
    if (a.size() < 2 || is_empty(a[1])) return a[0];
    return a[1];
  });
  r.add("empty", {{Param::Any}}, [](CallContext&, Args a) { return Value(is_empty(a[0])); });
  r.add("coalesce", {{Param::Any}, true}, [](CallContext&, Args a) {
    for (const Value& v : a)
      if (!is_empty(v)) return v;
    return Value();
  });
  r.add("all", {{Param::Any}, true}, [](CallContext&, Args a) {
    for (const Value& v : a)
      if (is_empty(v)) return Value(false);
    return Value(true);
  });
  r.add("any", {{Param::Any}, true}, [](CallContext&, Args a) {
    for (const Value& v : a)
      if (!is_empty(v)) return Value(true);
    return Value(false);
  });
  r.add("ternary", {{Param::Any, Param::Any, Param::Bool}}, [](CallContext&, Args a) {
    return a[2].as_bool() ? a[0] : a[1];
  });
  r.add("fail", {{Param::String}, false, true}, [](CallContext&, Args a) -> Value {
    throw FuncError(a[0].as_string());
  });
}

void register_sprig_reflect(FunctionRegistry& r) {
  const Signature str_any{{Param::String, Param::Any}};
  r.add("typeOf", {{Param::Any}}, [](CallContext&, Args a) { return Value(a[0].go_type_name()); });
  r.add("typeIs", str_any, [](CallContext&, Args a) {
    return Value(a[0].as_string() == a[1].go_type_name());
  });
  // typeIsLike also accepts a pointer to the named type ("*semver.Version" for "semver.Version").
  r.add("typeIsLike", str_any, [](CallContext&, Args a) {
    std::string t = a[1].go_type_name();
    return Value(a[0].as_string() == t || "*" + a[0].as_string() == t);
  });
  r.add("kindOf", {{Param::Any}}, [](CallContext&, Args a) { return Value(a[0].kind_name()); });
  r.add("kindIs", str_any, [](CallContext&, Args a) {
    return Value(a[0].as_string() == a[1].kind_name());
  });
  r.add("deepEqual", {{Param::Any, Param::Any}}, [](CallContext&, Args a) {
    return Value(deep_equal(a[0], a[1]));
  });
}

}  // namespace sparkc::gotmpl
