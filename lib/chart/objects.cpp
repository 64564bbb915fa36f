// The host objects templates reach: .Chart, .Capabilities and .Files, with the fields and
// methods Helm's Go types have.
#include <algorithm>

#include "chart/path_match.h"
#include "chart/values_internal.h"
#include "sparkc/yaml.h"
#include "template/go_fmt.h"

namespace sparkc::chart {
namespace {

using gotmpl::Function;
using gotmpl::Param;
using gotmpl::Signature;

// Encodes bytes as standard base64 (Go's base64.StdEncoding).
std::string base64(std::string_view in) {
  static const char* tbl = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    unsigned v = (unsigned char)in[i] << 16 | (unsigned char)in[i + 1] << 8 | (unsigned char)in[i + 2];
    out += tbl[v >> 18], out += tbl[(v >> 12) & 63], out += tbl[(v >> 6) & 63], out += tbl[v & 63];
  }
  if (i + 1 == in.size()) {
    unsigned v = (unsigned char)in[i] << 16;
    out += tbl[v >> 18], out += tbl[(v >> 12) & 63], out += "==";
  } else if (i + 2 == in.size()) {
    unsigned v = (unsigned char)in[i] << 16 | (unsigned char)in[i + 1] << 8;
    out += tbl[v >> 18], out += tbl[(v >> 12) & 63], out += tbl[(v >> 6) & 63], out += '=';
  }
  return out;
}

std::string base_name(const std::string& p) {
  size_t slash = p.rfind('/');
  return slash == std::string::npos ? p : p.substr(slash + 1);
}

// Helm's engine.toYAML: yaml.Marshal with the final newline trimmed.
std::string to_yaml_trimmed(const Value& v) {
  std::string out = yaml::to_yaml(v);
  if (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

// Helm's engine.files (map[string][]byte) and its methods.
class FilesObject : public gotmpl::MethodObject {
 public:
  explicit FilesObject(Map files) : files_(std::move(files)) { init_methods(); }

  std::string go_type_name() const override { return "engine.files"; }
  std::string kind_name() const override { return "map"; }
  std::optional<Value> field(std::string_view name) const override {
    if (name == "AsConfig") return Value(as_config());
    if (name == "AsSecrets") return Value(as_secrets());
    return std::nullopt;
  }
  const Function* method(std::string_view name) const override {
    for (const auto& m : methods_)
      if (m.name == name) return &m;
    return nullptr;
  }
  std::string print() const override { return gotmpl::go_print_value(Value::map(files_, ElemType::Bytes)); }
  Value to_data() const override { return Value::map(files_, ElemType::Bytes); }

 private:
  Map files_;
  std::vector<Function> methods_;

  std::string get(const std::string& name) const {
    auto it = files_.find(name);
    return it == files_.end() ? "" : it->second.as_string();
  }
  std::string as_config() const {
    if (files_.empty()) return "";
    Map m;
    for (const auto& [k, v] : files_) m.insert_or_assign(base_name(k), Value(v.as_string()));
    return to_yaml_trimmed(Value::map(std::move(m), ElemType::String));
  }
  std::string as_secrets() const {
    if (files_.empty()) return "";
    Map m;
    for (const auto& [k, v] : files_) m.insert_or_assign(base_name(k), Value(base64(v.as_string())));
    return to_yaml_trimmed(Value::map(std::move(m), ElemType::String));
  }

  void init_methods() {
    auto str = [](std::span<const Value> a) { return a[0].as_string(); };
    methods_.push_back({"Get", Signature{{Param::String}}, [this, str](gotmpl::CallContext&, std::span<const Value> a) {
                          return Value(get(str(a)));
                        }});
    methods_.push_back({"GetBytes", Signature{{Param::String}}, [this, str](gotmpl::CallContext&, std::span<const Value> a) {
                          auto it = files_.find(str(a));
                          return it == files_.end() ? Value::bytes("") : Value::bytes(it->second.as_string());
                        }});
    methods_.push_back({"Glob", Signature{{Param::String}}, [this, str](gotmpl::CallContext&, std::span<const Value> a) {
                          Map out;
                          for (const auto& [k, v] : files_)
                            if (glob_match(str(a), k)) out.emplace(k, v);
                          return Value(std::shared_ptr<Object>(std::make_shared<FilesObject>(std::move(out))));
                        }});
    methods_.push_back({"Lines", Signature{{Param::String}}, [this, str](gotmpl::CallContext&, std::span<const Value> a) {
                          List lines;
                          auto it = files_.find(str(a));
                          if (it == files_.end()) return Value::list({}, ElemType::String);
                          std::string s = it->second.as_string();
                          if (!s.empty() && s.back() == '\n') s.pop_back();
                          size_t start = 0;
                          for (;;) {
                            size_t nl = s.find('\n', start);
                            lines.emplace_back(s.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
                            if (nl == std::string::npos) break;
                            start = nl + 1;
                          }
                          return Value::list(std::move(lines), ElemType::String);
                        }});
    methods_.push_back({"AsConfig", Signature{}, [this](gotmpl::CallContext&, std::span<const Value>) {
                          return Value(as_config());
                        }});
    methods_.push_back({"AsSecrets", Signature{}, [this](gotmpl::CallContext&, std::span<const Value>) {
                          return Value(as_secrets());
                        }});
  }
};

// The struct Helm passes as .Chart: chart.Metadata plus IsRoot.
class ChartObject : public Object {
 public:
  ChartObject(Map fields, Value data) : fields_(std::move(fields)), data_(std::move(data)) {}
  std::string go_type_name() const override { return "struct { chart.Metadata; IsRoot bool }"; }
  std::string kind_name() const override { return "struct"; }
  std::optional<Value> field(std::string_view name) const override {
    auto it = fields_.find(name);
    if (it == fields_.end()) return std::nullopt;
    return it->second;
  }
  std::string print() const override {
    static const char* order[] = {"Name", "Home", "Sources", "Version", "Description", "Keywords",
                                  "Maintainers", "Icon", "APIVersion", "Condition", "Tags",
                                  "AppVersion", "Deprecated", "Annotations", "KubeVersion",
                                  "Dependencies", "Type"};
    std::string out = "{{";
    for (size_t i = 0; i < std::size(order); ++i) {
      if (i) out += ' ';
      out += gotmpl::go_print_value(fields_.at(order[i]));
    }
    out += "} ";
    out += fields_.at("IsRoot").as_bool() ? "true" : "false";
    return out + "}";
  }
  Value to_data() const override { return data_; }
  bool equals(const Object& other) const override { return this == &other; }

 private:
  Map fields_;
  Value data_;
};

Value string_list(const Value* v) {
  List out;
  if (v && v->is_list())
    for (const auto& e : v->as_list())
      if (e.is_string()) out.push_back(e);
  return Value::list(std::move(out), ElemType::String);
}

std::string string_of(const Value& raw, const char* key) {
  const Value* v = raw.find(key);
  return v && v->is_string() ? v->as_string() : "";
}

// Helm's chartutil.KubeVersion: Version, Major, Minor, and String()/GitVersion().
class KubeVersionObject : public Object {
 public:
  explicit KubeVersionObject(const Capabilities& c) : c_(c) {}
  std::string go_type_name() const override { return "chartutil.KubeVersion"; }
  std::string kind_name() const override { return "struct"; }
  std::optional<Value> field(std::string_view name) const override {
    if (name == "Version" || name == "String" || name == "GitVersion") return Value(c_.kube_version);
    if (name == "Major") return Value(c_.kube_major);
    if (name == "Minor") return Value(c_.kube_minor);
    return std::nullopt;
  }
  std::string print() const override { return c_.kube_version; }
  Value to_data() const override {
    return Value::map(Map{{"Major", Value(c_.kube_major)}, {"Minor", Value(c_.kube_minor)},
                          {"Version", Value(c_.kube_version)}});
  }

 private:
  Capabilities c_;
};

// chartutil.VersionSet: a []string with Has.
class VersionSetObject : public gotmpl::MethodObject {
 public:
  explicit VersionSetObject(std::vector<std::string> v) : versions_(std::move(v)) {
    has_ = {"Has", Signature{{Param::String}}, [this](gotmpl::CallContext&, std::span<const Value> a) {
              return Value(std::find(versions_.begin(), versions_.end(), a[0].as_string()) != versions_.end());
            }};
  }
  std::string go_type_name() const override { return "chartutil.VersionSet"; }
  std::string kind_name() const override { return "slice"; }
  std::optional<Value> field(std::string_view) const override { return std::nullopt; }
  const Function* method(std::string_view name) const override { return name == "Has" ? &has_ : nullptr; }
  std::string print() const override { return gotmpl::go_print_value(to_data()); }
  Value to_data() const override {
    List l(versions_.begin(), versions_.end());
    return Value::list(std::move(l), ElemType::String);
  }

 private:
  std::vector<std::string> versions_;
  Function has_;
};

class HelmVersionObject : public Object {
 public:
  std::string go_type_name() const override { return "version.BuildInfo"; }
  std::string kind_name() const override { return "struct"; }
  std::optional<Value> field(std::string_view name) const override {
    if (name == "Version") return Value("v3.19.0");
    if (name == "GitCommit" || name == "GitTreeState") return Value("");
    if (name == "GoVersion") return Value("go1.24");
    return std::nullopt;
  }
  std::string print() const override { return "{v3.19.0   go1.24}"; }
  Value to_data() const override {
    return Value::map(Map{{"version", Value("v3.19.0")}, {"go_version", Value("go1.24")}});
  }
};

class CapabilitiesObject : public Object {
 public:
  explicit CapabilitiesObject(const Capabilities& c)
      : kube_(std::make_shared<KubeVersionObject>(c)),
        apis_(std::make_shared<VersionSetObject>(c.api_versions)),
        helm_(std::make_shared<HelmVersionObject>()) {}
  std::string go_type_name() const override { return "*chartutil.Capabilities"; }
  std::optional<Value> field(std::string_view name) const override {
    if (name == "KubeVersion") return Value(std::shared_ptr<Object>(kube_));
    if (name == "APIVersions") return Value(std::shared_ptr<Object>(apis_));
    if (name == "HelmVersion") return Value(std::shared_ptr<Object>(helm_));
    return std::nullopt;
  }
  std::string print() const override {
    return "&{" + kube_->print() + " " + apis_->print() + " " + helm_->print() + "}";
  }
  Value to_data() const override {
    return Value::map(Map{{"KubeVersion", kube_->to_data()},
                          {"APIVersions", apis_->to_data()},
                          {"HelmVersion", helm_->to_data()}});
  }

 private:
  std::shared_ptr<KubeVersionObject> kube_;
  std::shared_ptr<VersionSetObject> apis_;
  std::shared_ptr<HelmVersionObject> helm_;
};

}  // namespace

Value make_files_object(const std::vector<File>& files) {
  Map m;
  for (const auto& f : files) m.insert_or_assign(f.name, Value::bytes(f.data));
  return Value(std::shared_ptr<Object>(std::make_shared<FilesObject>(std::move(m))));
}

Value make_chart_object(const Chart& chart) {
  const Value& raw = chart.metadata.raw;
  const Metadata& md = chart.metadata;
  Map f;
  f["Name"] = Value(md.name);
  f["Home"] = Value(string_of(raw, "home"));
  f["Sources"] = string_list(raw.find("sources"));
  f["Version"] = Value(md.version);
  f["Description"] = Value(string_of(raw, "description"));
  f["Keywords"] = string_list(raw.find("keywords"));
  List maintainers;
  if (const Value* ms = raw.find("maintainers"); ms && ms->is_list())
    for (const auto& m : ms->as_list())
      maintainers.push_back(Value::map(Map{{"Name", Value(string_of(m, "name"))},
                                           {"Email", Value(string_of(m, "email"))},
                                           {"URL", Value(string_of(m, "url"))}}));
  f["Maintainers"] = Value::list(std::move(maintainers));
  f["Icon"] = Value(string_of(raw, "icon"));
  f["APIVersion"] = Value(md.api_version);
  f["Condition"] = Value(string_of(raw, "condition"));
  f["Tags"] = Value(string_of(raw, "tags"));
  f["AppVersion"] = Value(md.app_version);
  const Value* dep = raw.find("deprecated");
  f["Deprecated"] = Value(dep && dep->is_bool() && dep->as_bool());
  Map annotations;
  if (const Value* a = raw.find("annotations"); a && a->is_map())
    for (const auto& [k, v] : a->as_map())
      if (v.is_string()) annotations.emplace(k, v);
  f["Annotations"] = Value::map(annotations, ElemType::String);
  f["KubeVersion"] = Value(md.kube_version);
  List deps;
  for (const auto& d : md.dependencies) {
    List tags(d.tags.begin(), d.tags.end());
    deps.push_back(Value::map(Map{{"Name", Value(d.name)},
                                  {"Version", Value(d.version)},
                                  {"Repository", Value(d.repository)},
                                  {"Condition", Value(d.condition)},
                                  {"Tags", Value::list(std::move(tags), ElemType::String)},
                                  {"Enabled", Value(d.enabled)},
                                  {"ImportValues", Value::list(d.import_values)},
                                  {"Alias", Value(d.alias)}}));
  }
  f["Dependencies"] = Value::list(std::move(deps));
  f["Type"] = Value(md.type);
  f["IsRoot"] = Value(chart.is_root());

  // What toYaml/toJson of .Chart print: Metadata's JSON fields (omitempty) and IsRoot.
  Map data;
  static const std::pair<const char*, const char*> json_keys[] = {
      {"name", "Name"}, {"home", "Home"}, {"sources", "Sources"}, {"version", "Version"},
      {"description", "Description"}, {"keywords", "Keywords"}, {"icon", "Icon"},
      {"apiVersion", "APIVersion"}, {"condition", "Condition"}, {"tags", "Tags"},
      {"appVersion", "AppVersion"}, {"deprecated", "Deprecated"}, {"annotations", "Annotations"},
      {"kubeVersion", "KubeVersion"}, {"type", "Type"}};
  for (const auto& [json, go] : json_keys) {
    const Value& v = f[go];
    bool empty = (v.is_string() && v.as_string().empty()) || (v.is_list() && v.as_list().empty()) ||
                 (v.is_map() && v.as_map().empty()) || (v.is_bool() && !v.as_bool());
    if (!empty) data.emplace(json, v);
  }
  if (const Value* ms = raw.find("maintainers"); ms && ms->is_list() && !ms->as_list().empty())
    data.emplace("maintainers", *ms);
  if (const Value* ds = raw.find("dependencies"); ds && ds->is_list() && !ds->as_list().empty())
    data.emplace("dependencies", *ds);
  data.emplace("IsRoot", Value(chart.is_root()));
  return Value(std::shared_ptr<Object>(std::make_shared<ChartObject>(std::move(f), Value::map(std::move(data)))));
}

Capabilities default_capabilities() {
  Capabilities c;
  // The group/versions a Kubernetes 1.34 client knows, plus the CRD API, as Helm's
  // DefaultVersionSet lists them.
  c.api_versions = {
      "v1", "admissionregistration.k8s.io/v1", "admissionregistration.k8s.io/v1beta1",
      "admissionregistration.k8s.io/v1alpha1", "apiextensions.k8s.io/v1", "apiextensions.k8s.io/v1beta1",
      "apps/v1", "apps/v1beta2", "apps/v1beta1", "authentication.k8s.io/v1",
      "authentication.k8s.io/v1beta1", "authentication.k8s.io/v1alpha1", "authorization.k8s.io/v1",
      "authorization.k8s.io/v1beta1", "autoscaling/v1", "autoscaling/v2", "autoscaling/v2beta2",
      "autoscaling/v2beta1", "batch/v1", "batch/v1beta1", "certificates.k8s.io/v1",
      "certificates.k8s.io/v1beta1", "certificates.k8s.io/v1alpha1", "coordination.k8s.io/v1",
      "coordination.k8s.io/v1beta1", "coordination.k8s.io/v1alpha2", "discovery.k8s.io/v1",
      "discovery.k8s.io/v1beta1", "events.k8s.io/v1", "events.k8s.io/v1beta1", "extensions/v1beta1",
      "flowcontrol.apiserver.k8s.io/v1", "flowcontrol.apiserver.k8s.io/v1beta3",
      "flowcontrol.apiserver.k8s.io/v1beta2", "flowcontrol.apiserver.k8s.io/v1beta1",
      "internal.apiserver.k8s.io/v1alpha1", "networking.k8s.io/v1", "networking.k8s.io/v1beta1",
      "node.k8s.io/v1", "node.k8s.io/v1beta1", "node.k8s.io/v1alpha1", "policy/v1", "policy/v1beta1",
      "rbac.authorization.k8s.io/v1", "rbac.authorization.k8s.io/v1beta1",
      "rbac.authorization.k8s.io/v1alpha1", "resource.k8s.io/v1", "resource.k8s.io/v1beta2",
      "resource.k8s.io/v1beta1", "resource.k8s.io/v1alpha3", "scheduling.k8s.io/v1",
      "scheduling.k8s.io/v1beta1", "scheduling.k8s.io/v1alpha1", "storage.k8s.io/v1",
      "storage.k8s.io/v1beta1", "storage.k8s.io/v1alpha1", "storagemigration.k8s.io/v1alpha1"};
  return c;
}

Value make_capabilities_object(const Capabilities& caps) {
  return Value(std::shared_ptr<Object>(std::make_shared<CapabilitiesObject>(caps)));
}

}  // namespace sparkc::chart
