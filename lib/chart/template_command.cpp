// `helm template`: load, merge values, process dependencies, render, split the rendered
// files into manifests, sort them in Helm's install order, and print them with "# Source:"
// headers (CRDs first with --include-crds, hooks last).
#include <re2/re2.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include "chart/path_match.h"
#include "chart/values_internal.h"
#include "sparkc/chart.h"
#include "sparkc/functions.h"
#include "sparkc/yaml.h"

namespace sparkc::chart {
namespace fs = std::filesystem;
namespace {

// Helm's releaseutil.InstallOrder.
const std::vector<std::string>& install_order() {
  static const std::vector<std::string> kinds = {
      "PriorityClass", "Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange",
      "PodSecurityPolicy", "PodDisruptionBudget", "ServiceAccount", "Secret", "SecretList",
      "ConfigMap", "StorageClass", "PersistentVolume", "PersistentVolumeClaim",
      "CustomResourceDefinition", "ClusterRole", "ClusterRoleList", "ClusterRoleBinding",
      "ClusterRoleBindingList", "Role", "RoleList", "RoleBinding", "RoleBindingList", "Service",
      "DaemonSet", "Pod", "ReplicationController", "ReplicaSet", "Deployment",
      "HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress",
      "APIService", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"};
  return kinds;
}

std::string trim_space(std::string_view s) {
  auto is_space = [](unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; };
  size_t b = 0, e = s.size();
  while (b < e && is_space(s[b])) ++b;
  while (e > b && is_space(s[e - 1])) --e;
  return std::string(s.substr(b, e - b));
}

// Helm's SplitManifests: documents separated by `(?:^|\s*\n)---\s*`, each trimmed, empty
// ones dropped, in source order.
std::vector<std::string> split_manifests(std::string_view big) {
  static const RE2 sep("(?:^|\\s*\\n)---\\s*");
  std::string s = trim_space(big);
  std::vector<std::string> pieces;
  re2::StringPiece input(s);
  re2::StringPiece match;
  size_t beg = 0, pos = 0, end = 0;
  while (pos <= s.size() && sep.Match(input, pos, s.size(), RE2::UNANCHORED, &match, 1)) {
    size_t m0 = match.data() - s.data(), m1 = m0 + match.size();
    end = m0;
    if (m1 != 0) pieces.push_back(s.substr(beg, end - beg));
    beg = m1;
    pos = m1 > m0 ? m1 : m1 + 1;
  }
  if (end != s.size() || pieces.empty()) pieces.push_back(s.substr(beg));
  std::vector<std::string> docs;
  for (auto& d : pieces) {
    if (d.empty()) continue;
    docs.push_back(trim_space(d));
  }
  return docs;
}

struct Manifest {
  std::string name;  // template path
  std::string content;
  std::string kind;
  std::string api_version;
};

struct Hook {
  Manifest m;
  bool is_test = false;
};

// Decodes the head of a manifest as Helm's SimpleHead, with Go's decoding errors.
struct Head {
  std::string api_version, kind, name;
  Map annotations;
  bool has_annotations = false;
};

[[noreturn]] void head_type_error(const Value& v, const std::string& field, const std::string& file) {
  std::string kind = v.is_bool() ? "bool" : v.is_number() ? "number" : v.is_list() ? "array" : v.is_map() ? "object" : "string";
  throw ChartError("YAML parse error on " + file +
                   ": error unmarshaling JSON: while decoding JSON: json: cannot unmarshal " + kind +
                   " into Go struct field " + field + " of type string");
}

Head decode_head(const std::string& doc, const std::string& file) {
  Value v;
  try {
    v = yaml::load(doc, file);
  } catch (const yaml::YamlError& e) {
    throw ChartError("YAML parse error on " + file + ": " + e.what());
  }
  Head h;
  if (v.is_nil()) return h;
  if (!v.is_map()) {
    std::string kind = v.is_bool() ? "bool" : v.is_number() ? "number" : v.is_list() ? "array" : "string";
    throw ChartError("YAML parse error on " + file +
                     ": error unmarshaling JSON: while decoding JSON: json: cannot unmarshal " + kind +
                     " into Go value of type releaseutil.SimpleHead");
  }
  auto str = [&](const Value* x, const char* field) -> std::string {
    if (x == nullptr || x->is_nil()) return "";
    if (!x->is_string()) head_type_error(*x, field, file);
    return x->as_string();
  };
  h.api_version = str(v.find("apiVersion"), "SimpleHead.apiVersion");
  h.kind = str(v.find("kind"), "SimpleHead.kind");
  if (const Value* md = v.find("metadata"); md && md->is_map()) {
    h.name = str(md->find("name"), "SimpleHead.metadata.name");
    if (const Value* an = md->find("annotations"); an && an->is_map()) {
      for (const auto& [k, val] : an->as_map()) {
        h.annotations.emplace(k, Value(str(&val, "SimpleHead.metadata.annotations")));
      }
      h.has_annotations = !h.annotations.empty();
    }
  }
  return h;
}

const std::map<std::string, bool>& hook_events() {
  // event -> is a test event
  static const std::map<std::string, bool> events = {
      {"pre-install", false}, {"post-install", false}, {"pre-delete", false},
      {"post-delete", false}, {"pre-upgrade", false},  {"post-upgrade", false},
      {"pre-rollback", false}, {"post-rollback", false}, {"test", true}, {"test-success", true}};
  return events;
}

// Helm's lessByKind with a stable sort: known kinds in install order, unknown kinds last
// in alphabetical order, original order kept within a kind.
template <typename T, typename KindOf>
void sort_by_kind(std::vector<T>& items, KindOf kind_of) {
  std::map<std::string, int> order;
  const auto& kinds = install_order();
  for (size_t i = 0; i < kinds.size(); ++i) order[kinds[i]] = static_cast<int>(i);
  std::stable_sort(items.begin(), items.end(), [&](const T& a, const T& b) {
    const std::string& ka = kind_of(a);
    const std::string& kb = kind_of(b);
    auto ia = order.find(ka), ib = order.find(kb);
    bool aok = ia != order.end(), bok = ib != order.end();
    if (!aok && !bok) return ka != kb && ka < kb;
    if (!aok) return false;
    if (!bok) return true;
    return ia->second < ib->second;
  });
}

// Helm's SortManifests over the rendered files (sorted by path).
void sort_manifests(const std::vector<std::pair<std::string, std::string>>& files,
                    std::vector<Manifest>& generic, std::vector<Hook>& hooks) {
  std::vector<const std::pair<std::string, std::string>*> sorted;
  for (const auto& f : files) sorted.push_back(&f);
  std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->first < b->first; });
  for (const auto* f : sorted) {
    const std::string& path = f->first;
    size_t slash = path.rfind('/');
    if (path[slash == std::string::npos ? 0 : slash + 1] == '_') continue;
    if (trim_space(f->second).empty()) continue;
    for (auto& doc : split_manifests(f->second)) {
      Head h = decode_head(doc, path);
      Manifest m{path, doc, h.kind, h.api_version};
      auto hook = h.annotations.find("helm.sh/hook");
      if (!h.has_annotations || hook == h.annotations.end()) {
        generic.push_back(std::move(m));
        continue;
      }
      bool unknown = false, is_test = false;
      const std::string& types = hook->second.as_string();
      size_t start = 0;
      for (;;) {
        size_t comma = types.find(',', start);
        std::string t = trim_space(std::string_view(types).substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return std::tolower(c); });
        auto ev = hook_events().find(t);
        if (ev == hook_events().end()) {
          unknown = true;
          break;
        }
        is_test = is_test || ev->second;
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
      if (unknown) continue;  // Helm skips manifests with an unknown hook
      hooks.push_back(Hook{std::move(m), is_test});
    }
  }
  sort_by_kind(generic, [](const Manifest& m) -> const std::string& { return m.kind; });
  sort_by_kind(hooks, [](const Hook& h) -> const std::string& { return h.m.kind; });
}

bool has_manifest_extension(const std::string& name) {
  std::string ext = fs::path(name).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".yaml" || ext == ".yml" || ext == ".json";
}

void collect_crds(const Chart& c, std::vector<std::pair<std::string, const std::string*>>& out) {
  for (const auto& f : c.files)
    if (f.name.rfind("crds/", 0) == 0 && has_manifest_extension(f.name))
      out.emplace_back(c.full_path() + "/" + f.name, &f.data);
  for (const auto& d : c.dependencies) collect_crds(*d, out);
}

bool valid_release_name(const std::string& name) {
  static const RE2 re("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
  return !name.empty() && name.size() <= 53 && RE2::FullMatch(name, re);
}

// ParseKubeVersion through the one semver implementation: "v" + the normalised version.
std::string parse_kube_version(const std::string& v) {
  const auto* fn = gotmpl::helm_functions().find("semver");
  NullCallContext ctx;
  Value arg(v);
  Value sv;
  try {
    if (fn == nullptr) throw gotmpl::FuncError("Invalid Semantic Version");
    sv = fn->fn(ctx, std::span<const Value>(&arg, 1));
  } catch (const std::exception& e) {
    throw ChartError("invalid kube version '" + v + "': " + e.what());
  }
  std::string out = sv.is_object() ? sv.as_object()->print() : v;
  if (out.empty() || out[0] != 'v') out = "v" + out;
  return out;
}

// The pending content of --output-dir files, written only after rendering succeeded.
struct OutputFiles {
  std::vector<std::pair<std::string, std::string>> files;  // path -> content, in write order
  std::string log;                                        // "wrote ..." lines
  void write(const std::string& dir, const std::string& name, const std::string& data, bool append) {
    std::string path = dir + "/" + name;
    std::string chunk = "---\n# Source: " + name + "\n" + data + "\n";
    auto it = std::find_if(files.begin(), files.end(), [&](auto& f) { return f.first == path; });
    if (it == files.end()) {
      std::string existing;
      if (append) {
        std::ifstream in(path, std::ios::binary);
        existing.assign(std::istreambuf_iterator<char>(in), {});
      }
      files.emplace_back(path, existing + chunk);
    } else if (append) {
      it->second += chunk;
    } else {
      it->second = chunk;
    }
    log += "wrote " + path + "\n";
  }
  void flush() const {
    for (const auto& [path, content] : files) {
      fs::create_directories(fs::path(path).parent_path());
      std::string tmp = path + ".tmp";
      {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << content;
        if (!out) throw ChartError("open " + path + ": cannot write");
      }
      fs::rename(tmp, path);
    }
  }
};

}  // namespace

TemplateResult helm_template(const std::string& chart_path, const ValueOptions& values,
                             const TemplateOptions& opts) {
  TemplateOptions o = opts;
  if (o.kube_version) o.kube_version = parse_kube_version(*o.kube_version);
  Value user_values = merge_user_values(values);
  std::shared_ptr<Chart> chart = load_chart(chart_path);
  TemplateResult result;
  if (!chart->metadata.type.empty() && chart->metadata.type != "application")
    throw ChartError(chart->metadata.type + " charts are not installable");
  if (const Value* dep = chart->metadata.raw.find("deprecated"); dep && dep->is_bool() && dep->as_bool())
    result.stderr_text += "WARNING: This chart is deprecated\n";
  if (chart->metadata.has_dependencies) {
    std::vector<std::string> missing;
    for (const auto& r : chart->metadata.dependencies) {
      bool found = std::any_of(chart->dependencies.begin(), chart->dependencies.end(),
                               [&](const auto& d) { return d->name() == r.name; });
      if (!found) missing.push_back(r.name);
    }
    if (!missing.empty()) {
      std::string list;
      for (size_t i = 0; i < missing.size(); ++i) list += (i ? ", " : "") + missing[i];
      throw ChartError(
          "An error occurred while checking for chart dependencies. You may need to run `helm "
          "dependency build` to fetch missing dependencies: found in Chart.yaml, but missing in "
          "charts/ directory: " + list);
    }
  }
  if (!valid_release_name(o.release_name))
    throw ChartError("release name \"" + o.release_name +
                     "\": invalid release name, must match regex "
                     "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$ and the "
                     "length must not be longer than 53");

  Value top = make_render_values(*chart, user_values, o);

  // From here on Helm has created the release: its errors carry the --debug hint.
  const std::string kDebugHint = "\n\nUse --debug flag to render out invalid YAML";
  std::vector<std::pair<std::string, std::string>> files;
  std::vector<Manifest> manifests;
  std::vector<Hook> hooks;
  try {
    const std::string kube = top.find("Capabilities")->as_object()->field("KubeVersion")->as_object()->print();
    if (!chart->metadata.kube_version.empty()) {
      const auto* fn = gotmpl::helm_functions().find("semverCompare");
      NullCallContext ctx;
      Value args[2] = {Value(chart->metadata.kube_version), Value(kube)};
      bool ok = false;
      try {
        ok = fn && fn->fn(ctx, std::span<const Value>(args, 2)).as_bool();
      } catch (...) {
      }
      if (!ok)
        throw ChartError("chart requires kubeVersion: " + chart->metadata.kube_version +
                         " which is incompatible with Kubernetes " + kube);
    }
    files = render_templates(*chart, top, o.strict);
    const std::string notes_name = chart->name() + "/templates/NOTES.txt";
    for (auto it = files.begin(); it != files.end();) {
      if (it->first.size() >= 9 && it->first.compare(it->first.size() - 9, 9, "NOTES.txt") == 0) {
        if (it->first == notes_name) result.notes = it->second;
        it = files.erase(it);
      } else {
        ++it;
      }
    }
    sort_manifests(files, manifests, hooks);
  } catch (const ChartError& e) {
    throw ChartError(e.what() + kDebugHint);
  }

  OutputFiles out_files;
  std::string manifest_doc;
  if (o.include_crds) {
    std::vector<std::pair<std::string, const std::string*>> crds;
    collect_crds(*chart, crds);
    for (const auto& [name, data] : crds) {
      if (o.output_dir.empty()) manifest_doc += "---\n# Source: " + name + "\n" + *data + "\n";
      else out_files.write(o.output_dir, name, *data, false);
    }
  }
  std::map<std::string, bool> written;
  const std::string release_dir =
      o.use_release_name ? o.output_dir + "/" + o.release_name : o.output_dir;
  for (const auto& m : manifests) {
    if (o.output_dir.empty()) {
      manifest_doc += "---\n# Source: " + m.name + "\n" + m.content + "\n";
    } else {
      out_files.write(release_dir, m.name, m.content, written[m.name]);
      written[m.name] = true;
    }
  }

  std::string text = trim_space(manifest_doc) + "\n";
  if (!o.no_hooks) {
    for (const auto& h : hooks) {
      if (o.skip_tests && h.is_test) continue;
      if (o.output_dir.empty()) {
        text += "---\n# Source: " + h.m.name + "\n" + h.m.content + "\n";
      } else {
        const std::string path = release_dir + "/" + h.m.name;
        bool exists = fs::exists(path) ||
                      std::any_of(out_files.files.begin(), out_files.files.end(),
                                  [&](auto& f) { return f.first == path; });
        out_files.write(release_dir, h.m.name, h.m.content, exists);
      }
    }
  }

  if (!o.show_only.empty()) {
    static const RE2 source_re("# Source: [^/]+/(.+)");
    std::vector<std::string> docs = split_manifests(text);
    std::string shown;
    for (const auto& pattern : o.show_only) {
      bool missing = true;
      for (const auto& doc : docs) {
        std::string path;
        if (!RE2::PartialMatch(doc, source_re, &path)) continue;
        if (!path_match(pattern, path)) continue;
        shown += "---\n" + doc + "\n";
        missing = false;
      }
      if (missing) throw ChartError("could not find template " + pattern + " in chart");
    }
    text = shown;
  }

  if (!o.output_dir.empty()) {
    out_files.flush();
    result.stdout_text = out_files.log + text;
  } else {
    result.stdout_text = text;
  }
  return result;
}

}  // namespace sparkc::chart
