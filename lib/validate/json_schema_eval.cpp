// Evaluating a compiled JSON Schema against an instance: every keyword of draft-07 and 2020-12
// that asserts something, with the annotations unevaluatedProperties/unevaluatedItems need.
#include <re2/re2.h>

#include <cmath>
#include <set>

#include "validate/json_schema_detail.h"

namespace sparkc::validate::detail {
namespace {

// What the keywords of one schema evaluated on one instance (JSON Schema's annotations, reduced
// to what the unevaluated* keywords read). Kept only from subschemas that passed.
struct Annotations {
  std::set<std::string> properties;
  std::set<std::size_t> items;
  void merge(const Annotations& other) {
    properties.insert(other.properties.begin(), other.properties.end());
    items.insert(other.items.begin(), other.items.end());
  }
};

// A recursion limit for schemas that $ref themselves without consuming the instance.
constexpr int kMaxDepth = 256;

std::string plural(std::size_t n, std::string_view word) {
  return std::to_string(n) + " " + std::string(word) + (n == 1 ? "" : "s");
}

// One validation run: the registry, the dynamic scope ($dynamicRef) and the error sink.
class Evaluator {
 public:
  explicit Evaluator(Registry& reg) : reg_(reg) {}

  // Evaluates `schema` on `inst`; appends failures to `errs`; returns true when valid. `ann`
  // receives the annotations of this schema on this instance.
  bool eval(const Value& schema, const Value& inst, const std::string& base_around, Draft draft_around,
            const std::string& iloc, const std::string& kloc, Annotations& ann,
            std::vector<SchemaError>& errs);

 private:
  void fail(std::vector<SchemaError>& errs, const std::string& iloc, const std::string& kloc,
            std::string msg) {
    errs.push_back({iloc, kloc, std::move(msg)});
  }
  // Evaluates an in-place applicator (same instance) and merges its annotations when it passes.
  bool apply_in_place(const Value& sub, const Value& inst, const std::string& base, Draft draft,
                      const std::string& iloc, const std::string& kloc, Annotations& ann,
                      std::vector<SchemaError>& errs) {
    Annotations sub_ann;
    bool ok = eval(sub, inst, base, draft, iloc, kloc, sub_ann, errs);
    if (ok) ann.merge(sub_ann);
    return ok;
  }
  // Evaluates a subschema on a child instance (its annotations are about the child: dropped).
  bool apply_child(const Value& sub, const Value& child, const std::string& base, Draft draft,
                   const std::string& iloc, const std::string& kloc, std::vector<SchemaError>& errs,
                   std::string_view false_message = {}) {
    if (sub.is_bool() && !sub.as_bool() && !false_message.empty()) {
      fail(errs, iloc, kloc, std::string(false_message));
      return false;
    }
    Annotations drop;
    return eval(sub, child, base, draft, iloc, kloc, drop, errs);
  }
  bool follow_ref(const Value& schema, const Value& inst, const std::string& base, Draft draft,
                  const std::string& iloc, const std::string& kloc, Annotations& ann,
                  std::vector<SchemaError>& errs, bool dynamic);
  void eval_number(const Value& s, const Value& inst, const std::string& iloc, const std::string& kloc,
                   std::vector<SchemaError>& errs);
  void eval_string(const Value& s, const Value& inst, const std::string& iloc, const std::string& kloc,
                   std::vector<SchemaError>& errs);
  void eval_array(const Value& s, const Value& inst, const std::string& base, Draft draft,
                  const std::string& iloc, const std::string& kloc, Annotations& ann,
                  std::vector<SchemaError>& errs);
  void eval_object(const Value& s, const Value& inst, const std::string& base, Draft draft,
                   const std::string& iloc, const std::string& kloc, Annotations& ann,
                   std::vector<SchemaError>& errs);
  void eval_combinators(const Value& s, const Value& inst, const std::string& base, Draft draft,
                        const std::string& iloc, const std::string& kloc, Annotations& ann,
                        std::vector<SchemaError>& errs);

  Registry& reg_;
  std::vector<std::string> scope_;  // resource URIs entered, outermost first
  int depth_ = 0;
};

bool Evaluator::eval(const Value& schema, const Value& inst, const std::string& base_around, Draft draft_around,
                     const std::string& iloc, const std::string& kloc, Annotations& ann,
                     std::vector<SchemaError>& errs) {
  if (schema.is_bool()) {
    if (schema.as_bool()) return true;
    fail(errs, iloc, kloc, "no value is allowed here (false schema)");
    return false;
  }
  if (!schema.is_map()) return true;  // not a schema: nothing to assert
  if (depth_ > kMaxDepth) {
    fail(errs, iloc, kloc, "schema references nest too deeply");
    return false;
  }
  const std::string* indexed = reg_.base_of(schema);
  std::string base = indexed ? *indexed : apply_id(schema, base_around, draft_around);
  Draft draft = reg_.draft_of(schema, draft_around);
  // Entering a new resource extends the dynamic scope that $dynamicRef searches.
  bool pushed = scope_.empty() || scope_.back() != base;
  if (pushed) scope_.push_back(base);
  ++depth_;
  std::size_t before = errs.size();

  // Draft 7: a $ref replaces every sibling keyword.
  if (draft == Draft::Draft7 && schema.find("$ref")) {
    follow_ref(schema, inst, base, draft, iloc, kloc, ann, errs, false);
  } else {
    if (schema.find("$ref")) follow_ref(schema, inst, base, draft, iloc, kloc, ann, errs, false);
    if (draft == Draft::Draft2020_12 && schema.find("$dynamicRef"))
      follow_ref(schema, inst, base, draft, iloc, kloc, ann, errs, true);

    if (const Value* t = schema.find("type")) {
      std::string got = json_type(inst);
      auto matches = [&](const Value& want) {
        return want.is_string() && (want.as_string() == got || (want.as_string() == "number" && got == "integer"));
      };
      bool ok = false;
      std::string want_text;
      if (t->is_list()) {
        for (const Value& w : t->as_list()) {
          ok = ok || matches(w);
          if (w.is_string()) want_text += (want_text.empty() ? "" : " or ") + w.as_string();
        }
      } else {
        ok = matches(*t);
        if (t->is_string()) want_text = t->as_string();
      }
      if (!ok) fail(errs, iloc, kloc + "/type", "expected " + want_text + ", got " + got);
    }
    if (const Value* e = schema.find("enum"); e && e->is_list()) {
      bool found = false;
      std::string options;
      for (const Value& v : e->as_list()) {
        found = found || json_equal(v, inst);
        options += (options.empty() ? "" : ", ") + json_text(v);
      }
      if (!found) fail(errs, iloc, kloc + "/enum", "value must be one of " + options);
    }
    if (const Value* c = schema.find("const"); c && !json_equal(*c, inst))
      fail(errs, iloc, kloc + "/const", "value must be " + json_text(*c));

    if (inst.is_number()) eval_number(schema, inst, iloc, kloc, errs);
    if (inst.is_string()) eval_string(schema, inst, iloc, kloc, errs);
    if (inst.is_list()) eval_array(schema, inst, base, draft, iloc, kloc, ann, errs);
    if (inst.is_map()) eval_object(schema, inst, base, draft, iloc, kloc, ann, errs);
    eval_combinators(schema, inst, base, draft, iloc, kloc, ann, errs);

    // unevaluated* read the annotations of everything above, so they come last.
    if (draft == Draft::Draft2020_12) {
      if (const Value* u = schema.find("unevaluatedItems"); u && inst.is_list()) {
        const List& items = inst.as_list();
        for (std::size_t i = 0; i < items.size(); ++i) {
          if (ann.items.count(i)) continue;
          apply_child(*u, items[i], base, draft, iloc + "/" + std::to_string(i), kloc + "/unevaluatedItems", errs,
                      "unevaluated item " + std::to_string(i) + " is not allowed");
        }
        if (errs.size() == before)
          for (std::size_t i = 0; i < items.size(); ++i) ann.items.insert(i);
      }
      if (const Value* u = schema.find("unevaluatedProperties"); u && inst.is_map()) {
        for (const auto& [name, child] : inst.as_map()) {
          if (ann.properties.count(name)) continue;
          apply_child(*u, child, base, draft, iloc + "/" + pointer_token(name), kloc + "/unevaluatedProperties",
                      errs, "unevaluated property \"" + name + "\" is not allowed");
        }
        if (errs.size() == before)
          for (const auto& [name, child] : inst.as_map()) ann.properties.insert(name);
      }
    }
  }
  --depth_;
  if (pushed) scope_.pop_back();
  return errs.size() == before;
}

// $ref (and $dynamicRef) resolve against the base URI of the schema that holds them; the
// keyword location grows by the keyword, as in the spec's evaluation path.
bool Evaluator::follow_ref(const Value& schema, const Value& inst, const std::string& base, Draft draft,
                           const std::string& iloc, const std::string& kloc, Annotations& ann,
                           std::vector<SchemaError>& errs, bool dynamic) {
  const char* kw = dynamic ? "$dynamicRef" : "$ref";
  const Value* ref = schema.find(kw);
  if (!ref->is_string()) return true;
  std::string target_uri = resolve_uri(base, ref->as_string());
  auto target = reg_.lookup(target_uri);
  if (!target) {
    fail(errs, iloc, kloc + "/" + kw, "cannot resolve " + std::string(kw) + " \"" + ref->as_string() + "\"");
    return false;
  }
  if (dynamic) {
    // A $dynamicRef whose static target declares the same $dynamicAnchor jumps to the outermost
    // resource in the dynamic scope that declares it too.
    auto frag = split_fragment(target_uri).second;
    const Value* anchor = target->schema.is_map() ? target->schema.find("$dynamicAnchor") : nullptr;
    if (!frag.empty() && frag[0] != '/' && anchor && anchor->is_string() && anchor->as_string() == frag) {
      for (const std::string& uri : scope_)
        if (auto outer = reg_.dynamic_anchor(uri, frag)) {
          target = outer;
          break;
        }
    }
  }
  return apply_in_place(target->schema, inst, target->base, target->draft, iloc, kloc + "/" + kw, ann, errs);
}

// minimum/maximum are inclusive; exclusiveMinimum/exclusiveMaximum are numbers (draft 6 and
// later; draft 4's boolean form is not read). multipleOf is exact for integers.
void Evaluator::eval_number(const Value& s, const Value& inst, const std::string& iloc, const std::string& kloc,
                            std::vector<SchemaError>& errs) {
  double x = number_of(inst);
  std::string shown = json_text(inst);
  // -1, 0, 1 as inst <, ==, > bound; exact when both are integers (int64 from --set values).
  auto cmp = [&](const Value& bound) {
    if (inst.is_integer() && bound.is_integer())
      return inst.as_int() < bound.as_int() ? -1 : inst.as_int() > bound.as_int() ? 1 : 0;
    double b = number_of(bound);
    return x < b ? -1 : x > b ? 1 : 0;
  };
  if (const Value* m = s.find("minimum"); m && m->is_number() && cmp(*m) < 0)
    fail(errs, iloc, kloc + "/minimum", "value " + shown + " is less than the minimum " + json_text(*m));
  if (const Value* m = s.find("maximum"); m && m->is_number() && cmp(*m) > 0)
    fail(errs, iloc, kloc + "/maximum", "value " + shown + " is greater than the maximum " + json_text(*m));
  if (const Value* m = s.find("exclusiveMinimum"); m && m->is_number() && cmp(*m) <= 0)
    fail(errs, iloc, kloc + "/exclusiveMinimum", "value " + shown + " must be greater than " + json_text(*m));
  if (const Value* m = s.find("exclusiveMaximum"); m && m->is_number() && cmp(*m) >= 0)
    fail(errs, iloc, kloc + "/exclusiveMaximum", "value " + shown + " must be less than " + json_text(*m));
  if (const Value* m = s.find("multipleOf"); m && m->is_number() && number_of(*m) > 0) {
    bool ok;
    if (inst.is_integer() && m->is_integer()) {
      ok = inst.as_int() % m->as_int() == 0;
    } else {
      double q = x / number_of(*m);
      // A quotient too large to hold a fraction is a multiple; otherwise allow rounding noise
      // (0.0075 / 0.0001 is 75.00000000000001 in binary floating point).
      ok = std::isinf(q) ? false : (std::fabs(q) >= 9007199254740992.0 || std::fabs(q - std::round(q)) < 1e-9 * std::max(1.0, std::fabs(q)));
    }
    if (!ok) fail(errs, iloc, kloc + "/multipleOf", "value " + shown + " is not a multiple of " + json_text(*m));
  }
}

// Lengths count Unicode code points, not bytes ("h\u00e9" has 2); `pattern` is a search, not a
// full match, as in ECMA-262's RegExp.prototype.test.
void Evaluator::eval_string(const Value& s, const Value& inst, const std::string& iloc, const std::string& kloc,
                            std::vector<SchemaError>& errs) {
  const std::string& str = inst.as_string();
  std::size_t len = code_points(str);
  if (const Value* m = s.find("minLength"); m && m->is_number() && len < number_of(*m))
    fail(errs, iloc, kloc + "/minLength",
         "string has " + plural(len, "character") + ", want at least " + json_text(*m));
  if (const Value* m = s.find("maxLength"); m && m->is_number() && len > number_of(*m))
    fail(errs, iloc, kloc + "/maxLength",
         "string has " + plural(len, "character") + ", want at most " + json_text(*m));
  if (const Value* p = s.find("pattern"); p && p->is_string()) {
    try {
      if (!re2::RE2::PartialMatch(str, reg_.regex(p->as_string())))
        fail(errs, iloc, kloc + "/pattern", json_text(inst) + " does not match pattern " + json_text(*p));
    } catch (const JsonSchemaError& e) {
      fail(errs, iloc, kloc + "/pattern", e.what());
    }
  }
}

// Draft 7: `items` is either one schema for every item or an array of per-position schemas
// followed by `additionalItems`. 2020-12: `prefixItems` holds the positions and `items` the rest.
// `contains` must match at least one item (or minContains; maxContains caps it, 2020-12 only);
// uniqueItems compares with JSON equality, so 1 and 1.0 are duplicates.
void Evaluator::eval_array(const Value& s, const Value& inst, const std::string& base, Draft draft,
                           const std::string& iloc, const std::string& kloc, Annotations& ann,
                           std::vector<SchemaError>& errs) {
  const List& items = inst.as_list();
  auto at = [&](std::size_t i) { return iloc + "/" + std::to_string(i); };
  // The tuple part: draft-7 `items` as an array, 2020-12 `prefixItems`; then the rest.
  const Value* tuple = nullptr;
  const Value* rest = nullptr;
  std::string tuple_kw, rest_kw;
  const Value* items_kw = s.find("items");
  if (draft == Draft::Draft7) {
    if (items_kw && items_kw->is_list()) {
      tuple = items_kw, tuple_kw = "items";
      rest = s.find("additionalItems"), rest_kw = "additionalItems";
    } else {
      rest = items_kw, rest_kw = "items";
    }
  } else {
    if (const Value* p = s.find("prefixItems"); p && p->is_list()) tuple = p, tuple_kw = "prefixItems";
    rest = items_kw, rest_kw = "items";
  }
  std::size_t n_tuple = 0;
  if (tuple) {
    n_tuple = std::min(tuple->as_list().size(), items.size());
    for (std::size_t i = 0; i < n_tuple; ++i) {
      apply_child(tuple->as_list()[i], items[i], base, draft, at(i), kloc + "/" + tuple_kw + "/" + std::to_string(i), errs);
      ann.items.insert(i);
    }
  }
  if (rest && (rest->is_map() || rest->is_bool())) {
    for (std::size_t i = n_tuple; i < items.size(); ++i) {
      apply_child(*rest, items[i], base, draft, at(i), kloc + "/" + rest_kw, errs,
                  tuple ? "additional item " + std::to_string(i) + " is not allowed" : "");
      ann.items.insert(i);
    }
  }
  if (const Value* c = s.find("contains"); c && (c->is_map() || c->is_bool())) {
    std::size_t matched = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
      std::vector<SchemaError> drop;
      if (apply_child(*c, items[i], base, draft, at(i), kloc + "/contains", drop)) {
        ++matched;
        ann.items.insert(i);
      }
    }
    const Value* min_c = draft == Draft::Draft2020_12 ? s.find("minContains") : nullptr;
    const Value* max_c = draft == Draft::Draft2020_12 ? s.find("maxContains") : nullptr;
    double min = min_c && min_c->is_number() ? number_of(*min_c) : 1;
    if (matched < min) {
      fail(errs, iloc, kloc + (min_c ? "/minContains" : "/contains"),
           matched == 0 ? "array contains no item that matches \"contains\""
                        : "array contains " + plural(matched, "matching item") + ", want at least " + json_text(*min_c));
    }
    if (max_c && max_c->is_number() && matched > number_of(*max_c))
      fail(errs, iloc, kloc + "/maxContains",
           "array contains " + plural(matched, "matching item") + ", want at most " + json_text(*max_c));
  }
  if (const Value* m = s.find("minItems"); m && m->is_number() && items.size() < number_of(*m))
    fail(errs, iloc, kloc + "/minItems", "array has " + plural(items.size(), "item") + ", want at least " + json_text(*m));
  if (const Value* m = s.find("maxItems"); m && m->is_number() && items.size() > number_of(*m))
    fail(errs, iloc, kloc + "/maxItems", "array has " + plural(items.size(), "item") + ", want at most " + json_text(*m));
  if (const Value* u = s.find("uniqueItems"); u && u->is_bool() && u->as_bool()) {
    for (std::size_t i = 0; i < items.size(); ++i)
      for (std::size_t j = i + 1; j < items.size(); ++j)
        if (json_equal(items[i], items[j])) {
          fail(errs, iloc, kloc + "/uniqueItems",
               "array items " + std::to_string(i) + " and " + std::to_string(j) + " are equal");
          return;
        }
  }
}

// `additionalProperties` applies to the names neither `properties` nor any `patternProperties`
// regex covers; the three together mark names as evaluated for unevaluatedProperties.
void Evaluator::eval_object(const Value& s, const Value& inst, const std::string& base, Draft draft,
                            const std::string& iloc, const std::string& kloc, Annotations& ann,
                            std::vector<SchemaError>& errs) {
  const Map& obj = inst.as_map();
  auto at = [&](const std::string& name) { return iloc + "/" + pointer_token(name); };
  std::set<std::string> covered;  // names `properties` or `patternProperties` applied to
  if (const Value* props = s.find("properties"); props && props->is_map()) {
    for (const auto& [name, sub] : props->as_map()) {
      const Value* child = inst.find(name);
      if (!child) continue;
      apply_child(sub, *child, base, draft, at(name), kloc + "/properties/" + pointer_token(name), errs);
      covered.insert(name);
    }
  }
  if (const Value* pats = s.find("patternProperties"); pats && pats->is_map()) {
    for (const auto& [pattern, sub] : pats->as_map()) {
      const re2::RE2* re = nullptr;
      try {
        re = &reg_.regex(pattern);
      } catch (const JsonSchemaError& e) {
        fail(errs, iloc, kloc + "/patternProperties", e.what());
        continue;
      }
      for (const auto& [name, child] : obj) {
        if (!re2::RE2::PartialMatch(name, *re)) continue;
        apply_child(sub, child, base, draft, at(name), kloc + "/patternProperties/" + pointer_token(pattern), errs);
        covered.insert(name);
      }
    }
  }
  ann.properties.insert(covered.begin(), covered.end());
  if (const Value* add = s.find("additionalProperties"); add && (add->is_map() || add->is_bool())) {
    for (const auto& [name, child] : obj) {
      if (covered.count(name)) continue;
      apply_child(*add, child, base, draft, at(name), kloc + "/additionalProperties", errs,
                  "property \"" + name + "\" is not allowed");
      ann.properties.insert(name);
    }
  }
  if (const Value* req = s.find("required"); req && req->is_list())
    for (const Value& name : req->as_list())
      if (name.is_string() && !inst.find(name.as_string()))
        fail(errs, iloc, kloc + "/required", "required property \"" + name.as_string() + "\" is missing");
  if (const Value* pn = s.find("propertyNames"); pn && (pn->is_map() || pn->is_bool()))
    for (const auto& [name, child] : obj)
      apply_child(*pn, Value(name), base, draft, at(name), kloc + "/propertyNames", errs,
                  "property name \"" + name + "\" is not allowed");
  if (const Value* m = s.find("minProperties"); m && m->is_number() && obj.size() < number_of(*m))
    fail(errs, iloc, kloc + "/minProperties", "object has " + plural(obj.size(), "property") + ", want at least " + json_text(*m));
  if (const Value* m = s.find("maxProperties"); m && m->is_number() && obj.size() > number_of(*m))
    fail(errs, iloc, kloc + "/maxProperties", "object has " + plural(obj.size(), "property") + ", want at most " + json_text(*m));

  // Draft 7 `dependencies` mixes both forms; 2020-12 splits them in two keywords.
  auto dependent_required = [&](const std::string& kw, const std::string& name, const Value& list) {
    for (const Value& dep : list.as_list())
      if (dep.is_string() && !inst.find(dep.as_string()))
        fail(errs, iloc, kloc + "/" + kw + "/" + pointer_token(name),
             "property \"" + name + "\" requires property \"" + dep.as_string() + "\"");
  };
  auto dependent_schema = [&](const std::string& kw, const std::string& name, const Value& sub) {
    apply_in_place(sub, inst, base, draft, iloc, kloc + "/" + kw + "/" + pointer_token(name), ann, errs);
  };
  if (const Value* deps = s.find("dependencies"); deps && deps->is_map() && draft == Draft::Draft7) {
    for (const auto& [name, dep] : deps->as_map()) {
      if (!inst.find(name)) continue;
      if (dep.is_list()) dependent_required("dependencies", name, dep);
      else dependent_schema("dependencies", name, dep);
    }
  }
  if (draft == Draft::Draft2020_12) {
    if (const Value* deps = s.find("dependentRequired"); deps && deps->is_map())
      for (const auto& [name, dep] : deps->as_map())
        if (inst.find(name) && dep.is_list()) dependent_required("dependentRequired", name, dep);
    if (const Value* deps = s.find("dependentSchemas"); deps && deps->is_map())
      for (const auto& [name, dep] : deps->as_map())
        if (inst.find(name)) dependent_schema("dependentSchemas", name, dep);
  }
}

// allOf reports the failures of its branches; anyOf, oneOf and not only their own verdict.
// `if` never fails by itself: it only chooses between `then` and `else`.
void Evaluator::eval_combinators(const Value& s, const Value& inst, const std::string& base, Draft draft,
                                 const std::string& iloc, const std::string& kloc, Annotations& ann,
                                 std::vector<SchemaError>& errs) {
  if (const Value* all = s.find("allOf"); all && all->is_list())
    for (std::size_t i = 0; i < all->as_list().size(); ++i)
      apply_in_place(all->as_list()[i], inst, base, draft, iloc, kloc + "/allOf/" + std::to_string(i), ann, errs);
  // anyOf and oneOf try every branch: annotations come from all the passing ones. Branch errors
  // are summarised by one message; listing each branch's failures buries the useful one.
  if (const Value* any = s.find("anyOf"); any && any->is_list()) {
    bool ok = false;
    for (std::size_t i = 0; i < any->as_list().size(); ++i) {
      std::vector<SchemaError> branch;
      ok |= apply_in_place(any->as_list()[i], inst, base, draft, iloc, kloc + "/anyOf/" + std::to_string(i), ann, branch);
    }
    if (!ok) fail(errs, iloc, kloc + "/anyOf", "value does not match any schema of \"anyOf\"");
  }
  if (const Value* one = s.find("oneOf"); one && one->is_list()) {
    std::vector<std::size_t> passed;
    for (std::size_t i = 0; i < one->as_list().size(); ++i) {
      std::vector<SchemaError> branch;
      if (apply_in_place(one->as_list()[i], inst, base, draft, iloc, kloc + "/oneOf/" + std::to_string(i), ann, branch))
        passed.push_back(i);
    }
    if (passed.empty()) fail(errs, iloc, kloc + "/oneOf", "value does not match any schema of \"oneOf\"");
    else if (passed.size() > 1)
      fail(errs, iloc, kloc + "/oneOf",
           "value matches schemas " + std::to_string(passed[0]) + " and " + std::to_string(passed[1]) +
               " of \"oneOf\", want exactly one");
  }
  if (const Value* no = s.find("not")) {
    std::vector<SchemaError> branch;
    Annotations drop;
    if (eval(*no, inst, base, draft, iloc, kloc + "/not", drop, branch))
      fail(errs, iloc, kloc + "/not", "value must not match the schema of \"not\"");
  }
  if (const Value* cond = s.find("if")) {
    std::vector<SchemaError> branch;
    bool ok = apply_in_place(*cond, inst, base, draft, iloc, kloc + "/if", ann, branch);
    if (const Value* then = ok ? s.find("then") : s.find("else"))
      apply_in_place(*then, inst, base, draft, iloc, kloc + (ok ? "/then" : "/else"), ann, errs);
  }
}

}  // namespace

std::vector<SchemaError> evaluate(Registry& registry, const Value& instance) {
  Evaluator ev(registry);
  std::vector<SchemaError> errs;
  Annotations ann;
  ev.eval(registry.root, instance, registry.root_base, registry.root_draft, "", "", ann, errs);
  return errs;
}

}  // namespace sparkc::validate::detail
