"""The lint engine: one parse per pad, every enabled rule reads the shared result."""

from __future__ import annotations

import fnmatch
from pathlib import Path, PurePath

from .config import Config
from .diagnostics import Diagnostic, Severity
from .markdown.view import PadView, build_view
from .rules.context import LintContext
from .rules.registry import Rule, all_rules, resolve_selector
from .source import Pad


def _codes(selectors: list[str]) -> set[str]:
    out: set[str] = set()
    for s in selectors:
        out.update(r.code for r in resolve_selector(s))
    return out


def _path_matches(path: str | None, pattern: str, root: str | None = None) -> bool:
    """True when ``path`` matches a ``per-file-ignores`` glob.

    The glob is tried against the path relative to ``root`` (the configuration
    file's folder), the path as given, and the file name, so ``archives/*.md``,
    ``**/drafts/*.md`` and ``README.md`` all work wherever pad-lint runs from.
    """
    if not path:
        return False
    p = PurePath(path)
    candidates = {path, p.as_posix(), p.name}
    if root is not None:
        import os

        try:
            rel = Path(os.path.abspath(path)).relative_to(Path(os.path.abspath(root)))
            candidates.add(rel.as_posix())
        except ValueError:
            pass
    return any(fnmatch.fnmatch(c, pt) or PurePath(c).match(pt) for c in sorted(candidates) for pt in glob_forms(pattern))


def glob_forms(pattern: str) -> list[str]:
    """The forms of a ``per-file-ignores`` glob that are tried, in order: the glob, and
    without its leading ``**/`` (so ``**/drafts/*.md`` also matches ``drafts/a.md``)."""
    return [pattern, pattern[3:]] if pattern.startswith("**/") else [pattern]


def enabled_codes(config: Config, path: str | None = None) -> set[str]:
    """Codes of the rules that run on the pad at ``path`` under ``config``.

    Order as in ruff: ``select`` (or every default rule), plus ``extend-select``,
    minus ``ignore``, minus the ``per-file-ignores`` entries matching ``path``.
    """
    rules = all_rules()
    if config.select is None:
        codes = {r.code for r in rules if r.default_enabled}
    else:
        codes = _codes(config.select)
    codes |= _codes(config.extend_select)
    codes -= _codes(config.ignore)
    root = str(Path(config.source).parent) if config.source else None
    for pattern, selectors in config.per_file_ignores.items():
        if _path_matches(path, pattern, root):
            codes -= _codes(selectors)
    return codes


def _severity_overrides(config: Config) -> dict[str, Severity]:
    out: dict[str, Severity] = {}
    # Broader selectors first, so that a code-level override wins over a family one.
    for selector, sev in sorted(config.severity.items(), key=lambda kv: len(resolve_selector(kv[0])), reverse=True):
        for r in resolve_selector(selector):
            out[r.code] = Severity(sev)
    return out


def lint_pad(pad: Pad, config: Config | None = None, view: PadView | None = None) -> list[Diagnostic]:
    """Lint one pad; diagnostics sorted by position.

    The pad is parsed once (:func:`~pad_lint.markdown.view.build_view`), or not at
    all when the caller passes the ``view`` it already built for ``pad`` (e.g. to
    collect URLs for :func:`pad_lint.linkcheck.check_urls`); the event document is
    built at most once, on the first rule that asks for it.
    """
    config = config or Config()
    ctx = LintContext(pad=pad, view=view if view is not None else build_view(pad), config=config)
    codes = enabled_codes(config, pad.path)
    overrides = _severity_overrides(config)
    rules: list[Rule] = [r for r in all_rules() if r.check is not None and r.code in codes]
    diagnostics: list[Diagnostic] = []
    for r in rules:
        for diag in r.check(ctx):  # type: ignore[misc]
            if diag.code in codes:
                diagnostics.append(diag)
    from .suppress import apply_directives

    diagnostics = apply_directives(ctx, diagnostics, codes)
    if overrides:  # after directives, so that NOQA findings follow `severity` too
        diagnostics = [d.model_copy(update={"severity": overrides[d.code]}) if d.code in overrides else d
                       for d in diagnostics]
    diagnostics.sort(key=Diagnostic.sort_key)
    return diagnostics
