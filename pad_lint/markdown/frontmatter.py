"""YAML front matter with HedgeDoc 1.x's rules.

Source: hedgedoc/hedgedoc@master ``public/js/extra.js`` ``meta()``: the block
must start on the first line, which is exactly ``---``; it ends at the first
line that is exactly ``---`` or ``...``; its YAML is loaded with js-yaml 4 (here:
PyYAML's safe loader, so ``!!python/object`` tags are refused, adjusted to read
what js-yaml reads, see :class:`_Loader`). On a YAML error HedgeDoc renders the
lines as Markdown and shows an error banner.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml


@dataclass
class FrontMatter:
    """The pad's front matter block.

    ``lines`` is the number of source lines it covers (fences included), 0 when
    there is none. ``data`` is the loaded mapping (empty on error). ``error`` is
    a message and ``error_line`` the 1-based source line of a YAML error;
    ``problem`` and ``context`` are the YAML parser's own words for it (for
    rules that explain it in plain words).
    """

    lines: int = 0
    data: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    error_line: int | None = None
    error_column: int | None = None
    key_lines: dict[str, int] = field(default_factory=dict)
    problem: str | None = None
    context: str | None = None


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader made to read front matter as HedgeDoc's js-yaml 4 does.

    js-yaml 4 follows the YAML 1.2 core schema where PyYAML follows YAML 1.1:

    * booleans are only ``true``/``false`` (any case variant of the spec):
      ``breaks: no`` is the string ``"no"``, so HedgeDoc keeps hard breaks;
    * integers are decimal (``017`` is 17, not octal 15), ``0b``/``0o``/``0x``,
      with ``_`` allowed between digits; ``10:30`` is text, not the base-60
      number 630; floats also read ``1e3``;
    * a key that is a list becomes the text of its items joined by commas
      (``? [complex, key]`` is the key ``"complex,key"``), a mapping key becomes
      ``"[object Object]"``, and a list inside a list key is an error
      (``storeMappingPair`` in js-yaml's ``lib/loader.js``);
    * a key written twice is an error (``duplicated mapping key``); keys brought
      in by a ``<<`` merge may be overridden;
    * a date that does not exist (``2026-02-30``) is not an error (js-yaml rolls
      it over to another day): it is kept here as the text written.
    """


_INT_RE = re.compile(r"^[-+]?(?:0b[01_]*[01][01_]*|0x[0-9a-fA-F_]*[0-9a-fA-F][0-9a-fA-F_]*|0o[0-7_]*[0-7][0-7_]*|"
                     r"[0-9][0-9_]*)$")
_FLOAT_RE = re.compile(r"^(?:[-+]?(?:[0-9][0-9_]*)(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9_]+(?:[eE][-+]?[0-9]+)?|"
                       r"[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")
_DROPPED = {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _DROPPED]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


_Loader.add_implicit_resolver("tag:yaml.org,2002:int", _INT_RE, list("-+0123456789"))
_Loader.add_implicit_resolver("tag:yaml.org,2002:float", _FLOAT_RE, list("-+0123456789."))


def _valid_js_number(text: str, pattern: re.Pattern[str]) -> bool:
    """js-yaml refuses a number that ends with ``_`` or whose decimal digits start with one."""
    body = text.lstrip("+-")
    return bool(pattern.match(text)) and not text.endswith("_") and not body.startswith("_")


def _construct_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    text = loader.construct_scalar(node)
    if not _valid_js_number(text, _INT_RE):
        return text
    value = text.replace("_", "")
    sign = -1 if value.startswith("-") else 1
    value = value.lstrip("+-")
    for prefix, base in (("0b", 2), ("0x", 16), ("0o", 8)):
        if value.startswith(prefix):
            return sign * int(value[2:], base)
    return sign * int(value, 10)


def _construct_float(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    text = loader.construct_scalar(node)
    if not _valid_js_number(text, _FLOAT_RE):
        return text
    value = text.replace("_", "").lower()
    if value.endswith(".inf"):
        return float("-inf") if value.startswith("-") else float("inf")
    if value.endswith(".nan"):
        return float("nan")
    return float(value)


def _construct_timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
        return loader.construct_scalar(node)   # "2026-02-30": kept as written


def _js_string(value: Any) -> str:
    """``String(value)`` in JavaScript, for the values a YAML key can hold."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, float):
        if value != value:
            return "NaN"
        if value in (float("inf"), float("-inf")):
            return "Infinity" if value > 0 else "-Infinity"
        return str(int(value)) if value.is_integer() and abs(value) < 1e21 else repr(value)
    if isinstance(value, dict):
        return "[object Object]"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _js_key(value: Any, node: yaml.Node) -> str:
    """The string js-yaml 4 stores a mapping key under (``storeMappingPair``)."""
    if isinstance(value, list):
        parts = []
        for item in value:
            if isinstance(item, list):
                raise yaml.constructor.ConstructorError(
                    None, None, "nested arrays are not supported inside keys", node.start_mark)
            parts.append("" if item is None else _js_string(item))
        return ",".join(parts)
    return _js_string(value)


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> dict[str, Any]:
    if not isinstance(node, yaml.MappingNode):
        raise yaml.constructor.ConstructorError(None, None, f"expected a mapping node, but found {node.id}",
                                                node.start_mark)
    explicit = sum(1 for key_node, _ in node.value if key_node.tag != "tag:yaml.org,2002:merge")
    loader.flatten_mapping(node)           # merged pairs first, then the pairs written here
    first_explicit = len(node.value) - explicit
    mapping: dict[str, Any] = {}
    seen: set[str] = set()
    lines = loader.__dict__.setdefault("pad_key_lines", {}).setdefault(id(node), {})
    for i, (key_node, value_node) in enumerate(node.value):
        key = _js_key(loader.construct_object(key_node, deep=True), key_node)
        if i >= first_explicit:
            lines[key] = key_node.start_mark.line + 2   # 1-based pad line (after the opening ---)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicated mapping key `{key}`", key_node.start_mark)
            seen.add(key)
        else:
            lines.setdefault(key, key_node.start_mark.line + 2)
        mapping[key] = loader.construct_object(value_node, deep=deep)
    return mapping


_Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_Loader.add_constructor("tag:yaml.org,2002:float", _construct_float)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_Loader.construct_mapping = _construct_mapping  # type: ignore[assignment]


def _count_nodes(node: Any, budget: list[int], depth: int = 0) -> None:
    budget[0] -= 1
    if budget[0] < 0 or depth > 50:
        raise yaml.YAMLError("front matter is too large or too deeply nested (alias expansion)")
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            _count_nodes(k, budget, depth + 1)
            _count_nodes(v, budget, depth + 1)
    elif isinstance(node, yaml.SequenceNode):
        for v in node.value:
            _count_nodes(v, budget, depth + 1)


def split_front_matter(text: str) -> FrontMatter:
    """Find and load the front matter of ``text`` (``\\n`` line breaks).

    Never raises: a YAML problem is returned in ``error`` with its line.
    """
    if not (text.startswith("---\n") or text == "---"):
        return FrontMatter()
    lines = text.split("\n")
    end = None
    for i in range(1, len(lines)):
        if lines[i] in ("---", "..."):
            end = i
            break
    if end is None:
        return FrontMatter()
    body = "\n".join(lines[1:end])
    loader = None
    try:
        loader = _Loader(body)
        node = loader.get_single_node()
        data = None
        if node is not None:
            _count_nodes(node, [10_000])
            data = loader.construct_document(node)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        col = mark.column + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        context = getattr(exc, "context", None)
        return FrontMatter(lines=0, error=f"YAML front matter is invalid: {problem}", error_line=line, error_column=col,
                           problem=problem, context=context)
    except (ValueError, TypeError, RecursionError) as exc:
        return FrontMatter(lines=0, error=f"YAML front matter is invalid: {exc}", error_line=1, problem=str(exc))
    finally:
        if loader is not None:
            loader.dispose()
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return FrontMatter(lines=end + 1, data={}, error="YAML front matter is not a mapping of keys to values", error_line=2,
                           problem="not a mapping", context=type(data).__name__)
    key_lines = getattr(loader, "pad_key_lines", {}).get(id(node), {})
    return FrontMatter(lines=end + 1, data={str(k): v for k, v in data.items()}, key_lines=key_lines)
