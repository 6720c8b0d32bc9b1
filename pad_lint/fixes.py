"""Applying fixes: edits on the text, the lint+fix loop, and safe writes.

* :func:`apply_fixes` applies the fixes of one lint pass (non-overlapping, safe
  only unless ``unsafe``);
* :func:`fix_pad` loops lint + fix until nothing changes (at most
  :data:`MAX_PASSES` passes), so running it twice gives the same text;
* :func:`encode_like` encodes the result with the pad's encoding, BOM and line
  endings (lines that a fix did not touch keep their own ending);
* :func:`write_atomic` writes a temporary file next to the pad then renames it
  over the pad (``os.replace``), keeping the permissions, and refuses to write
  when the file changed since it was read.

Fix safety follows ruff (``docs/linter.md`` "Fix safety"): ``safe`` fixes keep
the meaning and are applied by ``--fix``; ``unsafe`` ones need ``--unsafe-fixes``.
"""

from __future__ import annotations

import bisect
import difflib
import hashlib
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .config import Config
from .diagnostics import Applicability, Diagnostic
from .errors import InputError
from .source import Pad, dominant_line_ending

#: Lint+fix passes before giving up on reaching a stable text.
MAX_PASSES = 10


def applicable(diag: Diagnostic, unsafe: bool) -> bool:
    """True when ``diag`` has a fix that this run may apply."""
    return diag.fix is not None and bool(diag.fix.edits) and (
        unsafe or diag.fix.applicability == Applicability.SAFE)


def apply_fixes(text: str, diagnostics: list[Diagnostic], *, unsafe: bool = False) -> tuple[str, int]:
    """Apply the fixes of ``diagnostics`` to ``text``; returns ``(new_text, fixes_applied)``.

    Fixes are taken in position order; a fix whose edits overlap an already
    accepted one waits for the next pass. A fix is applied whole or not at all.
    """
    accepted: list[tuple[int, int, str]] = []
    taken_starts: list[int] = []   # accepted ranges, sorted by start (they never overlap),
    taken_ends: list[int] = []     # so a conflict check looks only at neighbours: O(log n)
    count = 0

    def conflicts(s: int, e: int) -> bool:
        j = max(0, bisect.bisect_left(taken_starts, s) - 1)
        while j < len(taken_starts) and taken_starts[j] <= e:
            if _overlaps(s, e, taken_starts[j], taken_ends[j]):
                return True
            j += 1
        return False

    for diag in sorted(diagnostics, key=lambda d: (min((e.start_offset for e in d.fix.edits), default=0)
                                                    if d.fix else 0, d.code)):
        if not applicable(diag, unsafe):
            continue
        edits = sorted((e.start_offset, e.end_offset, e.content) for e in diag.fix.edits)  # type: ignore[union-attr]
        if any(s > len(text) or e > len(text) or e < s for s, e, _ in edits):
            continue
        ok = all(e <= s2 for (_, e, _), (s2, _, _) in zip(edits, edits[1:]))
        ok = ok and not any(conflicts(s, e) for s, e, _ in edits)
        if not ok:
            continue
        if all(text[s:e] == c for s, e, c in edits):
            continue  # no-op fix
        accepted.extend(edits)
        for s, e, _ in edits:
            i = bisect.bisect_right(taken_starts, s)
            taken_starts.insert(i, s)
            taken_ends.insert(i, e)
        count += 1
    # one pass over the text (slicing per edit would be quadratic on big pads)
    pieces: list[str] = []
    cursor = 0
    for s, e, c in sorted(accepted):
        pieces.append(text[cursor:s])
        pieces.append(c)
        cursor = e
    pieces.append(text[cursor:])
    return "".join(pieces), count


def _overlaps(s1: int, e1: int, s2: int, e2: int) -> bool:
    """Two edits conflict when their ranges share characters, both insert at the
    same point, or one inserts strictly inside the other's range."""
    if s1 == e1 and s2 == e2:
        return s1 == s2
    if s1 == e1:
        return s2 < s1 < e2
    if s2 == e2:
        return s1 < s2 < e1
    return s1 < e2 and s2 < e1


@dataclass
class FixOutcome:
    """Result of :func:`fix_pad`: the final text, fixes applied, passes run and
    the diagnostics of the final text (what is left to fix by hand)."""

    text: str
    fixed: int
    passes: int
    remaining: list[Diagnostic]
    stable: bool


def fix_pad(pad: Pad, config: Config | None = None, *, unsafe: bool = False,
            max_passes: int = MAX_PASSES) -> FixOutcome:
    """Lint and fix ``pad`` until no applicable fix is left (or ``max_passes``).

    ``stable`` is false when fixes were still being produced after the last pass
    (a rule bug: its fix does not resolve its finding).
    """
    from .linter import lint_pad

    text = pad.text
    current = pad
    diagnostics = lint_pad(current, config)
    before = len(diagnostics)

    def resolved() -> int:
        # Findings that fixes made go away. One edit can resolve several findings
        # (INC001 and INC002 on the same form), so edits are not counted.
        return max(0, before - len(diagnostics)) if text != pad.text else 0

    for n in range(1, max_passes + 1):
        new_text, applied = apply_fixes(text, diagnostics, unsafe=unsafe)
        if not applied or new_text == text:
            return FixOutcome(text, resolved(), n, diagnostics, True)
        text = new_text
        current = Pad(text=text, path=pad.path, encoding=pad.encoding)
        diagnostics = lint_pad(current, config)
    stable = not any(applicable(d, unsafe) for d in diagnostics)
    return FixOutcome(text, resolved(), max_passes, diagnostics, stable)


def line_endings_after(pad: Pad, new_text: str) -> list[str]:
    """Line endings for ``new_text``: unchanged lines keep their original ending,
    new or changed lines get the pad's dominant one."""
    old_lines = pad.text.split("\n")
    new_lines = new_text.split("\n")
    default = dominant_line_ending(pad.line_endings)
    old_end = list(pad.line_endings) + [""] * (len(old_lines) - len(pad.line_endings))
    endings = [default] * len(new_lines)
    sm = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                endings[j1 + k] = old_end[i1 + k] or default
        elif tag == "replace" and i2 - i1 == j2 - j1:
            for k in range(i2 - i1):
                endings[j1 + k] = old_end[i1 + k] or default
    endings[-1] = ""
    return endings


def encode_like(pad: Pad, new_text: str) -> bytes:
    """Encode ``new_text`` with ``pad``'s encoding, BOM and line endings."""
    clone = Pad(text=new_text, path=pad.path, encoding=pad.encoding, line_endings=line_endings_after(pad, new_text))
    return clone.to_bytes()


def unified_diff(path: str, old: str, new: str) -> str:
    """A unified diff (``--- path`` / ``+++ path``, as ruff prints it) of two texts; empty when equal."""
    if old == new:
        return ""
    a = old.splitlines(keepends=True)
    b = new.splitlines(keepends=True)
    if a and not a[-1].endswith("\n"):
        a[-1] += "\n\\ No newline at end of file\n"
    if b and not b[-1].endswith("\n"):
        b[-1] += "\n\\ No newline at end of file\n"
    return "".join(difflib.unified_diff(a, b, fromfile=path, tofile=path))


def write_atomic(path: str | os.PathLike[str], data: bytes, *, expected_sha256: str | None = None) -> None:
    """Replace the file at ``path`` with ``data`` atomically.

    Writes a temporary file in the same folder, flushes it to disk, copies the
    permission bits (and owner, when allowed) of the original, then renames it
    over the original with ``os.replace``. A symbolic link is followed: its
    target is rewritten and the link kept. A file with several hard links is
    rewritten in place instead (a rename would detach it from its other names),
    after the complete new content is safely on disk in the temporary file.

    Raises:
        InputError: the file changed since it was read (its SHA-256 differs from
            ``expected_sha256``), or it cannot be written; the original is untouched.
    """
    shown = str(path)
    target = Path(path).resolve()
    try:
        current = target.read_bytes()
        st = target.stat()
    except OSError as exc:
        raise InputError(f"cannot be read back before writing ({exc.strerror or exc})", path=shown) from None
    if expected_sha256 is not None and hashlib.sha256(current).hexdigest() != expected_sha256:
        raise InputError("changed on disk while pad-lint was working on it; not written (run pad-lint again)",
                         path=shown)
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".pad-lint-tmp")
    except OSError as exc:
        raise InputError(f"cannot write in this folder ({exc.strerror or exc}); file left unchanged",
                         path=shown) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
        try:
            os.chown(tmp, st.st_uid, st.st_gid)
        except (PermissionError, AttributeError, OSError):
            pass
        if st.st_nlink > 1:
            with open(target, "r+b") as fh:
                fh.write(data)
                fh.truncate()
                fh.flush()
                os.fsync(fh.fileno())
            os.unlink(tmp)
        else:
            os.replace(tmp, target)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise InputError(f"cannot be written ({exc.strerror or exc}); file left unchanged", path=shown) from None


def fix_text(text: str, config: Config | None = None, *, unsafe: bool = False, path: str | None = None) -> str:
    """Library entry point behind :func:`pad_lint.fix`: the text with every applicable fix applied.

    Line endings and a leading BOM of ``text`` are kept.

    Raises:
        TypeError: ``text`` is not a ``str``.
    """
    pad = Pad.from_text(text, path=path)
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    outcome = fix_pad(pad, config, unsafe=unsafe)
    if outcome.text == pad.text:
        return text
    endings = line_endings_after(pad, outcome.text)
    lines = outcome.text.split("\n")
    return bom + "".join(line + end for line, end in zip(lines, endings))
