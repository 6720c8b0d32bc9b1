"""Where pad-lint's time goes: per stage and per rule, in one process.

Usage: python benchmarks/stages.py [--pads N] [--select ALL] [--profile out.html]

Lints N pads of the benchmark corpus (default 200, spread over it) the way
:func:`pad_lint.linter.lint_pad` does, timing each stage separately:
decode (``Pad.from_bytes``), markdown-it parse, PadView walk, event document,
each rule's check, directives, and the CLI's report conversion. Prints each
stage's and each rule family's share of the total, next to the bare parse
(the floor), timed pad by pad between the stages. Times are this process's CPU
time, so other work on the machine hardly changes the ratios. With ``--profile`` it also writes a pyinstrument HTML profile of
the whole run (``pip install pyinstrument``).
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pads", type=int, default=200)
    parser.add_argument("--corpus", type=Path, default=HERE / "corpus" / "pads-1000")
    parser.add_argument("--select", default="ALL")
    parser.add_argument("--profile", type=Path, help="write a pyinstrument HTML profile here")
    args = parser.parse_args()

    from pad_lint.config import Config
    from pad_lint.linter import _severity_overrides, enabled_codes
    from pad_lint.markdown import view as view_mod
    from pad_lint.markdown.engine import hedgedoc_markdown
    from pad_lint.markdown.frontmatter import split_front_matter
    from pad_lint.report.model import ReportDiagnostic
    from pad_lint.rules.context import LintContext
    from pad_lint.rules.registry import all_rules
    from pad_lint.source import Pad
    from pad_lint.suppress import apply_directives

    files = sorted(args.corpus.glob("*.md"))
    if not files:
        raise SystemExit(f"no pads in {args.corpus}: run benchmarks/make_corpus.py first")
    step = max(1, len(files) // args.pads)
    files = files[::step][: args.pads]
    raw = [(f.name, f.read_bytes()) for f in files]
    mb = sum(len(b) for _, b in raw) / 1e6
    config = Config.model_validate({"select": [s.strip() for s in args.select.split(",")]})
    md = hedgedoc_markdown()
    every = all_rules()
    rules = [r for r in every if r.check is not None]
    family_codes: dict[str, set[str]] = defaultdict(set)
    for r in every:
        family_codes[r.family].add(r.code)

    profiler = None
    if args.profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.001)

    t = defaultdict(float)
    per_rule = defaultdict(float)
    findings = 0
    floor_total = [0.0]
    # CPU time of this process: other processes on the machine barely affect it.
    clock = time.process_time

    def run() -> None:
        nonlocal findings
        for name, data in raw:
            f0 = clock()  # the floor, interleaved pad by pad with the pipeline
            md.parse(data.decode("utf-8-sig"), {})
            floor_total[0] += clock() - f0
            t0 = clock()
            pad = Pad.from_bytes(data, path=name)
            t1 = clock()
            fm = split_front_matter(pad.text)
            env = {"pad_front_matter_lines": fm.lines}
            tokens = md.parse(pad.text, env)
            t2 = clock()
            view = view_mod.PadView(pad=pad, front_matter=fm, references=env.get("references", {}),
                                    abbreviations=dict(env.get("abbreviations") or {}))
            view_mod._Walker(view, md, env).walk(tokens)
            view_mod._scan_unknown_containers(view)
            t3 = clock()
            ctx = LintContext(pad=pad, view=view, config=config)
            # the facts rules read from the event document (lazy since ee58eaf: the
            # licence analysis and inclusive detection now count in their rules)
            document = ctx.document
            _ = (document.title, document.dates, document.people)
            t4 = clock()
            codes = enabled_codes(config, pad.path)
            _severity_overrides(config)
            diagnostics = []
            for r in rules:
                if r.code not in codes and not (family_codes[r.family] & codes
                                                 and getattr(r.check, "emits_family", False)):
                    continue
                r0 = clock()
                diagnostics += [d for d in r.check(ctx) if d.code in codes]
                per_rule[(r.family, r.code)] += clock() - r0
            t5 = clock()
            diagnostics = apply_directives(ctx, diagnostics, codes)
            t6 = clock()
            [ReportDiagnostic.from_diagnostic(d, pad.index) for d in diagnostics]
            t7 = clock()
            findings += len(diagnostics)
            t["decode"] += t1 - t0
            t["parse (markdown-it)"] += t2 - t1
            t["PadView walk"] += t3 - t2
            t["event facts for rules"] += t4 - t3
            t["rules"] += t5 - t4
            t["directives"] += t6 - t5
            t["report conversion"] += t7 - t6

    def bare() -> float:
        t0 = clock()
        for _, data in raw:
            md.parse(data.decode("utf-8-sig"), {})
        return clock() - t0

    bare()  # warm
    run_check = raw[:3]
    from pad_lint.linter import lint_pad

    for name, data in run_check:  # warm imports and lazily loaded data (simplemma, Babel, regexes)
        lint_pad(Pad.from_bytes(data, path=name), config)
    if profiler:
        profiler.start()
    from pad_lint.cli import _tuned_gc

    with _tuned_gc():  # as `pad-lint check` runs (the floor above ran with it too)
        run()
    if profiler:
        profiler.stop()
        args.profile.write_text(profiler.output_html(), encoding="utf-8")
    floor = floor_total[0]
    total = sum(t.values())
    print(f"{len(raw)} pads, {mb:.2f} MB, {findings} findings; select={args.select}")
    print(f"bare parse (floor)        {floor:7.2f} s   {mb / floor:6.2f} MB/s")
    print(f"pad-lint, all stages      {total:7.2f} s   {mb / total:6.2f} MB/s   x{total / floor:.2f} the floor")
    for k, v in t.items():
        print(f"  {k:24s}{v:7.2f} s  {100 * v / total:5.1f} %   ({v / floor:.2f} x floor)")
    fam = defaultdict(float)
    for (family, _code), v in per_rule.items():
        fam[family] += v
    print("rule families (share of total):")
    for family, v in sorted(fam.items(), key=lambda kv: -kv[1]):
        print(f"  {family:24s}{v:7.2f} s  {100 * v / total:5.1f} %   ({v / floor:.2f} x floor)")
    print("slowest rules:")
    for (family, code), v in sorted(per_rule.items(), key=lambda kv: -kv[1])[:12]:
        print(f"  {code:8s}{family:16s}{v:7.3f} s  {100 * v / total:5.1f} %")


if __name__ == "__main__":
    main()
