"""Offline link rules LNK001–LNK007 on fixture pads, and their helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES, expected_diagnostics
from pad_lint.config import Config, LinksOptions
from pad_lint.diagnostics import Applicability, Severity
from pad_lint.linter import lint_pad
from pad_lint.links import check_mailto, check_tel, check_url, hedgedoc_keeps, linkify_false_link, pad_links
from pad_lint.markdown.view import build_view
from pad_lint.source import Pad

LINK_FIXTURES = sorted((FIXTURES / "links").glob("*.md"))


def lint(text: str, path: str | None = None, **links: object):
    cfg = Config(select=["LNK"], links=LinksOptions(**links))
    return lint_pad(Pad.from_text(text, path), cfg)


def apply_fix(text: str, diag) -> str:
    for edit in sorted(diag.fix.edits, key=lambda e: e.start_offset, reverse=True):
        text = text[: edit.start_offset] + edit.content + text[edit.end_offset:]
    return text


@pytest.mark.parametrize("path", LINK_FIXTURES, ids=lambda p: p.name)
def test_fixture_pads(path: Path) -> None:
    pad = Pad.from_bytes(path.read_bytes(), str(path))
    got = sorted((d.code, d.span.start_line, d.span.start_column) for d in lint_pad(pad, Config(select=["LNK"])))
    assert got == expected_diagnostics(path.read_text(encoding="utf-8"))


def test_fixture_folder_is_not_empty() -> None:
    assert len(LINK_FIXTURES) >= 6


# -- LNK001 ------------------------------------------------------------------------------

@pytest.mark.parametrize("url,kind", [
    ("https://https://www.youtube.com/watch?v=Boyeus8GCG8", "double-scheme"),
    ("http://http//example.org", "double-scheme"),
    ("https:/example.org", "missing-slashes"),
    ("https:example.org", "missing-slashes"),
    ("http//example.org/x", "bad-scheme"),
    ("htps://example.org", "bad-scheme"),
    ("https://example.org:0/", "bad-port"),
    ("https://example.org:http/", "bad-port"),
    ("https://-bad.example.org/", "bad-host"),
    ("https://exa mple.org/", "bad-host"),
    ("https:///path", "bad-host"),
    ("http://999.1.1.1/", "bad-host"),
    ("http://[::1/path", "bad-host"),
    ("http://[zz::1]/", "bad-host"),
    ("https://example.org/%zz", "bad-percent"),
    ("https://en.wikipedia.org/wiki/Foo_(bar", "unbalanced-brackets"),
    ("mailto:", "bad-mailto"),
    ("mailto:jean.dupont", "bad-mailto"),
    ("mailto:a@b", "bad-mailto"),
    ("mailto:a..b@example.org", "bad-mailto"),
    ("tel:", "bad-tel"),
    ("tel:+33-1-2+3", "bad-tel"),
])
def test_check_url_problems(url: str, kind: str) -> None:
    assert kind in [p.kind for p in check_url(url)]


@pytest.mark.parametrize("url", [
    "https://www.forse-rse.org/", "https://10000codeurs.com", "http://127.0.0.1:8765/docs", "http://[::1]:80/",
    "https://bücher.example/x", "https://en.wikipedia.org/wiki/Foo_(bar)", "mailto:a@example.org,b@example.org?subject=x",
    "mailto:?to=a@example.org", "tel:+33123456789", "tel:01.23.45.67.89", "tel:7042;phone-context=example.com",
    "ftp://ftp.example.org/pub/", "./docs/page.md", "#top", "/features#Permissions", "zotero://select/x",
    "https://example.org/a%20b", "https://hackmd.io/@turingway/guide", "//cdn.example.org/x.js",
])
def test_check_url_accepts(url: str) -> None:
    assert check_url(url) == []


def test_check_url_replacements() -> None:
    assert check_url("https://https://www.youtube.com/x")[0].replacement == "https://www.youtube.com/x"
    assert check_url("https:/example.org")[0].replacement == "https://example.org"
    assert check_mailto("mailto:jean") and not check_mailto("mailto:jean@example.org")
    assert check_tel("tel:abc") and not check_tel("tel:+33 1 23 45 67 89")


def test_double_scheme_fix_is_offered() -> None:
    text = "[v](https://https://www.youtube.com/watch?v=x)\n"
    [d] = lint(text)
    assert d.code == "LNK001" and d.fix is not None
    assert apply_fix(text, d) == "[v](https://www.youtube.com/watch?v=x)\n"


def test_linkified_double_scheme_is_reported_whole() -> None:
    [d] = lint("Voir https://https://www.youtube.com/x ici.\n")
    assert d.code == "LNK001" and "https://https://www.youtube.com/x" in d.message


def test_space_in_destination_is_a_warning_with_fix() -> None:
    text = "[plan](./docs/plan salle.pdf)\n"
    [d] = lint(text)
    assert (d.code, d.severity) == ("LNK001", Severity.WARNING)
    assert apply_fix(text, d) == "[plan](./docs/plan%20salle.pdf)\n"
    assert d.fix.applicability == Applicability.UNSAFE


def test_space_in_host_has_no_percent_fix() -> None:
    [d] = lint("Le [CRMinf](https://www.CIDOC CRM.org/crminf/) produit.\n")
    assert d.code == "LNK001" and d.fix is None and "server name" in d.help


def test_refused_scheme_is_reported() -> None:
    [d] = lint("[x](file:///etc/passwd)\n")
    assert d.code == "LNK001" and "file:" in d.message


# -- LNK002 / LNK003 / LNK005 / LNK006 / LNK007 -----------------------------------------

def test_empty_html_image_src() -> None:
    [d] = lint('<img src="" alt="x">\n')
    assert d.code == "LNK002" and "image" in d.message


def test_fragment_fix_is_safe_when_the_heading_is_certain() -> None:
    text = "# Agenda\n\n[heading](#agenda)\n"
    [d] = lint(text)
    assert d.code == "LNK003" and "GitHub" in d.help
    assert d.fix.applicability == Applicability.SAFE
    assert apply_fix(text, d) == "# Agenda\n\n[heading](#Agenda)\n"
    assert lint(apply_fix(text, d)) == []


def test_fragment_close_spelling_gets_unsafe_fix() -> None:
    text = "# Programme\n\n[x](#Programe)\n"
    [d] = lint(text)
    assert d.fix is not None and d.fix.applicability == Applicability.UNSAFE and "#Programme" in d.help


def test_fragment_link_to_own_url(tmp_path: Path) -> None:
    text = "# Intro\n\n[self](https://pad.example.org/abc#intro)\n"
    [d] = lint(text, path="https://pad.example.org/abc")
    assert d.code == "LNK003"
    assert lint("# Intro\n\n[self](https://pad.example.org/abc#Intro)\n", path="https://pad.example.org/abc") == []


def test_dialect_setting_changes_the_verdict() -> None:
    text = "# Agenda\n\n[a](#agenda)\n"
    assert [d.code for d in lint(text)] == ["LNK003"]
    assert lint(text, dialect="github") == []
    assert lint(text, dialect="hedgedoc1-lower-case") == []


def test_linkify_false_link_helper() -> None:
    assert linkify_false_link("README.md") == "md"
    assert linkify_false_link("setup.py") == "py"
    assert linkify_false_link("main.rs") == "rs"
    assert linkify_false_link("My_Script.pl") == "pl"
    for ok in ("docs.rs", "onet.pl", "example.org", "draw.io", "www.README.md", "http://README.md", "a.b.md"):
        assert linkify_false_link(ok) is None, ok


def test_linkify_fix_wraps_in_backticks() -> None:
    text = "Voir README.md pour la suite.\n"
    [d] = lint(text)
    assert apply_fix(text, d) == "Voir `README.md` pour la suite.\n"


def test_hedgedoc_sanitizer_emulation() -> None:
    for kept in ("./x.md", "../x.md", "/pad", "#a", "?view", "https://e.org", "HTTPS://E.ORG", "mailto:a@b.org",
                 "tel:+331", "ftp://e.org", "irc:chan", "xmpp:a@b.org", "web+pad:x", "#"):
        assert hedgedoc_keeps(kept), kept
    for dropped in ("docs/x.md", "allen.png", "www.example.org", "zotero://x", "localhost:8080/x", "javascript:x"):
        assert not hedgedoc_keeps(dropped), dropped
    assert hedgedoc_keeps("data:image/png;base64,AAAA", image=True)
    assert not hedgedoc_keeps("data:text/html,hi")


def test_dropped_link_fix_adds_dot_slash_or_scheme() -> None:
    text = "[a](docs/x.md) [b](www.example.org)\n"
    diags = lint(text)
    assert [d.code for d in diags] == ["LNK007", "LNK007"]
    assert apply_fix(text, diags[0]).startswith("[a](./docs/x.md)")
    assert "[b](https://www.example.org)" in apply_fix(text, diags[1])


def test_relative_files_are_resolved_next_to_the_pad(tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "photo 1.jpg").write_bytes(b"jpg")
    pad = tmp_path / "pad.md"
    text = "![a](<./assets/photo 1.jpg>) ![b](./assets/photo%201.jpg) ![c](./assets/photo%202.jpg)\n"
    pad.write_text(text, encoding="utf-8")
    diags = lint(text, path=str(pad))
    assert [(d.code, d.span.start_column) for d in diags] == [("LNK004", 59)]


def test_no_local_file_check_without_a_file_path() -> None:
    assert lint("[a](./absent.md)\n", path=None) == []
    assert lint("[a](./absent.md)\n", path="-") == []


def test_links_in_code_and_comments_are_not_checked() -> None:
    text = ("`[a](https://https://x.org)` and\n\n```\n[b](docs/x.md)\n```\n\n"
            "<!-- [c](https:/x.org) README.md -->\n\n    [d]()\n")
    assert lint(text) == []


def test_offline_run_never_touches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    import pad_lint.linkcheck as lc

    def boom(*args: object, **kwargs: object) -> None:
        raise AssertionError("network used without --online")

    monkeypatch.setattr(lc, "check_urls", boom)
    monkeypatch.setattr(lc, "acheck_urls", boom)
    text = "[a](https://example.org) https://example.com ![i](https://example.net/x.png)\n"
    assert lint(text) == []
    assert lint(text, online=False) == []


# -- pad_links ---------------------------------------------------------------------------

def test_pad_links_on_the_seed_shape() -> None:
    text = ("![](https://hot-objects.liiib.re/pad-lamyne-org/uploads/upload_6c10143fe4ad7953816a49e56c354956.jpg)\n"
            "[atelier 1](https://pad.lamyne.org/FORSEatelier1)\n"
            "[atelier 2](https://pad.lamyne.org/FORSEatelier2#)\n"
            "[atelier 2 encore](https://pad.lamyne.org/FORSEatelier2?both)\n"
            "[features](https://pad.lamyne.org/features)\n"
            "[site](https://www.lamyne.org/)\n"
            "[etherpad](https://pad.gresille.org/p/xyz)\n")
    view = build_view(Pad.from_text(text))
    assert pad_links(view) == ["https://pad.lamyne.org/FORSEatelier1", "https://pad.lamyne.org/FORSEatelier2"]


def test_pad_links_from_uploads_host_and_relative_links() -> None:
    text = ("![](https://codimd.math.cnrs.fr/uploads/upload_5e04b668dbe0bba8ec74d6f6c9389c7a.jpeg)\n"
            "[autre](https://codimd.math.cnrs.fr/1Dj1bIr9R4SyfbW7IHdriQ?both#)\n"
            "[publié](https://codimd.math.cnrs.fr/s/abcDEF123)\n"
            "[relatif](/MmcrFV3AS4qnYESGCEvBug)\n")
    view = build_view(Pad.from_text(text))
    assert pad_links(view) == ["https://codimd.math.cnrs.fr/1Dj1bIr9R4SyfbW7IHdriQ",
                               "https://codimd.math.cnrs.fr/s/abcDEF123",
                               "https://codimd.math.cnrs.fr/MmcrFV3AS4qnYESGCEvBug"]


def test_pad_links_excludes_the_pad_itself() -> None:
    text = "[moi](https://pad.example.org/abcdef) [autre](https://pad.example.org/ghijkl)\n"
    view = build_view(Pad.from_text(text, "https://pad.example.org/abcdef"))
    assert pad_links(view) == ["https://pad.example.org/ghijkl"]


def test_pad_links_needs_a_pad_server() -> None:
    text = "[a](https://hedgedoc.org/demo/) [b](https://www.example.org/page)\n"
    assert pad_links(build_view(Pad.from_text(text))) == []
