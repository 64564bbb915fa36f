"""Cross-reference checks over the objects of one rendered chart.

Schemas say each object is well-formed on its own; these checks say the
objects fit together: Services select pods that exist and target ports they
expose, every referenced ConfigMap/Secret/ServiceAccount/PVC/Role exists, pods
are restricted, names are release-scoped DNS labels, Spark writes its event
logs where the History Server reads them, and every bucket is created.

Each check returns (object ident, check id, message) tuples.
"""

import re

import yaml

from common import RELEASE, NAMESPACE, StrictLoader

WORKLOAD_KINDS = {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"}
DNS1123_LABEL = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
# Objects Kubernetes creates in every namespace: a reference to them needs no object in the chart.
EXTERNAL = {
    "ConfigMap": {"kube-root-ca.crt"},
    "ServiceAccount": {"default"},
    "Secret": set(),
    "PersistentVolumeClaim": set(),
}
# ClusterRoles every cluster has (user-facing roles of the RBAC docs).
BUILTIN_CLUSTER_ROLES = {"view", "edit", "admin", "cluster-admin"}
S3_URL = re.compile(r"\bs3a?://([^/\s\"'`,;)}\]]+)")
BUCKET_NAME = re.compile(r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")


class Pod:
    """A pod as the chart describes it: a workload's template, a bare Pod, or an embedded template."""

    def __init__(self, owner, spec, labels, annotations, selectable):
        self.owner = owner  # ident of the object holding the pod
        self.spec = spec if isinstance(spec, dict) else {}
        self.labels = labels or {}
        self.annotations = annotations or {}
        # Bare helm test Pods and pod templates inside ConfigMaps are never
        # endpoints of a chart Service.
        self.selectable = selectable
        # Pods Spark creates at run time from a pod template file (driver or
        # executor): Spark adds the spark-role label and its named ports, so
        # monitors may select them although no chart Service does.
        self.runtime = False
        self.extra_ports = []
        self.claim_templates = []  # StatefulSet volumeClaimTemplates, usable as volumes

    def containers(self):
        """(kind, container) for init and regular containers."""
        for key in ("initContainers", "containers"):
            for c in self.spec.get(key) or []:
                if isinstance(c, dict):
                    yield key, c

    def ports(self):
        """(name, number) of every container port."""
        for _, c in self.containers():
            for p in c.get("ports") or []:
                yield p.get("name"), p.get("containerPort")
        yield from self.extra_ports


def ident(obj):
    return f"{obj.get('kind', '?')}/{(obj.get('metadata') or {}).get('name', '?')}"


def pods_of(objects):
    """Every pod the chart describes, including pod templates embedded in ConfigMaps."""
    pods = []
    for obj in objects:
        kind, spec = obj.get("kind"), obj.get("spec") or {}
        if kind in WORKLOAD_KINDS:
            tmpl = spec.get("template") or {}
            meta = tmpl.get("metadata") or {}
            pods.append(Pod(ident(obj), tmpl.get("spec"), meta.get("labels"), meta.get("annotations"), True))
            pods[-1].claim_templates = [(t.get("metadata") or {}).get("name")
                                        for t in spec.get("volumeClaimTemplates") or [] if isinstance(t, dict)]
        elif kind == "CronJob":
            tmpl = ((spec.get("jobTemplate") or {}).get("spec") or {}).get("template") or {}
            meta = tmpl.get("metadata") or {}
            pods.append(Pod(ident(obj), tmpl.get("spec"), meta.get("labels"), meta.get("annotations"), True))
        elif kind == "Pod":
            meta = obj.get("metadata") or {}
            hook = "helm.sh/hook" in (meta.get("annotations") or {})
            pods.append(Pod(ident(obj), spec, meta.get("labels"), meta.get("annotations"), not hook))
        elif kind == "ConfigMap":
            # Spark's executor (and driver) pod template files.
            for key, text in (obj.get("data") or {}).items():
                if not isinstance(text, str) or "kind: Pod" not in text:
                    continue
                try:
                    embedded = yaml.load(text, Loader=StrictLoader)
                except yaml.YAMLError:
                    continue
                if isinstance(embedded, dict) and embedded.get("kind") == "Pod":
                    meta = embedded.get("metadata") or {}
                    pod = Pod(f"{ident(obj)}[{key}]", embedded.get("spec"), meta.get("labels"), meta.get("annotations"), False)
                    role = "driver" if "driver" in key else "executor" if "executor" in key else None
                    if role:
                        spark_runtime_pod(pod, role)
                        # Labels spark-submit adds from the spark-defaults next to the template.
                        for conf_key, conf_text in (obj.get("data") or {}).items():
                            if conf_key.endswith(".conf") and isinstance(conf_text, str):
                                prefix = f"spark.kubernetes.{role}.label."
                                pod.labels.update({k[len(prefix):]: v for k, v in spark_conf_entries(conf_text).items()
                                                   if k.startswith(prefix)})
                    pods.append(pod)
    for owner, spec in spark_app_specs(objects):
        for role in ("driver", "executor"):
            r = spec.get(role) or {}
            pod = Pod(f"{owner}.{role}", {}, r.get("labels"), r.get("annotations"), False)
            spark_runtime_pod(pod, role)
            pods.append(pod)
    return pods


# The container ports Spark gives the pods it creates (Spark's Kubernetes feature steps):
# the driver serves RPC, the block manager and the UI; executors the block manager.
SPARK_DRIVER_PORTS = [("driver-rpc-port", 7078), ("blockmanager", 7079), ("spark-ui", 4040)]
SPARK_EXECUTOR_PORTS = [("blockmanager", 7079)]


def spark_runtime_pod(pod, role):
    """Marks POD as one Spark creates at run time in ROLE, with Spark's label and ports."""
    pod.runtime = True
    pod.labels = dict(pod.labels, **{"spark-role": role})
    pod.extra_ports = list(SPARK_DRIVER_PORTS if role == "driver" else SPARK_EXECUTOR_PORTS)


def spark_app_specs(objects):
    """(ident, spec) of each SparkApplication, including ScheduledSparkApplication templates."""
    for obj in objects:
        if obj.get("kind") == "SparkApplication":
            yield ident(obj), obj.get("spec") or {}
        elif obj.get("kind") == "ScheduledSparkApplication":
            yield ident(obj), (obj.get("spec") or {}).get("template") or {}


def names_of(objects, kind):
    return {(o.get("metadata") or {}).get("name") for o in objects if o.get("kind") == kind}


def matches(selector, labels):
    return bool(selector) and all(labels.get(k) == v for k, v in selector.items())


def label_selector_matches(sel, labels):
    """A metav1.LabelSelector (matchLabels + matchExpressions) against labels."""
    if not isinstance(sel, dict):
        return False
    for k, v in (sel.get("matchLabels") or {}).items():
        if labels.get(k) != v:
            return False
    for e in sel.get("matchExpressions") or []:
        op, key, vals = e.get("operator"), e.get("key"), e.get("values") or []
        if op == "In" and labels.get(key) not in vals:
            return False
        if op == "NotIn" and labels.get(key) in vals:
            return False
        if op == "Exists" and key not in labels:
            return False
        if op == "DoesNotExist" and key in labels:
            return False
    return True


# -- Services and the things that point at them ---------------------------


def check_services(objects, pods):
    out = []
    endpoints = {(o.get("metadata") or {}).get("name"): o for o in objects if o.get("kind") == "Endpoints"}
    slices = [o for o in objects if o.get("kind") == "EndpointSlice"]
    for svc in (o for o in objects if o.get("kind") == "Service"):
        spec, name = svc.get("spec") or {}, svc["metadata"].get("name")
        if spec.get("type") == "ExternalName":
            continue
        selector = spec.get("selector") or {}
        if not selector:
            # A selector-less Service needs Endpoints (or EndpointSlices) of its own.
            ep = endpoints.get(name)
            own = [s for s in slices if ((s.get("metadata") or {}).get("labels") or {}).get("kubernetes.io/service-name") == name]
            if ep is None and not own:
                out.append((ident(svc), "service-selects-pods", "no selector and no Endpoints or EndpointSlice for it"))
                continue
            # Endpoint ports are matched to Service ports by name.
            ep_ports = {p.get("name") for s in (ep or {}).get("subsets") or [] for p in s.get("ports") or []}
            ep_ports |= {p.get("name") for s in own for p in s.get("ports") or []}
            for p in spec.get("ports") or []:
                if p.get("name") not in ep_ports:
                    out.append((ident(svc), "service-target-port",
                                f"port {p.get('name')!r} has no endpoint port of that name"))
            continue
        matched = [p for p in pods if p.selectable and matches(selector, p.labels)]
        if not matched:
            out.append((ident(svc), "service-selects-pods", f"selector {selector} matches no pod template"))
            continue
        for port in spec.get("ports") or []:
            target = port.get("targetPort", port.get("port"))
            for pod in matched:
                exposed = list(pod.ports())
                if isinstance(target, int):
                    ok = any(num == target for _, num in exposed)
                else:
                    ok = any(n == target for n, _ in exposed)
                if not ok:
                    out.append((ident(svc), "service-target-port",
                                f"targetPort {target!r} (port {port.get('name') or port.get('port')}) is not a container port of {pod.owner}"))
    return out


def check_monitors_and_ingress(objects, pods):
    out = []
    services = [o for o in objects if o.get("kind") == "Service"]
    svc_by_name = {s["metadata"].get("name"): s for s in services}
    for mon in (o for o in objects if o.get("kind") == "ServiceMonitor"):
        spec = mon.get("spec") or {}
        hit = [s for s in services if label_selector_matches(spec.get("selector"), (s.get("metadata") or {}).get("labels") or {})]
        if not hit:
            out.append((ident(mon), "monitor-selects", "selector matches no Service of the chart"))
        for ep in spec.get("endpoints") or []:
            if "port" in ep and not any(ep["port"] in {p.get("name") for p in (s.get("spec") or {}).get("ports") or []} for s in hit):
                out.append((ident(mon), "monitor-port", f"endpoint port {ep['port']!r} is not a port name of the selected Services"))
    for mon in (o for o in objects if o.get("kind") == "PodMonitor"):
        spec = mon.get("spec") or {}
        hit = [p for p in pods if (p.selectable or p.runtime) and label_selector_matches(spec.get("selector"), p.labels)]
        if not hit:
            out.append((ident(mon), "monitor-selects", "selector matches no pod template of the chart (nor a Spark pod template)"))
        for ep in spec.get("podMetricsEndpoints") or []:
            if "port" in ep and not any(ep["port"] == n for p in hit for n, _ in p.ports()):
                out.append((ident(mon), "monitor-port", f"endpoint port {ep['port']!r} is not a container port name of the selected pods"))
    for ing in (o for o in objects if o.get("kind") == "Ingress"):
        spec = ing.get("spec") or {}
        backends = [spec.get("defaultBackend")] + [p.get("backend") for r in spec.get("rules") or []
                                                   for p in ((r.get("http") or {}).get("paths") or [])]
        for b in (b for b in backends if b and b.get("service")):
            svc = svc_by_name.get(b["service"].get("name"))
            if svc is None:
                out.append((ident(ing), "ingress-backend", f"Service {b['service'].get('name')!r} is not in the chart"))
                continue
            port = b["service"].get("port") or {}
            ports = (svc.get("spec") or {}).get("ports") or []
            if "number" in port and port["number"] not in {p.get("port") for p in ports}:
                out.append((ident(ing), "ingress-backend", f"Service {svc['metadata']['name']!r} has no port {port['number']}"))
            if "name" in port and port["name"] not in {p.get("name") for p in ports}:
                out.append((ident(ing), "ingress-backend", f"Service {svc['metadata']['name']!r} has no port named {port['name']!r}"))
    for pol in (o for o in objects if o.get("kind") == "NetworkPolicy"):
        sel = (pol.get("spec") or {}).get("podSelector") or {}
        if (sel.get("matchLabels") or sel.get("matchExpressions")) and not any(
                p.selectable and label_selector_matches(sel, p.labels) for p in pods):
            out.append((ident(pol), "netpol-selects", "podSelector matches no pod template of the chart"))
    return out


# -- references to ConfigMaps, Secrets, ServiceAccounts, PVCs, Roles -------


def pod_references(pod):
    """(kind, name, where) of every object a pod needs; optional references are left out."""
    refs = []
    spec = pod.spec
    sa = spec.get("serviceAccountName") or spec.get("serviceAccount")
    if sa:
        refs.append(("ServiceAccount", sa, "serviceAccountName"))
    volume_names = set(pod.claim_templates)
    for vol in spec.get("volumes") or []:
        volume_names.add(vol.get("name"))
        refs += volume_references(vol)
    for kind, c in pod.containers():
        where = f"{kind} {c.get('name')}"
        for ef in c.get("envFrom") or []:
            for key, ref_kind in (("configMapRef", "ConfigMap"), ("secretRef", "Secret")):
                ref = ef.get(key)
                if ref and not ref.get("optional"):
                    refs.append((ref_kind, ref.get("name"), f"{where} envFrom"))
        for env in c.get("env") or []:
            vf = env.get("valueFrom") or {}
            for key, ref_kind in (("configMapKeyRef", "ConfigMap"), ("secretKeyRef", "Secret")):
                ref = vf.get(key)
                if ref and not ref.get("optional"):
                    refs.append((ref_kind, ref.get("name"), f"{where} env {env.get('name')}"))
        for vm in c.get("volumeMounts") or []:
            if vm.get("name") not in volume_names:
                refs.append(("volume", vm.get("name"), f"{where} volumeMount {vm.get('mountPath')}"))
    return refs


def volume_references(vol):
    refs = []
    where = f"volume {vol.get('name')}"
    if vol.get("configMap") and not vol["configMap"].get("optional"):
        refs.append(("ConfigMap", vol["configMap"].get("name"), where))
    if vol.get("secret") and not vol["secret"].get("optional"):
        refs.append(("Secret", vol["secret"].get("secretName"), where))
    if vol.get("persistentVolumeClaim"):
        refs.append(("PersistentVolumeClaim", vol["persistentVolumeClaim"].get("claimName"), where))
    for src in (vol.get("projected") or {}).get("sources") or []:
        if src.get("configMap") and not src["configMap"].get("optional"):
            refs.append(("ConfigMap", src["configMap"].get("name"), where))
        if src.get("secret") and not src["secret"].get("optional"):
            refs.append(("Secret", src["secret"].get("name"), where))
    return refs


def check_references(objects, pods):
    out = []
    have = {kind: names_of(objects, kind) | EXTERNAL.get(kind, set()) for kind in
            ("ConfigMap", "Secret", "ServiceAccount", "PersistentVolumeClaim", "Role", "ClusterRole")}
    for pod in pods:
        for kind, name, where in pod_references(pod):
            if kind == "volume":
                out.append((pod.owner, "volume-exists", f"{where}: no volume named {name!r}"))
            elif name not in have[kind]:
                out.append((pod.owner, "reference-exists", f"{where}: {kind} {name!r} is not in the chart"))
    for owner, spec in spark_app_specs(objects):
        for role in ("driver", "executor"):
            sa = (spec.get(role) or {}).get("serviceAccount")
            if sa and sa not in have["ServiceAccount"]:
                out.append((owner, "reference-exists", f"{role}.serviceAccount: ServiceAccount {sa!r} is not in the chart"))
            for ref in (spec.get(role) or {}).get("configMaps") or []:
                if ref.get("name") not in have["ConfigMap"]:
                    out.append((owner, "reference-exists", f"{role}.configMaps: ConfigMap {ref.get('name')!r} is not in the chart"))
            for ref in (spec.get(role) or {}).get("secrets") or []:
                if ref.get("name") not in have["Secret"]:
                    out.append((owner, "reference-exists", f"{role}.secrets: Secret {ref.get('name')!r} is not in the chart"))
        for key in ("sparkConfigMap", "hadoopConfigMap"):
            if spec.get(key) and spec[key] not in have["ConfigMap"]:
                out.append((owner, "reference-exists", f"{key}: ConfigMap {spec[key]!r} is not in the chart"))
        for vol in spec.get("volumes") or []:
            for kind, name, where in volume_references(vol):
                if name not in have[kind]:
                    out.append((owner, "reference-exists", f"{where}: {kind} {name!r} is not in the chart"))
    for rb in (o for o in objects if o.get("kind") in ("RoleBinding", "ClusterRoleBinding")):
        ref = rb.get("roleRef") or {}
        if ref.get("kind") == "Role" and ref.get("name") not in have["Role"]:
            out.append((ident(rb), "reference-exists", f"roleRef: Role {ref.get('name')!r} is not in the chart"))
        if ref.get("kind") == "ClusterRole" and ref.get("name") not in have["ClusterRole"] | BUILTIN_CLUSTER_ROLES:
            out.append((ident(rb), "reference-exists", f"roleRef: ClusterRole {ref.get('name')!r} is not in the chart"))
        for s in rb.get("subjects") or []:
            if s.get("kind") == "ServiceAccount" and s.get("namespace", NAMESPACE) == NAMESPACE \
                    and s.get("name") not in have["ServiceAccount"]:
                out.append((ident(rb), "reference-exists", f"subject ServiceAccount {s.get('name')!r} is not in the chart"))
    return out


# -- restricted pod security ------------------------------------------------


def check_security(pods, objects):
    out = []
    for pod in pods:
        out += restricted_violations(pod.owner, pod.spec, pod.spec.get("securityContext") or {},
                                     [(f"{k} {c.get('name')}", c.get("securityContext") or {}) for k, c in pod.containers()])
    for owner, spec in spark_app_specs(objects):
        for role in ("driver", "executor"):
            r = spec.get(role) or {}
            conts = [(f"{role}", r.get("securityContext") or {})]
            conts += [(f"{role} initContainer {c.get('name')}", c.get("securityContext") or {}) for c in r.get("initContainers") or []]
            conts += [(f"{role} sidecar {c.get('name')}", c.get("securityContext") or {}) for c in r.get("sidecars") or []]
            out += restricted_violations(owner, {}, r.get("podSecurityContext") or {}, conts)
    return out


def restricted_violations(owner, pod_spec, pod_sc, containers):
    """The Pod Security Standard "restricted" profile, as this project requires it."""
    out = []
    for flag in ("hostNetwork", "hostPID", "hostIPC"):
        if pod_spec.get(flag):
            out.append((owner, "restricted", f"pod sets {flag}"))
    for vol in pod_spec.get("volumes") or []:
        if "hostPath" in vol:
            out.append((owner, "restricted", f"volume {vol.get('name')} is a hostPath"))
    for where, sc in containers:
        problems = []
        if sc.get("allowPrivilegeEscalation") is not False:
            problems.append("allowPrivilegeEscalation is not false")
        if "ALL" not in ((sc.get("capabilities") or {}).get("drop") or []):
            problems.append("capabilities do not drop ALL")
        added = set((sc.get("capabilities") or {}).get("add") or []) - {"NET_BIND_SERVICE"}
        if added:
            problems.append(f"adds capabilities {sorted(added)}")
        if sc.get("privileged"):
            problems.append("is privileged")
        non_root = sc.get("runAsNonRoot", pod_sc.get("runAsNonRoot"))
        if non_root is not True:
            problems.append("runAsNonRoot is not true at pod or container level")
        if sc.get("runAsUser", pod_sc.get("runAsUser")) == 0:
            problems.append("runs as UID 0")
        seccomp = (sc.get("seccompProfile") or pod_sc.get("seccompProfile") or {}).get("type")
        if seccomp not in ("RuntimeDefault", "Localhost"):
            problems.append("seccompProfile is not RuntimeDefault at pod or container level")
        for p in problems:
            out.append((owner, "restricted", f"{where}: {p}"))
    return out


# -- names --------------------------------------------------------------------


def check_names(objects):
    out = []
    for obj in objects:
        meta = obj.get("metadata") or {}
        name = meta.get("name")
        if not isinstance(name, str):
            continue
        if len(name) > 63:
            out.append((ident(obj), "name-length", f"name has {len(name)} characters (max 63)"))
        if not DNS1123_LABEL.match(name):
            out.append((ident(obj), "name-dns1123", "name is not a DNS-1123 label"))
        if RELEASE not in name:
            out.append((ident(obj), "name-release-scoped", f"name does not contain the release name {RELEASE!r}"))
        ns = meta.get("namespace")
        if ns is not None and ns != NAMESPACE:
            out.append((ident(obj), "namespace", f"namespace {ns!r} is typed, not the release namespace {NAMESPACE!r}"))
    return out


# -- Spark settings shared between blocks ------------------------------------


def spark_conf_entries(text):
    """key -> value of a spark-defaults.conf text (whitespace or '=' separated)."""
    conf = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        m = re.match(r"^(\S+?)\s*(?:=|\s)\s*(.*)$", line)
        if m:
            conf[m.group(1)] = m.group(2).strip()
    return conf


def strings_in(value):
    """Every string inside a nested value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings_in(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings_in(v)


# A directory value: a URL or an absolute path (not a variable name in a DAG or a script).
DIR_VALUE = r"([a-z0-9]+://[^\s\"',}]+|/[^\s\"',}]*)"


def check_event_log(objects, blocks):
    """Every spark.eventLog.dir equals the History Server's spark.history.fs.logDirectory."""
    out, written, read = [], [], []
    for obj in objects:
        texts = []
        if obj.get("kind") == "ConfigMap":
            texts = [(f"{ident(obj)}[{k}]", v) for k, v in (obj.get("data") or {}).items() if isinstance(v, str)]
        else:
            texts = [(ident(obj), s) for s in strings_in(obj.get("spec"))]
        for where, text in texts:
            for m in re.finditer(r"spark\.eventLog\.dir[\s=:\"']+" + DIR_VALUE, text):
                written.append((where, m.group(1)))
            for m in re.finditer(r"spark\.history\.fs\.logDirectory[\s=:\"']+" + DIR_VALUE, text):
                read.append((where, m.group(1)))
        if obj.get("kind") in ("SparkApplication",):
            for k, v in ((obj.get("spec") or {}).get("sparkConf") or {}).items():
                if k == "spark.eventLog.dir":
                    written.append((ident(obj), str(v)))
    if "history-server" in blocks and not read:
        out.append(("History Server", "event-log-dir", "no spark.history.fs.logDirectory in the chart"))
    dirs = {d.rstrip("/") for _, d in read}
    if len(dirs) > 1:
        out.append(("History Server", "event-log-dir", f"several log directories: {sorted(dirs)}"))
    if dirs:
        for where, d in written:
            if d.rstrip("/") not in dirs:
                out.append((where, "event-log-dir", f"spark.eventLog.dir {d} is not the History Server's {sorted(dirs)[0]}"))
    return out


def check_buckets(objects, blocks):
    """Every bucket of an s3a:// or s3:// URL is created by the MinIO bucket Job."""
    out = []
    used = {}
    for obj in objects:
        for s in strings_in(obj):
            for m in S3_URL.finditer(s):
                if BUCKET_NAME.match(m.group(1)):
                    used.setdefault(m.group(1), ident(obj))
    if not used or "minio" not in blocks:
        return out
    configmaps = {o["metadata"].get("name"): o for o in objects if o.get("kind") == "ConfigMap"}
    jobs = [o for o in objects if o.get("kind") == "Job" and "minio" in o["metadata"].get("name", "")]
    if not jobs:
        return [("MinIO", "bucket-created", f"buckets {sorted(used)} are used and there is no MinIO bucket Job")]
    script = []
    for job in jobs:
        script += list(strings_in(job.get("spec")))
        for vol in ((((job.get("spec") or {}).get("template") or {}).get("spec") or {}).get("volumes") or []):
            cm = configmaps.get((vol.get("configMap") or {}).get("name"))
            if cm:
                script += list(strings_in(cm.get("data")))
    text = "\n".join(script)
    for bucket, where in sorted(used.items()):
        if not re.search(rf"(?<![a-z0-9.-]){re.escape(bucket)}(?![a-z0-9.-])", text):
            out.append((where, "bucket-created", f"bucket {bucket!r} is not in the MinIO bucket Job's script"))
    return out


# host:port in a URL (sc://, thrift://, http://, jdbc:postgresql://, spark://, ...).
URL_HOST_PORT = re.compile(r"//([a-z0-9][a-z0-9.-]*):(\d+)")


def check_endpoints(objects):
    """Every URL whose host is one of the release's names reaches a Service of the chart on that port.

    This is how the blocks are wired together (SPARK_REMOTE, hive.metastore.uris,
    the S3 endpoint, JDBC URLs, spark:// master URLs): a host that is no Service,
    or a port the Service does not serve, is a component pointed at nothing.
    Host forms: svc, svc.ns, svc.ns.svc[.cluster.local], and pod.svc.ns... for
    a StatefulSet pod behind a headless Service.
    """
    out = []
    services = {o["metadata"].get("name"): o for o in objects if o.get("kind") == "Service"}
    for obj in objects:
        for text in strings_in(obj if obj.get("kind") != "Service" else {}):
            for m in URL_HOST_PORT.finditer(text):
                host, port = m.group(1), int(m.group(2))
                labels = host.split(".")
                if not any(RELEASE in label for label in labels[:2]):
                    continue
                at = 0 if labels[0] in services else 1 if len(labels) > 1 and labels[1] in services else None
                if at is None:
                    out.append((ident(obj), "endpoint-resolves", f"{host}:{port}: no Service of that name in the chart"))
                    continue
                svc = services[labels[at]]
                if len(labels) > at + 1 and labels[at + 1] != NAMESPACE:
                    out.append((ident(obj), "endpoint-resolves", f"{host}:{port}: namespace {labels[at + 1]!r} is not the release's"))
                ports = {p.get("port") for p in (svc.get("spec") or {}).get("ports") or []}
                if port not in ports:
                    out.append((ident(obj), "endpoint-resolves",
                                f"{host}:{port}: Service {svc['metadata']['name']} serves ports {sorted(ports)}, not {port}"))
    return out


def spark_conf_maps(objects):
    """(ConfigMap, key, conf dict) of every spark-defaults file in a ConfigMap."""
    for obj in objects:
        if obj.get("kind") != "ConfigMap":
            continue
        for key, text in (obj.get("data") or {}).items():
            if isinstance(text, str) and key.endswith(".conf") and re.search(r"^spark\.", text, re.M):
                yield obj, key, spark_conf_entries(text)


def check_spark_conf(objects, pods):
    """spark-defaults settings that name other objects: the driver's headless Service, pod template files.

    spark.driver.host must be a headless Service of the chart that serves the
    driver and block-manager ports, or executors cannot call back; each
    spark.kubernetes.*.podTemplateFile must be a file that the pods reading this
    spark-defaults actually mount, or spark-submit fails at start-up.
    """
    out = []
    services = {o["metadata"].get("name"): o for o in objects if o.get("kind") == "Service"}
    configmaps = {o["metadata"].get("name"): o for o in objects if o.get("kind") == "ConfigMap"}
    for cm, key, conf in spark_conf_maps(objects):
        where = f"{ident(cm)}[{key}]"
        host = conf.get("spark.driver.host", "")
        labels = host.split(".")
        if host and RELEASE in labels[0]:
            svc = services.get(labels[0])
            if svc is None:
                out.append((where, "driver-host", f"spark.driver.host {host}: no Service {labels[0]!r} in the chart"))
            else:
                spec = svc.get("spec") or {}
                if spec.get("clusterIP") != "None":
                    out.append((where, "driver-host", f"spark.driver.host {host}: Service {labels[0]} is not headless"))
                ports = {p.get("port") for p in spec.get("ports") or []}
                for port_key in ("spark.driver.port", "spark.driver.blockManager.port"):
                    if conf.get(port_key, "").isdigit() and int(conf[port_key]) not in ports:
                        out.append((where, "driver-host", f"{port_key} {conf[port_key]} is not a port of Service {labels[0]}"))
            if len(labels) > 1 and labels[1] != NAMESPACE:
                out.append((where, "driver-host", f"spark.driver.host {host}: namespace {labels[1]!r} is not the release's"))
        readers = [p for p in pods if any((v.get("configMap") or {}).get("name") == cm["metadata"]["name"]
                                          for v in p.spec.get("volumes") or [])]
        for tkey in ("spark.kubernetes.executor.podTemplateFile", "spark.kubernetes.driver.podTemplateFile"):
            path = conf.get(tkey)
            if not path or not path.startswith("/"):
                continue
            for pod in readers:
                if not mounts_file(pod, path, configmaps):
                    out.append((where, "pod-template-file", f"{tkey} {path} is not a file mounted in {pod.owner}"))
    return out


def mounts_file(pod, path, configmaps):
    """True when a container of POD sees a ConfigMap key at PATH (directory mount, items, or subPath)."""
    volumes = {v.get("name"): v for v in pod.spec.get("volumes") or []}
    for _, c in pod.containers():
        for vm in c.get("volumeMounts") or []:
            cm_ref = (volumes.get(vm.get("name")) or {}).get("configMap")
            if not cm_ref:
                continue
            cm = configmaps.get(cm_ref.get("name")) or {}
            keys = {i.get("key"): i.get("path") for i in cm_ref.get("items") or []} or {k: k for k in cm.get("data") or {}}
            mount = vm.get("mountPath", "").rstrip("/")
            if vm.get("subPath"):
                if mount == path and vm["subPath"] in keys.values():
                    return True
            elif path.startswith(mount + "/") and path[len(mount) + 1:] in keys.values():
                return True
    return False


def check_monitoring(objects_plain, objects_api, monitoring_block):
    """Monitoring objects appear exactly when the Prometheus Operator API is available."""
    out = []
    plain = [o for o in objects_plain if str(o.get("apiVersion", "")).startswith("monitoring.coreos.com/")]
    api = [o for o in objects_api if str(o.get("apiVersion", "")).startswith("monitoring.coreos.com/")]
    if plain:
        out.append((ident(plain[0]), "monitoring-capability", "rendered although monitoring.coreos.com/v1 is not available"))
    if monitoring_block and not api:
        out.append(("monitoring", "monitoring-capability", "no ServiceMonitor/PodMonitor with -a monitoring.coreos.com/v1"))
    return out


def check_chart(objects, blocks):
    """All object-level cross checks of one templated chart made of BLOCKS (block folder names)."""
    pods = pods_of(objects)
    return (check_services(objects, pods) + check_monitors_and_ingress(objects, pods) + check_endpoints(objects)
            + check_references(objects, pods) + check_security(pods, objects) + check_names(objects)
            + check_spark_conf(objects, pods)
            + check_event_log(objects, blocks) + check_buckets(objects, blocks))
