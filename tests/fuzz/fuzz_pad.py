"""Coverage-guided fuzzing of the whole pipeline with atheris (libFuzzer). Not run by pytest.

Usage::

    .venv/bin/pip install atheris
    .venv/bin/python tests/fuzz/fuzz_pad.py [-max_total_time=600] [-max_len=4096] [CORPUS_DIR…]

Without a corpus folder, a temporary one is seeded with the project's pads
(``examples/*.md``) and, when present, ``../shared/corpus``. Each input is
decoded like a file (``Pad.from_bytes``: an ``InputError`` is a valid answer),
then parsed, linted with every rule and fixed; the run stops on the first
exception or broken invariant (spans inside the text, prose runs equal to the
text they point at, fixes idempotent). libFuzzer's final statistics
(``stat::number_of_executed_units``) give the number of inputs tried.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["pad_lint", "markdown_it", "mdit_py_plugins", "linkify_it"]):
    import pad_lint
    from pad_lint.config import Config
    from pad_lint.errors import InputError
    from pad_lint.linter import lint_pad
    from pad_lint.markdown.view import build_view
    from pad_lint.source import Pad

ROOT = Path(__file__).resolve().parents[2]
CONFIG = Config.model_validate({"select": ["ALL"]})


def check_span(pad: Pad, span, where: str) -> None:  # noqa: ANN001
    n = len(pad.text)
    if not (0 <= span.start_offset <= span.end_offset <= n):
        raise AssertionError(f"{where}: span {span} outside a text of {n} characters")


def TestOneInput(data: bytes) -> None:  # noqa: N802 - libFuzzer's name
    try:
        pad = Pad.from_bytes(data, path="fuzz.md")
    except InputError:
        return
    view = build_view(pad)
    for run in view.runs:
        if pad.text[run.start:run.end] != run.text:
            raise AssertionError(f"prose run {run!r} != {pad.text[run.start:run.end]!r}")
    for h in view.headings:
        check_span(pad, h.span, "heading")
    for link in view.links:
        check_span(pad, link.span, "link")
    for image in view.images:
        check_span(pad, image.span, "image")
    diagnostics = lint_pad(pad, CONFIG)
    for d in diagnostics:
        check_span(pad, d.span, d.code)
    fixed = pad_lint.fix(pad.text, config=CONFIG, unsafe=True)
    again = pad_lint.fix(fixed, config=CONFIG, unsafe=True)
    if again != fixed:
        raise AssertionError("fix is not idempotent")


def main() -> None:
    args = list(sys.argv)
    if not any(not a.startswith("-") for a in args[1:]):
        seeds = Path(tempfile.mkdtemp(prefix="pad-lint-fuzz-"))
        sources = sorted((ROOT / "examples").glob("*.md"))
        shared = ROOT.parent / "shared" / "corpus"
        if shared.is_dir():
            sources += sorted(shared.rglob("*.md"))
        for i, p in enumerate(sources):
            data = p.read_bytes()
            # small slices: libFuzzer mutates short inputs much faster
            for j in range(0, min(len(data), 16_000), 2_000):
                (seeds / f"seed-{i}-{j}.md").write_bytes(data[j:j + 2_000])
        args.append(str(seeds))
        print(f"seed corpus: {seeds} ({len(list(seeds.iterdir()))} inputs)", file=sys.stderr)
    if not any(a.startswith("-max_len") for a in args):
        args.append("-max_len=4096")
    if not any(a.startswith("-print_final_stats") for a in args):
        args.append("-print_final_stats=1")
    if not any(a.startswith("-artifact_prefix") for a in args):  # crash files out of the work tree
        crashes = Path(tempfile.gettempdir()) / "pad-lint-fuzz-crashes"
        crashes.mkdir(exist_ok=True)
        args.append(f"-artifact_prefix={crashes}/")
    atheris.Setup(args, TestOneInput)
    try:
        atheris.Fuzz()
    finally:
        if "seeds" in locals():
            shutil.rmtree(seeds, ignore_errors=True)


if __name__ == "__main__":
    main()
