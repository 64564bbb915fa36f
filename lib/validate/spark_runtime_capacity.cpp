// spark-capacity: with --capacity, the requests of every pod the chart runs and of the driver
// and executor pods its Spark applications create, against what the cluster offers.
#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "validate/rules.h"
#include "validate/spark_runtime.h"

namespace sparkc::validate::detail {
namespace {

constexpr double kMiB = 1024.0 * 1024.0;

// A Spark memory size ("2g", "512m", "1024"): bytes; a bare number is in MiB, as Spark reads
// spark.*.memory and spark.*.memoryOverhead.
std::optional<double> spark_memory(std::string_view s) {
  static const RE2 re("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([kKmMgGtTpP]?)[bB]?\\s*");
  std::string num, unit;
  if (!RE2::FullMatch(s, re, &num, &unit)) return std::nullopt;
  double v = std::strtod(num.c_str(), nullptr);
  switch (std::tolower(unit.empty() ? 'm' : unit[0])) {
    case 'k': return v * 1024.0;
    case 'm': return v * kMiB;
    case 'g': return v * kMiB * 1024.0;
    case 't': return v * kMiB * 1024.0 * 1024.0;
    case 'p': return v * kMiB * 1024.0 * 1024.0 * 1024.0;
  }
  return std::nullopt;
}

std::string format_cpu(double cores) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", cores);
  std::string s = buf;
  s.erase(s.find_last_not_of('0') + 1);
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string format_memory(double bytes) {
  if (bytes >= 1024.0 * kMiB) return format_cpu(bytes / (1024.0 * kMiB)) + "GiB";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0fMiB", bytes / kMiB);
  return buf;
}

// What one consumer asks for: `count` pods of `cpu` cores and `memory` bytes each.
struct Consumer {
  std::string name;  // "\"Deployment/web\"", "the executors of \"Deployment/connect\" container \"c\""
  std::string one;   // one of its pods: "a pod of \"Deployment/web\"", "an executor of ..."
  double count = 1, cpu = 0, memory = 0;
  const RenderedObject* owner = nullptr;
  FieldPath path;
  const SparkConfEntry* entry = nullptr;
};

// A container's request of `res`: requests, else limits (Kubernetes copies limits into unset
// requests).
double container_request(const Value& c, const char* res) {
  for (const char* kind : {"requests", "limits"}) {
    const Value* q = value_at(c, {"resources", kind, res});
    if (q) {
      if (auto v = quantity_of(*q)) return *v;
    }
  }
  return 0;
}

bool is_hook(const RenderedObject& o) {
  return value_at(o.doc, {"metadata", "annotations", "helm.sh/hook"}) != nullptr;
}

int64_t int_at(const Value& doc, const FieldPath& path, int64_t fallback) {
  // YAML numbers may load as floats, as Helm's do.
  const Value* v = value_at(doc, path);
  auto n = v && (v->is_integer() || v->is_float()) ? quantity_of(*v) : std::nullopt;
  return n ? static_cast<int64_t>(*n) : fallback;
}

// The chart's own pods: the effective request of one pod (the larger of its containers' sum
// and its largest init container) times its replicas.
void add_pods(Context& ctx, std::vector<Consumer>& out) {
  for (const auto& pod : ctx.pods()) {
    if (!pod.spark_role.empty() || pod.embedded || !pod.owner || is_hook(*pod.owner)) continue;
    const RenderedObject& o = *pod.owner;
    double count = 1;
    if (o.kind == "Deployment" || o.kind == "StatefulSet" || o.kind == "ReplicaSet" || o.kind == "ReplicationController") {
      count = static_cast<double>(int_at(o.doc, {"spec", "replicas"}, 1));
    } else if (o.kind == "Job") {
      count = static_cast<double>(int_at(o.doc, {"spec", "parallelism"}, 1));
    } else if (o.kind == "CronJob") {
      count = static_cast<double>(int_at(o.doc, {"spec", "jobTemplate", "spec", "parallelism"}, 1));
    }
    double cpu = 0, mem = 0, init_cpu = 0, init_mem = 0;
    FieldPath biggest;
    double biggest_mem = -1;
    for (const auto& [cpath, c] : pod.containers()) {
      double cc = container_request(*c, "cpu"), cm = container_request(*c, "memory");
      if (cpath.front() == "initContainers") {
        init_cpu = std::max(init_cpu, cc);
        init_mem = std::max(init_mem, cm);
      } else {
        cpu += cc;
        mem += cm;
      }
      if (cm > biggest_mem) {
        biggest_mem = cm;
        biggest = cpath;
      }
    }
    Consumer k{"\"" + pod.ident + "\"", "a pod of \"" + pod.ident + "\"", count, std::max(cpu, init_cpu), std::max(mem, init_mem), &o, {}, nullptr};
    if (!biggest.empty()) {
      biggest.push_back("resources");
      k.path = pod.path_of(biggest);
    }
    out.push_back(k);
  }
}

// Whether `conf` is a Spark application that creates pods on Kubernetes.
bool creates_pods(const SparkConf& conf) {
  static const std::set<std::string> apps = {"spark-submit", "pyspark", "spark-shell", "spark-sql",
                                             "start-connect-server.sh", "start-thriftserver.sh"};
  if (!conf.on_kubernetes()) return false;
  if (conf.origin == "spark-application" || conf.origin.find("dag") != std::string::npos || apps.count(conf.program)) return true;
  // A notebook kernel in client mode: only the defaults file says what it will create.
  const Value* c = conf_container(conf);
  return conf.program.empty() && conf.origin == "defaults-file" && c && !spark_image(string_at(*c, "image"));
}

bool non_jvm(const SparkConf& conf) {
  if (conf.program == "pyspark") return true;
  if (conf.origin == "spark-application") {
    const Value* type = conf.owner ? value_at(conf.owner->doc, {"spec", "type"}) : nullptr;
    return type && type->is_string() && (type->as_string() == "Python" || type->as_string() == "R");
  }
  for (const auto& w : conf.argv) {
    if (w.ends_with(".py") || w.ends_with(".R")) return true;
  }
  const Value* c = conf_container(conf);
  return c && !spark_image(string_at(*c, "image")) && !image_python(string_at(*c, "image")).empty();
}

// The pod a Spark role ("driver" or "executor") gets: cores from
// spark.kubernetes.<role>.request.cores or spark.<role>.cores (default 1); memory is
// spark.<role>.memory (default 1g) plus the overhead: spark.<role>.memoryOverhead, else
// max(spark.<role>.minMemoryOverhead (384MiB), factor x memory) with
// spark.<role>.memoryOverheadFactor, else spark.kubernetes.memoryOverheadFactor, else 0.1
// (0.4 for Python and R applications in cluster mode, Spark's NON_JVM_MEMORY_OVERHEAD_FACTOR
// on Kubernetes); executors add
// spark.executor.pyspark.memory and, when enabled, spark.memory.offHeap.size.
std::pair<double, double> role_pod(const SparkConf& conf, const std::string& role) {
  double cpu = 1;
  std::string cores = conf.get("spark.kubernetes." + role + ".request.cores");
  if (cores.empty()) cores = conf.get("spark." + role + ".cores");
  if (auto q = parse_quantity(cores)) cpu = *q;
  double mem = spark_memory(conf.get("spark." + role + ".memory", "1g")).value_or(1024.0 * kMiB);
  double overhead = 0;
  if (auto o = spark_memory(conf.get("spark." + role + ".memoryOverhead"))) {
    overhead = *o;
  } else {
    // The 0.4 default comes from the driver pod's feature step (BasicDriverFeatureStep), which
    // only runs in cluster mode and hands the factor on to the executors.
    bool cluster = conf.origin == "spark-application" || conf.get("spark.submit.deployMode") == "cluster";
    double factor = cluster && non_jvm(conf) ? 0.4 : 0.1;
    for (const std::string& key : {std::string("spark.kubernetes.memoryOverheadFactor"), "spark." + role + ".memoryOverheadFactor"}) {
      std::string v = conf.get(key);
      if (!v.empty()) factor = std::strtod(v.c_str(), nullptr);
    }
    double floor = spark_memory(conf.get("spark." + role + ".minMemoryOverhead")).value_or(384.0 * kMiB);
    overhead = std::max(floor, factor * mem);
  }
  double extra = 0;
  if (role == "executor") {
    extra += spark_memory(conf.get("spark.executor.pyspark.memory")).value_or(0);
    if (conf.is_true("spark.memory.offHeap.enabled")) extra += spark_memory(conf.get("spark.memory.offHeap.size")).value_or(0);
  }
  return {cpu, mem + overhead + extra};
}

void add_spark(const std::vector<SparkConf>& confs, std::vector<Consumer>& out) {
  std::set<const RenderedObject*> bare_defaults;
  for (const auto& conf : confs) {
    if (!creates_pods(conf)) continue;
    // One defaults file read by several notebook containers is one application.
    if (conf.origin == "defaults-file" && !bare_defaults.insert(conf.owner).second) continue;
    std::string who = process_name(conf);
    double count = 2;  // spark.executor.instances' default
    const SparkConfEntry* at = conf.find("spark.executor.instances");
    if (at) count = std::strtod(at->value.c_str(), nullptr);
    if (conf.is_true("spark.dynamicAllocation.enabled")) {
      // The most executors dynamic allocation may ask for; unbounded, the ones it starts with.
      if (const SparkConfEntry* e = conf.find("spark.dynamicAllocation.maxExecutors")) {
        at = e;
        count = std::strtod(e->value.c_str(), nullptr);
      } else {
        count = 0;
        for (const char* k : {"spark.dynamicAllocation.minExecutors", "spark.dynamicAllocation.initialExecutors",
                              "spark.executor.instances"}) {
          count = std::max(count, std::strtod(conf.get(k, "0").c_str(), nullptr));
        }
      }
    }
    auto [ecpu, emem] = role_pod(conf, "executor");
    const SparkConfEntry* mem_entry = conf.find("spark.executor.memory");
    if (count > 0) out.push_back({"the executors of " + who, "an executor of " + who, count, ecpu, emem, conf.owner, {}, at ? at : mem_entry});
    if (conf.origin == "spark-application" || conf.get("spark.submit.deployMode") == "cluster") {
      auto [dcpu, dmem] = role_pod(conf, "driver");
      const SparkConfEntry* d = conf.find("spark.driver.memory");
      out.push_back({"the driver of " + who, "the driver of " + who, 1, dcpu, dmem, conf.owner, {}, d ? d : mem_entry});
    }
  }
}

void report_consumer(Context& ctx, const Consumer& k, const std::string& msg, const std::string& hint) {
  if (k.entry) {
    report_entry(ctx, "spark-capacity", *k.entry, msg, hint);
  } else if (k.owner) {
    ctx.report_object("spark-capacity", *k.owner, k.path, msg, hint);
  }
}

}  // namespace

void check_capacity(Context& ctx, const std::vector<SparkConf>& confs) {
  const auto& cap = ctx.options().capacity;
  if (!cap) return;
  std::vector<Consumer> all;
  add_pods(ctx, all);
  add_spark(confs, all);
  // A pod that fits on no node of this size never schedules, whatever else runs.
  for (const auto& k : all) {
    bool cpu_over = cap->cpu && k.cpu > *cap->cpu;
    bool mem_over = cap->memory && k.memory > *cap->memory;
    if (!cpu_over && !mem_over) continue;
    std::string what = cpu_over ? format_cpu(k.cpu) + " CPU" : format_memory(k.memory);
    std::string limit = cpu_over ? format_cpu(*cap->cpu) + " CPU" : format_memory(*cap->memory);
    report_consumer(ctx, k, k.one + " requests " + what + ", more than the whole capacity of " + limit +
                                ": it stays Pending",
                    "lower its requests below the capacity");
  }
  double cpu = 0, mem = 0;
  for (const auto& k : all) {
    cpu += k.count * k.cpu;
    mem += k.count * k.memory;
  }
  bool cpu_over = cap->cpu && cpu > *cap->cpu + 1e-9;
  bool mem_over = cap->memory && mem > *cap->memory + 0.5;
  if (!cpu_over && !mem_over) return;
  // The biggest consumers of the resource that runs out (memory when both do).
  std::vector<const Consumer*> order;
  for (const auto& k : all) order.push_back(&k);
  std::stable_sort(order.begin(), order.end(), [&](const Consumer* a, const Consumer* b) {
    return mem_over ? a->count * a->memory > b->count * b->memory : a->count * a->cpu > b->count * b->cpu;
  });
  std::string top;
  for (size_t i = 0; i < order.size() && i < 3; ++i) {
    const Consumer& k = *order[i];
    if (!top.empty()) top += ", ";
    top += k.name + " " + (k.count == 1 ? "" : format_cpu(k.count) + " x ") + "(" + format_cpu(k.cpu) + " CPU, " +
           format_memory(k.memory) + ")";
  }
  std::string need, have;
  if (cap->cpu) {
    need = format_cpu(cpu) + " CPU";
    have = format_cpu(*cap->cpu) + " CPU";
  }
  if (cap->memory) {
    need += (need.empty() ? "" : " and ") + format_memory(mem);
    have += (have.empty() ? "" : " and ") + format_memory(*cap->memory);
  }
  report_consumer(ctx, *order.front(),
                  "the chart and the Spark pods it creates request " + need + ", more than the capacity of " + have +
                      ": pods stay Pending; biggest: " + top,
                  "lower replicas, requests or executor counts, or raise --capacity to what the namespace has");
}

}  // namespace sparkc::validate::detail
