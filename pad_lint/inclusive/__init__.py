"""French inclusive writing ("écriture inclusive"): detection, morphology, policies, fixes.

Reference: ``shared/reference/inclusive-writing.md``; user documentation:
``docs/inclusive-writing.md``. Modules:

* :mod:`.separators`: the separator characters and their names;
* :mod:`.lexicon`: French word knowledge (simplemma), cached;
* :mod:`.morphology`: alternations, irregular pairs and closed class (``data/*.tsv``),
  analysis and rendering of forms;
* :mod:`.detector`: forms in the pad's prose, with exact spans;
* :mod:`.language`: which paragraphs are French;
* :mod:`.policy`: the configured norm, malformed forms, generic masculine, fix edits;
* :mod:`.models`: :class:`InclusiveForm` and :class:`InclusiveStyle` for the event document.

Public entry point for the event document: :func:`forms_for_document`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .models import InclusiveForm, InclusiveStyle

if TYPE_CHECKING:
    from ..config import Config
    from ..markdown.view import PadView
    from .detector import Found
    from .language import LanguageGate

__all__ = ["InclusiveForm", "InclusiveStyle", "forms_for_document", "PadForms", "pad_forms"]


@dataclass
class PadForms:
    """Everything the family derives from one pad, computed once (see :func:`pad_forms`).

    ``pieces``: prose ``(text, start offset, block index)``; ``gate``: French paragraphs;
    ``forms``: abbreviated forms in French paragraphs, in order.
    """

    pieces: list[tuple[str, int, int]]
    gate: "LanguageGate"
    forms: list["Found"]


_CACHE_ATTR = "_pad_lint_inclusive"


def pad_forms(view: "PadView") -> PadForms:
    """Detect the pad's forms once per :class:`PadView` (cached on the view object).

    Detection does not depend on the configuration, so the rules and the event extractor
    share the result.
    """
    cached = view.__dict__.get(_CACHE_ATTR)
    if cached is not None:
        return cached
    from .detector import _merge, detect, prose_pieces
    from .language import LanguageGate, declared_language

    pieces = _merge(prose_pieces(view))
    blocks = view.blocks
    gate = LanguageGate(block_text=lambda i: blocks[i].text if 0 <= i < len(blocks) else "",
                        pad_text=lambda: _pad_sample(blocks),
                        declared=declared_language(view.front_matter.data))
    result = PadForms(pieces=pieces, gate=gate, forms=detect(view, gate.is_french, pieces))
    view.__dict__[_CACHE_ATTR] = result
    return result


def _pad_sample(blocks: list) -> str:
    """The blocks' texts joined by newlines, as far as the language gate reads them
    (:data:`.language.SAMPLE` characters): the joined text's prefix of that length is exact."""
    from .language import SAMPLE

    parts: list[str] = []
    size = 0
    for b in blocks:
        parts.append(b.text)
        size += len(b.text) + 1
        if size > SAMPLE:
            break
    return "\n".join(parts)


def to_model(f: "Found", view: "PadView") -> InclusiveForm:
    """The event-document model of a detected form."""
    from .policy import corrected, is_malformed

    problem = is_malformed(f)
    return InclusiveForm(text=f.text, span=view.pad.index.span(f.start, f.end), separator=f.separator,
                         plural_style=f.plural_style, lemma=f.lemma, masculine=f.masculine, feminine=f.feminine,
                         kind="closed-class" if f.closed is not None else "word", well_formed=problem is None,
                         suggestion=corrected(f) if problem else None)


def forms_for_document(view: "PadView", config: "Config | None" = None) -> tuple[list[InclusiveForm], InclusiveStyle]:
    """The abbreviated inclusive forms of a pad and its dominant style, for the event document.

    Args:
        view: the parsed pad.
        config: unused by detection (kept for the extractor's contract; the style summary is
            the pad's own, whatever the policy).

    Returns:
        ``(forms, style)``: forms in pad order with spans, and the pad's style summary
        (``style.forms == 0`` and ``None`` dominants when the pad has no form or no French prose).
    """
    from .policy import style_of

    found = pad_forms(view).forms
    return [to_model(f, view) for f in found], style_of(found)
