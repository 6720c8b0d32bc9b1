"""Compare lexicon backends for the inclusive-form check: simplemma versus wordfreq.

Usage::

    python benchmarks/inclusive_lexicon_compare.py [CASES.tsv]

Runs the detector on every sentence of ``../shared/cases/inclusive/cases.tsv`` (declared
French) with each backend of :class:`pad_lint.inclusive.lexicon.Lexicon` and counts:

* forms found / expected (recall), forms found that are not expected (false positives,
  e.g. ``Gal·les`` or ``info.es``), rows entirely right;
* lemma agreement on the forms found;
* feminine -> masculine pairs (the reference's §3.8 test words) the backend relates by itself;
* period-separated look-alikes (``le plan.e``, ``le don.ne``) wrongly accepted as forms.

wordfreq has no lemmas: with it the lexicon can only say whether a word exists, so the
check "the feminine's lemma is the masculine" degrades to "the feminine exists". Install
it with ``pip install wordfreq`` (not a pad-lint dependency); the script skips a backend
that is not installed.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pad_lint.inclusive.morphology as morphology  # noqa: E402
from pad_lint.inclusive.detector import scan_text  # noqa: E402
from pad_lint.inclusive.lexicon import Lexicon  # noqa: E402

CASES = ROOT.parent / "shared" / "cases" / "inclusive" / "cases.tsv"
#: (feminine, masculine) pairs: does the backend alone (no irregular table) relate them?
PAIRS = [("actrice", "acteur"), ("chercheuse", "chercheur"), ("utilisatrice", "utilisateur"),
         ("autrice", "auteur"), ("auteure", "auteur"), ("cheffe", "chef"), ("ingénieure", "ingénieur"),
         ("professeure", "professeur"), ("référente", "référent"), ("salariée", "salarié"),
         ("militante", "militant"), ("présente", "présent")]
#: Period-separated look-alikes that are not inclusive forms (words that exist on both sides).
NON_FORMS = ["Le mari.e", "un pass.e", "la vis.e", "le plan.e", "le don.ne", "le son.ne", "le bas.e",
             "le bar.e", "Le port.e", "un vers.e"]


def run(backend: str, rows: list[dict[str, str]]) -> dict[str, float]:
    lex = Lexicon(backend)
    original = morphology.lexicon
    morphology.lexicon = lambda *_a, **_k: lex  # type: ignore[assignment]
    try:
        found = expected = hits = extra = rows_ok = lemma_ok = 0
        misses, fps = [], []
        for r in rows:
            want = [x for x in r["expected_forms"].split(";") if x]
            got = scan_text(r["sentence"], 0, 0)
            texts = [f.text for f in got]
            # the link-target row needs the Markdown masking the real pipeline does
            if "](" in r["sentence"]:
                texts = [t for t in texts if "." not in t]
                got = [f for f in got if f.text in texts]
            expected += len(want)
            found += len(texts)
            hits += sum(1 for t in texts if t in want)
            extra += sum(1 for t in texts if t not in want)
            misses += [w for w in want if w not in texts]
            fps += [t for t in texts if t not in want]
            rows_ok += texts == want
            lemmas = [x for x in r["lemma(s)"].split(";") if x] if want else []
            lemma_ok += sum(1 for f, l in zip(got, lemmas) if f.lemma == l)
        knows = sum(1 for fem, masc in PAIRS if lex._known(fem) and lex._lemmatize(fem) == masc)
        accepted = [t for t in NON_FORMS if scan_text(t, 0, 0)]
        return {"rows": len(rows), "rows_ok": rows_ok, "expected": expected, "found": found, "hits": hits,
                "false_pos": extra, "lemma_ok": lemma_ok, "misses": misses, "fps": fps,
                "pairs": f"{knows}/{len(PAIRS)}", "non_forms": accepted}
    finally:
        morphology.lexicon = original  # type: ignore[assignment]


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else CASES
    if not path.is_file():
        print(f"{path}: not found", file=sys.stderr)
        return 2
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    for backend in ("simplemma", "wordfreq"):
        try:
            res = run(backend, rows)
        except ImportError:
            print(f"{backend}: not installed, skipped")
            continue
        print(f"{backend}: rows right {res['rows_ok']}/{res['rows']}, forms found {res['hits']}/{res['expected']}, "
              f"false positives {res['false_pos']}, lemmas right {res['lemma_ok']}/{res['hits']}, "
              f"feminine->masculine pairs the backend alone relates {res['pairs']}, "
              f"period look-alikes wrongly accepted {len(res['non_forms'])}/{len(NON_FORMS)}")
        if res["non_forms"]:
            print("   accepted look-alikes:", ", ".join(res["non_forms"]))
        if res["misses"]:
            print("   missed:", ", ".join(res["misses"]))
        if res["fps"]:
            print("   false positives:", ", ".join(res["fps"]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
