"""Lint N copies of a pad in one process and print the throughput in MB/s.

Usage: python benchmarks/throughput.py [PAD] [-n N]

Each copy is linted as its own pad (parse + every offline rule), as the CLI
does per file; the figure is total UTF-8 bytes / wall time. It compares with a
bare markdown-it-py parse of the same text with the same configuration, the
floor for any markdown-it-py based tool.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from pad_lint.config import Config
from pad_lint.linter import lint_pad
from pad_lint.markdown.engine import hedgedoc_markdown
from pad_lint.source import Pad

DEFAULT_PAD = Path(__file__).resolve().parents[1] / "examples" / "atelier-a-corriger.md"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pad", nargs="?", type=Path, default=DEFAULT_PAD)
    parser.add_argument("-n", type=int, default=200, help="number of copies (default 200)")
    args = parser.parse_args()
    raw = args.pad.read_bytes()
    config = Config()
    md = hedgedoc_markdown()
    total_mb = len(raw) * args.n / 1e6

    lint_pad(Pad.from_bytes(raw, path="warmup.md"), config)  # imports, caches
    t0 = time.perf_counter()
    findings = 0
    for i in range(args.n):
        findings += len(lint_pad(Pad.from_bytes(raw, path=f"copy-{i}.md"), config))
    lint_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    for _ in range(args.n):
        md.parse(raw.decode("utf-8"), {})
    parse_s = time.perf_counter() - t0

    print(f"pad: {args.pad} ({len(raw)} bytes) x {args.n} = {total_mb:.2f} MB")
    print(f"pad-lint lint_pad : {lint_s:7.3f} s  {total_mb / lint_s:7.2f} MB/s  ({findings} findings)")
    print(f"bare markdown-it  : {parse_s:7.3f} s  {total_mb / parse_s:7.2f} MB/s")
    print(f"ratio lint/parse  : {lint_s / parse_s:7.2f}")


if __name__ == "__main__":
    main()
