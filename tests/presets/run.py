#!/usr/bin/env python3
"""The preset proofs: every preset, for Spark 3.5 and 4.1, rendered and checked.

    run.py differential --ours BIN --ref HELM_REF --work DIR
        our `template` output equals the Go reference's, with and without
        `-a monitoring.coreos.com/v1`
    run.py schema --ours BIN --work DIR
        every object is valid against the Kubernetes 1.31 OpenAPI schemas and
        the CRDs in ../shared/k8s-schemas (skipped when that folder is absent)
    run.py models --ours BIN --work DIR --node-prefix DIR
        every object of a kind the npm package kubernetes-models knows passes
        its validate() (skipped when npm or the package cannot be had)
    run.py xref --ours BIN --work DIR
        cross-reference checks (tests/presets/xref.py)
    run.py golden --ours BIN --work DIR
        values.yaml, templates/NOTES.txt and README.md of each preset for
        Spark 4.1 equal tests/golden/<preset>/; UPDATE_GOLDEN=1 rewrites them

Each prints one line per failure, `preset (Spark X): object: check: message`,
then a per-preset summary; the exit status is 1 when anything failed.
"""

import argparse
import collections
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402
from common import MONITORING_API, REPO, SHARED  # noqa: E402

GOLDEN_DIR = REPO / "tests" / "golden"
GOLDEN_FILES = (("values.yaml", "values.yaml"), ("templates/NOTES.txt", "NOTES.txt"), ("README.md", "README.md"))
# kubernetes-models is pinned so that a new release cannot change the verdict.
MODELS_PACKAGE = "kubernetes-models@4.5.1"


class Failures:
    """Failures grouped by variant, printed as they come and summarised at the end."""

    def __init__(self):
        self.by_variant = collections.OrderedDict()
        self.seen = set()

    def add(self, label, what, check, message):
        line = f"{label}: {what}: {check}: {message}"
        if line in self.seen:
            return
        self.seen.add(line)
        print(line)
        self.by_variant.setdefault(label, collections.Counter())[check] += 1

    def summary(self, title, variants, checked):
        for v in variants:
            counts = self.by_variant.get(v.label)
            status = "ok" if not counts else ", ".join(f"{c} x{n}" for c, n in sorted(counts.items()))
            print(f"  {v.label}: {status}")
        total = sum(sum(c.values()) for c in self.by_variant.values())
        print(f"{title}: {checked} checked, {total} failures")
        return 1 if total else 0


def outputs_ok(v, failures, apis=("", MONITORING_API)):
    """Reports a variant that did not render or template; returns the outputs usable for checks."""
    if v.render_error:
        failures.add(v.label, "chart", "render", v.render_error.splitlines()[-1] if v.render_error else "failed")
        return {}
    usable = {}
    for api in apis:
        out, err, status = v.outputs[api]
        if status != 0:
            flag = f" -a {api}" if api else ""
            failures.add(v.label, f"template{flag}", "template", (err.strip().splitlines() or ["failed"])[-1])
        else:
            usable[api] = out
    return usable


def variant_objects(v, usable, failures):
    """The unique objects of a variant's outputs (with and without monitoring), as Docs."""
    docs, seen = [], set()
    for api, text in usable.items():
        parsed, errors = common.parse_documents(text)
        for source, message in errors:
            failures.add(v.label, source, "yaml", message)
        for d in parsed:
            key = json.dumps(d.obj, sort_keys=True, default=str)
            if key not in seen:
                seen.add(key)
                docs.append(d)
    return docs


# -- differential ------------------------------------------------------------


def secret_block_lines(text):
    """Line numbers (0-based) holding a value of a Secret's data/stringData, or a checksum annotation."""
    lines = text.split("\n")
    marked = set()
    doc_start = 0
    for end in [i for i, line in enumerate(lines) if line.startswith("---")] + [len(lines)]:
        doc = range(doc_start, end)
        is_secret = any(re.match(r"^kind:\s*Secret\s*$", lines[i]) for i in doc)
        block_indent = None
        for i in doc:
            line = lines[i]
            if re.match(r"^\s*checksum/[^:]+:\s*\S", line):
                marked.add(i)
            m = re.match(r"^(\s*)(data|stringData):\s*$", line)
            if m:
                block_indent = len(m.group(1))
                continue
            if block_indent is not None:
                if line.strip() and len(line) - len(line.lstrip()) <= block_indent:
                    block_indent = None
                elif is_secret:
                    marked.add(i)
        doc_start = end + 1
    return marked, lines


def random_only_difference(ours, ref):
    """True when the outputs differ only in generated secret values of the same length.

    Blocks generate credentials with randAlphaNum when no existingSecret is given
    (docs/blocks.md); two runs, let alone two engines, cannot agree on them. Only
    lines inside a Secret's data/stringData (and checksum annotations over them)
    may differ, and only in the value, never in the key or the value's length.
    """
    marked_o, lines_o = secret_block_lines(ours)
    marked_r, lines_r = secret_block_lines(ref)
    if len(lines_o) != len(lines_r):
        return False
    for i, (a, b) in enumerate(zip(lines_o, lines_r)):
        if a == b:
            continue
        if i not in marked_o or i not in marked_r:
            return False
        ka, _, va = a.partition(":")
        kb, _, vb = b.partition(":")
        if ka != kb or len(va) != len(vb):
            return False
    return True


def check_differential(args, variants):
    failures = Failures()
    checked = 0
    for v in variants:
        if v.render_error:
            failures.add(v.label, "chart", "render", v.render_error.splitlines()[-1])
            continue
        for api in ("", MONITORING_API):
            checked += 1
            flag = f" -a {api}" if api else ""
            ours = v.outputs[api]
            ref = common.template(args.ref, v.proof_dir, api)
            if ours[2] != 0 and ref[2] != 0 and ours[1] == ref[1]:
                failures.add(v.label, f"template{flag}", "template",
                             f"both engines fail: {(ours[1].strip().splitlines() or [''])[-1]}")
                continue
            if ours == ref or (ours[1:] == ref[1:] and random_only_difference(ours[0], ref[0])):
                continue
            diff = list(difflib.unified_diff(ref[0].splitlines(), ours[0].splitlines(), "helm-ref", "ours", lineterm="", n=1))
            detail = f"status ours {ours[2]} ref {ref[2]}"
            if ours[1] != ref[1]:
                detail += f"; stderr ours {ours[1].strip()!r} ref {ref[1].strip()!r}"
            failures.add(v.label, f"template{flag}", "differential", detail)
            for line in diff[:40]:
                print("    " + line)
            if len(diff) > 40:
                print(f"    ... {len(diff) - 40} more diff lines")
    return failures.summary("presets-differential", variants, checked)


# -- schema ------------------------------------------------------------------


def check_schema(args, variants):
    if not (SHARED / "k8s-schemas").is_dir():
        print(f"presets-schema: skipped: {SHARED / 'k8s-schemas'} is absent")
        return 0
    import k8s_schema
    started = time.time()
    store = k8s_schema.SchemaStore(str(SHARED / "k8s-schemas"))
    print(f"loaded {len(store.defs)} definitions and {len(store.by_gvk)} kinds in {time.time() - started:.1f}s")
    failures = Failures()
    checked = 0
    for v in variants:
        for d in variant_objects(v, outputs_ok(v, failures), failures):
            checked += 1
            errors = store.validate(d.obj)
            for e in errors[:15]:
                failures.add(v.label, f"{d.ident} ({d.source})", "schema", e)
            if len(errors) > 15:
                failures.add(v.label, f"{d.ident} ({d.source})", "schema", f"... and {len(errors) - 15} more")
    return failures.summary("presets-schema", variants, checked)


# -- kubernetes-models -----------------------------------------------------------


def ensure_models(prefix):
    """Installs kubernetes-models under PREFIX once; returns an error text or ""."""
    marker = Path(prefix) / "node_modules" / "kubernetes-models" / "package.json"
    if marker.is_file():
        return ""
    if not shutil.which("npm") or not shutil.which("node"):
        return "node or npm is not installed"
    Path(prefix).mkdir(parents=True, exist_ok=True)
    p = subprocess.run(["npm", "install", "--prefix", str(prefix), "--no-audit", "--no-fund", MODELS_PACKAGE],
                       capture_output=True, text=True, timeout=240)
    if p.returncode != 0 or not marker.is_file():
        return "npm install failed: " + (p.stderr.strip().splitlines() or ["?"])[-1]
    return ""


def drop_nulls(value):
    """The object as the API server stores it: fields set to null are absent."""
    if isinstance(value, dict):
        return {k: drop_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [drop_nulls(v) for v in value]
    return value


def check_models(args, variants):
    try:
        problem = ensure_models(args.node_prefix)
    except subprocess.TimeoutExpired:
        problem = "npm install timed out"
    if problem:
        print(f"presets-models: skipped: {problem}")
        return 0
    failures = Failures()
    items = []
    for v in variants:
        for d in variant_objects(v, outputs_ok(v, failures), failures):
            if isinstance(d.obj, dict):
                items.append({"label": f"{v.label}: {d.ident} ({d.source})", "object": drop_nulls(d.obj)})
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    (work / "objects.json").write_text(json.dumps(items, default=str), encoding="utf-8")
    p = subprocess.run(["node", str(Path(__file__).parent / "models_check.js"), str(args.node_prefix), str(work / "objects.json")],
                       capture_output=True, text=True)
    for line in p.stdout.splitlines():
        if line.startswith("models:"):
            print(line)
            continue
        label, _, rest = line.partition(": ")
        what, _, message = rest.partition(": kubernetes-models: ")
        failures.add(label, what, "kubernetes-models", message)
    if p.returncode not in (0, 1) or p.stderr.strip():
        failures.add("models", "node", "kubernetes-models", p.stderr.strip() or f"exit {p.returncode}")
    return failures.summary("presets-models", variants, len(items))


# -- cross references ----------------------------------------------------------


def check_xref(args, variants):
    import xref
    failures = Failures()
    checked = 0
    for v in variants:
        usable = outputs_ok(v, failures)
        if not usable:
            continue
        checked += 1
        docs = variant_objects(v, usable, failures)
        objects = [d.obj for d in docs if isinstance(d.obj, dict)]
        for d in docs:
            if not isinstance(d.obj, dict):
                failures.add(v.label, d.ident, "yaml", "document is not a mapping")
        blocks = {p.name for p in (v.chart_dir / "templates").iterdir() if p.is_dir()}
        for what, check, message in xref.check_chart(objects, blocks):
            failures.add(v.label, what, check, message)
        if "" in usable and MONITORING_API in usable:
            plain = [d.obj for d in common.parse_documents(usable[""])[0] if isinstance(d.obj, dict)]
            with_api = [d.obj for d in common.parse_documents(usable[MONITORING_API])[0] if isinstance(d.obj, dict)]
            for what, check, message in xref.check_monitoring(plain, with_api, "monitoring" in blocks):
                failures.add(v.label, what, check, message)
    return failures.summary("presets-xref", variants, checked)


# -- golden files ------------------------------------------------------------------


def normalise(text):
    return text.replace("\r\n", "\n")


def check_golden(args, variants):
    update = os.environ.get("UPDATE_GOLDEN") == "1"
    failures = Failures()
    checked = 0
    chosen = [v for v in variants if v.line == "4.1"]
    for v in chosen:
        if v.render_error:
            failures.add(v.label, "chart", "render", v.render_error.splitlines()[-1])
            continue
        for src, name in GOLDEN_FILES:
            checked += 1
            got_path, want_path = v.chart_dir / src, GOLDEN_DIR / v.preset / name
            got = normalise(got_path.read_text(encoding="utf-8")) if got_path.is_file() else None
            if update:
                want_path.parent.mkdir(parents=True, exist_ok=True)
                if got is None:
                    want_path.unlink(missing_ok=True)
                else:
                    want_path.write_text(got, encoding="utf-8")
                continue
            if got is None:
                failures.add(v.label, src, "golden", "the rendered chart has no such file")
                continue
            if not want_path.is_file():
                failures.add(v.label, src, "golden", f"no golden file {want_path.relative_to(REPO)} (UPDATE_GOLDEN=1 writes it)")
                continue
            want = normalise(want_path.read_text(encoding="utf-8"))
            if got != want:
                failures.add(v.label, src, "golden", f"differs from {want_path.relative_to(REPO)} (UPDATE_GOLDEN=1 rewrites it)")
                diff = list(difflib.unified_diff(want.splitlines(), got.splitlines(), "want", "got", lineterm="", n=1))
                for line in diff[:30]:
                    print("    " + line)
                if len(diff) > 30:
                    print(f"    ... {len(diff) - 30} more diff lines")
    # A golden folder for a preset that no longer exists is stale, not silently kept.
    presets = {v.preset for v in variants}
    for folder in sorted(GOLDEN_DIR.glob("*")) if GOLDEN_DIR.is_dir() else []:
        if folder.is_dir() and folder.name not in presets:
            if update:
                shutil.rmtree(folder)
            else:
                failures.add(folder.name, str(folder.relative_to(REPO)), "golden", "golden files of a preset that does not exist")
    if update:
        print(f"presets-golden: rewrote the golden files of {len(chosen)} presets")
        return 0
    return failures.summary("presets-golden", chosen, checked)


CHECKS = {
    "differential": check_differential,
    "schema": check_schema,
    "models": check_models,
    "xref": check_xref,
    "golden": check_golden,
}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("check", choices=sorted(CHECKS))
    ap.add_argument("--ours", required=True, help="the spark-constructor binary")
    ap.add_argument("--ref", help="helm-ref, the Go reference (differential)")
    ap.add_argument("--work", required=True, help="scratch folder (rewritten)")
    ap.add_argument("--node-prefix", help="npm prefix for kubernetes-models (models)")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    if args.check == "differential" and not args.ref:
        ap.error("differential needs --ref")
    if args.check == "models" and not args.node_prefix:
        ap.error("models needs --node-prefix")
    if not common.preset_names():
        print("no presets in presets/: nothing to prove")
        return 1
    started = time.time()
    # Golden files are kept for Spark 4.1, the default line, only.
    lines = ("4.1",) if args.check == "golden" else common.SPARK_LINES
    variants = common.render_all(str(Path(args.ours).resolve()), Path(args.work) / "charts", args.jobs, lines)
    status = CHECKS[args.check](args, variants)
    print(f"({time.time() - started:.1f}s)")
    return status


if __name__ == "__main__":
    sys.exit(main())
