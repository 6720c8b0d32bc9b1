"""French word knowledge: is a word French, and what is its lemma.

The check that tells ``militant.es`` (a form: *militante* is the feminine of
*militant*) from ``info.es`` (a domain: *infoe* is no word), and
``professionnel·les`` from Catalan ``Gal·les`` (``shared/reference/inclusive-writing.md``
§0 and §2.5 step 4).

Backend: `simplemma <https://pypi.org/project/simplemma/>`_ (MIT), its French
dictionary of inflected form -> lemma. ``benchmarks/inclusive_lexicon_compare.py``
measures it against `wordfreq` (frequency lists, no lemmas) on the field cases;
``docs/inclusive-writing.md`` gives the numbers and the reasons for the choice.
simplemma misses some recent feminines (*autrice*, *cheffe*, *ingénieure*…) and
stores some irregular feminines as lemmas of their own (*copine*, *hôtesse*): the
shipped table ``data/irregular.tsv`` fills those gaps. Grammalecte (GPL-3) is not
used, so pad-lint stays MIT-licensed.

Every look-up is cached (``functools.lru_cache``), so a pad costs one dictionary
query per distinct word.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from importlib import resources

LANG = "fr"

#: Masculine suffixes of agent nouns, adjectives and participles, whose feminine is regular
#: (présent -> présente, candidat -> candidate); plan, don, port, bas end otherwise.
PRODUCTIVE_SUFFIXES = ("ant", "ent", "é", "eur", "ais", "ois", "ain", "ien", "ier", "if", "el", "al", "ard",
                       "aud", "at", "et", "ot", "in", "u", "i", "eux")


def _rows(name: str) -> list[list[str]]:
    """Rows of a shipped ``data/*.tsv`` file, comments and blank lines skipped."""
    text = resources.files(__package__).joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def irregular_pairs() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """``(masculine, feminine, abbreviated endings)`` rows of ``data/irregular.tsv``."""
    return tuple((r[0], r[1], tuple(r[2].split("|"))) for r in _rows("irregular.tsv"))


@lru_cache(maxsize=1)
def _supplement() -> dict[str, str]:
    """Feminine -> masculine for the irregular table (treated as known words)."""
    return {fem: masc for masc, fem, _ in irregular_pairs()}


def fold(word: str) -> str:
    """NFC and lower case: the key of every look-up."""
    return unicodedata.normalize("NFC", word).lower()


class Lexicon:
    """French lexicon queries, cached. ``backend`` is ``simplemma`` (default) or ``wordfreq``
    (only for the comparison benchmark: it has no lemmas, so :meth:`lemma` returns the word).

    Raises:
        ImportError: the backend package is not installed.
    """

    def __init__(self, backend: str = "simplemma") -> None:
        self.backend = backend
        if backend == "simplemma":
            import simplemma

            self._lemmatize = lambda w: simplemma.lemmatize(w, lang=LANG)
            self._known = lambda w: simplemma.is_known(w, lang=LANG)
        elif backend == "wordfreq":  # existence only: no lemmas
            import wordfreq

            self._lemmatize = lambda w: w
            self._known = lambda w: wordfreq.zipf_frequency(w, LANG) >= 1.0
        else:
            raise ValueError(f"unknown lexicon backend {backend!r}")
        self.known = lru_cache(maxsize=65536)(self._known_uncached)  # type: ignore[method-assign]
        self.lemma = lru_cache(maxsize=65536)(self._lemma_uncached)  # type: ignore[method-assign]
        self.is_feminine_of = lru_cache(maxsize=65536)(self._is_feminine_of)  # type: ignore[method-assign]

    def _known_uncached(self, word: str) -> bool:
        """Whether ``word`` (any case) is a French word form."""
        w = fold(word)
        return w in _supplement() or bool(self._known(w))

    def _lemma_uncached(self, word: str) -> str:
        """Lemma of ``word`` (folded); the folded word itself when unknown."""
        w = fold(word)
        if w in _supplement():
            return _supplement()[w]
        return fold(self._lemmatize(w)) if self._known(w) else w

    def _is_feminine_of(self, feminine: str, masculine: str) -> bool:
        """Whether ``feminine`` (singular) is a known feminine of ``masculine`` (singular).

        Accepted when the feminine is a known word and one of: the irregular table pairs
        them; its lemma is the masculine or the masculine's lemma; it is a past participle
        whose verb lemma matches the masculine (*engagée* -> *engager*, masculine *engagé*);
        or it is a lemma of its own (*directrice*, *candidate*) whose plural's lemma is the
        masculine (*candidates* -> *candidat*) or whose masculine ends in a productive suffix
        (:data:`PRODUCTIVE_SUFFIXES`: *présente*, stored as its own lemma). The caller has already checked that the pair
        follows an alternation of ``data/alternations.tsv``, which rules out ``gal`` / ``galle``.
        """
        f, m = fold(feminine), fold(masculine)
        if _supplement().get(f) == m:
            return True
        if self.backend == "wordfreq":  # no lemmas: the best it can tell is that both words exist
            return self.known(f) and self.known(m)
        if not self.known(f):
            return False
        lf = self.lemma(f)
        if lf == m or lf == self.lemma(m):
            return True
        if m.endswith("é") and lf == m[:-1] + "er":
            return True
        if m.endswith(("i", "u")) and lf in (m + "r", m[:-1] + "ir", m[:-1] + "oir", m + "re"):
            return True
        if lf == f and not f.endswith("s"):
            # a feminine stored as a lemma of its own (candidate, directrice, blanche): its plural
            # often still points at the masculine (candidates -> candidat); plane/planes or
            # donne/donnes do not, which keeps "plan.e" and "don.ne" out
            plural = f + "s"
            if self.known(plural) and self.lemma(plural) in (m, self.lemma(m)):
                return True
            # simplemma also stores some adjectives' feminines as lemmas (présente): accept
            # them when the masculine ends in a suffix that forms agent nouns and adjectives
            return m.endswith(PRODUCTIVE_SUFFIXES) and self.known(m)
        return False


@lru_cache(maxsize=2)
def lexicon(backend: str = "simplemma") -> Lexicon:
    """The shared :class:`Lexicon` for ``backend`` (built once per process)."""
    return Lexicon(backend)
