"""Configuration: ``.pad-lint.toml`` or ``[tool.pad-lint]`` in ``pyproject.toml``.

Found from each pad's folder upwards, the closest file wins (as ruff does); the search
stops at the root of the git repository holding the pad, so files above a clone never apply.
Strict: an unknown key, rule selector or value is a :class:`~pad_lint.errors.ConfigError`.
Keys are kebab-case in TOML (``per-file-ignores``) and snake_case in Python.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import ConfigError
from .markdown.heading_ids import DEFAULT_DIALECT, Dialect

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_FILES = (".pad-lint.toml", "pad-lint.toml", "pyproject.toml")

#: Folders never searched (gitignore syntax); ``exclude`` replaces this list, ``extend-exclude`` adds to it.
DEFAULT_EXCLUDE: tuple[str, ...] = (
    ".git/", ".hg/", ".svn/", ".bzr/", "node_modules/", ".venv/", "venv/", ".tox/", ".nox/",
    "__pycache__/", "site-packages/", ".pytest_cache/", ".mypy_cache/", ".ruff_cache/",
)


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class _Section(BaseModel):
    # strict: a TOML string is never turned into a boolean or number ("yes" is not true).
    model_config = ConfigDict(extra="forbid", alias_generator=_kebab, populate_by_name=True, frozen=True, strict=True)


class LinksOptions(_Section):
    """``[tool.pad-lint.links]``.

    Online defaults and why (see :mod:`pad_lint.linkcheck`): 6 requests per host, what a
    browser opens to one site over HTTP/1.1; 128 in total, lychee's default; 10 s per
    attempt, 3 retries doubling from 1 s, Retry-After honoured up to 60 s (lychee's cap).
    A "host" is ``host:port``.
    """

    dialect: Dialect = Field(DEFAULT_DIALECT, description="Heading-id dialect used to check #fragment links")
    online: bool = Field(False, description="Check http(s) links over the network (never in pre-commit)")
    timeout: float = Field(10.0, gt=0, description="Seconds per request attempt, body included")
    max_concurrency: int = Field(128, ge=1, description="Requests in flight across all hosts")
    max_per_host: int = Field(6, ge=1, description="Requests in flight per host (host:port)")
    max_retries: int = Field(3, ge=0, description="Retries after 408, 429, 5xx, timeouts and dropped connections")
    retry_wait: float = Field(1.0, ge=0, description="Seconds before the first retry; doubles at each retry")
    max_redirects: int = Field(10, ge=0)
    max_retry_after: float = Field(60.0, ge=0, description="Longest Retry-After honoured, seconds")
    accept: list[int] = Field(default_factory=lambda: [200, 201, 202, 203, 204, 205, 206, 207, 208, 226],
                              description="Accepted HTTP status codes (default: every 2xx code IANA registers)")
    exclude: list[str] = Field(default_factory=list, description="Regular expressions of URLs never checked")
    allow_private: bool = Field(False, description="Allow loopback, private and link-local addresses")
    check_fragments: bool = Field(True, description="Look for #fragments in fetched web pages (needs GET)")
    max_body_size: int = Field(2_000_000, ge=1024, description="Bytes of a page read at most to find a #fragment")
    cache: bool = True
    cache_max_age: float = Field(86400.0, ge=0, description="Seconds a successful result stays cached")
    cache_dir: str | None = Field(None, description="Cache folder (default: the user cache folder, or $PAD_LINT_CACHE_DIR)")

    @field_validator("exclude")
    @classmethod
    def _valid_patterns(cls, value: list[str]) -> list[str]:
        import re

        for pattern in value:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"{pattern!r} is not a valid regular expression ({exc})") from None
        return value

    @field_validator("accept")
    @classmethod
    def _valid_statuses(cls, value: list[int]) -> list[int]:
        bad = [c for c in value if not 100 <= c <= 999]
        if bad:
            raise ValueError(f"{bad[0]} is not an HTTP status code (100 to 999)")
        return value


class InclusiveOptions(_Section):
    """``[tool.pad-lint.inclusive]``."""

    policy: Literal["consistent", "median-dot", "period-allowed", "no-abbreviated-forms"] = Field(
        "consistent", description="Separator norm: the pad's dominant one, only U+00B7, U+00B7 or '.', or doublets only")
    plural: Literal["consistent", "one-dot", "two-dot"] = Field(
        "consistent", description="Plural norm: the pad's dominant style, '·es' or '·e·s'")
    doublet_order: Literal["feminine-first", "masculine-first", "alphabetical"] = Field(
        "feminine-first", description="Word order of the doublets suggested under no-abbreviated-forms")


class LicenceOptions(_Section):
    """``[tool.pad-lint.licence]``."""

    allowed: list[str] = Field(default_factory=list, description="SPDX ids; empty = any recognised licence")

    @field_validator("allowed")
    @classmethod
    def _spdx_ids(cls, value: list[str]) -> list[str]:
        from .licences.spdx import check_expression

        out = []
        for item in value:
            check = check_expression(item)
            if not check.valid:
                raise ValueError(f"{item!r} is not an SPDX licence id (for example CC-BY-SA-4.0, CC0-1.0, "
                                 "etalab-2.0; LicenseRef-… for a licence missing from the SPDX list)")
            out.append(check.normalized)
        return out


class ImagesOptions(_Section):
    """``[tool.pad-lint.images]``."""

    max_alt_length: int = Field(80, ge=1, description="Characters; longer alt text gets IMG005 (RGAA 4.1 glossary: at most 80 characters strongly recommended)")


class Config(_Section):
    """The whole configuration (engine keys plus one table per rule family)."""

    select: list[str] | None = Field(None, description="Rule selectors to enable (default: every rule enabled by default)")
    extend_select: list[str] = Field(default_factory=list)
    ignore: list[str] = Field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = Field(default_factory=dict, description="Glob -> selectors")
    severity: dict[str, Literal["error", "warning", "info"]] = Field(default_factory=dict, description="Selector -> severity")
    exclude: list[str] = Field(default_factory=lambda: list(DEFAULT_EXCLUDE),
                               description="Paths never searched (.gitignore syntax, relative to the configuration "
                                           "file's folder); replaces the defaults")
    extend_exclude: list[str] = Field(default_factory=list, description="Paths never searched, added to `exclude`")
    force_exclude: bool = Field(False, description="Apply exclusions to files named on the command line too "
                                                   "(pre-commit passes every file by name)")
    respect_gitignore: bool = Field(True, description="Skip files ignored by git (.gitignore, .git/info/exclude)")
    links: LinksOptions = Field(default_factory=LinksOptions)
    inclusive: InclusiveOptions = Field(default_factory=InclusiveOptions)
    licence: LicenceOptions = Field(default_factory=LicenceOptions)
    images: ImagesOptions = Field(default_factory=ImagesOptions)

    @field_validator("select", "extend_select", "ignore")
    @classmethod
    def _known_selectors(cls, value: list[str] | None) -> list[str] | None:
        if value:
            for s in value:
                _check_selector(s)
        return value

    @field_validator("per_file_ignores", "severity")
    @classmethod
    def _known_selectors_in_map(cls, value: dict[str, Any]) -> dict[str, Any]:
        for k, v in value.items():
            for s in (v if isinstance(v, list) else [k]):
                _check_selector(s)
        return value

    @field_validator("per_file_ignores")
    @classmethod
    def _usable_globs(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        from pathlib import PurePath

        from .linter import glob_forms

        for pattern in value:
            try:  # pathlib says which patterns it cannot use ("", "." and "**/": "empty pattern")
                for form in glob_forms(pattern):  # each form, whatever an earlier one matches
                    PurePath("pad.md").match(form)
            except ValueError as exc:
                raise ValueError(f"{pattern!r} is not a usable glob ({exc}); use a pattern such as "
                                 "\"archives/*.md\" or \"**/drafts/*.md\"") from None
        return value

    source: str | None = Field(None, exclude=True, description="File the configuration was read from")


def _check_selector(selector: str) -> None:
    from .rules.registry import resolve_selector

    try:
        resolve_selector(selector)
    except KeyError:
        raise ValueError(f"unknown rule selector {selector!r} (use a code like LIC002, a name like "
                         f"licence-placeholder or a prefix like LIC; `pad-lint rules` lists them)") from None


def parse_config(data: Any, source: str | None = None, *, text: str | None = None,
                 table: tuple[str, ...] = ()) -> Config:
    """Validate a configuration mapping.

    ``text`` is the TOML the mapping was read from and ``table`` the keys of the
    table holding it there (``("tool", "pad-lint")`` in ``pyproject.toml``): given
    them, an error names the line and column of the key (or of the bad item).

    Raises:
        ConfigError: unknown key, rule or value, in plain words, naming the file
            (and the position, with ``text``).
    """
    try:
        cfg = Config.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        message, keys, item = describe_error(err, table)
        line = column = None
        if text is not None:
            offset = toml_key_offset(text, (*table, *keys), item)
            if offset is not None:
                line, column = _line_column(text, offset)
        raise ConfigError(message, path=source, line=line, column=column) from None
    return cfg.model_copy(update={"source": source})


# -- plain messages for validation errors -------------------------------------------------

_SELECTORS = 'a list of rule codes, names or prefixes, like ["LNK001", "IMG"]'
_PATHS = 'a list of paths in .gitignore syntax, like ["archives/"]'
#: What a key holds, in the words of an error message (keys relative to the configuration's table).
_EXPECTED = {
    ("select",): _SELECTORS, ("extend-select",): _SELECTORS, ("ignore",): _SELECTORS,
    ("exclude",): _PATHS, ("extend-exclude",): _PATHS,
    ("per-file-ignores",): 'a table of glob = list of rule codes, like { "archives/*.md" = ["INC004"] }',
    ("severity",): 'a table of rule = level, like { IMG = "warning" }',
    ("links", "accept"): "a list of HTTP status codes, like [200, 204]",
    ("links", "exclude"): 'a list of regular expressions, like ["^https://intranet\\\\."]',
    ("licence", "allowed"): 'a list of SPDX licence ids, like ["CC-BY-SA-4.0"]',
}
_TYPE_WORDS = {
    "bool_type": "true or false", "bool_parsing": "true or false",
    "int_type": "a whole number", "int_parsing": "a whole number", "int_from_float": "a whole number",
    "float_type": "a number", "float_parsing": "a number",
    "string_type": "a string in quotes", "list_type": "a list, like [...]", "dict_type": "a table, like { ... }",
}
_BOUNDS = {"greater_than": ("more than", "gt"), "greater_than_equal": ("at least", "ge"),
           "less_than": ("less than", "lt"), "less_than_equal": ("at most", "le")}


def describe_error(err: Any, table: tuple[str, ...] = ()) -> tuple[str, tuple[str, ...], str | None]:
    """A pydantic error in plain words: ``(message, keys, item)``. ``keys`` is the path
    of the key to point at (relative to the configuration's table), ``item`` the bad
    string inside its value when the error names one (an unknown rule selector)."""
    import ast
    import difflib

    loc = tuple(p for p in err["loc"] if isinstance(p, str))
    kind = err["type"]
    ctx = err.get("ctx") or {}
    name = ".".join(loc)

    if kind == "extra_forbidden":
        known = _keys_at(loc[:-1])
        close = difflib.get_close_matches(loc[-1], known, n=1, cutoff=0.6) if known else []
        hint = f" (did you mean `{close[0]}`?)" if close else ""
        return f"unknown configuration key `{name}`{hint}", loc, None
    if kind == "value_error":  # pad-lint's own checks: their message names the bad item
        text = str(ctx.get("error", err["msg"])).removeprefix("Value error, ")
        m = re.search(r"'(?:[^'\\]|\\.)*'", text)
        item = None
        if m:
            with contextlib.suppress(ValueError, SyntaxError):
                item = ast.literal_eval(m.group(0))
        return f"`{name}`: {text}", loc, item if isinstance(item, str) else None
    if kind == "literal_error":
        return f"`{name}` must be {str(ctx.get('expected', '')).replace(chr(39), chr(34))}", loc, None
    if kind in _BOUNDS:
        words, key = _BOUNDS[kind]
        bound = ctx.get(key)
        return f"`{name}` must be {words} {f'{bound:g}' if isinstance(bound, float) else bound}", loc, None
    # a wrong type: say what the key holds, at the level of the key the user wrote
    for n in range(len(loc), 0, -1):
        if loc[:n] in _EXPECTED:
            return f"`{'.'.join(loc[:n])}` must be {_EXPECTED[loc[:n]]}", loc, None
    if kind in ("model_type", "model_attributes_type"):
        where = ".".join((*table, *loc))
        return f"`{where}` must be a table, like [{where}]", loc, None
    if kind in _TYPE_WORDS:
        return f"`{name}` must be {_TYPE_WORDS[kind]}", loc, None
    return f"`{name}` {err['msg'].replace('Input should be', 'must be')}", loc, None


def _keys_at(loc: tuple[str, ...]) -> list[str]:
    """The keys a table of the configuration accepts (for "did you mean")."""
    model: Any = Config
    for part in loc:
        field = next((f for n, f in model.model_fields.items() if _kebab(n) == part), None)
        model = getattr(field, "annotation", None) if field else None
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            return []
    return [_kebab(n) for n in model.model_fields if n != "source"]


# -- where a key is in the TOML text (tomllib gives no positions) ------------------------

_BARE = r"[A-Za-z0-9_-]+"
_BASIC = r'"(?:[^"\\\n]|\\.)*"'
_LITERAL = r"'[^'\n]*'"
_ONE_KEY = re.compile(rf"{_BARE}|{_BASIC}|{_LITERAL}")
_DOTTED = rf"(?:{_ONE_KEY.pattern})(?:[ \t]*\.[ \t]*(?:{_ONE_KEY.pattern}))*"
_HEADER = re.compile(rf"[ \t]*(\[\[?)[ \t]*({_DOTTED})[ \t]*\]")
_KEY_LINE = re.compile(rf"[ \t]*({_DOTTED})[ \t]*=")


def _split_key(dotted: str) -> tuple[str, ...]:
    out = []
    for part in _ONE_KEY.findall(dotted):
        if part.startswith('"'):
            try:
                part = tomllib.loads(f"k = {part}")["k"]
            except tomllib.TOMLDecodeError:
                part = part[1:-1]
        elif part.startswith("'"):
            part = part[1:-1]
        out.append(part)
    return tuple(out)


def toml_keys(text: str) -> list[tuple[tuple[str, ...], int]]:
    """Every table header and ``key =`` of a TOML document: ``(full key path, offset)``.

    A small scanner, not a parser: it skips strings, comments, and the insides of
    arrays and inline tables (whose keys :func:`toml_key_offset` finds by searching
    the value), which is enough to place the keys of a document tomllib accepted."""
    out: list[tuple[tuple[str, ...], int]] = []
    table: tuple[str, ...] = ()
    i, n, depth, line_start = 0, len(text), 0, True
    while i < n:
        if line_start and depth == 0:
            line_start = False
            m = _HEADER.match(text, i)
            if m:
                table = _split_key(m.group(2))
                out.append((table, m.start(1)))
                i = m.end()
                continue
            m = _KEY_LINE.match(text, i)
            if m:
                out.append(((*table, *_split_key(m.group(1))), m.start(1)))
                i = m.end()
                continue
        c = text[i]
        if c == "\n":
            line_start = True
        elif c == "#":
            j = text.find("\n", i)
            i = n if j < 0 else j
            continue
        elif text.startswith('"""', i) or text.startswith("'''", i):
            quote = text[i:i + 3]
            j = i + 3
            while j < n and not text.startswith(quote, j):
                j += 2 if quote == '"""' and text[j] == "\\" else 1
            i = j + 3
            continue
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if c == '"' and text[j] == "\\" else 1
            i = j + 1
            continue
        elif c in "[{":
            depth += 1
        elif c in "]}":
            depth = max(0, depth - 1)
        i += 1
    return out


def toml_key_offset(text: str, keys: tuple[str, ...], item: str | None = None) -> int | None:
    """Offset in ``text`` of the key ``keys`` (a full path), or of the closest key
    above it that can be found; with ``item``, of that string inside the key's value
    when it is there. ``None`` when not even the first key is found."""
    entries = toml_keys(text)
    best, found, end = -1, None, len(text)
    for k, (path, offset) in enumerate(entries):
        if path == keys[:len(path)] and len(path) > best:
            best, found = len(path), offset
            end = next((o for _, o in entries[k + 1:] if o > offset), len(text))
    if found is None:
        return None
    for rest in keys[best:]:  # keys inside an inline table: the next `key =` in the value
        forms = "|".join(re.escape(f) for f in sorted({rest, _toml_string(rest), f"'{rest}'"}, key=len, reverse=True))
        m = re.compile(rf"(?<![\w\"'-])(?:{forms})[ \t]*=").search(text, found, end)
        if not m:
            break
        found = m.start()
    if item is not None:
        quoted = "|".join(re.escape(f) for f in (_toml_string(item), f"'{item}'"))
        bare_key = rf"(?<![\w\"'-]){re.escape(item)}(?=[ \t]*=)"  # a rule given as a key: severity = { IMG = … }
        m = re.compile(f"{quoted}|{bare_key}").search(text, found, end)
        if m:
            found = m.start()
    return found


def _toml_string(value: str) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)


def _line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters, as tomllib counts) of ``offset``."""
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


_AT_END = " (at the end of the file)"


def toml_error_position(exc: Exception, text: str) -> tuple[str, int | None, int | None]:
    """Split a :class:`tomllib.TOMLDecodeError` into ``(message, line, column)`` (1-based).

    Python 3.14 gives ``lineno``/``colno``; earlier versions only end the message with
    ``(at line X, column Y)`` or ``(at end of document)``, the end of ``text`` then.
    """
    import re

    message = str(getattr(exc, "msg", None) or exc)
    line, column = getattr(exc, "lineno", None), getattr(exc, "colno", None)
    m = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
    if m:
        message, line, column = message[:m.start()], int(m.group(1)), int(m.group(2))
    m = re.search(r"\s*\(at end of document\)$", message)
    if m:
        message = message[:m.start()] + _AT_END
        if line is None:
            src = text.replace("\r\n", "\n")  # positions count as tomllib does
            line = src.count("\n") + 1
            column = len(src) - src.rfind("\n")  # rfind gives -1 on the first line: column len+1
    return message, line, column


def load_config_file(path: str | Path) -> Config:
    """Read one configuration file (``pyproject.toml`` uses its ``[tool.pad-lint]`` table).

    Raises:
        ConfigError: unreadable file, TOML syntax error or invalid configuration.
    """
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise ConfigError("configuration file not found", path=str(path)) from None
    except IsADirectoryError:
        raise ConfigError("this is a folder, not a configuration file", path=str(path)) from None
    except OSError as exc:
        raise ConfigError(f"cannot read configuration ({exc.strerror or exc})", path=str(path)) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - raw.rfind(b"\n", 0, exc.start)
        raise ConfigError(f"cannot read configuration: not UTF-8 text (byte 0x{raw[exc.start]:02x}); "
                          "save the file as UTF-8", path=str(path), line=line, column=column) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message, line, column = toml_error_position(exc, text)
        raise ConfigError(f"invalid TOML: {message}", path=str(path), line=line, column=column) from None
    table: tuple[str, ...] = ()
    if p.name == "pyproject.toml":
        tool = data.get("tool", {})
        data = tool.get("pad-lint", {}) if isinstance(tool, dict) else {}
        table = ("tool", "pad-lint")
    return parse_config(data, source=str(path), text=text, table=table)


@lru_cache(maxsize=256)
def _find_config_in(directory: Path) -> Path | None:
    for name in CONFIG_FILES:
        candidate = directory / name
        if candidate.is_file():
            if name == "pyproject.toml":
                try:
                    data = tomllib.loads(candidate.read_text(encoding="utf-8"))
                except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                    return candidate  # let load_config_file report it
                tool = data.get("tool")
                if not isinstance(tool, dict) or "pad-lint" not in tool:
                    continue
            return candidate
    parent = directory.parent
    # A repository's pads are configured inside the repository: the search stops
    # at its root (a folder holding .git), so a stray file above a clone (in /tmp,
    # a home folder) never changes what CI or pre-commit checks.
    if parent == directory or (directory / ".git").exists():
        return None
    return _find_config_in(parent)


def find_config_file(start: str | Path) -> Path | None:
    """The closest configuration file at or above ``start`` (a file or folder), not
    looking above the root of the git repository that holds ``start``."""
    try:
        p = Path(start).resolve()
    except (RuntimeError, OSError):  # a symlink loop (RuntimeError before Python 3.13)
        p = Path(os.path.abspath(start))
    return _find_config_in(p if p.is_dir() else p.parent)


def discover_config(start: str | Path | None) -> Config:
    """Configuration for a pad at ``start``: the closest file, or the defaults."""
    if start is None:
        return Config()
    found = find_config_file(start)
    return load_config_file(found) if found else Config()


def _deep_merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict) and key not in ("per-file-ignores", "severity"):
            out[key] = _deep_merge(out[key], value)
        else:
            out[key] = value
    return out


def config_to_dict(config: Config, *, only_set: bool = False) -> dict[str, Any]:
    """The configuration as kebab-case TOML keys (``only_set``: only keys given explicitly)."""
    return config.model_dump(mode="json", by_alias=True, exclude_unset=only_set, exclude={"source"})


def check_overrides(data: dict[str, Any], origin: str, key: str | None = None) -> None:
    """Validate configuration given on the command line, before any file is read.

    The error reads ``origin: message`` and has no path, so that it prints as every
    other command-line error does (``pad-lint: error: --select: unknown rule …``).
    ``key``: the key the option sets, left out of the message (``--select`` says it).

    Raises:
        ConfigError: the first problem, in plain words.
    """
    try:
        Config.model_validate(data)
    except ValidationError as exc:
        message, _, _ = describe_error(exc.errors()[0])
        if key is not None:
            for long, short in ((f"`{key}`: ", ""), (f"`{key}` ", ""), (f"`{key}.", "`")):
                if message.startswith(long):
                    message = short + message[len(long):]
                    break
        raise ConfigError(f"{origin}: {message}") from None


def parse_overrides(items: list[str]) -> dict[str, Any]:
    """Parse ``--config "KEY = VALUE"`` items (inline TOML, as ruff accepts) into one mapping.

    Raises:
        ConfigError: an item is empty or not valid TOML (the message gives the TOML error
            position within the item), or sets an unknown key or an invalid value.
    """
    merged: dict[str, Any] = {}
    for item in items:
        neither = f"--config {item!r} is neither an existing file nor a valid TOML `key = value` line"
        if not item.strip():
            raise ConfigError(f"{neither} (it is empty)")
        try:
            data = tomllib.loads(item)
        except tomllib.TOMLDecodeError as exc:
            message, line, column = toml_error_position(exc, item)
            at_end = message.endswith(_AT_END)
            message = message.removesuffix(_AT_END)
            where = f"line {line}, column {column}{', at the end' if at_end else ''}: " if line is not None else ""
            raise ConfigError(f"{neither} ({where}{message[:1].lower()}{message[1:]})") from None
        check_overrides(data, f"--config {item!r}")
        merged = _deep_merge(merged, data)
    return merged


class ConfigResolver:
    """Which configuration applies to each pad.

    * ``config_file``: use that file for every pad (``--config PATH``);
    * ``isolated``: ignore every configuration file (``--isolated``);
    * otherwise the closest ``.pad-lint.toml``, ``pad-lint.toml`` or ``pyproject.toml``
      with a ``[tool.pad-lint]`` table, from the pad's folder upwards (closest wins,
      no merging, as in ruff); the defaults when there is none.

    ``overrides`` (``--select``, ``--exclude``, ``--config "key = value"``…) replace the
    keys of whichever configuration is found; ``additions`` (``--extend-select``,
    ``--ignore``, ``--extend-exclude``, ``--per-file-ignores``, ``--severity``) add to them. Results are cached per configuration file.

    Raises (from :meth:`for_path`):
        ConfigError: an invalid configuration file or override, naming the file and key.
    """

    def __init__(self, *, config_file: str | Path | None = None, isolated: bool = False,
                 overrides: dict[str, Any] | None = None, additions: dict[str, Any] | None = None) -> None:
        self.config_file = Path(config_file) if config_file else None
        self.isolated = isolated
        self.overrides = overrides or {}
        self.additions = additions or {}
        for extra in (self.overrides, self.additions):
            if extra:
                check_overrides(extra, "command-line options")  # the options were checked one by one already
        self._by_file: dict[Path | None, Config] = {}
        _find_config_in.cache_clear()  # files may have changed since an earlier run in this process
        if self.config_file is not None:
            self._fixed = self._load(self.config_file)
        elif isolated:
            self._fixed = self._load(None)
        else:
            self._fixed = None

    def _load(self, path: Path | None) -> Config:
        if path in self._by_file:
            return self._by_file[path]
        base = load_config_file(path) if path is not None else Config()
        if self.overrides or self.additions:
            data = _deep_merge(config_to_dict(base, only_set=True), self.overrides)
            for key, value in self.additions.items():
                if isinstance(value, dict):
                    data[key] = {**data.get(key, {}), **value}
                else:
                    data[key] = list(data.get(key, [])) + list(value)
            cfg = parse_config(data, source=base.source)
            if cfg.source is None:
                cfg = cfg.model_copy(update={"source": None})
        else:
            cfg = base
        self._by_file[path] = cfg
        return cfg

    def for_path(self, path: str | Path | None) -> Config:
        """Configuration for a pad file or folder (``None``: the current folder, e.g. stdin)."""
        if self._fixed is not None:
            return self._fixed
        found = find_config_file(path if path is not None else Path.cwd())
        return self._load(found.resolve() if found else None)

    def config_path_for(self, path: str | Path | None) -> Path | None:
        """The configuration file :meth:`for_path` uses, or None for the defaults."""
        if self.isolated:
            return None
        if self.config_file is not None:
            return self.config_file
        return find_config_file(path if path is not None else Path.cwd())
