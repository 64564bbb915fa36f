// Private to rules_spark*.cpp: what the spark group's checks share (the reporter that reports
// an entry once, Spark volume keys) and the checks run_spark_rules() runs in order.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "validate/rules.h"
#include "validate/spark_conf.h"

namespace sparkc::validate::detail {

// Findings reported once per rule and entry, though several processes share an entry.
class Reporter {
 public:
  explicit Reporter(Context& ctx) : ctx_(ctx) {}
  void entry(const std::string& rule, const SparkConfEntry& e, const std::string& msg, const std::string& hint) {
    std::string id = rule + "\n" + e.owner->ident() + "\n" + format_field_path(e.path) + "\n" + e.key;
    if (!seen_.insert(id).second) return;
    report_entry(ctx_, rule, e, msg, hint);
  }
  void object(const std::string& rule, const RenderedObject& o, const FieldPath& path, const std::string& msg,
              const std::string& hint) {
    std::string id = rule + "\n" + o.ident() + "\n" + format_field_path(path);
    if (!seen_.insert(id).second) return;
    ctx_.report_object(rule, o, path, msg, hint);
  }
  Context& ctx() { return ctx_; }

 private:
  Context& ctx_;
  std::set<std::string> seen_;
};

// `s` in double quotes, as messages name user values.
inline std::string quoted(const std::string& s) { return "\"" + s + "\""; }

// A spark.kubernetes.{driver,executor}.volumes.TYPE.NAME.REST key.
struct VolumeKey {
  std::string role, type, name, rest;
};

// The parts of a volume key; nullopt for any other key.
inline std::optional<VolumeKey> parse_volume_key(const std::string& key) {
  for (const char* role : {"driver", "executor"}) {
    std::string prefix = std::string("spark.kubernetes.") + role + ".volumes.";
    if (!key.starts_with(prefix)) continue;
    std::string tail = key.substr(prefix.size());
    size_t a = tail.find('.');
    if (a == std::string::npos) return std::nullopt;
    size_t b = tail.find('.', a + 1);
    if (b == std::string::npos) return std::nullopt;
    return VolumeKey{role, tail.substr(0, a), tail.substr(a + 1, b - a - 1), tail.substr(b + 1)};
  }
  return std::nullopt;
}

// The volume types Spark on Kubernetes mounts from spark.kubernetes.*.volumes.* settings.
inline bool is_supported_volume_type(const std::string& t) {
  return t == "hostPath" || t == "emptyDir" || t == "nfs" || t == "persistentVolumeClaim";
}

// A path without its trailing slashes ("/" stays).
inline std::string without_trailing_slash(std::string s) {
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

// Whether the process is a Spark History Server.
inline bool is_history_server(const SparkConf& c) {
  return c.program == "start-history-server.sh" || c.main_class == "org.apache.spark.deploy.history.HistoryServer";
}

// The checks, one per rule or pair of rules, in the order run_spark_rules() runs them.
void check_keys(Reporter& r, const std::vector<SparkConf>& confs);
void check_event_log_dir(Reporter& r, const std::vector<SparkConf>& confs);
void check_shuffle(Reporter& r, const std::vector<SparkConf>& confs);
void check_volume_types(Reporter& r, const std::vector<SparkConf>& confs);
void check_volume_conflicts(Reporter& r, const std::vector<SparkConf>& confs);
void check_ipv6_bind(Reporter& r, const std::vector<SparkConf>& confs);
void check_pod_name_prefix(Reporter& r, const std::vector<SparkConf>& confs);
void check_s3_path_style(Reporter& r, const std::vector<SparkConf>& confs);
void check_client_mode_driver_host(Reporter& r, const std::vector<SparkConf>& confs);

}  // namespace sparkc::validate::detail
