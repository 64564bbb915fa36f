// k8s-service-url: URLs that wire one component to another (SPARK_REMOTE sc://host:15002,
// hive.metastore.uris thrift://..., an S3 endpoint, JDBC URLs, spark:// master URLs) reach a
// Service of the chart on a port it serves. A host that names no Service, or a port the
// Service does not serve, points the component at nothing: it fails at run time, after a
// clean install.
#include <re2/re2.h>

#include <map>

#include "validate/k8s_refs.h"
#include "validate/rules.h"

namespace sparkc::validate::detail {
namespace {

const char* kRule = "k8s-service-url";

std::vector<std::string> split_dots(const std::string& host) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t dot = host.find('.', start);
    out.push_back(host.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return out;
}

// Reports about the URL `host_port` in the string at `path` of `o`. In a multi-line string
// (a defaults file, a script) the location is the template line below the field that starts
// with the same word as the rendered line holding the URL, when the template writes it plainly.
void report_url(Context& ctx, const RenderedObject& o, const FieldPath& path, const std::string& host_port,
                std::string message, std::string hint) {
  if (ctx.options().disabled.count(kRule) || o.suppresses(kRule)) return;
  const Value* v = value_at(o.doc, path);
  std::string word;
  if (v && v->is_string() && v->as_string().find('\n') != std::string::npos) {
    const std::string& s = v->as_string();
    size_t at = s.find(host_port);
    size_t begin = s.rfind('\n', at);
    begin = begin == std::string::npos ? 0 : begin + 1;
    size_t first = s.find_first_not_of(" \t", begin);
    size_t end = s.find_first_of(" \t=\n", first);
    if (first != std::string::npos && first < at) word = s.substr(first, end - first);
  }
  yaml::Mark m = word.empty() ? locate_field(ctx, o, path)
                              : locate_in_block(ctx, o, path, false, [&](std::string_view line) {
                                  size_t ind = line.find_first_not_of(' ');
                                  return ind != std::string_view::npos && line.substr(ind).starts_with(word)
                                             ? ind
                                             : std::string_view::npos;
                                });
  ctx.report(kRule, std::move(message), o.rel, m.line, m.col, o.ident() + ":" + format_field_path(path),
             std::move(hint));
}

class UrlChecker {
 public:
  explicit UrlChecker(Context& ctx) : ctx_(ctx) {
    for (const auto& o : *ctx.objects()) {
      if (o.kind == "Service" && !o.name.empty()) services_[o.name].push_back(&o);
    }
  }

  // Every string of `v` (at `path` in `o`).
  void walk(const RenderedObject& o, const Value& v, FieldPath& path) {
    if (v.is_string()) {
      check_text(o, v.as_string(), path);
    } else if (v.is_list()) {
      for (size_t i = 0; i < v.as_list().size(); ++i) {
        path.push_back(std::to_string(i));
        walk(o, v.as_list()[i], path);
        path.pop_back();
      }
    } else if (v.is_map()) {
      for (const auto& [k, child] : v.as_map()) {
        path.push_back(k);
        walk(o, child, path);
        path.pop_back();
      }
    }
  }

 private:
  // host:port after "//" in a URL (sc://, thrift://, http://, jdbc:postgresql://, spark://).
  void check_text(const RenderedObject& o, const std::string& text, const FieldPath& path) {
    static const RE2 url("//([a-z0-9][a-z0-9.-]*):([0-9]{1,5})\\b");
    re2::StringPiece in(text);
    std::string host, port_text;
    std::set<std::string> seen;  // one report per host:port and string
    while (RE2::FindAndConsume(&in, url, &host, &port_text)) {
      if (!seen.insert(host + ":" + port_text).second) continue;
      check_url(o, host, std::stol(port_text), path);
    }
  }

  // Host forms: svc, svc.ns, svc.ns.svc[.cluster.local], and pod.svc.ns... for a StatefulSet
  // pod behind a headless Service.
  void check_url(const RenderedObject& o, const std::string& host, long port, const FieldPath& path) {
    std::vector<std::string> labels = split_dots(host);
    size_t at = services_.count(labels[0])                          ? 0
                : labels.size() > 1 && services_.count(labels[1]) ? 1
                                                                  : std::string::npos;
    const std::string& release = ctx_.options().release_name;
    std::string where = host + ":" + std::to_string(port);
    // svc, svc.ns and svc.ns.svc[.cluster.local] (with `name` at label `i`) are the cluster's
    // DNS; svc.example.com is some other host.
    auto in_cluster = [&](size_t i) { return labels.size() <= i + 2 || labels[i + 2] == "svc"; };
    if (at == std::string::npos) {
      // Only in-cluster hosts that carry the release name are surely meant to be the chart's.
      auto carries = [&](size_t i) {
        return labels.size() > i && labels[i].find(release) != std::string::npos && in_cluster(i);
      };
      bool ours = !release.empty() && (carries(0) || carries(1));
      if (!ours) return;
      std::set<std::string> names;
      for (const auto& [name, objs] : services_) names.insert(name);
      std::string dym = did_you_mean(labels[0], names);
      report_url(ctx_, o, path, where, where + " names no Service of the chart",
                 (dym.empty() ? std::string() : "did you mean " + dym + "? ") +
                     "use the name the Service is rendered with (one helper for both)");
      return;
    }
    if (!in_cluster(at)) return;
    std::string ns = labels.size() > at + 1 ? labels[at + 1] : namespace_of(ctx_, o);
    const RenderedObject* svc = nullptr;
    for (const auto* s : services_.at(labels[at])) {
      if (namespace_of(ctx_, *s) == ns) svc = s;
    }
    if (!svc) {
      report_url(ctx_, o, path, where,
                 where + ": Service \"" + labels[at] + "\" is not in namespace \"" + ns + "\"",
                 "use the release namespace (`{{ .Release.Namespace }}`) or leave the namespace out");
      return;
    }
    std::set<long> ports;
    std::string listed;
    if (const Value* ps = value_at(svc->doc, {"spec", "ports"}); ps && ps->is_list()) {
      for (const auto& p : ps->as_list()) {
        const Value* n = p.is_map() ? p.find("port") : nullptr;
        auto number = n ? int_of(*n) : std::nullopt;
        if (!number) continue;
        ports.insert(static_cast<long>(*number));
        listed += (listed.empty() ? "" : ", ") + std::to_string(*number);
      }
    }
    if (ports.count(port)) return;
    report_url(ctx_, o, path, where,
               where + ": Service \"" + svc->name + "\" serves port" + (ports.size() == 1 ? " " : "s ") +
                   (listed.empty() ? "none" : listed) + ", not " + std::to_string(port),
               "use the Service's port (one value for both), or add the port to the Service");
  }

  Context& ctx_;
  std::map<std::string, std::vector<const RenderedObject*>> services_;
};

}  // namespace

void check_service_urls(Context& ctx) {
  UrlChecker checker(ctx);
  for (const auto& o : *ctx.objects()) {
    // A Service's own fields hold no URLs to check; everything else may.
    if (o.kind == "Service") continue;
    // A List's items are objects of their own, walked as such (with their own annotations).
    if (is_list_object(o)) continue;
    FieldPath path;
    checker.walk(o, o.doc, path);
  }
}

}  // namespace sparkc::validate::detail
