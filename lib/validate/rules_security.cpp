// The security group: restricted pod security, host access, RBAC, passwords and secrets. The
// checks live in security_pod.cpp, security_rbac.cpp and security_secrets.cpp; this file
// describes the rules and runs them in order.
#include "validate/security.h"

namespace sparkc::validate::detail {

using diag::Severity;

std::vector<RuleInfo> security_rule_infos() {
  return {
      {"security-pss-restricted", "security",
       "a pod or container breaks the Pod Security Standards \"restricted\" profile",
       "namespaces labelled pod-security.kubernetes.io/enforce=restricted (the hardened default of many "
       "platforms) reject the pod, so the workload never starts; the controls stop a compromised process from "
       "gaining root, new capabilities or unfiltered system calls. Checked on every container (init, ephemeral, "
       "SparkApplication sidecars too) and on Spark's driver and executor pod templates, where a template without "
       "a container gives Spark's own container no securityContext. Privileged containers and host namespaces, "
       "ports and paths have their own rules (security-privileged, security-host-access). A warning, as "
       "namespaces without enforcement run the pod: validate with --fail-on warning for restricted clusters",
       "set runAsNonRoot: true and seccompProfile: {type: RuntimeDefault} in the pod's securityContext, and "
       "allowPrivilegeEscalation: false and capabilities: {drop: [ALL]} in every container's; use only configMap, "
       "csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected and secret volumes, safe sysctls, "
       "no custom SELinux user or role and no unconfined AppArmor or seccomp profile",
       // A warning: namespaces that do not enforce the profile run the pod. Use --fail-on
       // warning where clusters enforce it.
       Severity::Warning,
       "spec:\n  containers:\n    - name: app\n      image: app:1\n      securityContext:\n        runAsUser: 0\n"},
      {"security-privileged", "security", "a container runs privileged",
       "a privileged container has every Linux capability and the node's devices: whoever controls it controls "
       "the node. Every Pod Security Standards profile but \"privileged\" rejects it",
       "remove `privileged: true`; grant the one capability the process needs instead, if any", Severity::Error,
       "containers:\n  - name: app\n    securityContext:\n      privileged: true\n"},
      {"security-host-access", "security",
       "a pod uses the node's network, process or IPC namespace, a hostPath volume, a hostPort or a Windows "
       "HostProcess container",
       "host namespaces and hostPath volumes break the isolation between the pod and the node (a hostPath can "
       "expose the kubelet's credentials or the container runtime socket); hostPorts pin the pod to nodes where the "
       "port is free. The baseline and restricted Pod Security Standards reject all of them",
       "remove hostNetwork, hostPID, hostIPC and hostPort, and replace hostPath volumes with emptyDir, a "
       "PersistentVolumeClaim, or a ConfigMap or Secret",
       Severity::Error, "spec:\n  hostNetwork: true\n  volumes:\n    - name: logs\n      hostPath: {path: /var/log}\n"},
      {"security-rbac-wildcard", "security",
       "an RBAC rule grants `*` verbs, resources or API groups, or a binding grants cluster-admin",
       "a wildcard grants every present and future resource or verb, including secrets, escalate and bind, so "
       "the ServiceAccount can take over the namespace (or the cluster, through a ClusterRole); least privilege "
       "names what the workload uses",
       "list the API groups, resources and verbs the workload calls, e.g. `resources: [pods]`, "
       "`verbs: [create, get, list, watch, delete]`",
       Severity::Warning,
       "kind: Role\nrules:\n  - apiGroups: [\"\"]\n    resources: [\"*\"]\n    verbs: [\"*\"]\n"},
      {"security-rbac-cluster-scope", "security",
       "a ClusterRoleBinding grants a role whose rules are all on namespaced resources",
       "the binding gives the ServiceAccount those rights in every namespace of the cluster, while a RoleBinding "
       "would give them in the release namespace only, which is all a namespaced workload needs (Spark creates "
       "its executors in its own namespace). A controller meant to watch all namespaces may keep it and suppress "
       "the rule with the spark-constructor.io/disable annotation",
       "use a Role and a RoleBinding (a RoleBinding may also reference the ClusterRole)", Severity::Warning,
       "kind: ClusterRoleBinding\nroleRef: {kind: ClusterRole, name: pod-manager}   # rules on pods only\n"},
      {"security-rbac-spark-driver", "security",
       "the ServiceAccount of a Spark driver (or of the pod that runs spark-submit in cluster mode) cannot "
       "create, watch and delete what Spark manages in its namespace",
       "a driver on Kubernetes creates, watches, lists and deletes its executor pods, creates the executors' "
       "ConfigMap and deletes it at the end, creates or deletes its Service (Spark's RBAC documentation asks for "
       "pods and services), and creates on-demand PersistentVolumeClaims when "
       "spark.kubernetes.executor.volumes.persistentVolumeClaim.*.options.claimName is OnDemand. Without those "
       "rights the API server answers 403 Forbidden and the session never gets an executor. Drivers are pods "
       "whose Spark configuration has a k8s:// master in client mode, ServiceAccounts named by "
       "spark.kubernetes.authenticate.driver.serviceAccountName in cluster mode, and SparkApplication "
       "spec.driver.serviceAccount (the namespace's default account when unset). In cluster mode the pod that "
       "runs spark-submit creates the driver pod, its ConfigMap and Service and watches the driver; a client-mode "
       "driver pod with automountServiceAccountToken: false has no credentials at all",
       "bind the ServiceAccount, with a RoleBinding in the release namespace, to a Role that grants pods "
       "[create, get, list, watch, delete], configmaps and services [create, delete] (and persistentvolumeclaims "
       "[create, list, delete] for on-demand claims); or declare it with --external ServiceAccount/NAME when the "
       "cluster grants it",
       Severity::Error,
       "kind: Role\nrules:\n  - apiGroups: [\"\"]\n    resources: [pods]\n    verbs: [get, list]   # no create\n"},
      {"security-hardcoded-password", "security",
       "a password, token or key is written literally in an env value, a Spark command line or a "
       "SparkApplication, or a Secret holds a well-known default password",
       "the value ends up in the chart, in `helm get values` and in every rendered manifest, where anyone who can "
       "read them can use it; well-known defaults (minioadmin, admin, changeme, postgres ...) are the first thing "
       "an attacker tries",
       "read it from a Secret with `valueFrom.secretKeyRef`; in the chart, generate it once with `lookup` and "
       "`randAlphaNum`, or let the user name an existing Secret (`existingSecret`)",
       Severity::Error,
       "env:\n  - name: POSTGRES_PASSWORD\n    value: postgres\n"},
      {"security-secret-in-configmap", "security", "a ConfigMap holds a credential",
       "ConfigMaps are not secret: any ServiceAccount or user with read access to ConfigMaps in the namespace, and "
       "every tool that dumps them, sees the value (S3 keys in spark-defaults.conf, a metastore password in "
       "hive-site.xml, a password in a JDBC URL)",
       "move the value to a Secret and reference it: an environment variable from `secretKeyRef` (Spark reads "
       "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY; Hadoop configuration accepts ${env:NAME})",
       Severity::Error,
       "kind: ConfigMap\ndata:\n  spark-defaults.conf: |\n    spark.hadoop.fs.s3a.secret.key mysecret\n"},
  };
}

void run_security_rules(Context& ctx) {
  if (!ctx.objects()) return;
  check_pod_security(ctx);
  check_rbac(ctx);
  check_secrets(ctx);
}

}  // namespace sparkc::validate::detail
