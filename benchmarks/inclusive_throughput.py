"""Throughput of the inclusive-writing family (INC) and its share of total lint time.

Usage::

    python benchmarks/inclusive_throughput.py [--repeat N] [PAD.md ...]

Without paths it reads the seed pad and ../shared/corpus/real/*.md. It reports:

* detection throughput: ``pad_lint.inclusive.pad_forms`` on already-parsed views
  (characters and forms per second);
* the INC family's share of ``pad_lint.linter.lint_pad`` time with every rule selected:
  each rule's check is wrapped with a timer, so the share is INC time / lint_pad time
  (parsing included in the total). The one-time loading of simplemma's French dictionary
  is reported apart (it happens once per process, on the first French pad).

Rules of other families that raise are counted in the total but reported as errors.
The budget (issue 4) is a share of at most 25 %.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pad_lint.config import Config  # noqa: E402
from pad_lint.inclusive import pad_forms  # noqa: E402
from pad_lint.linter import lint_pad  # noqa: E402
from pad_lint.markdown.view import build_view  # noqa: E402
from pad_lint.rules.registry import all_rules  # noqa: E402
from pad_lint.source import read_pad  # noqa: E402

SHARED = ROOT.parent / "shared"


def corpus() -> list[Path]:
    paths = [SHARED / "corpus" / "forse-2022-06-21.md"]
    paths += sorted(p for p in (SHARED / "corpus" / "real").glob("*.md") if p.name != "SOURCES.md")
    return [p for p in paths if p.is_file()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    paths = args.paths or corpus()
    if not paths:
        print("no pads found (pass paths, or put ../shared beside the checkout)", file=sys.stderr)
        return 2
    pads = [read_pad(p) for p in paths]

    t0 = time.perf_counter()
    from pad_lint.inclusive.lexicon import lexicon
    lexicon().known("chat")
    load = time.perf_counter() - t0

    # detection alone, on parsed views
    chars = sum(len(p.text) for p in pads)
    det_times, n_forms = [], 0
    for _ in range(args.repeat):
        views = [build_view(p) for p in pads]
        t = time.perf_counter()
        n_forms = sum(len(pad_forms(v).forms) for v in views)
        det_times.append(time.perf_counter() - t)
    det = statistics.median(det_times)

    # family share inside lint_pad
    spent: dict[str, float] = defaultdict(float)
    errors: dict[str, str] = {}
    for r in all_rules():
        if r.check is None:
            continue
        original = r.check

        def timed(ctx, _orig=original, _r=r):
            t = time.perf_counter()
            try:
                out = list(_orig(ctx))
            except Exception as exc:  # another family's unfinished rule must not stop the measure
                errors[_r.code] = f"{type(exc).__name__}: {exc}"[:80]
                out = []
            spent[_r.family] += time.perf_counter() - t
            return iter(out)

        object.__setattr__(r, "check", timed)
    cfg = Config(select=["ALL"])
    totals = []
    for _ in range(args.repeat):
        spent.clear()
        t = time.perf_counter()
        for p in pads:
            lint_pad(p, cfg)
        totals.append((time.perf_counter() - t, dict(spent)))
    total, fam = sorted(totals, key=lambda x: x[0])[len(totals) // 2]
    inc = fam.get("inclusive", 0.0)

    print(f"pads: {len(pads)}, {chars} characters, {n_forms} inclusive forms; repeat {args.repeat} (median)")
    print(f"simplemma French dictionary load (once per process): {load * 1000:.0f} ms")
    print(f"detection (pad_forms on parsed views): {det * 1000:.1f} ms = {chars / det / 1e6:.2f} M chars/s, "
          f"{len(pads) / det:.0f} pads/s")
    print(f"lint_pad, all rules: {total * 1000:.1f} ms; INC family: {inc * 1000:.1f} ms = {100 * inc / total:.1f} % "
          f"(budget 25 %)")
    for family, t in sorted(fam.items(), key=lambda kv: -kv[1]):
        print(f"  {family:<12} {t * 1000:8.1f} ms  {100 * t / total:5.1f} %")
    for code, err in sorted(errors.items()):
        print(f"  (rule {code} raised {err})")
    return 0 if inc / total <= 0.25 else 1


if __name__ == "__main__":
    sys.exit(main())
