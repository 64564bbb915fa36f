// Passwords and secrets: literal credentials in env values, SparkApplication settings and
// ConfigMaps, and well-known default passwords in Secrets. A setting is a credential by its
// name (PASSWORD, SECRET, TOKEN, ACCESS_KEY ...), unless the name says it holds a reference
// to one (a file, a path, a Secret name, a key ID, a provider class); a value is a reference,
// not a credential, when it expands something ($(VAR), ${env:VAR}, {{ }}).
#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

#include "validate/security.h"
#include "validate/spark_conf.h"
#include "yaml/base64.h"

namespace sparkc::validate::detail {
namespace {

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// The words of a setting name, lower case: split at anything but letters and digits and at
// camelCase humps ("javax.jdo.option.ConnectionPassword" -> ... "connection", "password").
std::vector<std::string> words(std::string_view name) {
  std::vector<std::string> out;
  std::string cur;
  for (size_t i = 0; i < name.size(); ++i) {
    unsigned char c = name[i];
    if (!std::isalnum(c)) {
      if (!cur.empty()) out.push_back(lower(cur));
      cur.clear();
      continue;
    }
    if (std::isupper(c) && !cur.empty() && std::islower(static_cast<unsigned char>(cur.back()))) {
      out.push_back(lower(cur));
      cur.clear();
    }
    cur += static_cast<char>(c);
  }
  if (!cur.empty()) out.push_back(lower(cur));
  return out;
}

// Whether a setting or variable name says it holds a credential itself.
bool names_credential(std::string_view name) {
  std::vector<std::string> w = words(name);
  if (w.empty()) return false;
  // Names of things that point at a credential or describe it, not the credential.
  static const std::set<std::string> not_value = {
      "file", "files", "path", "dir", "directory", "name", "names", "id", "user", "username", "ref", "provider",
      "class", "type", "enabled", "enable", "length", "location", "mode", "algorithm", "header", "field", "format",
      "size", "url", "uri", "ttl", "timeout", "expiry", "expiration", "lifetime", "seconds", "count", "key_id",
      "keyid", "mount", "volume", "secretname"};
  if (not_value.count(w.back())) return false;
  if (std::find(w.begin(), w.end(), "ref") != w.end()) return false;
  static const std::set<std::string> single = {"password", "passwd", "passphrase", "secret", "token",
                                               "credential", "credentials", "apikey", "secretkey", "accesskey"};
  for (const auto& x : w) {
    if (single.count(x)) return true;
  }
  static const std::set<std::string> key_kinds = {"access", "api", "private", "secret", "auth", "fernet",
                                                  "signing", "encryption", "master"};
  for (size_t i = 0; i + 1 < w.size(); ++i) {
    if (w[i + 1] == "key" && key_kinds.count(w[i])) return true;
  }
  return false;
}

// Whether a value expands something at run time instead of holding the credential.
bool is_reference(std::string_view v) {
  return v.find("$(") != std::string_view::npos || v.find("${") != std::string_view::npos ||
         v.find("{{") != std::string_view::npos;
}

// A literal a credential setting should not hold: not empty, not a reference, not a flag.
bool is_literal_credential(std::string_view v) {
  if (v.empty() || is_reference(v)) return false;
  std::string l = lower(std::string(v));
  return l != "true" && l != "false";
}

// Passwords shipped as defaults by images and charts, tried first by every scanner.
bool well_known_password(std::string_view v) {
  static const std::set<std::string> known = {
      "admin", "administrator", "password", "passw0rd", "password1", "password123", "changeme", "change-me",
      "changeit", "minioadmin", "minio123", "airflow", "postgres", "root", "secret", "letmein", "123456",
      "12345678", "test", "default", "hive", "mlflow", "jupyter", "zeppelin", "spark", "guest", "toor"};
  return known.count(lower(std::string(v))) > 0;
}

// Secret data as the API server decodes it (Go's base64.StdEncoding: padded, line breaks
// ignored); nullopt when it is not base64, since such a Secret is rejected at install and
// holds no password.
std::optional<std::string> decode_secret_data(std::string_view in) {
  std::string out;
  if (!yaml::detail::base64_decode(in, &out)) return std::nullopt;
  return out;
}

// --- security-hardcoded-password -----------------------------------------------------------

// One env list ([{name, value}]) of a container.
void check_env_list(Context& ctx, const RenderedObject& o, const Value* env, const FieldPath& path,
                    const std::string& who) {
  if (!env || !env->is_list()) return;
  for (size_t i = 0; i < env->as_list().size(); ++i) {
    const Value& e = env->as_list()[i];
    std::string name = string_at(e, "name");
    const Value* v = e.is_map() ? e.find("value") : nullptr;
    if (!v || !v->is_string() || !names_credential(name) || !is_literal_credential(v->as_string())) continue;
    FieldPath p = path;
    p.insert(p.end(), {std::to_string(i), "value"});
    std::string what = well_known_password(v->as_string())
                           ? "the well-known default password " + quoted(v->as_string())
                           : "a literal value";
    ctx.report_object("security-hardcoded-password", o, p, "env " + quoted(name) + " of " + who + " is " + what,
                      "store it in a Secret and use `valueFrom: {secretKeyRef: {name: SECRET, key: KEY}}`");
  }
}

// A map of settings (SparkApplication envVars, sparkConf, hadoopConf): name -> literal.
void check_settings_map(Context& ctx, const RenderedObject& o, const Value* m, const FieldPath& path,
                        const std::string& what, const std::string& hint) {
  if (!m || !m->is_map()) return;
  for (const auto& [name, v] : m->as_map()) {
    if (!v.is_string() || !names_credential(name) || !is_literal_credential(v.as_string())) continue;
    if (name.find(".secretKeyRef.") != std::string::npos || name.find(".secrets.") != std::string::npos) continue;
    FieldPath p = path;
    p.push_back(name);
    ctx.report_object("security-hardcoded-password", o, p, what + " " + quoted(name) + " is a literal credential", hint);
  }
}

void check_pod_env(Context& ctx, const Pod& pod) {
  const RenderedObject& o = *pod.owner;
  if (o.kind == "SparkApplication" || o.kind == "ScheduledSparkApplication") {
    const Value* r = value_at(o.doc, pod.spec_path);
    if (!r) return;
    FieldPath base = pod.spec_path;
    check_env_list(ctx, o, r->find("env"), [&] { FieldPath p = base; p.push_back("env"); return p; }(),
                   "the " + pod.spark_role + " container");
    check_settings_map(ctx, o, r->find("envVars"), [&] { FieldPath p = base; p.push_back("envVars"); return p; }(),
                       pod.spark_role + " env var",
                       "store it in a Secret and use envSecretKeyRefs, or env with `valueFrom.secretKeyRef`");
    for (const auto& [key, kind] : {std::pair<const char*, const char*>{"initContainers", "init container"},
                                    {"sidecars", "sidecar"}}) {
      const Value* list = r->find(key);
      if (!list || !list->is_list()) continue;
      for (size_t i = 0; i < list->as_list().size(); ++i) {
        const Value& c = list->as_list()[i];
        if (!c.is_map()) continue;
        FieldPath p = base;
        p.insert(p.end(), {key, std::to_string(i), "env"});
        check_env_list(ctx, o, c.find("env"), p, pod.spark_role + " " + kind + " " + quoted(string_at(c, "name")));
      }
    }
    return;
  }
  for (const auto& [below, c] : pod.containers()) {
    FieldPath p = below;
    p.push_back("env");
    check_env_list(ctx, o, c->find("env"), pod.path_of(p), "container " + quoted(string_at(*c, "name")));
  }
}

void check_spark_application_conf(Context& ctx, const RenderedObject& o) {
  FieldPath base = o.kind == "SparkApplication" ? FieldPath{"spec"} : FieldPath{"spec", "template"};
  const Value* spec = value_at(o.doc, base);
  if (!spec) return;
  const std::string hint =
      "read it from the environment: set the variable from a Secret (spec.driver.envSecretKeyRefs) and use "
      "${env:NAME}, or for S3 the AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY variables";
  for (const char* key : {"sparkConf", "hadoopConf"}) {
    FieldPath p = base;
    p.push_back(key);
    check_settings_map(ctx, o, spec->find(key), p, std::string(key) == "sparkConf" ? "Spark setting" : "Hadoop setting", hint);
  }
}

void check_secret_object(Context& ctx, const RenderedObject& o) {
  for (const char* field : {"data", "stringData"}) {
    const Value* m = o.doc.find(field);
    if (!m || !m->is_map()) continue;
    for (const auto& [key, v] : m->as_map()) {
      if (!v.is_string() || !names_credential(key)) continue;
      std::optional<std::string> plain = std::string(field) == "data" ? decode_secret_data(v.as_string()) : v.as_string();
      if (!plain || !well_known_password(*plain)) continue;
      ctx.report_object("security-hardcoded-password", o, {field, key},
                        "Secret key " + quoted(key) + " holds the well-known default password " + quoted(*plain),
                        "generate it once: `{{ (lookup \"v1\" \"Secret\" .Release.Namespace NAME).data.KEY | default "
                        "(randAlphaNum 32 | b64enc) }}`, or let users name an existing Secret");
    }
  }
}

// --- security-secret-in-configmap ---------------------------------------------------------

// A credential found in a file stored in a ConfigMap: the setting's name (for the message
// and to find its line in the template).
struct Finding {
  std::string setting;  // "spark.hadoop.fs.s3a.secret.key", "password in a URL"
  std::string needle;   // text to look for on the template line
};

// `file` is the ConfigMap key: `key value` lines are read in configuration files (and
// `export` lines in shell scripts), not in code, where `token = fetch()` is no literal.
std::vector<Finding> credentials_in_text(const std::string& file, const std::string& text) {
  size_t dot = file.rfind('.');
  std::string ext = dot == std::string::npos ? "" : lower(file.substr(dot + 1));
  static const std::set<std::string> config_exts = {"", "conf", "properties", "env", "cfg", "ini", "yaml", "yml", "toml"};
  bool config = config_exts.count(ext) > 0;
  bool shell = ext == "sh";
  std::vector<Finding> out;
  // key value / key=value / key: value / export KEY=value lines (properties, spark-defaults,
  // env files, shell).
  static const RE2 line_re("^\\s*(?:export\\s+)?([A-Za-z][A-Za-z0-9_.\\-]*)\\s*(?:[=:]\\s*|\\s+)(\\S.*?)\\s*$");
  // Hadoop-style XML: <name>K</name> then <value>V</value>.
  static const RE2 xml_re("<name>\\s*([^<\\s]+)\\s*</name>\\s*<value>([^<]*)</value>");
  // Credentials inside URLs: user:password@host, and password=... in JDBC or query strings.
  static const RE2 url_user_re("://[^/:@\\s\"']+:([^@/\\s\"']+)@");
  static const RE2 url_param_re("(?i)[?;&](password|pwd)=([^&;\\s\"']+)");
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    std::string line = text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    pos = nl == std::string::npos ? text.size() + 1 : nl + 1;
    std::string key, value;
    bool exported = line.find_first_not_of(" \t") != std::string::npos &&
                    line.compare(line.find_first_not_of(" \t"), 7, "export ") == 0;
    if ((config || (shell && exported)) && RE2::FullMatch(line, line_re, &key, &value)) {
      std::string v = value;
      if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) v = v.substr(1, v.size() - 2);
      if (names_credential(key) && is_literal_credential(v) && key.find(".secretKeyRef.") == std::string::npos &&
          key.find(".secrets.") == std::string::npos) {
        out.push_back({key, key});
        continue;
      }
    }
    std::string secret, param;
    if (RE2::PartialMatch(line, url_user_re, &secret) && !is_reference(secret)) {
      out.push_back({"a password in a URL (user:password@host)", ":" + secret + "@"});
    } else if (RE2::PartialMatch(line, url_param_re, &param, &secret) && !is_reference(secret)) {
      out.push_back({"a password in a URL (" + param + "=...)", param + "="});
    }
  }
  re2::StringPiece input(text);
  std::string name, value;
  while (ext == "xml" && RE2::FindAndConsume(&input, xml_re, &name, &value)) {
    if (names_credential(name) && is_literal_credential(value)) out.push_back({name, name});
  }
  return out;
}

// Reports at the template line that writes `needle` in the block scalar of `field` when the
// template writes it plainly, else at the field itself.
void report_in_block(Context& ctx, const char* rule, const RenderedObject& o, const FieldPath& field,
                     const std::string& needle, std::string message, std::string hint) {
  yaml::Mark m = locate_field(ctx, o, field);
  auto text = ctx.read(o.rel);
  if (m.line > 0 && text && !o.suppresses(rule)) {
    size_t key_indent = static_cast<size_t>(m.col - 1);
    size_t pos = 0;
    int ln = 0;
    while (pos < text->size()) {
      size_t nl = text->find('\n', pos);
      std::string line = text->substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
      pos = nl == std::string::npos ? text->size() : nl + 1;
      if (++ln <= m.line) continue;
      size_t ind = line.find_first_not_of(' ');
      if (ind == std::string::npos) continue;
      if (ind <= key_indent && line.compare(ind, 2, "{{") != 0) break;  // the block scalar ended
      size_t at = line.find(needle);
      if (at != std::string::npos) {
        ctx.report(rule, std::move(message), o.rel, ln, static_cast<int>(at) + 1,
                   o.ident() + ":" + format_field_path(field), std::move(hint));
        return;
      }
    }
  }
  ctx.report_object(rule, o, field, std::move(message), std::move(hint));
}

void check_configmap(Context& ctx, const RenderedObject& o) {
  const Value* data = o.doc.find("data");
  if (!data || !data->is_map()) return;
  const char* rule = "security-secret-in-configmap";
  const std::string hint =
      "move the value to a Secret and pass it as an environment variable with `valueFrom.secretKeyRef` (Hadoop "
      "settings can read it as ${env:NAME}; S3A reads AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY itself)";
  for (const auto& [key, v] : data->as_map()) {
    if (!v.is_string()) continue;
    const std::string& text = v.as_string();
    if (text.find('\n') == std::string::npos && names_credential(key) && is_literal_credential(text)) {
      ctx.report_object(rule, o, {"data", key}, "ConfigMap key " + quoted(key) + " holds a credential", hint);
      continue;
    }
    for (const auto& f : credentials_in_text(key, text)) {
      report_in_block(ctx, rule, o, {"data", key}, f.needle,
                      "ConfigMap file " + quoted(key) + " holds a credential: " +
                          (f.setting.starts_with("a password") ? f.setting : quoted(f.setting) + " is set literally"),
                      hint);
    }
  }
}

// Credentials passed to Spark launchers: `--conf k=v` in container commands (literal in the
// pod spec) and in Airflow DAG files (literal in a ConfigMap). Defaults files and
// SparkApplications are read above, where their lines are.
void check_launcher_settings(Context& ctx) {
  std::set<std::string> seen;
  for (const auto& c : spark_confs(ctx)) {
    for (const auto& e : c.entries) {
      if (!e.owner || !names_credential(e.key) || !is_literal_credential(e.value)) continue;
      if (e.key.find(".secretKeyRef.") != std::string::npos || e.key.find(".secrets.") != std::string::npos) continue;
      const std::string& kind = e.owner->kind;
      if (kind == "SparkApplication" || kind == "ScheduledSparkApplication") continue;
      bool in_configmap = kind == "ConfigMap";
      if (in_configmap && !(e.path.size() > 1 && e.path[1].ends_with(".py"))) continue;
      if (!seen.insert(e.owner->ident() + ":" + format_field_path(e.path) + ":" + e.key).second) continue;
      if (in_configmap) {
        report_entry(ctx, "security-secret-in-configmap", e,
                     "ConfigMap file " + quoted(e.path[1]) + " holds a credential: " + quoted(e.key) +
                         " is passed literally to " + (c.program.empty() ? "Spark" : c.program),
                     "pass it through the environment from a Secret: `--conf " + e.key + "=${env:NAME}` for Hadoop "
                     "settings, or the AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY variables for S3");
      } else {
        report_entry(ctx, "security-hardcoded-password", e,
                     "Spark setting " + quoted(e.key) + " is passed literally on the command line of " +
                         (c.program.empty() ? "Spark" : c.program),
                     "set an environment variable from a Secret (`valueFrom.secretKeyRef`) and pass `" + e.key +
                         "=${env:NAME}` for Hadoop settings, or use AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY for S3");
      }
    }
  }
}

}  // namespace

void check_secrets(Context& ctx) {
  check_launcher_settings(ctx);
  for (const auto& pod : ctx.pods()) check_pod_env(ctx, pod);
  for (const auto& o : *ctx.objects()) {
    if (o.kind == "Secret") check_secret_object(ctx, o);
    if (o.kind == "ConfigMap") check_configmap(ctx, o);
    if (o.kind == "SparkApplication" || o.kind == "ScheduledSparkApplication") check_spark_application_conf(ctx, o);
  }
}

}  // namespace sparkc::validate::detail
