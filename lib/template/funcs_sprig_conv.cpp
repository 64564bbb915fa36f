// Sprig's conversion functions: atoi, int, int64, float64, toString and toStrings. The
// conversions themselves are the shared ones in funcs_sprig_cast (spf13/cast and strval).
#include "sparkc/functions.h"
#include "template/funcs_sprig_cast.h"
#include "template/funcs_sprig_strings.h"
#include "template/go_strconv.h"

namespace sparkc::gotmpl {

void register_sprig_conv(FunctionRegistry& r) {
  // atoi ignores strconv.Atoi's error, so out-of-range input gives the clamped value.
  r.add("atoi", {{Param::String}}, [](CallContext&, std::span<const Value> a) {
    return Value::integer(go_parse_int(a[0].as_string(), 10).value);
  });
  r.add("int", {{Param::Any}}, [](CallContext&, std::span<const Value> a) {
    return Value::integer(sprig::to_int64(a[0]));
  });
  r.add("int64", {{Param::Any}}, [](CallContext&, std::span<const Value> a) {
    return Value::int64(sprig::to_int64(a[0]));
  });
  r.add("float64", {{Param::Any}}, [](CallContext&, std::span<const Value> a) {
    return Value::float64(sprig::to_float64(a[0]));
  });
  r.add("toString", {{Param::Any}}, [](CallContext&, std::span<const Value> a) {
    return Value(sprig::strval(a[0]));
  });
  r.add("toStrings", {{Param::Any}}, [](CallContext&, std::span<const Value> a) {
    List out;
    for (auto& s : sprig::strslice(a[0])) out.emplace_back(std::move(s));
    return Value::list(std::move(out), ElemType::String);
  });
}

}  // namespace sparkc::gotmpl
