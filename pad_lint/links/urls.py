"""Offline checks of link addresses: syntax (RFC 3986, RFC 6068 ``mailto:``,
RFC 3966 ``tel:``), what the HedgeDoc 1 sanitizer keeps, and linkify's false links.

Every checker returns a list of :class:`Problem` (empty when the address is
fine); messages are plain words for people who write pads, not programmers.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

#: Schemes a pad link may reasonably use (IANA permanent/provisional schemes seen in notes).
KNOWN_SCHEMES = frozenset({
    "http", "https", "mailto", "tel", "ftp", "ftps", "sftp", "ssh", "git", "irc", "ircs", "xmpp", "matrix",
    "geo", "magnet", "news", "nntp", "sip", "sips", "sms", "smsto", "urn", "webcal", "data", "file", "bitcoin",
    "im", "mms", "openpgp4fpr", "wtai", "ws", "wss", "doi", "zotero", "obsidian", "slack", "zoommtg", "msteams",
    "spotify", "steam", "skype", "callto", "facetime", "jitsi", "element", "mumble", "gemini", "gopher", "ipfs",
    "ipns", "dat", "hyper", "chrome", "about", "view-source", "blob", "javascript", "vbscript", "onenote",
})

#: HedgeDoc 1.x ``public/js/render.js`` ``linkRegex``: hrefs/srcs kept as written.
#: Everything else falls back to js-xss ``safeAttrValue`` (:data:`_XSS_PREFIXES`).
_HEDGEDOC_LINK = re.compile(
    r"^(?:\?|#|\.|/|https?://|(?:web\+[a-z]+|bitcoin|ftp|ftps|geo|im|irc|ircs|magnet|mailto|matrix|mms|news|nntp"
    r"|openpgp4fpr|sftp|sip|sms|smsto|ssh|tel|urn|webcal|wtai|xmpp):)", re.I)
#: js-xss 1.0.15 ``lib/default.js`` ``safeAttrValue`` for ``href``/``src``.
_XSS_PREFIXES = ("http://", "https://", "mailto:", "tel:", "data:image/", "ftp://", "./", "../", "#", "/")
#: HedgeDoc's ``dataUriRegex`` for ``<img src>``.
_DATA_URI = re.compile(r"^\s*data:([a-z]+/[a-z0-9-+.]+(;[a-z-]+=[a-z0-9-]+)?)?(;base64)?,"
                       r"([a-z0-9!$&',()*+;=\-._~:@/?%\s]*)\s*$", re.I)

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_LABEL = re.compile(r"^(?!-)[A-Za-z0-9_-]{1,63}(?<!-)$")
_PERCENT_BAD = re.compile(r"%(?![0-9A-Fa-f]{2})")
_HTTP_TYPO = re.compile(r"^(?:h?t?t?p?s?)(?::/(?!/)|//|;//|:\\\\|:(?!/))", re.I)
_EMAIL_LOCAL = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.\-]+$")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an address.

    ``kind`` is a stable short key (``double-scheme``, ``bad-port``…) for tests
    and suppressions; ``message`` says what is wrong; ``help`` how to fix it;
    ``replacement`` a corrected address when one is certain.
    """

    kind: str
    message: str
    help: str | None = None
    replacement: str | None = None


def scheme_of(url: str) -> str | None:
    """Lower-case scheme of ``url`` (``https``, ``mailto``…), or ``None`` for a relative reference."""
    m = _SCHEME.match(url.strip())
    if not m:
        return None
    scheme = m.group(1).lower()
    # "c:" style Windows drive letters are paths, not schemes.
    return None if len(scheme) == 1 else scheme


def _edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def check_url(written: str, *, linkified: bool = False) -> list[Problem]:
    """Syntax problems of an absolute address or a typo'd one.

    Args:
        written: the address exactly as written in the pad (angle brackets
            removed), not markdown-it's normalised form (which hides some
            mistakes, e.g. it turns ``http://[::1/x`` into ``http://:1%5B:/x``).
        linkified: the address is a bare URL that linkify turned into a link.

    Returns:
        Problems found; relative references (no scheme) give none here, they
        are the business of the relative-link checks.
    """
    url = written.strip()
    if not url:
        return []
    problems: list[Problem] = []
    scheme = scheme_of(url)
    if scheme is None:
        m = _HTTP_TYPO.match(url)
        if m and url[: m.end()].lower().startswith("http") and "." in url:
            rest = url[m.end():].lstrip("/\\")
            fixed = ("https://" if url.lower().startswith("https") else "http://") + rest
            problems.append(Problem("bad-scheme", f"“{url[:m.end()]}” is not a valid start for a web address",
                                    f"write {fixed}", fixed))
        return problems
    if scheme in ("http", "https", "ftp", "ftps", "ws", "wss"):
        problems.extend(_check_hierarchical(url, scheme, linkified))
    elif scheme == "mailto":
        problems.extend(check_mailto(url))
    elif scheme == "tel":
        problems.extend(check_tel(url))
    elif scheme not in KNOWN_SCHEMES:
        close = min(("https", "http", "mailto", "ftp"), key=lambda s: _edit_distance(scheme, s))
        if _edit_distance(scheme, close) <= 2 and (url[len(scheme) + 1:].startswith("//") or close == "mailto"):
            rest = url[len(scheme) + 1:]
            fixed = f"{close}:{rest}"
            problems.append(Problem("bad-scheme", f"“{scheme}:” is not a known kind of address (typo for “{close}:”?)",
                                    f"write {fixed}", fixed))
    problems.extend(_check_common(url))
    return problems


def _check_common(url: str) -> list[Problem]:
    problems = []
    if _PERCENT_BAD.search(url):
        problems.append(Problem("bad-percent", "a “%” in the address is not followed by two hexadecimal digits",
                                "write %25 for a literal percent sign"))
    for open_, close in (("(", ")"), ("[", "]")):
        if url.count(open_) != url.count(close):
            problems.append(Problem("unbalanced-brackets",
                                    f"the address has unbalanced “{open_}{close}”: it may have been cut or pasted badly",
                                    "check the address against the page it should open"))
    return problems


def _check_hierarchical(url: str, scheme: str, linkified: bool) -> list[Problem]:
    problems: list[Problem] = []
    after = url[len(scheme) + 1:]
    if not after.startswith("//"):
        fixed = f"{scheme}://{after.lstrip('/')}"
        return [Problem("missing-slashes", f"a {scheme} address needs “//” after “{scheme}:”", f"write {fixed}", fixed)]
    # https://https://example.org, http://http//example.org, https://http:/x
    m = re.match(r"//(https?|ftp)(:?//|:/?)(.*)$", after, re.I)
    if m and ("." in m.group(3) or linkified):
        fixed = f"{scheme}://{m.group(3).lstrip('/')}" if m.group(3) else None
        problems.append(Problem("double-scheme", f"the address starts twice with a scheme (“{scheme}://{m.group(1)}…”)",
                                f"write {fixed}" if fixed else "remove the repeated “http(s)://”", fixed))
        return problems
    rest = after[2:]
    authority = re.split(r"[/?#]", rest, maxsplit=1)[0]
    if "@" in authority:
        authority = authority.rsplit("@", 1)[1]
    if authority.startswith("["):
        if "]" not in authority:
            problems.append(Problem("bad-host", "the IPv6 address in brackets is not closed with “]”"))
            return problems
        literal, _, port = authority[1:].partition("]")
        try:
            ipaddress.IPv6Address(literal.split("%")[0])
        except ValueError:
            problems.append(Problem("bad-host", f"“[{literal}]” is not a valid IPv6 address"))
        port = port[1:] if port.startswith(":") else ("" if not port else port)
        host = None
    else:
        host, sep, port = authority.rpartition(":") if ":" in authority else (authority, "", "")
        if not sep:
            host, port = authority, ""
    if port:
        if not port.isdigit() or not 0 < int(port) <= 65535:
            problems.append(Problem("bad-port", f"“{port}” is not a valid port number (1 to 65535)",
                                    "remove it or fix the number after “:”"))
    if host is not None:
        problems.extend(_check_host(host, scheme))
    return problems


def _check_host(host: str, scheme: str) -> list[Problem]:
    if not host:
        return [Problem("bad-host", f"the {scheme} address has no server name")]
    if re.search(r"\s", host):
        return [Problem("bad-host", f"the server name “{host}” contains a space")]
    decoded = unquote(host)
    if re.fullmatch(r"[0-9.]+", decoded):
        parts = decoded.rstrip(".").split(".")
        if len(parts) != 4 or any(not p or int(p) > 255 for p in parts):
            return [Problem("bad-host", f"“{host}” is not a valid IP address")]
        return []
    name = decoded[:-1] if decoded.endswith(".") else decoded
    if ".." in decoded or not name:
        return [Problem("bad-host", f"the server name “{host}” has an empty part between dots")]
    try:
        ascii_name = name.encode("idna").decode("ascii") if not name.isascii() else name
    except UnicodeError:
        return [Problem("bad-host", f"the server name “{host}” is not a valid internationalised domain name")]
    if len(ascii_name) > 253:
        return [Problem("bad-host", "the server name is longer than 253 characters")]
    for label in ascii_name.split("."):
        if not _LABEL.match(label):
            return [Problem("bad-host", f"“{label}” is not a valid part of a server name "
                                        "(letters, digits and inner hyphens only)")]
    return []


def check_mailto(url: str) -> list[Problem]:
    """RFC 6068: ``mailto:`` then comma-separated addresses, then optional ``?hfields``."""
    body = url.split(":", 1)[1]
    to, _, query = body.partition("?")
    addresses = [unquote(a).strip() for a in to.split(",") if a.strip()]
    if not addresses and "to=" not in query.lower():
        return [Problem("bad-mailto", "the e-mail link has no address after “mailto:”",
                        "write mailto:name@example.org")]
    problems = []
    for address in addresses:
        problem = _email_problem(address)
        if problem:
            problems.append(Problem("bad-mailto", problem, "write the address as name@example.org"))
    return problems


def _email_problem(address: str) -> str | None:
    if address.count("@") != 1:
        return f"“{address}” is not an e-mail address (it needs exactly one “@”)"
    local, domain = address.split("@")
    if not local or not _EMAIL_LOCAL.match(local) or local.startswith(".") or local.endswith(".") or ".." in local:
        return f"“{local}” is not a valid name before the “@” in “{address}”"
    if "." not in domain.strip("."):
        return f"“{domain}” is not a complete domain after the “@” in “{address}”"
    host_problems = _check_host(domain, "mailto")
    return host_problems[0].message if host_problems else None


_TEL_VISUAL = "-.()"


def check_tel(url: str) -> list[Problem]:
    """RFC 3966 ``tel:`` syntax: a global number ``+digits`` (visual separators
    ``- . ( )`` allowed) or a local number (digits, ``*``, ``#``, letters A-D
    ``p``/``w`` pauses excepted), then ``;parameters``."""
    body = unquote(url.split(":", 1)[1])
    number, _, _params = body.partition(";")
    digits = [c for c in number if c.isdigit()]
    if not digits:
        return [Problem("bad-tel", "the phone link has no number after “tel:”", "write tel:+33123456789")]
    rest = number[1:] if number.startswith("+") else number
    bad = sorted({c for c in rest if not (c.isdigit() or c in _TEL_VISUAL or c in "*#" or c == " ")})
    if bad:
        return [Problem("bad-tel", f"the phone number contains characters a phone cannot dial: {' '.join(bad)}",
                        "keep digits, “+” at the start and separators “-” or “.”")]
    if "+" in rest:
        return [Problem("bad-tel", "“+” may only start a phone number", "write tel:+33123456789")]
    return []


def hedgedoc_keeps(href: str, *, image: bool = False) -> bool:
    """Whether HedgeDoc 1.x keeps ``href``/``src`` after sanitising the page.

    ``public/js/render.js`` ``onTagAttr`` keeps values matching ``linkRegex``
    (``? # . /``, ``http(s)://`` and the ``registerProtocolHandler`` schemes)
    and ``data:`` URIs in ``<img src>``; anything else goes through js-xss
    ``safeAttrValue``, which empties it unless it starts with ``http://``,
    ``https://``, ``mailto:``, ``tel:``, ``data:image/``, ``ftp://``, ``./``,
    ``../``, ``#`` or ``/``. ``href`` is the value in the rendered HTML
    (markdown-it's normalised destination).
    """
    value = href.strip()
    if not value or value == "#":
        return True
    if _HEDGEDOC_LINK.match(value):
        return True
    if image and _DATA_URI.match(value):
        return True
    return value.startswith(_XSS_PREFIXES)


def looks_like_path(href: str) -> bool:
    """A relative reference that names a file or folder (``docs/x.md``, ``img.png``)."""
    return scheme_of(href) is None and not href.startswith(("#", "?", "/")) and bool(href.strip())


# -- linkify false links ---------------------------------------------------------------

#: Two-letter country TLDs that linkify-it accepts and that are also common file
#: extensions: a bare "name.ext" there is nearly always a file name.
FILE_TLDS_STRONG = frozenset({"md", "py", "sh"})
#: Country TLDs that are file extensions but also host many real sites: only a
#: file-like name (capitals, underscore, a usual file stem) makes them suspicious.
FILE_TLDS_WEAK = frozenset({"rs", "pl", "pm", "ps", "mk", "in", "ml", "tf", "mo", "la", "cc", "ai", "so", "sc",
                            "ly", "cr", "gs", "pt", "am", "ts", "js", "cs", "rb", "go", "kt", "cx", "hs"})
_FILE_STEMS = frozenset({
    "readme", "setup", "main", "index", "config", "install", "deploy", "build", "test", "tests", "run", "app",
    "manage", "requirements", "changelog", "license", "licence", "contributing", "makefile", "script", "scripts",
    "notes", "todo", "lib", "mod", "init", "__init__", "server", "client", "utils", "start", "launch", "job",
})


def linkify_false_link(text: str) -> str | None:
    """If a bare word that linkify turned into a link is really a file name, say why.

    ``text`` is the visible text of the linkified link (``README.md``). Only
    fuzzy links count (no scheme, no ``www.``, no path): ``README.md`` becomes
    ``http://README.md`` in HedgeDoc because ``.md`` is Moldova's TLD.

    Returns:
        The file extension that makes it look like a file, or ``None``.
    """
    t = text.strip()
    if scheme_of(t) or t.lower().startswith("www.") or "/" in t or "@" in t or ":" in t:
        return None
    labels = t.split(".")
    if len(labels) != 2:
        return None
    stem, tld = labels
    tld_l = tld.lower()
    if tld_l in FILE_TLDS_STRONG:
        return tld
    if tld_l in FILE_TLDS_WEAK:
        if any(c.isupper() for c in stem) or "_" in stem or stem.lower() in _FILE_STEMS or tld != tld_l:
            return tld
    return None
