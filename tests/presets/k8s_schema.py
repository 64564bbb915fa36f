"""Validates Kubernetes objects against the official OpenAPI schemas and CRDs.

No pip package is available here, so this module implements the subset of
OpenAPI 2/3 and of the CRD structural-schema dialect that Kubernetes objects
use: $ref (also wrapped in allOf, as the v3 files do), type, properties,
required, additionalProperties, items, enum, anyOf/oneOf/allOf/not, nullable,
pattern, min/max length and value, formats (int32, int64, byte, int-or-string,
quantities), x-kubernetes-int-or-string, x-kubernetes-preserve-unknown-fields,
and the uniqueness of x-kubernetes-list-type map/set lists.

Strictness follows `kubectl apply` with server-side field validation
(`Strict`, the default since Kubernetes 1.27): a field that a schema with
`properties` does not declare is an error, unless the schema preserves
unknown fields or declares `additionalProperties`.
"""

import base64
import binascii
import glob
import json
import os
import re

import yaml

# Quantity grammar of k8s.io/apimachinery/pkg/api/resource (quantity.go):
# a signed decimal number, then a binary-SI, decimal-SI or exponent suffix.
QUANTITY_RE = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+|Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$")
QUANTITY_DEF = "io.k8s.apimachinery.pkg.api.resource.Quantity"
INT_OR_STRING_DEF = "io.k8s.apimachinery.pkg.util.intstr.IntOrString"
OBJECT_META_DEF = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"

# The built-in schemas carry no `enum` (Kubernetes documents enumerations in
# descriptions only), so the values the API server accepts for the fields
# charts most often get wrong are listed here, keyed by definition and field.
BUILTIN_ENUMS = {
    ("io.k8s.api.core.v1.Container", "imagePullPolicy"): {"Always", "Never", "IfNotPresent"},
    ("io.k8s.api.core.v1.PodSpec", "restartPolicy"): {"Always", "OnFailure", "Never"},
    ("io.k8s.api.core.v1.PodSpec", "dnsPolicy"): {"ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"},
    ("io.k8s.api.core.v1.ServiceSpec", "type"): {"ExternalName", "ClusterIP", "NodePort", "LoadBalancer"},
    ("io.k8s.api.core.v1.ServiceSpec", "sessionAffinity"): {"ClientIP", "None"},
    ("io.k8s.api.core.v1.ServicePort", "protocol"): {"TCP", "UDP", "SCTP"},
    ("io.k8s.api.core.v1.ContainerPort", "protocol"): {"TCP", "UDP", "SCTP"},
    ("io.k8s.api.core.v1.EndpointPort", "protocol"): {"TCP", "UDP", "SCTP"},
    ("io.k8s.api.core.v1.SeccompProfile", "type"): {"Localhost", "RuntimeDefault", "Unconfined"},
    ("io.k8s.api.core.v1.PersistentVolumeClaimSpec", "volumeMode"): {"Block", "Filesystem"},
    ("io.k8s.api.core.v1.Toleration", "operator"): {"Exists", "Equal"},
    ("io.k8s.api.core.v1.Toleration", "effect"): {"NoSchedule", "PreferNoSchedule", "NoExecute"},
    ("io.k8s.api.apps.v1.DeploymentStrategy", "type"): {"Recreate", "RollingUpdate"},
    ("io.k8s.api.apps.v1.StatefulSetSpec", "podManagementPolicy"): {"OrderedReady", "Parallel"},
    ("io.k8s.api.batch.v1.CronJobSpec", "concurrencyPolicy"): {"Allow", "Forbid", "Replace"},
    ("io.k8s.api.networking.v1.HTTPIngressPath", "pathType"): {"Exact", "Prefix", "ImplementationSpecific"},
    ("io.k8s.api.networking.v1.NetworkPolicyPort", "protocol"): {"TCP", "UDP", "SCTP"},
}
PVC_ACCESS_MODES = {"ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod"}
NETPOL_POLICY_TYPES = {"Ingress", "Egress"}


class SchemaStore:
    """All schemas, indexed by definition name and by apiVersion/kind."""

    def __init__(self, shared_dir):
        self.defs = {}  # definition name -> schema (v3 first, swagger.json fills the rest)
        self.by_gvk = {}  # (apiVersion, kind) -> ("builtin", def name) | ("crd", schema, scope)
        self.namespaced = {}  # (apiVersion, kind) -> bool
        k8s = os.path.join(shared_dir, "kubernetes", "v1.31")
        for path in sorted(glob.glob(os.path.join(k8s, "openapi-v3", "*.json"))):
            with open(path, encoding="utf-8") as f:
                self._add_defs(json.load(f)["components"]["schemas"])
        with open(os.path.join(k8s, "swagger.json"), encoding="utf-8") as f:
            swagger = json.load(f)
        self._add_defs(swagger["definitions"])
        self._scopes_from_paths(swagger.get("paths", {}))
        for path in sorted(glob.glob(os.path.join(shared_dir, "crds", "*", "*.yaml"))):
            with open(path, encoding="utf-8") as f:
                self._add_crd(yaml.load(f, Loader=yaml.CSafeLoader))

    def _add_defs(self, defs):
        for name, schema in defs.items():
            if name in self.defs:
                continue
            self.defs[name] = schema
            for gvk in schema.get("x-kubernetes-group-version-kind", []):
                api = gvk["version"] if not gvk["group"] else f'{gvk["group"]}/{gvk["version"]}'
                self.by_gvk.setdefault((api, gvk["kind"]), ("builtin", name))

    def _scopes_from_paths(self, paths):
        # A kind is namespaced when the API serves it under .../namespaces/{namespace}/.
        for path, ops in paths.items():
            for op in ops.values():
                if not isinstance(op, dict):
                    continue
                gvk = op.get("x-kubernetes-group-version-kind")
                if not gvk or op.get("x-kubernetes-action") != "post":
                    continue
                api = gvk["version"] if not gvk["group"] else f'{gvk["group"]}/{gvk["version"]}'
                self.namespaced[(api, gvk["kind"])] = "{namespace}" in path

    def _add_crd(self, crd):
        spec = crd["spec"]
        for version in spec["versions"]:
            if not version.get("served"):
                continue
            api = f'{spec["group"]}/{version["name"]}'
            key = (api, spec["names"]["kind"])
            self.by_gvk[key] = ("crd", version["schema"]["openAPIV3Schema"])
            self.namespaced[key] = spec["scope"] == "Namespaced"

    def known(self, api_version, kind):
        """True when a schema exists for apiVersion/kind."""
        return (api_version, kind) in self.by_gvk

    def validate(self, obj):
        """Returns a list of "path: message" errors for one object (empty when valid)."""
        if not isinstance(obj, dict):
            return ["$: an object must be a mapping"]
        api, kind = obj.get("apiVersion"), obj.get("kind")
        if not isinstance(api, str) or not isinstance(kind, str):
            return ["$: apiVersion and kind must be strings"]
        entry = self.by_gvk.get((api, kind))
        if entry is None:
            return [f"$: no schema for {api} {kind} in Kubernetes 1.31 or the CRDs"]
        errors = []
        if entry[0] == "builtin":
            self._check(obj, {"$ref": "#/definitions/" + entry[1]}, "$", errors, strict=True)
        else:
            # The CRD schema says only `metadata: {type: object}`; the API server
            # validates metadata as ObjectMeta, so do the same.
            schema = dict(entry[1])
            schema["properties"] = dict(schema.get("properties", {}), metadata={"$ref": "#/definitions/" + OBJECT_META_DEF})
            self._check(obj, schema, "$", errors, strict=True)
        meta = obj.get("metadata")
        if not isinstance(meta, dict) or not meta.get("name"):
            errors.append("$.metadata.name: required")
        return errors

    # -- the schema walk -------------------------------------------------

    def _resolve(self, schema):
        """Follows $ref (directly or as the single allOf the v3 files use); returns (schema, def name)."""
        name = None
        seen = 0
        while True:
            ref = schema.get("$ref")
            if ref is None and len(schema.get("allOf", [])) == 1 and "$ref" in schema["allOf"][0] and "type" not in schema:
                ref = schema["allOf"][0]["$ref"]
            if ref is None:
                return schema, name
            name = ref.rsplit("/", 1)[-1]
            schema = self.defs.get(name)
            if schema is None:
                raise KeyError(f"unresolved $ref {ref}")
            seen += 1
            if seen > 50:
                raise KeyError(f"$ref loop at {ref}")

    def _check(self, value, schema, path, errors, strict):
        schema, def_name = self._resolve(schema)
        if value is None:
            # null is how YAML writes an absent optional field ("key:" with no value);
            # the API server drops such fields, except where nullable matters.
            return
        if def_name == QUANTITY_DEF or (schema.get("x-kubernetes-int-or-string") and "pattern" in schema
                                        and "Ki" in schema.get("pattern", "")):
            if isinstance(value, bool) or not isinstance(value, (int, float, str)):
                errors.append(f"{path}: quantity must be a string or a number, got {type_name(value)}")
            elif isinstance(value, str) and not QUANTITY_RE.match(value):
                errors.append(f"{path}: {value!r} is not a quantity")
            return
        if def_name == INT_OR_STRING_DEF or schema.get("x-kubernetes-int-or-string"):
            if isinstance(value, bool) or not isinstance(value, (int, str)):
                errors.append(f"{path}: must be an integer or a string, got {type_name(value)}")
            self._check_common(value, schema, path, errors)
            return
        for sub in schema.get("allOf", []):
            self._check(value, sub, path, errors, strict)
        if "anyOf" in schema or "oneOf" in schema:
            self._check_alternatives(value, schema, path, errors, strict)
        if "not" in schema:
            probe = []
            self._check(value, schema["not"], path, probe, strict)
            if not probe:
                errors.append(f"{path}: matches a schema it must not match")
        typ = schema.get("type")
        # An untyped schema with object keywords constrains objects only
        # (Kyverno writes `not: {required: [any, all]}`).
        if typ == "object" or (typ is None and isinstance(value, dict)
                               and any(k in schema for k in ("properties", "additionalProperties", "required"))):
            if not isinstance(value, dict):
                errors.append(f"{path}: must be an object, got {type_name(value)}")
                return
            self._check_object(value, schema, def_name, path, errors, strict)
        elif typ == "array":
            if not isinstance(value, list):
                errors.append(f"{path}: must be an array, got {type_name(value)}")
                return
            self._check_array(value, schema, def_name, path, errors, strict)
        elif typ == "string":
            if not isinstance(value, str):
                errors.append(f"{path}: must be a string, got {type_name(value)} {value!r}")
                return
            self._check_string(value, schema, path, errors)
        elif typ == "integer":
            if isinstance(value, bool) or not isinstance(value, int):
                errors.append(f"{path}: must be an integer, got {type_name(value)} {value!r}")
                return
            fmt = schema.get("format")
            if fmt == "int32" and not -(2**31) <= value < 2**31:
                errors.append(f"{path}: {value} does not fit int32")
            elif fmt == "int64" and not -(2**63) <= value < 2**63:
                errors.append(f"{path}: {value} does not fit int64")
        elif typ == "number":
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                errors.append(f"{path}: must be a number, got {type_name(value)} {value!r}")
                return
        elif typ == "boolean":
            if not isinstance(value, bool):
                errors.append(f"{path}: must be a boolean, got {type_name(value)} {value!r}")
                return
        self._check_common(value, schema, path, errors)

    def _check_alternatives(self, value, schema, path, errors, strict):
        for key in ("anyOf", "oneOf"):
            alts = schema.get(key)
            if not alts:
                continue
            # Structural CRD schemas use anyOf/oneOf only as value constraints
            # (e.g. "one of these fields is required"), so each alternative is a
            # constraint on the same value; unknown-field strictness stays with
            # the enclosing schema.
            passing = 0
            for alt in alts:
                probe = []
                self._check(value, alt, path, probe, strict=False)
                passing += not probe
            if passing == 0:
                errors.append(f"{path}: matches none of the {key} alternatives")
            elif key == "oneOf" and passing > 1:
                errors.append(f"{path}: matches {passing} oneOf alternatives, exactly one allowed")

    def _check_object(self, value, schema, def_name, path, errors, strict):
        props = schema.get("properties", {})
        for key in schema.get("required", []):
            if value.get(key) is None:
                errors.append(f"{path}: required field {key!r} is missing")
        extra = schema.get("additionalProperties")
        preserve = schema.get("x-kubernetes-preserve-unknown-fields", False)
        for key, item in value.items():
            sub_path = f"{path}.{key}"
            if not isinstance(key, str):
                errors.append(f"{sub_path}: keys must be strings")
                continue
            if key in props:
                self._check(item, props[key], sub_path, errors, strict)
                enum = BUILTIN_ENUMS.get((def_name, key))
                if enum and isinstance(item, str) and item not in enum:
                    errors.append(f"{sub_path}: {item!r} is not one of {sorted(enum)}")
            elif isinstance(extra, dict):
                self._check(item, extra, sub_path, errors, strict)
            elif extra is True or preserve:
                continue
            elif props and strict:
                errors.append(f"{sub_path}: unknown field {key!r}")
            elif not props and extra is False:
                errors.append(f"{sub_path}: unknown field {key!r}")
        if def_name == "io.k8s.api.core.v1.PersistentVolumeClaimSpec":
            for mode in value.get("accessModes") or []:
                if mode not in PVC_ACCESS_MODES:
                    errors.append(f"{path}.accessModes: {mode!r} is not one of {sorted(PVC_ACCESS_MODES)}")
        if def_name == "io.k8s.api.networking.v1.NetworkPolicySpec":
            for t in value.get("policyTypes") or []:
                if t not in NETPOL_POLICY_TYPES:
                    errors.append(f"{path}.policyTypes: {t!r} is not one of {sorted(NETPOL_POLICY_TYPES)}")

    def _check_array(self, value, schema, def_name, path, errors, strict):
        items = schema.get("items")
        if items is not None:
            for i, item in enumerate(value):
                self._check(item, items, f"{path}[{i}]", errors, strict)
        list_type = schema.get("x-kubernetes-list-type")
        if list_type == "set":
            seen = set()
            for item in value:
                k = json.dumps(item, sort_keys=True, default=str)
                if k in seen:
                    errors.append(f"{path}: duplicate entry {item!r} in a set")
                seen.add(k)
        elif list_type == "map":
            keys = schema.get("x-kubernetes-list-map-keys", [])
            seen = set()
            for item in value:
                if not isinstance(item, dict):
                    continue
                # A map key that is missing takes its default (protocol: TCP).
                k = tuple(item.get(key, "TCP" if key == "protocol" else None) for key in keys)
                if k in seen:
                    errors.append(f"{path}: duplicate entry for {dict(zip(keys, k))}")
                seen.add(k)
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            errors.append(f"{path}: more than {schema['maxItems']} items")
        if "minItems" in schema and len(value) < schema["minItems"]:
            errors.append(f"{path}: fewer than {schema['minItems']} items")

    def _check_string(self, value, schema, path, errors):
        fmt = schema.get("format")
        if fmt == "byte":
            try:
                base64.b64decode(value, validate=True)
            except (binascii.Error, ValueError):
                errors.append(f"{path}: not valid base64")
        if "pattern" in schema:
            try:
                if not re.search(schema["pattern"], value):
                    errors.append(f"{path}: {value!r} does not match {schema['pattern']!r}")
            except re.error:
                pass
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            errors.append(f"{path}: longer than {schema['maxLength']} characters")
        if "minLength" in schema and len(value) < schema["minLength"]:
            errors.append(f"{path}: shorter than {schema['minLength']} characters")

    def _check_common(self, value, schema, path, errors):
        if "enum" in schema and value not in schema["enum"]:
            errors.append(f"{path}: {value!r} is not one of {schema['enum']}")
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if "minimum" in schema and value < schema["minimum"]:
                errors.append(f"{path}: {value} is below the minimum {schema['minimum']}")
            if "maximum" in schema and value > schema["maximum"]:
                errors.append(f"{path}: {value} is above the maximum {schema['maximum']}")


def type_name(value):
    """A JSON type name for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__
