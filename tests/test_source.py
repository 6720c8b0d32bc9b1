"""Reading pads: encodings, BOM, line endings, and bad bytes."""

from __future__ import annotations

import codecs

import pytest

from pad_lint.errors import InputError
from pad_lint.source import Pad, read_pad


def test_crlf_and_lone_cr_round_trip_byte_for_byte():
    raw = b"# Titre\r\n\r\nUn paragraphe\rsuite\nfin"
    pad = Pad.from_bytes(raw, path="x.md")
    assert pad.text == "# Titre\n\nUn paragraphe\nsuite\nfin"
    assert pad.to_bytes() == raw


def test_utf8_bom_is_kept_on_write():
    raw = codecs.BOM_UTF8 + "Élodie\r\n".encode()
    pad = Pad.from_bytes(raw)
    assert pad.text == "Élodie\n"
    assert pad.to_bytes() == raw
    assert pad.to_bytes("Elodie\n") == codecs.BOM_UTF8 + b"Elodie\r\n"


def test_utf16_with_bom_decodes():
    raw = "# Notes\n".encode("utf-16")
    pad = Pad.from_bytes(raw)
    assert pad.text == "# Notes\n"
    assert pad.to_bytes() == raw


def test_invalid_utf8_names_line_and_column():
    with pytest.raises(InputError) as exc:
        Pad.from_bytes("ligne 1\nabc\xe9".encode("latin-1"), path="notes.md")
    assert str(exc.value).startswith("notes.md:2:4: is not valid UTF-8")


def test_binary_file_is_refused():
    with pytest.raises(InputError, match="binary"):
        Pad.from_bytes(b"\x89PNG\r\n\x1a\n\x00\x00", path="image.md")


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_pad(tmp_path / "absent.md")
    (tmp_path / "dir.md").mkdir()
    with pytest.raises(InputError, match="is a directory"):
        read_pad(tmp_path / "dir.md")


def test_empty_pad_is_valid():
    pad = Pad.from_bytes(b"", path="empty.md")
    assert pad.text == "" and pad.index.line_count == 1


def test_front_matter_booleans_follow_js_yaml():
    """HedgeDoc's js-yaml 4 reads `breaks: no` as the string "no" (YAML 1.2), not false."""
    from pad_lint.markdown.frontmatter import split_front_matter

    fm = split_front_matter("---\nbreaks: no\nother: false\nlang: fr\n---\n# T\n")
    assert fm.data == {"breaks": "no", "other": False, "lang": "fr"}
    assert fm.lines == 5


def test_front_matter_python_tags_are_refused():
    from pad_lint.markdown.frontmatter import split_front_matter

    fm = split_front_matter("---\nx: !!python/object/apply:os.system ['true']\n---\n")
    assert fm.data == {} and fm.error and fm.error_line == 2


def test_library_rejects_non_text_with_type_error():
    import pad_lint

    for fn in (pad_lint.lint, pad_lint.parse, pad_lint.fix):
        with pytest.raises(TypeError, match="must be str, not NoneType"):
            fn(None)
    with pytest.raises(TypeError, match="Pad.from_bytes"):
        pad_lint.lint(b"# T")


@pytest.mark.parametrize("bom, codec", [
    (codecs.BOM_UTF16_BE, "utf-16-be"), (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF32_LE, "utf-32-le"),
])
def test_utf16_and_32_keep_their_byte_order_and_bom(bom, codec):
    raw = bom + "# Notes\r\nÉlodie\n".encode(codec)
    pad = Pad.from_bytes(raw)
    assert pad.text == "# Notes\nÉlodie\n"
    assert pad.has_bom
    assert pad.to_bytes() == raw
    assert pad.to_bytes("# Notes\nElodie\nplus\n") == bom + "# Notes\r\nElodie\nplus\r\n".encode(codec)
