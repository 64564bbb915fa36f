// The template group: what helm lint checks in the templates and their rendered output (every
// document parses as YAML, no document starts indented, every object has a kind and a name
// that suits its kind, no Helm 2 idioms, no resource policy on List items), namespaces written
// as literals, the deprecated and removed APIs of the chart group (they need the rendered
// objects), and where a render error points.
#include <re2/re2.h>

#include <algorithm>

#include "validate/chart_files.h"
#include "validate/deprecated_apis.h"
#include "validate/rules.h"
#include "validate/template_trace.h"

namespace sparkc::validate::detail {
namespace {

// "chart/templates/x.yaml" -> "templates/x.yaml"; a subchart's keeps "charts/sub/templates/...",
// which is where the file sits below the chart root.
std::string chart_relative(const std::string& name) {
  size_t slash = name.find('/');
  return slash == std::string::npos ? name : name.substr(slash + 1);
}

// One `---` document of a rendered template and the 0-based line of the output it starts on.
struct RenderedDoc {
  std::string text;
  int first_line = 0;
};

// Splits rendered output at `---` lines, as Helm's manifest splitter (and render_objects) do.
std::vector<RenderedDoc> split_rendered(const std::vector<std::string_view>& lines) {
  std::vector<RenderedDoc> docs(1);
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view l = rtrim_ws(lines[i]);
    if (l == "---" || lines[i].starts_with("--- ")) {
      docs.push_back({"", static_cast<int>(i) + 1});
    } else {
      docs.back().text.append(lines[i]).push_back('\n');
    }
  }
  return docs;
}

// The reason in a YAML error without the position sigs.k8s.io/yaml puts before it
// ("error converting YAML to JSON: yaml: line 8: mapping values are not allowed in this context"),
// which counts lines of one document rather than of the file.
std::string yaml_reason(const std::string& what) {
  static const RE2 re(".*yaml: line [0-9]+: (.*)");
  std::string reason;
  return RE2::FullMatch(what, re, &reason) ? reason : what;
}

// template-invalid-yaml and template-leading-indent on one rendered template.
// The 0-based line of `text` holding the first byte the YAML reader refuses before parsing (a
// byte that is not UTF-8, or a control character other than tab and line ends), or -1. The
// reader reports such errors at the start of the stream, which says nothing of where they are.
int first_unreadable_line(std::string_view text) {
  int line = 0;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++line;
      ++i;
      continue;
    }
    if (c < 0x80) {
      if ((c < 0x20 && c != '\t' && c != '\r') || c == 0x7f) return line;
      ++i;
      continue;
    }
    size_t n = c >= 0xf0 && c < 0xf5 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 && c < 0xe0 ? 2 : 0;
    if (n == 0 || (n == 4 && c >= 0xf5) || i + n > text.size()) return line;
    for (size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xc0) != 0x80) return line;
    }
    i += n;
  }
  return -1;
}

void check_rendered(Context& ctx, const std::string& rel, const std::string& text) {
  std::vector<std::string_view> lines = split_text_lines(text);
  auto tmpl = ctx.read(rel);
  auto trace = [&](int r) { return tmpl ? trace_rendered_line(*tmpl, lines, r) : yaml::Mark{}; };
  for (const RenderedDoc& doc : split_rendered(lines)) {
    if (trim_ws(doc.text).empty()) continue;
    // helm lint: a document whose first line is indented parses differently depending on
    // whether the text is normalised first (helm/helm#8467).
    std::vector<std::string_view> doc_lines = split_text_lines(doc.text);
    for (size_t i = 0; i < doc_lines.size(); ++i) {
      if (trim_ws(doc_lines[i]).empty()) continue;
      if (doc_lines[i][0] == ' ' || doc_lines[i][0] == '\t') {
        int r = doc.first_line + static_cast<int>(i);
        yaml::Mark m = trace(r);
        ctx.report("template-leading-indent",
                   "rendered document starts with an indented line \"" + std::string(rtrim_ws(doc_lines[i])) +
                       "\" (rendered line " + std::to_string(r + 1) + "), which may cause parsing problems",
                   rel, m.line, m.col, "",
                   "start the document at column 1: trim the whitespace before it with `{{-`, or "
                   "lower the indent of the include that writes it");
      }
      break;
    }
    Value v;
    try {
      v = yaml::load(doc.text, rel);
    } catch (const yaml::YamlError& e) {
      int r = doc.first_line + std::max(1, e.line) - 1;
      std::string why = e.what();
      bool bytes = why.find("UTF-8") != std::string::npos || why.find("control characters") != std::string::npos;
      if (bytes) {
        if (int bad = first_unreadable_line(doc.text); bad >= 0) r = doc.first_line + bad;
      }
      r = std::min(r, static_cast<int>(lines.size()) - 1);
      yaml::Mark m = trace(r);
      ctx.report("template-invalid-yaml",
                 "rendered output is not valid YAML: " + yaml_reason(e.what()) + " (rendered line " +
                     std::to_string(r + 1) + ")",
                 rel, m.line, m.col, "",
                 bytes ? "save the template, and the values it prints, as UTF-8 without control characters; "
                         "binary data belongs in a Secret or ConfigMap binaryData, base64-encoded"
                       : "check the `nindent`/`indent` width of included text and toYaml output here; "
                         "`helm template --debug` prints the rendered file");
      continue;
    }
    // Helm decodes every document into an object; text that parses as a string or a list is
    // not one and install fails.
    if (!v.is_nil() && !v.is_map()) {
      // The first line that is not blank or a comment holds the offending value.
      int r = doc.first_line;
      while (r < static_cast<int>(lines.size()) - 1 && (trim_ws(lines[r]).empty() || trim_ws(lines[r]).starts_with("#"))) ++r;
      yaml::Mark m = trace(r);
      ctx.report("template-invalid-yaml",
                 std::string("rendered document at rendered line ") + std::to_string(r + 1) + " is a " +
                     (v.is_list() ? "list" : "scalar") + ", not a Kubernetes object",
                 rel, m.line, m.col, "", "make the document a mapping with apiVersion, kind and metadata");
    }
  }
}

// template-missing-kind, template-missing-name and template-metadata-name on one object.
void check_identity(Context& ctx, const RenderedObject& o) {
  if (o.api_version.empty() || o.kind.empty()) {
    std::string missing = o.api_version.empty() && o.kind.empty() ? "apiVersion and kind"
                          : o.api_version.empty()                 ? "apiVersion"
                                                                  : "kind";
    // Points at the field that is there, next to which the missing one belongs.
    FieldPath at = !o.kind.empty() ? FieldPath{"kind"} : !o.api_version.empty() ? FieldPath{"apiVersion"} : FieldPath{};
    ctx.report_object("template-missing-kind", o, at,
                      "object" + (o.name.empty() ? std::string() : " \"" + o.name + "\"") + " has no " + missing,
                      "add `apiVersion:` and `kind:` at the top of the document");
    return;
  }
  // A List has items, each with its own name (checked as objects of their own), not a name.
  if (is_list_object(o)) return;
  const Value* name = value_at(o.doc, {"metadata", "name"});
  const Value* generate = value_at(o.doc, {"metadata", "generateName"});
  if (!name || name->is_nil() || (name->is_string() && name->as_string().empty())) {
    if (generate && generate->is_string() && !generate->as_string().empty()) return;
    ctx.report_object("template-missing-name", o, {"metadata", "name"}, o.kind + " has no metadata.name",
                      "set `metadata.name`, usually `{{ include \"<chart>.fullname\" . }}`");
    return;
  }
  if (!name->is_string()) {
    ctx.report_object("template-missing-name", o, {"metadata", "name"},
                      o.kind + " metadata.name is not a string", "quote the name");
    return;
  }
  // What k8s-dns1123-name does not check: a Service name is a DNS-1035 label (it becomes an
  // environment variable prefix, so it starts with a letter), and RBAC names are path segments.
  static const RE2 dns1123_label("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  if (o.kind == "Service" && o.name.size() <= 63 && RE2::FullMatch(o.name, dns1123_label) &&
      !(o.name[0] >= 'a' && o.name[0] <= 'z')) {
    ctx.report_object("template-metadata-name", o, {"metadata", "name"},
                      "Service name \"" + o.name + "\" is not a valid DNS-1035 label: it must start with a letter",
                      "prefix the name with a letter, e.g. the release name");
  }
  static const std::set<std::string> rbac = {"Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"};
  if (rbac.count(o.kind) &&
      (o.name == "." || o.name == ".." || o.name.find_first_of("/%") != std::string::npos)) {
    ctx.report_object("template-metadata-name", o, {"metadata", "name"},
                      o.kind + " name \"" + o.name + "\" is not a valid path segment: it may not be \".\" or "
                               "\"..\" and may not contain '/' or '%'",
                      "use ':' or '-' instead of '/' (\"spark:driver\")");
  }
}

// chart-deprecated-api and chart-removed-api on one object.
void check_api_lifecycle(Context& ctx, const RenderedObject& o, KubeMinor kube) {
  if (auto f = api_lifecycle_finding(o.api_version, o.kind, kube)) {
    ctx.report_object(f->rule, o, {"apiVersion"}, f->message, f->hint);
  }
}

// The 1-based line and column of byte `offset` in `text`.
yaml::Mark mark_at(std::string_view text, size_t offset) {
  int line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return {line, static_cast<int>(offset - line_start) + 1};
}

// template-release-time and template-crd-install-hook: Helm 2 idioms helm lint still looks
// for in the template sources of the chart (its own templates/, not its subcharts').
void check_template_sources(Context& ctx) {
  std::vector<std::string> files;
  for (auto& rel : loaded_file_names(ctx.dir())) {
    if (rel.starts_with("templates/")) files.push_back(std::move(rel));
  }
  static const RE2 release_time("(\\.Release\\.Time)");
  static const RE2 crd_hook("(\"?helm\\.sh/hook\"?:\\s+crd-install)");
  for (const auto& rel : files) {
    auto text = ctx.read(rel);
    if (!text) continue;
    re2::StringPiece input(*text), match;
    while (RE2::FindAndConsume(&input, release_time, &match)) {
      yaml::Mark m = mark_at(*text, static_cast<size_t>(match.data() - text->data()));
      ctx.report("template-release-time", ".Release.Time was removed in Helm 3 and renders as nothing", rel,
                 m.line, m.col, "", "use the `now` function: `{{ now | date \"2006-01-02T15:04:05Z07:00\" }}`");
    }
    input = re2::StringPiece(*text);
    while (RE2::FindAndConsume(&input, crd_hook, &match)) {
      yaml::Mark m = mark_at(*text, static_cast<size_t>(match.data() - text->data()));
      ctx.report("template-crd-install-hook",
                 "the crd-install hook is not supported since Helm 3: the object is not installed as a hook", rel,
                 m.line, m.col, "", "move CustomResourceDefinitions to the chart's crds/ directory");
    }
  }
}

// template-list-resource-policy: Helm keeps an object on uninstall when its own annotations
// say so; the annotation on an item of a List is never read.
void check_list_annotations(Context& ctx, const RenderedObject& o) {
  if (!is_list_object(o)) return;
  const Value* items = o.doc.find("items");
  if (!items || !items->is_list()) return;
  for (size_t i = 0; i < items->as_list().size(); ++i) {
    FieldPath path = {"items", std::to_string(i), "metadata", "annotations", "helm.sh/resource-policy"};
    if (!value_at(o.doc, path)) continue;
    ctx.report_object("template-list-resource-policy", o, path,
                      "annotation \"helm.sh/resource-policy\" on an item of a List is ignored",
                      "write the item as its own document (separated by `---`) instead of a List");
  }
}

// template-hardcoded-namespace: a namespace written literally in the template does not follow
// `helm install -n`, so part of the release lands elsewhere and `helm uninstall -n` misses it.
void check_namespace(Context& ctx, const RenderedObject& o) {
  if (o.namespace_.empty()) return;
  yaml::Mark m = locate_field(ctx, o, {"metadata", "namespace"});
  auto text = ctx.read(o.rel);
  if (!text || m.line < 1) return;
  std::vector<std::string_view> lines = split_text_lines(*text);
  if (m.line > static_cast<int>(lines.size())) return;
  std::string_view l = lines[m.line - 1];
  // Written by an action (a value, .Release.Namespace, an include): the user decides.
  if (l.find("namespace:") == std::string_view::npos || l.find("{{") != std::string_view::npos) return;
  ctx.report_object("template-hardcoded-namespace", o, {"metadata", "namespace"},
                    o.kind + " \"" + o.name + "\" is always created in namespace \"" + o.namespace_ +
                        "\", whatever namespace the release is installed in",
                    "write `namespace: {{ .Release.Namespace }}`, or a value, or leave it out");
}

}  // namespace

std::string normalize_kube_version(const std::string& v) {
  static const RE2 re("v?([0-9]{1,6})(?:\\.([0-9]{1,6}))?(?:\\.([0-9]{1,6}))?([-+][0-9A-Za-z.+-]*)?");
  std::string major, minor, patch, suffix;
  if (!RE2::FullMatch(v, re, &major, &minor, &patch, &suffix)) {
    throw std::invalid_argument("invalid kube version \"" + v + "\": use MAJOR.MINOR[.PATCH], e.g. 1.31");
  }
  auto num = [](const std::string& s) { return s.empty() ? 0 : std::stoi(s); };
  std::string out = "v";
  for (const std::string* part : {&major, &minor, &patch}) {
    if (part != &major) out += '.';
    out += std::to_string(num(*part));
  }
  return out + suffix;
}

void report_render_error(Context& ctx, const std::string& message) {
  // Go names the failing file as "template: NAME:LINE:COL: ..." (execution) or inside
  // parentheses "(NAME:LINE)" / "(NAME:LINE:COL)" (parse errors and `fail`/`required`);
  // NAME starts with the chart's name.
  static const RE2 loc("(?:template: |\\()([^():\\s]+/[^():\\s]+):([0-9]+)(?::([0-9]+))?");
  std::string name, line, col;
  if (RE2::PartialMatch(message, loc, &name, &line, &col)) {
    std::string rel = template_file(ctx.dir(), chart_relative(name));
    ctx.read(rel);  // registers the source, so the report shows the line
    // The diagnostic shows the location, so the message drops it: "template: LOC: executing
    // ..." keeps "executing ...", "parse error at (LOC): MSG" becomes "parse error: MSG", and
    // `required` and `fail` keep only their own text.
    std::string text = message;
    std::string where = name + ":" + line + (col.empty() ? "" : ":" + col);
    for (const std::string& prefix : {"template: " + where + ": ", "execution error at (" + where + "): "}) {
      if (text.starts_with(prefix)) text.erase(0, prefix.size());
    }
    if (std::string prefix = "parse error at (" + where + ")"; text.starts_with(prefix)) {
      text = "parse error" + text.substr(prefix.size());
    }
    ctx.report("template-render-error", text, rel, std::stoi(line), col.empty() ? 0 : std::stoi(col));
  } else {
    static const RE2 in_file("\\(([^():\\s]+/[^():\\s]+)\\)");
    ctx.report("template-render-error", message,
               RE2::PartialMatch(message, in_file, &name) ? template_file(ctx.dir(), chart_relative(name))
                                                          : "Chart.yaml",
               0, 0);
  }
}

void run_template_rules(Context& ctx) {
  check_template_sources(ctx);
  for (const auto& [name, text] : ctx.manifests()) {
    std::string rel = chart_relative(name);
    if (rel.ends_with("NOTES.txt")) continue;  // shown to the user, never applied
    check_rendered(ctx, rel, text);
  }
  const auto* objects = ctx.objects();
  if (!objects) return;
  std::optional<KubeMinor> kube = cluster_kube_minor(ctx);
  for (const auto& o : *objects) {
    check_identity(ctx, o);
    check_list_annotations(ctx, o);
    check_namespace(ctx, o);
    if (kube) check_api_lifecycle(ctx, o, *kube);
  }
}

}  // namespace sparkc::validate::detail
