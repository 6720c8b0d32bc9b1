"""Reading a pad: bytes -> text, with the facts needed to write it back unchanged.

A :class:`Pad` holds the decoded text with line breaks normalised to ``\\n``
(markdown-it and every rule work on that), plus what ``--fix`` needs to restore
the original bytes: encoding, byte-order mark and each line's own line ending.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import os
import re
import stat
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .errors import InputError
from .spans import LineIndex

_NEWLINE = re.compile(r"\r\n|\r|\n")

#: Byte-order marks and the codec of the text after them. The byte order is part
#: of the codec name (``utf-16-be``), not left to the platform: Python's plain
#: ``utf-16`` codec writes the machine's order, which turned big-endian pads into
#: little-endian ones on ``--fix``. UTF-32-LE comes before UTF-16-LE (same first bytes).
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: The BOM written back before the text, per codec (``utf-8-sig`` writes its own).
_BOM_OF = {name: bom for bom, name in _BOMS if name != "utf-8-sig"}


@dataclass
class Pad:
    """One pad's text and provenance.

    Attributes:
        text: decoded text, line breaks normalised to ``\\n``, BOM removed.
        path: display path (file path, ``-`` for stdin, or the URL fetched).
        encoding: Python codec name used to decode: ``utf-8``, ``utf-8-sig`` (UTF-8 with a BOM),
            or ``utf-16-be``, ``utf-16-le``, ``utf-32-be``, ``utf-32-le`` (always read after
            their BOM, which is written back in the same byte order).
        line_endings: the original ending of each line (``"\\n"``, ``"\\r\\n"``, ``"\\r"`` or
            ``""`` for a last line without one), so writes restore them exactly.
        sha256: hex digest of the raw bytes (empty when built from text).
    """

    text: str
    path: str | None = None
    encoding: str = "utf-8"
    line_endings: list[str] = field(default_factory=list)
    sha256: str = ""

    @cached_property
    def index(self) -> LineIndex:
        return LineIndex(self.text)

    @property
    def has_bom(self) -> bool:
        return self.encoding in ("utf-8-sig", "utf-16", "utf-32") or self.encoding in _BOM_OF

    def decode(self, data: bytes) -> str:
        """Decode ``data`` (bytes this pad's :meth:`to_bytes` made) to text, without the BOM."""
        text = data.decode(self.encoding)
        return text[1:] if text.startswith("\ufeff") else text

    @classmethod
    def from_text(cls, text: str, path: str | None = None) -> "Pad":
        """Build a pad from already-decoded text (library use).

        NUL characters become U+FFFD, as CommonMark (and markdown-it) require;
        offsets are unchanged, so every span still points at the right place.

        Raises:
            TypeError: ``text`` is not a ``str`` (decode bytes with :meth:`from_bytes`).
        """
        if not isinstance(text, str):
            raise TypeError(f"a pad's text must be str, not {type(text).__name__}"
                            + (" (use Pad.from_bytes for bytes)" if isinstance(text, (bytes, bytearray)) else ""))
        if text.startswith("\ufeff"):
            text = text[1:]
        sha256 = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        if "\x00" in text:
            text = text.replace("\x00", "\ufffd")
        normalised, endings = split_line_endings(text)
        return cls(text=normalised, path=path, line_endings=endings, sha256=sha256)

    @classmethod
    def from_bytes(cls, data: bytes, path: str | None = None) -> "Pad":
        """Decode raw bytes.

        UTF-8 is the default; a UTF-8/16/32 byte-order mark selects that codec.

        Raises:
            InputError: NUL bytes without a UTF-16/32 BOM (a binary file), or bytes
                that are not valid in the encoding; the message gives line and column.
        """
        encoding = "utf-8"
        body = data
        for bom, name in _BOMS:
            if data.startswith(bom):
                encoding = name
                if name in _BOM_OF:
                    body = data[len(bom):]
                break
        if encoding == "utf-8" and b"\x00" in data:
            line, col = _line_col_of_byte(data, data.index(b"\x00"))
            raise InputError("contains NUL bytes: this looks like a binary file, not a Markdown pad",
                             path=path, line=line, column=col)
        try:
            text = body.decode(encoding)
        except UnicodeDecodeError as exc:
            exc.start += len(data) - len(body)
            line, col = _line_col_of_byte(data, exc.start)
            raise InputError(
                f"is not valid {encoding.upper().replace('-SIG', '')} (byte 0x{data[exc.start]:02x} at byte offset {exc.start}); "
                "re-save the pad as UTF-8", path=path, line=line, column=col) from None
        if text.startswith("\ufeff"):
            text = text[1:]
        if "\x00" in text:
            raise InputError("contains NUL characters; pads must be plain text", path=path)
        normalised, endings = split_line_endings(text)
        return cls(text=normalised, path=path, encoding=encoding, line_endings=endings,
                   sha256=hashlib.sha256(data).hexdigest())

    def to_bytes(self, text: str | None = None) -> bytes:
        """Encode ``text`` (default: this pad's text) back with the original encoding,
        BOM and line endings. Lines beyond the original count get the dominant ending."""
        text = self.text if text is None else text
        lines = text.split("\n")
        default = dominant_line_ending(self.line_endings)
        out = []
        for i, line in enumerate(lines):
            if i < len(lines) - 1:
                ending = self.line_endings[i] if i < len(self.line_endings) and self.line_endings[i] else default
            else:
                ending = ""
            out.append(line + ending)
        raw = "".join(out)
        if self.encoding == "utf-8-sig":
            return codecs.BOM_UTF8 + raw.encode("utf-8")
        return _BOM_OF.get(self.encoding, b"") + raw.encode(self.encoding)


def split_line_endings(text: str) -> tuple[str, list[str]]:
    """Return ``text`` with ``\\n`` line breaks and the list of original endings per line."""
    endings = _NEWLINE.findall(text)
    if not endings or endings == ["\n"] * len(endings):
        return text, endings + [""]
    return _NEWLINE.sub("\n", text), endings + [""]


def dominant_line_ending(endings: list[str]) -> str:
    counts: dict[str, int] = {}
    for e in endings:
        if e:
            counts[e] = counts.get(e, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else "\n"


def _line_col_of_byte(data: bytes, pos: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, pos) + 1
    start = data.rfind(b"\n", 0, pos) + 1
    col = len(data[start:pos].decode("utf-8", "replace")) + 1
    return line, col


#: Largest pad file read, as for pads fetched by URL (``pad_lint.fetch.MAX_BYTES``). A
#: 5 MB pad already takes a minute and 700 MB of memory to lint; HedgeDoc's own
#: default limit (``documentMaxLength``) is 100,000 characters.
MAX_PAD_BYTES = 20 * 1024 * 1024


def read_pad(path: str | os.PathLike[str]) -> Pad:
    """Read and decode a pad file.

    Raises:
        InputError: missing file, a directory, unreadable, larger than
            :data:`MAX_PAD_BYTES`, binary or badly encoded.
    """
    p = Path(path)
    shown = str(path)
    try:
        mode = p.stat().st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError
        if not stat.S_ISREG(mode):  # opening a FIFO would wait forever for a writer
            raise InputError("is not a regular file (a pipe, socket or device); pads are read from files "
                             "or from standard input with `-`", path=shown)
        with open(p, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            data = f.read(MAX_PAD_BYTES + 1) if size <= MAX_PAD_BYTES else b""
            if size > MAX_PAD_BYTES or len(data) > MAX_PAD_BYTES:
                raise InputError(f"is {max(size, len(data)) / 1e6:.1f} MB; pads larger than "
                                 f"{MAX_PAD_BYTES // (1024 * 1024)} MB are refused (HedgeDoc itself stops "
                                 "at 100,000 characters by default)", path=shown)
    except FileNotFoundError:
        if p.is_symlink():
            raise InputError(f"is a broken symbolic link (it points to {os.readlink(p)}, which does not exist)",
                             path=shown) from None
        raise InputError("no such file", path=shown) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a pad file", path=shown) from None
    except PermissionError:
        raise InputError("permission denied: cannot read this file", path=shown) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError("is a symbolic link that loops back on itself", path=shown) from None
        if p.is_symlink() and not p.exists():
            raise InputError(f"is a broken symbolic link (it points to {os.readlink(p)}, which does not exist)",
                             path=shown) from None
        raise InputError(f"cannot be read ({exc.strerror or exc})", path=shown) from None
    return Pad.from_bytes(data, path=shown)
