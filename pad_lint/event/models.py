"""Pydantic models of the event document.

Outline: ``shared/design.md`` ("Event document"). Every extracted fact carries
the :class:`~pad_lint.spans.Span` it came from. The JSON Schema generated from
:class:`EventDocument` is committed as ``schemas/event-document.schema.json``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..inclusive.models import InclusiveForm, InclusiveStyle
from ..spans import Span

SCHEMA_VERSION = "1.0"

#: ``pad_setup``: set the pad up or ran the note-taking hands-on ("mise en place … : X").
RoleName = Literal["speaker", "moderator", "facilitator", "introducer", "note_taker", "illustrator",
                   "participant", "host", "organiser", "pad_setup"]
SessionKind = Literal["introduction", "round_table", "workshop", "talk", "qa", "closing", "other"]
LinkKind = Literal["inline", "reference", "autolink", "linkify", "html", "image", "embed"]
LicenceStatus = Literal["declared", "placeholder", "missing", "unrecognised", "conflict"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(_Model):
    path: str | None = Field(None, description="File path, '-' for stdin, or None")
    url: str | None = Field(None, description="Pad URL when fetched from a HedgeDoc server")
    sha256: str = Field("", description="SHA-256 of the raw bytes (hex)")
    lines: int = Field(0, ge=0, description="Number of lines, as `wc -l` counts them plus a last line without a line break")
    encoding: str = "utf-8"


class Tag(_Model):
    name: str
    span: Span | None = None
    origin: Literal["yaml", "tags-line"]


class Metadata(_Model):
    """Front-matter keys HedgeDoc knows, as found (``raw`` keeps every key)."""

    title: str | None = None
    description: str | None = None
    tags: list[Tag] = Field(default_factory=list)
    lang: str | None = None
    license: str | None = Field(None, description="HedgeDoc 2 `license:` key")
    breaks: bool | None = None
    robots: str | None = None
    dir: str | None = None
    type: str | None = None
    raw: dict[str, Any] = Field(default_factory=dict, description="Every front-matter key with its value")
    front_matter_lines: int = Field(0, ge=0)


class TextValue(_Model):
    """A text fact (title, location) and where it was read: YAML, a heading or the body."""

    value: str
    span: Span | None = None
    origin: Literal["yaml", "heading", "body", "tags-line", "none"] = "body"


class EventDate(_Model):
    """A date written in the pad (``Mardi 21 juin 2022``, ``2022-06-21``, ``June 21, 2022``…)."""

    date: dt.date = Field(description="ISO 8601 calendar date")
    start_time: str | None = Field(None, description="HH:MM (24 h) written right after the date")
    end_time: str | None = Field(None, description="HH:MM (24 h), end of a time range")
    text: str = Field(description="The text the date was read from")
    stated_weekday: str | None = Field(None, description="Weekday written beside the date, as written")
    weekday: str = Field(description="English weekday of `date` (monday…sunday)")
    weekday_matches: bool | None = Field(None, description="Whether `stated_weekday` is the date's weekday; "
                                                           "None when no weekday is written")
    year_inferred: bool = Field(False, description="The text has no year; it was taken from the pad's other dates, "
                                                   "its title or its file name")
    span: Span | None = None
    origin: Literal["yaml", "title", "body"] = "body"


class InvalidDate(_Model):
    """A date written in a recognised form that does not exist (``31 février 2026``, ``30/02/2026``)."""

    text: str = Field(description="The text as written")
    day: int = Field(ge=1, le=31)
    month: int = Field(ge=1, le=12)
    year: int | None = Field(None, description="The year written, if any")
    days_in_month: int = Field(description="How many days that month has (in that year)")
    stated_weekday: str | None = Field(None, description="Weekday written beside the date, as written")
    span: Span | None = None
    origin: Literal["yaml", "title", "body"] = "body"


class RoleAssignment(_Model):
    """One role of a person, in a session or (``session`` None) for the whole pad."""

    role: RoleName
    session: str | None = Field(None, description="Id of the session the role belongs to; None: the whole event")
    cue: str = Field("", description="Words the role was read from, e.g. 'Animée par'")
    span: Span | None = Field(None, description="The name where the role was read")


class Person(_Model):
    """A person named in the pad; spellings of one person are merged (see `variants`)."""

    name: str = Field(description="Most complete spelling found")
    variants: list[str] = Field(default_factory=list, description="Other spellings seen (not counting first-name-only "
                                                                  "short forms of `name`)")
    affiliation: str | None = Field(None, description="Organisation name")
    job_title: str | None = None
    url: str | None = None
    roles: list[RoleAssignment] = Field(default_factory=list)
    mentions: list[Span] = Field(default_factory=list, description="Every place the person is named")


class Organisation(_Model):
    """An organisation: a person's affiliation (with the URL linked beside it) or a partner."""

    name: str
    variants: list[str] = Field(default_factory=list, description="Other spellings seen")
    url: str | None = None
    roles: list[Literal["organiser", "partner", "sponsor", "host", "affiliation"]] = Field(default_factory=list)
    people: list[str] = Field(default_factory=list, description="Names of people affiliated to it")
    mentions: list[Span] = Field(default_factory=list)


class Session(_Model):
    """A part of the event: one heading (except the title heading and the tags line)."""

    id: str = Field(description="Heading id in the configured dialect")
    title: str
    kind: SessionKind = "other"
    level: int = Field(ge=1, le=6)
    span: Span
    people: dict[str, list[str]] = Field(default_factory=dict, description="Role -> person names")
    linked_pads: list[str] = Field(default_factory=list, description="Links to other pads (same instance or pad hosts) "
                                                                     "written in the session")
    subsessions: list[str] = Field(default_factory=list, description="Ids of direct child sessions")


class Credit(_Model):
    """A credit line for the whole pad ("Prise de notes : A, B", "Facilitation graphique : C")."""

    role: RoleName
    names: list[str]
    text: str
    span: Span


class Admonition(_Model):
    kind: str = Field(description="success | info | warning | danger")
    extra_classes: str = ""
    text: str = ""
    closed: bool = True
    span: Span


class Link(_Model):
    url: str
    text: str = ""
    kind: LinkKind
    span: Span


class Image(_Model):
    src: str
    alt: str | None = None
    title: str | None = None
    width: str | None = None
    height: str | None = None
    syntax: Literal["markdown", "html"]
    decorative: bool = False
    link: str | None = Field(None, description="Href of the link the image is the only content of")
    span: Span


class Licence(_Model):
    status: LicenceStatus
    spdx: str | None = Field(None, description="SPDX identifier or expression")
    statement: str | None = Field(None, description="The text the verdict was read from")
    span: Span | None = None
    candidates: list[str] = Field(default_factory=list, description="Every SPDX id seen, for conflicts")


class Visibility(_Model):
    publicly_editable: bool = False
    statement: str | None = None
    span: Span | None = None


class EventDocument(_Model):
    """A pad's event, as pad-lint understands it."""

    schema_version: str = SCHEMA_VERSION
    source: Source
    metadata: Metadata
    title: TextValue | None = None
    date: EventDate | None = None
    dates: list[EventDate] = Field(default_factory=list, description="Every date found, in order")
    invalid_dates: list[InvalidDate] = Field(default_factory=list,
                                             description="Dates written that do not exist (31 February), in order")
    location: TextValue | None = None
    mode: Literal["in-person", "online", "hybrid"] | None = Field(
        None, description="How people took part, when the pad says so about the event itself (its metadata, "
                          "title, opening lines, a `Lieu :`/`Location:`/`Lien de la visio :` line or a box)")
    mode_evidence: list[TextValue] = Field(default_factory=list,
                                           description="The statements `mode` was read from, with their spans")
    language: str | None = Field(None, description="BCP 47 tag: YAML `lang` or detected")
    tags: list[Tag] = Field(default_factory=list)
    sessions: list[Session] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    organisations: list[Organisation] = Field(default_factory=list)
    credits: list[Credit] = Field(default_factory=list)
    admonitions: list[Admonition] = Field(default_factory=list)
    visibility: Visibility = Field(default_factory=Visibility)
    links: list[Link] = Field(default_factory=list)
    linked_pads: list[str] = Field(default_factory=list,
                                   description="Other pads on this pad's HedgeDoc server, absolute when the server "
                                               "is known (pad_lint.links.pad_links)")
    images: list[Image] = Field(default_factory=list)
    licence: Licence
    inclusive_forms: list[InclusiveForm] = Field(default_factory=list,
                                                 description="Abbreviated inclusive forms found (see the inclusive rules)")
    inclusive_style: InclusiveStyle = Field(default_factory=InclusiveStyle,
                                            description="The pad's dominant inclusive-writing style")
