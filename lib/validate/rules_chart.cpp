// The chart group: what helm lint checks in Chart.yaml, charts/, templates/ and values.yaml.
#include <re2/re2.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "sparkc/functions.h"
#include "validate/deprecated_apis.h"
#include "validate/chart_files.h"
#include "validate/rules.h"

namespace sparkc::validate::detail {
namespace {
namespace fs = std::filesystem;

// A loaded Chart.yaml, or nothing when it is missing or broken (already reported).
struct ChartFile {
  yaml::Located doc;
  std::string text;
};

// The position of a top-level field's value, or the whole file when it is absent.
yaml::Mark field_mark(const ChartFile& cf, const std::string& path) {
  auto it = cf.doc.positions.find(path);
  return it == cf.doc.positions.end() ? yaml::Mark{} : it->second;
}

std::string field(const ChartFile& cf, const char* key) {
  const Value* v = cf.doc.value.find(key);
  return v && v->is_string() ? v->as_string() : "";
}

std::optional<ChartFile> load_chart_file(Context& ctx) {
  auto text = ctx.read("Chart.yaml");
  if (!text) {
    ctx.report("chart-yaml-invalid", "Chart.yaml file is missing", "Chart.yaml", 0, 0, "",
               "create Chart.yaml with apiVersion, name and version");
    return std::nullopt;
  }
  try {
    ChartFile cf{yaml::load_located(*text, "Chart.yaml"), *text};
    if (!cf.doc.value.is_map()) {
      ctx.report("chart-yaml-invalid", "Chart.yaml is not a mapping", "Chart.yaml", 1, 1);
      return std::nullopt;
    }
    return cf;
  } catch (const yaml::YamlError& e) {
    ctx.report("chart-yaml-invalid", e.what(), "Chart.yaml", e.line, e.col);
    return std::nullopt;
  }
}

void check_api_version(Context& ctx, const ChartFile& cf) {
  std::string v = field(cf, "apiVersion");
  auto m = field_mark(cf, "apiVersion");
  if (v.empty()) {
    ctx.report("chart-api-version", "apiVersion is required", "Chart.yaml", m.line, m.col,
               "apiVersion", "add `apiVersion: v2`");
  } else if (v != "v1" && v != "v2") {
    ctx.report("chart-api-version", "apiVersion \"" + v + "\" is not valid: the value must be either \"v1\" or \"v2\"",
               "Chart.yaml", m.line, m.col, "apiVersion", "use `apiVersion: v2`");
  } else if (v == "v1") {
    // Chart.yaml fields Helm 3 added with apiVersion v2; a v1 chart keeps them in
    // requirements.yaml or has none.
    for (const char* key : {"dependencies", "type"}) {
      const Value* f = cf.doc.value.find(key);
      if (!f || f->is_nil()) continue;
      auto fm = field_mark(cf, key);
      fm = key_mark(cf.text, fm, key);
      ctx.report("chart-api-version", std::string(key) + " is not valid in a chart with apiVersion \"v1\"",
                 "Chart.yaml", fm.line, fm.col, key, "use `apiVersion: v2`");
    }
  }
}

void check_name(Context& ctx, const ChartFile& cf) {
  static const RE2 valid("[A-Za-z0-9._-]+");
  std::string name = field(cf, "name");
  auto m = field_mark(cf, "name");
  if (name.empty()) {
    ctx.report("chart-name", "name is required", "Chart.yaml", m.line, m.col, "name");
  } else if (!RE2::FullMatch(name, valid)) {
    ctx.report("chart-name", "chart name \"" + name + "\" is invalid", "Chart.yaml", m.line, m.col,
               "name", "use lower-case letters, digits and dashes");
  }
}

void check_version(Context& ctx, const ChartFile& cf) {
  // Masterminds/semver's NewVersion, which Helm uses: "v" prefix and missing minor or patch
  // are accepted.
  static const RE2 semver(
      "v?[0-9]+(\\.[0-9]+)?(\\.[0-9]+)?"
      "(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?");
  const Value* v = cf.doc.value.find("version");
  auto m = field_mark(cf, "version");
  if (!v || v->is_nil() || (v->is_string() && v->as_string().empty())) {
    ctx.report("chart-version-semver", "version is required", "Chart.yaml", m.line, m.col, "version",
               "add `version: 0.1.0`");
  } else if (!v->is_string()) {
    ctx.report("chart-version-semver", "version must be a string", "Chart.yaml", m.line, m.col,
               "version", "quote the version: `version: \"1.0.0\"`");
  } else if (!RE2::FullMatch(v->as_string(), semver)) {
    ctx.report("chart-version-semver", "version \"" + v->as_string() + "\" is not a valid SemVer",
               "Chart.yaml", m.line, m.col, "version", "write it as MAJOR.MINOR.PATCH");
  }
}

// chart-version-strict-semver: Helm packages and installs "1.2" or "v1.2.3", but OCI
// registries, chart repositories and dependency ranges need MAJOR.MINOR.PATCH.
void check_version_strict(Context& ctx, const ChartFile& cf) {
  static const RE2 lenient("v?[0-9]+(\\.[0-9]+)?(\\.[0-9]+)?([-+].*)?");
  static const RE2 strict(
      "(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)"
      "(-(0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)(\\.(0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*))*)?"
      "(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?");
  std::string v = field(cf, "version");
  if (v.empty() || !RE2::FullMatch(v, lenient) || RE2::FullMatch(v, strict)) return;
  auto m = field_mark(cf, "version");
  ctx.report("chart-version-strict-semver", "version \"" + v + "\" is not a valid SemVer 2 version",
             "Chart.yaml", m.line, m.col, "version", "write all three parts without a \"v\": MAJOR.MINOR.PATCH");
}

// chart-app-version: Helm reads appVersion into a string; an unquoted number loses its form
// (1.10 becomes "1.1").
void check_app_version(Context& ctx, const ChartFile& cf) {
  const Value* v = cf.doc.value.find("appVersion");
  if (!v || v->is_nil() || v->is_string()) return;
  auto m = field_mark(cf, "appVersion");
  ctx.report("chart-app-version", "appVersion should be a string, not a number", "Chart.yaml", m.line, m.col,
             "appVersion", "quote it: `appVersion: \"1.10\"`");
}

// A URL with a scheme, as Helm's lint takes a request URL (sources, icon): Go's
// url.ParseRequestURI accepts any "SCHEME:REST", so "mailto:x@example.org" passes too.
bool is_request_url(const std::string& s) {
  static const RE2 re("[A-Za-z][A-Za-z0-9+.-]*:[^\\s]+");
  return RE2::FullMatch(s, re);
}

// chart-maintainer: every maintainer has a name; e-mail addresses and URLs are well formed.
void check_maintainers(Context& ctx, const ChartFile& cf) {
  static const RE2 email("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  // A URL without a scheme is accepted for maintainers ("example.com/me"), as Helm does.
  static const RE2 url("([A-Za-z][A-Za-z0-9+.-]*://)?[^\\s/.]+(\\.[^\\s/.]+)+(/[^\\s]*)?");
  const Value* list = cf.doc.value.find("maintainers");
  if (!list || !list->is_list()) return;
  for (size_t i = 0; i < list->as_list().size(); ++i) {
    const Value& mt = list->as_list()[i];
    std::string path = "maintainers[" + std::to_string(i) + "]";
    std::string name = string_at(mt, "name"), mail = string_at(mt, "email"), link = string_at(mt, "url");
    if (name.empty()) {
      auto m = field_mark(cf, path);
      ctx.report("chart-maintainer", "maintainer " + std::to_string(i + 1) + " has no name", "Chart.yaml", m.line,
                 m.col, path, "add `name:` to the maintainer");
    } else if (!mail.empty() && !RE2::FullMatch(mail, email)) {
      auto m = field_mark(cf, path + ".email");
      ctx.report("chart-maintainer", "invalid email \"" + mail + "\" for maintainer \"" + name + "\"", "Chart.yaml",
                 m.line, m.col, path + ".email", "write it as name@example.org");
    } else if (!link.empty() && !RE2::FullMatch(link, url)) {
      auto m = field_mark(cf, path + ".url");
      ctx.report("chart-maintainer", "invalid url \"" + link + "\" for maintainer \"" + name + "\"", "Chart.yaml",
                 m.line, m.col, path + ".url", "write a full URL: https://example.org/me");
    }
  }
}

// chart-url: sources and icon are URLs with a scheme.
void check_urls(Context& ctx, const ChartFile& cf) {
  if (const Value* list = cf.doc.value.find("sources"); list && list->is_list()) {
    for (size_t i = 0; i < list->as_list().size(); ++i) {
      const Value& src = list->as_list()[i];
      std::string s = src.is_string() ? src.as_string() : "";
      if (is_request_url(s)) continue;
      std::string path = "sources[" + std::to_string(i) + "]";
      auto m = field_mark(cf, path);
      ctx.report("chart-url", "invalid source URL \"" + s + "\"", "Chart.yaml", m.line, m.col, path,
                 "write a full URL: https://github.com/org/repo");
    }
  }
  std::string icon = field(cf, "icon");
  if (!icon.empty() && !is_request_url(icon)) {
    auto m = field_mark(cf, "icon");
    ctx.report("chart-url", "invalid icon URL \"" + icon + "\"", "Chart.yaml", m.line, m.col, "icon",
               "write a full URL: https://example.org/icon.svg");
  }
}

// A call context for calling semverCompare outside a template.
struct PlainCallContext : gotmpl::CallContext {
  std::string include(std::string_view, const Value&) override { return ""; }
  std::string tpl(std::string_view, const Value&) override { return ""; }
  std::string_view template_name() const override { return ""; }
  void random_bytes(std::span<unsigned char> out) override { std::fill(out.begin(), out.end(), 0); }
};

// chart-kube-version: helm install and helm template refuse a chart whose kubeVersion
// constraint the cluster's version does not meet.
void check_kube_version(Context& ctx, const ChartFile& cf) {
  std::string constraint = field(cf, "kubeVersion");
  if (constraint.empty()) return;
  std::string kube;
  try {
    kube = normalize_kube_version(ctx.options().kube_version.empty() ? std::string(kDefaultKubeVersion)
                                                                     : ctx.options().kube_version);
  } catch (const std::invalid_argument&) {
    return;  // the render reports the bad --kube-version
  }
  auto m = field_mark(cf, "kubeVersion");
  const auto* fn = gotmpl::helm_functions().find("semverCompare");
  PlainCallContext call;
  Value args[2] = {Value(constraint), Value(kube)};
  try {
    if (!fn || fn->fn(call, std::span<const Value>(args, 2)).as_bool()) return;
    ctx.report("chart-kube-version",
               "chart requires kubeVersion \"" + constraint + "\", which is incompatible with Kubernetes " + kube,
               "Chart.yaml", m.line, m.col, "kubeVersion",
               "pass the cluster's version with --kube-version, or widen the constraint");
  } catch (const std::exception& e) {
    ctx.report("chart-kube-version", "kubeVersion \"" + constraint + "\" is not a valid constraint: " + e.what(),
               "Chart.yaml", m.line, m.col, "kubeVersion", "write a SemVer range, e.g. \">=1.26.0-0\"");
  }
}

void check_type(Context& ctx, const ChartFile& cf) {
  std::string t = field(cf, "type");
  auto m = field_mark(cf, "type");
  if (!t.empty() && t != "application" && t != "library") {
    ctx.report("chart-type", "chart type \"" + t + "\" is not valid: use \"application\" or \"library\"",
               "Chart.yaml", m.line, m.col, "type");
  }
}

// The names of the charts vendored under charts/: directories by their Chart.yaml name,
// archives by their file name ("redis-17.0.0.tgz" counts as "redis").
std::vector<std::string> vendored_charts(const std::string& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  fs::path charts = fs::path(dir) / "charts";
  if (!fs::is_directory(charts, ec)) return out;
  for (const auto& e : fs::directory_iterator(charts, ec)) {
    std::string fname = e.path().filename().string();
    if (e.is_directory()) {
      out.push_back(fname);
      try {
        std::ifstream in(e.path() / "Chart.yaml");
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        Value v = yaml::load(text);
        if (const Value* n = v.find("name"); n && n->is_string()) out.push_back(n->as_string());
      } catch (const std::exception&) {
        // A broken subchart is reported when it is rendered.
      }
    } else if (fname.size() > 4 && fname.ends_with(".tgz")) {
      out.push_back(fname.substr(0, fname.rfind('-') == std::string::npos ? fname.size() - 4 : fname.rfind('-')));
    }
  }
  return out;
}

void check_dependencies(Context& ctx, const ChartFile& cf) {
  const Value* deps = cf.doc.value.find("dependencies");
  if (!deps || !deps->is_list()) return;
  std::vector<std::string> present = vendored_charts(ctx.dir());
  std::set<std::string> seen;
  for (size_t i = 0; i < deps->as_list().size(); ++i) {
    const Value& d = deps->as_list()[i];
    const Value* name = d.find("name");
    if (!name || !name->is_string()) continue;
    std::string path = "dependencies[" + std::to_string(i) + "]";
    auto m = field_mark(cf, path + ".name");
    const Value* alias = d.find("alias");
    std::string effective = alias && alias->is_string() && !alias->as_string().empty() ? alias->as_string() : name->as_string();
    // Helm's loader accepts only these characters in an alias: it becomes a values key.
    static const RE2 alias_chars("[A-Za-z0-9_-]+");
    if (alias && alias->is_string() && !alias->as_string().empty() && !RE2::FullMatch(alias->as_string(), alias_chars)) {
      auto am = field_mark(cf, path + ".alias");
      ctx.report("chart-dependency-alias",
                 "dependency \"" + name->as_string() + "\" has disallowed characters in the alias \"" +
                     alias->as_string() + "\"",
                 "Chart.yaml", am.line, am.col, path + ".alias", "use letters, digits, '-' and '_' only");
    }
    if (!seen.insert(effective).second) {
      ctx.report("chart-dependency-duplicate", "more than one dependency is named \"" + effective + "\"",
                 "Chart.yaml", m.line, m.col, path, "give one of them a distinct alias");
    }
    // A chart from a remote repository is fetched by `helm dependency build` before install,
    // the normal workflow for generated charts; only local ones must already be vendored.
    const Value* repo = d.find("repository");
    std::string repository = repo && repo->is_string() ? repo->as_string() : "";
    bool local = repository.empty() || repository.starts_with("file://");
    if (local && std::find(present.begin(), present.end(), name->as_string()) == present.end()) {
      ctx.report("chart-dependency-missing",
                 "dependency \"" + name->as_string() + "\" is declared but missing in charts/",
                 "Chart.yaml", m.line, m.col, path, "run `helm dependency build`");
    }
  }
}

void check_templates_dir(Context& ctx) {
  std::error_code ec;
  if (!fs::is_directory(fs::path(ctx.dir()) / "templates", ec)) {
    ctx.report("chart-templates-dir", "templates/ directory not found", "templates", 0, 0);
  }
}

void check_values_yaml(Context& ctx) {
  auto text = ctx.read("values.yaml");
  if (!text) return;
  try {
    yaml::load(*text, "values.yaml");
  } catch (const yaml::YamlError& e) {
    ctx.report("chart-values-invalid", e.what(), "values.yaml", e.line, e.col);
  }
}

}  // namespace

void run_chart_rules(Context& ctx) {
  check_templates_dir(ctx);
  check_values_yaml(ctx);
  std::vector<std::string> files = loaded_file_names(ctx.dir());
  check_template_extensions(ctx, files);
  check_crds(ctx, files);
  auto cf = load_chart_file(ctx);
  if (cf) {  // every other Chart.yaml rule needs the parsed file
    check_api_version(ctx, *cf);
    check_name(ctx, *cf);
    check_version(ctx, *cf);
    check_version_strict(ctx, *cf);
    check_app_version(ctx, *cf);
    check_maintainers(ctx, *cf);
    check_urls(ctx, *cf);
    check_type(ctx, *cf);
    check_dependencies(ctx, *cf);
    check_undeclared_dependencies(ctx, cf->doc.value);
    check_kube_version(ctx, *cf);
  }
  // The template group runs from here so that validate.cpp's list of groups stays as it is;
  // it renders the chart (once, shared with every later group).
  run_template_rules(ctx);
}

}  // namespace sparkc::validate::detail
