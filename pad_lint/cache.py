"""A content-hash cache of lint results, so unchanged pads are not linted again.

Key: SHA-256 of (the pad's bytes, the path it is shown as — per-file-ignores and
messages depend on it — the configuration, pad-lint's version and a
fingerprint of the installed pad-lint code and rule registry). A new version,
an edited rule module or a different configuration therefore misses the
cache; nothing needs invalidating by hand. ``pad-lint clean`` deletes it,
``--no-cache`` bypasses it.

Files next to the pad: some link rules look at the files a pad links to
(LNK004 whether ``./plan.pdf`` exists, LNK007 whether ``slurm/README.md`` does,
LNK003 the headings of a linked ``./other.md``). Which files those are is only
known once the pad is parsed, so they cannot be part of the key itself: each
entry records the state of every local file the pad links to
(:func:`local_dependencies`, :func:`dependency_state`: missing, folder, file,
and the content hash of a linked Markdown file), and an entry whose recorded
states differ from the files now is a miss. Creating, deleting or replacing a
linked file therefore gives a fresh result, as if the states were in the key.

Location: ``platformdirs.user_cache_dir("pad-lint")`` (e.g.
``~/.cache/pad-lint`` on Linux), or ``--cache-dir`` / ``PAD_LINT_CACHE_DIR``.
One small JSON file per entry under ``v1/<2 hex>/<hash>.json``, written
atomically, so parallel workers never see a half-written entry. Runs with
``--fix``/``--diff``, standard input, URLs and online link checks are not cached.

A cache folder that cannot be used (the path is a file, or it cannot be written)
is found once per run by :func:`cache_problem`; the command line then prints one
warning and checks without the cache, with its usual exit code (as ruff does).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__

if TYPE_CHECKING:
    from .config import Config
    from .report import FileResult

CACHE_FORMAT = "v1"


def default_cache_dir() -> Path:
    """The user cache folder for pad-lint (``PAD_LINT_CACHE_DIR`` wins)."""
    env = os.environ.get("PAD_LINT_CACHE_DIR")
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("pad-lint", appauthor=False))


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of pad-lint's version, its source files (size and mtime) and the rule registry."""
    from .rules.registry import all_rules

    h = hashlib.sha256(__version__.encode())
    root = Path(__file__).resolve().parent
    for p in sorted(root.rglob("*")):
        if p.suffix in (".py", ".json", ".tsv", ".txt", ".yml", ".yaml", ".toml") and "__pycache__" not in p.parts:
            try:
                st = p.stat()
            except OSError:
                continue
            h.update(f"{p.relative_to(root)}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    for r in all_rules():
        h.update(f"{r.code}:{r.name}:{r.severity.value}:{r.default_enabled}\n".encode())
    return h.hexdigest()


def config_fingerprint(config: "Config") -> str:
    """Hash of every configuration value (not where it came from)."""
    data = config.model_dump(mode="json", exclude={"source"})
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def local_dependencies(shown_path: str, view: Any) -> list[str]:
    """The local files whose state a pad's result depends on, as paths next to the pad.

    Every link or image address without a scheme that does not start with ``#``,
    ``?`` or ``/`` (other pads on the server), resolved against the pad's folder as
    the link rules resolve them (``./x``, ``../x`` and also ``x``, which LNK007
    looks for): a superset of what LNK003, LNK004 and LNK007 read.
    """
    from urllib.parse import unquote, urlsplit

    from .links.urls import scheme_of

    base = Path(shown_path).parent
    out: set[str] = set()
    for url in [link.href for link in view.links] + [img.src for img in view.images]:
        url = (url or "").strip()
        if not url or url.startswith(("#", "?", "/")) or scheme_of(url) is not None:
            continue
        try:
            rel = unquote(urlsplit(url).path)
        except ValueError:
            continue
        if rel:
            out.add(str(base / rel))
    return sorted(out)


def dependency_state(path: str) -> str:
    """What the link rules can see of ``path``: ``missing``, ``dir``, ``other``, or ``file``
    (for a Markdown file, whose headings LNK003 reads, ``file:`` and its content's SHA-256)."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):  # ValueError: a NUL byte (%00) in the address
        return "missing"
    if stat.S_ISDIR(st.st_mode):
        return "dir"
    if not stat.S_ISREG(st.st_mode):
        return "other"
    if Path(path).suffix.lower() in (".md", ".markdown"):
        try:
            with open(path, "rb") as fh:  # (hashlib.file_digest is Python 3.11+)
                h = hashlib.sha256()
                for block in iter(lambda: fh.read(1 << 16), b""):
                    h.update(block)
                return "file:" + h.hexdigest()
        except OSError:
            return "file:unreadable"
    return "file"


def cache_problem(directory: str | os.PathLike[str]) -> str | None:
    """Why the cache cannot be used in ``directory`` (plain words), or None when it can.

    Creates the folder if needed and writes then removes a temporary file in it, which
    is what storing an entry needs.
    """
    root = Path(directory) / CACHE_FORMAT
    try:
        root.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=root, suffix=".tmp")
        os.close(fd)
        os.unlink(tmp)
    except OSError as exc:
        for p in (root, *root.parents):  # the closest existing one: a file where a folder should be?
            if p.exists():
                if not p.is_dir():
                    return "it is a file, not a folder" if p == Path(directory) else f"{p} is a file, not a folder"
                break
        if isinstance(exc, PermissionError):
            return "no permission to write there"
        return f"it cannot be created or written: {exc.strerror or exc}"
    return None


class ResultCache:
    """Read and write cached :class:`~pad_lint.report.FileResult` objects under ``directory``."""

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.root = Path(directory) / CACHE_FORMAT

    def key(self, content_sha256: str, shown_path: str, config: "Config", with_lines: bool) -> str:
        """The entry key: content, shown path, configuration, code fingerprint and output needs."""
        parts = [content_sha256, shown_path, config_fingerprint(config), code_fingerprint(), str(with_lines)]
        return hashlib.sha256("\0".join(parts).encode()).hexdigest()

    def _file(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, content_sha256: str, shown_path: str, config: "Config", with_lines: bool) -> "FileResult | None":
        """The cached result, or None (missing or unreadable entries are misses, and so are
        entries made when a local file the pad links to was in another state)."""
        from .report import FileResult
        from .report.model import ReportDiagnostic

        try:
            data = json.loads(self._file(self.key(content_sha256, shown_path, config, with_lines)).read_text("utf-8"))
            if any(dependency_state(path) != state for path, state in data["deps"].items()):
                return None
            return FileResult(path=data["path"],
                              findings=[ReportDiagnostic.model_validate(f) for f in data["findings"]],
                              lines={int(k): v for k, v in data["lines"].items()}, cached=True)
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, content_sha256: str, shown_path: str, config: "Config", with_lines: bool,
            result: "FileResult", dependencies: list[str] | None = None) -> None:
        """Store ``result``, with the current state of the local ``dependencies`` (the paths
        :func:`local_dependencies` gives for the pad); failures (read-only disk, full disk)
        are ignored: the cache is an optimisation."""
        target = self._file(self.key(content_sha256, shown_path, config, with_lines))
        data = {"path": result.path, "findings": [f.model_dump(mode="json") for f in result.findings],
                "lines": {str(k): v for k, v in result.lines.items()},
                "deps": {path: dependency_state(path) for path in dependencies or ()}}
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, ensure_ascii=False)
            os.replace(tmp, target)
        except OSError:
            try:
                os.unlink(tmp)  # type: ignore[possibly-undefined]
            except (OSError, UnboundLocalError):
                pass


def clear_cache(directory: str | os.PathLike[str]) -> bool:
    """Delete the cache folder; True when there was one.

    Raises:
        InputError: the folder exists but cannot be removed.
    """
    from .errors import InputError

    p = Path(directory)
    if not p.exists():
        return False
    try:
        shutil.rmtree(p)
    except OSError as exc:
        raise InputError(f"cannot remove the cache ({exc.strerror or exc})", path=str(p)) from None
    return True
