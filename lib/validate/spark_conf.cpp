// The Spark configuration model: settings gathered from defaults files, command lines, DAG
// files and SparkApplications, joined per Spark process.
#include "validate/spark_conf.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "validate/rules.h"

namespace sparkc::validate::detail {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\f'; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (is_space(s[b]) || s[b] == '\r' || s[b] == '\n')) ++b;
  while (e > b && (is_space(s[e - 1]) || s[e - 1] == '\r' || s[e - 1] == '\n')) --e;
  return std::string(s.substr(b, e - b));
}

std::string basename(std::string_view w) {
  size_t slash = w.rfind('/');
  std::string b(slash == std::string_view::npos ? w : w.substr(slash + 1));
  // A launcher quoted with its variable ("$SPARK_HOME/bin/spark-submit") keeps no quotes.
  b.erase(std::remove(b.begin(), b.end(), '"'), b.end());
  return b;
}

// Resolves the escapes of a properties key or value: \t \n \r \f, \uXXXX (ASCII only; other
// code points are kept as written), and \x for any other x.
std::string unescape_properties(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 == s.size()) {
      out += s[i];
      continue;
    }
    char c = s[++i];
    switch (c) {
      case 't': out += '\t'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 'f': out += '\f'; break;
      case 'u': {
        unsigned v = 0;
        bool ok = i + 4 < s.size();
        for (size_t k = 1; ok && k <= 4; ++k) {
          char h = s[i + k];
          if (!std::isxdigit(static_cast<unsigned char>(h))) ok = false;
          else v = v * 16 + static_cast<unsigned>(std::isdigit(static_cast<unsigned char>(h)) ? h - '0' : (std::tolower(h) - 'a' + 10));
        }
        if (ok && v < 0x80) {
          out += static_cast<char>(v);
          i += 4;
        } else {
          out += "\\u";
        }
        break;
      }
      default: out += c;
    }
  }
  return out;
}

}  // namespace

// --- Parsers --------------------------------------------------------------------------------

// properties := { logical-line }
// logical-line := natural lines joined where a line ends in an odd number of backslashes (the
//                 next line's leading blanks dropped); blank and #/! comment lines are skipped
// entry := key [blanks] [= | :] [blanks] value, the key ending at an unescaped = : or blank
std::vector<std::pair<std::string, std::string>> parse_properties(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> out;
  std::vector<std::string_view> lines;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view l = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    lines.push_back(l);
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  auto continues = [](std::string_view l) {
    size_t n = 0;
    while (n < l.size() && l[l.size() - 1 - n] == '\\') ++n;
    return n % 2 == 1;
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view l = lines[i];
    size_t b = 0;
    while (b < l.size() && is_space(l[b])) ++b;
    l.remove_prefix(b);
    if (l.empty() || l[0] == '#' || l[0] == '!') continue;
    std::string logical;
    while (continues(l) && i + 1 < lines.size()) {
      logical += l.substr(0, l.size() - 1);
      l = lines[++i];
      size_t s = 0;
      while (s < l.size() && is_space(l[s])) ++s;
      l.remove_prefix(s);
    }
    if (continues(l)) l.remove_suffix(1);
    logical += l;
    size_t k = 0;
    while (k < logical.size()) {
      char c = logical[k];
      if (c == '\\') {
        k += 2;
        continue;
      }
      if (c == '=' || c == ':' || is_space(c)) break;
      ++k;
    }
    k = std::min(k, logical.size());
    std::string key = unescape_properties(std::string_view(logical).substr(0, k));
    size_t v = k;
    while (v < logical.size() && is_space(logical[v])) ++v;
    if (v < logical.size() && (logical[v] == '=' || logical[v] == ':')) {
      ++v;
      while (v < logical.size() && is_space(logical[v])) ++v;
    }
    // Spark trims the values it reads from a properties file (Utils.getPropertiesFromFile).
    out.push_back({key, trim(unescape_properties(std::string_view(logical).substr(v)))});
  }
  return out;
}

std::vector<std::string> shell_words(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  bool in_word = false;
  auto end_word = [&] {
    if (in_word) out.push_back(cur);
    cur.clear();
    in_word = false;
  };
  auto separator = [&] {
    end_word();
    if (!out.empty() && out.back() != ";") out.push_back(";");
  };
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\\') {
      if (i + 1 < s.size() && s[i + 1] == '\n') {
        ++i;  // line continuation
      } else if (i + 1 < s.size()) {
        cur += s[++i];
        in_word = true;
      }
    } else if (c == '\'') {
      size_t e = s.find('\'', i + 1);
      if (e == std::string_view::npos) e = s.size();
      cur += s.substr(i + 1, e - i - 1);
      in_word = true;
      i = e;
    } else if (c == '"') {
      in_word = true;
      for (++i; i < s.size() && s[i] != '"'; ++i) {
        if (s[i] == '\\' && i + 1 < s.size() && std::string_view("\"\\$`\n").find(s[i + 1]) != std::string_view::npos) {
          if (s[i + 1] != '\n') cur += s[i + 1];
          ++i;
        } else {
          cur += s[i];
        }
      }
    } else if (c == '$' && i + 1 < s.size() && s[i + 1] == '(') {
      // A command substitution stays one piece of the word, blanks included.
      int depth = 0;
      size_t j = i;
      for (; j < s.size(); ++j) {
        if (s[j] == '(') ++depth;
        if (s[j] == ')' && --depth == 0) break;
      }
      cur += s.substr(i, std::min(j, s.size() - 1) - i + 1);
      in_word = true;
      i = j;
    } else if (c == '#' && !in_word) {
      while (i + 1 < s.size() && s[i + 1] != '\n') ++i;
    } else if (c == '\n' || c == ';' || c == '|' || c == '&') {
      separator();
    } else if (is_space(c) || c == '\r') {
      end_word();
    } else {
      cur += c;
      in_word = true;
    }
  }
  end_word();
  return out;
}

bool is_spark_launcher(std::string_view word) {
  static const std::set<std::string> names = {
      "spark-submit", "pyspark", "spark-shell", "spark-sql", "sparkR", "spark-class",
      "start-connect-server.sh", "start-thriftserver.sh", "start-history-server.sh",
      "start-master.sh", "start-worker.sh", "start-slave.sh"};
  return names.count(basename(word)) > 0;
}

std::vector<CommandLineSetting> parse_launcher_args(const std::vector<std::string>& words, size_t from,
                                                    std::string* main_class) {
  // spark-submit's options that stand for a configuration key (SparkSubmitArguments).
  static const std::map<std::string, std::string> keyed = {
      {"--master", "spark.master"},
      {"--remote", "spark.remote"},
      {"--deploy-mode", "spark.submit.deployMode"},
      {"--name", "spark.app.name"},
      {"--jars", "spark.jars"},
      {"--packages", "spark.jars.packages"},
      {"--exclude-packages", "spark.jars.excludes"},
      {"--repositories", "spark.jars.repositories"},
      {"--files", "spark.files"},
      {"--archives", "spark.archives"},
      {"--py-files", "spark.submit.pyFiles"},
      {"--driver-memory", "spark.driver.memory"},
      {"--driver-java-options", "spark.driver.extraJavaOptions"},
      {"--driver-library-path", "spark.driver.extraLibraryPath"},
      {"--driver-class-path", "spark.driver.extraClassPath"},
      {"--driver-cores", "spark.driver.cores"},
      {"--executor-memory", "spark.executor.memory"},
      {"--executor-cores", "spark.executor.cores"},
      {"--num-executors", "spark.executor.instances"},
      {"--total-executor-cores", "spark.cores.max"},
      {"--queue", "spark.yarn.queue"},
      {"--principal", "spark.kerberos.principal"},
      {"--keytab", "spark.kerberos.keytab"},
  };
  // Options that take a value but set no key.
  static const std::set<std::string> valued = {"--class", "--properties-file", "--proxy-user",
                                               "--kill", "--status"};
  std::vector<CommandLineSetting> out;
  auto add_conf = [&](size_t word, const std::string& kv) {
    size_t eq = kv.find('=');
    if (eq == std::string::npos || eq == 0) return;
    out.push_back({word, kv.substr(0, eq), kv.substr(eq + 1)});
  };
  for (size_t i = from; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (w == ";") break;
    if (w == "--conf" || w == "-c") {
      if (i + 1 < words.size()) add_conf(i + 1, words[i + 1]);
      ++i;
      continue;
    }
    if (w.starts_with("--conf=")) {
      add_conf(i, w.substr(7));
      continue;
    }
    std::string opt = w, val;
    bool inline_value = false;
    if (w.starts_with("--") && w.find('=') != std::string::npos) {
      opt = w.substr(0, w.find('='));
      val = w.substr(w.find('=') + 1);
      inline_value = true;
    }
    auto k = keyed.find(opt);
    if (k != keyed.end() || valued.count(opt)) {
      size_t at = i;
      if (!inline_value) {
        if (i + 1 >= words.size()) break;
        at = ++i;
        val = words[at];
      }
      if (k != keyed.end()) out.push_back({at, k->second, val});
      if (opt == "--class" && main_class) *main_class = val;
      continue;
    }
    if (w.starts_with("-")) continue;  // a switch (--verbose, --supervise)
    // The primary resource: what follows belongs to the application.
    break;
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> parse_java_options(std::string_view opts) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& w : shell_words(opts)) {
    if (!w.starts_with("-Dspark.")) continue;
    size_t eq = w.find('=');
    if (eq == std::string::npos) {
      out.push_back({w.substr(2), ""});
    } else {
      out.push_back({w.substr(2, eq - 2), w.substr(eq + 1)});
    }
  }
  return out;
}

// --- SparkConf ------------------------------------------------------------------------------

const SparkConfEntry* SparkConf::find(std::string_view key) const {
  for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
    if (it->key == key) return &*it;
  }
  return nullptr;
}

std::string SparkConf::get(std::string_view key, std::string_view fallback) const {
  const SparkConfEntry* e = find(key);
  return e ? e->value : std::string(fallback);
}

bool SparkConf::is_true(std::string_view key) const { return lower(trim(get(key))) == "true"; }

bool SparkConf::on_kubernetes() const {
  return origin == "spark-application" || lower(trim(get("spark.master"))).starts_with("k8s://");
}

// --- Gathering ------------------------------------------------------------------------------

namespace {

// A spark-defaults file: a ConfigMap entry whose name ends in .conf and that sets spark.* keys.
struct DefaultsFile {
  const RenderedObject* owner;
  std::string key;
  std::vector<SparkConfEntry> entries;
};

// Something that runs (or may run) Spark with a command line: a container, or a DAG file.
struct Launch {
  const Pod* pod = nullptr;
  FieldPath container;
  const RenderedObject* owner = nullptr;  // owner of the command-line entries
  std::string ident, program, main_class, kind;  // kind: "command-line" or "dag"
  std::vector<std::string> argv;
  std::vector<SparkConfEntry> entries;
  const DefaultsFile* defaults = nullptr;
};

std::string join_path(const std::string& dir, const std::string& file) {
  if (dir.empty()) return file;
  return dir.back() == '/' ? dir + file : dir + "/" + file;
}

std::string strip_slash(std::string p) {
  while (p.size() > 1 && p.back() == '/') p.pop_back();
  return p;
}

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

// The literal value of the container's environment variable `name`, or "".
std::string env_value(const Value& c, std::string_view name) {
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
                                  bool anywhere = true) {
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

}  // namespace

std::vector<SparkConf> spark_confs(Context& ctx) {
  std::vector<SparkConf> out;
  const auto* objects = ctx.objects();
  if (!objects) return out;
  const std::vector<Pod>& pods = ctx.pods();
  std::vector<DefaultsFile> files = defaults_files(*objects);

  std::vector<Launch> launches;
  for (const auto& pod : pods) {
    if (pod.embedded || !pod.spark_role.empty()) continue;  // Spark's own pods run no launcher
    for (const auto& [cpath, c] : pod.containers()) {
      Launch l = container_launch(pod, cpath, *c);
      auto mounted = configmap_files(pod, *c);
      std::string conf_dir = env_value(*c, "SPARK_CONF_DIR");
      l.defaults = defaults_seen(files, mounted, conf_dir.empty() ? "/opt/spark/conf" : conf_dir,
                                 properties_file_of(l.argv));
      if (!l.program.empty() || !l.entries.empty() || l.defaults) launches.push_back(std::move(l));
    }
  }
  for (const auto& o : *objects) {
    if (o.kind != "ConfigMap") continue;
    const Value* data = o.doc.find("data");
    if (!data || !data->is_map()) continue;
    for (const auto& [key, text] : data->as_map()) {
      if (!key.ends_with(".py") || !text.is_string()) continue;
      std::string dir = dag_conf_dir(text.as_string());
      for (Launch& l : dag_launches(o, key, text.as_string())) {
        // The DAG runs in a pod that mounts it; its spark-submit reads the defaults file that
        // pod mounts at the DAG's SPARK_CONF_DIR. A pod that has one there is preferred over
        // one that merely mounts the DAG's ConfigMap.
        bool exact = false;
        for (const auto& pod : pods) {
          for (const auto& [cpath, c] : pod.containers()) {
            auto mounted = configmap_files(pod, *c);
            bool has_dag = std::any_of(mounted.begin(), mounted.end(), [&](const auto& m) {
              return m.second.first == o.name && (m.second.second == key || m.second.second == "*");
            });
            if (!has_dag || exact) continue;
            std::string conf_dir = dir.empty() ? env_value(*c, "SPARK_CONF_DIR") : dir;
            if (conf_dir.empty()) conf_dir = "/opt/spark/conf";
            const DefaultsFile* at_dir = defaults_seen(files, mounted, conf_dir, properties_file_of(l.argv), false);
            if (l.pod && !at_dir) continue;
            l.pod = &pod;
            l.container = cpath;
            l.defaults = at_dir ? at_dir : defaults_seen(files, mounted, conf_dir, properties_file_of(l.argv));
            exact = at_dir != nullptr;
          }
        }
        launches.push_back(std::move(l));
      }
    }
  }

  auto from_launch = [](const Launch& l) {
    SparkConf sc;
    sc.owner = l.owner;
    sc.ident = l.ident;
    sc.origin = l.kind;
    sc.pod = l.pod;
    sc.container = l.container;
    sc.program = l.program;
    sc.main_class = l.main_class;
    sc.argv = l.argv;
    sc.entries = l.entries;
    return sc;
  };
  for (const auto& f : files) {
    std::string ident = f.owner->ident() + "[" + f.key + "]";
    std::vector<const Launch*> users;
    for (const auto& l : launches) {
      if (l.defaults == &f && (!l.program.empty() || !l.entries.empty())) users.push_back(&l);
    }
    if (users.empty()) {
      // Mounted where no launcher is seen (a notebook kernel reads it), or not mounted.
      SparkConf sc;
      sc.owner = f.owner;
      sc.ident = ident;
      sc.origin = "defaults-file";
      for (const auto& l : launches) {
        if (l.defaults == &f && !sc.pod) {
          sc.pod = l.pod;
          sc.container = l.container;
        }
      }
      sc.entries = f.entries;
      out.push_back(std::move(sc));
      continue;
    }
    for (const Launch* l : users) {
      SparkConf sc = from_launch(*l);
      sc.owner = f.owner;
      sc.ident = ident + " + " + l->ident;
      sc.origin = "defaults-file+" + l->kind;
      sc.entries = f.entries;
      sc.entries.insert(sc.entries.end(), l->entries.begin(), l->entries.end());
      out.push_back(std::move(sc));
    }
  }
  for (const auto& l : launches) {
    if (!l.defaults && (!l.program.empty() || !l.entries.empty())) out.push_back(from_launch(l));
  }
  for (const auto& o : *objects) {
    if (o.kind == "SparkApplication" || o.kind == "ScheduledSparkApplication") out.push_back(application_conf(o, pods));
  }
  return out;
}

void report_entry(Context& ctx, const std::string& rule_id, const SparkConfEntry& e, std::string message,
                  std::string hint) {
  const RenderedObject& o = *e.owner;
  if (ctx.options().disabled.count(rule_id) || o.suppresses(rule_id)) return;
  std::string path = o.ident() + ":" + format_field_path(e.path);
  const Value* v = value_at(o.doc, e.path);
  bool several = v && v->is_string() && v->as_string().find('\n') != std::string::npos;
  if (several) path += ":" + e.key;
  // Inside a block scalar (a defaults file, a script, a DAG): the first line from the field on
  // that writes the key as a word outside a comment, when the template writes it plainly.
  auto writes_key = [&](std::string_view line) {
    size_t ind = line.find_first_not_of(' ');
    if (ind != std::string_view::npos && (line[ind] == '#' || line[ind] == '!')) return std::string_view::npos;
    size_t at = line.find(e.key);
    while (at != std::string_view::npos) {
      size_t after = at + e.key.size();
      bool starts = at == 0 || std::string_view(" \t\"'=").find(line[at - 1]) != std::string_view::npos;
      bool ends = after == line.size() || std::string_view(" \t=:\"'").find(line[after]) != std::string_view::npos;
      if (starts && ends) break;
      at = line.find(e.key, at + 1);
    }
    return at;
  };
  yaml::Mark m = several ? locate_in_block(ctx, o, e.path, true, writes_key) : locate_field(ctx, o, e.path);
  ctx.report(rule_id, std::move(message), o.rel, m.line, m.col, std::move(path), std::move(hint));
}

}  // namespace sparkc::validate::detail
