"""Image rules IMG001–IMG006: text alternatives (alt text) of the pad's images.

One pass (:func:`image_facts`, shared through ``ctx.cache``) judges every image
with :mod:`pad_lint.images`; each rule yields only its own code. Sources: WCAG
2.2 SC 1.1.1 and its failures F30/F39/F65, SC 2.4.4 and 4.1.2 for links; RGAA
4.1 criteria 1.1, 1.2, 1.3 (1.3.9: short and concise) and the glossary entries
*image de décoration* and *légende d'image*; HedgeDoc 1's upload behaviour
(``![](file)``); ``shared/reference/alt-text.md``.

Help texts show the fix in the pad's language (a French pad gets
``![Description courte de l'image](…)`` and ``*Illustration : Nom*``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..diagnostics import Diagnostic
from ..images import (AltJudgement, CreditedName, credit_in_alt, credited_names, is_name, judge_alt,
                      looks_like_personal_name, normalise_alt)
from ..licences import pad_language
from ..markdown.view import Image
from .context import LintContext
from .registry import rule

_CACHE_KEY = "images.facts"


@dataclass
class ImageFact:
    """One image and what the image rules found about it.

    ``link`` is the href of a link whose only content is the image, ``link_named``
    whether that link has a name of its own (``aria-label`` on ``<a>``).
    ``credit`` is set when the alt is a credit (IMG004): ``(text, credited name)``.
    """

    image: Image
    judgement: AltJudgement
    link: str | None = None
    link_named: bool = False
    credit: tuple[str, CreditedName | None] | None = None


@dataclass
class ImageFacts:
    images: list[ImageFact]
    credited: list[CreditedName]
    language: str


def _document(ctx: LintContext):  # noqa: ANN202 - EventDocument | None
    try:
        return ctx.document
    except ImportError:  # the event extractor is not installed: read credits from the text only
        return None


_A_OPEN = re.compile(r"<a\b(?P<attrs>[^>]*)>\s*$", re.IGNORECASE)
_A_CLOSE = re.compile(r"^\s*</a\s*>", re.IGNORECASE)
_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_ARIA_LABEL = re.compile(r"""\baria-label(?:ledby)?\s*=\s*(?:"\s*[^"\s][^"]*"|'\s*[^'\s][^']*'|[^\s>"']+)""", re.IGNORECASE)


def _enclosing_link(ctx: LintContext, image: Image) -> tuple[str | None, bool]:
    """The link an image is the only content of, and whether that link has its own name."""
    if image.link_href is not None:
        return image.link_href, False
    text = ctx.text
    start, end = image.span.start_offset, image.span.end_offset
    before = text[max(0, start - 600):start]
    after = text[end:end + 200]
    m = _A_OPEN.search(before)
    if m and _A_CLOSE.match(after):
        h = _HREF.search(m.group("attrs"))
        if h:
            return next(g for g in h.groups() if g is not None), bool(_ARIA_LABEL.search(m.group("attrs")))
    if re.search(r"(?<!!)\[\s*$", before) and re.match(r"^\s*\]\(\s*([^)\s]+)", after):
        return re.match(r"^\s*\]\(\s*([^)\s]+)", after).group(1), False  # type: ignore[union-attr]
    return None, False


def image_facts(ctx: LintContext) -> ImageFacts:
    """Judge every image once per pad."""
    if _CACHE_KEY in ctx.cache:
        return ctx.cache[_CACHE_KEY]
    credited = credited_names(ctx.view) if ctx.view.images else []
    with_document: list[CreditedName] | None = None
    facts = []
    for image in ctx.view.images:
        j = judge_alt(image)
        link, named = _enclosing_link(ctx, image)
        credit = credit_in_alt(j.alt, credited) if j.verdict == "ok" and j.alt else None
        if credit is None and j.verdict == "ok" and j.alt and is_name(j.alt.strip()):
            # only a name-like alt needs the event document's illustrators (building it costs more)
            if with_document is None:
                with_document = credited_names(ctx.view, _document(ctx))
            credit = credit_in_alt(j.alt, with_document)
            credited = with_document
        facts.append(ImageFact(image, j, link, named, credit))
    result = ImageFacts(facts, credited, pad_language(ctx.view))
    ctx.cache[_CACHE_KEY] = result
    return result


def _alt_example(lang: str) -> str:
    return "![Description courte de l'image](…)" if lang == "fr" else "![Short description of the image](…)"


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= limit else text[:limit - 1] + '…'}”"


_SOURCE_111 = "WCAG 2.2 SC 1.1.1 (F30, F65, H37); RGAA 4.1 criteria 1.1 and 1.2; shared/reference/alt-text.md"


@rule(
    code="IMG001", name="missing-alt", severity="error",
    summary="An image has no text alternative (alt text).",
    explanation="""
Screen readers announce an image by its alt text. Without one they say "image", or read
the file name ("upload underscore 5 c 1 e…"), and blind readers miss what the image shows.
HedgeDoc 1 inserts `![](file)` for every uploaded or pasted image, so every upload starts
without alt text.

Reported: Markdown `![](…)` and `![ ](…)` (only spaces), HTML `<img>` without `alt`, and an
image that has a title but no alt (the title is a tooltip, not a text alternative). HTML
`alt=""`, `aria-hidden="true"` and `role="presentation"` mark an image as decorative on
purpose and are not reported (Markdown cannot say "decorative").

Fix: write what the image shows between the square brackets, `![Photo de groupe devant la
mairie](…)`; for a purely decorative image, use HTML `<img src="…" alt="">`.
""",
    source=_SOURCE_111 + "; HedgeDoc 1 inline-attachment.js (`![](file)` on upload)",
    example="""
![](https://pad.example.org/uploads/upload_5c1e0b7d2a.jpg)     <- IMG001
""",
)
def MISSING_ALT(ctx: LintContext) -> Iterator[Diagnostic]:
    facts = image_facts(ctx)
    lang = facts.language
    for f in facts.images:
        j, img = f.judgement, f.image
        if j.verdict != "unlabelled" or (f.link is not None and not f.link_named):
            continue  # linked images without a name are IMG006
        if j.reason == "title-only":
            msg = (f"This image has a title ({_short(img.title or '')}) but no alt text: the title is only a tooltip, "
                   "screen readers do not use it as the image's description.")
            help_ = ("Move the description into the alt text, between the square brackets: "
                     f"`![{(img.title or '').strip()}](…)`." if img.syntax == "markdown"
                     else "Add an `alt=\"…\"` attribute that describes the image.")
        elif j.reason == "decorative-with-title":
            msg = ("This image is marked decorative (`alt=\"\"`) but also has a title, so some screen readers "
                   "announce it and others skip it.")
            help_ = "Either describe the image in `alt=\"…\"` and drop the title, or remove the title if it is decorative."
        elif j.reason == "whitespace":
            msg = ("The alt text of this image is only spaces, which is not a description: some screen readers "
                   "read the file name instead, others skip the image.")
            help_ = (f"Describe what the image shows, for example `{_alt_example(lang)}`; for a purely decorative "
                     "image use HTML `alt=\"\"` (nothing between the quotes).")
        else:
            what = "`<img>` tag has no `alt` attribute" if img.syntax == "html" else "image has an empty alt text (`![](…)`)"
            msg = (f"This {what}, so screen reader users only hear “image” or the file name. HedgeDoc leaves the alt "
                   "text empty on every uploaded image: it has to be written by hand.")
            if img.syntax == "html":
                help_ = ("Add `alt=\"…\"` describing what the image shows; if it is purely decorative, add "
                         "`alt=\"\"` (empty) to say so.")
            else:
                help_ = (f"Describe what the image shows between the square brackets, for example "
                         f"`{_alt_example(lang)}`; for a purely decorative image use HTML `<img src=\"…\" alt=\"\">`.")
        yield MISSING_ALT.diagnostic(ctx, img.span, msg, help=help_)


_REASON_TEXT = {
    "uploading": "is HedgeDoc's upload placeholder: the upload never finished",
    "url": "is a web address",
    "quotes": "is only quotes or punctuation, which screen readers read out literally (“quote quote”)",
    "screenshot": "is the default name of a screenshot",
    "filename": "is a file name",
    "placeholder": "is a generic word, not a description",
}


@rule(
    code="IMG002", name="placeholder-alt", severity="warning",
    summary="An alt text is a placeholder, a file name or a screenshot name, not a description.",
    explanation="""
An alt text must say what the image shows (WCAG failure F30: "the text alternative is not
an alternative"). Reported: file names (`upload_5c1e….jpg`, `IMG_1234`, `DSC01234`, the
image's own file name), default screenshot names in French and English ("Capture d’écran
2025-03-03 à 18.42.07", "Capture d'écran du …", "Screenshot 2025-…", "Screen Shot …"),
placeholder words ("image", "une image", "photo", "illustration", "capture", "logo",
"untitled", "image 1"…), literal quotes (`![""](…)` is read "quote quote", it is not an
empty alt), URLs, and HedgeDoc's unfinished upload "Uploading file…". A caption next to
the image does not excuse a placeholder alt.

Fix: replace it with a short description of what the image shows. For a decorative image
use HTML `alt=""`.
""",
    source="WCAG 2.2 F30 and F39; RGAA 4.1 criterion 1.3; ACT rules 'image accessible name is filename / "
           "placeholder'; shared/reference/alt-text.md §3-4",
    example="""
![photo](https://pad.example.org/uploads/balade-02.jpg)      <- IMG002
""",
)
def PLACEHOLDER_ALT(ctx: LintContext) -> Iterator[Diagnostic]:
    facts = image_facts(ctx)
    for f in facts.images:
        j = f.judgement
        if j.verdict != "poorly-labelled":
            continue
        msg = f"The alt text {_short(j.alt or '')} {_REASON_TEXT.get(j.reason, 'is not a description')}, " \
              "so screen reader users do not learn what the image shows."
        if f.link is not None:
            msg += " The image is also the only content of a link, so this text is all they hear about the link."
        yield PLACEHOLDER_ALT.diagnostic(
            ctx, f.image.span, msg,
            help=f"Replace it with a short description of what the image shows, for example "
                 f"`{_alt_example(facts.language)}`; for a purely decorative image use HTML `alt=\"\"`.",
        )


@rule(
    code="IMG003", name="repeated-alt", severity="warning",
    summary="The same alt text is used on images with different sources.",
    explanation="""
When several different images share one alt text, screen reader users hear the same words
for different pictures and cannot tell them apart; it is usually a credit or a caption
copied onto every image. The same image repeated (same address), or images that are all
the only content of links to the same page, are not reported.

Fix: describe what each image shows; move the shared part (an author, a date) to a caption
under the images.
""",
    source="equalizedigital accessibility-checker img-alt-redundant (same alt, different src and href); "
           "RGAA 4.1 criterion 1.3; shared/reference/alt-text.md §1.2, §4",
    example="""
![Mathis Garnier](…/drawing-1.jpg)
![Mathis Garnier](…/drawing-2.jpg)     <- IMG003 on both
""",
)
def REPEATED_ALT(ctx: LintContext) -> Iterator[Diagnostic]:
    facts = image_facts(ctx)
    groups: dict[str, list[ImageFact]] = {}
    for f in facts.images:
        if f.judgement.verdict == "ok" and f.judgement.alt:
            key = normalise_alt(f.judgement.alt)
            if key:
                groups.setdefault(key, []).append(f)
    for members in groups.values():
        if len(members) < 2:
            continue
        flagged = [f for f in members if any(
            g is not f and g.image.src != f.image.src and not (g.link and f.link and g.link == f.link)
            for g in members)]
        if not flagged:
            continue
        lines = ", ".join(str(f.image.span.start_line) for f in flagged)
        alt = flagged[0].judgement.alt or ""
        name_hint = ""
        if looks_like_personal_name(alt.strip()):
            name_hint = " It looks like a person's name: probably a credit, which belongs in a caption."
        for f in flagged:
            yield REPEATED_ALT.diagnostic(
                ctx, f.image.span,
                f"The alt text {_short(alt)} is used on {len(flagged)} different images (lines {lines}), so screen "
                f"reader users hear the same words for different pictures.{name_hint}",
                help=f"Describe what each image shows, for example `{_alt_example(facts.language)}`.",
            )


@rule(
    code="IMG004", name="credit-as-alt", severity="warning",
    summary="An alt text is a credit (author, photographer, ©), not a description.",
    explanation="""
The name of the illustrator or photographer, "©…", "Crédit photo : …", "Illustration : …"
tell who made the image, not what it shows. The RGAA glossary (*légende d'image*) lists the
author and the copyright as caption material. A person's name used as alt is reported when
the pad credits that person for images ("Facilitation graphique : …", "Illustrations : …",
"Photo : …", "Crédits : …", "©…", or an illustrator in the event document).

Fix: describe the image in the alt text and put the credit in a caption on the line under
the image, for example `*Illustration : Mathis Garnier*`.
""",
    source="RGAA 4.1 glossary 'Légende d'image' (copyright, author) and criterion 1.3; shared/reference/alt-text.md §2, §4",
    example="""
![Mathis Garnier](…/drawing-1.jpg)     <- IMG004 (the pad says "Facilitation graphique : Mathis Garnier")
""",
)
def CREDIT_AS_ALT(ctx: LintContext) -> Iterator[Diagnostic]:
    facts = image_facts(ctx)
    for f in facts.images:
        if f.credit is None:
            continue
        text, who = f.credit
        if who is not None:
            where = f" (the pad credits {who.name} under “{who.cue}”" + (f" on line {who.line})" if who.line else ")")
            msg = (f"The alt text {_short(f.judgement.alt or '')} is the name of the person credited for the images"
                   f"{where}: it tells who made the image, not what it shows.")
            caption = f"*Illustration : {who.name}*" if facts.language == "fr" else f"*Illustration: {who.name}*"
        else:
            msg = (f"The alt text {_short(f.judgement.alt or '')} is a credit (author or copyright): it tells who made "
                   "the image, not what it shows.")
            caption = "*Illustration : Nom de l'auteur·rice*" if facts.language == "fr" else "*Illustration: author's name*"
        yield CREDIT_AS_ALT.diagnostic(
            ctx, f.image.span, msg,
            help=f"Describe the image in the alt text and move the credit to a caption on the line under the image, "
                 f"for example `{caption}`.",
        )


@rule(
    code="IMG005", name="alt-too-long", severity="info",
    summary="An alt text is longer than the configured maximum (default 80 characters, RGAA).",
    explanation="""
Alt text is read in one go and cannot be skimmed; the RGAA glossary "strongly recommends"
at most 80 characters (criterion 1.3.9: short and concise). Other checkers warn at 140
(WP Accessibility), 250 (sa11y) or 300 (Equalize Digital). Set `max-alt-length` in
`[tool.pad-lint.images]` to change the limit.

Fix: keep the essentials in the alt text and move details into the text of the pad or a
caption under the image.
""",
    source="RGAA 4.1 criterion 1.3.9 and glossary 'Alternative textuelle' (80 characters); shared/reference/alt-text.md §2, §4",
    options=("images.max-alt-length",),
    example="""
![Photographie de la fresque peinte sur le mur de l'école Jules-Ferry, aux couleurs vives](…)   <- IMG005 (87 > 80)
""",
)
def ALT_TOO_LONG(ctx: LintContext) -> Iterator[Diagnostic]:
    facts = image_facts(ctx)
    limit = ctx.config.images.max_alt_length
    for f in facts.images:
        alt = " ".join((f.judgement.alt or "").split())
        if f.judgement.verdict in ("unlabelled", "ok-decorative") or len(alt) <= limit:
            continue
        yield ALT_TOO_LONG.diagnostic(
            ctx, f.image.span,
            f"This alt text is {len(alt)} characters long (the limit is {limit}); long alt texts are tiring to "
            "listen to and cannot be skimmed.",
            help="Keep the essentials in the alt text and move the details into the pad's text or a caption under "
                 "the image.",
        )


@rule(
    code="IMG006", name="image-link-without-name", severity="error",
    summary="A link whose only content is an image without alt text has no accessible name.",
    explanation="""
When an image is the only content of a link (`[![](logo.png)](https://…)`, `<a href="…"><img
src="…"></a>`), its alt text is the link's name. Without it, screen readers announce "link"
followed by the address or nothing, and users cannot know where the link goes. An HTML
`alt=""` does not help here: the link still has no name.

Fix: write the link's destination or purpose as the image's alt text, for example
`[![Site de l'association FORSE](logo.png)](https://…)`.
""",
    source="WCAG 2.2 SC 1.1.1 and 2.4.4 (H30: image as the only content of a link), SC 4.1.2; "
           "W3C alt decision tree (image inside a link); shared/reference/alt-text.md §2",
    example="""
[![](https://pad.example.org/uploads/logo.png)](https://example.org)    <- IMG006
""",
)
def IMAGE_LINK_WITHOUT_NAME(ctx: LintContext) -> Iterator[Diagnostic]:
    facts = image_facts(ctx)
    for f in facts.images:
        if f.link is None or f.link_named or f.judgement.verdict not in ("unlabelled", "ok-decorative"):
            continue
        example = ("[![Site de …](image)](adresse)" if facts.language == "fr" else "[![Website of …](image)](address)")
        yield IMAGE_LINK_WITHOUT_NAME.diagnostic(
            ctx, f.image.span,
            f"This image is the only content of a link (to {_short(f.link, 50)}) and has no alt text, so the link "
            "has no name: screen reader users hear only “link” and cannot tell where it goes.",
            help=f"Write where the link goes as the image's alt text, for example `{example}`.",
        )
