// The spark group, how Spark processes reach each other and storage: IPv6 wildcard binds, S3
// path-style access for endpoints that are not AWS, the driver host of client-mode drivers.
#include <re2/re2.h>

#include <algorithm>
#include <charconv>
#include <set>
#include <system_error>

#include "validate/rules_spark_detail.h"

namespace sparkc::validate::detail {

// --- spark-ipv6-wildcard-bind ----------------------------------------------------------------

namespace {

bool is_ipv6_wildcard(std::string v) {
  v.erase(0, v.find_first_not_of(" \t\"'"));
  v.erase(v.find_last_not_of(" \t\"'") + 1);
  return v == "::" || v == "[::]" || v == "0:0:0:0:0:0:0:0" || v == "::0";
}

}  // namespace

void check_ipv6_bind(Reporter& r, const std::vector<SparkConf>& confs) {
  for (const auto& c : confs) {
    for (const std::string key : {"spark.driver.bindAddress", "spark.connect.grpc.binding.address"}) {
      const SparkConfEntry* e = c.find(key);
      if (e && e->value == ":" && format_field_path(e->path).starts_with("data.")) {
        // "key ::" in a properties file: the first ':' after the blank separates key and value.
        r.entry("spark-invalid-value", *e,
                quoted(key) + " reads as \":\": in a properties file a ':' after the key is a separator, so "
                "\"" + key + " ::\" loses one colon",
                "write \"" + key + " 0.0.0.0\" (or \"" + key + "=::\" where IPv6 is available)");
        continue;
      }
      if (!e || !is_ipv6_wildcard(e->value)) continue;
      r.entry("spark-ipv6-wildcard-bind", *e,
              key + " binds the IPv6 wildcard " + quoted(e->value) +
                  ", which fails on clusters without IPv6 and leaves IPv4 probes to the node's settings",
              "use 0.0.0.0, or the pod IP from the downward API (status.podIP)");
    }
  }
  // SPARK_LOCAL_IP is what Spark binds when no bindAddress is set.
  for (const auto& pod : r.ctx().pods()) {
    for (const auto& [cpath, c] : pod.containers()) {
      const Value* env = c->find("env");
      if (!env || !env->is_list()) continue;
      for (size_t i = 0; i < env->as_list().size(); ++i) {
        const Value& e = env->as_list()[i];
        if (string_at(e, "name") != "SPARK_LOCAL_IP" || !is_ipv6_wildcard(string_at(e, "value"))) continue;
        FieldPath below = cpath;
        below.insert(below.end(), {"env", std::to_string(i), "value"});
        r.object("spark-ipv6-wildcard-bind", *pod.owner, pod.path_of(below),
                 "SPARK_LOCAL_IP binds Spark to the IPv6 wildcard " + quoted(string_at(e, "value")) +
                     ", which fails on clusters without IPv6",
                 "set SPARK_LOCAL_IP from the downward API (status.podIP), or to 0.0.0.0");
      }
    }
  }
}

// --- spark-s3-path-style ---------------------------------------------------------------------

// The host of an endpoint URL or host[:port].
namespace {

std::string endpoint_host(std::string v) {
  size_t scheme = v.find("://");
  if (scheme != std::string::npos) v = v.substr(scheme + 3);
  v = v.substr(0, v.find_first_of("/:"));
  return v;
}

bool is_aws_host(const std::string& host) {
  return host.ends_with(".amazonaws.com") || host.ends_with(".amazonaws.com.cn") || host == "amazonaws.com";
}

}  // namespace

void check_s3_path_style(Reporter& r, const std::vector<SparkConf>& confs) {
  const auto* objects = r.ctx().objects();
  static const std::string kPrefix = "spark.hadoop.fs.s3a.";
  for (const auto& c : confs) {
    for (const auto& e : c.entries) {
      // The global endpoint, or a per-bucket one (fs.s3a.bucket.NAME.endpoint), whose
      // path.style.access falls back to the global setting.
      if (!e.key.starts_with(kPrefix) || !e.key.ends_with(".endpoint") || c.find(e.key) != &e) continue;
      std::string scope = e.key.substr(kPrefix.size(), e.key.size() - kPrefix.size() - 8);  // "" or "bucket.NAME."
      if (!scope.empty() && !(scope.starts_with("bucket.") && scope.size() > 7)) continue;
      if (e.value.empty() || e.value.find('$') != std::string::npos) continue;
      std::string host = endpoint_host(e.value);
      std::string style_key = kPrefix + scope + "path.style.access";
      const SparkConfEntry* style = c.find(style_key);
      if (!style && !scope.empty()) style = c.find(kPrefix + "path.style.access");
      bool path_style = style && c.is_true(style->key);
      if (host.empty() || is_aws_host(host) || path_style) continue;
      std::string what = "a non-AWS endpoint";
      std::string short_name = host.substr(0, host.find('.'));
      for (const auto& o : objects ? *objects : std::vector<RenderedObject>{}) {
        if (o.kind == "Service" && o.name == short_name) what = "Service " + quoted(o.name) + " of the chart";
      }
      r.entry("spark-s3-path-style", e,
              quoted(e.key) + " " + quoted(e.value) + " is " + what + " but " + style_key +
                  " is not true: S3A looks up " + (scope.empty() ? "BUCKET" : scope.substr(7, scope.size() - 8)) +
                  "." + host,
              "set " + style_key + "=true");
    }
  }
}

// --- spark-client-mode-driver-host -------------------------------------------------------

namespace {

bool is_daemon(const SparkConf& c) {
  return is_history_server(c) || c.program == "start-master.sh" || c.program == "start-worker.sh" ||
         c.program == "start-slave.sh";
}

bool is_ip_literal(const std::string& h) {
  static const RE2 v4("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
  return RE2::FullMatch(h, v4) || h.find(':') != std::string::npos;
}

// Whether the labels of `pod` satisfy the Service selector `sel`.
bool selects(const Value& sel, const Pod& pod) {
  if (!sel.is_map() || sel.as_map().empty()) return false;
  for (const auto& [k, v] : sel.as_map()) {
    const Value* l = pod.labels.find(k);
    if (!l || !l->is_string() || !v.is_string() || l->as_string() != v.as_string()) return false;
  }
  return true;
}

// The port numbers a Service exposes.
std::set<int64_t> service_ports(const Value& svc) {
  std::set<int64_t> out;
  const Value* ports = value_at(svc, {"spec", "ports"});
  if (!ports || !ports->is_list()) return out;
  for (const auto& p : ports->as_list()) {
    const Value* n = p.find("port");
    // Numbers may come back as floats, as Helm reads YAML numbers.
    if (n && n->is_integer()) out.insert(n->as_int());
    else if (n && n->is_float()) out.insert(static_cast<int64_t>(n->as_float()));
  }
  return out;
}

}  // namespace

void check_client_mode_driver_host(Reporter& r, const std::vector<SparkConf>& confs) {
  const auto* objects = r.ctx().objects();
  if (!objects) return;
  for (const auto& c : confs) {
    if (!c.pod || !c.pod->spark_role.empty() || c.origin == "spark-application" || is_daemon(c)) continue;
    if (!c.on_kubernetes() || c.get("spark.submit.deployMode", "client") != "client") continue;
    // Spark 4.1 can hand executors the bind address instead (the pod IP from the downward API).
    std::string bind = c.get("spark.driver.bindAddress");
    if (c.is_true("spark.kubernetes.executor.useDriverPodIP") && !bind.empty() && bind != "0.0.0.0" &&
        !is_ipv6_wildcard(bind)) {
      continue;
    }
    const SparkConfEntry* host = c.find("spark.driver.host");
    const SparkConfEntry* anchor = c.find("spark.master");
    if (!anchor && c.entries.empty()) continue;
    if (!anchor) anchor = &c.entries.front();
    if (!host) {
      r.entry("spark-client-mode-driver-host", *anchor,
              "client-mode driver in " + quoted(c.pod->ident) +
                  " has no spark.driver.host: executors cannot resolve the pod's host name",
              "create a headless Service selecting the driver pod and set spark.driver.host to its DNS name, "
              "with fixed spark.driver.port and spark.driver.blockManager.port");
      continue;
    }
    std::string h = host->value;
    if (h.empty() || h.find('$') != std::string::npos || is_ip_literal(h)) continue;
    std::string name = h.substr(0, h.find('.'));
    const RenderedObject* svc = nullptr;
    for (const auto& o : *objects) {
      if (o.kind == "Service" && o.name == name) svc = &o;
    }
    if (!svc) {
      r.entry("spark-client-mode-driver-host", *host,
              "spark.driver.host " + quoted(h) + " is not a Service of the chart: executors cannot reach the driver",
              "point spark.driver.host at a (headless) Service selecting " + quoted(c.pod->ident));
      continue;
    }
    const Value* sel = value_at(svc->doc, {"spec", "selector"});
    if (!sel || !selects(*sel, *c.pod)) {
      r.entry("spark-client-mode-driver-host", *host,
              "spark.driver.host " + quoted(h) + " names Service " + quoted(svc->name) + ", which does not select " +
                  quoted(c.pod->ident),
              "make the Service's selector match the driver pod's labels");
      continue;
    }
    std::set<int64_t> exposed = service_ports(svc->doc);
    // The driver's block manager listens on spark.driver.blockManager.port, else on
    // spark.blockManager.port.
    const SparkConfEntry* block = c.find("spark.driver.blockManager.port");
    if (!block) block = c.find("spark.blockManager.port");
    std::pair<std::string, const SparkConfEntry*> ports[] = {{"spark.driver.port", c.find("spark.driver.port")},
                                                             {"spark.driver.blockManager.port", block}};
    for (const auto& [key, pe] : ports) {
      std::string v = pe ? pe->value : "";
      bool numeric = !v.empty() && std::all_of(v.begin(), v.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
      // from_chars, not stoll: an all-digit value too long for int64_t must not throw (found
      // under the sanitizer run); it is no port of the Service either, reported by its text.
      int64_t port = 0;
      bool parsed = numeric && std::from_chars(v.data(), v.data() + v.size(), port).ec == std::errc();
      if (numeric && !parsed) port = -1;
      std::string shown = parsed ? std::to_string(port) : v;
      std::string wanted = key == "spark.driver.port" ? "7078" : "7079";
      if (port == 0) {
        r.entry("spark-client-mode-driver-host", pe ? *pe : *host,
                key + " is " + (v.empty() ? "unset" : quoted(v)) + ", so the driver listens on a random port that "
                "Service " + quoted(svc->name) + " cannot expose to executors",
                "set " + key + " to a fixed port (e.g. " + wanted + ") and expose it on Service " + quoted(svc->name));
      } else if (!exposed.count(port)) {
        r.entry("spark-client-mode-driver-host", *pe,
                key + " " + shown + " is not a port of Service " + quoted(svc->name) +
                    ": executors cannot connect to the driver",
                "add port " + shown + " to Service " + quoted(svc->name));
      }
    }
  }
}

}  // namespace sparkc::validate::detail
