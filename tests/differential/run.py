#!/usr/bin/env python3
"""Differential test runner: spark-constructor against the Go reference.

Runs every case with both binaries and requires identical stdout, stderr and
exit status. Case formats are described in tests/differential/README.md.
"""

import argparse
import concurrent.futures
import difflib
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
CASES_DIR = HERE / "cases"
CHARTS_DIR = HERE.parent / "charts"
OUT_TOKEN = "@OUT"
# Dates are formatted in the local zone; pin it so results are reproducible.
ENV = dict(os.environ, TZ="UTC", LC_ALL="C")


@dataclass
class Case:
    """One invocation to compare: argv after the binary, and where to run it."""

    name: str
    args: list
    cwd: Path
    expect_error: bool
    where: str
    uses_out_dir: bool = False


@dataclass
class Result:
    stdout: str
    stderr: str
    status: int
    tree: dict = field(default_factory=dict)


def parse_case_file(path):
    """Parses one cases/*.txt file into Case objects (see README)."""
    cases = []
    lines = path.read_text(encoding="utf-8").split("\n")
    i = 0
    # Free text before the first "=== " header is a comment.
    while i < len(lines) and not lines[i].startswith("=== "):
        i += 1
    while i < len(lines):
        name = lines[i][4:].strip()
        header_line = i + 1
        i += 1
        data, flags, expect_error = None, [], False
        while i < len(lines) and lines[i] != "---":
            line = lines[i]
            key, _, value = line.partition(":")
            key, value = key.strip(), value.strip()
            if not line.strip() or line.lstrip().startswith("#"):
                pass
            elif key == "data":
                data = value
            elif key == "flags":
                flags += shlex.split(value)
            elif key == "expect":
                if value not in ("ok", "error"):
                    raise SystemExit(f"{path}:{i + 1}: expect must be ok or error")
                expect_error = value == "error"
            else:
                raise SystemExit(f"{path}:{i + 1}: unknown header {key!r} in case {name!r}")
            i += 1
        if i >= len(lines):
            raise SystemExit(f"{path}:{header_line}: case {name!r} has no '---' line")
        i += 1
        body = []
        while i < len(lines) and not lines[i].startswith("=== "):
            body.append(lines[i])
            i += 1
        # Blank lines between cases are layout, not template text.
        while body and body[-1] == "":
            body.pop()
        template = "\n".join(body)
        args = ["eval", template]
        if data is not None:
            args += ["--data", data]
        args += flags
        cases.append(Case(f"{path.stem}/{name}", args, HERE, expect_error, f"{path}:{header_line}"))
    return cases


def chart_cases():
    """One case per line of tests/charts/<chart>/args."""
    cases = []
    for args_file in sorted(CHARTS_DIR.glob("*/args")):
        chart_dir = args_file.parent
        for n, line in enumerate(args_file.read_text(encoding="utf-8").split("\n"), 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            expect_error = line.startswith("!")
            line = line.lstrip("!").strip()
            argv = shlex.split(line)
            cases.append(Case(f"charts/{chart_dir.name}:{n}", ["template"] + argv, chart_dir,
                              expect_error, f"{args_file}:{n}", OUT_TOKEN in argv))
    return cases


def read_tree(root):
    tree = {}
    for p in sorted(Path(root).rglob("*")):
        if p.is_file():
            tree[str(p.relative_to(root))] = p.read_text(encoding="utf-8", errors="replace")
    return tree


def run_one(binary, case, timeout):
    out_dir = None
    args = list(case.args)
    if case.uses_out_dir:
        out_dir = tempfile.mkdtemp(prefix="difftest-")
        target = os.path.join(out_dir, "out")
        args = [a.replace(OUT_TOKEN, target) for a in args]
    try:
        p = subprocess.run([binary] + args, cwd=case.cwd, capture_output=True, timeout=timeout, env=ENV)
        res = Result(p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"), p.returncode)
    except subprocess.TimeoutExpired:
        res = Result("", f"<timed out after {timeout}s>", -1)
    if out_dir:
        target = os.path.join(out_dir, "out")
        res.stdout = res.stdout.replace(target, OUT_TOKEN)
        res.stderr = res.stderr.replace(target, OUT_TOKEN)
        if os.path.isdir(target):
            res.tree = read_tree(target)
        shutil.rmtree(out_dir, ignore_errors=True)
    return res


def _diff_lines(text):
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n\\ No newline at end of file\n"
    return lines


def diff(label, want, got):
    if want == got:
        return []
    lines = difflib.unified_diff(_diff_lines(want), _diff_lines(got),
                                 f"reference {label}", f"ours {label}")
    return ["".join(lines).rstrip("\n")]


def compare(case, ref, ours):
    problems = []
    if ref.status != ours.status:
        problems.append(f"exit status: reference {ref.status}, ours {ours.status}")
    problems += diff("stdout", ref.stdout, ours.stdout)
    problems += diff("stderr", ref.stderr, ours.stderr)
    for name in sorted(set(ref.tree) | set(ours.tree)):
        if name not in ours.tree:
            problems.append(f"output-dir file missing in ours: {name}")
        elif name not in ref.tree:
            problems.append(f"output-dir file only in ours: {name}")
        else:
            problems += diff(f"file {name}", ref.tree[name], ours.tree[name])
    # A case whose reference result contradicts its stated expectation is a
    # defect in the case itself; report it so it gets fixed.
    if (ref.status != 0) != case.expect_error:
        kind = "to fail" if case.expect_error else "to succeed"
        problems.append(f"case defect: expected the reference {kind}, got status {ref.status}: "
                        f"{ref.stderr.strip()[:300]}")
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--ours", required=True, help="spark-constructor binary")
    ap.add_argument("--ref", required=True, help="helm-ref binary (tests/reference/build.sh)")
    ap.add_argument("--filter", default="", help="run only cases whose name contains this")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--timeout", type=float, default=20.0)
    ap.add_argument("--verbose", action="store_true", help="print every case name")
    opts = ap.parse_args()

    ours, ref = os.path.abspath(opts.ours), os.path.abspath(opts.ref)
    cases = []
    for f in sorted(CASES_DIR.glob("*.txt")):
        cases += parse_case_file(f)
    cases += chart_cases()
    seen = set()
    for c in cases:
        if c.name in seen:
            raise SystemExit(f"{c.where}: duplicate case name {c.name!r}")
        seen.add(c.name)
    cases = [c for c in cases if opts.filter in c.name]

    def both(case):
        return case, run_one(ref, case, opts.timeout), run_one(ours, case, opts.timeout)

    passed, failed = 0, 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, opts.jobs)) as pool:
        for case, r, o in pool.map(both, cases):
            problems = compare(case, r, o)
            if problems:
                failed += 1
                print(f"FAIL {case.name}  ({case.where})")
                print(f"  argv: {shlex.join(['BIN'] + case.args)}")
                for p in problems:
                    print("  " + p.replace("\n", "\n  "))
            else:
                passed += 1
                if opts.verbose:
                    print(f"ok   {case.name}")
    print(f"differential: {passed} passed, {failed} failed")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
