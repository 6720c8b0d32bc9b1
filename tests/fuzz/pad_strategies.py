"""Hypothesis strategies for HedgeDoc-flavoured pads.

Shared by ``tests/test_properties*.py`` (bounded runs in CI) and
``tests/fuzz/hypothesis_fuzz.py`` (long runs outside CI). The generator builds
pads from the constructs HedgeDoc 1 users actually write, glued with the
separators that break parsers: every line ending, nesting prefixes (lists,
blockquotes, containers), unclosed constructs, odd Unicode.
"""

from __future__ import annotations

from hypothesis import strategies as st

# Small vocabulary: words with the characters the inclusive-writing, licence and
# people rules look at.
WORDS = ["participant·es", "participant.e.s", "intervenant-e-s", "tous·tes", "Licence", "CC BY-SA 4.0",
         "à préciser", "Animé par", "Participants :", "moderated by", "notes by", "**Sophie Lambert**",
         "Lucas", "mardi 21 juin 2022", "Tuesday 3 March 2026", "CC0", "Etalab", "image", "photo",
         "café", "naïve", "œuvre", "e\u0301", "\u200b", "\u00a0", "\u202e", "😀", "👩\u200d💻", "日本語",
         "&amp;", "&#x27;", "&nbsp;", "&bogus;", "\\*", "\\", "`", "``", "*", "_", "~~", "==", "++", "^", "~",
         "$", "$$", "<", ">", "&", "|", "[", "]", "(", ")", "{", "}", "!", "#", ":", ":::", "---", "...",
         "http://", "https://example.org/a?b=c#d", "www.example.com", "mailto:a@b.c", "a@b.fr", "javascript:x",
         "[name=Jeanne]", "[time=Tue, Jun 21, 2022 10:14 AM]", "[color=#ff0000]", "[TOC]", "[toc]",
         "{%youtube abc %}", "{%pdf https://x.org/a.pdf %}", "{%vimeo %}", "[^1]", "[^note]",
         "<!-- pad-lint disable-next-line -->", "<!-- pad-lint disable IMG001 -- reason -->",
         "<!-- pad-lint enable -->", "<!-- pad-lint disable-file LIC -->", "<!--", "-->", "<br>",
         "<img src=x.png>", "<img alt=\"\" src=y>", "<a href=\"#x\">", "</a>", "<a name=top></a>",
         "<span id=s>", "<center>", "</center>", "<script>x</script>", "<details>", "<summary>S</summary>"]

INLINE_PIECES = st.one_of(
    st.sampled_from(WORDS),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12),
    st.builds(lambda t, u: f"[{t}]({u})", st.sampled_from(["", "lien", "**gras**", "![i](a.png)", "`c`", "a\nb"]),
              st.sampled_from(["", "#frag", "#Tour-de-table", "https://example.org", "<a b>", "x.md",
                               "https:/broken", "http://127.0.0.1/", "a \"title\"", "(nested)"])),
    st.builds(lambda a, s, size: f"![{a}]({s}{size})", st.sampled_from(["", "alt", "Photo : X", "IMG_1.JPG", "a]b"]),
              st.sampled_from(["a.png", "https://example.org/u/1.jpg", "", "<x y.png>"]),
              st.sampled_from(["", " =100x", " =x200", " =300x200", " \"t\""])),
    st.builds(lambda t, r: f"[{t}][{r}]", st.sampled_from(["ref", "x", ""]), st.sampled_from(["ref", "", "nope"])),
    st.builds(lambda u: f"<{u}>", st.sampled_from(["https://example.org", "a@b.c", "x", "http://[::1]/"])),
    st.builds(lambda m, t: f"{m}{t}{m}", st.sampled_from(["*", "**", "_", "__", "~~", "`", "==", "++", "$", "~", "^"]),
              st.sampled_from(["x", "mot", " a ", "", "participant·es"])),
)

INLINE = st.lists(INLINE_PIECES, min_size=0, max_size=8).map(" ".join)

LINE_PREFIXES = ["", "", "", "# ", "## ", "###### ", "####### ", "> ", "> > ", "- ", "* ", "+ ", "1. ", "2) ",
                 "    ", "\t", "   - ", "- [ ] ", "- [x] ", ": ", "| ", "  ", "- > ", "> - ", "10000000000. "]

BLOCKS = st.one_of(
    st.builds(lambda p, t: p + t, st.sampled_from(LINE_PREFIXES), INLINE),
    st.sampled_from(["", "", "===", "---", "***", "___", "```", "```python", "~~~", "````", ":::", ":::info",
                     ":::warning Titre", ":::danger", ":::success", ":::spoiler Détails", ":::unknown",
                     "::::info", "$$", "[ref]: https://example.org \"t\"", "[^1]: note", "[^1]:", "| a | b |",
                     "| --- | :-: |", "|---|", "<!--", "-->", "<div>", "</div>", "<table>", "<pre>", "</pre>",
                     "Terme", ": définition", "[TOC]", "###### tags: `a` `b c`", "\\", "  ", "\t\t"]),
)


@st.composite
def hedgedoc_pads(draw, max_lines: int = 30) -> str:
    """A pad: optional front matter, lines of HedgeDoc constructs, mixed line endings."""
    lines: list[str] = []
    fm = draw(st.sampled_from(["", "", "", "title: T\nlang: fr\nlicense: CC-BY-4.0", "tags: a, b",
                               "title: [unclosed", "a: &x [1]\nb: *x", "!!python/object:os.system x",
                               "- list\n- not a mapping", "title: T\ntitle: dup", "k: !!binary aGk=",
                               "date: 2022-06-21", "a: {b: [c, {d: e}]}"]))
    if fm or draw(st.booleans()):
        end = draw(st.sampled_from(["---", "...", "", "--- "]))
        lines += ["---", *fm.split("\n"), end] if fm else ["---", end]
    lines += draw(st.lists(BLOCKS, min_size=0, max_size=max_lines))
    eol = draw(st.sampled_from(["\n", "\n", "\n", "\r\n", "\r", "mixed"]))
    if eol == "mixed":
        out = []
        for line in lines:
            out.append(line + draw(st.sampled_from(["\n", "\r\n", "\r"])))
        text = "".join(out)
    else:
        text = eol.join(lines)
    if draw(st.booleans()):
        text += "\n"
    if draw(st.integers(0, 9)) == 0:
        text = "\ufeff" + text
    return text


#: Any text at all (no lone surrogates, which cannot come from a decoded file).
RANDOM_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)

#: Either kind.
PADS = st.one_of(hedgedoc_pads(), RANDOM_TEXT)
