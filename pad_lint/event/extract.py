"""Build the :class:`EventDocument` from a :class:`PadView` (no re-parsing)."""

from __future__ import annotations

import re
from typing import Any

from ..config import Config
from ..markdown.view import PadView
from . import models as m

_SESSION_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("introduction", re.compile(r"(?i)\b(introduction|intro|ouverture|accueil|welcome|opening)\b")),
    ("round_table", re.compile(r"(?i)\b(table[- ]ronde|round[- ]?table|panel|débat)\b")),
    ("workshop", re.compile(r"(?i)\b(ateliers?|workshops?|hands[- ]on)\b")),
    ("qa", re.compile(r"(?i)(questions?\s*/\s*r[ée]ponses?|questions? et r[ée]ponses?|\bq\s*&\s*a\b|\bq/r\b|\bfaq\b)")),
    ("closing", re.compile(r"(?i)\b(cl[ôo]ture|conclusion|closing|wrap[- ]up|mot de la fin)\b")),
    ("talk", re.compile(r"(?i)\b(conf[ée]rence|talk|keynote|présentation|presentation|intervention)\b")),
]


def session_kind(title: str) -> str:
    """Kind of a session from French and English cue words in its title."""
    for kind, pattern in _SESSION_CUES:
        if pattern.search(title):
            return kind
    return "other"


def _str(value: Any) -> str | None:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def build_document(view: PadView, config: Config | None = None) -> m.EventDocument:
    """Extract the event document.

    Raises nothing on odd input: facts that cannot be read are left empty.
    """
    config = config or Config()
    pad = view.pad
    fm = view.front_matter
    data = fm.data
    meta_tags = []
    yaml_tags = data.get("tags")
    if _str(yaml_tags):
        meta_tags = [m.Tag(name=t.strip(), origin="yaml") for t in _str(yaml_tags).split(",") if t.strip()]
    line_tags = [m.Tag(name=name, span=span, origin="tags-line") for name, span in view.tags_line]
    seen: set[str] = set()
    tags = []
    for tag in meta_tags or line_tags:  # HedgeDoc uses the tags line only without YAML tags
        if tag.name not in seen:
            seen.add(tag.name)
            tags.append(tag)
    metadata = m.Metadata(
        title=_str(data.get("title")), description=_str(data.get("description")), tags=meta_tags,
        lang=_str(data.get("lang")), license=_str(data.get("license") or data.get("licence")),
        breaks=data.get("breaks") if isinstance(data.get("breaks"), bool) else None,
        robots=_str(data.get("robots")), dir=_str(data.get("dir")), type=_str(data.get("type")),
        raw=_jsonable(data), front_matter_lines=fm.lines,
    )

    title = None
    if metadata.title:
        title = m.TextValue(value=metadata.title, origin="yaml")
    else:
        h1 = next((h for h in view.headings if h.level == 1), None)
        if h1 is not None and "\n" not in h1.text.strip():
            title = m.TextValue(value=h1.text.strip(), span=h1.span, origin="heading")

    dialect = config.links.dialect
    ids = view.heading_ids(dialect)
    sessions: list[m.Session] = []
    parents: list[tuple[int, m.Session]] = []
    for h, hid_ in zip(view.headings, ids):
        if h.level == 1 or (h.level == 6 and re.match(r"(?i)^\s*tags\b", h.text)):
            continue
        s = m.Session(id=hid_, title=h.text, kind=session_kind(h.text), level=h.level, span=h.span)
        while parents and parents[-1][0] >= h.level:
            parents.pop()
        if parents:
            parents[-1][1].subsessions.append(s.id)
        parents.append((h.level, s))
        sessions.append(s)

    links = [m.Link(url=l.href, text=l.text, kind=l.kind, span=l.span) for l in view.links]  # type: ignore[arg-type]
    images = [m.Image(src=i.src, alt=i.alt, title=i.title, width=i.width, height=i.height, syntax=i.syntax,  # type: ignore[arg-type]
                      decorative=i.decorative, link=i.link_href, span=i.span) for i in view.images]
    admonitions = []
    for c in view.containers:
        start, end = c.span.start_offset, c.span.end_offset
        body = "\n".join(pad.text[start:end].split("\n")[1:-1] if c.closed else pad.text[start:end].split("\n")[1:])
        admonitions.append(m.Admonition(kind=c.name, extra_classes=c.info, text=body.strip(), closed=c.closed, span=c.span))

    visibility = m.Visibility()
    for c, adm in zip(view.containers, admonitions):
        if re.search(r"(?i)accessible en (écriture|lecture)|publicly (editable|readable)|anyone with the (link|url)", adm.text):
            visibility = m.Visibility(publicly_editable=bool(re.search(r"(?i)écriture|editable", adm.text)),
                                      statement=adm.text, span=c.span)
            break

    return m.EventDocument(
        source=m.Source(path=pad.path, sha256=pad.sha256, lines=pad.index.line_count, encoding=pad.encoding),
        metadata=metadata, title=title, language=metadata.lang, tags=tags, sessions=sessions,
        links=links, images=images, admonitions=admonitions, visibility=visibility,
        licence=_licence(view),
    )


def _licence(view: PadView) -> m.Licence:
    try:
        from ..licences import detect_licence
    except ImportError:  # the licence family is not installed yet
        return m.Licence(status="missing")
    return detect_licence(view)


def _jsonable(value: Any) -> Any:
    """Front-matter values made JSON-safe (dates -> ISO strings, keys -> str)."""
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)
