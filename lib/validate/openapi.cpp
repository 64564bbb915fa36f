// Schema sources: reading and indexing OpenAPI v2/v3 documents, per-kind schema directories
// and CRDs, and the SchemaSet entry points.
#include "validate/openapi.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sparkc/yaml.h"
#include "validate/openapi_detail.h"

namespace sparkc::validate::openapi {
namespace {

namespace fs = std::filesystem;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw SourceError("cannot read the schema source", path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::string string_at(const Value& v, std::string_view key) {
  const Value* f = v.is_map() ? v.find(key) : nullptr;
  return f && f->is_string() ? f->as_string() : "";
}

std::string api_version_of(const std::string& group, const std::string& version) {
  return group.empty() ? version : group + "/" + version;
}

// The group version of an OpenAPI v3 file name, as Kubernetes publishes them under
// /openapi/v3: "api__v1_openapi.json" -> "v1", "apis__apps__v1_openapi.json" -> "apps/v1".
std::optional<std::string> v3_file_api_version(std::string name) {
  if (!name.ends_with(".json")) return std::nullopt;
  name.resize(name.size() - 5);
  if (name.ends_with("_openapi")) name.resize(name.size() - 8);
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    size_t sep = name.find("__", start);
    parts.push_back(name.substr(start, sep == std::string::npos ? std::string::npos : sep - start));
    if (sep == std::string::npos) break;
    start = sep + 2;
  }
  if (parts.size() == 2 && parts[0] == "api") return parts[1];
  if (parts.size() == 3 && parts[0] == "apis") return parts[1] + "/" + parts[2];
  return std::nullopt;
}

// The group version of a file in the tree `kubectl get --raw /openapi/v3/...` paths make
// (kubectl-validate's layout): "api/v1.json" -> "v1", "apis/apps/v1.json" -> "apps/v1".
std::optional<std::string> v3_tree_api_version(const fs::path& rel) {
  std::vector<std::string> parts;
  for (const auto& p : rel) parts.push_back(p.string());
  if (parts.empty() || !parts.back().ends_with(".json")) return std::nullopt;
  std::string version = parts.back().substr(0, parts.back().size() - 5);
  if (parts.size() == 2 && parts[0] == "api") return version;
  if (parts.size() == 3 && parts[0] == "apis") return parts[1] + "/" + version;
  return std::nullopt;
}

}  // namespace

const Document& SchemaSet::State::load_json_file(const std::string& path) {
  std::string text = read_file(path);
  Value root;
  try {
    root = yaml::from_json(text);
  } catch (const yaml::YamlError& e) {
    // Go's JSON errors carry no position; the YAML parser (JSON is YAML) finds the line.
    int line = e.line, col = e.col;
    if (line == 0) {
      try {
        yaml::load(text, path);
      } catch (const yaml::YamlError& y) {
        line = y.line;
        col = y.col;
      }
    }
    throw SourceError(std::string("schema source is not valid JSON: ") + e.what(), path, line, col);
  }
  if (!root.is_map()) throw SourceError("schema source is not a JSON object", path);
  return add_document(std::move(root), path);
}

const Document& SchemaSet::State::add_document(Value root, std::string origin) {
  Document& doc = docs.emplace_back(Document{std::move(root), std::move(origin)});
  docs_by_path.emplace(fs::path(doc.origin).lexically_normal().string(), &doc);
  auto add_kinds = [&](const Value& schema, const std::string& definition) {
    const Value* gvks = schema.find("x-kubernetes-group-version-kind");
    if (!gvks || !gvks->is_list()) return;
    for (const auto& gvk : gvks->as_list()) {
      std::string kind = string_at(gvk, "kind");
      if (kind.empty()) continue;
      std::string api = api_version_of(string_at(gvk, "group"), string_at(gvk, "version"));
      // The first source wins, so an earlier --kube-openapi overrides a later one.
      kinds.emplace(std::pair{api, kind}, KindEntry{&schema, &doc, definition, false});
    }
  };
  const Value* defs = doc.root.find("definitions");
  if (!defs) {
    const Value* comps = doc.root.find("components");
    defs = comps ? comps->find("schemas") : nullptr;
  }
  if (defs && defs->is_map()) {
    for (const auto& [name, schema] : defs->as_map()) {
      if (!schema.is_map()) continue;
      definitions.emplace(name, std::pair{&schema, &doc});
      add_kinds(schema, name);
    }
  } else {
    add_kinds(doc.root, "");  // a standalone per-kind schema names its own kind
  }
  return doc;
}

const KindEntry* SchemaSet::State::find_kind(const std::string& api_version,
                                             const std::string& kind) {
  auto key = std::pair{api_version, kind};
  if (auto it = kinds.find(key); it != kinds.end()) return &it->second;
  size_t slash = api_version.find('/');
  std::string group = api_version.substr(0, slash == std::string::npos ? 0 : slash);
  bool loaded = false;
  for (const auto& crd_key : {group + "\n" + kind, group + "\n"}) {
    auto c = crd_files.find(crd_key);
    if (c == crd_files.end()) continue;
    for (auto& f : c->second) {
      if (f.loaded) continue;
      f.loaded = loaded = true;
      load_crd_file(f.path, read_file(f.path));
    }
  }
  if (loaded) return find_kind(api_version, kind);
  if (auto f = v3_files.find(api_version); f != v3_files.end() && !f->second.loaded) {
    f->second.loaded = true;
    load_json_file(f->second.path);
    if (auto it = kinds.find(key); it != kinds.end()) return &it->second;
  }
  if (kind_files.empty()) return nullptr;
  // kubeconform's names: {kind}-{group's first label}-{version}.json (or the whole group),
  // {kind}-{version}.json for the core group, and the CRD catalog's
  // {group}/{kind}_{version}.json.
  std::string version = slash == std::string::npos ? api_version : api_version.substr(slash + 1);
  std::string k = lower(kind);
  std::vector<std::pair<std::string, bool>> candidates;  // name, from a CRD
  if (group.empty()) {
    candidates.emplace_back(k + "-" + version + ".json", false);
  } else {
    candidates.emplace_back(
        k + "-" + lower(group.substr(0, group.find('.'))) + "-" + version + ".json", false);
    candidates.emplace_back(k + "-" + lower(group) + "-" + version + ".json", false);
    candidates.emplace_back(lower(group) + "/" + k + "_" + version + ".json", true);
  }
  for (const auto& [name, crd] : candidates) {
    auto f = kind_files.find(name);
    if (f == kind_files.end() || f->second.loaded) continue;
    f->second.loaded = true;
    const Document& doc = load_json_file(f->second.path);
    kinds.emplace(key, KindEntry{&doc.root, &doc, "", crd});
    return &kinds.at(key);
  }
  return nullptr;
}

std::pair<const Value*, const Document*> SchemaSet::State::find_definition(
    const std::string& name) {
  if (auto it = definitions.find(name); it != definitions.end()) return it->second;
  for (auto& [api, f] : v3_files) {
    if (f.loaded) continue;
    f.loaded = true;
    load_json_file(f.path);
    if (auto it = definitions.find(name); it != definitions.end()) return it->second;
  }
  return {nullptr, nullptr};
}

SchemaSet::SchemaSet() : state_(std::make_unique<State>()) {}
SchemaSet::~SchemaSet() = default;

void SchemaSet::add_openapi_path(const std::string& path) {
  std::lock_guard lock(mu_);
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    // Index file names only; files are read when an object needs them. Two levels deep:
    // kubeconform keeps one directory per Kubernetes version, and the CRD catalog one per group.
    size_t found = 0;
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(path, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it.depth() >= 2) it.disable_recursion_pending();
      if (it->is_regular_file(ec) && it->path().extension() == ".json") files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());  // the first of equal names wins, deterministically
    for (const auto& f : files) {
      std::string name = f.filename().string();
      if (auto api = v3_file_api_version(name)) {
        state_->v3_files.emplace(*api, LazyFile{f.string()});
      } else if (auto api = v3_tree_api_version(f.lexically_relative(path))) {
        state_->v3_files.emplace(*api, LazyFile{f.string()});
      } else {
        state_->kind_files.emplace(lower(name), LazyFile{f.string()});
        state_->kind_files.emplace(lower(f.parent_path().filename().string() + "/" + name),
                                   LazyFile{f.string()});
      }
      ++found;
    }
    if (found == 0) {
      throw SourceError("schema directory has no OpenAPI v3 files or per-kind JSON schemas", path);
    }
    return;
  }
  const Document& doc = state_->load_json_file(path);
  if (!doc.root.find("definitions") && !doc.root.find("components") &&
      !doc.root.find("x-kubernetes-group-version-kind")) {
    throw SourceError("not an OpenAPI v2 or v3 document (no definitions or components.schemas)",
                      path);
  }
}

void SchemaSet::State::load_crd_file(const std::string& path, const std::string& text) {
  std::vector<Value> docs;
  try {
    docs = yaml::load_all(text, path);
  } catch (const yaml::YamlError& e) {
    throw SourceError(std::string("CRD file is not valid YAML: ") + e.what(), path, e.line, e.col);
  }
  size_t crds = 0;
  for (const auto& d : docs) {
    if (string_at(d, "kind") != "CustomResourceDefinition") continue;
    add_crd(d, path);
    ++crds;
  }
  if (crds == 0) throw SourceError("the file holds no CustomResourceDefinition", path);
}

void SchemaSet::add_crd_file(const std::string& path) {
  std::string text = read_file(path);
  std::lock_guard lock(mu_);
  // CRD files are large (Kyverno's is 1.4 MB of YAML) and most charts use none or one of
  // them: a file with one CRD whose group (and kind) a plain scan of the usual layout finds
  // is parsed only when an object of that group (and kind) is validated.
  static const RE2 crd_kind("(?m)^kind: *(CustomResourceDefinition) *$");
  static const RE2 group_line("(?m)^  group: *([a-z0-9.-]+) *$");
  static const RE2 kind_line("(?m)^    kind: *([A-Za-z0-9]+) *$");
  auto unique = [&](const RE2& re, std::string* match) {
    re2::StringPiece in(text);
    std::string other;
    return RE2::FindAndConsume(&in, re, match) && !RE2::FindAndConsume(&in, re, &other);
  };
  std::string group, kind, ignored;
  if (unique(crd_kind, &ignored) && unique(group_line, &group)) {
    if (!unique(kind_line, &kind)) kind.clear();
    state_->crd_files[group + "\n" + kind].push_back(LazyFile{path});
    return;
  }
  state_->load_crd_file(path, text);
}

void SchemaSet::add_openapi_document(Value doc, const std::string& origin) {
  std::lock_guard lock(mu_);
  state_->add_document(std::move(doc), origin);
}

void SchemaSet::add_crd(const Value& crd, const std::string& origin) {
  std::lock_guard lock(mu_);
  state_->add_crd(crd, origin);
}

void SchemaSet::State::add_crd(const Value& crd, const std::string& origin) {
  const Document& doc = docs.emplace_back(Document{crd, origin});
  const Value* spec = doc.root.find("spec");
  std::string group = spec ? string_at(*spec, "group") : "";
  const Value* names = spec ? spec->find("names") : nullptr;
  std::string kind = names ? string_at(*names, "kind") : "";
  if (group.empty() || kind.empty()) {
    throw SourceError("CustomResourceDefinition has no spec.group or spec.names.kind", origin);
  }
  // apiextensions v1beta1 has one schema for all versions (spec.validation) and may name a
  // single spec.version.
  const Value* shared = nullptr;
  if (const Value* val = spec->find("validation")) shared = val->find("openAPIV3Schema");
  std::vector<std::pair<std::string, const Value*>> versions;
  if (const Value* vs = spec->find("versions"); vs && vs->is_list()) {
    for (const auto& v : vs->as_list()) {
      const Value* served = v.find("served");
      if (served && served->is_bool() && !served->as_bool()) continue;  // the API refuses it
      const Value* schema = v.find("schema");
      schema = schema ? schema->find("openAPIV3Schema") : nullptr;
      versions.emplace_back(string_at(v, "name"), schema ? schema : shared);
    }
  } else if (std::string v = string_at(*spec, "version"); !v.empty()) {
    versions.emplace_back(v, shared);
  }
  for (const auto& [version, schema] : versions) {
    if (!schema || !schema->is_map()) {
      throw SourceError("CustomResourceDefinition " + kind + " version \"" + version +
                            "\" has no openAPIV3Schema",
                        origin);
    }
    kinds.insert_or_assign(std::pair{group + "/" + version, kind},
                           KindEntry{schema, &doc, "", true});
  }
}

void SchemaSet::add_kind_schema(const std::string& api_version, const std::string& kind,
                                Value schema, const std::string& origin) {
  std::lock_guard lock(mu_);
  const Document& doc = state_->docs.emplace_back(Document{std::move(schema), origin});
  state_->kinds.insert_or_assign(std::pair{api_version, kind},
                                 KindEntry{&doc.root, &doc, "", false});
}

bool SchemaSet::has_schema(const std::string& api_version, const std::string& kind) const {
  std::lock_guard lock(mu_);
  return state_->find_kind(api_version, kind) != nullptr;
}

std::vector<Violation> SchemaSet::validate(const Value& object) const {
  std::string api = string_at(object, "apiVersion"), kind = string_at(object, "kind");
  std::lock_guard lock(mu_);
  auto key = std::pair{api, kind};
  const Node* root = nullptr;
  if (auto it = state_->roots.find(key); it != state_->roots.end()) {
    root = it->second;
  } else {
    const KindEntry* e = state_->find_kind(api, kind);
    if (!e) return {};
    root = Compiler(*state_).compile_root(*e);
    state_->roots.emplace(key, root);
  }
  return check_object(object, root);
}

Sources load_sources(const std::vector<std::string>& kube_openapi,
                     const std::vector<std::string>& crds) {
  // The cache key: every path with its size and modification time, so an edited schema or
  // CRD file is read again.
  std::string key;
  for (const auto* list : {&kube_openapi, &crds}) {
    for (const auto& p : *list) {
      std::error_code ec;
      auto mtime = fs::last_write_time(p, ec).time_since_epoch().count();
      auto size = fs::is_regular_file(p, ec) ? fs::file_size(p, ec) : 0;
      key += p + '\0' + std::to_string(mtime) + '\0' + std::to_string(size) + '\0';
    }
    key += '\1';
  }
  static std::mutex mu;
  static std::vector<std::pair<std::string, Sources>> cache;  // a few recent source lists
  {
    std::lock_guard lock(mu);
    for (const auto& [k, s] : cache) {
      if (k == key) return s;
    }
  }
  auto set = std::make_shared<SchemaSet>();
  Sources out;
  for (const auto& p : kube_openapi) {
    try {
      set->add_openapi_path(p);
    } catch (const SourceError& e) {
      out.errors.push_back(e);
    }
  }
  for (const auto& p : crds) {
    try {
      set->add_crd_file(p);
    } catch (const SourceError& e) {
      out.errors.push_back(e);
    }
  }
  out.schemas = std::move(set);
  std::lock_guard lock(mu);
  if (cache.size() >= 4) cache.erase(cache.begin());
  cache.emplace_back(key, out);
  return out;
}

}  // namespace sparkc::validate::openapi
