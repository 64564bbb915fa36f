// Loads charts from directories and .tgz archives the way Helm's pkg/chart/loader does:
// .helmignore rules, Chart.yaml (v2, or v1 with requirements.yaml), values.yaml,
// templates/**, subcharts in charts/ (directories and archives), everything else in .Files.
#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "chart/path_match.h"
#include "chart/values_internal.h"
#include "sparkc/chart.h"
#include "sparkc/functions.h"
#include "sparkc/yaml.h"

namespace sparkc::chart {
namespace fs = std::filesystem;

std::string Chart::full_path() const {
  if (parent == nullptr) return name();
  return parent->full_path() + "/charts/" + name();
}

namespace {

// One .helmignore rule (Helm's pkg/ignore).
struct IgnoreRule {
  std::string pattern;
  bool negate = false;
  bool must_dir = false;
  enum class Anchor { Root, Structural, Basename } anchor = Anchor::Basename;
};

std::string trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n\v\f");
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n\v\f");
  return std::string(s.substr(b, e - b + 1));
}

class IgnoreRules {
 public:
  void add(std::string_view line) {
    std::string rule = trim(line);
    if (rule.empty() || rule[0] == '#') return;
    if (rule.find("**") != std::string::npos)
      throw ChartError("double-star (**) syntax is not supported");
    bool bad = false;
    path_match(rule, "abc", &bad);
    if (bad) throw ChartError("syntax error in pattern");
    IgnoreRule r;
    if (rule[0] == '!') {
      r.negate = true;
      rule.erase(0, 1);
    }
    if (!rule.empty() && rule.back() == '/') {
      r.must_dir = true;
      rule.pop_back();
    }
    if (!rule.empty() && rule[0] == '/') {
      r.anchor = IgnoreRule::Anchor::Root;
      rule.erase(0, 1);
    } else if (rule.find('/') != std::string::npos) {
      r.anchor = IgnoreRule::Anchor::Structural;
    }
    r.pattern = rule;
    rules_.push_back(std::move(r));
  }

  // Helm's Rules.Ignore, including its handling of negated rules: a negated rule that does
  // not match ignores the path.
  bool ignore(const std::string& path, bool is_dir) const {
    if (path.empty() || path == "." || path == "./") return false;
    for (const auto& r : rules_) {
      std::string_view subject = path;
      if (r.anchor == IgnoreRule::Anchor::Basename) {
        size_t slash = subject.rfind('/');
        if (slash != std::string_view::npos) subject = subject.substr(slash + 1);
      }
      bool m = path_match(r.pattern, subject);
      if (r.negate) {
        if (r.must_dir && !is_dir) return true;
        if (!m) return true;
        continue;
      }
      if (r.must_dir && !is_dir) continue;
      if (m) return true;
    }
    return false;
  }

 private:
  std::vector<IgnoreRule> rules_;
};

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void strip_bom(std::string& data) {
  if (data.rfind("\xEF\xBB\xBF", 0) == 0) data.erase(0, 3);
}

// A YAML document decoded into a Go struct: string fields must hold strings.
std::string string_field(const Value& doc, const char* key, const char* go_field,
                         const char* file) {
  const Value* v = doc.find(key);
  if (v == nullptr || v->is_nil()) return "";
  if (v->is_string()) return v->as_string();
  std::string json_kind = v->is_bool() ? "bool" : v->is_number() ? "number" : v->is_list() ? "array" : "object";
  throw ChartError(std::string("cannot load ") + file +
                   ": error unmarshaling JSON: while decoding JSON: json: cannot unmarshal " +
                   json_kind + " into Go struct field " + go_field + " of type string");
}

std::vector<Dependency> parse_dependencies(const Value& doc, const char* file) {
  std::vector<Dependency> out;
  const Value* deps = doc.find("dependencies");
  if (deps == nullptr || !deps->is_list()) return out;
  for (const auto& d : deps->as_list()) {
    if (!d.is_map()) continue;
    Dependency dep;
    dep.name = string_field(d, "name", "Dependency.dependencies.name", file);
    dep.version = string_field(d, "version", "Dependency.dependencies.version", file);
    dep.repository = string_field(d, "repository", "Dependency.dependencies.repository", file);
    dep.condition = string_field(d, "condition", "Dependency.dependencies.condition", file);
    dep.alias = string_field(d, "alias", "Dependency.dependencies.alias", file);
    if (const Value* tags = d.find("tags"); tags && tags->is_list())
      for (const auto& t : tags->as_list())
        if (t.is_string()) dep.tags.push_back(t.as_string());
    if (const Value* iv = d.find("import-values"); iv && iv->is_list())
      dep.import_values = iv->as_list();
    out.push_back(std::move(dep));
  }
  return out;
}

Value load_yaml_map(const std::string& data, const std::string& what) {
  try {
    Value v = yaml::load(data, what);
    if (v.is_nil()) return Value::map();
    if (!v.is_map())
      throw ChartError("cannot load " + what +
                       ": error unmarshaling JSON: while decoding JSON: json: cannot unmarshal " +
                       std::string(v.is_list() ? "array" : v.is_string() ? "string" : "number") +
                       " into Go value of type map[string]interface {}");
    return v;
  } catch (const yaml::YamlError& e) {
    throw ChartError("cannot load " + what + ": " + e.what());
  }
}

bool is_valid_semver(const std::string& v) {
  // Chart versions must parse as SemVer 2 (Masterminds semver.StrictNewVersion is not used
  // by Helm here; NewVersion is). Reuse the template function so there is one parser.
  const auto* fn = gotmpl::helm_functions().find("semver");
  if (fn == nullptr) return !v.empty();
  NullCallContext ctx;
  try {
    Value arg(v);
    fn->fn(ctx, std::span<const Value>(&arg, 1));
    return true;
  } catch (...) {
    return false;
  }
}

// Helm's Metadata.Validate, prefixed "validation: " as Helm's ValidationError prints.
void validate_metadata(const Metadata& md) {
  auto fail = [](const std::string& msg) { throw ChartError("validation: " + msg); };
  if (md.api_version.empty()) fail("chart.metadata.apiVersion is required");
  if (md.name.empty()) fail("chart.metadata.name is required");
  if (md.name.find('/') != std::string::npos || md.name == "." || md.name == "..")
    fail("chart.metadata.name \"" + md.name + "\" is invalid");
  if (md.version.empty()) fail("chart.metadata.version is required");
  if (!is_valid_semver(md.version)) fail("chart.metadata.version \"" + md.version + "\" is invalid");
  if (!md.type.empty() && md.type != "application" && md.type != "library")
    fail("chart.metadata.type must be application or library");
  std::map<std::string, bool> seen;
  for (const auto& d : md.dependencies) {
    const std::string& key = d.alias.empty() ? d.name : d.alias;
    if (!d.alias.empty()) {
      bool ok = std::all_of(d.alias.begin(), d.alias.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
      });
      if (!ok) fail("dependency \"" + d.name + "\" has disallowed characters in the alias");
    }
    if (seen[key]) fail("more than one dependency with name or alias \"" + key + "\"");
    seen[key] = true;
  }
}

std::shared_ptr<Chart> load_archive_bytes(const std::string& bytes);

// Helm's LoadFiles: sorts the flat file list into the chart's parts.
std::shared_ptr<Chart> load_files(std::vector<File> files) {
  if (files.empty()) throw ChartError("no files in chart archive");
  auto c = std::make_shared<Chart>();
  bool have_metadata = false;
  Value raw = Value::map();
  std::map<std::string, std::vector<File>> subcharts;
  c->values = Value::map();
  for (auto& f : files) {
    if (f.name == "Chart.yaml") {
      Value doc = load_yaml_map(f.data, "Chart.yaml");
      for (const auto& [k, v] : doc.as_map()) raw.mutable_map().insert_or_assign(k, v);
      have_metadata = true;
      c->metadata.name = string_field(raw, "name", "Metadata.name", "Chart.yaml");
      c->metadata.version = string_field(raw, "version", "Metadata.version", "Chart.yaml");
      c->metadata.api_version = string_field(raw, "apiVersion", "Metadata.apiVersion", "Chart.yaml");
      c->metadata.app_version = string_field(raw, "appVersion", "Metadata.appVersion", "Chart.yaml");
      c->metadata.kube_version = string_field(raw, "kubeVersion", "Metadata.kubeVersion", "Chart.yaml");
      c->metadata.description = string_field(raw, "description", "Metadata.description", "Chart.yaml");
      c->metadata.type = string_field(raw, "type", "Metadata.type", "Chart.yaml");
      c->metadata.dependencies = parse_dependencies(raw, "Chart.yaml");
      c->metadata.has_dependencies = raw.find("dependencies") && raw.find("dependencies")->is_list();
      if (c->metadata.api_version.empty()) {
        c->metadata.api_version = "v1";
        raw.mutable_map().insert_or_assign("apiVersion", Value("v1"));
      }
    } else if (f.name == "values.yaml") {
      c->values = load_yaml_map(f.data, "values.yaml");
    } else if (f.name == "values.schema.json") {
      c->schema = f.data;
    } else if (f.name == "requirements.yaml") {
      Value doc = load_yaml_map(f.data, "requirements.yaml");
      if (const Value* deps = doc.find("dependencies")) raw.mutable_map().insert_or_assign("dependencies", *deps);
      c->metadata.dependencies = parse_dependencies(raw, "requirements.yaml");
      c->metadata.has_dependencies = raw.find("dependencies") && raw.find("dependencies")->is_list();
      if (c->metadata.api_version == "v1") c->files.push_back(f);
    } else if (f.name == "Chart.lock" || f.name == "requirements.lock") {
      // Lock files are kept out of .Files, as Helm keeps them in Chart.Lock.
      if (f.name == "requirements.lock" && c->metadata.api_version == "v1") c->files.push_back(f);
    } else if (f.name.rfind("templates/", 0) == 0) {
      c->templates.push_back(std::move(f));
    } else if (f.name.rfind("charts/", 0) == 0) {
      if (fs::path(f.name).extension() == ".prov") {
        c->files.push_back(std::move(f));
        continue;
      }
      std::string rest = f.name.substr(7);
      std::string cname = rest.substr(0, rest.find('/'));
      subcharts[cname].push_back(File{rest, std::move(f.data)});
    } else {
      c->files.push_back(std::move(f));
    }
  }
  if (!have_metadata) throw ChartError("Chart.yaml file is missing");
  c->metadata.raw = raw;
  validate_metadata(c->metadata);

  // Subcharts in name order: Helm iterates a Go map here, so its order is random; ours is
  // sorted so that output never depends on it.
  for (auto& [name, sfiles] : subcharts) {
    if (name.empty() || name[0] == '_' || name[0] == '.') continue;
    std::shared_ptr<Chart> sc;
    try {
      if (fs::path(name).extension() == ".tgz") {
        if (sfiles[0].name != name)
          throw ChartError("error unpacking subchart tar in " + c->name() + ": expected " + name +
                           ", got " + sfiles[0].name);
        sc = load_archive_bytes(sfiles[0].data);
      } else {
        std::vector<File> buff;
        for (auto& f : sfiles) {
          size_t slash = f.name.find('/');
          if (slash == std::string::npos) continue;
          buff.push_back(File{f.name.substr(slash + 1), std::move(f.data)});
        }
        sc = load_files(std::move(buff));
      }
    } catch (const ChartError& e) {
      throw ChartError("error unpacking subchart " + name + " in " + c->name() + ": " + e.what());
    }
    c->dependencies.push_back(sc);
  }
  for (auto& dep : c->dependencies) dep->parent = c.get();
  return c;
}

std::shared_ptr<Chart> load_dir(const fs::path& top) {
  IgnoreRules rules;
  fs::path ignore_file = top / ".helmignore";
  if (fs::exists(ignore_file)) {
    std::istringstream in(read_file(ignore_file));
    for (std::string line; std::getline(in, line);) rules.add(line);
  }
  rules.add("templates/.?*");  // Helm's default: hidden files in templates/

  std::vector<File> files;
  // Walk in lexical order, as Go's filepath.Walk does, pruning ignored directories.
  std::vector<fs::path> stack{top};
  std::function<void(const fs::path&)> walk = [&](const fs::path& dir) {
    std::vector<fs::directory_entry> entries;
    for (const auto& e : fs::directory_iterator(dir)) entries.push_back(e);
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.path().filename().string() < b.path().filename().string(); });
    for (const auto& e : entries) {
      std::string rel = fs::relative(e.path(), top).generic_string();
      bool is_dir = e.is_directory();
      if (rules.ignore(rel, is_dir)) continue;
      if (is_dir) {
        walk(e.path());
        continue;
      }
      if (!e.is_regular_file())
        throw ChartError("cannot load irregular file " + e.path().string() +
                         " as it has file mode type bits set");
      std::string data = read_file(e.path());
      strip_bom(data);
      files.push_back(File{rel, std::move(data)});
    }
  };
  walk(top);
  return load_files(std::move(files));
}

std::shared_ptr<Chart> load_archive_bytes(const std::string& bytes) {
  struct archive* a = archive_read_new();
  archive_read_support_filter_gzip(a);
  archive_read_support_format_tar(a);
  if (archive_read_open_memory(a, bytes.data(), bytes.size()) != ARCHIVE_OK) {
    archive_read_free(a);
    throw ChartError("gzip: invalid header");
  }
  std::vector<File> files;
  struct archive_entry* entry;
  int rc;
  while ((rc = archive_read_next_header(a, &entry)) == ARCHIVE_OK) {
    if (archive_entry_filetype(entry) != AE_IFREG) continue;
    std::string name = archive_entry_pathname(entry);
    if (name == "pax_global_header") continue;
    // Drop the top-level directory, as Helm does.
    size_t slash = name.find('/');
    if (slash == std::string::npos) continue;
    name = name.substr(slash + 1);
    if (name.find("..") != std::string::npos &&
        (name == ".." || name.rfind("../", 0) == 0 || name.find("/../") != std::string::npos))
      throw ChartError("chart illegally references parent directory");
    std::string data;
    char buf[65536];
    la_ssize_t n;
    while ((n = archive_read_data(a, buf, sizeof buf)) > 0) data.append(buf, n);
    strip_bom(data);
    files.push_back(File{name, std::move(data)});
  }
  std::string err = rc == ARCHIVE_EOF ? "" : archive_error_string(a) ? archive_error_string(a) : "bad archive";
  archive_read_free(a);
  if (!err.empty()) throw ChartError(err);
  return load_files(std::move(files));
}

}  // namespace

std::shared_ptr<Chart> load_chart(const std::string& path) {
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) throw ChartError("path \"" + path + "\" not found");
  if (fs::is_directory(status)) {
    if (!fs::exists(fs::path(path) / "Chart.yaml"))
      throw ChartError("Chart.yaml file is missing");
    return load_dir(fs::path(path));
  }
  return load_archive_bytes(read_file(path));
}

}  // namespace sparkc::chart
