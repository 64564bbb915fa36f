// The spark group: the Spark-on-Kubernetes failures that only show up at run time, found in
// the Spark configuration each process of the chart gets (validate/spark_conf.h).
#include "validate/rules_spark_detail.h"

namespace sparkc::validate::detail {

using diag::Severity;

std::vector<RuleInfo> spark_rule_infos() {
  return {
      {"k8s-spark-volume-conflict", "k8s",
       "a volume from spark.kubernetes.*.volumes.* clashes with the Spark pod template or another "
       "volume setting (same volume name or mountPath)",
       "Spark adds these volumes to the pods it builds from the template; duplicate volume names or "
       "mountPaths make the API server reject the driver or executor pod, so the application never starts",
       "rename the volume or move its mount.path, or declare the volume in the pod template only",
       Severity::Error,
       "spark.kubernetes.executor.podTemplateFile: /opt/spark/conf/executor.yaml\n"
       "spark.kubernetes.executor.volumes.emptyDir.tmp.mount.path: /tmp   # the template mounts /tmp too\n"},
      {"spark-unknown-key", "spark",
       "a spark.* configuration key that Spark 3.5 and 4.x do not know",
       "Spark silently ignores keys it does not know: a misspelt setting never takes effect",
       "use the key of Spark's configuration documentation (see the did-you-mean hint)", Severity::Warning,
       "spark.executor.memroy 4g\n"},
      {"spark-invalid-value", "spark",
       "a known Spark configuration key has a value of the wrong type or outside its choices",
       "Spark fails at start-up (NumberFormatException, \"Invalid ... value\") or when the setting is "
       "first read",
       "write the value in the form the key takes: true/false, a whole number, a JVM size like 4g, a "
       "duration like 60s, or one of the listed choices",
       Severity::Error, "spark.executor.memory 4Gi\nspark.submit.deployMode server\n"},
      {"spark-event-log-dir", "spark",
       "event logging is on but spark.eventLog.dir is unset or differs from the History Server's "
       "spark.history.fs.logDirectory",
       "without a directory Spark writes to file:/tmp/spark-events and fails when it does not exist; "
       "with another directory the History Server never shows the application",
       "set spark.eventLog.dir to the History Server's spark.history.fs.logDirectory", Severity::Error,
       "spark.eventLog.enabled true\nspark.eventLog.dir s3a://logs/events   # history: s3a://logs/history\n"},
      {"spark-dynamic-allocation", "spark",
       "dynamic allocation on Kubernetes with shuffle tracking off and no shuffle block migration",
       "there is no external shuffle service on Kubernetes, so SparkContext refuses to start (\"Dynamic "
       "allocation of executors requires one of the following conditions\")",
       "set spark.dynamicAllocation.shuffleTracking.enabled=true (and a shuffleTracking.timeout so idle "
       "executors can go), or turn on decommissioning with spark.storage.decommission.shuffleBlocks.enabled",
       Severity::Error,
       "spark.master k8s://https://kubernetes.default.svc\nspark.dynamicAllocation.enabled true\n"
       "spark.dynamicAllocation.shuffleTracking.enabled false\n"},
      {"spark-external-shuffle-service", "spark",
       "spark.shuffle.service.enabled=true for a Spark process on Kubernetes",
       "Kubernetes has no external shuffle service: executors fail to register with it on port 7337 "
       "and the job fails",
       "remove spark.shuffle.service.enabled and use spark.dynamicAllocation.shuffleTracking.enabled",
       Severity::Error, "spark.master k8s://https://kubernetes.default.svc\nspark.shuffle.service.enabled true\n"},
      {"spark-configmap-volume", "spark",
       "a spark.kubernetes.{driver,executor}.volumes.* setting of a type Spark cannot mount",
       "Spark mounts only hostPath, emptyDir, nfs and persistentVolumeClaim volumes from its settings "
       "and fails the submission for any other type (\"Kubernetes Volume type ... is not supported\")",
       "mount ConfigMaps through a pod template (spark.kubernetes.*.podTemplateFile) and secrets with "
       "spark.kubernetes.*.secrets.NAME=/path",
       Severity::Error, "spark.kubernetes.driver.volumes.configMap.conf.mount.path /etc/conf\n"},
      {"spark-ipv6-wildcard-bind", "spark",
       "the driver or Spark Connect server binds to the IPv6 wildcard (::)",
       "on IPv4-only clusters, or with java.net.preferIPv4Stack, binding :: fails at start-up (\"Cannot "
       "assign requested address\"); where it works, the IPv4 probes and executors depend on the node's "
       "dual-stack settings",
       "bind to 0.0.0.0, or to the pod IP from the downward API (status.podIP)", Severity::Warning,
       "spark.driver.bindAddress ::\n"},
      {"spark-executor-pod-name-prefix", "spark",
       "a fixed executor pod name prefix (or driver pod name) that is not release-scoped, is shared by "
       "two Spark processes of the chart, or is not a valid name prefix",
       "executor pods are named PREFIX-exec-N: two releases or two drivers with the same prefix in one "
       "namespace fail to create pods that already exist, or take each other's executors",
       "derive the prefix from the release name ({{ .Release.Name }}-connect), one per Spark process, "
       "lower-case, at most 47 characters",
       Severity::Error, "spark.kubernetes.executor.podNamePrefix spark\n"},
      {"spark-s3-path-style", "spark",
       "spark.hadoop.fs.s3a.endpoint names a non-AWS endpoint (MinIO) without path-style access",
       "S3A then addresses buckets as BUCKET.ENDPOINT host names, which do not resolve for MinIO and "
       "other self-hosted stores: reads and writes fail with UnknownHostException",
       "set spark.hadoop.fs.s3a.path.style.access=true", Severity::Error,
       "spark.hadoop.fs.s3a.endpoint http://minio:9000\n"},
      {"spark-client-mode-driver-host", "spark",
       "a client-mode driver on Kubernetes without a spark.driver.host executors can reach",
       "executors connect back to the driver: with an unset host (the pod name does not resolve), a "
       "name that is not a Service selecting the driver pod, or a Service without fixed driver and "
       "block manager ports, executors fail to register and the job hangs",
       "set spark.driver.host to a (headless) Service selecting the driver pod, and fix "
       "spark.driver.port and spark.driver.blockManager.port to ports that Service exposes",
       Severity::Error,
       "spark.master k8s://https://kubernetes.default.svc\nspark.submit.deployMode client\n"},
  };
}

void run_spark_rules(Context& ctx) {
  if (!ctx.objects()) return;
  std::vector<SparkConf> confs = spark_confs(ctx);
  Reporter r(ctx);
  check_keys(r, confs);
  check_event_log_dir(r, confs);
  check_shuffle(r, confs);
  check_volume_types(r, confs);
  check_volume_conflicts(r, confs);
  check_ipv6_bind(r, confs);
  check_pod_name_prefix(r, confs);
  check_s3_path_style(r, confs);
  check_client_mode_driver_host(r, confs);
}

}  // namespace sparkc::validate::detail
