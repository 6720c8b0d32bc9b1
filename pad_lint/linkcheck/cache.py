"""Persistent cache of successful link checks, in the user cache folder.

Only successes are written (link-checking.md §5.6, lychee PR #2105: a failure
replayed from a cache hides a fixed link, and a transient failure would stick).
Entries older than ``cache-max-age`` seconds are ignored, and an entry is used
only if its HTTP status is still accepted by the current ``accept`` list, so the
cache never overrides the current policy (lychee #840).

File: ``<user cache dir>/links-v1.json`` where the folder is ``[links] cache-dir``,
else ``$PAD_LINT_CACHE_DIR``, else :func:`platformdirs.user_cache_dir` ``("pad-lint")``.
Writes go to a temporary file then :func:`os.replace`, merged with what another
run may have written meanwhile.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path
from typing import Iterable

from .result import LinkResult

CACHE_FILE = "links-v1.json"


def default_cache_dir(configured: str | None = None) -> Path:
    """Where the cache lives (see module docstring)."""
    if configured:
        return Path(configured).expanduser()
    env = os.environ.get("PAD_LINT_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("pad-lint", appauthor=False))


class LinkCache:
    """Successful results by URL, with their check time.

    Args:
        directory: folder of the cache file (created on save).
        max_age: seconds a result stays valid.
        accept: HTTP status codes accepted now.
    """

    def __init__(self, directory: Path, max_age: float, accept: Iterable[int]) -> None:
        self.path = Path(directory) / CACHE_FILE
        self.max_age = max_age
        self.accept = set(accept)
        self._entries = self._read()
        self._new: dict[str, dict] = {}

    def _read(self) -> dict[str, dict]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        entries = data.get("entries") if isinstance(data, dict) else None
        return entries if isinstance(entries, dict) else {}

    def get(self, url: str, now: float | None = None) -> LinkResult | None:
        """A fresh cached success for ``url``, marked ``from_cache``, or ``None``."""
        entry = self._new.get(url) or self._entries.get(url)
        if not isinstance(entry, dict):
            return None
        try:
            result = LinkResult.from_json(entry)
        except (TypeError, ValueError):
            return None
        now = time.time() if now is None else now
        if not result.fine or now - result.checked_at > self.max_age or result.checked_at > now + 60:
            return None
        if result.http_status is not None and result.http_status not in self.accept:
            return None
        result.from_cache = True
        result.requests = 0
        result.elapsed = 0.0
        return result

    def put(self, result: LinkResult) -> None:
        """Remember ``result`` if it is a success; failures are never cached."""
        if result.fine and not result.from_cache:
            self._new[result.url] = result.to_json()

    def save(self) -> None:
        """Write new entries, merged with the file's current content; stale entries are dropped."""
        if not self._new:
            return
        now = time.time()
        merged = {u: e for u, e in self._read().items()
                  if isinstance(e, dict) and now - float(e.get("checked_at", 0)) <= self.max_age}
        merged.update(self._new)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".links-", suffix=".json", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump({"version": 1, "entries": merged}, fh, ensure_ascii=False)
            os.replace(tmp, self.path)
        except OSError:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            return
        self._entries = merged
        self._new = {}
