"""Build the :class:`~pad_lint.event.models.EventDocument` from a :class:`PadView` (no re-parsing).

The steps, each in its own module:

* metadata, title and tags with HedgeDoc's rules (here; hedgedoc-format.md §2-§3):
  YAML only between ``---`` lines on line 1; ``title`` from YAML or else the first
  ``<h1>`` (ATX or setext) when its text is one line; ``tags`` from YAML (a string;
  a YAML list is ignored, as HedgeDoc does) or else the ``###### tags:`` code spans;
* sessions from headings (:mod:`.sessions`), ids in the configured heading-id dialect;
* dates and times (:mod:`.dates`) from YAML ``date``, the title, the first heading and
  the body, and the written dates that do not exist (``31 février 2026``);
* the location and the mode (in person, online, hybrid) with their evidence (:mod:`.venue`);
* people, roles, organisations and credits (:mod:`.people`).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..config import Config
from ..links import pad_links
from ..markdown.view import PadView
from . import models as m
from .dates import DateMatch, InvalidDateMatch, find_dates, find_dates_yearless
from .lines import block_lines
from .people import build_people, extract_mentions
from .sessions import build_sessions, session_kind, title_heading_index
from .venue import find_venue

__all__ = ["build_document", "session_kind"]

_DATE_LABEL = re.compile(r"(?i)^\s*(?:date|dates|quand|when|le|時間|日期|jour|day)\s*[:：]?")
_PAD_HOST = re.compile(r"(?i)^(?:https?://[^/]*(?:pad|hackmd|codimd|hedgedoc|framapad|etherpad|cryptpad)[^/]*/|/(?!/)[^.\s]+$)")


def _str(value: Any) -> str | None:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value)
    return None


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


def _yaml_value_span(view: PadView, key: str) -> tuple[int, int] | None:
    """Offsets of the value of ``key:`` on its front-matter line."""
    line1 = view.front_matter.key_lines.get(key)
    if not line1:
        return None
    text = view.index.line_text(line1 - 1)
    mk = re.match(rf"\s*{re.escape(key)}\s*:\s*", text)
    if not mk:
        return None
    start = view.index.line_start(line1 - 1)
    value = text[mk.end():].rstrip()
    if len(value) >= 2 and value[0] in "'\"" and value[-1] == value[0]:
        return start + mk.end() + 1, start + mk.end() + len(value) - 1
    return start + mk.end(), start + mk.end() + len(value)


def _metadata(view: PadView) -> tuple[m.Metadata, list[m.Tag]]:
    fm = view.front_matter
    data = fm.data
    meta_tags: list[m.Tag] = []
    yaml_tags = _str(data.get("tags"))
    if yaml_tags:
        vs = _yaml_value_span(view, "tags")
        for part in re.finditer(r"[^,]+", yaml_tags):
            name = part.group(0).strip()
            if not name:
                continue
            span = None
            if vs and view.pad.text[vs[0]:vs[1]] == yaml_tags.strip():
                lead = len(part.group(0)) - len(part.group(0).lstrip())
                s = vs[0] + part.start() - (len(yaml_tags) - len(yaml_tags.lstrip())) + lead
                span = view.index.span(s, s + len(name))
            meta_tags.append(m.Tag(name=name, span=span, origin="yaml"))
    line_tags = [m.Tag(name=name, span=span, origin="tags-line") for name, span in view.tags_line]
    seen: set[str] = set()
    tags = []
    for tag in meta_tags or line_tags:  # HedgeDoc uses the tags line only without YAML tags
        if tag.name not in seen:
            seen.add(tag.name)
            tags.append(tag)
    metadata = m.Metadata(
        title=_str(data.get("title")), description=_str(data.get("description")), tags=meta_tags,
        lang=_str(data.get("lang")) if isinstance(data.get("lang"), str) else None,
        license=_str(data.get("license") or data.get("licence")),
        breaks=data.get("breaks") if isinstance(data.get("breaks"), bool) else None,
        robots=_str(data.get("robots")), dir=_str(data.get("dir")), type=_str(data.get("type")),
        raw=_jsonable(data), front_matter_lines=fm.lines,
    )
    return metadata, tags


def _title(view: PadView, metadata: m.Metadata) -> m.TextValue | None:
    if metadata.title:
        vs = _yaml_value_span(view, "title")
        span = view.index.span(*vs) if vs else None
        return m.TextValue(value=metadata.title.strip(), span=span, origin="yaml")
    i = title_heading_index(view)
    if i is not None:
        h = view.headings[i]
        if h.text.strip() and "\n" not in h.text.strip():
            return m.TextValue(value=h.text.strip(), span=h.span, origin="heading")
    return None


def _event_date(match: DateMatch, span: m.Span | None, origin: str) -> m.EventDate:
    return m.EventDate(date=match.date, start_time=match.start_time, end_time=match.end_time, text=match.text,
                       stated_weekday=match.stated_weekday, weekday=match.weekday,
                       weekday_matches=match.weekday_matches, year_inferred=match.year_inferred, span=span,
                       origin=origin)  # type: ignore[arg-type]


def _invalid_date(bad: InvalidDateMatch, span: m.Span | None, origin: str) -> m.InvalidDate:
    return m.InvalidDate(text=bad.text, day=bad.day, month=bad.month, year=bad.year, days_in_month=bad.days_in_month,
                         stated_weekday=bad.stated_weekday, span=span, origin=origin)  # type: ignore[arg-type]


def _dates(view: PadView, title: m.TextValue | None,
           invalid_out: list[m.InvalidDate] | None = None) -> tuple[m.EventDate | None, list[m.EventDate]]:
    """The event's date and every date found, in order of position.

    Priority for the event date: YAML ``date``, the title, the title heading, a body
    line labelled ``Date :`` (or ``Quand``, ``時間``…), then the first date in the body.
    Dates that do not exist (``31 février 2026``) are appended to ``invalid_out``.
    """
    fm = view.front_matter
    index = view.index
    candidates: list[tuple[int, m.EventDate]] = []   # (priority, date)
    invalid: list[tuple[int, m.InvalidDate]] = []    # (start offset, date)

    raw_date = fm.data.get("date")
    if raw_date is not None:
        vs = _yaml_value_span(view, "date")
        span = index.span(*vs) if vs else None
        if isinstance(raw_date, dt.datetime):
            raw_date = raw_date.date()
        if isinstance(raw_date, dt.date):
            text = index.text[vs[0]:vs[1]] if vs else raw_date.isoformat()
            candidates.append((0, m.EventDate(date=raw_date, text=text, weekday=_weekday(raw_date), span=span,
                                              origin="yaml")))
        elif isinstance(raw_date, str) and vs:
            bad: list[InvalidDateMatch] = []
            for dm in find_dates(index.text[vs[0]:vs[1]], None, bad):
                candidates.append((0, _event_date(dm, index.span(vs[0] + dm.start, vs[0] + dm.end), "yaml")))
                break
            for b in bad[:1]:
                invalid.append((vs[0] + b.start, _invalid_date(b, index.span(vs[0] + b.start, vs[0] + b.end), "yaml")))

    # texts to scan: (priority, base offset or None, text, origin)
    texts: list[tuple[int, list[tuple[int, int]] | None, str, str]] = []
    if title is not None and title.origin == "yaml":
        vs = _yaml_value_span(view, "title")
        if vs:
            texts.append((1, [(vs[0] + k, 0) for k in range(vs[1] - vs[0] + 1)], index.text[vs[0]:vs[1]], "title"))
    body_lines = []
    for block_no, block in enumerate(view.blocks):
        for line in block_lines(view, block_no):
            if line.text.strip():
                body_lines.append((block_no, line))

    title_block = None
    ti = title_heading_index(view)
    if ti is not None:
        title_block = next((b for b, blk in enumerate(view.blocks) if blk.kind == "heading" and blk.section == ti), None)

    # The first scan (no default year) notes the texts where a date was written
    # without a year; only those can give more dates with the year (the others
    # would give the same dates again, none of them inferred), so only those are
    # scanned a second time.
    yearless_texts: list[int] = []
    yearless_lines: list[int] = []

    def scan_texts(default_year: int | None, only_inferred: bool, collect: bool,
                   which: range | list[int]) -> list[tuple[int, m.EventDate]]:
        found: list[tuple[int, m.EventDate]] = []
        for k in which:
            prio, _offs, text, origin = texts[k]
            bad: list[InvalidDateMatch] = []
            dms, yearless = find_dates_yearless(text, default_year, bad if collect else None)
            if yearless and collect:
                yearless_texts.append(k)
            for dm in dms:
                if dm.year_inferred != only_inferred:
                    continue
                s, e = _offs[dm.start][0], _offs[max(dm.start, dm.end - 1)][0] + 1  # type: ignore[index]
                found.append((prio, _event_date(dm, index.span(s, e), origin)))
            for b in bad:
                s, e = _offs[b.start][0], _offs[max(b.start, b.end - 1)][0] + 1  # type: ignore[index]
                invalid.append((s, _invalid_date(b, index.span(s, e), origin)))
        return found

    def scan_lines(default_year: int | None, only_inferred: bool, collect: bool,
                   which: range | list[int]) -> list[tuple[int, m.EventDate]]:
        found: list[tuple[int, m.EventDate]] = []
        for k in which:
            block_no, line = body_lines[k]
            bad: list[InvalidDateMatch] = []
            dms, yearless = find_dates_yearless(line.text, default_year, bad if collect else None)
            if yearless and collect:
                yearless_lines.append(k)
            if not dms and not bad:
                continue
            is_title = block_no == title_block
            labelled = bool(_DATE_LABEL.match(line.text))
            for dm in dms:
                if dm.year_inferred != only_inferred:
                    continue
                s, e = line.source(dm.start, dm.end)
                prio = 2 if is_title else (3 if labelled else 4)
                found.append((prio, _event_date(dm, index.span(s, e), "title" if is_title else "body")))
            for b in bad:
                s, e = line.source(b.start, b.end)
                invalid.append((s, _invalid_date(b, index.span(s, e), "title" if is_title else "body")))
        return found

    candidates += scan_texts(None, False, True, range(len(texts)))
    candidates += scan_lines(None, False, True, range(len(body_lines)))
    if invalid_out is not None:
        seen_bad: set[int] = set()
        for start, bad_date in sorted(invalid, key=lambda sb: sb[0]):
            if start not in seen_bad:
                seen_bad.add(start)
                invalid_out.append(bad_date)
    full = sorted(candidates, key=lambda pd: (pd[0], pd[1].span.start_offset if pd[1].span else 0))
    year = full[0][1].date.year if full else _year_hint(view, title)
    if year is not None:
        candidates += scan_texts(year, True, False, yearless_texts)
        candidates += scan_lines(year, True, False, yearless_lines)
    if not candidates:
        return None, []
    # a date without a year counts as much as a full one when its weekday confirms the year
    best = sorted(candidates, key=lambda pd: (pd[0], pd[1].year_inferred and not pd[1].weekday_matches,
                                               pd[1].span.start_offset if pd[1].span else 0))[0][1]
    seen: set[tuple[int, int]] = set()
    ordered = []
    for _p, d in sorted(candidates, key=lambda pd: pd[1].span.start_offset if pd[1].span else -1):
        key = (d.span.start_offset, d.span.end_offset) if d.span else (-1, -1)
        if key in seen:
            continue
        seen.add(key)
        ordered.append(d)
    return best, ordered


def _weekday(date: dt.date) -> str:
    return ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")[date.weekday()]


def _year_hint(view: PadView, title: m.TextValue | None) -> int | None:
    """A year for dates written without one: from the title, else from the file name."""
    for text in ((title.value if title else ""), view.pad.path or ""):
        years = re.findall(r"(?<!\d)(19[89]\d|20\d\d)(?!\d)", text)
        if years:
            return int(years[0])
    return None


def count_lines(text: str) -> int:
    """Lines as editors and ``wc -l`` count them: a final line break ends the last
    line instead of starting an empty one; a last line without a break counts too."""
    return text.count("\n") + (1 if text and not text.endswith("\n") else 0)


def build_document(view: PadView, config: Config | None = None) -> m.EventDocument:
    """Extract the event document.

    Args:
        view: the parsed pad.
        config: its configuration; ``config.links.dialect`` selects the session ids.

    Raises nothing on odd input: facts that cannot be read are left empty.
    """
    config = config or Config()
    pad = view.pad
    head = _head_facts(view)
    title = head["title"]
    return m.EventDocument(
        source=m.Source(path=pad.path, sha256=pad.sha256, lines=count_lines(pad.text), encoding=pad.encoding),
        **head, **_date_facts(view, title), **_venue_facts(view, title), **_people_facts(view, config),
        **_content_facts(view), linked_pads=pad_links(view), licence=_licence(view), **_inclusive(view, config),
    )


def _head_facts(view: PadView) -> dict[str, Any]:
    """``metadata``, ``tags``, ``title`` and ``language``."""
    metadata, tags = _metadata(view)
    return {"metadata": metadata, "tags": tags, "title": _title(view, metadata), "language": metadata.lang}


def _date_facts(view: PadView, title: m.TextValue | None) -> dict[str, Any]:
    """``date``, ``dates`` and ``invalid_dates``."""
    invalid_dates: list[m.InvalidDate] = []
    date, dates = _dates(view, title, invalid_dates)
    return {"date": date, "dates": dates, "invalid_dates": invalid_dates}


def _venue_facts(view: PadView, title: m.TextValue | None) -> dict[str, Any]:
    """``location``, ``mode`` and ``mode_evidence``."""
    location, mode, mode_evidence = find_venue(view, title, lambda key: _yaml_value_span(view, key))
    return {"location": location, "mode": mode, "mode_evidence": mode_evidence}


def _people_facts(view: PadView, config: Config) -> dict[str, Any]:
    """``sessions`` (with their people and linked pads), ``people``, ``organisations`` and ``credits``."""
    sessions, by_heading = build_sessions(view, config.links.dialect)
    kinds = {s.id: s.kind for s in sessions}
    extraction = extract_mentions(view, by_heading, kinds)
    people, organisations, credits = build_people(view, extraction)
    by_id = {s.id: s for s in sessions}
    for person in people:
        for role in person.roles:
            if role.session in by_id:
                names = by_id[role.session].people.setdefault(role.role, [])
                if person.name not in names:
                    names.append(person.name)
    for block in view.blocks:
        sid = by_heading.get(block.section) if block.section is not None else None
        if sid is None:
            continue
        for li in block.links:
            href = view.links[li].href
            if _PAD_HOST.match(href) and href not in by_id[sid].linked_pads:
                by_id[sid].linked_pads.append(href)
    return {"sessions": sessions, "people": people, "organisations": organisations, "credits": credits}


def _content_facts(view: PadView) -> dict[str, Any]:
    """``links``, ``images``, ``admonitions`` and ``visibility``."""
    text = view.pad.text
    links = [m.Link(url=l.href, text=l.text, kind=l.kind, span=l.span) for l in view.links]  # type: ignore[arg-type]
    images = [m.Image(src=i.src, alt=i.alt, title=i.title, width=i.width, height=i.height, syntax=i.syntax,  # type: ignore[arg-type]
                      decorative=i.decorative, link=i.link_href, span=i.span) for i in view.images]
    admonitions = []
    for c in view.containers:
        start, end = c.span.start_offset, c.span.end_offset
        body = "\n".join(text[start:end].split("\n")[1:-1] if c.closed else text[start:end].split("\n")[1:])
        admonitions.append(m.Admonition(kind=c.name, extra_classes=c.info, text=body.strip(), closed=c.closed, span=c.span))

    visibility = m.Visibility()
    for c, adm in zip(view.containers, admonitions):
        if re.search(r"(?i)accessible en (écriture|lecture)|publicly (editable|readable)|anyone with the (link|url)", adm.text):
            visibility = m.Visibility(publicly_editable=bool(re.search(r"(?i)écriture|editable", adm.text)),
                                      statement=adm.text, span=c.span)
            break
    return {"links": links, "images": images, "admonitions": admonitions, "visibility": visibility}


class LazyEventDocument:
    """The event document as rules read it: each group of fields is extracted on first read.

    Rules read a few fields (the title, the dates, the people and credits); the
    other facts (venue, links and images as models, licence, inclusive forms) are
    not extracted for them. Every attribute has the value
    ``build_document(view, config)`` would give (tested on the corpus); a field
    outside the groups below, or :meth:`full`, builds the whole document once.
    """

    _PARTS = {"metadata": "head", "tags": "head", "title": "head", "language": "head",
              "date": "dates", "dates": "dates", "invalid_dates": "dates",
              "sessions": "people", "people": "people", "organisations": "people", "credits": "people"}

    def __init__(self, view: PadView, config: Config | None = None) -> None:
        self._view = view
        self._config = config or Config()
        self._document: m.EventDocument | None = None

    def full(self) -> m.EventDocument:
        """The whole :class:`~pad_lint.event.models.EventDocument` (built once)."""
        if self._document is None:
            self._document = build_document(self._view, self._config)
        return self._document

    def __getattr__(self, name: str) -> Any:
        part = self._PARTS.get(name)
        if part is None:
            if name.startswith("_"):
                raise AttributeError(name)
            return getattr(self.full(), name)
        if part == "head":
            facts = _head_facts(self._view)
        elif part == "dates":
            facts = _date_facts(self._view, self.title)
        else:
            facts = _people_facts(self._view, self._config)
        self.__dict__.update(facts)  # later reads skip __getattr__
        return facts[name]


def _inclusive(view: PadView, config: Config) -> dict[str, Any]:
    """``inclusive_forms`` and ``inclusive_style`` from the inclusive-writing family."""
    try:
        from ..inclusive import forms_for_document
    except ImportError:  # the inclusive family is not installed
        return {}
    forms, style = forms_for_document(view, config)
    return {"inclusive_forms": forms, "inclusive_style": style}


def _licence(view: PadView) -> m.Licence:
    try:
        from ..licences import detect_licence
    except ImportError:  # the licence family is not installed yet
        return m.Licence(status="missing")
    return detect_licence(view)
