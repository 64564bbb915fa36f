"""Shared plumbing of the preset proofs: render each preset, template it, parse the output.

Every check in tests/presets/ works on the same matrix: each presets/*.yaml for
each Spark line, rendered with `spark-constructor render` and templated with
`spark-constructor template` as release RELEASE in namespace NAMESPACE.
"""

import concurrent.futures
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
SPARK_LINES = ("3.5", "4.1")
# A release name no block would type by accident, so a name that lacks it
# was not built from the release.
RELEASE = "proof"
NAMESPACE = "spark-proofs"
MONITORING_API = "monitoring.coreos.com/v1"
# The block and preset catalogue: this repository unless SPARKC_DATA_DIR names another.
DATA_DIR = Path(os.environ.get("SPARKC_DATA_DIR") or REPO)
# Pinned dates and locale, as the differential suite does.
ENV = dict(os.environ, TZ="UTC", LC_ALL="C", SPARKC_DATA_DIR=str(DATA_DIR))


def preset_names():
    """Every preset, from the presets/ folder (file stem = preset name)."""
    return sorted(p.stem for p in (DATA_DIR / "presets").glob("*.yaml"))


@dataclass
class Variant:
    """One rendered chart: a preset for a Spark line, templated with and without monitoring."""

    preset: str
    line: str
    chart_dir: Path = None  # the chart as rendered
    proof_dir: Path = None  # a copy with placeholder subcharts (with_placeholder_subcharts)
    render_error: str = ""
    # api-versions label ("" or MONITORING_API) -> (stdout, stderr, status)
    outputs: dict = field(default_factory=dict)

    @property
    def label(self):
        return f"{self.preset} (Spark {self.line})"


def run(argv, cwd=None):
    """Runs argv; returns (stdout, stderr, status)."""
    p = subprocess.run(argv, cwd=cwd, env=ENV, capture_output=True, text=True)
    return p.stdout, p.stderr, p.returncode


def render_variant(ours, preset, line, work):
    """Renders one preset into WORK/<preset>-<line>/chart and templates it with our binary."""
    v = Variant(preset, line)
    base = Path(work) / f"{preset}-{line}"
    shutil.rmtree(base, ignore_errors=True)
    base.mkdir(parents=True)
    out, err, status = run([ours, "render", "--preset", preset, "--spark-version", line, "-o", str(base / "chart")])
    if status != 0:
        v.render_error = (err or out).strip()
        return v
    v.chart_dir = base / "chart"
    v.proof_dir = with_placeholder_subcharts(v.chart_dir, base / "proof-chart")
    for api in ("", MONITORING_API):
        v.outputs[api] = template(ours, v.proof_dir, api)
    return v


def template(binary, chart_dir, api=""):
    """`BINARY template RELEASE CHART` with the proofs' namespace and optional api-versions."""
    argv = [binary, "template", RELEASE, str(chart_dir), "--namespace", NAMESPACE]
    if api:
        argv += ["-a", api]
    return run(argv)


def render_all(ours, work, jobs=2, lines=SPARK_LINES):
    """Renders every preset for each of LINES in parallel; returns the variants in matrix order."""
    matrix = [(p, line) for p in preset_names() for line in lines]
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(lambda pl: render_variant(ours, pl[0], pl[1], work), matrix))


def with_placeholder_subcharts(chart_dir, dest):
    """Copies a rendered chart to DEST and adds an empty chart for each undeclared dependency.

    The spark-operator block declares the kubeflow spark-operator chart as a
    Chart.yaml dependency and does not vendor it (the user runs `helm
    dependency update`). Without charts/<name>/, `helm template` stops with
    "found in Chart.yaml, but missing in charts/ directory", and so do both
    renderers. For the proofs, a placeholder Chart.yaml with the declared name
    and a version inside the declared range, and no templates, stands in:
    what is compared is our chart's own output, which it does not change.
    """
    dest = Path(dest)
    shutil.rmtree(dest, ignore_errors=True)
    shutil.copytree(chart_dir, dest)
    with open(dest / "Chart.yaml", encoding="utf-8") as f:
        chart = yaml.safe_load(f) or {}
    for dep in chart.get("dependencies") or []:
        folder = dest / "charts" / dep["name"]
        if folder.exists() or any((dest / "charts").glob(f"{dep['name']}-*.tgz")):
            continue
        folder.mkdir(parents=True)
        (folder / "Chart.yaml").write_text(
            f"apiVersion: v2\nname: {dep['name']}\nversion: {version_in_range(str(dep.get('version', '0.0.0')))}\n"
            f"description: placeholder for the proofs (tests/presets/common.py)\n",
            encoding="utf-8")
    return dest


def version_in_range(constraint):
    """A concrete version satisfying a simple constraint: "2.5.2", "^2.5.0", ">=2.0.0", "2.5.x"."""
    m = re.search(r"(\d+)(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?", constraint)
    if not m:
        return "0.0.0"
    parts = [p if p and p.isdigit() else "0" for p in m.groups()]
    return ".".join(parts)


# -- parsing the output ---------------------------------------------------


class DuplicateKeyError(yaml.YAMLError):
    """A mapping with the same key twice: Kubernetes' strict decoding rejects it."""


class StrictLoader(yaml.CSafeLoader):
    """YAML as Kubernetes reads it: duplicate keys are errors, timestamps stay strings."""


def _construct_mapping(loader, node, deep=False):
    loader.flatten_mapping(node)
    seen = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise DuplicateKeyError(f"duplicate key {key!r} at line {key_node.start_mark.line + 1}")
        seen[key] = True
    return yaml.constructor.SafeConstructor.construct_mapping(loader, node, deep=deep)


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# sigs.k8s.io/yaml leaves timestamps as strings; PyYAML would make datetimes.
StrictLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}


@dataclass
class Doc:
    """One object of the output and the template file it came from."""

    source: str
    obj: object

    @property
    def ident(self):
        if isinstance(self.obj, dict):
            name = (self.obj.get("metadata") or {}).get("name", "?")
            return f"{self.obj.get('kind', '?')}/{name}"
        return f"<document from {self.source}>"


def split_documents(text):
    """Splits `helm template` output into (source, text) pairs."""
    docs = []
    for chunk in re.split(r"^---[ \t]*$", text, flags=re.M):
        if not chunk.strip():
            continue
        m = re.search(r"^# Source: (.*)$", chunk, flags=re.M)
        docs.append((m.group(1).strip() if m else "?", chunk))
    return docs


def parse_documents(text):
    """Parses the output into Docs; returns (docs, errors) where errors are (source, message)."""
    docs, errors = [], []
    for source, chunk in split_documents(text):
        try:
            obj = yaml.load(chunk, Loader=StrictLoader)
        except yaml.YAMLError as e:
            errors.append((source, f"not valid YAML: {str(e).splitlines()[0]}"))
            continue
        if obj is None:
            continue
        docs.append(Doc(source, obj))
    return docs, errors


def report(title, failures, counted):
    """Prints failures as `label: object: check: message` and a summary; returns the exit status."""
    for f in failures:
        print(f)
    print(f"{title}: {counted} checked, {len(failures)} failures")
    return 1 if failures else 0
