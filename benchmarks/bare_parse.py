"""The floor: parse pads with markdown-it-py and do nothing else.

Usage: python benchmarks/bare_parse.py [--mode hedgedoc|vanilla] PATH…

``hedgedoc`` (default) is ``pad_lint.markdown.engine.hedgedoc_markdown()``, the
exact parser pad-lint uses (its plugins and source-position hooks included);
``vanilla`` is markdown-it-py with the same options and the same mdit-py-plugins
but none of pad-lint's own plugins or hooks (for reference). Each file is
read and decoded as UTF-8 (a BOM stripped), as any linter must. PATH may be a
folder (every ``*.md`` in it, sorted) or a file.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path


def vanilla_markdown():  # noqa: ANN201
    from markdown_it import MarkdownIt
    from mdit_py_plugins.container import container_plugin
    from mdit_py_plugins.deflist import deflist_plugin
    from mdit_py_plugins.dollarmath import dollarmath_plugin
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.subscript import sub_plugin
    from mdit_py_plugins.superscript import superscript_plugin
    from mdit_py_plugins.tasklists import tasklists_plugin

    md = MarkdownIt("js-default", {"html": True, "breaks": True, "linkify": True, "typographer": True})
    for name in ("success", "info", "warning", "danger"):
        container_plugin(md, name, marker=":")
    footnote_plugin(md)
    deflist_plugin(md)
    tasklists_plugin(md)
    superscript_plugin(md)
    sub_plugin(md)
    dollarmath_plugin(md, allow_space=True, double_inline=True)
    return md


def expand(paths: list[str]) -> list[Path]:
    files: list[Path] = []
    for p in map(Path, paths):
        files += sorted(p.glob("*.md")) if p.is_dir() else [p]
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mode", choices=("hedgedoc", "vanilla"), default="hedgedoc")
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()
    if args.mode == "hedgedoc":
        from pad_lint.markdown.engine import hedgedoc_markdown

        md = hedgedoc_markdown()
    else:
        md = vanilla_markdown()
    t0 = time.perf_counter()
    total = tokens = 0
    for f in expand(args.paths):
        data = f.read_bytes()
        total += len(data)
        tokens += len(md.parse(data.decode("utf-8-sig"), {}))
    dt = time.perf_counter() - t0
    print(f"{args.mode}: {total / 1e6:.2f} MB, {tokens} block tokens, {dt:.2f} s in the loop", file=sys.stderr)


if __name__ == "__main__":
    main()
