#!/usr/bin/env python3
"""Helm validates values against values.schema.json at install time: a schema that rejects a
chart's own defaults makes `helm install` fail. For every preset and Spark line, this renders
the chart and validates its values.yaml (and values with a typo, which must be rejected) with
the independent `jsonschema` package (Debian: python3-jsonschema)."""
import json
import subprocess
import sys
import tempfile
from pathlib import Path

try:
    import jsonschema
    import yaml  # noqa: F401  (PyYAML, Debian: python3-yaml)
except ImportError as e:  # pragma: no cover
    print(f"values-schema: skipped: {e} (install python3-jsonschema and python3-yaml)")
    sys.exit(0)
import yaml

binary = sys.argv[1]
root = Path(__file__).resolve().parents[2]
passed = failed = 0
with tempfile.TemporaryDirectory() as tmp:
    for preset in sorted(p.stem for p in (root / "presets").glob("*.yaml")):
        for line in ("4.1", "3.5"):
            out = Path(tmp) / f"{preset}-{line}"
            subprocess.run([binary, "render", "--preset", preset, "--spark-version", line, "-o", str(out)],
                           check=True, stdout=subprocess.DEVNULL)
            schema = json.loads((out / "values.schema.json").read_text())
            values = yaml.safe_load((out / "values.yaml").read_text()) or {}
            validator = jsonschema.Draft7Validator(schema)
            errors = sorted(validator.iter_errors(values), key=lambda e: list(e.path))
            for e in errors:
                print(f"FAIL {preset} {line}: values.yaml at {'.'.join(map(str, e.path)) or '<root>'}: {e.message}")
            typo = dict(values)
            typo["sparkConect" if "sparkConnect" in values else "globl"] = {}
            if validator.is_valid(typo):
                print(f"FAIL {preset} {line}: a misspelt top-level key is accepted")
                errors.append("typo")
            if errors:
                failed += 1
            else:
                passed += 1
print(f"values-schema: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
