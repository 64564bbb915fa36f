// Facts the spark runtime rules share: image tags, pip requirements, mounted ConfigMap files,
// Spark Connect servers, and the Spark -> Hadoop -> AWS SDK version tables.
#include <re2/re2.h>

#include <fstream>
#include <sstream>

#include "sparkc/compose.h"
#include "validate/rules.h"
#include "validate/spark_runtime.h"

namespace sparkc::validate::detail {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The version catalogue of our blocks (templates/versions.yaml), read once; an empty map when
// it cannot be read (the Python of Spark images is then unknown, and rules skip it).
const Value& catalogue_lines() {
  static const Value lines = [] {
    try {
      std::ifstream in(compose::Catalog::default_data_dir() + "/templates/versions.yaml", std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      Value doc = yaml::load(ss.str(), "versions.yaml");
      const Value* l = doc.is_map() ? doc.find("lines") : nullptr;
      if (l && l->is_map()) return *l;
    } catch (const std::exception&) {
    }
    return Value::map();
  }();
  return lines;
}

// Splits "registry/repo:tag@digest" into repository (without registry) and tag.
std::pair<std::string, std::string> split_image(std::string_view image) {
  std::string s(image.substr(0, image.find('@')));
  std::string tag;
  size_t colon = s.rfind(':');
  if (colon != std::string::npos && s.find('/', colon) == std::string::npos) {
    tag = s.substr(colon + 1);
    s.resize(colon);
  }
  // A first component with a dot or a port is a registry host.
  size_t slash = s.find('/');
  if (slash != std::string::npos) {
    std::string first = s.substr(0, slash);
    if (first.find('.') != std::string::npos || first.find(':') != std::string::npos || first == "localhost") {
      s = s.substr(slash + 1);
    }
  }
  if (s.starts_with("library/")) s = s.substr(8);
  return {s, tag};
}

std::string last_component(const std::string& repo) {
  size_t slash = repo.rfind('/');
  return slash == std::string::npos ? repo : repo.substr(slash + 1);
}

// name[extras] (op version)? ; markers — one requirement specifier.
bool parse_requirement(std::string_view spec, PipRequirement& out) {
  static const RE2 re(
      "([A-Za-z0-9][A-Za-z0-9._-]*)\\s*(?:\\[([A-Za-z0-9,._ -]*)\\])?\\s*"
      "(?:(===|==|~=|>=|<=|!=|>|<)\\s*([0-9][A-Za-z0-9.*+!-]*))?.*");
  std::string s(spec.substr(0, spec.find(';')));
  std::string name, extras, op, version;
  if (!RE2::FullMatch(s, re, &name, &extras, &op, &version)) return false;
  out.spec = s.substr(0, s.find_last_not_of(" \t\r") + 1);
  out.name = lower(name);
  for (char& c : out.name) {
    if (c == '_' || c == '.') c = '-';
  }
  out.extras = lower(extras);
  // The installed version is the pin; a lower bound still says which line is meant.
  out.version = (op == "==" || op == "===" || op == "~=" || op == ">=") ? version : "";
  return true;
}

// Requirements of a requirements file: one specifier per line, comments and options skipped.
void parse_requirements_file(const std::string& text, const RenderedObject* owner, const FieldPath& path,
                             std::vector<PipRequirement>& out) {
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    size_t hash = line.find(" #");
    if (hash != std::string::npos) line.resize(hash);
    size_t b = line.find_first_not_of(" \t");
    if (b == std::string::npos || line[b] == '#' || line[b] == '-') continue;
    PipRequirement r;
    if (!parse_requirement(line.substr(b), r)) continue;
    r.owner = owner;
    r.path = path;
    out.push_back(std::move(r));
  }
}

bool is_pip(const std::string& w) {
  std::string b = last_component(w);
  return b == "pip" || b == "pip3" || RE2::FullMatch(b, "pip3\\.[0-9]+");
}

// The `pip install` commands of a script, each requirement or `-r FILE` reported to `on_spec`
// and `on_file`.
template <typename Spec, typename File>
void scan_pip(const std::string& script, Spec on_spec, File on_file) {
  if (script.find("pip") == std::string::npos) return;
  std::vector<std::string> w = shell_words(script);
  static const std::set<std::string> valued = {"-c", "--constraint", "-i", "--index-url", "--extra-index-url",
                                               "-f", "--find-links", "-t", "--target", "--prefix", "--root",
                                               "--src", "--trusted-host", "--cache-dir", "--python", "--platform",
                                               "--python-version", "--implementation", "--abi", "--progress-bar"};
  for (size_t i = 0; i + 1 < w.size(); ++i) {
    size_t at = std::string::npos;
    if (is_pip(w[i]) && w[i + 1] == "install") at = i + 2;
    if (i + 2 < w.size() && w[i] == "-m" && w[i + 1] == "pip" && w[i + 2] == "install") at = i + 3;
    if (at == std::string::npos) continue;
    for (size_t j = at; j < w.size() && w[j] != ";"; ++j) {
      const std::string& a = w[j];
      if (a == "-r" || a == "--requirement") {
        if (j + 1 < w.size()) on_file(w[++j]);
      } else if (a.starts_with("--requirement=")) {
        on_file(a.substr(14));
      } else if (valued.count(a)) {
        ++j;
      } else if (!a.starts_with("-")) {
        on_spec(a);
      }
    }
  }
}

}  // namespace

std::string minor_of(std::string_view v) {
  std::string major, minor;
  if (!RE2::PartialMatch(v, "^v?([0-9]+)\\.([0-9]+)", &major, &minor)) return "";
  return major + "." + minor;
}

std::optional<SparkImage> spark_image(std::string_view image) {
  auto [repo, tag] = split_image(image);
  std::string name = last_component(repo);
  if (name != "spark" && name != "spark-py") return std::nullopt;
  std::string version;
  if (!RE2::PartialMatch(tag, "^v?([0-9]+\\.[0-9]+\\.[0-9]+)", &version)) return std::nullopt;
  SparkImage out{version, ""};
  std::string explicit_py;
  if (RE2::PartialMatch(tag, "python(3\\.[0-9]+)", &explicit_py)) {
    out.python = explicit_py;
    return out;
  }
  // The apache/spark images: "X.Y.Z" alone is the python3 Ubuntu variant; the catalogue says
  // which Python that Ubuntu release ships for the lines it knows.
  bool python3_ubuntu = tag == version || (tag.find("python3") != std::string::npos && tag.find("ubuntu") != std::string::npos);
  const Value* line = catalogue_lines().find(minor_of(version));
  if (python3_ubuntu && line && line->is_map()) {
    const Value* img = line->find("image");
    std::string cat_repo = img ? string_at(*img, "repository") : "";
    if (!cat_repo.empty() && (repo == cat_repo || repo.ends_with("/" + cat_repo) || name == last_component(cat_repo))) {
      out.python = string_at(*line, "python");
    }
  }
  return out;
}

std::string image_python(std::string_view image) {
  auto [repo, tag] = split_image(image);
  std::string py;
  if (RE2::PartialMatch(tag, "python-?(3\\.[0-9]+)", &py)) return py;
  if (last_component(repo) == "python" && RE2::PartialMatch(tag, "^(3\\.[0-9]+)", &py)) return py;
  return "";
}

std::string interpreter_python(std::string_view path) {
  std::string py;
  if (RE2::PartialMatch(path, "python(3\\.[0-9]+)$", &py)) return py;
  return "";
}

std::vector<MountedFile> mounted_files(Context& ctx, const Pod& pod, const Value& container) {
  std::vector<MountedFile> out;
  const auto* objects = ctx.objects();
  const Value* vols = pod.spec.find("volumes");
  const Value* mounts = container.find("volumeMounts");
  if (!objects || !vols || !vols->is_list() || !mounts || !mounts->is_list()) return out;
  auto configmap = [&](const std::string& name) -> const RenderedObject* {
    for (const auto& o : *objects) {
      if (o.kind == "ConfigMap" && o.name == name) return &o;
    }
    return nullptr;
  };
  for (const auto& m : mounts->as_list()) {
    std::string dir = string_at(m, "mountPath");
    while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
    std::string sub = string_at(m, "subPath");
    for (const auto& v : vols->as_list()) {
      if (string_at(v, "name") != string_at(m, "name")) continue;
      std::vector<const Value*> sources;
      if (const Value* cm = v.find("configMap")) sources.push_back(cm);
      const Value* proj = value_at(v, {"projected", "sources"});
      if (proj && proj->is_list()) {
        for (const auto& s : proj->as_list()) {
          if (const Value* cm = s.find("configMap")) sources.push_back(cm);
        }
      }
      for (const Value* src : sources) {
        const RenderedObject* cm = configmap(string_at(*src, "name"));
        const Value* data = cm ? cm->doc.find("data") : nullptr;
        if (!data || !data->is_map()) continue;
        const Value* items = src->find("items");
        for (const auto& [key, text] : data->as_map()) {
          if (!text.is_string()) continue;
          std::string file = key;
          if (items && items->is_list()) {
            file.clear();
            for (const auto& it : items->as_list()) {
              if (string_at(it, "key") == key) file = string_at(it, "path");
            }
            if (file.empty()) continue;
          }
          std::string path;
          if (!sub.empty()) {
            if (sub != file) continue;
            path = dir;
          } else {
            path = dir + "/" + file;
          }
          out.push_back({cm, key, path, &text.as_string()});
        }
      }
    }
  }
  return out;
}

std::vector<std::pair<FieldPath, std::string>> command_words(const FieldPath& container_path, const Value& container) {
  std::vector<std::pair<FieldPath, std::string>> out;
  for (const char* key : {"command", "args"}) {
    const Value* list = container.find(key);
    if (!list || !list->is_list()) continue;
    for (size_t i = 0; i < list->as_list().size(); ++i) {
      const Value& w = list->as_list()[i];
      if (!w.is_string()) continue;
      FieldPath p = container_path;
      p.push_back(key);
      p.push_back(std::to_string(i));
      out.push_back({p, w.as_string()});
    }
  }
  return out;
}

std::vector<PipRequirement> pip_requirements(Context& ctx, const Pod& pod, const FieldPath& container_path,
                                             const Value& container) {
  std::vector<PipRequirement> out;
  std::vector<MountedFile> files = mounted_files(ctx, pod, container);
  auto add_file = [&](const std::string& path) {
    std::string base = last_component(path);
    for (const auto& f : files) {
      // The path may be written with a variable ("$HOME/req.txt"): the file name decides.
      if (f.path == path || last_component(f.path) == base) {
        parse_requirements_file(*f.text, f.configmap, {"data", f.key}, out);
        return;
      }
    }
  };
  // A command line is one script when it is `sh -c SCRIPT`, else its words joined.
  std::string joined;
  std::vector<std::pair<FieldPath, std::string>> words = command_words(container_path, container);
  for (const auto& [path, w] : words) {
    auto on_spec = [&, p = pod.path_of(path)](const std::string& spec) {
      PipRequirement r;
      if (!parse_requirement(spec, r)) return;
      r.owner = pod.owner;
      r.path = p;
      out.push_back(std::move(r));
    };
    if (w.find('\n') != std::string::npos || w.find(' ') != std::string::npos) scan_pip(w, on_spec, add_file);
  }
  // Separate words (["pip", "install", "pyspark==4.1.0"]): scanned as one line, each spec
  // located at the word that writes it.
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    size_t at = 0;
    if (is_pip(words[i].second) && words[i + 1].second == "install") at = i + 2;
    if (i + 2 < words.size() && words[i].second == "-m" && words[i + 1].second == "pip" &&
        words[i + 2].second == "install") {
      at = i + 3;
    }
    if (at == 0) continue;
    for (size_t j = at; j < words.size(); ++j) {
      const std::string& a = words[j].second;
      if (a.starts_with("-")) continue;
      PipRequirement r;
      if (a.find(' ') == std::string::npos && parse_requirement(a, r)) {
        r.owner = pod.owner;
        r.path = pod.path_of(words[j].first);
        out.push_back(std::move(r));
      }
    }
    break;
  }
  // Scripts the container mounts (an entry point that installs the client).
  for (const auto& f : files) {
    scan_pip(
        *f.text,
        [&](const std::string& spec) {
          PipRequirement r;
          if (!parse_requirement(spec, r)) return;
          r.owner = f.configmap;
          r.path = {"data", f.key};
          out.push_back(std::move(r));
        },
        add_file);
  }
  return out;
}

std::optional<std::string> env_value(const Value& container, std::string_view name, size_t* index) {
  const Value* env = container.find("env");
  if (!env || !env->is_list()) return std::nullopt;
  for (size_t i = 0; i < env->as_list().size(); ++i) {
    const Value& e = env->as_list()[i];
    if (string_at(e, "name") != name) continue;
    const Value* v = e.find("value");
    if (!v || !v->is_string()) return std::nullopt;
    if (index) *index = i;
    return v->as_string();
  }
  return std::nullopt;
}

bool is_connect_server(const SparkConf& conf) {
  return conf.main_class == "org.apache.spark.sql.connect.service.SparkConnectServer" ||
         conf.program == "start-connect-server.sh";
}

std::string process_name(const SparkConf& conf) {
  const Value* c = conf_container(conf);
  if (conf.origin.find("dag") != std::string::npos) {
    // The DAG file names the application better than the pod that happens to mount it.
    size_t plus = conf.ident.rfind(" + ");
    return "\"" + (plus == std::string::npos ? conf.ident : conf.ident.substr(plus + 3)) + "\"";
  }
  if (!c || !conf.pod->owner) return "\"" + conf.ident + "\"";
  return "\"" + conf.pod->owner->ident() + "\" container \"" + string_at(*c, "name") + "\"";
}

const Value* conf_container(const SparkConf& conf) {
  if (!conf.pod || conf.container.empty()) return nullptr;
  return value_at(conf.pod->spec, conf.container);
}

std::string conf_spark_version(const SparkConf& conf) {
  if (!conf.declared_version.empty()) return conf.declared_version;
  if (const Value* c = conf_container(conf)) {
    if (auto img = spark_image(string_at(*c, "image"))) return img->spark;
  }
  if (auto img = spark_image(conf.get("spark.kubernetes.container.image"))) return img->spark;
  return "";
}

std::string spark_hadoop_version(std::string_view spark_version) {
  // The hadoop-client jars each Spark release line bundles, as listed in
  // dev/deps/spark-deps-hadoop-3-hive-2.3 of apache/spark on the release branches: 3.4 and 3.5
  // ship Hadoop 3.3.4; 4.0 moved to 3.4.1 (its release notes); 4.1 to 3.4.2 (its library
  // upgrade table; the spark-kubernetes-operator build resolves 3.4.2 from Spark 4.1.1).
  static const std::map<std::string, std::string> table = {
      {"3.4", "3.3.4"}, {"3.5", "3.3.4"}, {"4.0", "3.4.1"}, {"4.1", "3.4.2"}};
  auto it = table.find(minor_of(spark_version));
  return it == table.end() ? "" : it->second;
}

std::pair<std::string, std::string> hadoop_aws_sdk(std::string_view hadoop_version) {
  // The AWS SDK hadoop-aws is compiled and tested against: the aws-java-sdk.version (v1) and
  // aws-java-sdk-v2.version properties of hadoop-project/pom.xml at each release tag.
  static const std::map<std::string, std::pair<std::string, std::string>> table = {
      {"3.3.4", {"com.amazonaws:aws-java-sdk-bundle", "1.12.262"}},
      {"3.3.6", {"com.amazonaws:aws-java-sdk-bundle", "1.12.367"}},
      {"3.4.1", {"software.amazon.awssdk:bundle", "2.24.6"}},
      {"3.4.2", {"software.amazon.awssdk:bundle", "2.29.52"}},
  };
  auto it = table.find(std::string(hadoop_version));
  return it == table.end() ? std::pair<std::string, std::string>{} : it->second;
}

}  // namespace sparkc::validate::detail
