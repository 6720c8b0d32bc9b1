"""Time pad-lint side by side with the floor and with peer linters, on the same files.

Usage::

    npm install --prefix benchmarks          # markdownlint-cli2, pinned in benchmarks/package.json
    .venv/bin/pip install pymarkdownlnt      # a peer, not a pad-lint dependency
    .venv/bin/python benchmarks/run.py [--repeat 3] [--only NAME,…] [--write] [--rss-10k]

The corpus (``benchmarks/make_corpus.py``: 1,000 pads, ~20 MB) is generated
when missing. Every tool runs as its own process, in rounds (one run of each
tool per round, so machine noise hits all of them alike); the figures are
medians over the rounds. Measured per run: wall time, CPU time (user+sys),
peak RSS of the largest process (``wait4`` rusage) and, for runs with worker
processes, the peak of the summed RSS of the process tree (sampled every
100 ms from ``/proc``). ``cpu-burn-1``/``cpu-burn-2`` time a fixed pure-CPU
job in one and in two processes: the speed-up this machine really offers two
processes in that round (the ceiling for ``--jobs 2``). Peers missing from the machine are skipped with a note.

``--write`` replaces the "Performance (issue 8)" section of
``benchmarks/RESULTS.md`` (other sections are kept). ``--rss-10k`` also
generates 10,000 pads and measures pad-lint's peak RSS on them.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PY = sys.executable
CLI2 = HERE / "node_modules" / ".bin" / "markdownlint-cli2"
PYMARKDOWN = Path(PY).parent / "pymarkdown"
MD045_CONFIG = HERE / "md045.markdownlint-cli2.jsonc"
RESULTS = HERE / "RESULTS.md"
BEGIN, END = "<!-- perf:begin (benchmarks/run.py --write) -->", "<!-- perf:end -->"

#: pad-lint as the benchmark runs it: every rule (offline: no network), no
#: configuration file, gitignore off (the corpus folder is git-ignored), the
#: concise report to /dev/null, exit 0 with findings.
PAD_LINT = [PY, "-m", "pad_lint", "check", "--isolated", "--select", "ALL", "--offline", "--no-respect-gitignore",
            "--output-format", "concise", "--exit-zero"]


@dataclass
class Sample:
    wall: float
    cpu: float
    rss_mb: float
    tree_mb: float
    code: int


@dataclass
class Tool:
    name: str
    argv: list[str]
    files_mb: float
    note: str = ""
    before: object = None           # callable run before each timed run (e.g. empty a cache)
    samples: list[Sample] = field(default_factory=list)

    def median(self, attr: str) -> float:
        return statistics.median(getattr(s, attr) for s in self.samples)


def _tree_rss_kb(root_pid: int) -> int:
    """Summed RSS of ``root_pid`` and its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat", encoding="ascii", errors="replace") as f:
                parts = f.read().rsplit(")", 1)[1].split()
            ppid, pages = int(parts[1]), int(parts[21])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(d))
        rss[int(d)] = pages * os.sysconf("SC_PAGE_SIZE") // 1024
    total, todo = 0, [root_pid]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo += children.get(pid, [])
    return total


def run_once(argv: list[str], cwd: Path) -> Sample:
    peak = [0]
    done = threading.Event()
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "NO_COLOR": "1"})

    def sample() -> None:
        while not done.wait(0.1):
            peak[0] = max(peak[0], _tree_rss_kb(proc.pid))

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    done.set()
    th.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Sample(wall=wall, cpu=usage.ru_utime + usage.ru_stime, rss_mb=usage.ru_maxrss / 1024,
                  tree_mb=max(peak[0], usage.ru_maxrss) / 1024, code=proc.returncode)


def corpus(count: int) -> Path:
    out = HERE / "corpus" / f"pads-{count}"
    if not (out / "subset-100.txt").exists():
        subprocess.run([PY, str(HERE / "make_corpus.py"), "--count", str(count)], check=True)
    return out


def size_mb(files: list[Path]) -> float:
    return sum(f.stat().st_size for f in files) / 1e6


def build_tools(pads: Path, only: set[str] | None, cache_dir: Path) -> list[Tool]:
    files = sorted(pads.glob("*.md"))
    subset = [pads / n for n in (pads / "subset-100.txt").read_text().split()]
    mb, sub_mb = size_mb(files), size_mb(subset)
    d = str(pads)
    sub = [str(p) for p in subset]

    def empty_cache() -> None:
        shutil.rmtree(cache_dir, ignore_errors=True)

    tools = [
        Tool("bare-parse", [PY, str(HERE / "bare_parse.py"), d], mb,
             "hedgedoc_markdown().parse() of each file: the floor"),
        Tool("bare-parse-vanilla", [PY, str(HERE / "bare_parse.py"), "--mode", "vanilla", d], mb,
             "markdown-it-py, same options and mdit-py-plugins, no pad-lint plugins/hooks (reference)"),
        Tool("pad-lint", [*PAD_LINT, "--no-cache", "--jobs", "1", d], mb, "one process, every offline rule"),
        Tool("pad-lint-j2", [*PAD_LINT, "--no-cache", "--jobs", "2", d], mb, "--jobs 2"),
        Tool("pad-lint-cold", [*PAD_LINT, "--cache-dir", str(cache_dir), "--jobs", "1", d], mb,
             "cache on, emptied before the run", before=empty_cache),
        Tool("pad-lint-warm", [*PAD_LINT, "--cache-dir", str(cache_dir), "--jobs", "1", d], mb,
             "rerun right after pad-lint-cold, nothing changed"),
        Tool("cpu-burn-1", [PY, str(HERE / "cpu_burn.py"), "--procs", "1"], 0.0, "fixed pure-CPU work, 1 process"),
        Tool("cpu-burn-2", [PY, str(HERE / "cpu_burn.py"), "--procs", "2"], 0.0,
             "the same work in each of 2 processes"),
        Tool("markdownlint-cli2", [str(CLI2), f"{pads.name}/*.md"], mb, "default rules"),
        Tool("markdownlint-cli2-md045", [str(CLI2), "--config", str(MD045_CONFIG), f"{pads.name}/*.md"], mb,
             "MD045 (no-alt-text) alone"),
        Tool("bare-parse-100", [PY, str(HERE / "bare_parse.py"), *sub], sub_mb, "the floor, 100-pad subset"),
        Tool("pad-lint-100", [*PAD_LINT, "--no-cache", "--jobs", "1", *sub], sub_mb, "100-pad subset"),
        Tool("pymarkdown-100", [str(PYMARKDOWN), "scan", *sub], sub_mb, "pymarkdownlnt, default rules, 100-pad subset"),
    ]
    if not CLI2.exists():
        print(f"note: {CLI2} missing (npm install --prefix benchmarks); skipping markdownlint-cli2", file=sys.stderr)
        tools = [t for t in tools if not t.name.startswith("markdownlint")]
    if not PYMARKDOWN.exists():
        print("note: pymarkdown missing (pip install pymarkdownlnt); skipping it", file=sys.stderr)
        tools = [t for t in tools if not t.name.startswith("pymarkdown")]
    if only:
        tools = [t for t in tools if t.name in only]
    return tools


def ratios(by: dict[str, Tool]) -> list[tuple[str, str, float | None, str, bool | None]]:
    """(target, how it is measured, value, goal, met)."""
    def w(name: str) -> float | None:
        return by[name].median("wall") if name in by and by[name].samples else None

    out = []

    def add(label: str, how: str, num: str, den: str, goal: str, ok) -> None:  # noqa: ANN001
        a, b = w(num), w(den)
        value = a / b if a is not None and b else None
        out.append((label, how, value, goal, None if value is None else ok(value)))

    add("single process vs bare parse", "pad-lint / bare-parse", "pad-lint", "bare-parse", "<= 1.3", lambda v: v <= 1.3)
    add("faster than markdownlint-cli2 (default rules)", "markdownlint-cli2 / pad-lint", "markdownlint-cli2",
        "pad-lint", ">= 3", lambda v: v >= 3)
    add("warm cache vs cold run", "pad-lint-warm / pad-lint-cold", "pad-lint-warm", "pad-lint-cold", "<= 0.05",
        lambda v: v <= 0.05)
    add("--jobs 2 speed-up", "pad-lint / pad-lint-j2", "pad-lint", "pad-lint-j2", ">= 1.7", lambda v: v >= 1.7)
    a, b = w("cpu-burn-1"), w("cpu-burn-2")
    ceiling = 2 * a / b if a and b else None
    out.append(("(info) machine's 2-process ceiling", "2 x cpu-burn-1 / cpu-burn-2", ceiling, "2.0 on idle cores",
                None))
    j1, j2 = w("pad-lint"), w("pad-lint-j2")
    if ceiling and j1 and j2:
        out.append(("(info) --jobs 2 efficiency", "(pad-lint / pad-lint-j2) / ceiling", (j1 / j2) / ceiling, "-",
                    None))
    add("(info) vs markdownlint-cli2 MD045 alone", "markdownlint-cli2-md045 / pad-lint", "markdownlint-cli2-md045",
        "pad-lint", "-", lambda v: True)
    add("(info) vs pymarkdownlnt, 100 pads", "pymarkdown-100 / pad-lint-100", "pymarkdown-100", "pad-lint-100", "-",
        lambda v: True)
    add("(info) hedgedoc parser vs vanilla", "bare-parse / bare-parse-vanilla", "bare-parse", "bare-parse-vanilla",
        "-", lambda v: True)
    return out


def table(tools: list[Tool]) -> str:
    rows = ["| tool | what | MB | wall s (median) | MB/s | CPU s | peak RSS MB (largest process) | peak RSS MB (tree) | exit |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    for t in tools:
        if not t.samples:
            continue
        wall = t.median("wall")
        codes = sorted({s.code for s in t.samples})
        rate = f"{t.files_mb / wall:.2f}" if t.files_mb else "-"
        rows.append(f"| {t.name} | {t.note} | {t.files_mb:.1f} | {wall:.2f} | {rate} | "
                    f"{t.median('cpu'):.2f} | {max(s.rss_mb for s in t.samples):.0f} | "
                    f"{max(s.tree_mb for s in t.samples):.0f} | {','.join(map(str, codes))} |")
    return "\n".join(rows)


def ratio_table(rs) -> str:  # noqa: ANN001
    rows = ["| target | ratio | value | goal | met |", "| --- | --- | ---: | --- | --- |"]
    for label, how, value, goal, ok in rs:
        v = "n/a" if value is None else f"{value:.3f}" if value < 0.1 else f"{value:.2f}"
        rows.append(f"| {label} | {how} | {v} | {goal} | {'' if ok is None else 'yes' if ok else '**no**'} |")
    return "\n".join(rows)


def rss_10k(repeat: int) -> list[Sample]:
    pads = corpus(10_000)
    samples = []
    for _ in range(repeat):
        samples.append(run_once([*PAD_LINT, "--no-cache", "--jobs", "1", str(pads)], HERE / "corpus"))
    return samples


def machine() -> str:
    try:
        import markdown_it
        mdit = markdown_it.__version__
    except Exception:  # pragma: no cover
        mdit = "?"
    node = shutil.which("node")
    node_v = subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip() if node else "-"
    return (f"{platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
            f"markdown-it-py {mdit}, Node {node_v}")


def write_results(text: str) -> None:
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    block = f"{BEGIN}\n{text.strip()}\n{END}"
    if BEGIN in old and END in old:
        head, rest = old.split(BEGIN, 1)
        new = head + block + rest.split(END, 1)[1]
    else:
        new = old.rstrip("\n") + "\n\n" + block + "\n"
    RESULTS.write_text(new, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3, help="rounds (default 3); medians are reported")
    parser.add_argument("--count", type=int, default=1000, help="pads in the corpus (default 1000)")
    parser.add_argument("--only", help="comma-separated tool names")
    parser.add_argument("--write", action="store_true", help="update benchmarks/RESULTS.md")
    parser.add_argument("--rss-10k", action="store_true", help="also measure peak RSS on 10,000 pads")
    parser.add_argument("--commit", default="HEAD",
                        help="benchmark this commit from a git worktree (default HEAD; '' = the work tree as it is)")
    parser.add_argument("--warmup", choices=("all", "light", "none"), default="light",
                        help="warm-up round before timing: every tool, only the quick ones (default), or none")
    args = parser.parse_args()

    if args.commit:
        # Benchmark a fixed commit, not a work tree others may be editing: an edited
        # source file changes the cache's code fingerprint (every warm run would miss).
        sha = subprocess.run(["git", "rev-parse", args.commit], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.strip()
        tree = Path(tempfile.gettempdir()) / f"pad-lint-bench-{sha[:12]}"
        if not tree.exists():
            subprocess.run(["git", "worktree", "add", "--detach", str(tree), sha], cwd=ROOT, check=True,
                           capture_output=True)
        os.environ["PYTHONPATH"] = str(tree)
        print(f"benchmarking commit {sha[:12]} from {tree}", file=sys.stderr)
    pads = corpus(args.count)
    cache_dir = Path(tempfile.mkdtemp(prefix="pad-lint-bench-cache-"))
    only = set(args.only.split(",")) if args.only else None
    tools = build_tools(pads, only, cache_dir)
    by = {t.name: t for t in tools}
    cwd = HERE / "corpus"
    # warm-up: imports compiled, files in the page cache, node modules loaded
    for t in tools:
        if args.warmup == "none" or (args.warmup == "light" and not (t.name.endswith("-100") or t.name == "cpu-burn-1")):
            continue
        if t.before:
            t.before()
        run_once(t.argv, cwd)
    for r in range(args.repeat):
        for t in tools:
            if t.before:
                t.before()
            s = run_once(t.argv, cwd)
            t.samples.append(s)
            print(f"round {r + 1}/{args.repeat} {t.name:26s} {s.wall:7.2f} s  cpu {s.cpu:7.2f} s  "
                  f"rss {s.rss_mb:6.0f} MB  tree {s.tree_mb:6.0f} MB  exit {s.code}", file=sys.stderr, flush=True)
    shutil.rmtree(cache_dir, ignore_errors=True)

    rs = ratios(by)
    big = rss_10k(1) if args.rss_10k else []
    files = sorted(pads.glob("*.md"))
    lines = [
        "## Performance (issue 8)",
        "",
        f"Generated by `benchmarks/run.py` on {time.strftime('%Y-%m-%d %H:%M')} — {machine()}"
        + (f"; pad-lint at commit {os.environ['PYTHONPATH'].rsplit('-', 1)[-1]}." if args.commit else "."),
        f"Corpus: `benchmarks/make_corpus.py --count {args.count}` ({len(files)} pads, {size_mb(files):.1f} MB, "
        f"seed 8); medians of {args.repeat} interleaved rounds (warm-up: {args.warmup}).",
        "",
        table(tools),
        "",
        ratio_table(rs),
    ]
    if big:
        s = big[0]
        ok = s.rss_mb < 300
        lines += ["", f"10,000 pads (`make_corpus.py --count 10000`), pad-lint one process: {s.wall:.1f} s, "
                      f"peak RSS {s.rss_mb:.0f} MB (goal < 300 MB: {'yes' if ok else '**no**'})."]
    lines += ["", "Reproduce:", "", "```sh", "npm install --prefix benchmarks", ".venv/bin/pip install pymarkdownlnt",
              f".venv/bin/python benchmarks/run.py --repeat {args.repeat}" + (" --rss-10k" if args.rss_10k else "")
              + " --write", "```", "", "Commands (run from `benchmarks/corpus/`):", ""]
    for t in tools:
        shown = [a.replace(str(ROOT) + "/", "").replace(PY, "python") for a in t.argv]
        pads_given = [a for a in shown if a.endswith(".md")]
        if len(pads_given) > 2:  # the 100-pad subset: name two, count the rest
            first = shown.index(pads_given[0])
            shown = shown[:first + 2] + [f"… ({len(pads_given) - 2} more pads of subset-100.txt)"]
        shown = [a if not a.startswith("/tmp/pad-lint-bench-cache-") else "$CACHE" for a in shown]
        lines.append(f"- {t.name}: `{' '.join(shown)}`")
    text = "\n".join(lines)
    print(text)
    if args.write:
        write_results(text)


if __name__ == "__main__":
    main()
