// The validate entry point: builds the context, runs each rule group, sorts the findings.
#include <stdlib.h>  // mkdtemp

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "diag/suggest.h"
#include "validate/rules.h"

namespace sparkc::validate {
namespace detail {
namespace fs = std::filesystem;

Context::Context(std::string dir, std::string display_root, const Options& opts)
    : dir_(std::move(dir)), display_root_(std::move(display_root)), opts_(opts) {}

std::optional<std::string> Context::read(const std::string& rel) {
  auto it = cache_.find(rel);
  if (it != cache_.end()) return it->second;
  fs::path p = external_.count(rel) || fs::path(rel).is_absolute() ? fs::path(rel) : fs::path(dir_) / rel;
  std::optional<std::string> text;
  std::error_code ec;
  if (fs::is_regular_file(p, ec)) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in) text = ss.str();
  }
  // Templates saved with Windows line ends render and parse like the others; the rules that
  // read source lines (field locations, literal namespaces, passwords) and the snippets they
  // print see "\n" alone. Line and column numbers stay the same.
  if (text && text->find("\r\n") != std::string::npos) {
    std::string lf;
    lf.reserve(text->size());
    for (size_t i = 0; i < text->size(); ++i) {
      if ((*text)[i] == '\r' && i + 1 < text->size() && (*text)[i + 1] == '\n') continue;
      lf += (*text)[i];
    }
    text = std::move(lf);
  }
  if (text) sources_.add(display(rel), *text);
  cache_[rel] = text;
  return text;
}

std::string Context::display(const std::string& rel) const {
  if (external_.count(rel) || fs::path(rel).is_absolute() || display_root_.empty()) return rel;
  return display_root_ + "/" + rel;
}

void Context::report(const std::string& rule_id, std::string message, const std::string& rel,
                     int line, int col, std::string path, std::string hint) {
  if (opts_.disabled.count(rule_id)) return;
  if (!reported_.emplace(rule_id, rel, line, col, message).second) return;
  const RuleInfo* info = find_rule(rule_id);
  diag::Diagnostic d;
  d.severity = info ? info->severity : diag::Severity::Error;
  d.rule_id = rule_id;
  d.message = std::move(message);
  d.location = {rel.empty() ? "" : display(rel), line, col};
  d.path = std::move(path);
  d.hint = std::move(hint);
  sink_.report(std::move(d));
}

void Context::report_object(const std::string& rule_id, const RenderedObject& o,
                            const FieldPath& field, std::string message, std::string hint) {
  if (opts_.disabled.count(rule_id) || o.suppresses(rule_id)) return;
  yaml::Mark m = locate_field(*this, o, field);
  std::string path = o.ident();
  if (!field.empty()) path += ":" + format_field_path(field);
  report(rule_id, std::move(message), o.rel, m.line, m.col, std::move(path), std::move(hint));
}

const std::vector<RenderedObject>* Context::objects() {
  if (!rendered_) {
    rendered_ = true;
    objects_ = render_objects(*this);
    if (objects_) pods_ = pods_of(*objects_);
  }
  return objects_ ? &*objects_ : nullptr;
}

const std::vector<Pod>& Context::pods() {
  objects();
  return pods_;
}

bool is_external(const Context& ctx, std::string_view kind, std::string_view name) {
  if (kind == "ServiceAccount" && name == "default") return true;
  if (kind == "ConfigMap" && name == "kube-root-ca.crt") return true;
  return ctx.options().external.count(std::string(kind) + "/" + std::string(name)) > 0;
}

size_t Context::errors_with_prefix(std::string_view prefix) const {
  size_t n = 0;
  for (const auto& d : sink_.diagnostics()) {
    if (d.severity == diag::Severity::Error && d.rule_id.starts_with(prefix)) ++n;
  }
  return n;
}

Report Context::finish() {
  Report r;
  r.diagnostics = sink_.take();
  diag::sort_diagnostics(r.diagnostics);
  r.sources = std::move(sources_);
  return r;
}

yaml::Mark key_mark(const std::string& text, yaml::Mark value_mark, const std::string& key) {
  // Walk up from the value's line to the first line that writes `key:` (as a plain or quoted
  // key); a value on the next lines sits below its key.
  std::vector<std::string_view> lines;
  std::string_view rest(text);
  while (true) {
    size_t nl = rest.find('\n');
    lines.push_back(rest.substr(0, nl));
    if (nl == std::string_view::npos) break;
    rest.remove_prefix(nl + 1);
  }
  auto find_key = [&](std::string_view l, size_t limit) -> int {
    for (const std::string& form : {key + ":", "\"" + key + "\":", "'" + key + "':"}) {
      size_t at = l.find(form);
      if (at == std::string_view::npos || at > limit) continue;
      // The key must start the line (after indentation and list dashes) or follow "{" / ",".
      size_t b = at;
      while (b > 0 && (l[b - 1] == ' ' || l[b - 1] == '-' || l[b - 1] == '\t')) --b;
      if (b == 0 || l[b - 1] == '{' || l[b - 1] == ',') return static_cast<int>(at) + 1;
    }
    return 0;
  };
  if (value_mark.line < 1 || value_mark.line > static_cast<int>(lines.size())) return value_mark;
  int ln = value_mark.line;
  if (int col = find_key(lines[ln - 1], static_cast<size_t>(std::max(0, value_mark.col - 1)))) {
    return {ln, col};
  }
  // The value starts below its key: the key is on the nearest line above that is not blank
  // or a comment.
  for (--ln; ln >= 1; --ln) {
    std::string_view l = lines[ln - 1];
    size_t first = l.find_first_not_of(" \t");
    if (first == std::string_view::npos || l[first] == '#') continue;
    if (int col = find_key(l, l.size())) return {ln, col};
    break;
  }
  return value_mark;
}

namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

std::string did_you_mean(const std::string& word, const std::set<std::string>& candidates) {
  // A third of the word's length, at least 1 and at most 3 edits, keeps the hints relevant.
  size_t best = std::clamp<size_t>(word.size() / 3, 1, 3) + 1;
  std::vector<std::string> found;
  std::string w = lower(word);
  for (const auto& c : candidates) {
    // Capped: this runs against every known key for every unknown one.
    size_t d = diag::edit_distance(w, lower(c), best);
    if (d < best) {
      best = d;
      found = {c};
    } else if (d == best) {
      found.push_back(c);
    }
  }
  std::string out;
  for (const auto& f : found) out += (out.empty() ? "\"" : ", \"") + f + "\"";
  return out;
}

}  // namespace detail

std::string normalize_kube_version(const std::string& v) { return detail::normalize_kube_version(v); }

Capacity parse_capacity(std::string_view spec) {
  Capacity c;
  size_t start = 0;
  while (start <= spec.size()) {
    size_t comma = spec.find(',', start);
    std::string_view part = spec.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    size_t eq = part.find('=');
    if (eq == std::string_view::npos) {
      throw std::invalid_argument("\"" + std::string(part) + "\" is not KEY=QUANTITY (cpu=16,memory=64Gi)");
    }
    std::string_view key = part.substr(0, eq), val = part.substr(eq + 1);
    auto q = detail::parse_quantity(val);
    if (!q || *q < 0) {
      throw std::invalid_argument("\"" + std::string(val) + "\" is not a Kubernetes quantity (e.g. 16, 500m, 64Gi)");
    }
    if (key == "cpu") c.cpu = *q;
    else if (key == "memory") c.memory = *q;
    else throw std::invalid_argument("unknown capacity \"" + std::string(key) + "\": use cpu or memory");
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return c;
}

Report validate_files(const std::vector<chart::File>& files, const Options& opts,
                      const std::string& display_root) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::string tmpl = (fs::temp_directory_path(ec) / "sparkc-validate-XXXXXX").string();
  if (ec || !mkdtemp(tmpl.data())) throw std::runtime_error("cannot create a temporary directory to validate in");
  fs::path root(tmpl);
  // Removes the directory however the run ends.
  struct Cleanup {
    fs::path p;
    ~Cleanup() {
      std::error_code ec;
      fs::remove_all(p, ec);
    }
  } cleanup{root};
  fs::path dir = root / "chart";
  for (const auto& f : files) {
    fs::path p = dir / f.name;
    fs::create_directories(p.parent_path(), ec);
    std::ofstream out(p, std::ios::binary);
    out << f.data;
    if (!out) throw std::runtime_error("cannot write " + p.string() + " to validate it");
  }
  return validate_chart(dir.string(), opts, display_root);
}

size_t count_failing(const Report& report, diag::Severity fail_on) {
  return static_cast<size_t>(std::count_if(report.diagnostics.begin(), report.diagnostics.end(),
                                           [&](const diag::Diagnostic& d) { return d.severity <= fail_on; }));
}

Report validate_chart(const std::string& chart_dir, const Options& opts,
                      const std::string& display_root) {
  detail::Context ctx(chart_dir, display_root, opts);
  for (const auto& f : opts.values.value_files) ctx.add_external(f);
  detail::run_chart_rules(ctx);
  detail::run_values_rules(ctx);
  detail::run_values_schema_rule(ctx);
  detail::run_k8s_rules(ctx);
  detail::run_k8s_schema_rules(ctx);
  detail::run_k8s_refs_rules(ctx);
  detail::run_security_rules(ctx);
  detail::run_spark_rules(ctx);
  detail::run_spark_runtime_rules(ctx);
  return ctx.finish();
}

}  // namespace sparkc::validate
