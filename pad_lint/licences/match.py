"""Find licence names in folded text and licence URLs, using :mod:`pad_lint.licences.table`.

Two entry points:

* :func:`find_names` scans text folded by :func:`~pad_lint.licences.normalise.fold`
  and returns non-overlapping :class:`Finding` objects (longest match first);
* :func:`classify_url` reads a licence deed, legal code or badge URL
  (``creativecommons.org/licenses/by-sa/4.0/deed.fr``, ``i.creativecommons.org/l/…/88x31.png``,
  ``licensebuttons.net``, shields.io ``License-CC_BY--SA_4.0``, Etalab, Open Data
  Commons, Art Libre, GNU, ``spdx.org/licenses/<id>``).

A finding is *precise* (``spdx`` set: an SPDX id, a ``LicenseRef-`` for a known
licence SPDX lacks, or ``LicenseRef-all-rights-reserved``) or *imprecise*
(``spdx`` is ``None``: a family with no version, "Creative Commons" alone,
"domaine public" alone; ``suggest`` then holds the likely id).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable, Iterable
from urllib.parse import unquote, urlsplit

from . import table
from .literals import required_literals
from .normalise import fold
from .spdx import ALL_RIGHTS_RESERVED, canonical_id, cc_port_codes, is_known_id

#: ``original(start, end)``: the source text of folded ``[start, end)`` (capitals tell a
#: country code, "CC BY-SA 3.0 DE", from a word, "CC BY-SA 3.0 de l'auteur").
Original = Callable[[int, int], str]


@dataclass(frozen=True)
class Finding:
    """A licence name found in folded text (``start``/``end`` index the folded text).

    ``context`` is ``"any"`` (the name identifies a licence wherever it is) or
    ``"licence"`` (acronyms, software licences, "domaine public": only inside a
    licence statement). ``note`` explains an imprecision or a normalisation.
    """

    spdx: str | None
    family: str | None
    start: int = 0
    end: int = 0
    suggest: str | None = None
    note: str = ""
    context: str = "any"
    source: str = "text"     # text | url | badge | spdx-id

    @property
    def precise(self) -> bool:
        return self.spdx is not None


def family_of(spdx: str) -> str:
    """Licence family of an id: ``CC-BY-SA-4.0`` -> ``CC-BY-SA``, ``etalab-2.0`` -> ``etalab``."""
    ident = spdx.removeprefix("LicenseRef-")
    if ident.upper().startswith("CC-BY") or ident.upper().startswith("CC-PDM") or ident.upper().startswith("CC0"):
        ident = re.sub(r"-\d.*$", "", ident)
        return ident.upper() if ident.upper() != "CC0" else "CC0"
    return re.sub(r"-\d.*$", "", ident)


# ------------------------------------------------------------------------------ CC ids

_CC_ORDER = ("BY", "NC", "SA", "ND")


def cc_id(codes: set[str], version: str | None, port_fr: bool = False) -> Finding:
    """Build the finding for a Creative Commons licence from its elements.

    ``codes`` ⊆ {BY, NC, SA, ND}; BY is implied. 4.0 has no national ports, so
    ``…/4.0/fr/`` is normalised with a note (creativecommons/creativecommons.org#625).
    A France port other than ``CC-BY-NC-SA-2.0-FR`` has no SPDX id and becomes
    ``LicenseRef-CC-…-FR`` (licences.md §3.1).
    """
    codes = set(codes) | {"BY"}
    family = "CC-" + "-".join(c for c in _CC_ORDER if c in codes)
    if "SA" in codes and "ND" in codes:
        return Finding(None, family, note="ShareAlike and NoDerivatives cannot be combined, so no such licence exists",
                       suggest=None)
    if version is None:
        return Finding(None, family, suggest=f"{family}-{table.CC_LATEST}", note="the version is missing")
    if version not in table.CC_VERSIONS:
        return Finding(None, family, suggest=f"{family}-{table.CC_LATEST}", note=f"Creative Commons has no version {version}")
    note = ""
    if port_fr and version == "4.0":
        note = "Creative Commons 4.0 has no national versions: …/4.0/fr/ means the international 4.0 licence"
        port_fr = False
    if port_fr:
        ported = f"{family}-{version}-FR"
        if is_known_id(ported):
            return Finding(canonical_id(ported), family)
        return Finding(f"LicenseRef-{ported}", family,
                       note=f"the France port of {family} {version} has no SPDX id")
    ident = f"{family}-{version}"
    if not is_known_id(ident):
        return Finding(None, family, suggest=f"{family}-{table.CC_LATEST}", note=f"{family} {version} does not exist")
    return Finding(canonical_id(ident), family, note=note)


def ported(f: Finding, version: str | None, code: str) -> Finding:
    """``f`` (an unported CC licence) as its national port for ``code``: the SPDX id when the
    SPDX list has one (``CC-BY-SA-3.0-AT``), else ``LicenseRef-CC-…-ES``. 4.0 has no ports,
    and an imprecise finding stays as it is. URLs (``…/3.0/es/``) and prose ("CC BY-SA 3.0 ES")
    both go through here, so they agree."""
    if not f.spdx or version is None or version == "4.0":
        return f
    code = code.upper()
    ident = f"{f.family}-{version}-{code}"
    return replace(f, spdx=canonical_id(ident) or f"LicenseRef-{ident}",
                   note=f"the national port of {f.family} {version} for country code {code}")


@lru_cache(maxsize=1)
def _territories() -> tuple[frozenset[str], dict[str, str], re.Pattern[str]]:
    """Country codes and names (English and French, folded) -> code, from CLDR (Babel).

    The codes of the CC licence elements (BY, NC, SA, ND are also CLDR regions), France
    (read by :data:`.table.CC_PORT_FR` already) and CLDR's pseudo-regions are left out."""
    from babel import Locale

    skip = set(table.CC_ELEMENTS) | {"FR", "ZZ", "XA", "XB"}
    codes: set[str] = set()
    names: dict[str, str] = {}
    for lang in ("en", "fr"):
        for code, name in Locale.parse(lang).territories.items():
            if len(code) != 2 or not code.isalpha() or code in skip:
                continue
            codes.add(code)
            names.setdefault(fold(name).text.strip(), code)
    names.pop("", None)
    pattern = re.compile(r" (?P<name>" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                         + r")(?![\w-])")
    return frozenset(codes), names, pattern


_CODE_AFTER = re.compile(r" (?P<code>[a-z]{2,3})(?![\w-])")
_STATEMENT_ENDS = re.compile(r"\s*(?:$|[^\w\s])")


def _jurisdiction_after(text: str, pos: int, original: Original | None, limit: int) -> tuple[str, int] | None:
    """The national port named right after a CC version ending at ``pos``: (code, end) or ``None``.

    Read: a code in capitals ("CC BY-SA 3.0 AT", "3.0 IGO"), or a country's name in English
    or French ("3.0 Austria", "3.0 Espagne"). A port the SPDX list has
    (:func:`~.spdx.cc_port_codes`) counts wherever the sentence goes on; any other country
    only when the name ends the statement ("CC BY-SA 3.0 ES", "…3.0 ES (Espagne)"), so that
    "CC BY 3.0 ET CC0" (and) or "CC BY 3.0 Jordan Smith" are not ports."""
    spdx_codes = cc_port_codes()
    found: tuple[str, int] | None = None
    m = _CODE_AFTER.match(text, pos)
    if m and m.end() <= limit and original is not None:
        code = m.group("code").upper()
        if original(m.start("code"), m.end("code")) == code and code != "FR" \
                and (code in spdx_codes or code in _territories()[0]):
            found = (code, m.end())
    if found is None:
        _, names, names_re = _territories()
        m = names_re.match(text, pos)
        if m and m.end() <= limit:
            found = (names[m.group("name")], m.end())
    if found is None:
        return None
    if found[0] not in spdx_codes and not _STATEMENT_ENDS.match(text, found[1]):
        return None
    return found


# ------------------------------------------------------------------------------ regexes

@lru_cache(maxsize=None)
def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


@lru_cache(maxsize=None)
def _guarded(pattern: str) -> tuple[re.Pattern[str], tuple[str, ...] | None]:
    needed = required_literals(pattern)
    return _re(pattern), (tuple(sorted(needed, key=len)) if needed else None)


def _finditer(pattern: str, text: str) -> Iterable[re.Match[str]]:
    """``re.finditer(pattern, text)``, skipped when a literal the pattern needs is missing."""
    rx, needed = _guarded(pattern)
    if needed is not None and not any(s in text for s in needed):
        return ()
    return rx.finditer(text)


_ELEMENT_RES = {code: re.compile(r"\b(?:" + "|".join(alts) + r")\b") for code, alts in table.CC_ELEMENTS.items()}
_VERSION = re.compile(r"(?<![\d.])(\d\.\d)(?![\d.]*\d)")
_SENTENCE_END = re.compile(r"(?<!\d)\.(?!\d)|[;()\[\]|]|\s-\s(?!(?:" + "|".join(
    a for alts in table.CC_ELEMENTS.values() for a in alts) + r"|\d))")
_PORT_FR = re.compile(r"\b\d\.\d (?:" + table.CC_PORT_FR + r")\b|\bfrance\b")
_ZERO = re.compile(r"\bzero\b|\bcc ?0\b|\bdomaine public\b|\bpublic domain\b")
_CC_AFTER_NAME = re.compile(r"^[\s:,-]*(?:licen[cs]e\s+)?(?:\(?cc\)?[ -]?)?(?P<code>by(?:[ -](?:nc|sa|nd)){0,2})\b")
_SPDX_TOKEN = re.compile(r"(?<![\w.-])([a-z0-9][a-z0-9.+]*(?:-[a-z0-9.+]+)+)(?![\w-])")


def _cc_long(text: str, start: int, end: int, prefixed: bool, original: Original | None = None) -> Finding | None:
    """Parse a long CC name from the words after ``text[start:end]``."""
    tail = text[end:end + 180]
    stop = _SENTENCE_END.search(tail)
    window = tail[: stop.start()] if stop else tail
    last = end
    codes: set[str] = set()
    if not prefixed:
        codes.add("BY")
    # "Creative Commons BY-SA 4.0", "Licence Creative Commons (CC) BY 4.0": short codes after the name
    short = _CC_AFTER_NAME.match(window) if prefixed else None
    if short:
        codes.update(re.split(r"[ -]", short.group("code").upper()))
        last = end + short.end()
    for code, rx in _ELEMENT_RES.items():
        for m in rx.finditer(window):
            codes.add(code)
            last = max(last, end + m.end())
    version = None
    vm = _VERSION.search(window)
    if vm:
        version = vm.group(1)
        last = max(last, end + vm.end())
    port = bool(_PORT_FR.search(window))
    pm = _PORT_FR.search(window)
    if pm:
        last = max(last, end + pm.end())
    if prefixed and not codes:
        zm = _ZERO.search(window)
        if zm and ("zero" in zm.group(0) or "0" in zm.group(0)):
            return Finding("CC0-1.0", "CC0", start, end + zm.end())
        if "mark" in window or "marque" in window:
            return None  # PDM is matched by its own pattern
        return Finding(None, "CC", start, end, suggest=None,
                       note="only the family name 'Creative Commons' is given, not which licence")
    if not prefixed and len(codes) < 2 and version is None:
        return None
    f = cc_id(codes, version, port)
    if f.spdx and vm and version != "4.0" and not port:
        # "Attribution-ShareAlike 3.0 Austria", "… 3.0 Espagne": a national port
        jur = _jurisdiction_after(text, end + vm.end(), original, end + len(window))
        if jur is not None:
            f = ported(f, version, jur[0])
            last = max(last, jur[1])
    return replace(f, start=start, end=last, context="any" if prefixed else "licence")


def _named(form: table.NamedForm, text: str, m: re.Match[str]) -> Finding:
    end = m.end()
    version = None
    if form.versions:
        vm = _re(form.version).search(text[end:end + form.window])
        if vm:
            version = vm.group(1)
            end = end + vm.end()
    note = form.note
    if version is not None:
        key = version if version in form.versions else (version + ".0" if version + ".0" in form.versions else None)
        if key is None:
            return Finding(None, form.family, m.start(), end, suggest=form.suggest or form.default,
                           note=f"{form.family} has no version {version}", context=form.context)
        spdx = form.versions[key]
        if form.or_later and _re(form.or_later).search(text[end:end + 40]):
            spdx = spdx.replace("-only", "-or-later")
            om = _re(form.or_later).search(text[end:end + 40])
            end += om.end() if om else 0
        return Finding(spdx, form.family, m.start(), end, note="", context=form.context)
    if form.default:
        return Finding(form.default, form.family, m.start(), end, context=form.context)
    return Finding(None, form.family, m.start(), end, suggest=form.suggest, note="the version is missing",
                   context=form.context)


def find_names(text: str, original: Original | None = None) -> list[Finding]:
    """Every licence name in folded ``text``, non-overlapping, in text order.

    ``original`` gives the source of a folded range: with it, a country code in capitals
    after a CC version is read as a national port ("CC BY-SA 3.0 AT"); country names
    are read without it ("CC BY-SA 3.0 Autriche").

    Overlaps are resolved longest-first, then earliest. Forms whose ``context``
    is ``"licence"`` are included; the caller drops them outside licence statements.
    A pattern none of whose required literals is in ``text`` is not run (:mod:`.literals`).
    Findings of context ``"any"`` come only from :data:`ANY_CONTEXT_PATTERNS`.
    """
    found: list[Finding] = []
    for m in _finditer(table.CC_SHORT, text):
        codes = set(re.split(r"[ -]", m.group("code").upper()))
        f = cc_id(codes, m.group("version"), bool(m.group("port")))
        end = m.end()
        if f.spdx and m.group("version") not in (None, "4.0") and not m.group("port") and end == m.end("version"):
            jur = _jurisdiction_after(text, end, original, len(text))   # "CC BY-SA 3.0 AT"
            if jur is not None:
                f = ported(f, m.group("version"), jur[0])
                end = jur[1]
        found.append(replace(f, start=m.start(), end=end))
    for m in _finditer(table.CC_BARE_CODE, text):
        codes = set(m.group("code").upper().split("-"))
        f = cc_id(codes, m.group("version"))
        found.append(replace(f, start=m.start(), end=m.end(), context="licence"))
    for m in _finditer(table.CC_FAMILY, text):
        f = _cc_long(text, m.start(), m.end(), prefixed=True, original=original)
        if f:
            found.append(f)
    for m in _finditer(r"\b(?:attribution|paternite)\b", text):
        f = _cc_long(text, m.start(), m.start(), prefixed=False, original=original)
        if f:
            found.append(f)
    for m in _finditer(table.CC0, text):
        found.append(Finding("CC0-1.0", "CC0", m.start(), m.end()))
    for m in _finditer(table.PDM, text):
        found.append(Finding("CC-PDM-1.0", "CC-PDM", m.start(), m.end(),
                             note="the Public Domain Mark labels old works; it is not a licence for new text"))
    for form in table.NAMED_FORMS:
        for m in _finditer(form.pattern, text):
            found.append(_named(form, text, m))
    for m in _finditer(table.ALL_RIGHTS_RESERVED, text):
        found.append(Finding(ALL_RIGHTS_RESERVED, "all-rights-reserved", m.start(), m.end(),
                             note="all rights reserved: nobody may reuse the notes without asking"))
    for m in _finditer(table.PUBLIC_DOMAIN, text):
        found.append(Finding(None, "PD", m.start(), m.end(), suggest="CC0-1.0", context="licence",
                             note="'domaine public' alone has no SPDX id"))
    for m in _finditer(table.FREE_LICENCE, text):
        found.append(Finding(None, None, m.start(), m.end(), context="licence",
                             note="'licence libre' says the licence is free, not which one"))
    for m in _finditer(table.ROYALTY_FREE, text):
        found.append(Finding(None, None, m.start(), m.end(), suggest="CC0-1.0", context="licence",
                             note="'libre de droits' usually means royalty-free, not a licence"))
    for m in _finditer(_SPDX_TOKEN.pattern, text):
        ident = canonical_id(m.group(1))
        if ident and not ident.startswith("LicenseRef-") and _looks_like_licence_id(m.group(1)):
            found.append(Finding(ident, family_of(ident), m.start(1), m.end(1), context="licence",
                                 source="spdx-id"))
    return _non_overlapping(found)


#: The patterns of :func:`find_names` whose findings have context ``"any"`` (a name that
#: counts in any sentence); every other finding has context ``"licence"``.
ANY_CONTEXT_PATTERNS: tuple[str, ...] = (
    table.CC_SHORT, table.CC_FAMILY, table.CC0, table.PDM, table.ALL_RIGHTS_RESERVED,
    *(form.pattern for form in table.NAMED_FORMS if form.context != "licence"))


def _looks_like_licence_id(token: str) -> bool:
    """Exact SPDX ids written in prose must contain a version-like digit (``Apache-2.0``,
    ``etalab-2.0``), so words such as "x-11" or dates never count."""
    return bool(re.search(r"\d", token)) and not re.fullmatch(r"[\d.-]+", token)


def _non_overlapping(found: list[Finding]) -> list[Finding]:
    """The findings kept when overlaps are resolved: longer spans first, then precise
    over imprecise, then earlier; a finding is dropped when it overlaps one kept before
    (``f.start < k.end and k.start < f.end``). In text order.

    A finding overlaps a kept one exactly when the largest ``end`` of the kept findings
    that start before ``f.end`` is greater than ``f.start``: a Fenwick tree of prefix
    maxima over the (sorted, distinct) starts answers that in O(log n), so the whole is
    O(n log n) instead of comparing every finding with every kept one (a line of
    30,000 "CC BY" took 18 s).
    """
    starts = sorted({f.start for f in found})
    size = len(starts)
    tree = [-1] * (size + 1)          # tree[i]: max end of the kept findings in its range of starts
    kept: list[Finding] = []
    # Prefer longer spans, then precise over imprecise, then earlier.
    for f in sorted(found, key=lambda f: (-(f.end - f.start), not f.precise, f.start)):
        i = bisect_left(starts, f.end)  # kept findings starting before f.end: starts[:i]
        best = -1
        while i > 0:
            if tree[i] > best:
                best = tree[i]
            i &= i - 1
        if best > f.start:
            continue
        kept.append(f)
        i = bisect_left(starts, f.start) + 1
        while i <= size:
            if tree[i] < f.end:
                tree[i] = f.end
            i += i & -i
    return sorted(kept, key=lambda f: f.start)


# ------------------------------------------------------------------------------ URLs

_CC_CODE = re.compile(r"^(by(?:-(?:nc|sa|nd)){0,2}|by-nd-nc)$")


@lru_cache(maxsize=4096)
def classify_url(url: str) -> Finding | None:
    """The licence a URL points to or a badge shows, or ``None`` when it names no licence.

    Never raises (a malformed URL is simply ``None``). Cached: a pad's links and badges
    are classified by several passes, and findings are immutable.
    """
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    host = (parts.hostname or "").lower().removeprefix("www.")
    path = unquote(parts.path or "")
    low = path.lower()
    segs = [s for s in low.split("/") if s]
    if host.endswith("creativecommons.org") or host in ("licensebuttons.net", "i.creativecommons.org"):
        return _cc_url(host, segs, url)
    if host == "img.shields.io" and "/badge/" in low:
        label = path.split("/badge/", 1)[1].rsplit(".", 1)[0]
        label = label.replace("--", "\0").replace("-", " ").replace("\0", "-").replace("__", "\0").replace("_", " ").replace("\0", "_")
        if not re.search(r"(?i)licen[cs]e|\bcc\b|creative", label):
            return None
        folded = fold(label)
        names = [n for n in find_names(folded.text, lambda a, b: label[slice(*folded.source_range(a, b))])
                 if n.family]
        return replace(names[0], start=0, end=0, source="badge") if names else None
    if host.endswith("etalab.gouv.fr") or (host.endswith("data.gouv.fr") and "licence" in low) \
            or (host == "github.com" and low.startswith("/etalab/licence-ouverte")):
        if re.search(r"licence[-_ ]?ouverte|open[-_ ]?licen[cs]e|lov2|lo-v2", low):
            if re.search(r"v1(?:[._]0)?\b|2011|2014", low) and not re.search(r"v2|2\.0", low):
                return Finding("LicenseRef-etalab-1.0", "etalab", source="url")
            return Finding("etalab-2.0", "etalab", source="url")
        return None
    if host.endswith("opendatacommons.org") and segs[:1] == ["licenses"] and len(segs) >= 2:
        ident = {"odbl": "ODbL-1.0", "by": "ODC-By-1.0", "pddl": "PDDL-1.0"}.get(segs[1])
        return Finding(ident, family_of(ident), source="url") if ident else None
    if host.endswith("artlibre.org") and "licence" in low:
        if re.search(r"1[-_.]?2", low):
            return Finding("LAL-1.2", "LAL", source="url")
        return Finding("LAL-1.3", "LAL", source="url")
    if host.endswith("gnu.org") and low.startswith("/licenses/"):
        m = re.match(r"/licenses/(fdl|gpl|agpl|lgpl)(?:-(\d\.\d))?(?:\.[a-z]+)?(?:/|$)", low)
        if not m:
            return None
        name = {"fdl": "GFDL", "gpl": "GPL", "agpl": "AGPL", "lgpl": "LGPL"}[m.group(1)]
        if m.group(2):
            ident = canonical_id(f"{name}-{m.group(2)}-only")
            if ident:
                return Finding(ident, name, source="url")
        return Finding(None, name, suggest=f"{name}-3.0-or-later" if name != "GFDL" else "GFDL-1.3-or-later",
                       note="the version is missing", source="url")
    if host in ("spdx.org",) and low.startswith("/licenses/"):
        ident = canonical_id(path.split("/licenses/", 1)[1].strip("/").removesuffix(".html").removesuffix(".json"))
        return Finding(ident, family_of(ident), source="url") if ident else None
    if host == "opensource.org" and low.startswith("/licenses/") and len(segs) >= 2:
        ident = canonical_id(path.split("/")[-1] or segs[-1])
        return Finding(ident, family_of(ident), source="url") if ident else None
    return None


def _cc_url(host: str, segs: list[str], url: str) -> Finding | None:
    badge = host in ("licensebuttons.net", "i.creativecommons.org") or host.startswith("mirrors.")
    source = "badge" if badge else "url"
    # licenses/<code>/<version>[/<jurisdiction>][/deed.xx|legalcode[.xx]]  ;  l/<code>/<version>/…/88x31.png
    if segs and segs[0] in ("licenses", "licences", "l") and len(segs) >= 2:
        code = segs[1]
        if not _CC_CODE.match(code):
            return None
        codes = set(code.upper().split("-"))
        version = segs[2] if len(segs) >= 3 and re.fullmatch(r"\d\.\d", segs[2]) else None
        port = len(segs) >= 4 and segs[3] == "fr"
        jur = len(segs) >= 4 and segs[3] != "fr" and (re.fullmatch(r"[a-z]{2}", segs[3]) is not None
                                                       or segs[3].upper() in cc_port_codes())
        f = cc_id(codes, version, port)
        if jur:
            f = ported(f, version, segs[3])
        return replace(f, source=source)
    if segs and segs[0] in ("publicdomain", "p") and len(segs) >= 2:
        if segs[1] == "zero":
            return Finding("CC0-1.0", "CC0", source=source)
        if segs[1] == "mark":
            return Finding("CC-PDM-1.0", "CC-PDM", source=source,
                           note="the Public Domain Mark labels old works; it is not a licence for new text")
        return None
    # mirrors.creativecommons.org/presskit/buttons/88x31/png/by-sa.png  (no version)
    if "presskit" in segs or "buttons" in segs:
        name = segs[-1].rsplit(".", 1)[0] if segs else ""
        if name in ("cc-zero", "zero", "cc0"):
            return Finding("CC0-1.0", "CC0", source="badge")
        if name in ("publicdomain", "pdm"):
            return Finding("CC-PDM-1.0", "CC-PDM", source="badge")
        if _CC_CODE.match(name):
            f = cc_id(set(name.upper().split("-")), None)
            return replace(f, source="badge", note="the badge shows no version")
        return None
    return None
