// Compiling a JSON Schema: the dialect, the resource registry ($id, $anchor, $dynamicAnchor,
// draft-7 "#name" ids), reference lookup with JSON pointers and remote documents.
#include "validate/json_schema.h"

#include <re2/re2.h>

#include <charconv>
#include <system_error>

#include "validate/json_schema_detail.h"

namespace sparkc::validate {
namespace detail {
namespace {

// Keywords whose value is one subschema, a list of them, or a map of them. Only these are
// walked: an `$id` inside `enum` or `const` is data, not an identifier.
constexpr std::string_view kSingle[] = {"additionalItems", "additionalProperties", "contains",
                                        "propertyNames", "if", "then", "else", "not", "items",
                                        "unevaluatedItems", "unevaluatedProperties", "contentSchema"};
constexpr std::string_view kArray[] = {"allOf", "anyOf", "oneOf", "items", "prefixItems"};
constexpr std::string_view kMapOf[] = {"properties", "patternProperties", "definitions", "$defs",
                                       "dependentSchemas", "dependencies"};

// Decodes %XX escapes in a URI fragment.
std::string percent_decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

// Matches on the version part only, so "http://...draft-07/schema#" and "https://...draft-07/schema"
// both select draft 7; drafts 4 and 6 are read as draft 7 (their differences are not needed for
// values.schema.json), 2019-09 as 2020-12.
Draft draft_from_uri(std::string_view uri, Draft fallback) {
  if (uri.find("draft-07") != std::string_view::npos || uri.find("draft-06") != std::string_view::npos ||
      uri.find("draft-04") != std::string_view::npos)
    return Draft::Draft7;
  if (uri.find("2020-12") != std::string_view::npos || uri.find("2019-09") != std::string_view::npos)
    return Draft::Draft2020_12;
  return fallback;
}

// The base URI inside `schema` given the base around it: its $id applied, unless draft 7 ignores
// the $id because a sibling $ref overrides everything.
std::string apply_id(const Value& schema, const std::string& base, Draft draft) {
  if (!schema.is_map()) return base;
  const Value* id = schema.find("$id");
  if (!id || !id->is_string()) return base;
  if (draft == Draft::Draft7 && schema.find("$ref")) return base;
  auto [uri, frag] = split_fragment(resolve_uri(base, id->as_string()));
  return uri;
}

Registry::Registry(SchemaOptions options) : options_(std::move(options)) {}
Registry::~Registry() = default;

// A document may name its own dialect (a remote draft-07 schema referenced from a 2020-12 one);
// the resource is registered under the URI it was loaded from and under its own $id.
void Registry::add_document(const Value& doc, const std::string& base, Draft draft) {
  documents_.push_back(doc);
  if (doc.is_map())
    if (const Value* s = doc.find("$schema"); s && s->is_string()) draft = draft_from_uri(s->as_string(), draft);
  resources_.emplace(split_fragment(base).first, Target{doc, apply_id(doc, base, draft), draft});
  walk(doc, base, draft);
}

// Records the base URI and dialect of every schema object, so evaluation never recomputes them,
// and registers each embedded resource and anchor under its absolute URI.
void Registry::walk(const Value& schema, std::string base, Draft draft) {
  if (!schema.is_map()) return;
  const Value* id = schema.find("$id");
  bool id_ignored = draft == Draft::Draft7 && schema.find("$ref");
  if (id && id->is_string() && !id_ignored) {
    auto [uri, frag] = split_fragment(resolve_uri(base, id->as_string()));
    base = uri;
    resources_.emplace(uri, Target{schema, base, draft});
    // Draft 7 spells an anchor as an $id with a plain-name fragment ("#foo").
    if (!frag.empty() && frag[0] != '/') anchors_.emplace(uri + "#" + frag, Target{schema, base, draft});
  }
  nodes_.emplace(&schema.as_map(), Node{base, draft});
  if (draft == Draft::Draft2020_12) {
    if (const Value* a = schema.find("$anchor"); a && a->is_string())
      anchors_.emplace(base + "#" + a->as_string(), Target{schema, base, draft});
    if (const Value* a = schema.find("$dynamicAnchor"); a && a->is_string()) {
      anchors_.emplace(base + "#" + a->as_string(), Target{schema, base, draft});
      dynamic_anchors_.emplace(base + "#" + a->as_string(), Target{schema, base, draft});
    }
  }
  // Patterns compile here so that a bad one fails compile(), not every validation.
  if (const Value* p = schema.find("pattern"); p && p->is_string()) regex(p->as_string());
  if (const Value* pp = schema.find("patternProperties"); pp && pp->is_map())
    for (const auto& [re, sub] : pp->as_map()) regex(re);
  for (auto kw : kSingle)
    if (const Value* v = schema.find(kw); v && (v->is_map() || v->is_bool())) walk(*v, base, draft);
  for (auto kw : kArray)
    if (const Value* v = schema.find(kw); v && v->is_list())
      for (const Value& item : v->as_list()) walk(item, base, draft);
  for (auto kw : kMapOf)
    if (const Value* v = schema.find(kw); v && v->is_map())
      for (const auto& [name, sub] : v->as_map()) walk(sub, base, draft);
}

std::optional<Registry::Target> Registry::lookup(const std::string& absolute_uri) {
  std::lock_guard lock(mu_);
  return lookup_locked(absolute_uri);
}

// Resources are found by URI without fragment; the fragment is then an anchor name or a JSON
// pointer (RFC 6901, percent-decoded first because it is a URI fragment). An unknown document is
// asked of the loader once and indexed like the root.
std::optional<Registry::Target> Registry::lookup_locked(const std::string& absolute_uri) {
  auto [uri, frag] = split_fragment(absolute_uri);
  auto it = resources_.find(uri);
  if (it == resources_.end() && options_.loader) {
    if (auto doc = options_.loader(uri)) {
      add_document(*doc, uri, options_.default_draft);
      it = resources_.find(uri);
    }
  }
  if (it == resources_.end()) return std::nullopt;
  if (frag.empty()) return it->second;
  if (frag[0] != '/') {
    auto a = anchors_.find(uri + "#" + frag);
    if (a == anchors_.end()) return std::nullopt;
    return a->second;
  }
  // A JSON pointer from the resource root; nested $ids passed on the way move the base.
  Target t = it->second;
  std::string inside = t.base;
  std::string pointer = percent_decode(frag);
  std::size_t pos = 1;
  while (pos <= pointer.size()) {
    auto next = pointer.find('/', pos);
    std::string token = pointer.substr(pos, next == std::string::npos ? std::string::npos : next - pos);
    pos = next == std::string::npos ? pointer.size() + 1 : next + 1;
    std::string decoded;
    for (std::size_t i = 0; i < token.size(); ++i) {
      if (token[i] == '~' && i + 1 < token.size()) decoded += token[++i] == '1' ? '/' : '~';
      else decoded += token[i];
    }
    if (t.schema.is_map()) {
      const Value* v = t.schema.find(decoded);
      if (!v) return std::nullopt;
      t.schema = *v;
    } else if (t.schema.is_list()) {
      std::size_t idx = 0;
      if (decoded.empty() || decoded.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
      // from_chars, not stoul: an index too long for size_t ("#/allOf/99999999999999999999")
      // threw out_of_range and aborted validate; it resolves to nothing, like any index past the end.
      if (std::from_chars(decoded.data(), decoded.data() + decoded.size(), idx).ec != std::errc()) return std::nullopt;
      if (idx >= t.schema.as_list().size()) return std::nullopt;
      t.schema = t.schema.as_list()[idx];
    } else {
      return std::nullopt;
    }
    t.base = inside;
    inside = apply_id(t.schema, inside, t.draft);
  }
  return t;
}

std::optional<Registry::Target> Registry::dynamic_anchor(const std::string& resource_uri, const std::string& name) {
  std::lock_guard lock(mu_);
  auto it = dynamic_anchors_.find(resource_uri + "#" + name);
  if (it == dynamic_anchors_.end()) return std::nullopt;
  return it->second;
}

const std::string* Registry::base_of(const Value& schema) const {
  if (!schema.is_map()) return nullptr;
  std::lock_guard lock(mu_);  // a remote document may be indexed concurrently; nodes never move
  auto it = nodes_.find(&schema.as_map());
  return it == nodes_.end() ? nullptr : &it->second.base;
}

Draft Registry::draft_of(const Value& schema, Draft fallback) const {
  if (!schema.is_map()) return fallback;
  std::lock_guard lock(mu_);
  auto it = nodes_.find(&schema.as_map());
  return it == nodes_.end() ? fallback : it->second.draft;
}

// RE2 objects are immutable and thread-safe, so one compiled object serves every validation.
const re2::RE2& Registry::regex(const std::string& pattern) {
  std::lock_guard lock(regex_mu_);
  auto& slot = regexes_[pattern];
  if (!slot) {
    re2::RE2::Options opts;
    opts.set_log_errors(false);
    std::string translated;
    try {
      translated = translate_ecma_regex(pattern);
    } catch (const JsonSchemaError& e) {
      regexes_.erase(pattern);
      throw JsonSchemaError("invalid pattern \"" + pattern + "\": " + e.what());
    }
    auto re = std::make_unique<re2::RE2>(translated, opts);
    if (!re->ok()) {
      regexes_.erase(pattern);
      throw JsonSchemaError("invalid pattern \"" + pattern + "\": " + re->error());
    }
    slot = std::move(re);
  }
  return *slot;
}

}  // namespace detail

// The root's `$schema` picks the dialect; without one the caller's default applies (Helm itself
// accepts either draft, so values.schema.json files in the wild carry both).
JsonSchema JsonSchema::compile(const Value& schema, const SchemaOptions& options) {
  if (!schema.is_map() && !schema.is_bool()) throw JsonSchemaError("a schema must be an object or a boolean");
  JsonSchema s;
  s.registry_ = std::make_shared<detail::Registry>(options);
  auto& reg = *s.registry_;
  Draft draft = options.default_draft;
  if (schema.is_map())
    if (const Value* v = schema.find("$schema"); v && v->is_string())
      draft = detail::draft_from_uri(v->as_string(), draft);
  reg.root = schema;
  reg.root_draft = draft;
  reg.add_document(schema, options.base_uri, draft);
  reg.root_base = detail::apply_id(schema, options.base_uri, draft);
  return s;
}

std::vector<SchemaError> JsonSchema::validate(const Value& instance) const {
  return detail::evaluate(*registry_, instance);
}

Draft JsonSchema::draft() const { return registry_->root_draft; }

}  // namespace sparkc::validate
