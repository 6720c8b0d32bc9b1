"""Configuration: ``.pad-lint.toml`` or ``[tool.pad-lint]`` in ``pyproject.toml``.

Found from each pad's folder upwards, the closest file wins (as ruff does); the search
stops at the root of the git repository holding the pad, so files above a clone never apply.
Strict: an unknown key, rule selector or value is a :class:`~pad_lint.errors.ConfigError`.
Keys are kebab-case in TOML (``per-file-ignores``) and snake_case in Python.
"""

from __future__ import annotations

import os
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

    source: str | None = Field(None, exclude=True, description="File the configuration was read from")


def _check_selector(selector: str) -> None:
    from .rules.registry import resolve_selector

    try:
        resolve_selector(selector)
    except KeyError:
        raise ValueError(f"unknown rule selector {selector!r} (use a code like LIC002, a name like "
                         f"licence-placeholder or a prefix like LIC; `pad-lint rules` lists them)") from None


def parse_config(data: dict[str, Any], source: str | None = None) -> Config:
    """Validate a configuration mapping.

    Raises:
        ConfigError: unknown key, rule or value, naming it and the file.
    """
    try:
        cfg = Config.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = ".".join(str(p) for p in err["loc"])
        msg = err["msg"]
        if err["type"] == "extra_forbidden":
            msg = f"unknown configuration key `{loc}`"
        else:
            msg = f"invalid value for `{loc}`: {msg.removeprefix('Value error, ')}"
        raise ConfigError(msg, path=source) from None
    return cfg.model_copy(update={"source": source})


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
    if p.name == "pyproject.toml":
        data = data.get("tool", {}).get("pad-lint", {})
    return parse_config(data, source=str(path))


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
                if "pad-lint" not in data.get("tool", {}):
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


def parse_overrides(items: list[str]) -> dict[str, Any]:
    """Parse ``--config "KEY = VALUE"`` items (inline TOML, as ruff accepts) into one mapping.

    Raises:
        ConfigError: an item is empty or not valid TOML (the message gives the TOML error
            position within the item).
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
                parse_config(extra, source="command line")  # report a bad option against the command line
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
