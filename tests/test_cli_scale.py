"""Many pads: --jobs (stable order), streaming, the content-hash cache, `pad-lint clean`, stdin names."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

import pad_lint.linter
from pad_lint import cache as cache_mod
from pad_lint.cli import main

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "cli"))
import fake_rules  # noqa: E402


@pytest.fixture
def pads(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for i in range(24):
        (tmp_path / "pads" / f"g{i % 3}").mkdir(parents=True, exist_ok=True)
        body = "# Pad\n\n" + ("TODO\n" * (i % 4)) + ("NOTE\n" if i % 5 == 0 else "")
        (tmp_path / "pads" / f"g{i % 3}" / f"p{i:02d}.md").write_text(body, encoding="utf-8")
    with fake_rules.registered():
        yield tmp_path


def run(capsys, *args):
    code = main(["check", "--isolated", "--select", "PAD9", "--output-format", "concise", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_jobs_output_is_identical_and_ordered(pads, capsys):
    serial = run(capsys, "pads", "--no-cache")
    parallel = run(capsys, "pads", "--no-cache", "--jobs", "3")
    every_cpu = run(capsys, "pads", "--no-cache", "--jobs", "0")
    assert serial == parallel == every_cpu
    paths = [ln.split(":")[0] for ln in serial[1].splitlines() if ln.startswith("pads/")]
    assert paths == sorted(paths)
    assert serial[0] == 1


def test_negative_jobs_is_a_usage_error(pads, capsys):
    code, _, err = run(capsys, "pads", "--jobs", "-2")
    assert code == 2 and "--jobs" in err


def test_results_are_streamed_not_collected(pads):
    """The first result is reported before later pads are even read."""
    from pad_lint.cli import RunSettings, _results
    from pad_lint.config import Config
    from pad_lint.discovery import Input

    consumed = []

    def tasks():
        for i in range(5):
            consumed.append(i)
            yield (Input("file", f"pads/g0/p{i * 3:02d}.md"), Config(select=["PAD9"]), RunSettings(), None)

    it = _results(tasks(), jobs=1)
    first = next(it)
    assert first.path == "pads/g0/p00.md"
    assert consumed == [0]


def test_cache_hits_and_invalidation(pads, capsys, monkeypatch, tmp_path):
    cache_dir = tmp_path / "cache"
    calls = []
    real = pad_lint.linter.lint_pad

    def counting(pad, config=None, view=None):
        calls.append(pad.path)
        return real(pad, config, view=view)

    monkeypatch.setattr(pad_lint.linter, "lint_pad", counting)
    first = run(capsys, "pads", "--cache-dir", str(cache_dir))
    assert len(calls) == 24 and cache_dir.is_dir()
    calls.clear()
    second = run(capsys, "pads", "--cache-dir", str(cache_dir))
    assert calls == [] and second == first
    # a changed pad is linted again, the others come from the cache
    Path("pads/g0/p00.md").write_text("TODO TODO\n", encoding="utf-8")
    run(capsys, "pads", "--cache-dir", str(cache_dir))
    assert calls == ["pads/g0/p00.md"]
    calls.clear()
    # a configuration change misses
    run(capsys, "pads", "--cache-dir", str(cache_dir), "--severity", "PAD903=error")
    assert len(calls) == 24
    calls.clear()
    # a version change misses
    monkeypatch.setattr(cache_mod, "__version__", "99.0")
    cache_mod.code_fingerprint.cache_clear()
    try:
        run(capsys, "pads", "--cache-dir", str(cache_dir))
        assert len(calls) == 24
    finally:
        cache_mod.code_fingerprint.cache_clear()


def test_full_format_from_cache_keeps_source_lines(pads, capsys, tmp_path):
    args = ("pads/g0/p03.md", "--cache-dir", str(tmp_path / "c"), "--output-format", "full")
    first = main(["check", "--isolated", "--select", "PAD9", *args]), capsys.readouterr().out
    second = main(["check", "--isolated", "--select", "PAD9", *args]), capsys.readouterr().out
    assert first == second and "3 | TODO" in second[1]


def test_no_cache_writes_nothing(pads, capsys, tmp_path):
    run(capsys, "pads", "--no-cache", "--cache-dir", str(tmp_path / "never"))
    assert not (tmp_path / "never").exists()


def test_clean_removes_the_cache(pads, capsys, tmp_path, monkeypatch):
    cache_dir = tmp_path / "cache"
    run(capsys, "pads", "--cache-dir", str(cache_dir))
    assert cache_dir.is_dir()
    assert main(["clean", "--cache-dir", str(cache_dir)]) == 0
    assert not cache_dir.exists()
    assert "Removed the cache" in capsys.readouterr().out
    monkeypatch.setenv("PAD_LINT_CACHE_DIR", str(cache_dir))
    assert main(["clean"]) == 0 and "No cache at" in capsys.readouterr().out


def test_default_cache_dir_uses_platformdirs(monkeypatch):
    monkeypatch.delenv("PAD_LINT_CACHE_DIR", raising=False)
    from platformdirs import user_cache_dir

    assert str(cache_mod.default_cache_dir()) == user_cache_dir("pad-lint", appauthor=False)


def test_stdin_filename_names_and_configures(pads, capsys, monkeypatch):
    (pads / "archives").mkdir()
    (pads / "archives" / ".pad-lint.toml").write_text(
        'select = ["PAD9"]\nper-file-ignores = { "old-*.md" = ["PAD901"] }\n', encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"TODO NOTE\n")))
    code = main(["check", "--no-cache", "-", "--stdin-filename", "archives/old-1.md", "--output-format", "concise",
                 "-q"])
    out = capsys.readouterr().out
    assert out == "archives/old-1.md:1:6: PAD903 [info] a NOTE marker\n"
    assert code == 0


def test_stdin_filename_alone_reads_stdin(pads, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"TODO\n")))
    code, out, _ = run(capsys, "--no-cache", "--stdin-filename", "x.md", "-q")
    assert out == "x.md:1:1: PAD901 [error] a TODO is left in the pad\n" and code == 1


def test_stdin_filename_without_dash_is_usage_error(pads, capsys):
    code, _, err = run(capsys, "pads", "--stdin-filename", "x.md")
    assert code == 2 and "--stdin-filename needs -" in err
