"""Check that a speed-up changed no output: record, then compare, pad-lint's results.

Usage::

    python benchmarks/equivalence.py record OUT.jsonl [PATH ...]
    python benchmarks/equivalence.py compare BEFORE.jsonl AFTER.jsonl

``record`` parses and lints every ``*.md`` under the paths (default: the benchmark
corpus, ``examples/``, ``tests/`` and, when present, ``../shared``) with every rule
selected, and writes one JSON line per pad: its path, its event document and its
diagnostics (code, span, message, fixes). Run it once on the old commit (for instance
with ``PYTHONPATH`` pointing at a ``git worktree`` of it) and once on the new one;
``compare`` prints the pads whose output differs and exits 1 if any does.
"""

from __future__ import annotations

import argparse
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def _default_paths() -> list[Path]:
    paths = [HERE / "corpus" / "pads-1000", ROOT / "examples", ROOT / "tests"]
    shared = ROOT.parent / "shared"
    if shared.is_dir():
        paths.append(shared)
    return [p for p in paths if p.exists()]


def _one(path: str) -> str:
    from pad_lint.config import Config
    from pad_lint.event.extract import build_document
    from pad_lint.linter import lint_pad
    from pad_lint.markdown.view import build_view
    from pad_lint.source import Pad

    config = Config.model_validate({"select": ["ALL"]})
    try:
        pad = Pad.from_bytes(Path(path).read_bytes(), path=path)
    except Exception as exc:  # undecodable fixtures are part of the test data
        return json.dumps({"path": path, "error": type(exc).__name__})
    view = build_view(pad)
    document = build_document(view, config).model_dump(mode="json")
    diagnostics = [d.model_dump(mode="json") for d in lint_pad(pad, config, view=build_view(pad))]
    return json.dumps({"path": path, "document": document, "diagnostics": diagnostics}, sort_keys=True,
                      ensure_ascii=False)


def record(out: Path, paths: list[Path], jobs: int) -> None:
    files = sorted({str(f) for p in paths for f in ([p] if p.is_file() else p.rglob("*.md")) if f.is_file()})
    with ProcessPoolExecutor(jobs) as pool, out.open("w", encoding="utf-8") as fh:
        for line in pool.map(_one, files, chunksize=8):
            fh.write(line + "\n")
    print(f"{len(files)} pads recorded in {out}")


def compare(before: Path, after: Path) -> int:
    def load(p: Path) -> dict[str, dict]:
        return {(r := json.loads(line))["path"]: r for line in p.open(encoding="utf-8")}

    a, b = load(before), load(after)
    differing = [p for p in sorted(set(a) | set(b)) if a.get(p) != b.get(p)]
    for p in differing[:50]:
        ra, rb = a.get(p, {}), b.get(p, {})
        keys = sorted(k for k in set(ra.get("document", {})) | set(rb.get("document", {}))
                      if ra.get("document", {}).get(k) != rb.get("document", {}).get(k))
        diag = "diagnostics differ" if ra.get("diagnostics") != rb.get("diagnostics") else ""
        print(f"{p}: document fields {keys} {diag}")
    print(f"{len(differing)} of {len(set(a) | set(b))} pads differ")
    return 1 if differing else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    rec = sub.add_parser("record")
    rec.add_argument("out", type=Path)
    rec.add_argument("paths", type=Path, nargs="*")
    rec.add_argument("--jobs", type=int, default=2)
    cmp_ = sub.add_parser("compare")
    cmp_.add_argument("before", type=Path)
    cmp_.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "record":
        record(args.out, args.paths or _default_paths(), args.jobs)
    else:
        sys.exit(compare(args.before, args.after))


if __name__ == "__main__":
    main()
