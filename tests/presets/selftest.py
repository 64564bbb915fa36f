#!/usr/bin/env python3
"""Proves that the preset checks can fail: each check gets a firing and a non-firing fixture.

A check that passes every chart proves nothing; this table shows that each
one reports the defect it is named after and stays quiet on the fixed object.
Run: python3 tests/presets/selftest.py [NODE_PREFIX] (exit 1 on a mismatch).
"""

import copy
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402
import run  # noqa: E402
import xref  # noqa: E402
from common import RELEASE, SHARED  # noqa: E402

LABELS = {"app.kubernetes.io/instance": RELEASE, "app.kubernetes.io/component": "server"}
BLOCKS = {"core", "spark-connect", "history-server", "minio"}
SAFE_CONTAINER_SC = {"allowPrivilegeEscalation": False, "capabilities": {"drop": ["ALL"]}}
SAFE_POD_SC = {"runAsNonRoot": True, "runAsUser": 185, "seccompProfile": {"type": "RuntimeDefault"}}


def base_chart():
    """A small chart that passes every cross check: Deployment, Service, ConfigMaps, Secret, SA, RBAC, MinIO Job."""
    spark_defaults = ("spark.eventLog.enabled true\nspark.eventLog.dir s3a://spark-logs/events\n"
                      f"spark.driver.host {RELEASE}-driver.spark-proofs.svc.cluster.local\nspark.driver.port 7078\n"
                      "spark.kubernetes.executor.podTemplateFile /opt/spark/conf/executor.yaml\n")
    return [
        {"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": f"{RELEASE}-server"}},
        {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": f"{RELEASE}-conf"},
         "data": {"spark-defaults.conf": spark_defaults, "executor.yaml": "apiVersion: v1\nkind: Pod\n"}},
        {"apiVersion": "v1", "kind": "Service", "metadata": {"name": f"{RELEASE}-driver"},
         "spec": {"clusterIP": "None", "selector": dict(LABELS), "ports": [{"name": "driver", "port": 7078, "targetPort": "driver"}]}},
        {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": f"{RELEASE}-history"},
         "data": {"spark-defaults.conf": "spark.history.fs.logDirectory s3a://spark-logs/events/\n"}},
        {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": f"{RELEASE}-minio"}, "data": {"pw": "cHc="}},
        {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": f"{RELEASE}-server"}, "rules": []},
        {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding", "metadata": {"name": f"{RELEASE}-server"},
         "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": f"{RELEASE}-server"},
         "subjects": [{"kind": "ServiceAccount", "name": f"{RELEASE}-server"}]},
        {"apiVersion": "v1", "kind": "Service", "metadata": {"name": f"{RELEASE}-server"},
         "spec": {"selector": dict(LABELS), "ports": [{"name": "grpc", "port": 15002, "targetPort": "grpc"},
                                                       {"name": "ui", "port": 4040}]}},
        {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": f"{RELEASE}-server"},
         "spec": {"selector": {"matchLabels": dict(LABELS)}, "template": {
             "metadata": {"labels": dict(LABELS)},
             "spec": {"serviceAccountName": f"{RELEASE}-server", "securityContext": dict(SAFE_POD_SC),
                      "volumes": [{"name": "conf", "configMap": {"name": f"{RELEASE}-conf"}}, {"name": "tmp", "emptyDir": {}}],
                      "containers": [{"name": "server", "image": "spark", "securityContext": copy.deepcopy(SAFE_CONTAINER_SC),
                                      "ports": [{"name": "grpc", "containerPort": 15002}, {"name": "ui", "containerPort": 4040},
                                                {"name": "driver", "containerPort": 7078}],
                                      "envFrom": [{"secretRef": {"name": f"{RELEASE}-minio"}}],
                                      "args": [f"--remote=sc://{RELEASE}-server.spark-proofs.svc.cluster.local:15002"],
                                      "volumeMounts": [{"name": "conf", "mountPath": "/opt/spark/conf"},
                                                       {"name": "tmp", "mountPath": "/tmp"}]}]}}}},
        {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": f"{RELEASE}-history"},
         "spec": {"selector": {"matchLabels": {"c": "h"}}, "template": {"metadata": {"labels": {"c": "h"}}, "spec": {
             "securityContext": dict(SAFE_POD_SC),
             "containers": [{"name": "h", "image": "spark", "securityContext": copy.deepcopy(SAFE_CONTAINER_SC)}]}}}},
        {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": f"{RELEASE}-minio"},
         "spec": {"selector": {"matchLabels": {"c": "m"}}, "template": {"metadata": {"labels": {"c": "m"}}, "spec": {
             "securityContext": dict(SAFE_POD_SC),
             "containers": [{"name": "m", "image": "minio", "securityContext": copy.deepcopy(SAFE_CONTAINER_SC)}]}}}},
        {"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": f"{RELEASE}-minio-buckets"},
         "spec": {"template": {"spec": {
             "restartPolicy": "OnFailure", "securityContext": dict(SAFE_POD_SC),
             "containers": [{"name": "mc", "image": "mc", "securityContext": copy.deepcopy(SAFE_CONTAINER_SC),
                             "command": ["sh", "-c", "mc mb --ignore-existing local/spark-logs"]}]}}}},
    ]


def find(objects, kind, name_suffix):
    return next(o for o in objects if o["kind"] == kind and o["metadata"]["name"] == f"{RELEASE}-{name_suffix}")


def server_container(objects):
    return find(objects, "Deployment", "server")["spec"]["template"]["spec"]["containers"][0]


# Each mutation breaks the base chart in one way; the check id it must trigger.
MUTATIONS = [
    ("service selects nothing", "service-selects-pods",
     lambda o: find(o, "Service", "server")["spec"]["selector"].update({"app.kubernetes.io/component": "other"})),
    ("selector-less Service without endpoints", "service-selects-pods",
     lambda o: find(o, "Service", "server")["spec"].pop("selector")),
    ("EndpointSlice without the Service's port", "service-target-port",
     lambda o: (find(o, "Service", "server")["spec"].pop("selector"), o.append(
         {"apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice", "metadata": {
             "name": f"{RELEASE}-server", "labels": {"kubernetes.io/service-name": f"{RELEASE}-server"}},
          "addressType": "IPv4", "endpoints": [{"addresses": ["10.0.0.1"]}], "ports": [{"name": "grpc", "port": 15002}]}))),
    ("service targets an unnamed port", "service-target-port",
     lambda o: find(o, "Service", "server")["spec"]["ports"][0].update(targetPort="rpc")),
    ("service port defaults to a missing number", "service-target-port",
     lambda o: find(o, "Service", "server")["spec"]["ports"][1].update(port=4041)),
    ("missing ConfigMap", "reference-exists",
     lambda o: o.remove(find(o, "ConfigMap", "conf"))),
    ("missing Secret", "reference-exists",
     lambda o: o.remove(find(o, "Secret", "minio"))),
    ("missing ServiceAccount", "reference-exists",
     lambda o: o.remove(find(o, "ServiceAccount", "server"))),
    ("missing Role", "reference-exists",
     lambda o: o.remove(find(o, "Role", "server"))),
    ("mount without volume", "volume-exists",
     lambda o: server_container(o)["volumeMounts"].append({"name": "work", "mountPath": "/work"})),
    ("privilege escalation", "restricted",
     lambda o: server_container(o)["securityContext"].pop("allowPrivilegeEscalation")),
    ("capabilities kept", "restricted",
     lambda o: server_container(o)["securityContext"].pop("capabilities")),
    ("root allowed", "restricted",
     lambda o: find(o, "Deployment", "server")["spec"]["template"]["spec"]["securityContext"].pop("runAsNonRoot")),
    ("no seccomp", "restricted",
     lambda o: find(o, "Deployment", "server")["spec"]["template"]["spec"]["securityContext"].pop("seccompProfile")),
    ("name not scoped to the release", "name-release-scoped",
     lambda o: find(o, "ConfigMap", "history")["metadata"].update(name="spark-history")),
    ("name too long", "name-length",
     lambda o: find(o, "ConfigMap", "history")["metadata"].update(name=f"{RELEASE}-" + "h" * 60)),
    ("name not DNS-1123", "name-dns1123",
     lambda o: find(o, "ConfigMap", "history")["metadata"].update(name=f"{RELEASE}_History")),
    ("typed namespace", "namespace",
     lambda o: find(o, "ConfigMap", "history")["metadata"].update(namespace="default")),
    ("event logs written elsewhere", "event-log-dir",
     lambda o: find(o, "ConfigMap", "conf")["data"].update({"spark-defaults.conf": "spark.eventLog.dir s3a://spark-logs/other\n"})),
    ("History Server without a log directory", "event-log-dir",
     lambda o: o.remove(find(o, "ConfigMap", "history"))),
    ("URL to a Service that does not exist", "endpoint-resolves",
     lambda o: server_container(o).update(env=[{"name": "SPARK_REMOTE", "value": f"sc://{RELEASE}-connect:15002"}])),
    ("URL to a port the Service does not serve", "endpoint-resolves",
     lambda o: server_container(o).update(env=[{"name": "SPARK_REMOTE", "value": f"sc://{RELEASE}-server:15003"}])),
    ("URL in another namespace", "endpoint-resolves",
     lambda o: server_container(o).update(env=[{"name": "R", "value": f"thrift://{RELEASE}-server.default.svc:15002"}])),
    ("driver host is not headless", "driver-host",
     lambda o: find(o, "Service", "driver")["spec"].pop("clusterIP")),
    ("driver port not served", "driver-host",
     lambda o: find(o, "Service", "driver")["spec"]["ports"][0].update(port=7077)),
    ("pod template file not mounted", "pod-template-file",
     lambda o: server_container(o)["volumeMounts"][0].update(mountPath="/etc/spark")),
    ("bucket never created", "bucket-created",
     lambda o: find(o, "ConfigMap", "conf")["data"].update({"x": "spark.sql.warehouse.dir s3a://warehouse/"})),
    ("bucket name only as a prefix of another", "bucket-created",
     lambda o: find(o, "ConfigMap", "conf")["data"].update({"x": "s3a://spark/"})),
]


def check_xref_table():
    errors = 0
    clean = xref.check_chart(base_chart(), BLOCKS)
    if clean:
        print(f"FAIL xref base chart: expected no findings, got {clean}")
        errors += 1
    for name, check, mutate in MUTATIONS:
        objects = base_chart()
        mutate(objects)
        found = {c for _, c, _ in xref.check_chart(objects, BLOCKS)}
        if check not in found:
            print(f"FAIL xref {name!r}: expected {check}, got {sorted(found) or 'nothing'}")
            errors += 1
    # A PodMonitor may select the driver pods Spark creates from a pod template file, not Services' pods.
    pod_monitor = {"apiVersion": "monitoring.coreos.com/v1", "kind": "PodMonitor", "metadata": {"name": f"{RELEASE}-pm"},
                   "spec": {"selector": {"matchLabels": {"spark-role": "driver", "team": "a"}},
                            "podMetricsEndpoints": [{"port": "spark-ui"}]}}
    for name, template, want in [
        ("driver template with the label", "apiVersion: v1\nkind: Pod\nmetadata:\n  labels: {team: a}\n", set()),
        ("executor template only", None, {"monitor-selects", "monitor-port"}),
    ]:
        objects = base_chart() + [copy.deepcopy(pod_monitor)]
        if template:
            find(objects, "ConfigMap", "conf")["data"]["driver-template.yaml"] = template
        found = {c for _, c, _ in xref.check_chart(objects, BLOCKS)}
        if found != want:
            print(f"FAIL xref PodMonitor {name!r}: expected {sorted(want)}, got {sorted(found)}")
            errors += 1
    mon = {"apiVersion": "monitoring.coreos.com/v1", "kind": "ServiceMonitor", "metadata": {"name": f"{RELEASE}-m"}}
    for name, plain, api, block, want in [
        ("monitor without the API", [mon], [mon], True, True),
        ("no monitor with the API", [], [], True, True),
        ("monitor only with the API", [], [mon], True, False),
        ("no monitoring block", [], [], False, False),
    ]:
        got = bool(xref.check_monitoring(plain, api, block))
        if got != want:
            print(f"FAIL monitoring {name!r}: expected findings={want}")
            errors += 1
    return errors


def check_schema_table():
    if not (SHARED / "k8s-schemas").is_dir():
        print("schema self-test not run: ../shared/k8s-schemas is absent")
        return 0
    import k8s_schema
    store = k8s_schema.SchemaStore(str(SHARED / "k8s-schemas"))
    errors = 0
    good = base_chart()
    for obj in good:
        found = store.validate(obj)
        if found:
            print(f"FAIL schema {obj['kind']}: expected valid, got {found}")
            errors += 1
    app = {"apiVersion": "sparkoperator.k8s.io/v1beta2", "kind": "SparkApplication", "metadata": {"name": "a"},
           "spec": {"type": "Python", "mode": "cluster", "sparkVersion": "4.1.0", "mainApplicationFile": "local:///a.py",
                    "driver": {"cores": 1, "memory": "1g"}, "executor": {"instances": 1}}}
    if store.validate(app):
        print(f"FAIL schema SparkApplication: expected valid, got {store.validate(app)}")
        errors += 1
    bad = [
        ("unknown field", ["Deployment", "server"], lambda o: server_container([o]).update(bogus=1), "unknown field 'bogus'"),
        ("string for an integer", ["Service", "server"], lambda o: o["spec"]["ports"][1].update(port="4040"), "must be an integer"),
        ("label value not a string", ["ConfigMap", "conf"], lambda o: o["metadata"].update(labels={"a": True}), "must be a string"),
        ("bad enum", ["Deployment", "server"], lambda o: server_container([o]).update(imagePullPolicy="Sometimes"), "is not one of"),
        ("bad quantity", ["Deployment", "server"],
         lambda o: server_container([o]).update(resources={"limits": {"memory": "1 GB"}}), "is not a quantity"),
        ("missing required", ["Deployment", "server"], lambda o: server_container([o]).pop("name"), "required field 'name'"),
        ("bad base64", ["Secret", "minio"], lambda o: o["data"].update(pw="???"), "not valid base64"),
        ("duplicate port", ["Deployment", "server"],
         lambda o: server_container([o])["ports"].append({"name": "dup", "containerPort": 15002}), "duplicate entry"),
    ]
    for name, (kind, suffix), mutate, want in bad:
        obj = copy.deepcopy(find(good, kind, suffix))
        mutate(obj)
        found = store.validate(obj)
        if not any(want in e for e in found):
            print(f"FAIL schema {name!r}: expected {want!r}, got {found}")
            errors += 1
    for name, mutate, want in [
        ("CRD unknown field", lambda a: a["spec"]["driver"].update(bogus=1), "unknown field 'bogus'"),
        ("CRD enum", lambda a: a["spec"].update(mode="sideways"), "is not one of"),
        ("CRD metadata is ObjectMeta", lambda a: a["metadata"].update(labels={"a": 1}), "must be a string"),
    ]:
        obj = copy.deepcopy(app)
        mutate(obj)
        found = store.validate(obj)
        if not any(want in e for e in found):
            print(f"FAIL schema {name!r}: expected {want!r}, got {found}")
            errors += 1
    return errors


def check_yaml_and_masking():
    errors = 0
    _, errs = common.parse_documents("---\n# Source: a.yaml\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n")
    if not errs or "duplicate key" not in errs[0][1]:
        print(f"FAIL yaml: duplicate keys must be reported, got {errs}")
        errors += 1
    secret = '---\napiVersion: v1\nkind: Secret\ndata:\n  password: "{}"\n---\nkind: ConfigMap\ndata:\n  k: "{}"\n'
    cases = [
        (secret.format("abcd", "x"), secret.format("wxyz", "x"), True),   # generated password: same length
        (secret.format("abcd", "x"), secret.format("wxy", "x"), False),   # different length
        (secret.format("abcd", "x"), secret.format("abcd", "y"), False),  # a ConfigMap value differs
    ]
    for ours, ref, want in cases:
        if run.random_only_difference(ours, ref) != want:
            print(f"FAIL masking: expected {want} for {ours!r} vs {ref!r}")
            errors += 1
    if common.version_in_range("^2.5.x") != "2.5.0" or common.version_in_range("2.5.2") != "2.5.2":
        print("FAIL version_in_range")
        errors += 1
    return errors


def check_models_script(prefix):
    """models_check.js reports a bad object of a known kind and passes unknown kinds."""
    if not prefix or not (Path(prefix) / "node_modules" / "kubernetes-models").is_dir():
        print("kubernetes-models self-test not run: the package is not installed (presets-models installs it)")
        return 0
    import json
    import subprocess
    import tempfile
    items = [{"label": "bad", "object": {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "a"},
                                         "spec": {"replicas": "2", "selector": {}, "template": {}}}},
             {"label": "good", "object": base_chart()[6]},
             {"label": "crd", "object": {"apiVersion": "example.com/v1", "kind": "Foo", "metadata": {"name": "c"}}}]
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(items, f)
    p = subprocess.run(["node", str(Path(__file__).parent / "models_check.js"), prefix, f.name], capture_output=True, text=True)
    Path(f.name).unlink()
    want = "models: 2 validated, 1 of kinds kubernetes-models does not know"
    lines = p.stdout.splitlines()
    if p.returncode != 1 or len(lines) != 2 or not lines[0].startswith("bad: kubernetes-models: ") or lines[1] != want:
        print(f"FAIL models_check.js: status {p.returncode}, output {p.stdout!r} {p.stderr!r}")
        return 1
    return 0


def main():
    errors = check_xref_table() + check_schema_table() + check_yaml_and_masking()
    errors += check_models_script(sys.argv[1] if len(sys.argv) > 1 else "")
    print(f"presets-selftest: {len(MUTATIONS)} xref mutations, schema and masking tables: {errors} failures")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
