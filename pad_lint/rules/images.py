"""Image rules IMG001–IMG006: text alternatives (alt text) of the pad's images.

One pass (:func:`image_facts`, shared through ``ctx.cache``) judges every image
with :mod:`pad_lint.images`; each rule yields only its own code. Sources: WCAG
2.2 SC 1.1.1 and its failures F30/F39/F65, SC 2.4.4 and 4.1.2 for links; RGAA
4.1 criteria 1.1, 1.2, 1.3 (1.3.9: short and concise) and the glossary entries
*image de décoration* and *légende d'image*; HedgeDoc 1's upload behaviour
(``![](file)``, ``public/vendor/inlineAttachment/inline-attachment.js``).

The pass is linear in the size of the pad: credited names are indexed once
(:class:`~pad_lint.images.CreditFinder`), every pattern is compiled once, and the
event document (needed only for name-like alts) is built at most once.

Help texts show the fix in the pad's language (a French pad gets
``![Description courte de l'image](…)`` and ``*Illustration : Nom*``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..diagnostics import Diagnostic
from ..images import (AltJudgement, CreditedName, CreditFinder, credits_in_document, credits_in_text, judge_alt,
                      looks_like_personal_name, normalise_alt, people_in_document)
from ..licences import pad_language
from ..licences.excerpt import shorten
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
_MD_OPEN = re.compile(r"(?<!!)\[\s*$")
_MD_CLOSE = re.compile(r"^\s*\]\(\s*([^)\s]+)")


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
    if _MD_OPEN.search(before):
        close = _MD_CLOSE.match(after)
        if close:
            return close.group(1), False
    return None, False


def _credit_finder(ctx: LintContext) -> CreditFinder:
    """The pad's credited names (from its text), and the event document's people on demand."""
    def load_people() -> tuple[list[CreditedName], set[str]]:
        document = _document(ctx)
        if document is None:
            return [], set()
        return credits_in_document(document), people_in_document(document)

    return CreditFinder(credits_in_text(ctx.view), load_people)


def image_facts(ctx: LintContext) -> ImageFacts:
    """Judge every image once per pad."""
    if _CACHE_KEY in ctx.cache:
        return ctx.cache[_CACHE_KEY]
    facts = []
    finder: CreditFinder | None = None
    for image in ctx.view.images:
        j = judge_alt(image)
        link, named = _enclosing_link(ctx, image)
        credit = None
        if j.verdict == "ok" and j.alt:
            finder = finder or _credit_finder(ctx)
            credit = finder.find(j.alt)
        facts.append(ImageFact(image, j, link, named, credit))
    result = ImageFacts(facts, finder.credited if finder else [], pad_language(ctx.view))
    ctx.cache[_CACHE_KEY] = result
    return result


def _alt_example(lang: str) -> str:
    return "![Description courte de l'image](…)" if lang == "fr" else "![Short description of the image](…)"


def _short(text: str, limit: int = 60) -> str:
    """Quote an alt, a title or an address: one line, ``…`` in the middle when long."""
    return f"“{shorten(text, limit)}”"


def _lines(facts: list[ImageFact], shown: int = 6) -> str:
    """``lines 3, 8 and 12`` (at most ``shown`` numbers, then how many more)."""
    numbers = [str(f.image.span.start_line) for f in facts]
    if len(numbers) > shown:
        return f"lines {', '.join(numbers[:shown])} and {len(numbers) - shown} more"
    if len(numbers) == 1:
        return f"line {numbers[0]}"
    return f"lines {', '.join(numbers[:-1])} and {numbers[-1]}"


_SOURCE_111 = "WCAG 2.2 SC 1.1.1 Non-text Content (F30, F65, H37); RGAA 4.1 criteria 1.1 and 1.2"


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
    source=_SOURCE_111 + "; HedgeDoc 1 public/vendor/inlineAttachment/inline-attachment.js (`![](file)` on upload)",
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
            msg = (f"This image has a title ({_short(img.title or '')}) but no alt text. A title is only a tooltip: "
                   "many screen readers do not read it, so their users do not learn what the image shows.")
            help_ = ("Move the description into the alt text, between the square brackets: "
                     f"`![{(img.title or '').strip()}](…)`." if img.syntax == "markdown"
                     else "Add an `alt=\"…\"` attribute that describes the image.")
        elif j.reason == "decorative-with-title":
            msg = ("This image is marked decorative (`alt=\"\"`) but also has a title, so some screen readers "
                   "announce it and others skip it.")
            help_ = "Either describe the image in `alt=\"…\"` and drop the title, or remove the title if it is decorative."
        elif j.reason == "whitespace":
            msg = ("The alt text of this image is only spaces, which is not a description: some screen readers "
                   "then read the file name and others skip the image.")
            help_ = (f"Describe what the image shows, for example `{_alt_example(lang)}`; for a purely decorative "
                     "image use HTML `alt=\"\"` (nothing between the quotes).")
        else:
            if img.syntax == "html":
                msg = ("This `<img>` tag has no `alt` attribute, so screen reader users only hear “image” or the file "
                       "name and miss what the image shows.")
                help_ = ("Add `alt=\"…\"` describing what the image shows; if it is purely decorative, add "
                         "`alt=\"\"` (empty) to say so.")
            else:
                msg = ("This image has an empty alt text (`![](…)`), so screen reader users only hear “image” or the "
                       "file name. HedgeDoc leaves the alt text empty on every uploaded image: it has to be written "
                       "by hand.")
                help_ = (f"Describe what the image shows between the square brackets, for example "
                         f"`{_alt_example(lang)}`; for a purely decorative image use HTML `<img src=\"…\" alt=\"\">`.")
        yield MISSING_ALT.diagnostic(ctx, img.span, msg, help=help_)


_REASON_TEXT = {
    "uploading": "is HedgeDoc's placeholder for an upload that never finished",
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
    source="WCAG 2.2 SC 1.1.1, failures F30 and F39; RGAA 4.1 criterion 1.3; ACT Rules 9eb3f6 'Image "
           "filename is accessible name for image'; sa11y (ryersondmp/sa11y) and WebAIM WAVE placeholder lists",
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
    source="WCAG 2.2 SC 1.1.1 (the alternative serves the equivalent purpose); RGAA 4.1 criterion 1.3; "
           "Equalize Digital Accessibility Checker img-alt-redundant (same alt, different src and href)",
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
        flagged = _different_images(members)
        if not flagged:
            continue
        alt = flagged[0].judgement.alt or ""
        name_hint = ""
        if looks_like_personal_name(alt.strip()):
            name_hint = " It looks like a person's name, so it is probably a credit, which belongs in a caption."
        where = _lines(flagged)
        for f in flagged:
            yield REPEATED_ALT.diagnostic(
                ctx, f.image.span,
                f"The alt text {_short(alt)} is used on {len(flagged)} different images ({where}), so screen "
                f"reader users hear the same words for different pictures.{name_hint}",
                help=f"Describe what each image shows, for example `{_alt_example(facts.language)}`.",
            )


def _different_images(members: list[ImageFact]) -> list[ImageFact]:
    """The images of one alt group that share it with a *different* image: another address,
    unless both are the only content of links to the same page. Counted, not compared pair
    by pair, so a pad with one alt on thousands of images stays linear."""
    by_src: dict[str, int] = {}
    by_link: dict[str, int] = {}
    by_src_link: dict[tuple[str, str], int] = {}
    for f in members:
        by_src[f.image.src] = by_src.get(f.image.src, 0) + 1
        if f.link:
            by_link[f.link] = by_link.get(f.link, 0) + 1
            by_src_link[(f.image.src, f.link)] = by_src_link.get((f.image.src, f.link), 0) + 1
    flagged = []
    for f in members:
        other_src = len(members) - by_src[f.image.src]
        if f.link:   # images elsewhere linked to the same page do not count
            other_src -= by_link[f.link] - by_src_link[(f.image.src, f.link)]
        if other_src > 0:
            flagged.append(f)
    return flagged


@rule(
    code="IMG004", name="credit-as-alt", severity="warning",
    summary="An alt text is a credit (author, photographer, ©), not a description.",
    explanation="""
The name of the illustrator or photographer, "© …" or "Crédit photo : …" tells who made
the image, not what it shows. The RGAA glossary (*légende d'image*) lists the author and
the copyright as caption material. A person's name used as alt is reported when the pad
credits that person for images ("Facilitation graphique : …", "Illustrations : …",
"Photo : …", "Crédits : …", "© …", or an illustrator in the event document). A label
followed by names ("Photo : D. Martin", "Illustration par Zoé Lambert") is a credit; a
label followed by a description ("Photo : un vélo devant la mairie") is not reported. A
single word after the label counts as a name only when it is the name of a person of the
pad ("Photo : Zoé", not "Photo : Nantes").

Fix: describe the image in the alt text and put the credit in a caption on the line under
the image, for example `*Illustration : Mathis Garnier*`.
""",
    source="RGAA 4.1 criterion 1.3 and glossary 'Légende d'image' (copyright and author belong in the caption); "
           "WCAG 2.2 SC 1.1.1",
    example="""
![Mathis Garnier](…/drawing-1.jpg)     <- IMG004 (the pad says "Facilitation graphique : Mathis Garnier")
""",
)
def CREDIT_AS_ALT(ctx: LintContext) -> Iterator[Diagnostic]:
    facts = image_facts(ctx)
    for f in facts.images:
        if f.credit is None:
            continue
        part, who = f.credit
        alt_text = f.judgement.alt or ""
        alt = _short(alt_text)
        credited = ""
        if who is not None:
            credited = f"the pad credits {who.name} for the images under “{who.cue}”" + (
                f" on line {who.line}" if who.line else "")
        if normalise_alt(part) != normalise_alt(alt_text):      # a description, then a credit
            msg = (f"The alt text {alt} ends with a credit ({_short(part, 40)}"
                   + (f"; {credited}" if credited else "") + "): who made the image belongs in a caption, not in "
                   "the text that replaces the image for screen reader users.")
        elif who is not None and normalise_alt(alt_text) == who.key:
            msg = (f"The alt text {alt} is the name of the person credited for the images ({credited}): it tells "
                   "who made the image, not what it shows.")
        elif who is not None:
            msg = f"The alt text {alt} is a credit ({credited}): it tells who made the image, not what it shows."
        else:
            msg = (f"The alt text {alt} is a credit (it names the author or the copyright holder): it tells who "
                   "made the image, not what it shows.")
        name = who.name if who is not None else None
        if name:
            caption = f"*Illustration : {name}*" if facts.language == "fr" else f"*Illustration: {name}*"
        else:
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
    source="RGAA 4.1 criterion 1.3.9 and glossary 'Alternative textuelle' (80 characters); sa11y (250), "
           "WP Accessibility (140)",
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
           "W3C WAI alt decision tree (image inside a link); RGAA 4.1 criterion 1.1",
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
