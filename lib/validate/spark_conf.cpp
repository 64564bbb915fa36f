// The Spark configuration model: the settings gathered from defaults files, command lines, DAG
// files and SparkApplications (spark_conf_sources.cpp), joined per Spark process.
#include "validate/spark_conf_detail.h"

#include <algorithm>

#include "validate/rules.h"

namespace sparkc::validate::detail {

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
      std::string conf_dir = env_text(*c, "SPARK_CONF_DIR");
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
            std::string conf_dir = dir.empty() ? env_text(*c, "SPARK_CONF_DIR") : dir;
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
