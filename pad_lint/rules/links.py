"""Link rules: offline LNK001–LNK007, online LNK101–LNK105.

Every rule reads the links and images of :class:`~pad_lint.markdown.view.PadView`
(so nothing inside code spans, code blocks or HTML comments is a link) through
one shared list of targets computed once per pad (``ctx.cache``). Each rule
yields only its own code.

The online rules never touch the network unless ``[links] online = true`` (the
``--online`` flag). They read results from the run-level store of
:mod:`pad_lint.linkcheck`; the command line fills it once for all pads with
:func:`pad_lint.linkcheck.check_urls`, and a pad linted on its own checks the
URLs the store does not hold yet, so each unique URL is requested once per run.
"""

from __future__ import annotations

import difflib
import os
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from ..diagnostics import Applicability, Diagnostic, Edit, Fix, Severity
from ..links.urls import check_url, hedgedoc_keeps, linkify_false_link, scheme_of
from ..markdown import heading_ids as hid
from ..markdown.view import Link, PadView
from ..spans import Span
from .context import LintContext
from .registry import rule

_HEDGEDOC_SANITIZER = ("HedgeDoc 1.x public/js/render.js (xss whitelist, linkRegex) and js-xss safeAttrValue")


# ---------------------------------------------------------------------------- shared targets

@dataclass
class Target:
    """One link or image address of the pad.

    ``url`` is the address as rendered (markdown-it's normalised ``href``/``src``,
    what a browser requests); ``written`` the address as typed in the pad;
    ``span`` the whole link or image; ``dest`` the offsets of the address in
    the pad text when they are known (for fixes).
    """

    url: str
    written: str
    span: Span
    kind: str                 # inline | reference | autolink | linkify | html | embed | image | html-image
    image: bool
    text: str = ""
    dest: tuple[int, int] | None = None
    link: Link | None = None


def _inline_dest_offsets(raw: str, start: int) -> tuple[int, int] | None:
    """Offsets of the destination inside ``[text](dest "title")`` (``raw`` starts at ``start``)."""
    i = raw.rfind("](")
    if i == -1:
        return None
    j = i + 2
    while j < len(raw) and raw[j] in " \t\n":
        j += 1
    if raw[j:j + 1] == "<":
        k = raw.find(">", j)
        return (start + j + 1, start + k) if k != -1 else None
    body = raw[j:-1] if raw.endswith(")") else raw[j:]
    m = re.match(r"\S*", body)
    return start + j, start + j + len(m.group(0) if m else "")


def _attr_offsets(raw: str, start: int, attr: str) -> tuple[int, int] | None:
    m = re.search(rf"\b{attr}\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))", raw, re.I)
    if not m:
        return None
    g = 1 if m.group(1) is not None else 2 if m.group(2) is not None else 3
    return start + m.start(g), start + m.end(g)


def targets(ctx: LintContext) -> list[Target]:
    """Every link and image address of the pad (cached per pad)."""
    if "links.targets" in ctx.cache:
        return ctx.cache["links.targets"]
    text = ctx.text
    out: list[Target] = []
    for link in ctx.view.links:
        start = link.span.start_offset
        dest = None
        written = link.href
        if link.kind == "inline":
            dest = _inline_dest_offsets(link.raw, start)
            written = link.destination if link.destination is not None else link.href
        elif link.kind == "autolink":
            written = link.raw.strip()[1:-1] if link.raw.strip().startswith("<") else link.raw
            dest = (start + 1, link.span.end_offset - 1)
        elif link.kind == "linkify":
            # "https://https://x" is linkified as "https://https": keep the rest to report it whole
            written = link.raw
            if re.fullmatch(r"(?i)(https?|ftp)://(https?|ftp)", link.raw):
                tail = re.match(r":/*\S*", text[link.span.end_offset:])
                written += tail.group(0) if tail else ""
            dest = (start, link.span.end_offset)
        elif link.kind == "html":
            dest = _attr_offsets(link.raw, start, "href")
            written = link.destination if link.destination is not None else link.href
        elif link.kind == "embed":
            written = link.href
        out.append(Target(url=link.href, written=written, span=link.span, kind=link.kind, image=False,
                          text=link.text, dest=dest, link=link))
    for img in ctx.view.images:
        start = img.span.start_offset
        raw = text[img.span.start_offset:img.span.end_offset]
        if img.syntax == "markdown":
            dest = _inline_dest_offsets(raw, start) if "](" in raw else None
            written = text[dest[0]:dest[1]] if dest else img.src
            kind = "image"
        else:
            dest = _attr_offsets(raw, start, "src")
            written = (img.attrs or {}).get("src") or ""
            kind = "html-image"
        out.append(Target(url=img.src, written=written, span=img.span, kind=kind, image=True,
                          text=img.alt or "", dest=dest))
    ctx.cache["links.targets"] = out
    return out


def _text_runs(ctx: LintContext) -> tuple[list[int], list[int]]:
    if "links.runs" not in ctx.cache:
        runs = sorted((r.start, r.end) for r in ctx.view.runs if r.context == "text")
        ctx.cache["links.runs"] = ([s for s, _ in runs], [e for _, e in runs])
    return ctx.cache["links.runs"]


def _in_text(ctx: LintContext, offset: int) -> bool:
    """Whether ``offset`` falls on literal prose (not code, HTML, a link or a comment)."""
    starts, ends = _text_runs(ctx)
    i = bisect_right(starts, offset) - 1
    return i >= 0 and starts[i] <= offset < ends[i]


def _fix_replace(dest: tuple[int, int] | None, content: str, message: str, safe: bool = False) -> Fix | None:
    if dest is None:
        return None
    return Fix(message=message, applicability=Applicability.SAFE if safe else Applicability.UNSAFE,
               edits=[Edit(start_offset=dest[0], end_offset=dest[1], content=content)])


def _show(url: str, limit: int = 70) -> str:
    return url if len(url) <= limit else url[: limit - 1] + "…"


# ---------------------------------------------------------------------------- LNK001

# "[label](dest rest)", "[" not escaped; it starts with a literal "[" so that re can
# jump from bracket to bracket (a leading lookbehind made it try every position).
# A "!" right before (itself not escaped) makes it an image: see _broken_syntax().
_BROKEN_SYNTAX = re.compile(r"\[(?<!\\\[)([^\[\]\n]*)\]\(([^()\s]+)([ \t]+[^()\n]*?)?\)")


def _broken_syntax(text: str) -> Iterator[tuple[int, int, str, str, int, int, str]]:
    """``(start, end, bang, dest, dest_start, rest_end, rest)`` of each ``[…](…)`` candidate,
    the matches of the former pattern (an optional ``!`` and an unescaped ``[``): an
    image starts on its ``!``."""
    for m in _BROKEN_SYNTAX.finditer(text):
        s = m.start()
        bang = "!" if s >= 1 and text[s - 1] == "!" and (s < 2 or text[s - 2] != "\\") else ""
        yield (s - len(bang), m.end(), bang, m.group(2), m.start(2), m.end(3) if m.group(3) is not None else m.end(2),
               m.group(3) or "")


_REFUSED_SCHEMES = {"javascript", "vbscript", "file", "data"}
_WARNING_KINDS = {"unbalanced-brackets", "bad-percent"}


@rule(
    code="LNK001", name="malformed-url", severity="error",
    summary="A link address is not a valid address.",
    explanation="""
A link whose address is malformed leads nowhere: the browser cannot even try to open it.
pad-lint checks the address as it is written in the pad: the scheme (`https://`, `mailto:`,
`tel:`), a doubled scheme (`https://https://…`), the server name, the port number,
`mailto:` addresses (RFC 6068) and `tel:` numbers (RFC 3966), percent escapes and unbalanced
brackets (warnings). It also finds text that was meant to be a link but is not one because
the address contains a space (`[plan](./plan salle.png)`) or uses a scheme markdown refuses
(`file:`, `javascript:`), and web addresses cut in two by a space (`https://hackmd. io/x`).

Fix: correct the address; write a space as `%20` or put the address between `<` and `>`.
""",
    source="RFC 3986 (URI syntax), RFC 6068 (mailto), RFC 3966 (tel), CommonMark 0.31 §6.3 (link destinations)",
    fixable=True,
    example="""
[la vidéo](https://https://www.youtube.com/watch?v=Boyeus8GCG8)
[écrire](mailto:contact)
""",
)
def MALFORMED_URL(ctx: LintContext) -> Iterator[Diagnostic]:
    for t in targets(ctx):
        if t.kind == "embed":
            continue
        problems = check_url(t.written, linkified=t.kind == "linkify")
        # one finding per address: the most serious problem
        for problem in sorted(problems, key=lambda p: p.kind in _WARNING_KINDS)[:1]:
            what = "image address" if t.image else "link address"
            fix = None
            if problem.replacement and t.kind != "linkify":
                fix = _fix_replace(t.dest, problem.replacement, f"Replace the address with {problem.replacement}")
            diag = MALFORMED_URL.diagnostic(
                ctx, t.span, f"The {what} “{_show(t.written)}” is malformed: {problem.message}.",
                help=(problem.help[0].upper() + problem.help[1:] + ".") if problem.help else None, fix=fix)
            if problem.kind in _WARNING_KINDS:
                diag = diag.model_copy(update={"severity": Severity.WARNING})
            yield diag
        if t.kind == "linkify" and scheme_of(t.url) in ("http", "https"):
            host = urlsplit(t.url).hostname or ""
            after = ctx.text[t.span.end_offset:t.span.end_offset + 80]
            m = re.match(r"\.[ \t]+(\w[\w.\-]*/\S*)", after)
            if "." not in host and host != "localhost" and m:
                yield MALFORMED_URL.diagnostic(
                    ctx, ctx.span(t.span.start_offset, t.span.end_offset + m.end()),
                    f"The web address “{ctx.text[t.span.start_offset:t.span.end_offset + m.end()]}” is cut by a "
                    f"space: only “{t.url}” becomes a link.",
                    help="Remove the space inside the address.")
    text = ctx.text
    for start, end, bang, dest, dest_start, rest_end, rest in _broken_syntax(text):
        if not _in_text(ctx, start) or not _in_text(ctx, dest_start - 1):
            continue
        rest = rest.strip()
        what = "image" if bang else "link"
        span = ctx.span(start, end)
        if rest and rest[0] not in "\"'(" and re.search(r"[/.:#]", dest):
            address = f"{dest} {rest}"
            in_host = bool(re.match(r"(?i)[a-z][a-z0-9+.-]*://[^/]*$", dest))
            if in_host:  # "https://www.CIDOC CRM.org/x": the server name itself is broken
                help_, fix = "Remove the space from the server name.", None
            else:
                encoded = address.replace(" ", "%20")
                help_ = f"Write the space as %20 ({_show(encoded)}) or put the address between < and >."
                fix = Fix(message="Write the spaces as %20", applicability=Applicability.UNSAFE,
                          edits=[Edit(start_offset=dest_start, end_offset=rest_end, content=encoded)])
            yield MALFORMED_URL.diagnostic(
                ctx, span, f"This is not a {what}: its address “{_show(address)}” contains a space, so the pad shows "
                f"the brackets as plain text.", help=help_, fix=fix).model_copy(update={"severity": Severity.WARNING})
        elif not rest and scheme_of(dest) in _REFUSED_SCHEMES:
            yield MALFORMED_URL.diagnostic(
                ctx, span, f"This is not a {what}: pads refuse addresses starting with “{scheme_of(dest)}:”, so the "
                "brackets show as plain text.",
                help="Link to a web address (https://…) instead, or share the file on a server.")


# ---------------------------------------------------------------------------- LNK002

@rule(
    code="LNK002", name="empty-link", severity="error",
    summary="A link or image has no address.",
    explanation="""
`[text]()`, `[text](<>)`, `<a href="">`, `![](…)` with nothing between the parentheses and
`[text](#)` all render as links or images that go nowhere, usually a placeholder someone meant
to fill in. `#` alone is reported as a placeholder: it only jumps to the top of the page.

Fix: put the address in, or remove the brackets and keep the text.
""",
    source="CommonMark 0.31 §6.3 (empty destinations); markdownlint MD042 no-empty-links; "
           "mlc#168 and mdbook-linkcheck#67 (empty links not reported)",
    example="""
- [programme]()
- [inscriptions](#)
""",
)
def EMPTY_LINK(ctx: LintContext) -> Iterator[Diagnostic]:
    for t in targets(ctx):
        url = t.url.strip()
        if t.kind in ("linkify", "autolink", "embed"):
            continue
        if url == "":
            if t.image:
                msg = "This image has no address, so nothing is shown."
                help_ = "Add the image address between the parentheses, or remove the image."
            else:
                label = f"“{t.text}” " if t.text.strip() else ""
                msg = f"The link {label}has no address: it goes nowhere."
                help_ = "Add the address, or remove the brackets and keep the text."
            yield EMPTY_LINK.diagnostic(ctx, t.span, msg, help=help_)
        elif url == "#" and not t.image:
            label = f"“{t.text}” " if t.text.strip() else ""
            yield EMPTY_LINK.diagnostic(
                ctx, t.span, f"The link {label}points to “#”, a placeholder that only jumps to the top of the page.",
                help="Replace # with the real address (or #top if the top of the page is really meant).")


# ---------------------------------------------------------------------------- LNK003

def _anchor_set(view: PadView, dialect: str) -> set[str]:
    """``view.anchor_targets(dialect)``, computed once per view and dialect."""
    cache = view.__dict__.setdefault("_pad_anchor_sets", {})
    found = cache.get(dialect)
    if found is None:
        found = cache[dialect] = view.anchor_targets(dialect)
    return found


def _anchor_sets(view: PadView) -> dict[str, set[str]]:
    return {d: _anchor_set(view, d) for d in hid.DIALECTS}


#: Above this many ids of a length ``difflib`` would compare with a fragment, the spelling
#: suggestion compares it only with a shortlist (pads of the corpus have at most ~150).
_CLOSE_CAP = 200
#: Ids taken on each side of the fragment in each of the two sorted orders of the shortlist.
_CLOSE_WINDOW = 8
#: Of the shortlist, how many (best ``quick_ratio`` first) get the costly ``ratio``.
_CLOSE_RATIOS = 3
_CLOSE_CUTOFF = 0.75


class _FragmentIndex:
    """What :func:`fragment_verdict` needs of one view in one dialect, computed once.

    Every missing fragment used to sort the ids, compare them all case-insensitively,
    scan each other dialect's headings and run ``difflib`` over every id: 5,000 links
    to missing fragments among 5,000 headings took 27 s.
    """

    def __init__(self, view: PadView, dialect: str):
        self.view = view
        self.dialect = dialect
        self.targets = _anchor_set(view, dialect)
        self.candidates = sorted(i for i in self.targets if i)
        # first id (in sorted order) per lower-cased spelling
        self.by_lower: dict[str, str] = {}
        for c in self.candidates:
            self.by_lower.setdefault(c.lower(), c)
        # ids by length: difflib's first test (real_quick_ratio) only looks at lengths
        by_length: dict[int, list[str]] = {}
        for c in self.candidates:
            by_length.setdefault(len(c), []).append(c)
        self.lengths = sorted(by_length)
        self.by_length = by_length
        self._same_heading: dict[str, dict[str, int]] | None = None
        self._orders: tuple[list[tuple[str, str]], list[tuple[str, str]]] | None = None
        self._lower_groups: dict[str, list[str]] | None = None
        self.verdicts: dict[str, tuple[bool, list[str], str | None, bool]] = {}

    def same_heading(self, other: str) -> dict[str, int]:
        """Id in dialect ``other`` -> first heading holding it that has an id in this dialect."""
        if self._same_heading is None:
            self._same_heading = {}
        found = self._same_heading.get(other)
        if found is None:
            mine = self.view.heading_ids(self.dialect)
            found = self._same_heading[other] = {}
            for k, other_id in enumerate(self.view.heading_ids(other)):
                if other_id and mine[k]:
                    found.setdefault(other_id, k)
        return found

    def close_match(self, word: str) -> str | None:
        """``difflib.get_close_matches(word, candidates, n=1, cutoff=0.75)``, over a bounded list.

        The ids whose length fails difflib's first test are left out (same result). When
        more than :data:`_CLOSE_CAP` remain, a bounded shortlist is compared instead
        (:meth:`_shortlist_match`), so a pad of thousands of ids costs a bounded amount
        per fragment.
        """
        lb = len(word)

        def long_enough(la: int) -> bool:  # difflib.SequenceMatcher.real_quick_ratio, exactly
            return 2.0 * min(la, lb) / (la + lb) >= _CLOSE_CUTOFF

        lengths = self.lengths
        mid = bisect_right(lengths, lb)
        picked: list[int] = []
        count = 0
        j = mid - 1
        while j >= 0 and long_enough(lengths[j]) and count <= _CLOSE_CAP:
            picked.append(lengths[j])
            count += len(self.by_length[lengths[j]])
            j -= 1
        j = mid
        while j < len(lengths) and long_enough(lengths[j]) and count <= _CLOSE_CAP:
            picked.append(lengths[j])
            count += len(self.by_length[lengths[j]])
            j += 1
        if count <= _CLOSE_CAP:
            close = difflib.get_close_matches(word, [c for n in picked for c in self.by_length[n]],
                                              n=1, cutoff=_CLOSE_CUTOFF)
            return close[0] if close else None
        return self._shortlist_match(word, long_enough)

    def _shortlist_match(self, word: str, long_enough: Any) -> str | None:
        """The best of a bounded shortlist, ranked by ``quick_ratio``; only the first
        :data:`_CLOSE_RATIOS` are really compared.

        The shortlist: the ids next to ``word`` alphabetically and by reversed spelling (a
        typo near one end keeps the other in common), and the ids that are a beginning or
        an end of it (characters added at one end), all case-insensitively.
        """
        if self._orders is None:
            self._orders = (sorted((c.lower(), c) for c in self.candidates),
                            sorted((c.lower()[::-1], c) for c in self.candidates))
            self._lower_groups = {}
            for c in self.candidates:
                self._lower_groups.setdefault(c.lower(), []).append(c)
        groups = self._lower_groups or {}
        low = word.lower()
        pool: set[str] = set()
        for order, key in zip(self._orders, (low, low[::-1])):
            i = bisect_right(order, (key,))
            pool.update(c for _, c in order[max(0, i - _CLOSE_WINDOW):i + _CLOSE_WINDOW] if long_enough(len(c)))
        for k in range(len(low) - 1, 0, -1):
            if not long_enough(k):
                break
            pool.update(groups.get(low[:k], ()))
            pool.update(groups.get(low[-k:], ()))
        matcher = difflib.SequenceMatcher()
        matcher.set_seq2(word)
        ranked = []
        for c in pool:
            matcher.set_seq1(c)
            quick = matcher.quick_ratio()
            if quick >= _CLOSE_CUTOFF:
                ranked.append((quick, c))
        best: tuple[float, str] | None = None
        for _, c in sorted(ranked, reverse=True)[:_CLOSE_RATIOS]:
            matcher.set_seq1(c)
            score = matcher.ratio()
            if score >= _CLOSE_CUTOFF and (best is None or (score, c) > best):
                best = (score, c)
        return best[1] if best else None


def _fragment_index(view: PadView, dialect: str) -> _FragmentIndex:
    cache = view.__dict__.setdefault("_pad_fragment_index", {})
    found = cache.get(dialect)
    if found is None:
        found = cache[dialect] = _FragmentIndex(view, dialect)
    return found


def fragment_verdict(view: PadView, fragment: str, dialect: str) -> tuple[bool, list[str], str | None, bool]:
    """Check ``#fragment`` against ``view`` in ``dialect``.

    Returns:
        ``(ok, other_dialects, suggestion, exact)``: whether it reaches an
        element; the other dialects where it would; the id to write instead
        (if any), and whether that suggestion is certain (the same heading
        under another dialect) rather than a close spelling.
    """
    index = _fragment_index(view, dialect)
    verdict = index.verdicts.get(fragment)
    if verdict is None:
        verdict = index.verdicts[fragment] = _verdict(index, fragment)
    ok, others, suggestion, exact = verdict
    return ok, list(others), suggestion, exact


def _verdict(index: _FragmentIndex, fragment: str) -> tuple[bool, list[str], str | None, bool]:
    view, dialect = index.view, index.dialect
    if hid.fragment_matches(fragment, index.targets):
        return True, [], None, True  # the other dialects are not needed then
    sets = _anchor_sets(view)
    others = [d for d in hid.DIALECTS if d != dialect and hid.fragment_matches(fragment, sets[d])]
    # (the fragment is neither empty nor "top" here: those match every set)
    wanted = hid.fragment_candidates(fragment)
    mine = view.heading_ids(dialect)
    for d in others:
        same = index.same_heading(d)
        ks = [same[c] for c in wanted if c in same]
        if ks:
            return False, others, mine[min(ks)], True
    decoded = wanted[-1]
    exact = index.by_lower.get(decoded.lower())
    if exact is not None:
        return False, others, exact, True
    return False, others, index.close_match(decoded), False


def _self_fragment(ctx: LintContext, url: str) -> str | None:
    """The fragment of a link to this very pad (``#x``, or its own URL + ``#x``)."""
    if url.startswith("#"):
        return url[1:]
    path = ctx.pad.path or ""
    if "#" in url and path.startswith(("http://", "https://")):
        base, _, frag = url.partition("#")
        if base.split("?")[0].rstrip("/") == path.split("#")[0].split("?")[0].rstrip("/"):
            return frag
    return None


@rule(
    code="LNK003", name="broken-fragment", severity="error",
    summary="A `#fragment` link points to no heading or anchor of the page.",
    explanation="""
A link such as `[programme](#programme)` jumps to the heading whose id is `programme`. The id
is computed by the renderer from the heading text, and renderers disagree: HedgeDoc 1 keeps
capitals and accents by default (`## Programme` gets the id `Programme`), GitHub lower-cases,
HedgeDoc 2 keeps punctuation. pad-lint computes the ids in the dialect set by
`[links] dialect` (default `hedgedoc1-keep-case`) and also accepts HTML `id` (and `<a name>`
outside HedgeDoc 1, whose sanitizer removes `name`). `#` and `#top` always reach the top.
When the fragment would work under another dialect, the message says so and offers the id
to write. With `--online`, fragments of web pages are checked in the fetched page too.

Fix: copy the heading's link from the rendered pad (hover the heading, click the link icon).
""",
    source="HedgeDoc 1.x public/js/extra.js (slugifyWithUTF8, deduplicatedHeaderId); WHATWG HTML "
           "'scroll to the fragment'; markdown-it-anchor and github-slugger (other dialects)",
    fixable=True,
    options=("links.dialect",),
    example="""
## Programme
Voir le [programme](#programme).
""",
)
def BROKEN_FRAGMENT(ctx: LintContext) -> Iterator[Diagnostic]:
    dialect = ctx.config.links.dialect
    for t in targets(ctx):
        if t.image:
            continue
        fragment = _self_fragment(ctx, t.url)
        if fragment is None or fragment == "":
            continue
        ok, others, suggestion, exact = fragment_verdict(ctx.view, fragment, dialect)
        if ok:
            continue
        shown = unquote(fragment)
        msg = f"The link “#{_show(shown, 50)}” points to no heading or anchor of this pad"
        msg += f" (heading ids as {hid.DIALECT_LABELS[dialect]} computes them)."
        help_parts = []
        if others:
            names = ", ".join(hid.DIALECT_LABELS[d] for d in others)
            help_parts.append(f"It would work in {names}")
        fix = None
        if suggestion:
            written = hid.href_fragment(suggestion)
            help_parts.append(f"write #{written}")
            if t.dest is not None and ctx.text[t.dest[0]:t.dest[1]].startswith("#"):
                fix = _fix_replace(t.dest, "#" + written, f"Point the link to #{written}", safe=exact)
        help_ = "; ".join(help_parts) + "." if help_parts else "Check the heading text, or remove the link."
        yield BROKEN_FRAGMENT.diagnostic(ctx, t.span, msg, help=help_[0].upper() + help_[1:], fix=fix)
    # fragments into local Markdown files that exist (LNK004 reports missing files)
    for t, path in _local_files(ctx):
        fragment = urlsplit(t.url).fragment
        if not fragment or path.suffix.lower() not in (".md", ".markdown") or not path.is_file():
            continue
        other = _local_view(ctx, path)
        if other is None:
            continue
        ok, _, suggestion, _ = fragment_verdict(other, fragment, dialect)
        if not ok:
            help_ = f"Write #{hid.href_fragment(suggestion)}." if suggestion else "Check the heading in that file."
            yield BROKEN_FRAGMENT.diagnostic(
                ctx, t.span, f"“{path.name}” has no heading or anchor “#{unquote(fragment)}”.", help=help_)
    for diag in _online_fragment_diagnostics(ctx):
        yield diag


def _local_view(ctx: LintContext, path: Path) -> PadView | None:
    key = f"links.local-view:{path}"
    if key not in ctx.cache:
        from ..markdown.view import build_view
        from ..source import Pad

        try:
            ctx.cache[key] = build_view(Pad.from_bytes(path.read_bytes(), str(path)))
        except Exception:  # unreadable or not text: LNK003 cannot say more
            ctx.cache[key] = None
    return ctx.cache[key]


# ---------------------------------------------------------------------------- LNK004

def _pad_dir(ctx: LintContext) -> Path | None:
    path = ctx.pad.path
    if not path or path == "-" or "://" in path:
        return None
    p = Path(path)
    return p.parent if p.is_file() else None


def _local_files(ctx: LintContext) -> list[tuple[Target, Path]]:
    """Relative targets that HedgeDoc keeps (``./x``, ``../x``), resolved next to the pad."""
    if "links.local" in ctx.cache:
        return ctx.cache["links.local"]
    base = _pad_dir(ctx)
    out: list[tuple[Target, Path]] = []
    if base is not None:
        for t in targets(ctx):
            url = t.url.strip()
            if not url or scheme_of(url) is not None or url.startswith(("#", "?", "/")):
                continue
            if not hedgedoc_keeps(url, image=t.image):
                continue
            rel = unquote(urlsplit(url).path)
            if rel:
                out.append((t, (base / rel)))
    ctx.cache["links.local"] = out
    return out


@rule(
    code="LNK004", name="missing-local-file", severity="error",
    summary="A relative link points to a file that does not exist next to the pad.",
    explanation="""
`[plan](./plan-salle.pdf)` or `![](../images/photo.jpg)` point to files relative to the pad's
own file. When the pad is kept in a folder (an archive, a Git repository), pad-lint checks that
each such file exists; the address is percent-decoded first (`%20` is a space) and `<…>`
destinations may hold spaces. Links starting with `/` point to other pads on the HedgeDoc
server and are not files; pads read from standard input or a URL are not checked.

Fix: correct the path, add the missing file, or link to the file's web address.
""",
    source="RFC 3986 §5.2 (relative resolution); CommonMark 0.31 §6.3 (link destinations)",
    example="""
[le plan](./plan-salle.pdf)
""",
)
def MISSING_LOCAL_FILE(ctx: LintContext) -> Iterator[Diagnostic]:
    for t, path in _local_files(ctx):
        if path.exists():
            continue
        what = "image file" if t.image else "file"
        rel = unquote(urlsplit(t.url).path)
        yield MISSING_LOCAL_FILE.diagnostic(
            ctx, t.span, f"The {what} “{rel}” does not exist next to this pad, so the "
            f"{'image' if t.image else 'link'} is broken.",
            help="Correct the path, add the file, or use the file's web address (https://…).")


# ---------------------------------------------------------------------------- LNK005

_REFERENCE_USE = re.compile(r"(?<![\\\]])(!?)\[([^\[\]\n]+)\]\[([^\[\]\n]*)\]")


def _normalize_label(label: str) -> str:
    # markdown-it normalizeReference: trim, collapse whitespace, Unicode case fold
    return re.sub(r"\s+", " ", label.strip()).lower().upper()


@rule(
    code="LNK005", name="undefined-reference", severity="warning",
    summary="A reference-style link uses a label that no `[label]: address` line defines.",
    explanation="""
`[the report][rapport]` is a link only if the pad also has a line `[rapport]: https://…`.
Without it the pad shows the brackets as plain text. Labels are matched without regard to
case or spacing. Shortcut references (`[texte]` alone) are not reported: brackets in prose are
too common (`[FORSE]`, `[à compléter]`).

Fix: add the definition line, or turn it into an inline link `[the report](https://…)`.
""",
    source="CommonMark 0.31 §4.7 (link reference definitions), §6.3 (full and collapsed references)",
    example="""
Voir [le compte rendu][cr].
""",
)
def UNDEFINED_REFERENCE(ctx: LintContext) -> Iterator[Diagnostic]:
    if "][" not in ctx.text:  # every full or collapsed reference holds "]["
        return
    refs = {k.upper() for k in (ctx.view.references or {})}
    for m in _REFERENCE_USE.finditer(ctx.text):
        if not _in_text(ctx, m.start()) or not _in_text(ctx, m.end(2)):
            continue
        label = m.group(3) if m.group(3).strip() else m.group(2)
        if not label.strip() or label.startswith("^") or re.match(r"\s*(name|time|color)=", label):
            continue
        if _normalize_label(label) in refs:
            continue
        yield UNDEFINED_REFERENCE.diagnostic(
            ctx, ctx.span(m.start(), m.end()),
            f"“[{label.strip()}]” is used as a link label but no line defines it, so the pad shows the brackets as "
            "plain text.",
            help=f"Add a line “[{label.strip()}]: https://…” to the pad, or write an inline link "
                 f"[{m.group(2).strip()}](https://…).")


# ---------------------------------------------------------------------------- LNK006

@rule(
    code="LNK006", name="linkify-false-link", severity="warning",
    summary="A file name such as `README.md` is turned into a link to a website.",
    explanation="""
HedgeDoc turns bare words that look like web addresses into links (linkify). File names whose
extension is also a country domain become links to websites that do not exist: `README.md`
links to http://README.md (Moldova), `setup.py` to http://setup.py (Paraguay), `deploy.sh` to
http://deploy.sh (Saint Helena). pad-lint reports `.md`, `.py` and `.sh` names, and names with
other such extensions (`.rs`, `.pl`, `.ps`, `.mk`…) when they look like file names (capitals,
underscores, usual file names such as `main` or `setup`).

Fix: put the file name in backticks (`` `README.md` ``) so it shows as a file name.
""",
    source="linkify-it fuzzy links (2-letter TLDs); HedgeDoc 1.x public/js/extra.js (linkify: true)",
    fixable=True,
    example="""
Les scripts sont décrits dans README.md.
""",
)
def LINKIFY_FALSE_LINK(ctx: LintContext) -> Iterator[Diagnostic]:
    for t in targets(ctx):
        if t.kind != "linkify" or t.link is None:
            continue
        raw = t.link.raw
        ext = linkify_false_link(raw)
        if not ext:
            continue
        fix = Fix(message=f"Put {raw} in backticks", applicability=Applicability.UNSAFE,
                  edits=[Edit(start_offset=t.span.start_offset, end_offset=t.span.end_offset, content=f"`{raw}`")])
        yield LINKIFY_FALSE_LINK.diagnostic(
            ctx, t.span, f"“{raw}” looks like a file name, but the pad turns it into a link to the website "
            f"{t.url} (“.{ext}” is also a country domain).",
            help=f"Write `{raw}` between backticks so it shows as a file name.", fix=fix)


# ---------------------------------------------------------------------------- LNK007

_DOMAIN_LIKE = re.compile(r"^(?:www\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.([A-Za-z]{2,})(?:[/:?#]|$)")
#: Extensions that make "name.ext" a file rather than a website.
_FILE_EXTENSIONS = frozenset({
    "png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "tif", "tiff", "ico", "pdf", "md", "markdown", "txt", "html",
    "htm", "doc", "docx", "odt", "ods", "odp", "odg", "xls", "xlsx", "ppt", "pptx", "csv", "tsv", "json", "xml",
    "yaml", "yml", "toml", "zip", "gz", "tgz", "tar", "7z", "rar", "py", "sh", "js", "ts", "css", "mp3", "mp4",
    "ogg", "ogv", "webm", "wav", "flac", "mkv", "avi", "mov", "epub", "ipynb", "r", "rmd", "tex", "bib", "ics",
})


def _looks_like_website(url: str) -> bool:
    m = _DOMAIN_LIKE.match(url)
    if not m:
        return False
    return url.lower().startswith("www.") or m.group(1).lower() not in _FILE_EXTENSIONS


@rule(
    code="LNK007", name="dropped-relative-link", severity="error",
    summary="HedgeDoc removes this link address: the rendered link or image goes nowhere.",
    explanation="""
Before showing a pad, HedgeDoc 1 removes every link or image address that does not start with
`./`, `../`, `/`, `#`, `?`, `http://`, `https://` or a known scheme (`mailto:`, `tel:`…).
`[scripts](slurm/README.md)`, `![schéma](allen.png)` and `[site](www.example.org)` therefore
render as links and images with an empty address. Write `./slurm/README.md` for a file next to
the pad, or `https://www.example.org` for a website.
""",
    source=_HEDGEDOC_SANITIZER,
    fixable=True,
    example="""
[Lien vers les scripts slurm](slurm/README.md)
""",
)
def DROPPED_RELATIVE_LINK(ctx: LintContext) -> Iterator[Diagnostic]:
    base = _pad_dir(ctx)
    for t in targets(ctx):
        url = t.url.strip()
        if not url or t.kind in ("linkify", "autolink", "embed") or hedgedoc_keeps(url, image=t.image):
            continue
        scheme = scheme_of(url)
        if scheme is None and not check_url(t.written):
            if _looks_like_website(url):
                fixed = "https://" + t.written
                reason = f"“{t.written}” looks like a website but has no “https://”"
            else:
                fixed = "./" + t.written
                exists = base is not None and (base / unquote(urlsplit(url).path)).exists()
                reason = f"“{t.written}” does not start with “./”" + (" (the file exists next to the pad)" if exists else "")
            fix = _fix_replace(t.dest, fixed, f"Write {fixed}")
        elif scheme is not None:
            if check_url(t.written):
                continue  # malformed: LNK001 reports it
            reason = f"pads do not keep addresses starting with “{scheme}:”"
            fixed, fix = None, None
        else:
            continue  # malformed: LNK001 reports it
        what = "image" if t.image else "link"
        yield DROPPED_RELATIVE_LINK.diagnostic(
            ctx, t.span, f"HedgeDoc removes this {what} address: {reason}, so the {what} goes nowhere.",
            help=f"Write {fixed}." if fixed else "Use a web address (https://…) instead.", fix=fix)


# ---------------------------------------------------------------------------- online (LNK101–LNK105)

def online_targets(ctx: LintContext) -> list[Target]:
    """Targets that the online check requests: http(s) links and images, minus ``exclude``."""
    from ..linkcheck import is_excluded

    opts = ctx.config.links
    return [t for t in targets(ctx) if scheme_of(t.url) in ("http", "https") and not check_url(t.written)
            and not is_excluded(t.url, opts)]


def online_results(ctx: LintContext) -> dict[str, Any]:
    """Results for this pad's URLs from the run store; URLs the store lacks are checked now.

    Empty when online checks are off (the default): no request is ever made then.
    """
    if not ctx.config.links.online:
        return {}
    if "links.online" in ctx.cache:
        return ctx.cache["links.online"]
    from ..linkcheck import RUN_STORE, check_urls

    urls = list(dict.fromkeys(t.url for t in online_targets(ctx)))
    missing = [u for u in urls if RUN_STORE.get(u) is None]
    if missing:
        check_urls(missing, ctx.config.links, progress=False)
    results = {u: RUN_STORE.get(u) for u in urls}
    ctx.cache["links.online"] = {u: r for u, r in results.items() if r is not None}
    return ctx.cache["links.online"]


def _online(ctx: LintContext, status: str) -> Iterator[tuple[Target, Any]]:
    results = online_results(ctx)
    if not results:
        return
    for t in online_targets(ctx):
        r = results.get(t.url)
        if r is not None and r.status == status:
            yield t, r


def _online_fragment_diagnostics(ctx: LintContext) -> Iterator[Diagnostic]:
    results = online_results(ctx)
    for t in online_targets(ctx) if results else []:
        r = results.get(t.url)
        if r is None or r.fragment_found is not False:
            continue
        frag = unquote(urlsplit(t.url).fragment)
        yield BROKEN_FRAGMENT.diagnostic(
            ctx, t.span, f"The page {_show(t.url.split('#')[0])} has no element with the id “{frag}”.",
            help="Open the page and copy the link of the section again; pages built by scripts may "
                 "create their anchors later (exclude them in [links] exclude).",
        ).model_copy(update={"severity": Severity.WARNING})


_ONLINE_SOURCE = ("RFC 9110 (HTTP semantics: status codes §15, Retry-After §10.2.3); lychee, linkinator and "
                  "markdown-link-check issue trackers (429, 999 and Cloudflare false positives)")


@rule(
    code="LNK101", name="http-error", severity="error",
    summary="A web link answers with an HTTP error (404 not found, 410 gone, 5xx…), or redirects in a loop.",
    explanation="""
Checked only with `--online` (or `[links] online = true`). pad-lint asks each web address once
per run (HEAD, then GET when the server refuses HEAD or when a `#fragment` must be found in the
page), follows redirects up to `max-redirects`, retries server errors (5xx, 408) with growing
pauses, and reports the addresses that still fail. Accepted status codes are set by
`[links] accept`; `exclude` lists regular expressions of addresses never checked.

Fix: update the address (search the site or the Wayback Machine), or remove the link.
""",
    source=_ONLINE_SOURCE,
    options=("links.online", "links.accept", "links.exclude", "links.max-redirects", "links.max-retries"),
    example="""
[le rapport](https://example.org/rapport-supprime.pdf)
""",
)
def HTTP_ERROR(ctx: LintContext) -> Iterator[Diagnostic]:
    for t, r in _online(ctx, "broken"):
        yield HTTP_ERROR.diagnostic(ctx, t.span, f"The link {_show(t.url)} is broken: {r.message}.",
                                    help="Update the address or remove the link.")


@rule(
    code="LNK102", name="link-blocked", severity="warning",
    summary="A website refused the automatic check (bot protection); the link may still work in a browser.",
    explanation="""
Some sites block automated checks: LinkedIn answers 999, Cloudflare answers 403 with a
challenge page (`cf-mitigated: challenge`). The link may well work for a reader, so this is a
warning, not an error. Do not blanket-accept 403 to silence it: that would hide real broken
links; exclude the site in `[links] exclude` instead.
""",
    source=_ONLINE_SOURCE + "; linkinator (999 and cf-mitigated are skipped)",
    options=("links.online", "links.exclude"),
)
def LINK_BLOCKED(ctx: LintContext) -> Iterator[Diagnostic]:
    for t, r in _online(ctx, "blocked"):
        yield LINK_BLOCKED.diagnostic(ctx, t.span, f"The site refused to let pad-lint check {_show(t.url)} "
                                      f"({r.message}); it may still work in a browser.",
                                      help="Open it in a browser to be sure; exclude the site in [links] exclude "
                                           "to stop checking it.")


@rule(
    code="LNK103", name="rate-limited", severity="warning",
    summary="A website kept answering 429 (too many requests), even after waiting.",
    explanation="""
A 429 answer means "slow down", not "broken". pad-lint waits as the server asks (Retry-After in
seconds or as a date, per host, up to `max-retry-after` seconds) or with growing pauses, and
tries again up to `max-retries` times. If the server still answers 429 the link's state is
unknown: this is a warning.
""",
    source=_ONLINE_SOURCE,
    options=("links.online", "links.max-retries", "links.max-retry-after"),
)
def RATE_LIMITED(ctx: LintContext) -> Iterator[Diagnostic]:
    for t, r in _online(ctx, "rate_limited"):
        yield RATE_LIMITED.diagnostic(ctx, t.span, f"The site kept refusing to answer about {_show(t.url)} "
                                      f"({r.message}); its state is unknown.",
                                      help="Run the check again later, or lower max-per-host.")


@rule(
    code="LNK104", name="permanent-redirect", severity="info",
    summary="A web link has moved permanently (301/308): the pad can use the new address.",
    explanation="""
A permanent redirect (HTTP 301 or 308) means the page has a new address. The old one works for
now, but updating the link avoids a detour and breaks less when the old address disappears.
Temporary redirects (302, 303, 307) are not reported.
""",
    source=_ONLINE_SOURCE + " §15.4.2 (301), §15.4.9 (308)",
    fixable=True,
    options=("links.online",),
)
def PERMANENT_REDIRECT(ctx: LintContext) -> Iterator[Diagnostic]:
    for t, r in _online(ctx, "ok"):
        new = r.permanent_redirect
        if not new:
            continue
        fix = _fix_replace(t.dest, new, f"Use the new address {new}") if t.kind not in ("linkify",) else None
        yield PERMANENT_REDIRECT.diagnostic(ctx, t.span, f"{_show(t.url)} has moved permanently to {_show(new)}.",
                                            help=f"Update the link to {new}.", fix=fix)


@rule(
    code="LNK105", name="unreachable", severity="warning",
    summary="A web link could not be reached (timeout, unknown server name, connection refused).",
    explanation="""
The server did not answer in time (`[links] timeout`, after retries), its name does not exist
(DNS), it refused the connection, or the secure connection failed. A missing domain usually
means the link is dead for good; a timeout may be temporary. This is a warning by default;
make it an error with `severity = { LNK105 = "error" }`.
""",
    source=_ONLINE_SOURCE,
    options=("links.online", "links.timeout", "links.max-retries"),
)
def UNREACHABLE(ctx: LintContext) -> Iterator[Diagnostic]:
    for t, r in _online(ctx, "unreachable"):
        yield UNREACHABLE.diagnostic(ctx, t.span, f"{_show(t.url)} could not be reached: {r.message}.",
                                     help="Check the address; if the site is only slow, try again later.")
