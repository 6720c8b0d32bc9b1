"""The parse path alone: bare markdown-it parse vs pad-lint's PadView, pad by pad.

Usage: python benchmarks/parse_path.py [--pads 300] [--rounds 3]

For each pad of the benchmark corpus (every n-th, ``--pads`` of them), times in
CPU seconds, interleaved: markdown-it-py with the same options and plugins but
no pad-lint hooks (vanilla), ``hedgedoc_markdown().parse`` (the floor of the
issue-8 targets) and ``build_view`` (parse + walk: what every rule reads).
Prints the median over rounds of each total and the ratios.

To compare with an older commit, run this file from the current checkout
against a worktree of that commit::

    git worktree add /tmp/old <commit>
    PYTHONPATH=/tmp/old python benchmarks/parse_path.py
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pads", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--corpus", type=Path, default=HERE / "corpus" / "pads-1000")
    args = parser.parse_args()

    import pad_lint
    from bare_parse import vanilla_markdown
    from pad_lint.markdown.engine import hedgedoc_markdown
    from pad_lint.markdown.view import build_view
    from pad_lint.source import Pad

    files = sorted(args.corpus.glob("*.md"))
    files = files[:: max(1, len(files) // args.pads)][: args.pads]
    raw = [f.read_bytes() for f in files]
    mb = sum(map(len, raw)) / 1e6
    vanilla, hedgedoc = vanilla_markdown(), hedgedoc_markdown()
    build_view(Pad.from_bytes(raw[0]))
    clock = time.process_time
    totals: dict[str, list[float]] = {"vanilla": [], "hedgedoc parse (floor)": [], "build_view": []}
    for _ in range(args.rounds):
        t = dict.fromkeys(totals, 0.0)
        for data in raw:
            text = data.decode("utf-8-sig")
            t0 = clock()
            vanilla.parse(text, {})
            t1 = clock()
            hedgedoc.parse(text, {})
            t2 = clock()
            build_view(Pad.from_bytes(data))
            t3 = clock()
            t["vanilla"] += t1 - t0
            t["hedgedoc parse (floor)"] += t2 - t1
            t["build_view"] += t3 - t2
        for k, v in t.items():
            totals[k].append(v)
    med = {k: statistics.median(v) for k, v in totals.items()}
    print(f"pad_lint from {Path(pad_lint.__file__).parent}; {len(raw)} pads, {mb:.2f} MB, median of {args.rounds}")
    floor = med["hedgedoc parse (floor)"]
    for k, v in med.items():
        print(f"  {k:24s}{v:7.2f} s CPU  {mb / v:6.2f} MB/s  x{v / floor:.2f} the floor")


if __name__ == "__main__":
    main()
