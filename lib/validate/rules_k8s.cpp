// The k8s group: rules on the objects the chart renders. Each object is traced back to the
// template it came from (and to the line of the field, where the template writes it plainly).
#include <re2/re2.h>

#include <algorithm>

#include "validate/rules.h"

namespace sparkc::validate::detail {
namespace {

// A rendered object and where it came from.
struct RenderedObject {
  Value doc;
  std::string kind, name;
  std::string rel;        // template path relative to the chart root
  size_t doc_index = 0;   // position among the documents of that template's output
  std::set<std::string> disabled;  // spark-constructor.io/disable on the object
};

std::vector<std::string> split_documents(const std::string& text) {
  std::vector<std::string> docs(1);
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    std::string line = text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    pos = nl == std::string::npos ? text.size() : nl + 1;
    if (line == "---" || line.starts_with("--- ")) {
      docs.emplace_back();
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

// Renders the chart as `helm template` does and splits the output into objects. A chart that
// does not load or render is reported once, and no object rule runs.
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
    Value top = chart::make_render_values(*c, user, to);
    rendered = chart::render_templates(*c, top);
  } catch (const std::exception& e) {
    ctx.report("template-render-error", e.what(), "Chart.yaml", 0, 0);
    return std::nullopt;
  }
  std::vector<RenderedObject> out;
  for (const auto& [name, text] : rendered) {
    // "chart/templates/x.yaml" -> "templates/x.yaml"; subcharts keep "charts/sub/...".
    size_t slash = name.find('/');
    std::string rel = slash == std::string::npos ? name : name.substr(slash + 1);
    if (rel.ends_with("NOTES.txt")) continue;
    auto docs = split_documents(text);
    for (size_t i = 0; i < docs.size(); ++i) {
      Value doc;
      try {
        doc = yaml::load(docs[i], rel);
      } catch (const std::exception&) {
        continue;  // not YAML: a template- rule's business
      }
      if (!doc.is_map()) continue;
      RenderedObject o;
      const Value* kind = doc.find("kind");
      const Value* md = doc.find("metadata");
      const Value* n = md ? md->find("name") : nullptr;
      o.kind = kind && kind->is_string() ? kind->as_string() : "";
      o.name = n && n->is_string() ? n->as_string() : "";
      o.rel = rel;
      o.doc_index = i;
      o.disabled = disabled_by_annotation(doc);
      o.doc = std::move(doc);
      out.push_back(std::move(o));
    }
  }
  return out;
}

// The line and column of `metadata.name` in the template source, when the template writes
// it on a `name:` line below `metadata:` (in the same `---` section as the object).
yaml::Mark name_mark_in_template(Context& ctx, const RenderedObject& o) {
  auto text = ctx.read(o.rel);
  if (!text) return {};
  auto sections = split_documents(*text);
  size_t first_line = 1;
  size_t section = sections.size() > o.doc_index ? o.doc_index : 0;
  for (size_t i = 0; i < section; ++i) {
    first_line += static_cast<size_t>(std::count(sections[i].begin(), sections[i].end(), '\n')) + 1;
  }
  static const RE2 metadata("\\s*metadata:\\s*");
  static const RE2 name_line("(\\s+)name:.*");
  const std::string& s = sections[section];
  bool in_metadata = false;
  size_t pos = 0;
  for (size_t ln = first_line; pos < s.size(); ++ln) {
    size_t nl = s.find('\n', pos);
    std::string line = s.substr(pos, nl - pos);
    pos = nl == std::string::npos ? s.size() : nl + 1;
    std::string indent;
    if (RE2::FullMatch(line, metadata)) {
      in_metadata = true;
    } else if (in_metadata && RE2::FullMatch(line, name_line, &indent)) {
      return {static_cast<int>(ln), static_cast<int>(indent.size()) + 1};
    }
  }
  return {};
}

// k8s-dns1123-name: Services and Namespaces need a DNS-1123 label, most other kinds a
// DNS-1123 subdomain. RBAC objects accept any path segment and are left out.
void check_dns1123_name(Context& ctx, const RenderedObject& o) {
  static const RE2 label("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  static const RE2 subdomain("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  static const std::set<std::string> rbac = {"Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"};
  if (o.name.empty() || o.kind.empty() || rbac.count(o.kind) || o.disabled.count("k8s-dns1123-name")) return;
  bool is_label = o.kind == "Service" || o.kind == "Namespace";
  size_t max = is_label ? 63 : 253;
  const char* what = is_label ? "DNS-1123 label" : "DNS-1123 subdomain";
  std::string problem;
  if (o.name.size() > max) {
    problem = "is " + std::to_string(o.name.size()) + " characters long, more than " + std::to_string(max);
  } else if (!RE2::FullMatch(o.name, is_label ? label : subdomain)) {
    problem = is_label ? "must consist of lower-case alphanumerics or '-', and start and end with an alphanumeric"
                       : "must consist of lower-case alphanumerics, '-' or '.', and start and end with an alphanumeric";
  }
  if (problem.empty()) return;
  yaml::Mark m = name_mark_in_template(ctx, o);
  ctx.report("k8s-dns1123-name",
             o.kind + " name \"" + o.name + "\" is not a valid " + what + ": it " + problem, o.rel,
             m.line, m.col, o.kind + "/" + o.name,
             "lower-case it, use '-' instead of '_', and `trunc " + std::to_string(is_label ? 63 : 253) +
                 " | trimSuffix \"-\"`");
}

}  // namespace

void run_k8s_rules(Context& ctx) {
  auto objects = render_objects(ctx);
  if (!objects) return;
  for (const auto& o : *objects) {
    check_dns1123_name(ctx, o);
  }
}

}  // namespace sparkc::validate::detail
