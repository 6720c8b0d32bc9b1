"""Which parts of a pad are French prose (the inclusive-writing rules read nothing else).

Order of evidence:

1. the pad's ``lang`` front-matter key (HedgeDoc's own metadata): ``fr``/``fr-*`` means
   every paragraph is French, any other value means none is;
2. otherwise a language detector, per paragraph (:attr:`PadView.blocks`): a paragraph of
   at least :data:`MIN_WORDS` words is French when at least :data:`FRENCH_SHARE` of its
   words are French words; a shorter one (a list label, a name, a heading) takes the
   language of the whole pad, measured the same way on all its prose.

Detector: simplemma's dictionary-based method (as ``simplemma.in_target_language``, MIT):
the share of a text's words found in the French dictionary. It is the package and
dictionary the lexicon check already loads, so gating adds no dependency and no second
model; it is deterministic and offline. Unlike ``in_target_language`` it counts only words
that start with a lower-case letter, because a list of names (``Présent·es : Patrice
Lafargue, Magali Dufresne…``) is not evidence of any language. ``docs/inclusive-writing.md``
explains why it was preferred to ``py3langid`` and ``langdetect``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import lexicon

#: A paragraph needs this many words to be judged on its own.
MIN_WORDS = 8
#: Share of French words from which a paragraph is French. Measured on the real corpus
#: (``tests/test_inclusive_corpus.py``): English paragraphs reach at most 0.50, French
#: prose paragraphs usually 0.6 to 1.0 (lower ones are command lines and jargon).
FRENCH_SHARE = 0.55
#: The same for a whole pad (English pads: 0.14 to 0.27; French: 0.52 to 0.91).
PAD_FRENCH_SHARE = 0.45
_WORD = re.compile(r"(?<![\w'’-])[^\W\d_A-ZÀ-ÖØ-Þ][^\W\d_]+(?![\w-])")
#: The pad-level measure reads the first this many characters of the pad's prose.
SAMPLE = 20000


def french_share(text: str) -> float:
    """Share (0..1) of ``text``'s lower-case words that simplemma's French dictionary knows
    (0.0 for a text without such words)."""
    return _share(_WORD.findall(text))


def _share(words: list[str]) -> float:
    """Share of ``words`` the French dictionary knows (0.0 for no word)."""
    if not words:
        return 0.0
    return sum(map(lexicon().known, words)) / len(words)


def declared_language(front_matter: dict) -> str | None:
    """The ``lang`` front-matter value (``"fr"``, ``"en-GB"``…) or ``None``."""
    value = front_matter.get("lang") if isinstance(front_matter, dict) else None
    return value.strip() if isinstance(value, str) and value.strip() else None


def is_french_tag(tag: str) -> bool:
    return tag.lower().replace("_", "-").split("-")[0] == "fr"


@dataclass
class LanguageGate:
    """Decides, lazily and once per paragraph, whether a paragraph is French.

    ``block_text(i)`` returns the text of paragraph ``i``; ``pad_text`` returns the pad's
    prose, at least its first :data:`SAMPLE` characters (called at most once). ``declared``
    is the ``lang`` metadata.
    """

    block_text: "callable"  # type: ignore[valid-type]
    pad_text: "callable"    # type: ignore[valid-type]
    declared: str | None = None
    _pad: bool | None = None
    _blocks: dict[int, bool] = field(default_factory=dict)

    @property
    def pad_is_french(self) -> bool:
        if self.declared is not None:
            return is_french_tag(self.declared)
        if self._pad is None:
            words = _WORD.findall(self.pad_text()[:SAMPLE])
            self._pad = len(words) > 0 and _share(words) >= PAD_FRENCH_SHARE
        return self._pad

    def is_french(self, block: int) -> bool:
        """Whether paragraph ``block`` is French prose."""
        if self.declared is not None:
            return is_french_tag(self.declared)
        if block not in self._blocks:
            words = _WORD.findall(self.block_text(block))
            if len(words) >= MIN_WORDS:
                self._blocks[block] = _share(words) >= FRENCH_SHARE
            else:
                self._blocks[block] = self.pad_is_french
        return self._blocks[block]
