"""YAML front matter with HedgeDoc 1.x's rules.

Source: hedgedoc/hedgedoc@master ``public/js/extra.js`` ``meta()``: the block
must start on the first line, which is exactly ``---``; it ends at the first
line that is exactly ``---`` or ``...``; its YAML is loaded with js-yaml (here:
PyYAML's safe loader, so ``!!python/object`` tags are refused). On a YAML error
HedgeDoc renders the lines as Markdown and shows an error banner.
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
    a message and ``error_line`` the 1-based source line of a YAML error.
    """

    lines: int = 0
    data: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    error_line: int | None = None
    error_column: int | None = None
    key_lines: dict[str, int] = field(default_factory=dict)


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader with js-yaml 4's booleans (YAML 1.2 core schema).

    HedgeDoc loads front matter with js-yaml 4, where only ``true``/``false``
    (any case variant of the spec) are booleans: ``breaks: no`` is the string
    ``"no"``, so HedgeDoc keeps hard breaks. PyYAML follows YAML 1.1, where
    ``yes/no/on/off`` are booleans too, so the bool resolver is replaced.
    """


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


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
    try:
        node = yaml.compose(body, Loader=_Loader)
        if node is not None:
            _count_nodes(node, [10_000])
        data = yaml.load(body, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        col = mark.column + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return FrontMatter(lines=0, error=f"YAML front matter is invalid: {problem}", error_line=line, error_column=col)
    except (ValueError, TypeError, RecursionError) as exc:
        return FrontMatter(lines=0, error=f"YAML front matter is invalid: {exc}", error_line=1)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return FrontMatter(lines=end + 1, data={}, error="YAML front matter is not a mapping of keys to values", error_line=2)
    key_lines = {}
    if node is not None and isinstance(node, yaml.MappingNode):
        for k, _v in node.value:
            if isinstance(k, yaml.ScalarNode):
                key_lines[str(k.value)] = k.start_mark.line + 2
    return FrontMatter(lines=end + 1, data={str(k): v for k, v in data.items()}, key_lines=key_lines)
