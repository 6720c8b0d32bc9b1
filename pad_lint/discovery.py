"""Which pads to lint: command-line inputs -> files, stdin and URLs, with exclusions.

Inputs (``pad-lint check INPUT…``):

* a file: linted even when excluded, unless ``--force-exclude`` (or
  ``force-exclude = true``) is set — pre-commit passes every staged file by
  name, so its hook sets it (ruff's behaviour, ruff#1220);
* a directory: searched recursively for ``*.md`` (also ``*.markdown``), skipping
  excluded paths and, with ``respect-gitignore`` (the default), what git ignores;
* a glob (``notes/**/*.md``), expanded relative to the current folder, each match
  handled like a file found in a directory walk;
* ``-``: standard input;
* ``http(s)://`` URLs: HedgeDoc pads, fetched by :mod:`pad_lint.fetch`.

Exclusion patterns (``exclude``, ``extend-exclude``) use .gitignore syntax and
are relative to the folder of the configuration file that applies (the current
folder when there is none). ``exclude`` replaces :data:`DEFAULT_EXCLUDE`;
``extend-exclude`` adds to it.

Sources: ruff ``docs/configuration.md`` (exclude, extend-exclude, force-exclude,
respect-gitignore); gitignore(5) for the pattern syntax (via ``pathspec``).
"""

from __future__ import annotations

import glob
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pathspec

from .config import DEFAULT_EXCLUDE, Config
from .errors import InputError


#: File name endings searched for in directories.
PAD_SUFFIXES: tuple[str, ...] = (".md", ".markdown")

_GLOB_CHARS = set("*?[")


@dataclass(frozen=True)
class Input:
    """One pad to lint.

    ``kind`` is ``file``, ``stdin`` or ``url``; ``path`` the file path as the
    user would write it (relative to the current folder when possible), ``-``
    for stdin, or the URL. ``explicit`` is true for a file named on the command
    line (as opposed to found in a folder or by a glob).
    """

    kind: str
    path: str
    explicit: bool = False


def _resolve(path: Path) -> Path:
    """``path.resolve()``, or its absolute form when it cannot be resolved (a symlink
    loop raises RuntimeError before Python 3.13); reading it then reports the problem."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return Path(os.path.abspath(path))


def is_url(arg: str) -> bool:
    """True for an ``http://`` or ``https://`` argument."""
    low = arg.lower()
    return low.startswith("http://") or low.startswith("https://")


def display_path(path: Path, cwd: Path | None = None) -> str:
    """``path`` relative to ``cwd`` when it is inside it, else as given (POSIX separators kept as the OS writes them)."""
    cwd = cwd or Path.cwd()
    try:
        # resolve the folder only: a symlinked pad is shown under its own name
        return str((_resolve(path.parent) / path.name).relative_to(_resolve(cwd)))
    except ValueError:
        return str(path)


def exclusion_spec(config: Config) -> pathspec.PathSpec:
    """The .gitignore-style spec of ``exclude`` (or the defaults) plus ``extend-exclude``."""
    return _spec(tuple(config.exclude), tuple(config.extend_exclude))


@lru_cache(maxsize=128)
def _spec(exclude: tuple[str, ...], extend: tuple[str, ...]) -> pathspec.PathSpec:
    return pathspec.GitIgnoreSpec.from_lines([*exclude, *extend])


def _root_of(config: Config) -> Path:
    return Path(config.source).resolve().parent if config.source else Path.cwd().resolve()


def is_excluded(path: Path, config: Config, *, is_dir: bool = False) -> bool:
    """True when ``path`` (or one of its folders below the configuration's root)
    matches ``exclude``/``extend-exclude``."""
    spec = exclusion_spec(config)
    root = _root_of(config)
    p = _resolve(path)
    try:
        rel = p.relative_to(root).as_posix()
    except ValueError:
        rel = p.as_posix().lstrip("/")
    if rel in ("", "."):
        return False
    return spec.match_file(rel + "/" if is_dir else rel) or any(
        spec.match_file(parent + "/") for parent in _parents(rel))


def _parents(rel: str) -> Iterator[str]:
    parts = rel.split("/")
    for i in range(1, len(parts)):
        yield "/".join(parts[:i])


class GitIgnore:
    """What git would ignore: ``.gitignore`` files from the repository root down to
    each folder, plus ``.git/info/exclude``. Outside a git repository nothing is ignored."""

    def __init__(self) -> None:
        self._repo_cache: dict[Path, Path | None] = {}
        self._spec_cache: dict[Path, pathspec.PathSpec | None] = {}

    def _repo_root(self, directory: Path) -> Path | None:
        if directory in self._repo_cache:
            return self._repo_cache[directory]
        root: Path | None
        if (directory / ".git").exists():
            root = directory
        elif directory.parent == directory:
            root = None
        else:
            root = self._repo_root(directory.parent)
        self._repo_cache[directory] = root
        return root

    def _dir_spec(self, directory: Path, root: Path) -> pathspec.PathSpec | None:
        if directory in self._spec_cache:
            return self._spec_cache[directory]
        lines: list[str] = []
        files = [directory / ".gitignore"]
        if directory == root:
            files.insert(0, root / ".git" / "info" / "exclude")
        for f in files:
            try:
                lines += f.read_text(encoding="utf-8", errors="replace").splitlines()
            except OSError:
                pass
        spec = pathspec.GitIgnoreSpec.from_lines(lines) if lines else None
        self._spec_cache[directory] = spec
        return spec

    def ignored(self, path: Path, *, is_dir: bool = False) -> bool:
        """True when git ignores ``path`` (a file, or a folder with ``is_dir``)."""
        p = _resolve(path)
        root = self._repo_root(p.parent)
        if root is None:
            return False
        rel_parts = p.relative_to(root).parts
        if rel_parts and rel_parts[0] == ".git":
            return True
        # Check each folder level: a deeper .gitignore overrides a shallower one,
        # and an ignored folder hides everything below it.
        for depth in range(len(rel_parts)):
            sub = rel_parts[: depth + 1]
            is_leaf = depth == len(rel_parts) - 1
            leaf_is_dir = is_dir if is_leaf else True
            verdict: bool | None = None
            for level in range(depth + 1):
                d = root.joinpath(*rel_parts[:level])
                spec = self._dir_spec(d, root)
                if spec is None:
                    continue
                rel = "/".join(sub[level:]) + ("/" if leaf_is_dir else "")
                res = spec.check_file(rel)
                if res.include is not None:
                    verdict = res.include
            if verdict:
                return True
        return False


def iter_inputs(args: list[str], config_for: Callable[[Path], Config], *, force_exclude: bool = False,
                cwd: Path | None = None) -> Iterator[Input]:
    """Expand command-line inputs into pads, in a stable order.

    ``config_for(path)`` returns the configuration that applies to a file or
    folder (it decides exclusions and ``respect-gitignore``). Directory
    contents are yielded sorted by name, so output is reproducible.

    Raises:
        InputError: a path that does not exist, a glob that matches nothing, or a
            folder holding no pad (the message names it).
    """
    cwd = cwd or Path.cwd()
    gitignore = GitIgnore()
    seen: set[str] = set()

    def emit(inp: Input) -> Iterator[Input]:
        key = inp.path if inp.kind != "file" else os.path.normcase(str(_resolve(Path(inp.path))))
        if key not in seen:
            seen.add(key)
            yield inp

    for arg in args:
        if arg == "-":
            yield from emit(Input("stdin", "-", explicit=True))
            continue
        if is_url(arg):
            yield from emit(Input("url", arg, explicit=True))
            continue
        p = Path(arg)
        if p.is_dir():
            cfg = config_for(p)
            if force_exclude or cfg.force_exclude:
                if is_excluded(p, cfg, is_dir=True) or (cfg.respect_gitignore and gitignore.ignored(p, is_dir=True)):
                    continue
            found = False
            for f in _walk(p, config_for, gitignore, set()):
                found = True
                yield from emit(Input("file", display_path(f, cwd)))
            if not found and not _has_any_pad(p):
                raise InputError("no Markdown pads found in this folder (looked for *.md)", path=arg)
            continue
        if p.exists() or not any(c in arg for c in _GLOB_CHARS):
            if p.exists():
                cfg = config_for(p)
                if (force_exclude or cfg.force_exclude) and (
                        is_excluded(p, cfg) or (cfg.respect_gitignore and gitignore.ignored(p))):
                    continue
            # A missing path is reported when it is read, with the other input errors.
            yield from emit(Input("file", arg, explicit=True))
            continue
        matches = sorted(glob.glob(arg, recursive=True))
        if not matches:
            raise InputError("no file matches this pattern", path=arg)
        for m in matches:
            mp = Path(m)
            if mp.is_dir():
                for f in _walk(mp, config_for, gitignore, set()):
                    yield from emit(Input("file", display_path(f, cwd)))
            elif mp.is_file():
                cfg = config_for(mp)
                if is_excluded(mp, cfg) or (cfg.respect_gitignore and gitignore.ignored(mp)):
                    continue
                yield from emit(Input("file", m))


def _regular_or_broken(entry: os.DirEntry[str]) -> bool:
    """A regular file, or a link that cannot be followed (reading it reports why)."""
    try:
        return entry.is_file() or (entry.is_symlink() and not os.path.exists(entry.path))
    except OSError:
        return True


def _has_any_pad(directory: Path) -> bool:
    for _dirpath, _dirs, files in os.walk(directory):
        if any(f.lower().endswith(PAD_SUFFIXES) for f in files):
            return True
    return False


def _walk(top: Path, config_for: Callable[[Path], Config], gitignore: GitIgnore,
          visited: set[tuple[int, int]]) -> Iterator[Path]:
    """Regular ``*.md`` files under ``top`` in path order (folders and files sorted
    together by name), pruning excluded and git-ignored folders without entering
    them. A folder reached twice (a symlink loop or two links to one folder) is
    walked once; pipes, sockets and devices named ``*.md`` are skipped."""
    try:
        st = top.stat()
    except OSError as exc:
        raise InputError(f"cannot list this folder ({exc.strerror or exc})", path=str(top)) from None
    if (st.st_dev, st.st_ino) in visited:
        return
    visited.add((st.st_dev, st.st_ino))
    try:
        entries = sorted(os.scandir(top), key=lambda e: e.name)
    except OSError as exc:
        raise InputError(f"cannot list this folder ({exc.strerror or exc})", path=str(top)) from None
    cfg = config_for(top)
    for entry in entries:
        p = Path(entry.path)
        try:
            is_dir = entry.is_dir()
        except OSError:  # e.g. a symlink loop: a pad name is kept, so reading it reports the problem
            is_dir = False
        if is_dir:
            sub_cfg = config_for(p)
            if is_excluded(p, sub_cfg, is_dir=True) or (sub_cfg.respect_gitignore and gitignore.ignored(p, is_dir=True)):
                continue
            yield from _walk(p, config_for, gitignore, visited)
        elif entry.name.lower().endswith(PAD_SUFFIXES) and _regular_or_broken(entry):
            if is_excluded(p, cfg) or (cfg.respect_gitignore and gitignore.ignored(p)):
                continue
            yield p
