// Schema values -> nodes. Each schema value is compiled once: nodes are cached by the address
// of the value they came from (documents are never changed once loaded, so addresses are
// stable), which also ends the recursion of self-referencing definitions (JSONSchemaProps).
#include <re2/re2.h>

#include <charconv>
#include <filesystem>
#include <system_error>

#include "validate/json_schema_detail.h"
#include "validate/openapi_detail.h"

namespace sparkc::validate::openapi {
namespace {

namespace fs = std::filesystem;

constexpr const char* kObjectMeta = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

std::optional<double> number_at(const Value& m, std::string_view key) {
  const Value* v = m.find(key);
  if (!v) return std::nullopt;
  if (v->is_integer()) return static_cast<double>(v->as_int());
  if (v->is_float()) return v->as_float();
  return std::nullopt;
}

std::optional<size_t> count_at(const Value& m, std::string_view key) {
  auto d = number_at(m, key);
  if (!d || *d < 0) return std::nullopt;
  return static_cast<size_t>(*d);
}

bool flag_at(const Value& m, std::string_view key) {
  const Value* v = m.find(key);
  return v && v->is_bool() && v->as_bool();
}

unsigned type_bit(std::string_view name) {
  if (name == "object") return Node::kObject;
  if (name == "array") return Node::kArray;
  if (name == "string") return Node::kString;
  if (name == "integer") return Node::kInteger;
  if (name == "number") return Node::kNumber;
  if (name == "boolean") return Node::kBoolean;
  return 0;
}

// "~1" and "~0" in a JSON pointer token.
std::string unescape_pointer(std::string_view token) {
  std::string out;
  for (size_t i = 0; i < token.size(); ++i) {
    if (token[i] == '~' && i + 1 < token.size()) {
      out += token[i + 1] == '1' ? '/' : '~';
      ++i;
    } else {
      out += token[i];
    }
  }
  return out;
}

// The one $ref of a v3 property: `allOf: [{$ref: ...}]` is how OpenAPI 3.0 puts a description
// or default beside a reference.
const Value* wrapped_ref(const Value& schema) {
  if (const Value* ref = schema.find("$ref"); ref && ref->is_string()) return ref;
  const Value* all = schema.find("allOf");
  if (!all || !all->is_list() || all->as_list().size() != 1 || schema.find("type") ||
      schema.find("properties")) {
    return nullptr;
  }
  const Value& only = all->as_list()[0];
  const Value* ref = only.is_map() ? only.find("$ref") : nullptr;
  return ref && ref->is_string() ? ref : nullptr;
}

// A pattern as the API server runs it (Go's regexp, which is RE2); ECMA-262 spellings RE2
// lacks are translated. A pattern neither accepts is left out rather than failing the run.
std::shared_ptr<const re2::RE2> compile_pattern(const std::string& text) {
  RE2::Options o;
  o.set_log_errors(false);
  auto re = std::make_shared<re2::RE2>(text, o);
  if (re->ok()) return re;
  try {
    re = std::make_shared<re2::RE2>(validate::detail::translate_ecma_regex(text), o);
  } catch (const std::exception&) {
    return nullptr;
  }
  return re->ok() ? re : nullptr;
}

}  // namespace

const Node* Compiler::compile(const Value& schema, const Document* doc,
                              const std::string& definition, bool crd) {
  if (!st_.any) st_.any = &st_.nodes.emplace_back();
  // `true`, `{}` and anything that is not a schema object accept every value.
  if (!schema.is_map()) return st_.any;
  if (auto it = st_.compiled.find(&schema); it != st_.compiled.end()) return it->second;
  if (const Value* ref = wrapped_ref(schema)) {
    const Node* target = resolve_ref(ref->as_string(), doc, crd);
    st_.compiled[&schema] = target;
    return target;
  }
  Node& n = st_.nodes.emplace_back();
  st_.compiled[&schema] = &n;  // before the children: a definition may contain itself
  n.definition = definition;
  n.crd = crd;

  if (const Value* t = schema.find("type")) {
    if (t->is_string()) n.types = type_bit(t->as_string());
    if (t->is_list()) {
      // kubeconform's schemas write ["string", "null"].
      for (const auto& item : t->as_list()) {
        if (!item.is_string()) continue;
        if (item.as_string() == "null") n.nullable = true;
        n.types |= type_bit(item.as_string());
      }
    }
  }
  n.nullable = n.nullable || flag_at(schema, "nullable");
  if (const Value* f = schema.find("format"); f && f->is_string()) n.format = f->as_string();
  bool int_or_string = n.format == "int-or-string" || flag_at(schema, "x-kubernetes-int-or-string");
  if (definition.ends_with(".pkg.api.resource.Quantity")) {
    n.special = Node::Special::Quantity;
  } else if (int_or_string) {
    // CRDs spell a quantity as an int-or-string with the quantity pattern (controller-gen's
    // output for resource.Quantity); say "quantity" in messages rather than the pattern.
    const Value* p = schema.find("pattern");
    bool quantity = p && p->is_string() && p->as_string().find("[KMGTPE]i") != std::string::npos;
    n.special = quantity ? Node::Special::Quantity : Node::Special::IntOrString;
  }

  bool preserve = flag_at(schema, "x-kubernetes-preserve-unknown-fields");
  n.embedded_resource = flag_at(schema, "x-kubernetes-embedded-resource");
  if (const Value* props = schema.find("properties"); props && props->is_map()) {
    for (const auto& [key, sub] : props->as_map()) {
      const Node* child = compile(sub, doc, "", crd);
      // Enums the API server enforces but the built-in schemas only describe: the property
      // schema is inline (no $ref), so its node belongs to this field alone.
      if (const auto* values = builtin_enum(definition, key);
          values && child != st_.any && !wrapped_ref(sub)) {
        Node* own = const_cast<Node*>(child);  // created above, owned by st_.nodes
        if ((own->types & Node::kArray) && own->items && own->items != st_.any)
          own = const_cast<Node*>(own->items);
        for (const auto& v : *values) own->enum_values.emplace_back(v);
      }
      n.properties.emplace(key, child);
    }
  }
  const Value* additional = schema.find("additionalProperties");
  if (additional && additional->is_map()) {
    n.additional = compile(*additional, doc, "", crd);
  } else if (additional && additional->is_bool()) {
    n.closed = !additional->as_bool();
  } else if (!preserve) {
    // Built-in types with properties reject the rest; an object without properties is
    // free-form there (RawExtension). A CRD keeps no field its schema does not declare.
    n.closed = !n.properties.empty() || (crd && n.types == Node::kObject);
  }
  if (preserve) n.closed = false;
  if (n.embedded_resource) {
    // An embedded object carries its own type and metadata whatever the schema declares.
    auto meta = st_.find_definition(kObjectMeta);
    if (!n.properties.count("apiVersion")) n.properties.emplace("apiVersion", st_.any);
    if (!n.properties.count("kind")) n.properties.emplace("kind", st_.any);
    // Its metadata is ObjectMeta (the schema usually says only `type: object`).
    n.properties["metadata"] =
        meta.first ? compile(*meta.first, meta.second, kObjectMeta, false) : st_.any;
  }
  if (const Value* req = schema.find("required"); req && req->is_list()) {
    for (const auto& r : req->as_list()) {
      if (r.is_string()) n.required.push_back(r.as_string());
    }
  }
  n.min_properties = count_at(schema, "minProperties");
  n.max_properties = count_at(schema, "maxProperties");

  if (const Value* items = schema.find("items"); items && items->is_map()) {
    n.items = compile(*items, doc, "", crd);
  }
  n.min_items = count_at(schema, "minItems");
  n.max_items = count_at(schema, "maxItems");
  if (const Value* lt = schema.find("x-kubernetes-list-type"); lt && lt->is_string()) {
    if (lt->as_string() == "set") n.list_type = Node::ListType::Set;
    if (lt->as_string() == "map") n.list_type = Node::ListType::Map;
  }
  if (const Value* keys = schema.find("x-kubernetes-list-map-keys"); keys && keys->is_list()) {
    for (const auto& k : keys->as_list()) {
      if (k.is_string()) n.list_map_keys.push_back(k.as_string());
    }
  }

  if (const Value* p = schema.find("pattern");
      p && p->is_string() && n.special != Node::Special::Quantity) {
    n.pattern_text = p->as_string();
    n.pattern = compile_pattern(n.pattern_text);
  }
  n.min_length = count_at(schema, "minLength");
  n.max_length = count_at(schema, "maxLength");

  n.minimum = number_at(schema, "minimum");
  n.maximum = number_at(schema, "maximum");
  n.multiple_of = number_at(schema, "multipleOf");
  // OpenAPI 3.0 writes exclusiveMinimum as a flag beside minimum; JSON Schema 2020 as the bound.
  if (auto b = number_at(schema, "exclusiveMinimum")) {
    n.minimum = b;
    n.exclusive_minimum = true;
  } else {
    n.exclusive_minimum = flag_at(schema, "exclusiveMinimum");
  }
  if (auto b = number_at(schema, "exclusiveMaximum")) {
    n.maximum = b;
    n.exclusive_maximum = true;
  } else {
    n.exclusive_maximum = flag_at(schema, "exclusiveMaximum");
  }

  if (const Value* e = schema.find("enum"); e && e->is_list()) n.enum_values = e->as_list();
  if (const Value* d = schema.find("default")) n.default_value = *d;
  // An int-or-string's anyOf/oneOf only restates its two types; its own checks say it better.
  bool skip_alternatives = n.special != Node::Special::None;
  for (const auto& [key, list] : {std::pair{"allOf", &n.all_of}, std::pair{"anyOf", &n.any_of},
                                  std::pair{"oneOf", &n.one_of}}) {
    const Value* alts = schema.find(key);
    if (!alts || !alts->is_list() || (skip_alternatives && list != &n.all_of)) continue;
    for (const auto& alt : alts->as_list()) list->push_back(compile(alt, doc, "", crd));
  }
  if (const Value* no = schema.find("not"); no && no->is_map()) n.not_ = compile(*no, doc, "", crd);
  return &n;
}

const Node* Compiler::resolve_ref(const std::string& ref, const Document* doc, bool crd) {
  size_t hash = ref.find('#');
  std::string file = ref.substr(0, hash);
  std::string pointer = hash == std::string::npos ? "" : ref.substr(hash + 1);
  const Document* target = doc;
  if (!file.empty()) {
    // kubeconform's non-standalone schemas point into "_definitions.json" beside them.
    fs::path p = doc ? fs::path(doc->origin).parent_path() / file : fs::path(file);
    auto it = st_.docs_by_path.find(p.lexically_normal().string());
    target = it != st_.docs_by_path.end() ? it->second
                                          : &st_.load_json_file(p.lexically_normal().string());
  }
  for (std::string_view prefix : {"/definitions/", "/components/schemas/"}) {
    if (!pointer.starts_with(prefix)) continue;
    std::string name = unescape_pointer(std::string_view(pointer).substr(prefix.size()));
    // The referencing document's own definition first, then any source's.
    const Value* v = nullptr;
    const Document* owner = target;
    if (target) {
      const Value* defs = prefix == "/definitions/" ? target->root.find("definitions") : nullptr;
      if (!defs) {
        const Value* comps = target->root.find("components");
        defs = comps ? comps->find("schemas") : nullptr;
      }
      v = defs ? defs->find(name) : nullptr;
    }
    if (!v) std::tie(v, owner) = st_.find_definition(name);
    if (!v) break;
    return compile(*v, owner, name, false);
  }
  // Any other JSON pointer, into the target document.
  const Value* v = target ? &target->root : nullptr;
  size_t pos = pointer.empty() ? std::string::npos : 1;
  while (v && pos != std::string::npos && pos <= pointer.size()) {
    size_t slash = pointer.find('/', pos);
    std::string token = unescape_pointer(std::string_view(pointer).substr(
        pos, slash == std::string::npos ? std::string::npos : slash - pos));
    if (v->is_map()) {
      v = v->find(token);
    } else if (size_t idx = 0;
               v->is_list() && !token.empty() && token.find_first_not_of("0123456789") == std::string::npos &&
               // from_chars, not stoul: an index too long for size_t must resolve to nothing, not throw.
               std::from_chars(token.data(), token.data() + token.size(), idx).ec == std::errc() &&
               idx < v->as_list().size()) {
      v = &v->as_list()[idx];
    } else {
      v = nullptr;
    }
    pos = slash == std::string::npos ? std::string::npos : slash + 1;
  }
  if (!v) throw SourceError("$ref \"" + ref + "\" names no schema", doc ? doc->origin : "");
  return compile(*v, target, "", crd);
}

const Node* Compiler::compile_root(const KindEntry& e) {
  const Node* base = compile(*e.schema, e.doc, e.definition, e.crd);
  // The root of every kind accepts apiVersion and kind, and a custom resource's metadata is
  // ObjectMeta (its CRD says only `type: object`, but the API server checks it as such).
  Node& root = st_.nodes.emplace_back(*base);
  if (root.types == 0 && !root.properties.empty()) root.types = Node::kObject;
  root.properties.emplace("apiVersion", st_.any);
  root.properties.emplace("kind", st_.any);
  if (e.crd) {
    auto meta = st_.find_definition(kObjectMeta);
    root.properties["metadata"] =
        meta.first ? compile(*meta.first, meta.second, kObjectMeta, false) : st_.any;
  }
  return &root;
}

}  // namespace sparkc::validate::openapi
