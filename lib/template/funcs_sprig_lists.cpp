// Sprig's list functions (list.go): list, push, prepend, first, rest, last, initial, reverse,
// uniq, without, has, slice, concat, chunk, compact, sortAlpha, each with its must* twin.
//
// Sprig reflects on its interface{} argument, so every function accepts any slice type and
// reports other kinds as "Cannot <verb> on type <kind>". The plain variants panic with the
// same error the must* variants return, and text/template turns both into the same message.
// A nil argument makes reflect.TypeOf(nil).Kind() dereference nil; we raise that panic's text.
#include <algorithm>
#include <cmath>

#include "sparkc/functions.h"
#include "template/funcs_sprig_cast.h"
#include "template/funcs_sprig_registry.h"
#include "template/value_ops.h"

namespace sparkc::gotmpl {
namespace {

using sprig::require_slice;
using sprig::slice_items;

// Sprig's list results are []interface{} whatever the input slice type was.
Value any_list(List items) { return Value::list(std::move(items), ElemType::Any); }

// Sprig's inList: membership by reflect.DeepEqual, so 1 (int) and 1 (int64) differ.
bool contains(const List& haystack, const Value& needle) {
  return std::any_of(haystack.begin(), haystack.end(),
                     [&](const Value& h) { return deep_equal(needle, h); });
}

// push/append copy the elements into a new []interface{}; the input list is never changed.
Value push(std::span<const Value> a) {
  require_slice(a[0], "Cannot push on");
  List out = slice_items(a[0]);
  out.push_back(a[1]);
  return any_list(std::move(out));
}

Value prepend(std::span<const Value> a) {
  require_slice(a[0], "Cannot prepend on");
  List out{a[1]};
  for (const Value& v : slice_items(a[0])) out.push_back(v);
  return any_list(std::move(out));
}

// Sprig computes the chunk count with float arithmetic; sizes that make it non-positive or
// infinite end in Go's makeslice panic, which we report with the same text.
Value chunk(std::span<const Value> a) {
  require_slice(a[1], "Cannot chunk");
  const List items = slice_items(a[1]);
  const std::int64_t size = a[0].as_int();
  const auto len = static_cast<std::int64_t>(items.size());
  const double count_f = std::floor(static_cast<double>(len - 1) / static_cast<double>(size)) + 1;
  auto fail = [] { throw FuncError("runtime error: makeslice: len out of range"); };
  if (!std::isfinite(count_f) || count_f < 0) fail();
  const auto count = static_cast<std::int64_t>(count_f);
  List out;
  for (std::int64_t i = 0; i < count; ++i) {
    std::int64_t clen = size;
    if (i == count - 1) {
      clen = static_cast<std::int64_t>(std::floor(std::fmod(static_cast<double>(len), static_cast<double>(size))));
      if (clen == 0) clen = size;
    }
    if (clen < 0) fail();
    List part;
    for (std::int64_t j = 0; j < clen; ++j) {
      std::int64_t ix = i * size + j;
      if (ix < 0 || ix >= len) throw FuncError("reflect: slice index out of range");
      part.push_back(items[static_cast<size_t>(ix)]);
    }
    out.push_back(any_list(std::move(part)));
  }
  return Value::list(std::move(out), ElemType::AnyList);
}

// first and last give an untyped nil for an empty list.
Value first(std::span<const Value> a) {
  require_slice(a[0], "Cannot find first on");
  List items = slice_items(a[0]);
  return items.empty() ? Value() : items.front();
}

Value last(std::span<const Value> a) {
  require_slice(a[0], "Cannot find last on");
  List items = slice_items(a[0]);
  return items.empty() ? Value() : items.back();
}

// rest and initial return a nil []interface{} for an empty list; we return an empty one.
Value rest(std::span<const Value> a) {
  require_slice(a[0], "Cannot find rest on");
  List items = slice_items(a[0]);
  if (!items.empty()) items.erase(items.begin());
  return any_list(std::move(items));
}

Value initial(std::span<const Value> a) {
  require_slice(a[0], "Cannot find initial on");
  List items = slice_items(a[0]);
  if (!items.empty()) items.pop_back();
  return any_list(std::move(items));
}

Value reverse(std::span<const Value> a) {
  require_slice(a[0], "Cannot find reverse on");
  List items = slice_items(a[0]);
  std::reverse(items.begin(), items.end());
  return any_list(std::move(items));
}

// compact keeps the elements Sprig's empty() calls non-empty (0, "", false, nil, [] and
// map[] are dropped; structs such as time.Time are kept).
Value compact(std::span<const Value> a) {
  require_slice(a[0], "Cannot compact on");
  List out;
  for (const Value& v : slice_items(a[0])) {
    if (!is_empty(v)) out.push_back(v);
  }
  return any_list(std::move(out));
}

// uniq keeps the first of each run of DeepEqual elements, in order; quadratic, as in Sprig.
Value uniq(std::span<const Value> a) {
  require_slice(a[0], "Cannot find uniq on");
  List out;
  for (const Value& v : slice_items(a[0])) {
    if (!contains(out, v)) out.push_back(v);
  }
  return any_list(std::move(out));
}

Value without(std::span<const Value> a) {
  require_slice(a[0], "Cannot find without on");
  const List omit(a.begin() + 1, a.end());
  List out;
  for (const Value& v : slice_items(a[0])) {
    if (!contains(omit, v)) out.push_back(v);
  }
  return any_list(std::move(out));
}

Value has(std::span<const Value> a) {
  // A nil haystack is checked before reflecting on it, so it is not an error here.
  if (a[1].is_nil()) return Value(false);
  require_slice(a[1], "Cannot find has on");
  return Value(contains(slice_items(a[1]), a[0]));
}

// slice keeps the element type of its argument (reflect.Value.Slice), and checks bounds the
// way reflect does; an empty list gives an untyped nil.
Value slice(std::span<const Value> a) {
  const Value& list = a[0];
  if (list.is_nil()) sprig::throw_nil_dereference();
  if (!sprig::is_slice(list)) {
    throw FuncError("list should be type of slice or array but " + list.kind_name());
  }
  const List items = slice_items(list);
  const auto len = static_cast<std::int64_t>(items.size());
  if (len == 0) return Value();
  // Indices go through cast.ToInt, so "1" and 1.7 work; then reflect checks the bounds.
  auto to_int = [](const Value& v) { return static_cast<std::int64_t>(static_cast<int>(sprig::to_int64(v))); };
  std::int64_t start = a.size() > 1 ? to_int(a[1]) : 0;
  std::int64_t end = a.size() > 2 ? to_int(a[2]) : len;
  if (start < 0 || end < start || end > len) {
    throw FuncError("reflect.Value.Slice: slice index out of bounds");
  }
  if (list.type() == Type::Bytes) {
    return Value::bytes(list.as_string().substr(static_cast<size_t>(start), static_cast<size_t>(end - start)));
  }
  return Value::list(List(items.begin() + start, items.begin() + end), list.elem_type());
}

// concat panics with a plain string rather than an error; the text is the same either way.
Value concat(std::span<const Value> a) {
  List out;
  for (const Value& list : a) {
    if (list.is_nil()) sprig::throw_nil_dereference();
    if (!sprig::is_slice(list)) throw FuncError("Cannot concat type " + list.kind_name() + " as list");
    for (const Value& v : slice_items(list)) out.push_back(v);
  }
  return any_list(std::move(out));
}

// sortAlpha turns a slice into strings (nil elements dropped, the rest through strval) and
// sorts them bytewise; anything that is not a slice becomes a one-element list.
Value sort_alpha(std::span<const Value> a) {
  const Value& v = a[0];
  List out;
  if (sprig::is_slice(v)) {
    std::vector<std::string> strs;
    for (const Value& item : slice_items(v)) {
      if (!item.is_nil()) strs.push_back(sprig::strval(item));
    }
    // sort.Strings compares bytes, so "B" sorts before "a" and "10" before "9".
    std::sort(strs.begin(), strs.end());
    for (auto& s : strs) out.emplace_back(std::move(s));
  } else {
    out.emplace_back(sprig::strval(v));
  }
  return Value::list(std::move(out), ElemType::String);
}

}  // namespace

void register_sprig_lists(FunctionRegistry& r) {
  // Sprig declares nearly all of these with interface{} parameters and checks the kind itself,
  // so the engine passes values through unconverted; only chunk's size is a Go int.
  const Signature one{{Param::Any}};
  const Signature two{{Param::Any, Param::Any}};
  const Signature many{{Param::Any}, true};
  const Signature list_and_many{{Param::Any, Param::Any}, true};
  auto add = [&r](const char* name, const Signature& sig, Value (*fn)(std::span<const Value>)) {
    r.add(name, sig, [fn](CallContext&, std::span<const Value> a) { return fn(a); });
  };
  auto make_list = [](std::span<const Value> a) { return any_list(List(a.begin(), a.end())); };
  add("list", many, make_list);
  add("tuple", many, make_list);
  // Each must* variant returns as an error what the plain one panics with: same text.
  for (const char* n : {"append", "push", "mustAppend", "mustPush"}) add(n, two, push);
  for (const char* n : {"prepend", "mustPrepend"}) add(n, two, prepend);
  for (const char* n : {"first", "mustFirst"}) add(n, one, first);
  for (const char* n : {"rest", "mustRest"}) add(n, one, rest);
  for (const char* n : {"last", "mustLast"}) add(n, one, last);
  for (const char* n : {"initial", "mustInitial"}) add(n, one, initial);
  for (const char* n : {"reverse", "mustReverse"}) add(n, one, reverse);
  for (const char* n : {"uniq", "mustUniq"}) add(n, one, uniq);
  for (const char* n : {"compact", "mustCompact"}) add(n, one, compact);
  for (const char* n : {"without", "mustWithout"}) add(n, list_and_many, without);
  for (const char* n : {"has", "mustHas"}) add(n, two, has);
  for (const char* n : {"slice", "mustSlice"}) add(n, list_and_many, slice);
  for (const char* n : {"chunk", "mustChunk"}) add(n, Signature{{Param::Int, Param::Any}}, chunk);
  add("concat", many, concat);
  add("sortAlpha", one, sort_alpha);
  register_sprig_dicts(r);
}

}  // namespace sparkc::gotmpl
