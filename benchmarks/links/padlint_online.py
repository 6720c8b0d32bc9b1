"""pad-lint's online link check as a run is meant to do it: collect the web
addresses of every pad, check them once with :func:`pad_lint.linkcheck.check_urls`
(one asynchronous run across all files), then lint each pad from the run store.

Usage: python benchmarks/links/padlint_online.py CONFIG.toml PAD.md...
Prints one line per finding; exit 1 if any error-level finding.
"""

from __future__ import annotations

import sys
from pathlib import Path

from pad_lint.config import load_config_file
from pad_lint.linkcheck import check_urls, urls_of_view
from pad_lint.linter import lint_pad
from pad_lint.markdown.view import build_view
from pad_lint.source import Pad


def main(argv: list[str]) -> int:
    config = load_config_file(argv[0])
    pads = [Pad.from_bytes(Path(p).read_bytes(), p) for p in argv[1:]]
    views = [build_view(pad) for pad in pads]  # parsed once, for the URLs and for the rules
    urls = [url for view in views for url in urls_of_view(view, config.links)]
    check_urls(urls, config.links, progress=True)
    failed = False
    for pad, view in zip(pads, views):
        for d in lint_pad(pad, config, view=view):
            print(f"{pad.path}:{d.span.start_line}:{d.span.start_column}: {d.code} {d.message}")
            failed = failed or d.severity.value == "error"
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
