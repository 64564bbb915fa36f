// The chart group: what helm lint checks in Chart.yaml, charts/, templates/ and values.yaml.
#include <re2/re2.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

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
  auto cf = load_chart_file(ctx);
  if (!cf) return;  // every other Chart.yaml rule needs the parsed file
  check_api_version(ctx, *cf);
  check_name(ctx, *cf);
  check_version(ctx, *cf);
  check_type(ctx, *cf);
  check_dependencies(ctx, *cf);
}

}  // namespace sparkc::validate::detail
