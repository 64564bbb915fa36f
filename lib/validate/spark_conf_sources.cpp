// Where a chart gives Spark its settings: spark-defaults files in ConfigMaps, the command
// lines and *_OPTS variables of containers, spark-submit calls in DAG files, and
// SparkApplications. spark_conf.cpp joins them per Spark process.
#include "validate/spark_conf_detail.h"

#include <algorithm>
#include <string>

#include "validate/rules.h"

namespace sparkc::validate::detail {
namespace {

std::string join_path(const std::string& dir, const std::string& file) {
  if (dir.empty()) return file;
  return dir.back() == '/' ? dir + file : dir + "/" + file;
}

std::string strip_slash(std::string p) {
  while (p.size() > 1 && p.back() == '/') p.pop_back();
  return p;
}

// Whether the container sees `f` at `path` (or anywhere when `path` is empty).
bool sees(const std::map<std::string, std::pair<std::string, std::string>>& files, const DefaultsFile& f,
          const std::string& path) {
  for (const auto& [p, src] : files) {
    if (src.first != f.owner->name) continue;
    if (src.second != f.key && src.second != "*") continue;
    if (path.empty()) return true;
    std::string actual = src.second == "*" ? p.substr(0, p.size() - 1) + f.key : p;
    if (actual == path) return true;
  }
  return false;
}

// The text of a scalar as Spark would receive it.
std::string scalar_text(const Value& v) {
  if (v.is_string()) return v.as_string();
  if (v.is_bool()) return v.as_bool() ? "true" : "false";
  if (v.is_integer()) return std::to_string(v.as_int());
  if (v.is_float()) {
    std::string t = std::to_string(v.as_float());
    while (t.size() > 1 && t.back() == '0') t.pop_back();
    if (!t.empty() && t.back() == '.') t.pop_back();
    return t;
  }
  return "";
}

FieldPath concat(FieldPath a, const FieldPath& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// A shell, for `sh -c SCRIPT` command lines.
bool is_shell(std::string_view word) {
  std::string b = basename(word);
  return b == "sh" || b == "bash" || b == "dash" || b == "ash" || b == "zsh";
}

// A shell's flag word that makes the next word the script: -c, or -c among others (-ec, -lc).
bool is_script_flag(std::string_view w) {
  if (w.size() < 2 || w[0] != '-' || w.find('c') == std::string_view::npos) return false;
  return std::all_of(w.begin() + 1, w.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
}

// The string literals of a Python line, concatenated; `in_doc` tracks triple-quoted strings,
// which are documentation, not commands.
std::string python_literals(std::string_view line, bool& in_doc) {
  std::string out;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line.substr(i, 3) == "\"\"\"" || line.substr(i, 3) == "'''") {
      in_doc = !in_doc;
      i += 2;
      continue;
    }
    if (in_doc) continue;
    char q = line[i];
    if (q == '#') break;
    if (q != '"' && q != '\'') continue;
    for (++i; i < line.size() && line[i] != q; ++i) {
      if (line[i] == '\\' && i + 1 < line.size()) ++i;
      out += line[i];
    }
  }
  return out;
}

}  // namespace

// The files a container sees from ConfigMaps: absolute path -> (ConfigMap name, key).
std::map<std::string, std::pair<std::string, std::string>> configmap_files(const Pod& pod, const Value& c) {
  std::map<std::string, std::pair<std::string, std::string>> out;
  const Value* vols = pod.spec.find("volumes");
  const Value* mounts = c.find("volumeMounts");
  if (!vols || !vols->is_list() || !mounts || !mounts->is_list()) return out;
  // (configMap name, items as key -> path; empty: every key under its own name)
  auto sources = [&](const std::string& name) {
    std::vector<std::pair<std::string, std::vector<std::pair<std::string, std::string>>>> s;
    for (const auto& v : vols->as_list()) {
      if (string_at(v, "name") != name) continue;
      auto add = [&](const Value* cm) {
        if (!cm || !cm->is_map()) return;
        std::vector<std::pair<std::string, std::string>> items;
        const Value* it = cm->find("items");
        if (it && it->is_list()) {
          for (const auto& item : it->as_list()) items.push_back({string_at(item, "key"), string_at(item, "path")});
        }
        s.push_back({string_at(*cm, "name"), items});
      };
      add(v.find("configMap"));
      const Value* proj = value_at(v, {"projected", "sources"});
      if (proj && proj->is_list()) {
        for (const auto& src : proj->as_list()) add(src.find("configMap"));
      }
    }
    return s;
  };
  for (const auto& m : mounts->as_list()) {
    std::string mount_path = strip_slash(string_at(m, "mountPath"));
    std::string sub = string_at(m, "subPath");
    for (const auto& [cm, items] : sources(string_at(m, "name"))) {
      if (items.empty()) {
        // Without items every key is a file; a subPath picks one of them.
        if (sub.empty()) out[mount_path + "/*"] = {cm, "*"};
        else out[mount_path] = {cm, sub};
      } else {
        for (const auto& [key, path] : items) {
          if (sub.empty()) out[join_path(mount_path, path)] = {cm, key};
          else if (sub == path) out[mount_path] = {cm, key};
        }
      }
    }
  }
  return out;
}

std::vector<DefaultsFile> defaults_files(const std::vector<RenderedObject>& objects) {
  std::vector<DefaultsFile> out;
  for (const auto& o : objects) {
    if (o.kind != "ConfigMap") continue;
    const Value* data = o.doc.find("data");
    if (!data || !data->is_map()) continue;
    for (const auto& [key, text] : data->as_map()) {
      if (!key.ends_with(".conf") || !text.is_string()) continue;
      DefaultsFile f{&o, key, {}};
      bool spark = false;
      for (auto& [k, v] : parse_properties(text.as_string())) {
        spark = spark || k.starts_with("spark.");
        f.entries.push_back({k, v, &o, {"data", key}});
      }
      if (spark) out.push_back(std::move(f));
    }
  }
  return out;
}

// The literal value of the container's environment variable `name`, or "".
std::string env_text(const Value& c, std::string_view name) {
  const Value* env = c.find("env");
  if (!env || !env->is_list()) return "";
  std::string out;
  for (const auto& e : env->as_list()) {
    if (string_at(e, "name") == name) out = string_at(e, "value");
  }
  return out;
}

// The defaults file the process sees: the one at its configuration directory, else the one
// its --properties-file names, else (when `anywhere`) any it mounts.
const DefaultsFile* defaults_seen(const std::vector<DefaultsFile>& files,
                                  const std::map<std::string, std::pair<std::string, std::string>>& mounted,
                                  const std::string& conf_dir, const std::string& properties_file,
                                  bool anywhere) {
  for (const std::string& want : {join_path(strip_slash(conf_dir), "spark-defaults.conf"), properties_file}) {
    if (want.empty()) continue;
    for (const auto& f : files) {
      if (sees(mounted, f, want)) return &f;
    }
  }
  if (!anywhere) return nullptr;
  for (const auto& f : files) {
    if (sees(mounted, f, "")) return &f;
  }
  return nullptr;
}

// The word after --properties-file in `words`, or "".
std::string properties_file_of(const std::vector<std::string>& words) {
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    if (words[i] == "--properties-file") return words[i + 1];
    if (words[i].starts_with("--properties-file=")) return words[i].substr(18);
  }
  return "";
}

// The Spark process a container runs: its launcher and settings on the command line (directly
// or in an `sh -c` script) and in *_OPTS environment variables.
Launch container_launch(const Pod& pod, const FieldPath& cpath, const Value& c) {
  Launch l;
  l.pod = &pod;
  l.container = cpath;
  l.owner = pod.owner;
  l.kind = "command-line";
  l.ident = pod.ident + " " + format_field_path(cpath);
  std::vector<std::pair<std::string, FieldPath>> words;
  for (const char* field : {"command", "args"}) {
    const Value* list = c.find(field);
    if (!list || !list->is_list()) continue;
    for (size_t i = 0; i < list->as_list().size(); ++i) {
      words.push_back({scalar_text(list->as_list()[i]), pod.path_of(concat(cpath, {field, std::to_string(i)}))});
    }
  }
  std::vector<std::string> plain;
  for (const auto& w : words) plain.push_back(w.first);
  auto take = [&](const std::vector<std::string>& argv, size_t launcher, auto path_of_word) {
    l.program = basename(argv[launcher]);
    size_t end = launcher;
    while (end < argv.size() && argv[end] != ";") ++end;
    l.argv.assign(argv.begin() + static_cast<long>(launcher), argv.begin() + static_cast<long>(end));
    for (const auto& s : parse_launcher_args(argv, launcher + 1, &l.main_class)) {
      l.entries.push_back({s.key, s.value, pod.owner, path_of_word(s.word)});
    }
  };
  for (size_t i = 0; i < plain.size() && l.program.empty(); ++i) {
    if (is_spark_launcher(plain[i])) {
      take(plain, i, [&](size_t w) { return words[w].second; });
    } else if (is_script_flag(plain[i]) && i > 0 && is_shell(plain[0]) && i + 1 < plain.size()) {
      std::vector<std::string> sw = shell_words(plain[i + 1]);
      FieldPath script = words[i + 1].second;
      for (size_t j = 0; j < sw.size(); ++j) {
        if (is_spark_launcher(sw[j])) {
          take(sw, j, [&](size_t) { return script; });
          break;
        }
      }
    }
  }
  // -Dspark.* in the JVM options of daemons and launchers.
  const Value* env = c.find("env");
  if (env && env->is_list()) {
    for (size_t i = 0; i < env->as_list().size(); ++i) {
      const Value& e = env->as_list()[i];
      std::string name = string_at(e, "name");
      if (!name.ends_with("_OPTS") && name != "JAVA_TOOL_OPTIONS") continue;
      for (auto& [k, v] : parse_java_options(string_at(e, "value"))) {
        l.entries.push_back({k, v, pod.owner, pod.path_of(concat(cpath, {"env", std::to_string(i), "value"}))});
      }
    }
  }
  return l;
}

// The spark-submit command lines of a DAG file: each run of lines whose string literals
// concatenate (Python joins adjacent literals) is read as one shell command.
std::vector<Launch> dag_launches(const RenderedObject& o, const std::string& key, const std::string& text) {
  std::vector<Launch> out;
  std::vector<std::string> groups;
  bool in_doc = false, open = false;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view line(text.data() + pos, (nl == std::string::npos ? text.size() : nl) - pos);
    pos = nl == std::string::npos ? text.size() : nl + 1;
    bool was_doc = in_doc;
    std::string lit = python_literals(line, in_doc);
    std::string t = trim(line);
    bool continues = !t.empty() && (t[0] == '"' || t[0] == '\'') && !was_doc;
    if (lit.empty()) {
      open = false;
      continue;
    }
    if (open && continues) groups.back() += lit;
    else groups.push_back(lit);
    open = true;
  }
  for (const auto& g : groups) {
    std::vector<std::string> sw = shell_words(g);
    for (size_t j = 0; j < sw.size(); ++j) {
      if (!is_spark_launcher(sw[j])) continue;
      Launch l;
      l.owner = &o;
      l.kind = "dag";
      l.ident = o.ident() + "[" + key + "]";
      l.program = basename(sw[j]);
      size_t end = j;
      while (end < sw.size() && sw[end] != ";") ++end;
      l.argv.assign(sw.begin() + static_cast<long>(j), sw.begin() + static_cast<long>(end));
      for (const auto& s : parse_launcher_args(sw, j + 1, &l.main_class)) {
        l.entries.push_back({s.key, s.value, &o, {"data", key}});
      }
      if (!l.entries.empty()) out.push_back(std::move(l));
      j = end;
    }
  }
  return out;
}

// The directory a DAG sets SPARK_CONF_DIR to ("SPARK_CONF_DIR": "/x" or SPARK_CONF_DIR=/x), or "".
std::string dag_conf_dir(const std::string& text) {
  size_t at = text.find("SPARK_CONF_DIR");
  while (at != std::string::npos) {
    size_t i = at + 14;
    while (i < text.size() && (text[i] == '"' || text[i] == '\'' || text[i] == ' ' || text[i] == ':' || text[i] == '=')) ++i;
    size_t e = i;
    while (e < text.size() && text[e] != '"' && text[e] != '\'' && text[e] != ' ' && text[e] != '\n' && text[e] != ',') ++e;
    if (e > i && text[i] == '/') return text.substr(i, e - i);
    at = text.find("SPARK_CONF_DIR", at + 14);
  }
  return "";
}

// A SparkApplication's settings: spec.sparkConf, spec.hadoopConf as spark.hadoop.*, and the
// typed fields the operator passes to spark-submit as configuration.
SparkConf application_conf(const RenderedObject& o, const std::vector<Pod>& pods) {
  SparkConf sc;
  sc.owner = &o;
  sc.ident = o.ident();
  sc.origin = "spark-application";
  sc.program = "spark-operator";
  FieldPath base = o.kind == "SparkApplication" ? FieldPath{"spec"} : FieldPath{"spec", "template"};
  for (const auto& p : pods) {
    if (p.owner == &o && p.spark_role == "driver") sc.pod = &p;
  }
  const Value* spec = value_at(o.doc, base);
  if (!spec || !spec->is_map()) return sc;
  auto add = [&](const std::string& key, const FieldPath& below) {
    const Value* v = value_at(*spec, below);
    if (v && !v->is_map() && !v->is_list() && !v->is_nil()) sc.entries.push_back({key, scalar_text(*v), &o, concat(base, below)});
  };
  for (const auto& [field, prefix] : {std::pair<const char*, const char*>{"sparkConf", ""}, {"hadoopConf", "spark.hadoop."}}) {
    const Value* m = spec->find(field);
    if (!m || !m->is_map()) continue;
    for (const auto& [k, v] : m->as_map()) add(prefix + k, {field, k});
  }
  add("spark.submit.deployMode", {"mode"});
  add("spark.kubernetes.container.image", {"image"});
  add("spark.kubernetes.container.image.pullPolicy", {"imagePullPolicy"});
  for (const char* role : {"driver", "executor"}) {
    std::string r = role;
    add("spark." + r + ".cores", {r, "cores"});
    add("spark.kubernetes." + r + ".limit.cores", {r, "coreLimit"});
    add("spark." + r + ".memory", {r, "memory"});
    add("spark." + r + ".memoryOverhead", {r, "memoryOverhead"});
    add("spark.kubernetes.authenticate." + r + ".serviceAccountName", {r, "serviceAccount"});
  }
  add("spark.executor.instances", {"executor", "instances"});
  add("spark.dynamicAllocation.enabled", {"dynamicAllocation", "enabled"});
  add("spark.dynamicAllocation.initialExecutors", {"dynamicAllocation", "initialExecutors"});
  add("spark.dynamicAllocation.minExecutors", {"dynamicAllocation", "minExecutors"});
  add("spark.dynamicAllocation.maxExecutors", {"dynamicAllocation", "maxExecutors"});
  add("spark.dynamicAllocation.shuffleTracking.enabled", {"dynamicAllocation", "shuffleTrackingEnabled"});
  sc.declared_version = string_at(*spec, "sparkVersion");
  sc.main_class = string_at(*spec, "mainClass");
  return sc;
}

}  // namespace sparkc::validate::detail
