"""A content-hash cache of lint results, so unchanged pads are not linted again.

Key: SHA-256 of (the pad's bytes, the path it is shown as — per-file-ignores and
messages depend on it — the configuration, pad-lint's version and a
fingerprint of the installed pad-lint code and rule registry). A new version,
an edited rule module or a different configuration therefore misses the
cache; nothing needs invalidating by hand. ``pad-lint clean`` deletes it,
``--no-cache`` bypasses it.

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
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

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
        """The cached result, or None (missing or unreadable entries are misses)."""
        from .report import FileResult
        from .report.model import ReportDiagnostic

        try:
            data = json.loads(self._file(self.key(content_sha256, shown_path, config, with_lines)).read_text("utf-8"))
            return FileResult(path=data["path"],
                              findings=[ReportDiagnostic.model_validate(f) for f in data["findings"]],
                              lines={int(k): v for k, v in data["lines"].items()}, cached=True)
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, content_sha256: str, shown_path: str, config: "Config", with_lines: bool,
            result: "FileResult") -> None:
        """Store ``result``; failures (read-only disk, full disk) are ignored: the cache is an optimisation."""
        target = self._file(self.key(content_sha256, shown_path, config, with_lines))
        data = {"path": result.path, "findings": [f.model_dump(mode="json") for f in result.findings],
                "lines": {str(k): v for k, v in result.lines.items()}}
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
