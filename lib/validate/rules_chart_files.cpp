// The chart group's checks of the chart's directories rather than Chart.yaml's fields:
// charts/, crds/ and the file names in templates/.
#include <re2/re2.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "sparkc/chart.h"
#include "validate/chart_files.h"
#include "validate/rules.h"

namespace sparkc::validate::detail {
namespace fs = std::filesystem;

// chart-dependency-undeclared: a chart under charts/ that Chart.yaml does not list. Helm
// installs it anyway, but lint fails and it cannot be versioned, aliased or switched off.
void check_undeclared_dependencies(Context& ctx, const Value& chart_yaml) {
  std::set<std::string> declared;
  if (const Value* deps = chart_yaml.find("dependencies"); deps && deps->is_list()) {
    for (const auto& d : deps->as_list()) declared.insert(string_at(d, "name"));
  }
  std::error_code ec;
  fs::path charts = fs::path(ctx.dir()) / "charts";
  if (!fs::is_directory(charts, ec)) return;
  std::vector<fs::path> entries;
  for (const auto& e : fs::directory_iterator(charts, ec)) entries.push_back(e.path());
  std::sort(entries.begin(), entries.end());
  for (const auto& p : entries) {
    std::string fname = p.filename().string();
    std::string name;
    if (fs::is_directory(p, ec)) {
      auto text = ctx.read("charts/" + fname + "/Chart.yaml");
      if (!text) continue;
      try {
        name = string_at(yaml::load(*text), "name");
      } catch (const std::exception&) {
        continue;  // a broken subchart fails the render, which says so
      }
    } else if (fname.ends_with(".tgz")) {
      // "redis-17.0.0.tgz": the name is what precedes the version.
      name = fname.substr(0, fname.size() - 4);
      static const RE2 versioned("(.+?)-v?[0-9]+\\.[0-9]+.*");
      RE2::FullMatch(std::string(name), versioned, &name);
    } else {
      continue;
    }
    if (name.empty() || declared.count(name)) continue;
    ctx.report("chart-dependency-undeclared",
               "chart \"" + name + "\" is in charts/ but not listed in Chart.yaml dependencies",
               "charts/" + fname, 0, 0, "", "add it to `dependencies:` in Chart.yaml, or remove it from charts/");
  }
}

std::vector<std::string> loaded_file_names(const std::string& dir) {
  std::vector<std::string> out;
  try {
    auto c = chart::load_chart(dir);
    for (const auto* list : {&c->templates, &c->files}) {
      for (const auto& f : *list) out.push_back(f.name);
    }
  } catch (const std::exception&) {
    return {};  // a chart that does not load is reported by the render
  }
  std::sort(out.begin(), out.end());
  return out;
}

// chart-crd-kind: Helm installs the files in crds/ before the templates and without
// templating; each document must be a CustomResourceDefinition.
std::optional<KubeMinor> cluster_kube_minor(const Context& ctx) {
  const std::string& v = ctx.options().kube_version;
  return parse_kube_minor(v.empty() ? kDefaultKubeVersion : std::string_view(v));
}

void check_crds(Context& ctx, const std::vector<std::string>& files) {
  std::optional<KubeMinor> kube = cluster_kube_minor(ctx);
  for (const auto& rel : files) {
    // Helm takes .yaml, .yml and .json files from crds/ (and its subdirectories) as CRDs.
    if (!rel.starts_with("crds/")) continue;
    std::string ext = fs::path(rel).extension().string();
    if (ext != ".yaml" && ext != ".yml" && ext != ".json") continue;
    auto text = ctx.read(rel);
    if (!text) continue;
    std::vector<Value> docs;
    try {
      docs = yaml::load_all(*text, rel);
    } catch (const yaml::YamlError& e) {
      ctx.report("chart-crd-kind", std::string("CRD file is not valid YAML: ") + e.what(), rel, e.line, e.col);
      continue;
    }
    size_t search_from = 0;
    // The line of each document's top-level `kind:`, in file order (so a finding about the
    // document points at it rather than at no line).
    size_t kind_from = 0;
    auto next_kind_line = [&]() -> yaml::Mark {
      for (size_t at = kind_from; at < text->size();) {
        size_t eol = text->find('\n', at);
        if (std::string_view(*text).substr(at).starts_with("kind:")) {
          kind_from = eol == std::string::npos ? text->size() : eol + 1;
          return {static_cast<int>(std::count(text->begin(), text->begin() + static_cast<long>(at), '\n')) + 1, 1};
        }
        if (eol == std::string::npos) break;
        at = eol + 1;
      }
      return {0, 0};
    };
    for (const auto& d : docs) {
      if (d.is_nil()) continue;
      std::string kind = string_at(d, "kind"), api = string_at(d, "apiVersion");
      yaml::Mark kind_mark = kind.empty() ? yaml::Mark{0, 0} : next_kind_line();
      if (kind == "CustomResourceDefinition" && api.starts_with("apiextensions.k8s.io/")) {
        // apiextensions.k8s.io/v1beta1 CRDs, common in old charts, are gone since 1.22.
        if (auto f = kube ? api_lifecycle_finding(api, kind, *kube) : std::nullopt) {
          yaml::Mark m = {0, 0};
          // Documents come in file order, so each one's apiVersion line follows the last found.
          if (size_t at = text->find("apiVersion: " + api, search_from); at != std::string::npos) {
            search_from = at + 1;
            m.line = static_cast<int>(std::count(text->begin(), text->begin() + static_cast<long>(at), '\n')) + 1;
            size_t bol = text->rfind('\n', at);
            m.col = static_cast<int>(at - (bol == std::string::npos ? 0 : bol + 1)) + 1;
          }
          ctx.report(f->rule, f->message, rel, m.line, m.col, "", f->hint);
        }
        continue;
      }
      std::string name = d.is_map() ? string_at(d.find("metadata") ? *d.find("metadata") : Value(), "name") : "";
      ctx.report("chart-crd-kind",
                 "object " + (name.empty() ? std::string() : "\"" + name + "\" ") + "in crds/ is a " +
                     (kind.empty() ? std::string("document without kind") : "\"" + kind + "\"") +
                     ", not an apiextensions.k8s.io CustomResourceDefinition",
                 rel, kind_mark.line, kind_mark.col, "", "move it to templates/; crds/ holds only CustomResourceDefinitions");
    }
  }
}

// chart-file-extension: helm lint accepts only these extensions in templates/; Helm still
// renders any other file and sends it as a manifest, so a README or a backup copy there
// breaks install. Files .helmignore excludes are never loaded and not reported.
void check_template_extensions(Context& ctx, const std::vector<std::string>& files) {
  for (const auto& rel : files) {
    if (!rel.starts_with("templates/")) continue;
    std::string ext = fs::path(rel).extension().string();
    if (ext == ".yaml" || ext == ".yml" || ext == ".tpl" || ext == ".txt") continue;
    ctx.report("chart-file-extension",
               "file extension \"" + ext + "\" is not valid in templates/: use .yaml, .yml, .tpl or .txt", rel, 0,
               0, "", "rename it to .yaml (a manifest) or .tpl (helpers), or move it out of templates/");
  }
}

}  // namespace sparkc::validate::detail
