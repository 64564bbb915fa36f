// Rendered objects, the pods they describe, and fields traced back to template lines.
#include "validate/objects.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sparkc/chart.h"
#include "validate/rules.h"

namespace sparkc::validate::detail {
namespace {

// Splits a YAML stream at `---` lines, as Helm's release manifest splitter does.
std::vector<std::string> split_documents(const std::string& text) {
  std::vector<std::string> docs(1);
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    std::string line = text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    pos = nl == std::string::npos ? text.size() : nl + 1;
    if (line.starts_with("---")) {
      // Helm splits at "\n---" and drops the whitespace after it, so a template that writes
      // `---` and then `{{- include ... }}` renders "---apiVersion: v1" and still installs.
      docs.emplace_back();
      size_t rest = line.find_first_not_of(" \t", 3);
      if (rest != std::string::npos) docs.back() += line.substr(rest) + "\n";
    } else {
      docs.back() += line + "\n";
    }
  }
  return docs;
}

std::set<std::string> disabled_by_annotation(const Value& doc) {
  std::set<std::string> out;
  const Value* md = doc.find("metadata");
  const Value* ann = md ? md->find("annotations") : nullptr;
  const Value* list = ann ? ann->find("spark-constructor.io/disable") : nullptr;
  if (!list || !list->is_string()) return out;
  std::string s = list->as_string();
  size_t start = 0;
  while (start <= s.size()) {
    size_t comma = s.find(',', start);
    std::string id = s.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    id.erase(0, id.find_first_not_of(" \t"));
    id.erase(id.find_last_not_of(" \t") + 1);
    if (!id.empty()) out.insert(id);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

Value map_or_empty(const Value* v) { return v && v->is_map() ? *v : Value::map(); }

bool is_index(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string format_field_path(const FieldPath& path) {
  std::string out;
  for (const auto& p : path) {
    if (is_index(p)) {
      out += "[" + p + "]";
    } else {
      if (!out.empty()) out += ".";
      out += p;
    }
  }
  return out;
}

const Value* value_at(const Value& v, const FieldPath& path) {
  const Value* cur = &v;
  for (const auto& p : path) {
    if (cur->is_map()) {
      cur = cur->find(p);
    } else if (cur->is_list() && is_index(p)) {
      size_t i = std::stoul(p);
      cur = i < cur->as_list().size() ? &cur->as_list()[i] : nullptr;
    } else {
      return nullptr;
    }
    if (!cur) return nullptr;
  }
  return cur;
}

std::string string_at(const Value& v, std::string_view key) {
  const Value* f = v.is_map() ? v.find(key) : nullptr;
  return f && f->is_string() ? f->as_string() : "";
}

bool is_list_object(const RenderedObject& o) {
  if (o.kind == "List") return true;
  const Value* items = o.doc.find("items");
  return o.kind.ends_with("List") && items && (items->is_list() || items->is_nil());
}

bool is_workload_kind(std::string_view kind) {
  return kind == "Deployment" || kind == "StatefulSet" || kind == "DaemonSet" ||
         kind == "ReplicaSet" || kind == "Job" || kind == "ReplicationController";
}

const std::vector<std::pair<std::string, int64_t>>& spark_driver_ports() {
  static const std::vector<std::pair<std::string, int64_t>> p = {
      {"driver-rpc-port", 7078}, {"blockmanager", 7079}, {"spark-ui", 4040}};
  return p;
}

const std::vector<std::pair<std::string, int64_t>>& spark_executor_ports() {
  static const std::vector<std::pair<std::string, int64_t>> p = {{"blockmanager", 7079}};
  return p;
}

std::vector<std::pair<FieldPath, const Value*>> Pod::containers() const {
  std::vector<std::pair<FieldPath, const Value*>> out;
  for (const char* key : {"initContainers", "containers", "ephemeralContainers"}) {
    const Value* list = spec.is_map() ? spec.find(key) : nullptr;
    if (!list || !list->is_list()) continue;
    for (size_t i = 0; i < list->as_list().size(); ++i) {
      const Value& c = list->as_list()[i];
      if (c.is_map()) out.push_back({{key, std::to_string(i)}, &c});
    }
  }
  return out;
}

FieldPath Pod::path_of(const FieldPath& below) const {
  FieldPath p = spec_path;
  p.insert(p.end(), below.begin(), below.end());
  return p;
}

std::optional<Value> pod_template_file(const Value& text) {
  // Only text that names the kind can be a Pod; the test spares parsing every other entry.
  if (!text.is_string() || text.as_string().find("kind: Pod") == std::string::npos) return std::nullopt;
  Value doc;
  try {
    doc = yaml::load(text.as_string());
  } catch (const std::exception&) {
    return std::nullopt;  // not YAML: not a pod template
  }
  if (string_at(doc, "kind") != "Pod") return std::nullopt;
  return doc;
}

std::vector<Pod> pods_of(const std::vector<RenderedObject>& objects) {
  std::vector<Pod> pods;
  auto spark_pod = [](Pod& pod, const std::string& role) {
    pod.spark_role = role;
    Value labels = Value::map();
    for (const auto& [k, v] : pod.labels.as_map()) labels.mutable_map()[k] = v;
    labels.mutable_map()["spark-role"] = Value(role);
    pod.labels = labels;
    pod.extra_ports = role == "driver" ? spark_driver_ports() : spark_executor_ports();
    pod.selectable = false;
  };
  for (const auto& o : objects) {
    const Value& doc = o.doc;
    const Value* spec = doc.find("spec");
    if (is_workload_kind(o.kind) || o.kind == "CronJob") {
      FieldPath tp = o.kind == "CronJob" ? FieldPath{"spec", "jobTemplate", "spec", "template"}
                                         : FieldPath{"spec", "template"};
      const Value* tmpl = value_at(doc, tp);
      const Value* md = tmpl ? value_at(*tmpl, {"metadata"}) : nullptr;
      Pod pod;
      pod.owner = &o;
      pod.ident = o.ident();
      pod.spec_path = tp;
      pod.spec_path.push_back("spec");
      pod.spec = map_or_empty(tmpl ? tmpl->find("spec") : nullptr);
      pod.labels = map_or_empty(md ? md->find("labels") : nullptr);
      pod.annotations = map_or_empty(md ? md->find("annotations") : nullptr);
      if (o.kind == "StatefulSet" && spec) {
        const Value* vct = spec->find("volumeClaimTemplates");
        if (vct && vct->is_list()) {
          for (const auto& t : vct->as_list()) {
            const Value* n = value_at(t, {"metadata", "name"});
            if (n && n->is_string()) pod.claim_templates.push_back(n->as_string());
          }
        }
      }
      pods.push_back(std::move(pod));
    } else if (o.kind == "Pod") {
      const Value* md = doc.find("metadata");
      Pod pod;
      pod.owner = &o;
      pod.ident = o.ident();
      pod.spec_path = {"spec"};
      pod.spec = map_or_empty(spec);
      pod.labels = map_or_empty(md ? md->find("labels") : nullptr);
      pod.annotations = map_or_empty(md ? md->find("annotations") : nullptr);
      // Helm test and hook Pods are never endpoints of a chart Service.
      pod.selectable = !pod.annotations.find("helm.sh/hook");
      pods.push_back(std::move(pod));
    } else if (o.kind == "ConfigMap") {
      // Spark's driver and executor pod template files.
      const Value* data = doc.find("data");
      if (!data || !data->is_map()) continue;
      for (const auto& [key, text] : data->as_map()) {
        std::optional<Value> file = pod_template_file(text);
        if (!file) continue;
        const Value& embedded = *file;
        const Value* md = embedded.find("metadata");
        Pod pod;
        pod.owner = &o;
        pod.ident = o.ident() + "[" + key + "]";
        pod.spec_path = {"data", key, "spec"};
        pod.spec = map_or_empty(embedded.find("spec"));
        pod.labels = map_or_empty(md ? md->find("labels") : nullptr);
        pod.annotations = map_or_empty(md ? md->find("annotations") : nullptr);
        pod.embedded = true;
        pod.selectable = false;
        std::string role = key.find("driver") != std::string::npos     ? "driver"
                           : key.find("executor") != std::string::npos ? "executor"
                                                                       : "";
        if (!role.empty()) spark_pod(pod, role);
        pods.push_back(std::move(pod));
      }
    } else if (o.kind == "SparkApplication" || o.kind == "ScheduledSparkApplication") {
      FieldPath base = o.kind == "SparkApplication" ? FieldPath{"spec"} : FieldPath{"spec", "template"};
      const Value* app = value_at(doc, base);
      for (const char* role : {"driver", "executor"}) {
        const Value* r = app ? app->find(role) : nullptr;
        Pod pod;
        pod.owner = &o;
        pod.ident = o.ident() + "." + role;
        pod.spec_path = base;
        pod.spec_path.push_back(role);
        pod.spec = Value::map();
        pod.labels = map_or_empty(r ? r->find("labels") : nullptr);
        pod.annotations = map_or_empty(r ? r->find("annotations") : nullptr);
        spark_pod(pod, role);
        pods.push_back(std::move(pod));
      }
    }
  }
  return pods;
}

namespace {

namespace fs = std::filesystem;

// The chart a dependency alias stands for: the name of the dependency of the chart in `dir`
// (Chart.yaml, or requirements.yaml of apiVersion v1) whose alias is `alias`; "" when none.
std::string aliased_chart(const fs::path& dir, const std::string& alias) {
  for (const char* file : {"Chart.yaml", "requirements.yaml"}) {
    std::ifstream in(dir / file, std::ios::binary);
    if (!in) continue;
    std::stringstream ss;
    ss << in.rdbuf();
    try {
      Value doc = yaml::load(ss.str(), file);
      const Value* deps = doc.is_map() ? doc.find("dependencies") : nullptr;
      if (!deps || !deps->is_list()) continue;
      for (const auto& d : deps->as_list()) {
        if (string_at(d, "alias") == alias) return string_at(d, "name");
      }
    } catch (const std::exception&) {
      // chart-yaml-invalid reports it.
    }
  }
  return "";
}

// The directory under `charts` that holds the chart named `name`: charts/NAME, or the one
// whose Chart.yaml says so; "" when none does (a .tgz subchart).
std::string chart_dir(const fs::path& charts, const std::string& name) {
  std::error_code ec;
  if (fs::is_directory(charts / name, ec)) return name;
  for (const auto& e : fs::directory_iterator(charts, ec)) {
    if (!e.is_directory(ec)) continue;
    std::ifstream in(e.path() / "Chart.yaml", std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    try {
      if (Value doc = yaml::load(ss.str(), "Chart.yaml"); string_at(doc, "name") == name) {
        return e.path().filename().string();
      }
    } catch (const std::exception&) {
    }
  }
  return "";
}

}  // namespace

std::string template_file(const std::string& root, const std::string& rel) {
  std::string base, rest = rel;
  while (rest.starts_with("charts/")) {
    size_t end = rest.find('/', 7);
    if (end == std::string::npos) break;
    std::string seg = rest.substr(7, end - 7);
    std::error_code ec;
    std::string dir = seg;
    if (!fs::is_directory(fs::path(root) / base / "charts" / seg, ec)) {
      std::string name = aliased_chart(fs::path(root) / base, seg);
      dir = name.empty() ? "" : chart_dir(fs::path(root) / base / "charts", name);
      if (dir.empty()) return rel;
    }
    base += "charts/" + dir + "/";
    rest = rest.substr(end + 1);
  }
  return base + rest;
}

namespace {

// "group/version" and "group/version/Kind" of every served version of the
// CustomResourceDefinitions in `files`, as Helm's --api-versions takes them.
std::vector<std::string> crd_api_versions(const std::vector<std::string>& files) {
  std::vector<std::string> out;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::vector<Value> docs;
    try {
      docs = yaml::load_all(ss.str(), f);
    } catch (const std::exception&) {
      continue;  // k8s-schema reports a CRD file it cannot read
    }
    for (const auto& d : docs) {
      if (string_at(d, "kind") != "CustomResourceDefinition") continue;
      const Value* spec = d.find("spec");
      if (!spec) continue;
      std::string group = string_at(*spec, "group");
      const Value* names = spec->find("names");
      std::string kind = names ? string_at(*names, "kind") : "";
      const Value* versions = spec->find("versions");
      if (group.empty() || !versions || !versions->is_list()) continue;
      for (const auto& v : versions->as_list()) {
        const Value* served = v.find("served");
        if (served && served->is_bool() && !served->as_bool()) continue;
        std::string gv = group + "/" + string_at(v, "name");
        out.push_back(gv);
        if (!kind.empty()) out.push_back(gv + "/" + kind);
      }
    }
  }
  return out;
}

}  // namespace

std::optional<std::vector<RenderedObject>> render_objects(Context& ctx) {
  std::vector<std::pair<std::string, std::string>> rendered;
  std::shared_ptr<chart::Chart> c;
  try {
    c = chart::load_chart(ctx.dir());
  } catch (const std::exception& e) {
    // The chart group has already said why, unless the cause is one it does not check.
    if (ctx.errors_with_prefix("chart-") == 0) ctx.report("template-render-error", e.what(), "Chart.yaml", 0, 0);
    return std::nullopt;
  }
  try {
    Value user = chart::merge_user_values(ctx.options().values);
    chart::TemplateOptions to;
    to.release_name = ctx.options().release_name;
    to.namespace_ = ctx.options().namespace_;
    if (!ctx.options().kube_version.empty()) to.kube_version = normalize_kube_version(ctx.options().kube_version);
    // The cluster serves the custom resources of the --crd files, so templates that check
    // .Capabilities.APIVersions for them (ServiceMonitors, SparkApplications) render them.
    to.api_versions = crd_api_versions(ctx.options().crds);
    Value top = chart::make_render_values(*c, user, to);
    rendered = chart::render_templates(*c, top);
  } catch (const std::exception& e) {
    report_render_error(ctx, e.what());
    return std::nullopt;
  }
  for (auto& [name, text] : rendered) {
    size_t slash = name.find('/');
    if (slash != std::string::npos) name = name.substr(0, slash + 1) + template_file(ctx.dir(), name.substr(slash + 1));
  }
  ctx.set_manifests(rendered);
  std::vector<RenderedObject> out;
  for (const auto& [name, text] : rendered) {
    // "chart/templates/x.yaml" -> "templates/x.yaml"; subcharts keep "charts/sub/...".
    size_t slash = name.find('/');
    std::string rel = slash == std::string::npos ? name : name.substr(slash + 1);
    if (rel.ends_with("NOTES.txt")) continue;
    auto docs = split_documents(text);
    std::map<std::string, size_t> per_kind;
    for (size_t i = 0; i < docs.size(); ++i) {
      Value doc;
      try {
        doc = yaml::load(docs[i], rel);
      } catch (const std::exception&) {
        continue;  // not YAML: template-invalid-yaml reports it
      }
      if (!doc.is_map()) continue;
      RenderedObject o;
      const Value* md = doc.find("metadata");
      o.api_version = string_at(doc, "apiVersion");
      o.kind = string_at(doc, "kind");
      o.name = md ? string_at(*md, "name") : "";
      o.namespace_ = md ? string_at(*md, "namespace") : "";
      o.rel = rel;
      o.doc_index = i;
      o.kind_index = per_kind[o.kind]++;
      o.disabled = disabled_by_annotation(doc);
      o.doc = std::move(doc);
      out.push_back(std::move(o));
      const RenderedObject& list = out.back();
      if (!is_list_object(list)) continue;
      const Value* items = list.doc.find("items");
      if (!items || !items->is_list()) continue;
      // Copied out first: pushing the items may move the List.
      std::vector<Value> copies = items->as_list();
      RenderedObject proto;
      proto.rel = list.rel;
      proto.doc_index = list.doc_index;
      proto.kind_index = list.kind_index;
      proto.list_kind = list.kind;
      for (size_t j = 0; j < copies.size(); ++j) {
        if (!copies[j].is_map()) continue;  // not an object: nothing to check as one
        RenderedObject item = proto;
        const Value* imd = copies[j].find("metadata");
        item.api_version = string_at(copies[j], "apiVersion");
        item.kind = string_at(copies[j], "kind");
        item.name = imd ? string_at(*imd, "name") : "";
        item.namespace_ = imd ? string_at(*imd, "namespace") : "";
        item.base = {"items", std::to_string(j)};
        item.disabled = disabled_by_annotation(copies[j]);
        item.doc = std::move(copies[j]);
        out.push_back(std::move(item));
      }
    }
  }
  return out;
}

// --- Tracing a field to its template line ---------------------------------------------------

namespace {

struct SrcLine {
  int number;        // 1-based line in the file
  std::string text;
};

// The `---` section of the template that most likely produced `o`: the one its document
// index names when the template's sections line up with the output, else the kind_index-th
// section that writes `kind: Kind`.
std::vector<SrcLine> template_section(const std::string& text, const RenderedObject& o) {
  std::vector<std::vector<SrcLine>> sections(1);
  int ln = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    std::string line = text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    pos = nl == std::string::npos ? text.size() : nl + 1;
    ++ln;
    if (line == "---" || line.starts_with("--- ")) {
      sections.emplace_back();
    } else {
      sections.back().push_back({ln, line});
    }
  }
  // An item of a List lies in the List's section.
  const std::string& kind = o.list_kind.empty() ? o.kind : o.list_kind;
  auto writes_kind = [&](const std::vector<SrcLine>& s) {
    for (const auto& l : s) {
      std::string_view t(l.text);
      size_t b = t.find_first_not_of(' ');
      if (b == 0 && t.substr(0, 5) == "kind:") {
        std::string_view v = t.substr(5);
        v.remove_prefix(std::min(v.find_first_not_of(" "), v.size()));
        return v == kind || v.find("{{") != std::string_view::npos;
      }
    }
    return false;
  };
  std::vector<size_t> candidates;
  for (size_t i = 0; i < sections.size(); ++i) {
    if (writes_kind(sections[i])) candidates.push_back(i);
  }
  if (candidates.empty()) {
    return o.doc_index < sections.size() ? sections[o.doc_index] : sections.front();
  }
  return sections[candidates[std::min(o.kind_index, candidates.size() - 1)]];
}

// The column of the first character of `l` that is not a space, or npos for a blank line.
size_t indent_of(std::string_view l) { return l.find_first_not_of(' '); }

// Lines that do not take part in the YAML structure: blank, comments, template actions alone.
bool transparent(std::string_view l) {
  size_t b = l.find_first_not_of(" \t");
  if (b == std::string_view::npos) return true;
  l.remove_prefix(b);
  if (l.starts_with("#")) return true;
  if (l.starts_with("{{")) {
    size_t end = l.rfind("}}");
    return end != std::string_view::npos && end + 2 == l.size() && l.find("}}") == end;
  }
  return false;
}

// The column where a key `key:` starts in `l` at or after `from`, when the key (plain or
// quoted) is the first thing there; npos otherwise.
size_t key_at(std::string_view l, size_t from, const std::string& key) {
  if (from >= l.size()) return std::string_view::npos;
  std::string_view rest = l.substr(from);
  for (const std::string& form : {key + ":", "\"" + key + "\":", "'" + key + "':"}) {
    if (rest.starts_with(form) && (rest.size() == form.size() || rest[form.size()] == ' ')) return from;
  }
  return std::string_view::npos;
}

}  // namespace

yaml::Mark locate_field(Context& ctx, const RenderedObject& o, const FieldPath& field) {
  // The path from the top of the template's document: an item of a List sits below items.
  FieldPath path = o.base;
  path.insert(path.end(), field.begin(), field.end());
  auto text = ctx.read(o.rel);
  if (!text) return {};
  std::vector<SrcLine> lines = template_section(*text, o);
  if (lines.empty()) return {};
  // The node found so far: its line (index into `lines`) and the column its children must be
  // indented beyond (-1: the document root). `same_line_col` is where a child may sit on the
  // node's own line (after a list dash).
  size_t node = 0;
  long child_min = -1;   // children start at a column > child_min
  size_t same_line = std::string::npos;
  bool at_root = true;
  yaml::Mark found{lines.front().number, 1};
  // Points at the object itself: the kind line when the path is empty.
  bool kind_line = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].text.starts_with("kind:")) {
      found = {lines[i].number, 1};
      kind_line = true;
      break;
    }
  }
  // An object an include writes whole ({{ include "x.deployment" . }}) is found at that line,
  // not at the first line of its section (often an `if` or a variable holding a raw string).
  for (size_t i = 0; i < lines.size() && !kind_line; ++i) {
    std::string_view l = lines[i].text;
    size_t b = l.find_first_not_of(" \t");
    if (b == std::string_view::npos || !l.substr(b).starts_with("{{")) continue;
    size_t w = l.find_first_not_of("{- \t", b);
    if (w == std::string_view::npos) continue;
    std::string_view word = l.substr(w);
    if (word.starts_with("include ") || word.starts_with("template ") || word.starts_with("tpl ")) {
      found = {lines[i].number, static_cast<int>(b) + 1};
      break;
    }
  }
  for (const std::string& part : path) {
    bool matched = false;
    if (is_index(part)) {
      // The n-th list item below the node: "- " at a column >= the node's key column.
      size_t want = std::stoul(part), seen = 0;
      size_t first_item = std::string::npos, first_col = 0;
      for (size_t i = at_root ? 0 : node + 1; i < lines.size(); ++i) {
        std::string_view l = lines[i].text;
        if (transparent(l)) continue;
        size_t ind = indent_of(l);
        if (static_cast<long>(ind) < child_min || (static_cast<long>(ind) == child_min && l[ind] != '-')) break;
        if (l[ind] == '-' && (l.size() == ind + 1 || l[ind + 1] == ' ')) {
          if (first_item == std::string::npos) {
            first_item = i;
            first_col = ind;
          }
          if (ind != first_col) continue;
          if (seen++ == want) {
            first_item = i;
            break;
          }
        }
      }
      if (first_item != std::string::npos) {
        // Past the last written item (a range loop writes one), the first one stands for all.
        node = first_item;
        size_t dash = indent_of(lines[node].text);
        size_t content = lines[node].text.find_first_not_of(' ', dash + 1);
        child_min = static_cast<long>(dash);
        same_line = content;
        at_root = false;
        found = {lines[node].number, static_cast<int>(dash) + 1};
        matched = true;
      }
    } else {
      size_t hit_line = std::string::npos, hit_col = 0;
      if (same_line != std::string::npos && key_at(lines[node].text, same_line, part) != std::string::npos) {
        hit_line = node;
        hit_col = same_line;
      } else {
        long key_col = -1;  // the column of the node's direct children, once seen
        for (size_t i = at_root ? 0 : node + 1; i < lines.size(); ++i) {
          std::string_view l = lines[i].text;
          if (transparent(l)) continue;
          size_t ind = indent_of(l);
          if (static_cast<long>(ind) <= child_min) {
            // A sibling list item or a key of an outer map ends the node, except for a list
            // item's own keys that sit at its content column.
            if (!(same_line != std::string::npos && static_cast<long>(ind) > child_min)) break;
          }
          if (same_line != std::string::npos && ind < same_line) break;
          if (key_col >= 0 && static_cast<long>(ind) < key_col) break;
          if (key_col < 0) key_col = static_cast<long>(ind);
          if (static_cast<long>(ind) != key_col) continue;
          if (key_at(l, ind, part) != std::string::npos) {
            hit_line = i;
            hit_col = ind;
            break;
          }
        }
      }
      if (hit_line != std::string::npos) {
        node = hit_line;
        child_min = static_cast<long>(hit_col);
        same_line = std::string::npos;
        at_root = false;
        found = {lines[node].number, static_cast<int>(hit_col) + 1};
        matched = true;
        // A block scalar ("key: |") holds embedded YAML (a pod template file): its lines are
        // the children, indented beyond the key.
      }
    }
    if (!matched) break;
  }
  return found;
}

yaml::Mark locate_in_block(Context& ctx, const RenderedObject& o, const FieldPath& path, bool from_field_line,
                           const std::function<size_t(std::string_view line)>& match) {
  yaml::Mark m = locate_field(ctx, o, path);
  auto text = m.line > 0 ? ctx.read(o.rel) : std::nullopt;
  if (!text) return m;
  // The block (a block scalar, or a quoted string over several lines) ends at the first line
  // below the field that is not indented beyond the field's key.
  size_t field_col = m.col > 0 ? static_cast<size_t>(m.col - 1) : 0;
  int ln = 0;
  size_t pos = 0;
  while (pos < text->size()) {
    size_t nl = text->find('\n', pos);
    std::string_view line(text->data() + pos, (nl == std::string::npos ? text->size() : nl) - pos);
    pos = nl == std::string::npos ? text->size() : nl + 1;
    ++ln;
    if (ln < m.line || (ln == m.line && !from_field_line)) continue;
    size_t ind = line.find_first_not_of(' ');
    if (ln > m.line && ind != std::string_view::npos && ind <= field_col) break;
    size_t col = match(line);
    if (col != std::string_view::npos) return {ln, static_cast<int>(col) + 1};
  }
  return m;
}

// --- Quantities --------------------------------------------------------------------------

std::optional<double> parse_quantity(std::string_view s) {
  // Kubernetes' resource.Quantity grammar: a signed decimal number, then an optional binary
  // suffix (Ki..Ei), decimal suffix (n, u, m, "", k, M..E) or a decimal exponent (e3, E-2).
  static const RE2 re("([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?");
  std::string num, suffix;
  if (!RE2::FullMatch(s, re, &num, &suffix)) return std::nullopt;
  double v = std::strtod(num.c_str(), nullptr);
  static const std::pair<const char*, double> table[] = {
      {"Ki", 1024.0}, {"Mi", std::pow(1024.0, 2)}, {"Gi", std::pow(1024.0, 3)},
      {"Ti", std::pow(1024.0, 4)}, {"Pi", std::pow(1024.0, 5)}, {"Ei", std::pow(1024.0, 6)},
      {"n", 1e-9}, {"u", 1e-6}, {"m", 1e-3}, {"k", 1e3}, {"M", 1e6}, {"G", 1e9},
      {"T", 1e12}, {"P", 1e15}, {"E", 1e18}};
  if (suffix.empty()) return v;
  for (const auto& [name, mult] : table) {
    if (suffix == name) return v * mult;
  }
  return v * std::pow(10.0, std::strtod(suffix.c_str() + 1, nullptr));
}

std::optional<double> quantity_of(const Value& v) {
  if (v.is_string()) return parse_quantity(v.as_string());
  if (v.is_integer()) return static_cast<double>(v.as_int());
  if (v.is_float()) return v.as_float();
  return std::nullopt;
}

}  // namespace sparkc::validate::detail
