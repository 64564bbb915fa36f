// Objects that must fit together: labels, selectors, Services and their pods, references, names, probes.
// The checks live in k8s_refs_*.cpp; this file lists the rules and runs them in order.
#include "validate/k8s_refs.h"
#include "validate/rules.h"

namespace sparkc::validate::detail {

using diag::Severity;

std::vector<RuleInfo> k8s_refs_rule_infos() {
  return {
      {"k8s-label-syntax", "k8s",
       "a label or annotation key, or a label or selector value, that the API server rejects",
       "keys are an optional DNS subdomain prefix and a name of at most 63 alphanumerics, '-', "
       "'_' or '.'; label values follow the name's rules or are empty; labels and annotations "
       "are strings, so an unquoted number or boolean fails to decode; annotations hold at most "
       "256 KiB. helm install fails on the first one",
       "fix the key or value at the reported line: shorten it (`trunc 63 | trimSuffix \"-\"`), "
       "replace other characters with '-', and quote numbers",
       Severity::Error,
       "metadata:\n  labels:\n    app.kubernetes.io/version: 3.5.4+scala_2.13\n    build: 20260101\n"},
      {"k8s-selector-mismatch", "k8s",
       "a workload without spec.selector, or whose selector does not select its own pod template",
       "apps/v1 requires a selector that matches the template labels and rejects the object "
       "otherwise (helm lint checks the same); a Job chooses its own selector unless "
       "manualSelector is true",
       "write spec.selector.matchLabels and spec.template.metadata.labels with one helper so "
       "they cannot drift",
       Severity::Error,
       "spec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: api}\n"},
      {"k8s-selector-no-pods", "k8s",
       "a PodDisruptionBudget, NetworkPolicy, PodMonitor or ServiceMonitor selects nothing the "
       "chart runs",
       "the object installs but protects, isolates or scrapes nothing: usually a label renamed "
       "on one side only. Pods Spark creates from pod templates count, with their spark-role label",
       "select the labels of the pods (or Services) the object is meant for", Severity::Warning,
       "kind: PodDisruptionBudget\nspec:\n  selector:\n    matchLabels: {app: old-name}\n"},
      {"k8s-service-no-pods", "k8s",
       "a Service selects no pod of the chart, or has no selector and no Endpoints of its own",
       "the Service gets no endpoints: clients time out or are refused although every pod runs. "
       "A Service selecting spark-role: driver is fine when a driver pod template exists; "
       "ExternalName Services are left out",
       "make spec.selector the labels of the pod template it serves, or add an EndpointSlice "
       "labelled kubernetes.io/service-name for a selector-less Service",
       Severity::Error, "kind: Service\nspec:\n  selector: {app: web}   # pods are labelled app: webapp\n"},
      {"k8s-service-target-port", "k8s",
       "a Service targets a port name its pods do not declare, or an Ingress names a Service "
       "port that does not exist",
       "a named targetPort is resolved on each pod; a pod without it is left out of the "
       "endpoints, so the Service has none. An Ingress backend on a missing port gets no route",
       "target a port name the selected containers declare (and the protocol they declare), or "
       "a port the Service serves",
       Severity::Error,
       "kind: Service\nspec:\n  ports:\n    - port: 80\n      targetPort: http   # container port is named web\n"},
      {"k8s-monitor-port", "k8s",
       "a ServiceMonitor or PodMonitor endpoint names a port that a selected Service or pod "
       "does not have",
       "Prometheus resolves the port name on every target and scrapes nothing where it is "
       "missing: the dashboards stay empty while everything looks installed",
       "name a port of the selected Services (spec.ports[].name) or containers "
       "(ports[].name; Spark drivers serve spark-ui)",
       Severity::Warning,
       "kind: ServiceMonitor\nspec:\n  endpoints:\n    - port: metrics   # the Service's port is named http\n"},
      {"k8s-probe-port", "k8s",
       "a liveness, readiness or startup probe (or a lifecycle hook) targets a port name the "
       "container does not declare",
       "the kubelet resolves a named probe port in the container's own ports; a missing name "
       "fails every probe, so the pod never gets ready or is restarted forever",
       "declare the port name under the container's ports, or probe the port number", Severity::Error,
       "containers:\n  - name: web\n    ports: [{name: http, containerPort: 8080}]\n"
       "    readinessProbe:\n      httpGet: {path: /, port: web}\n"},
      {"k8s-port-undeclared", "k8s",
       "a Service targetPort or a probe names a port number that the container declares no port "
       "for, although it declares others",
       "a number reaches the pod whether it is declared or not (containerPort is informational), "
       "so this works when the process listens there; but next to other declared ports it is "
       "usually a typo or a port changed on one side only, and the probe or the Service fails. "
       "Containers that declare no ports are not reported, nor Spark's own container, which "
       "listens where its configuration says (spark.ui.port, ...)",
       "target the port by name, or declare it on the container", Severity::Warning,
       "ports: [{name: http, containerPort: 8080}]\nlivenessProbe:\n  tcpSocket: {port: 8081}\n"},
      {"k8s-reference-missing", "k8s",
       "a referenced ConfigMap, Secret, ServiceAccount, PersistentVolumeClaim, Role, "
       "PriorityClass, Service, scale target, ConfigMap or Secret key, or pod volume does not "
       "exist",
       "the pod stays in ContainerCreating or CreateContainerConfigError (volumes, env), or "
       "is never created (serviceAccountName, priorityClassName); a binding grants nothing; an "
       "Ingress routes nowhere. helm install usually succeeds, because controllers create the "
       "pods later, so the error shows up only in kubectl describe. Optional references, the "
       "namespace's default ServiceAccount, kube-root-ca.crt, the built-in ClusterRoles and "
       "PriorityClasses, and names the values give under an existing... key (existingSecret, "
       "existingClaim) or as a serviceAccount with create: false (objects the user creates "
       "before installing) are fine",
       "add the object to the chart, mark the reference `optional: true`, or declare what the "
       "cluster provides with --external KIND/NAME",
       Severity::Error,
       "volumes:\n  - name: conf\n    configMap:\n      name: spark-defaults   # not in the chart\n"},
      {"k8s-service-url", "k8s",
       "a URL names a Service of the chart on a port it does not serve, in another namespace, "
       "or names no Service although it carries the release name",
       "this is how components are wired together (SPARK_REMOTE, hive.metastore.uris, the S3 "
       "endpoint, JDBC and spark:// URLs): a wrong host or port installs cleanly and then fails "
       "with connection refused or unknown host",
       "derive host and port from the same values the Service is rendered from", Severity::Error,
       "env:\n  - name: SPARK_REMOTE\n    value: sc://release-name-connect:15003   # Service serves 15002\n"},
      {"k8s-duplicate-name", "k8s",
       "two containers, volumes, ports or mount paths of one pod, or two objects of the chart, "
       "share a name",
       "the API server rejects duplicate container and volume names and mount paths; two "
       "processes of a pod cannot listen on one port; a second object of the same kind and name "
       "makes helm install fail with \"already exists\"",
       "rename one of them", Severity::Error,
       "containers:\n  - name: app\n  - name: app\n"},
      {"k8s-duplicate-env", "k8s", "a container sets the same environment variable twice",
       "the last entry silently wins, and strategic merge patches on upgrade can keep the wrong "
       "one",
       "set the variable once", Severity::Warning,
       "env:\n  - {name: SPARK_HOME, value: /opt/spark}\n  - {name: SPARK_HOME, value: /spark}\n"},
  };
}

void run_k8s_refs_rules(Context& ctx) {
  if (!ctx.objects()) return;
  check_label_syntax(ctx);
  check_selectors(ctx);
  check_services(ctx);
  check_probes(ctx);
  check_references(ctx);
  check_service_urls(ctx);
  check_duplicates(ctx);
}

}  // namespace sparkc::validate::detail
