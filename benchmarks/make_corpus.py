"""Generate a reproducible benchmark corpus of HedgeDoc pads.

Usage::

    python benchmarks/make_corpus.py [--count 1000] [--mean-kb 20] [--seed 8] [--out DIR]

Sources are the project's own pads (``examples/*.md``) and, when the shared
folder is present, the real pads (``../shared/corpus/*.md`` and
``../shared/corpus/real/*.md``). Each generated pad takes front matter or a
title from one source and sections (split at headings) from one to four
sources, then applies variations that exercise every rule family: names
swapped, inclusive forms in several styles, images with and without alt text,
broken fragments, empty links, containers (some unknown or unclosed),
``[name=]`` tags, embeds, tables, code fences, CRLF line endings for a few
pads, a licence statement (or a placeholder, or none). Sizes follow a
log-normal spread around ``--mean-kb``; the total is printed.

The output (default ``benchmarks/corpus/pads-<count>/``) is gitignored; the
same seed always gives the same bytes. ``subset-100.txt`` lists every tenth
pad (the subset used for slow peers).
"""

from __future__ import annotations

import argparse
import hashlib
import math
import random
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
DEFAULT_OUT = Path(__file__).resolve().parent / "corpus"

_HEADING = re.compile(r"^#{1,6}\s", re.M)

FIRST = ["Sophie", "Lucas", "Camille", "Nadia", "Hugo", "Léa", "Élodie", "Armand", "Claire", "Mathis",
         "Inès", "Yanis", "Chloé", "Karim", "Anaïs", "Théo", "Aïcha", "Jules", "Manon", "Paul"]
LAST = ["Lambert", "Martin", "Bertin", "Marchal", "Rousset", "Carrel", "Leclerc", "Fabre", "Garnier",
        "Nguyen", "Diallo", "Moreau", "Petit", "Roux", "Fontaine", "Chevalier", "Girard", "Lefèvre"]
INCLUSIVE = ["participant·es", "participant·e·s", "participant.e.s", "participant-e-s", "participantEs",
             "intervenant·es", "intervenant.es", "acteur·rices", "acteurs·rices", "utilisateur·ices",
             "tous·tes", "toustes", "animateur·ice", "chercheur·euses", "bénévoles", "expert·e·s"]
SENTENCES = [
    "Les {inc} échangent sur les usages du numérique dans leur association.",
    "{name} rappelle que le compte rendu est publié sous licence libre.",
    "Voir aussi la [page du projet](https://projet.example.org/{slug}) et [la suite](#{slug}).",
    "Une photo du tableau blanc : ![{alt}](https://pad.example.org/uploads/upload_{hex}.png)",
    "Le support est ici : <https://slides.example.org/{slug}.pdf> (à relire).",
    "Question de {name} : comment impliquer davantage les {inc} ?",
    "Lien vide pour l'instant : [document de synthèse]().",
    "Les notes sont prises par [name={name}] pendant la séance.",
    "Contact : https://www.example.org/{slug}/contact et www.example.com/{slug}.",
    "Le débat porte sur l'accès aux outils ; les {inc} demandent des formations.",
    "<img src=\"https://pad.example.org/uploads/upload_{hex}.jpg\" width=\"300\">",
    "Référence : [^{n}] et ==texte surligné== avec ++insertion++ et H~2~O, x^2^.",
    "Formule : $E = mc^2$ puis `code en ligne` et **{name}** *en italique*.",
]
BLOCKS = [
    ":::info\nÀ noter : la prochaine rencontre aura lieu le mardi 14 avril 2026.\n:::",
    ":::warning\nCe pad est accessible en écriture à toute personne ayant son adresse.\n:::",
    ":::spoiler Détails\nContenu replié.\n:::",
    ":::danger\nContainer jamais fermé : tout ce qui suit est dedans.",
    "| Horaire | Session | Intervenant·e |\n| --- | --- | --- |\n| 9h00 | Accueil | {name} |\n| 9h30 | Table ronde | {name} |",
    "```python\nprint('pas de lint dans le code : participant.e.s')\n```",
    "{{%youtube dQw4w9WgXcQ %}}",
    "[TOC]",
    "> Citation de {name} :\n> les {inc} sont au cœur du projet.\n> [name={name}] [time=Tue, Jun 21, 2022 10:14 AM]",
    "- [ ] tâche à faire par {name}\n- [x] tâche faite\n  - sous-point avec {inc}\n    1. détail",
    "Terme\n: définition du terme par {name}",
    "[^{n}]: Note de bas de page numéro {n}.",
    "<!-- pad-lint disable-next-line IMG001 -- image décorative -->\n![](https://pad.example.org/uploads/upload_{hex}.gif)",
]
LICENCES = ["Licence : CC BY-SA 4.0", "Ce compte rendu est publié sous licence Creative Commons BY 4.0.",
            "Licence : à préciser", "License: CC0", "Licence : Etalab 2.0", "", ""]


def _sources() -> list[tuple[str, str]]:
    paths = sorted((ROOT / "examples").glob("*.md"))
    if SHARED.is_dir():
        paths += sorted(SHARED.glob("*.md")) + sorted(p for p in (SHARED / "real").glob("*.md")
                                                      if p.name != "SOURCES.md")
    out = []
    for p in paths:
        text = p.read_text(encoding="utf-8").replace("\r\n", "\n")
        out.append((p.name, text))
    if not out:
        raise SystemExit("no source pads found (examples/ is empty)")
    return out


def _split(text: str) -> tuple[str, str, list[str]]:
    """(front matter incl. fences or '', preamble before the first heading, sections)."""
    fm = ""
    if text.startswith("---\n"):
        m = re.search(r"^(---|\.\.\.)$\n?", text[4:], re.M)
        if m:
            fm, text = text[: 4 + m.end()], text[4 + m.end():]
    starts = [m.start() for m in _HEADING.finditer(text)]
    if not starts:
        return fm, text, []
    pre = text[: starts[0]]
    sections = [text[a:b] for a, b in zip(starts, starts[1:] + [len(text)])]
    return fm, pre, sections


def _fill(template: str, rng: random.Random) -> str:
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    return template.format(
        inc=rng.choice(INCLUSIVE), name=name, slug=f"{rng.choice(LAST).lower()}-{rng.randrange(100)}",
        alt=rng.choice(["", "image", "Photo : " + name, "Tableau blanc de la séance", "IMG_2031.jpg"]),
        hex=f"{rng.getrandbits(128):032x}", n=rng.randrange(1, 9))


def _vary(section: str, rng: random.Random) -> str:
    # Swap people's names, sprinkle generated sentences and blocks between paragraphs.
    swapped = re.sub(r"\b(" + "|".join(LAST) + r")\b", lambda m: rng.choice(LAST), section)
    paras = swapped.split("\n\n")
    out = []
    for p in paras:
        out.append(p)
        r = rng.random()
        if r < 0.25:
            out.append(_fill(rng.choice(SENTENCES), rng))
        elif r < 0.32:
            out.append(_fill(rng.choice(BLOCKS), rng))
    return "\n\n".join(out)


def make_pad(i: int, sources: list[tuple[str, str]], mean_bytes: int, seed: int) -> bytes:
    rng = random.Random(f"{seed}:{i}")
    # log-normal sizes, median ~0.8 * mean, clipped to [1 KB, 10 x mean]
    sigma = 0.6
    target = int(mean_bytes * math.exp(rng.gauss(0, sigma) - sigma * sigma / 2))
    target = max(1000, min(target, 10 * mean_bytes))
    base_name, base = rng.choice(sources)
    fm, pre, sections = _split(base)
    parts: list[str] = []
    style = rng.random()
    if fm and style < 0.7:
        parts.append(fm.rstrip("\n"))
    elif style < 0.4:
        parts.append(f"---\ntitle: Rencontre {rng.choice(LAST)} {i}\ntags: atelier, numérique\nlang: fr\n"
                     f"license: {rng.choice(['CC-BY-4.0', 'CC-BY-SA-4.0', '', 'à définir'])}\n---")
    if pre.strip():
        parts.append(pre.strip("\n"))
    else:
        day = rng.randrange(1, 29)
        parts.append(f"# Rencontre du mardi {day} mars 2026 — {rng.choice(LAST)}")
    size = sum(len(p) for p in parts)
    pool = sections or [base]
    donors = [pool] + [(_split(t)[2] or [t]) for _, t in rng.sample(sources, k=min(3, len(sources)))]
    guard = 0
    while size < target and guard < 10_000:
        guard += 1
        donor = rng.choice(donors)
        sec = _vary(rng.choice(donor), rng).strip("\n")
        if size + len(sec) > target * 1.3 and size > target * 0.5:
            sec = sec[: max(200, target - size)]
            sec = sec[: sec.rfind("\n")] if "\n" in sec else sec
        parts.append(sec)
        size += len(sec) + 2
    lic = rng.choice(LICENCES)
    if lic:
        parts.append(lic)
    text = "\n\n".join(parts) + "\n"
    data = text.encode("utf-8")
    if rng.random() < 0.03:
        data = data.replace(b"\n", b"\r\n")
    return data


def generate(out: Path, count: int, mean_kb: float, seed: int) -> tuple[int, str]:
    sources = _sources()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    total = 0
    digest = hashlib.sha256()
    width = len(str(count - 1))
    names = []
    for i in range(count):
        data = make_pad(i, sources, int(mean_kb * 1000), seed)
        name = f"pad-{i:0{width}d}.md"
        (out / name).write_bytes(data)
        names.append(name)
        total += len(data)
        digest.update(data)
    (out / "subset-100.txt").write_text("\n".join(names[:: max(1, count // 100)][:100]) + "\n", encoding="utf-8")
    return total, digest.hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--mean-kb", type=float, default=18.5)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--out", type=Path, default=None, help="default: benchmarks/corpus/pads-<count>")
    args = parser.parse_args()
    out = args.out or DEFAULT_OUT / f"pads-{args.count}"
    total, sha = generate(out, args.count, args.mean_kb, args.seed)
    print(f"{out}: {args.count} pads, {total / 1e6:.1f} MB, sha256 {sha[:16]}")


if __name__ == "__main__":
    main()
