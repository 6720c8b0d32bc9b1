"""The ``pad-lint`` command line: a thin wrapper around the library.

Commands::

    pad-lint check [INPUT…] [options]   lint pads (files, folders, globs, -, HedgeDoc URLs)
    pad-lint rules [--output-format text|json]
    pad-lint rule CODE|NAME [--output-format text|json]   (or --all)
    pad-lint parse INPUT                 the event document as JSON
    pad-lint schema NAME                 event-document | report | config
    pad-lint clean                       remove the cache
    pad-lint generate-docs [--check]     write docs/rules.md from the registry
    pad-lint version

``pad-lint FILE…`` (no command) means ``pad-lint check FILE…``.

Exit codes (``check``): 0 no finding at or above ``--fail-level`` (default
``error``: warnings and infos are shown but do not fail, as in markdownlint,
Vale and textlint); 1 findings at or above it (with ``--diff``: a fix would
change a file); 2 a usage, configuration or input error (a file cannot be read,
a URL cannot be fetched, an unknown option, key or rule); 130 interrupted
(Ctrl-C, also with ``--jobs``: one ``pad-lint: interrupted`` line); 143 terminated
(SIGTERM: one ``pad-lint: terminated`` line, the workers stopped quietly). Every error is one
line naming the file and position; there are no tracebacks
(``PAD_LINT_DEBUG=1`` shows them). A ``--cache-dir`` that cannot be used is not an
error: one warning, then the check runs without the cache.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from . import __version__
from .errors import ConfigError, InputError, PadLintError, UsageError

COMMANDS = ("check", "rules", "rule", "parse", "schema", "clean", "generate-docs", "version")
SCHEMA_NAMES = ("event-document", "report", "config")
FAIL_LEVELS = ("error", "warning", "info")
_RANK = {"error": 3, "warning": 2, "info": 1}


class _Parser(argparse.ArgumentParser):
    """argparse that raises :class:`UsageError` instead of printing usage and exiting."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{message} (see `{self.prog} --help`)")


def _formats() -> list[str]:
    from .report import FORMATS

    return list(FORMATS)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every command (documented in ``--help``)."""
    parser = _Parser(prog="pad-lint", description="Lint HedgeDoc event pads: licence, links, alt text, "
                                                   "inclusive writing, structure and event facts.")
    parser.add_argument("--version", action="version", version=f"pad-lint {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")

    check = sub.add_parser("check", help="lint pads", description="Lint pads and report findings.")
    check.add_argument("inputs", nargs="*", metavar="INPUT",
                       help="files, folders (searched for *.md), globs, - for standard input, or HedgeDoc pad URLs "
                            "(default: the current folder)")
    g = check.add_argument_group("configuration")
    g.add_argument("--config", action="append", default=[], metavar="PATH|KEY=VALUE",
                   help="a configuration file to use for every pad, or a TOML `key = value` override "
                        "(repeatable), e.g. --config 'ignore = [\"INC\"]'; a value that is neither an existing "
                        "file nor valid TOML is an error (exit code 2)")
    g.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    g.add_argument("--select", type=_csv, metavar="RULES", help="rules to enable (codes, names or prefixes, comma separated)")
    g.add_argument("--extend-select", type=_csv, metavar="RULES", help="rules to enable in addition")
    g.add_argument("--ignore", type=_csv, metavar="RULES", help="rules to disable")
    g.add_argument("--per-file-ignores", action="append", default=[], metavar="GLOB:RULES",
                   help="disable rules for matching files, e.g. 'archives/*.md:INC004' (repeatable)")
    g.add_argument("--severity", action="append", default=[], metavar="RULES=LEVEL",
                   help="override a severity, e.g. 'IMG=warning' (repeatable)")
    g.add_argument("--exclude", type=_csv, metavar="GLOBS", help="paths never searched (replaces the defaults)")
    g.add_argument("--extend-exclude", type=_csv, metavar="GLOBS", help="paths never searched, in addition")
    g.add_argument("--force-exclude", action="store_true", default=None,
                   help="apply exclusions to files named on the command line too (for pre-commit)")
    g.add_argument("--respect-gitignore", action=argparse.BooleanOptionalAction, default=None,
                   help="skip files ignored by git (default: on)")
    g.add_argument("--show-settings", action="store_true", help="print the configuration for the first pad and exit")
    g.add_argument("--show-files", action="store_true", help="print the pads that would be linted and exit")

    g = check.add_argument_group("fixes")
    g.add_argument("--fix", action="store_true", help="apply safe fixes to the files")
    g.add_argument("--unsafe-fixes", action="store_true",
                   help="also apply unsafe fixes (with --fix, --diff or --fix-only; alone it only counts them)")
    g.add_argument("--diff", action="store_true", help="print a unified diff of the fixes and how many findings they would fix "
                        "(\"Would fix N findings in M pads.\"); write nothing, even with --fix or --fix-only")
    g.add_argument("--fix-only", action="store_true", help="apply fixes and report nothing else")

    g = check.add_argument_group("output")
    g.add_argument("--output-format", choices=_formats(), default=os.environ.get("PAD_LINT_OUTPUT_FORMAT") or None,
                   help="how findings are printed (default: full on a terminal, concise otherwise)")
    g.add_argument("-o", "--output-file", metavar="PATH", help="write the report to this file instead of standard output")
    g.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                   help="colours in the full format (auto: on a terminal, unless NO_COLOR is set)")
    g.add_argument("--statistics", action="store_true", help="print the number of findings per rule instead")
    g.add_argument("-q", "--quiet", action="store_true", help="print findings only, no summary")
    g.add_argument("--fail-level", choices=FAIL_LEVELS, default="error",
                   help="lowest severity that makes the exit code 1 (default: error)")
    g.add_argument("-e", "--exit-zero", action="store_true",
                   help="exit 0 even with findings (still 2 on usage, configuration or input errors)")

    g = check.add_argument_group("inputs and performance")
    g.add_argument("--stdin-filename", metavar="PATH",
                   help="name shown for standard input; also picks its configuration and per-file-ignores")
    g.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                   help="pads linted in parallel (0: one per CPU; default 1)")
    g.add_argument("--no-cache", action="store_true", help="do not read or write the result cache")
    g.add_argument("--cache-dir", metavar="PATH", default=os.environ.get("PAD_LINT_CACHE_DIR") or None,
                   help="where results are cached (default: the user cache folder); when it cannot be "
                        "used (a file, or not writable) a warning is printed and the check runs without it")
    g.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS", help="for fetching HedgeDoc URLs")
    g.add_argument("--online", action="store_true",
                   help="also check http(s) links over the network, each address once per run "
                        "(never used by the pre-commit hooks)")
    g.add_argument("--offline", action="store_true",
                   help="no network at all: online link checks off, URL inputs refused (the pre-commit hooks use it)")

    rules = sub.add_parser("rules", help="list the rules")
    rules.add_argument("--output-format", choices=("text", "json"), default="text")

    rule = sub.add_parser("rule", help="explain one rule (what, why, how to fix, source, options, example)")
    rule.add_argument("rule", nargs="?", metavar="CODE|NAME")
    rule.add_argument("--all", action="store_true", help="explain every rule")
    rule.add_argument("--output-format", choices=("text", "json"), default="text")

    parse = sub.add_parser("parse", help="print a pad's event document as JSON")
    parse.add_argument("input", metavar="INPUT", help="a pad file, - for standard input, or a HedgeDoc URL")
    parse.add_argument("--config", metavar="PATH|KEY=VALUE",
                       help="a configuration file (default: discovered), or a TOML `key = value` override")
    parse.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    parse.add_argument("--stdin-filename", metavar="PATH")
    parse.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS")

    schema = sub.add_parser("schema", help="print a JSON Schema")
    schema.add_argument("name", choices=SCHEMA_NAMES)

    clean = sub.add_parser("clean", help="remove the result cache")
    clean.add_argument("--cache-dir", metavar="PATH", default=os.environ.get("PAD_LINT_CACHE_DIR") or None)

    docs = sub.add_parser("generate-docs", help="write docs/rules.md from the rule registry")
    docs.add_argument("--output", metavar="PATH", default="docs/rules.md")
    docs.add_argument("--check", action="store_true", help="exit 1 if the file is out of date instead of writing")

    sub.add_parser("version", help="print the version")
    return parser


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


# --------------------------------------------------------------------------- check


@dataclass
class RunSettings:
    """What each pad's processing needs to know (picklable, sent to worker processes)."""

    fix: bool = False
    unsafe: bool = False
    diff: bool = False
    fix_only: bool = False
    need_lines: bool = False
    cache_dir: str | None = None
    timeout: float = 30.0
    stdin_filename: str | None = None


def _overrides(args: argparse.Namespace) -> tuple[dict[str, Any], dict[str, Any]]:
    """``(overrides, additions)`` from the command line: options that replace a key, and
    options that add to it (as ruff's ``--extend-select`` and ``--ignore`` do)."""
    from .config import check_overrides, parse_overrides

    out = parse_overrides(_split_config(args.config)[1])
    add: dict[str, Any] = {}
    for key in ("select", "exclude"):
        value = getattr(args, key)
        if value is not None:
            if key == "select" and not value:
                raise UsageError("--select needs at least one rule (a code, name or prefix such as LIC); "
                                 "to run no rule at all, there is nothing to check")
            out[key] = value
    for key in ("extend_select", "ignore", "extend_exclude"):
        value = getattr(args, key)
        if value is not None:
            add[key.replace("_", "-")] = value
    if args.force_exclude:
        out["force-exclude"] = True
    if args.offline and args.online:
        raise UsageError("--online and --offline cannot be used together")
    if args.offline or args.online:
        out["links"] = {**out.get("links", {}), "online": bool(args.online)}
    if args.respect_gitignore is not None:
        out["respect-gitignore"] = args.respect_gitignore
    if args.per_file_ignores:
        pfi: dict[str, list[str]] = {}
        for item in args.per_file_ignores:
            pattern, sep, rules = item.rpartition(":")
            if not sep or not pattern or not rules:
                raise UsageError(f"--per-file-ignores {item!r}: expected GLOB:RULES, e.g. 'archives/*.md:INC004'")
            pfi[pattern] = pfi.get(pattern, []) + _csv(rules)
        add["per-file-ignores"] = pfi
    if args.severity:
        sev: dict[str, str] = {}
        for item in args.severity:
            rules, sep, level = item.partition("=")
            if not sep or not rules.strip() or not level.strip():
                raise UsageError(f"--severity {item!r}: expected RULES=LEVEL, e.g. 'IMG=warning'")
            for r in _csv(rules):
                sev[r] = level.strip()
        add["severity"] = sev
    # each option checked on its own, so that an error names it (--config items were, by parse_overrides)
    for key, value in [*out.items(), *add.items()]:
        if f"--{key}" in _CONFIG_OPTIONS:
            check_overrides({key: value}, f"--{key}", key)
    return out, add


#: Options that set one configuration key of the same name.
_CONFIG_OPTIONS = ("--select", "--extend-select", "--ignore", "--exclude", "--extend-exclude",
                   "--per-file-ignores", "--severity")


def _split_config(values: Sequence[str]) -> tuple[list[str], list[str]]:
    """``--config`` values as ``(files, inline TOML items)``, the way ruff tells them apart.

    An existing file or folder is a configuration file; so is a value that looks like
    a path (ends with ``.toml`` or holds a ``/``) and has no ``=``, to be reported as
    "not found". Anything else is inline TOML (``select = ["LIC"]``), and one that
    does not parse is reported with its TOML error position
    (:func:`pad_lint.config.parse_overrides`) instead of as a missing file.
    """
    files: list[str] = []
    inline: list[str] = []
    for value in values:
        path_like = "=" not in value and (value.lower().endswith(".toml") or "/" in value or os.sep in value)
        if path_like or (value.strip() and os.path.exists(value)):
            files.append(value)
        else:
            inline.append(value)
    return files, inline


def _resolver(args: argparse.Namespace, overrides: tuple[dict[str, Any], dict[str, Any]] | None = None):  # noqa: ANN202
    from .config import ConfigResolver, parse_overrides

    files, inline = _split_config(args.config if isinstance(args.config, list)
                                  else [args.config] if args.config else [])
    if overrides is None:  # `pad-lint parse`: only --config items
        overrides = (parse_overrides(inline), {})
    if len(files) > 1:
        raise UsageError("--config names more than one configuration file; give one")
    if files and getattr(args, "isolated", False):
        raise UsageError("--config PATH and --isolated cannot be used together")
    if files and not os.path.exists(files[0]):
        raise ConfigError("configuration file not found", path=files[0])
    over, add = overrides
    return ConfigResolver(config_file=files[0] if files else None, isolated=getattr(args, "isolated", False),
                          overrides=over, additions=add)


def _config_path(inp, settings: RunSettings) -> Path | None:  # noqa: ANN001
    if inp.kind == "file":
        return Path(inp.path)
    if inp.kind == "stdin" and settings.stdin_filename:
        return Path(settings.stdin_filename)
    return None


def _read_input(inp, settings: RunSettings, stdin_data: bytes | None):  # noqa: ANN001, ANN202
    from .source import Pad, read_pad

    if inp.kind == "file":
        return read_pad(inp.path)
    if inp.kind == "stdin":
        return Pad.from_bytes(stdin_data or b"", path=settings.stdin_filename or "stdin")
    from .fetch import fetch_pad

    return fetch_pad(inp.path, timeout=settings.timeout)


def process_input(task: tuple[Any, Any, RunSettings, bytes | None]) -> "FileResult":  # noqa: F821
    """Lint (and maybe fix) one pad; never raises (problems become ``FileResult.error``).

    Runs in a worker process with ``--jobs``; the pad and its parse are dropped
    before returning, only findings travel back.
    """
    from .report import FileResult

    inp, config, settings, stdin_data = task
    shown = settings.stdin_filename if inp.kind == "stdin" and settings.stdin_filename else (
        "stdin" if inp.kind == "stdin" else inp.path)
    try:
        pad = _read_input(inp, settings, stdin_data)
        return _lint_one(pad, shown, inp, config, settings)
    except PadLintError as exc:
        if exc.path is None:
            exc.path = shown
        return FileResult(path=shown, error=str(exc))
    except RecursionError:
        return FileResult(path=shown, error=f"{shown}: too deeply nested to analyse (is this really a pad?)")
    except Exception as exc:  # a rule bug must not hide the other pads' results
        if os.environ.get("PAD_LINT_DEBUG"):
            raise
        return FileResult(path=shown, error=f"{shown}: internal error while linting ({type(exc).__name__}: {exc}); "
                                            "please report it (PAD_LINT_DEBUG=1 shows details)")


def _lint_one(pad, shown: str, inp, config, settings: RunSettings):  # noqa: ANN001, ANN202
    from .cache import ResultCache
    from .fixes import encode_like, fix_pad, unified_diff, write_atomic
    from .linter import lint_pad
    from .report import FileResult
    from .report.model import ReportDiagnostic

    pad.path = shown
    cache = None
    use_cache = (settings.cache_dir is not None and inp.kind == "file" and not settings.fix and not settings.diff
                 and not settings.fix_only and not config.links.online)
    if use_cache:
        cache = ResultCache(settings.cache_dir)
        hit = cache.get(pad.sha256, shown, config, settings.need_lines)
        if hit is not None:
            return hit
    result = FileResult(path=shown)
    if settings.fix or settings.diff or settings.fix_only:
        outcome = fix_pad(pad, config, unsafe=settings.unsafe)
        diagnostics = outcome.remaining
        if outcome.text != pad.text:
            if settings.diff:
                result.diff = unified_diff(shown, pad.text, outcome.text)
                result.fixed = outcome.fixed  # with --diff: the fixes the diff shows, none written
                diagnostics = lint_pad(pad, config)  # report what is there now; nothing was written
            else:
                result.fixed = outcome.fixed
                data = encode_like(pad, outcome.text)
                if inp.kind == "file":
                    write_atomic(inp.path, data, expected_sha256=pad.sha256)
                else:
                    result.fixed_text = pad.decode(data)
        elif inp.kind == "stdin" and not settings.diff:
            result.fixed_text = _stdin_text(pad)
        # the text the findings point at: the fixed one when it was written
        from .source import Pad
        shown_pad = pad if settings.diff or outcome.text == pad.text else Pad(text=outcome.text, path=shown)
    else:
        view = _PREPARSED.pop((shown, pad.sha256), None)
        if view is None and cache is not None:  # the cache entry needs the pad's local links
            from .markdown.view import build_view

            view = build_view(pad)
        diagnostics = lint_pad(pad, config, view=view)
        shown_pad = pad
    index = shown_pad.index
    result.findings = [ReportDiagnostic.from_diagnostic(d.model_copy(update={"path": shown}), index)
                       for d in diagnostics]
    if settings.need_lines:
        for f in result.findings:
            for line in range(f.location.line, min(f.end_location.line, f.location.line + 2) + 1):
                if line <= index.line_count:
                    result.lines[line] = index.line_text(line - 1)
    if cache is not None:
        from .cache import local_dependencies

        cache.put(pad.sha256, shown, config, settings.need_lines, result,
                  dependencies=local_dependencies(shown, view))
    return result


#: Views parsed by the online pre-pass, keyed by (shown path, sha256), so that
#: a pad is parsed once even when its URLs were collected before linting.
_PREPARSED: dict[tuple[str, str], Any] = {}


def _check_links_online(inputs: list[Any], resolver, settings: RunSettings,  # noqa: ANN001
                        stdin_data: bytes | None) -> None:
    """Online pre-pass: collect the web addresses of every pad whose configuration
    has ``links.online``, and check each unique address once for the whole run
    (:func:`pad_lint.linkcheck.check_urls`); the LNK1xx rules then read the results.
    Pads that cannot be read are left for the main pass to report."""
    groups: dict[str, tuple[Any, list[str]]] = {}
    for inp in inputs:
        config = resolver.for_path(_config_path(inp, settings))
        if not config.links.online or inp.kind == "url":
            continue
        # imported only when some pad is checked online: the HTTP stack costs ~0.1 s at start-up
        from .linkcheck import urls_of_view
        from .markdown.view import build_view

        try:
            pad = _read_input(inp, settings, stdin_data if inp.kind == "stdin" else None)
        except PadLintError:
            continue
        shown = settings.stdin_filename if inp.kind == "stdin" and settings.stdin_filename else (
            "stdin" if inp.kind == "stdin" else inp.path)
        pad.path = shown
        view = build_view(pad)
        _PREPARSED[(shown, pad.sha256)] = view
        key = config.links.model_dump_json()
        groups.setdefault(key, (config.links, []))[1].extend(urls_of_view(view, config.links))
    if groups:
        from .linkcheck import check_urls

        for options, urls in groups.values():
            check_urls(urls, options, progress=True)


def _stdin_text(pad) -> str:  # noqa: ANN001
    return pad.decode(pad.to_bytes())


def _tasks(inputs: Iterator[Any], resolver, settings: RunSettings, stdin_data: bytes | None):  # noqa: ANN001, ANN202
    for inp in inputs:
        yield (inp, resolver.for_path(_config_path(inp, settings)), settings,
               stdin_data if inp.kind == "stdin" else None)


@contextlib.contextmanager
def _tuned_gc() -> Iterator[None]:
    """Make CPython's cyclic garbage collector run less often during a check.

    Parsing allocates tens of thousands of short-lived token objects per pad; with
    the default gen-0 threshold (700 allocations) the collector runs hundreds of
    times per pad and each full pass walks every object kept alive by the imports.
    Freezing what exists now (imports, configuration) and raising the thresholds
    cut ~10 % of a check's CPU time (benchmarks/RESULTS.md); cycles are still
    collected, so memory stays bounded (peak RSS is measured on 10,000 pads).
    ``gc.freeze`` before forking the ``--jobs`` workers also keeps those pages
    shared (https://docs.python.org/3/library/gc.html#gc.freeze).

    Only our own freeze is undone: ``gc.unfreeze()`` thaws every frozen object, so
    when an in-process caller has already frozen some (``gc.get_freeze_count() > 0``)
    nothing is frozen or unfrozen here, and the caller's objects stay frozen.
    """
    import gc

    thresholds = gc.get_threshold()
    freeze = gc.get_freeze_count() == 0
    if freeze:
        gc.collect()
        gc.freeze()
    gc.set_threshold(50_000, 20, 1000)
    try:
        yield
    finally:  # in-process callers (tests, library users) get their collector back
        gc.set_threshold(*thresholds)
        if freeze:
            gc.unfreeze()


class Terminated(BaseException):
    """Raised in the parent by the SIGTERM handler that :func:`main` installs (a
    ``BaseException``, like ``KeyboardInterrupt``, so that no ``except Exception``
    swallows it); :func:`main` prints ``pad-lint: terminated`` and returns 143."""


def _on_sigterm(signum: int, frame: Any) -> None:  # noqa: ARG001
    import signal

    global _terminating
    _terminating = True
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a second SIGTERM during the clean-up ends it at once
    raise Terminated


#: Set by the SIGTERM handler: the process pool must not be shut down the usual way.
_terminating = False


def _end_terminated_pool() -> None:
    """Leave at once after SIGTERM while a process pool runs.

    ``Pool.terminate()`` cannot be used: it first takes the task queue's lock, and a
    worker that got the same SIGTERM (sent to the process group) may have died
    holding it, so the parent would wait forever (it did, about one run in five).
    The workers are killed, the line printed, the output flushed, and the process
    ends with 143 without the interpreter's exit handlers (the pool's finalizer
    would wait for that lock too)."""
    import multiprocessing

    for child in multiprocessing.active_children():
        with contextlib.suppress(Exception):
            child.kill()
    with contextlib.suppress(Exception):
        sys.stdout.flush()
    _error("terminated")
    with contextlib.suppress(Exception):
        sys.stderr.flush()
    os._exit(143)


@contextlib.contextmanager
def _sigterm_handled() -> Iterator[None]:
    """SIGTERM raises :class:`Terminated` in this process while the command runs, so
    that the pool is terminated and one line printed (as for Ctrl-C). Left alone when
    not on the main thread or when the embedding program has its own handler."""
    import signal

    global _terminating
    _terminating = False
    try:
        installed = signal.getsignal(signal.SIGTERM) == signal.SIG_DFL
        if installed:
            signal.signal(signal.SIGTERM, _on_sigterm)
    except (ValueError, AttributeError):  # not the main thread of the main interpreter
        installed = False
    try:
        yield
    finally:
        if installed:
            signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _init_worker(parent: int | None = None) -> None:
    """Pool initializer. Workers ignore Ctrl-C (SIGINT), so that only the parent
    handles it (one ``pad-lint: interrupted`` line, exit code 130) and stops them;
    SIGTERM gets its default action back (a forked worker inherits the parent's
    handler), so that a terminated worker dies at once and says nothing. The
    signals the parent blocked while it forked are unblocked last: one already
    pending now gets the worker's own handling.

    On Linux a worker is also killed when its parent dies (``PR_SET_PDEATHSIG``):
    a parent killed without clean-up (SIGKILL, an out-of-memory kill) would leave
    workers that print a ``BrokenPipeError`` traceback when they send their next
    result. (Letting them die of SIGPIPE instead is not safe: one killed while it
    holds the result queue's lock leaves the other blocked forever.)"""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0)  # 1: PR_SET_PDEATHSIG
            if parent is not None and os.getppid() != parent:  # it died before prctl
                os._exit(1)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _pool_signals())


def _pool_signals() -> set[int]:
    import signal

    return {signal.SIGINT, signal.SIGTERM}


def _results(tasks: Iterator[tuple], jobs: int) -> Iterator[Any]:
    """Process tasks in order; with ``jobs > 1`` in a process pool (``imap`` keeps the order).

    Ctrl-C reaches every process of the terminal's process group: the workers
    ignore it (:func:`_init_worker`), the parent gets ``KeyboardInterrupt`` and
    terminates the pool on the way out. SIGTERM (``kill``, a service manager, a CI
    timeout) raises :class:`Terminated` in the parent, which kills the workers and
    ends at once (:func:`_end_terminated_pool`); workers that got it too die of it, quietly.
    """
    if jobs <= 1:
        for t in tasks:
            yield process_input(t)
        return
    import multiprocessing
    import signal

    ctx = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    # SIGINT and SIGTERM are blocked while the workers are forked (the mask is
    # inherited), so that none is handled by a worker before its initializer has
    # run; a signal sent meanwhile waits, then reaches each process's own handling.
    if hasattr(signal, "pthread_sigmask"):
        old_mask = signal.pthread_sigmask(signal.SIG_BLOCK, _pool_signals())
        try:
            pool = ctx.Pool(jobs, initializer=_init_worker, initargs=(os.getpid(),))
        except BaseException:
            signal.pthread_sigmask(signal.SIG_SETMASK, old_mask)
            raise
        with pool:
            try:
                signal.pthread_sigmask(signal.SIG_SETMASK, old_mask)  # a pending signal is raised here, in the with
                yield from pool.imap(process_input, tasks, chunksize=4)
            finally:  # also when SIGTERM came while the parent was elsewhere (writing the report)
                if _terminating:
                    _end_terminated_pool()
        return
    # Windows: no signal masks; SIGINT is ignored while the workers start instead
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        ours = True
    except ValueError:  # not the main thread of the main interpreter: signals are not ours
        previous, ours = None, False
    try:
        pool = ctx.Pool(jobs, initializer=_init_worker, initargs=(os.getpid(),))
    finally:
        if ours:  # None: a handler installed outside Python; the default is the closest
            signal.signal(signal.SIGINT, previous if previous is not None else signal.SIG_DFL)
    with pool:
        try:
            yield from pool.imap(process_input, tasks, chunksize=4)
        finally:
            if _terminating:
                _end_terminated_pool()


def _open_output(args: argparse.Namespace) -> tuple[TextIO, bool]:
    if args.output_file:
        try:
            return open(args.output_file, "w", encoding="utf-8", newline="\n"), True
        except OSError as exc:
            raise InputError(f"cannot write the report ({exc.strerror or exc})", path=args.output_file) from None
    return sys.stdout, False


def _use_color(args: argparse.Namespace, out: TextIO) -> bool:
    if args.color == "always":
        return True
    if args.color == "never" or os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(out, "isatty", lambda: False)())


def cmd_check(args: argparse.Namespace) -> int:
    """``pad-lint check``: see the module docstring for exit codes."""
    from .discovery import iter_inputs
    from .report import HUMAN_FORMATS, ReportOptions, Summary, get_reporter

    if args.jobs < 0:
        raise UsageError("--jobs must be 0 (one per CPU) or more")
    if not args.timeout > 0:
        raise UsageError("--timeout must be a number of seconds above 0")
    resolver = _resolver(args, _overrides(args))
    inputs = args.inputs or ["."]
    if inputs.count("-") > 1:
        raise UsageError("- (standard input) can be given only once")
    if args.offline:
        from .discovery import is_url

        urls = [i for i in inputs if is_url(i)]
        if urls:
            raise UsageError(f"--offline: cannot fetch {urls[0]}; download the pad and lint the file")
    if args.stdin_filename and "-" not in inputs:
        if args.inputs:
            raise UsageError("--stdin-filename needs - among the inputs")
        inputs = ["-"]
    settings = RunSettings(fix=args.fix or args.fix_only, unsafe=args.unsafe_fixes, diff=args.diff,
                           fix_only=args.fix_only or args.diff, timeout=args.timeout,
                           stdin_filename=args.stdin_filename)
    if args.diff:
        settings.fix = False

    def config_for(p: Path):  # noqa: ANN202
        return resolver.for_path(p)

    force = bool(args.force_exclude)
    found = iter_inputs(inputs, config_for, force_exclude=force)

    if args.show_settings:
        first = next(found, None)
        cfg_path = resolver.config_path_for(_config_path(first, settings)) if first else resolver.config_path_for(None)
        cfg = resolver.for_path(_config_path(first, settings)) if first else resolver.for_path(None)
        from .config import config_to_dict
        from .linter import enabled_codes

        print(f"Pad: {first.path if first else '(none)'}")
        print(f"Configuration file: {cfg_path or '(none: defaults)'}")
        print(f"Enabled rules: {', '.join(sorted(enabled_codes(cfg, first.path if first else None))) or '(none)'}")
        print(json.dumps(config_to_dict(cfg), indent=2, ensure_ascii=False))
        return 0
    if args.show_files:
        for inp in found:
            print(inp.path)
        return 0

    fmt = args.output_format
    out, close = _open_output(args)
    if fmt is None:
        fmt = "full" if getattr(out, "isatty", lambda: False)() and "full" in _formats() else "concise"
    stdin_data = None
    if "-" in inputs:
        try:
            stdin_data = sys.stdin.buffer.read() if sys.stdin is not None else b""
        except OSError as exc:
            raise InputError(f"cannot read standard input ({exc})", path="stdin") from None
    stdin_fix_to_stdout = "-" in inputs and settings.fix and not settings.diff
    report_out: TextIO = out
    if stdin_fix_to_stdout and not args.output_file:
        report_out = sys.stderr  # the fixed pad goes to standard output
    settings.need_lines = fmt == "full" and not args.statistics
    if not args.no_cache and not (settings.fix or settings.diff or settings.fix_only):  # fixes are never cached
        from .cache import cache_problem, default_cache_dir

        settings.cache_dir = args.cache_dir or str(default_cache_dir())
        problem = cache_problem(settings.cache_dir)
        if problem:  # as ruff: warn once, check without the cache, usual exit code
            _error(f"pad-lint: warning: cannot use the cache folder {settings.cache_dir} ({problem}); "
                   "checking without the cache")
            settings.cache_dir = None
    options = ReportOptions(color=_use_color(args, report_out), tool_version=__version__)
    human = fmt in HUMAN_FORMATS
    quiet_report = args.fix_only or args.diff or args.statistics
    reporter = get_reporter(fmt, report_out, options)
    summary = Summary()
    stats: Counter[tuple[str, str]] = Counter()
    fixable_by_code: Counter[str] = Counter()
    errors: list[str] = []
    diffs = 0
    fail = False
    jobs = (os.cpu_count() or 1) if args.jobs == 0 else args.jobs
    with _tuned_gc():
        if not args.offline:
            pending = list(found)  # input paths only, cheap to hold; views only for online pads
            _check_links_online(pending, resolver, settings, stdin_data)
            found = iter(pending)
        try:
            if not quiet_report:
                reporter.start()
            for result in _results(_tasks(found, resolver, settings, stdin_data), jobs):
                summary.files += 1
                if result.error:
                    summary.input_errors += 1
                    errors.append(result.error)
                    from .report import printable

                    print(printable(result.error), file=sys.stderr)
                    continue
                summary.fixed += result.fixed
                if result.diff:
                    diffs += 1
                    out.write(result.diff)
                if result.fixed_text is not None:
                    sys.stdout.write(result.fixed_text)
                for f in result.findings:
                    summary.findings += 1
                    summary.by_severity[f.severity] = summary.by_severity.get(f.severity, 0) + 1
                    stats[(f.code, f.name)] += 1
                    if f.fix is not None:
                        if f.fix.applicability == "safe":
                            summary.fixable += 1
                        else:
                            summary.unsafe_fixable += 1
                        fixable_by_code[f.code] += 1
                    if _RANK[f.severity] >= _RANK[args.fail_level]:
                        fail = True
                if not quiet_report:
                    reporter.file(result)
            if not quiet_report:
                reporter.finish(summary)
            if args.statistics:
                _print_statistics(out, stats, fixable_by_code, fmt)
            if human and not args.quiet and not (args.diff or args.fix_only) and not args.statistics:
                _print_summary(report_out, summary, args)
            elif args.diff and not args.quiet:  # before --fix-only: with --diff nothing is written
                print(_would_fix(summary.fixed, diffs), file=sys.stderr)
            elif args.fix_only and not args.quiet:
                print(f"Fixed {_plural(summary.fixed, 'finding')}.", file=sys.stderr)
        finally:
            report_out.flush()
            if close:
                out.close()
        if summary.input_errors:
            return 2
        if args.exit_zero:
            return 0
        if args.diff:
            return 1 if diffs else 0
        if args.fix_only:
            return 0
        return 1 if fail else 0


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def _would_fix(fixes: int, pads: int) -> str:
    """The ``--diff`` summary (as ruff's "Would fix N errors."): never "0" when a diff was shown."""
    if not pads:
        return "No fixes would be applied."
    if not fixes:  # a diff always comes from at least one fix; say what is certain anyway
        return f"Would change {_plural(pads, 'pad')}."
    return f"Would fix {_plural(fixes, 'finding')} in {_plural(pads, 'pad')}."


def _print_summary(out: TextIO, s: Any, args: argparse.Namespace) -> None:
    pads = _plural(s.files - s.input_errors, "pad")  # the pads that were really checked
    lines = []
    if s.fixed:
        lines.append(f"Fixed {_plural(s.fixed, 'finding')}.")
    if s.findings:
        parts = [_plural(s.by_severity[k], k, "infos" if k == "info" else None)
                 for k in ("error", "warning", "info") if s.by_severity.get(k)]
        lines.append(f"Found {_plural(s.findings, 'finding')} ({', '.join(parts)}) in {pads}.")
        if args.unsafe_fixes and not args.fix and s.fixable + s.unsafe_fixable:
            lines.append(f"{s.fixable + s.unsafe_fixable} can be fixed with `pad-lint check --fix --unsafe-fixes` "
                         "(check the result).")
        elif not args.unsafe_fixes:
            if s.fixable and not args.fix:
                lines.append(f"{s.fixable} can be fixed automatically with `pad-lint check --fix`.")
            if s.unsafe_fixable:
                lines.append(f"{s.unsafe_fixable} more can be fixed with `--fix --unsafe-fixes` (check the result).")
    elif s.input_errors < s.files or not s.files:
        lines.append(f"No findings in {pads}." if s.files - s.input_errors else "No pads to check.")
    if s.input_errors:
        lines.append(f"{_plural(s.input_errors, 'pad')} could not be checked (see the messages above).")
    out.write("\n".join(lines) + "\n")


def _print_statistics(out: TextIO, stats: Counter, fixable: Counter, fmt: str) -> None:
    rows = sorted(stats.items(), key=lambda kv: (-kv[1], kv[0][0]))
    if fmt in ("json", "json-lines"):
        data = [{"code": code, "name": name, "count": n, "fixable": fixable[code]} for (code, name), n in rows]
        out.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        return
    width = max((len(str(n)) for _, n in rows), default=1)
    for (code, name), n in rows:
        mark = "[*]" if fixable[code] else "   "
        out.write(f"{n:>{width}}  {code:<7} {mark} {name}\n")


# --------------------------------------------------------------------------- other commands


def cmd_rules(args: argparse.Namespace) -> int:
    """``pad-lint rules``: one line per rule, or a JSON list with every field."""
    from .report.ruledoc import rule_to_dict, rules_table
    from .rules.registry import all_rules

    if args.output_format == "json":
        print(json.dumps([rule_to_dict(r) for r in all_rules()], indent=2, ensure_ascii=False))
    else:
        sys.stdout.write(rules_table(all_rules()))
    return 0


def cmd_rule(args: argparse.Namespace) -> int:
    """``pad-lint rule CODE|NAME``: a rule's whole documentation."""
    from .report.ruledoc import explain, find_rule, rule_to_dict
    from .rules.registry import all_rules

    if args.all:
        rules = all_rules()
    elif args.rule:
        rules = [find_rule(args.rule)]
    else:
        raise UsageError("give a rule code or name (e.g. `pad-lint rule LIC001`), or --all")
    if args.output_format == "json":
        data = [rule_to_dict(r) for r in rules]
        print(json.dumps(data if args.all else data[0], indent=2, ensure_ascii=False))
    else:
        sys.stdout.write("\n".join(explain(r) for r in rules))
    return 0


def cmd_parse(args: argparse.Namespace) -> int:
    """``pad-lint parse INPUT``: the event document as indented JSON."""
    from .discovery import Input, is_url
    from .event.extract import build_document
    from .markdown.view import build_view

    args.config = [args.config] if args.config else []
    resolver = _resolver(args)
    if args.input == "-":
        inp = Input("stdin", "-", explicit=True)
    elif is_url(args.input):
        inp = Input("url", args.input, explicit=True)
    else:
        inp = Input("file", args.input, explicit=True)
    settings = RunSettings(timeout=args.timeout, stdin_filename=args.stdin_filename)
    stdin_data = sys.stdin.buffer.read() if inp.kind == "stdin" and sys.stdin is not None else None
    pad = _read_input(inp, settings, stdin_data)
    config = resolver.for_path(_config_path(inp, settings))
    doc = build_document(build_view(pad), config)
    print(doc.model_dump_json(indent=2))
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    """``pad-lint schema NAME``: one JSON Schema, as generated by :mod:`pad_lint.schemas`."""
    from .schemas import schema_for

    print(json.dumps(schema_for(args.name), indent=2, ensure_ascii=False))
    return 0


def cmd_clean(args: argparse.Namespace) -> int:
    """``pad-lint clean``: delete the result cache folder."""
    from .cache import clear_cache, default_cache_dir

    path = Path(args.cache_dir) if args.cache_dir else default_cache_dir()
    removed = clear_cache(path)
    print(f"Removed the cache at {path}." if removed else f"No cache at {path}.")
    return 0


def cmd_generate_docs(args: argparse.Namespace) -> int:
    """``pad-lint generate-docs``: write (or ``--check``) ``docs/rules.md``."""
    from .report.ruledoc import rules_markdown

    text = rules_markdown()
    target = Path(args.output)
    if args.check:
        try:
            current = target.read_text(encoding="utf-8")
        except OSError:
            current = None
        if current != text:
            print(f"{target}: out of date; run `pad-lint generate-docs`", file=sys.stderr)
            return 1
        print(f"{target} is up to date.")
        return 0
    target.parent.mkdir(parents=True, exist_ok=True)
    from .fixes import write_atomic

    if target.exists():
        write_atomic(target, text.encode("utf-8"))
    else:
        target.write_text(text, encoding="utf-8", newline="\n")
    print(f"Wrote {target}.")
    return 0


HANDLERS = {
    "check": cmd_check, "rules": cmd_rules, "rule": cmd_rule, "parse": cmd_parse, "schema": cmd_schema,
    "clean": cmd_clean, "generate-docs": cmd_generate_docs,
    "version": lambda args: print(f"pad-lint {__version__}") or 0,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (never raises, except SystemExit from --help/--version)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] not in COMMANDS and argv[0] not in ("-h", "--help", "--version"):
        first = argv[0]
        if (not first.startswith("-") and not os.path.exists(first) and "/" not in first and "." not in first
                and not any(c in first for c in "*?[")):
            _error(f"pad-lint: unknown command or file {first!r} (commands: {', '.join(COMMANDS)}; "
                   "or give pad files and folders to check)")
            return 2
        argv.insert(0, "check")
    try:
        args = build_parser().parse_args(argv)
        if args.command is None:
            build_parser().print_help()
            return 2
        with _sigterm_handled():
            return HANDLERS[args.command](args)
    except PadLintError as exc:
        _error(str(exc) if exc.path else f"error: {exc}")
        return 2
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except Terminated:  # SIGTERM: 128 + 15, as a shell reports a process it ended
        _error("terminated")
        return 143
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly, with the exit code a
        # Unix tool killed by SIGPIPE has (128 + 13), distinct from 1 (findings).
        try:
            sys.stdout = io.TextIOWrapper(open(os.devnull, "wb"))
        except OSError:
            pass
        return 141
    except OSError as exc:  # the report could not be written (full disk, /proc file…)
        _error(f"error: cannot write the output ({exc.strerror or exc})")
        return 2
    except Exception as exc:  # never a traceback for users
        if os.environ.get("PAD_LINT_DEBUG"):
            raise
        _error(f"internal error ({type(exc).__name__}: {exc}); please report it (PAD_LINT_DEBUG=1 shows details)")
        return 2


def _error(message: str) -> None:
    """Print one line to standard error, prefixed with ``pad-lint:`` unless it starts with a path."""
    try:
        print(message if not message.startswith(("error:", "interrupted", "terminated", "internal"))
              else f"pad-lint: {message}", file=sys.stderr)
    except (OSError, ValueError):
        pass


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
