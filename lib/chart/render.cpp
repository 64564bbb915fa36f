// Rendering a chart as Helm's engine does: every template of the chart and its subcharts is
// parsed into one template set (deeper paths first, so a parent's {{define}} wins), then
// every non-partial template is executed with its own chart's scope of values.
#include <algorithm>
#include <regex>

#include "chart/values_internal.h"
#include "sparkc/chart.h"
#include "sparkc/template.h"

namespace sparkc::chart {
namespace {

// One template to render with the values of its chart's scope.
struct Renderable {
  std::string name;      // "parent/charts/child/templates/x.yaml"
  const std::string* text;
  Value vals;            // the scope map shared by every template of one chart
  std::string base_path; // "parent/charts/child/templates"
};

// Helm's recAllTpls: builds each chart's scope and collects its templates.
Value collect_templates(const Chart& c, const Value& parent_vals, std::vector<Renderable>& out) {
  Value subcharts = Value::map();
  Value values = Value::map();
  if (c.is_root()) {
    values = *parent_vals.find("Values");
  } else if (const Value* vs = values_table(parent_vals, "Values." + c.name())) {
    values = *vs;
  }
  Value next = Value::map(Map{
      {"Chart", make_chart_object(c)},
      {"Files", make_files_object(c.files)},
      {"Release", *parent_vals.find("Release")},
      {"Capabilities", *parent_vals.find("Capabilities")},
      {"Values", values},
      {"Subcharts", subcharts},
  });
  for (const auto& child : c.dependencies)
    subcharts.mutable_map().insert_or_assign(child->name(), collect_templates(*child, next, out));
  std::string prefix = c.full_path();
  for (const auto& t : c.templates) {
    if (c.is_library()) {
      size_t slash = t.name.rfind('/');
      std::string base = slash == std::string::npos ? t.name : t.name.substr(slash + 1);
      if (base.empty() || base[0] != '_') continue;
    }
    out.push_back(Renderable{prefix + "/" + t.name, &t.data, next, prefix + "/templates"});
  }
  return next;
}

// Helm's sortTemplates: deeper paths first; equal depth in reverse lexical order.
void sort_templates(std::vector<Renderable>& tpls) {
  auto depth = [](const std::string& s) { return std::count(s.begin(), s.end(), '/'); };
  std::sort(tpls.begin(), tpls.end(), [&](const Renderable& a, const Renderable& b) {
    auto da = depth(a.name), db = depth(b.name);
    if (da != db) return da > db;
    return a.name > b.name;
  });
}

bool is_partial(const std::string& name) {
  size_t slash = name.rfind('/');
  std::string_view base = slash == std::string::npos ? std::string_view(name) : std::string_view(name).substr(slash + 1);
  return !base.empty() && base[0] == '_';
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  for (size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size())
    s.replace(pos, from.size(), to);
}

// Helm's cleanupParseError: "parse error at (NAME:LINE): MSG", where MSG is the last
// ": "-separated part of Go's message.
std::string cleanup_parse_error(const std::string& filename, const std::string& msg) {
  std::vector<std::string> tokens;
  size_t start = 0;
  for (;;) {
    size_t sep = msg.find(": ", start);
    tokens.push_back(msg.substr(start, sep == std::string::npos ? std::string::npos : sep - start));
    if (sep == std::string::npos) break;
    start = sep + 2;
  }
  if (tokens.size() == 1) return "parse error in (" + filename + "): " + msg;
  return "parse error at (" + tokens[1] + "): " + tokens.back();
}

// Helm's cleanupExecError: errors raised by `required` (wrapped in HELM_ERR_START/END)
// become "execution error at (NAME:LINE:COL): MSG"; others pass through unchanged.
std::string cleanup_exec_error(const std::string& filename, const std::string& msg) {
  size_t a = msg.find(": ");
  size_t b = a == std::string::npos ? std::string::npos : msg.find(": ", a + 2);
  if (b == std::string::npos) return "execution error in (" + filename + "): " + msg;
  std::string location = msg.substr(a + 2, b - a - 2);
  std::string rest = msg.substr(b + 2);
  static const std::string kStart = "HELM_ERR_START", kEnd = "HELM_ERR_END";
  // The message between the first start marker and the last end marker.
  size_t s = rest.find(kStart);
  size_t e = rest.rfind(kEnd);
  if (s != std::string::npos && e != std::string::npos && e >= s + kStart.size())
    return "execution error at (" + location + "): " + rest.substr(s + kStart.size(), e - s - kStart.size());
  return msg;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> render_templates(const Chart& chart, const Value& top,
                                                                  bool strict) {
  std::vector<Renderable> tpls;
  collect_templates(chart, top, tpls);
  sort_templates(tpls);

  gotmpl::TemplateSet set;
  for (const auto& r : tpls) {
    try {
      set.parse(r.name, *r.text);
    } catch (const gotmpl::TemplateError& e) {
      throw ChartError(cleanup_parse_error(r.name, e.what()));
    }
  }
  gotmpl::ExecOptions opts;
  opts.missing_key = strict ? gotmpl::MissingKey::Error : gotmpl::MissingKey::Zero;

  std::vector<std::pair<std::string, std::string>> rendered;
  for (auto& r : tpls) {
    if (is_partial(r.name)) continue;
    r.vals.mutable_map().insert_or_assign(
        "Template", Value::map(Map{{"Name", Value(r.name)}, {"BasePath", Value(r.base_path)}}));
    std::string out;
    try {
      out = set.execute(r.name, r.vals, opts);
    } catch (const gotmpl::TemplateError& e) {
      throw ChartError(cleanup_exec_error(r.name, e.what()));
    }
    replace_all(out, "<no value>", "");
    rendered.emplace_back(r.name, std::move(out));
  }
  return rendered;
}

std::string render_string(const std::string& name, const std::string& text, const Value& data) {
  gotmpl::TemplateSet set;
  try {
    set.parse(name, text);
  } catch (const gotmpl::TemplateError& e) {
    throw ChartError(cleanup_parse_error(name, e.what()));
  }
  std::string out;
  try {
    out = set.execute(name, data);
  } catch (const gotmpl::TemplateError& e) {
    throw ChartError(cleanup_exec_error(name, e.what()));
  }
  replace_all(out, "<no value>", "");
  return out;
}

Value make_render_values(Chart& chart, const Value& user_values, const TemplateOptions& opts) {
  process_dependencies(chart, user_values);
  Capabilities caps = default_capabilities();
  if (opts.kube_version) {
    // Parsed by the caller (helm_template) into "vX.Y.Z"; Major and Minor follow it.
    const std::string& v = *opts.kube_version;
    caps.kube_version = v;
    size_t dot1 = v.find('.');
    size_t dot2 = v.find('.', dot1 + 1);
    caps.kube_major = v.substr(1, dot1 - 1);
    caps.kube_minor = v.substr(dot1 + 1, dot2 - dot1 - 1);
  }
  caps.api_versions.insert(caps.api_versions.end(), opts.api_versions.begin(), opts.api_versions.end());

  Value release = Value::map(Map{
      {"Name", Value(opts.release_name)},
      {"Namespace", Value(opts.namespace_)},
      {"Revision", Value::integer(1)},
      {"Service", Value("Helm")},
      {"IsUpgrade", Value(opts.is_upgrade)},
      {"IsInstall", Value(!opts.is_upgrade)},
  });
  return Value::map(Map{
      {"Chart", make_chart_object(chart)},
      {"Capabilities", make_capabilities_object(caps)},
      {"Release", release},
      {"Values", coalesce_values(chart, user_values)},
  });
}

}  // namespace sparkc::chart
