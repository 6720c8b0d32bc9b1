"""The check command tunes CPython's garbage collector for its run and gives it back."""

from __future__ import annotations

import gc

from pad_lint import cli


def test_tuned_gc_raises_thresholds_and_freezes_inside_then_restores():
    before = gc.get_threshold()
    with cli._tuned_gc():
        assert gc.get_threshold()[0] == 50_000
        assert gc.get_freeze_count() > 0
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_check_in_process_leaves_the_collector_as_it_was(tmp_path):
    pad = tmp_path / "p.md"
    pad.write_text("# Notes\n\nTexte sous licence CC BY 4.0.\n", encoding="utf-8")
    before = gc.get_threshold()
    assert cli.main(["check", "--isolated", "--no-cache", str(pad)]) in (0, 1)
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_tuned_gc_restores_after_an_error():
    before = gc.get_threshold()
    try:
        with cli._tuned_gc():
            raise KeyError("boom")
    except KeyError:
        pass
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_an_offline_check_does_not_load_the_http_stack(tmp_path):
    """Start-up time matters in pre-commit hooks: the link checker (httpcore,
    asyncio) is imported only when some pad is checked online."""
    import subprocess
    import sys

    (tmp_path / "a.md").write_text("# T\n\n[x](https://example.org/)\n", encoding="utf-8")
    code = ("import sys\nfrom pad_lint.cli import main\nrc = main(['check', '--isolated', '--no-cache', 'a.md'])\n"
            "print(rc, 'pad_lint.linkcheck' in sys.modules, 'httpcore' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "1 False False" or out.stdout.strip().splitlines()[-1] == "0 False False"


def test_check_in_process_keeps_the_callers_frozen_objects(tmp_path):
    """A library caller that froze its own objects before calling main() finds
    them still frozen afterwards (gc.unfreeze() would thaw them all).

    Frozen objects are not in gc.get_objects() (the permanent generation); the
    freeze count alone may drop a little when frozen temporaries are freed."""
    pad = tmp_path / "p.md"
    pad.write_text("# Notes\n\nTexte sous licence CC BY 4.0.\n", encoding="utf-8")
    kept = [[] for _ in range(10)]  # the caller's objects (lists are tracked by the collector)
    ids = {id(o) for o in kept}

    def thawed() -> int:
        return sum(id(o) in ids for o in gc.get_objects())

    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen > 0 and thawed() == 0
        assert cli.main(["check", "--isolated", "--no-cache", str(pad)]) in (0, 1)
        assert thawed() == 0
        assert gc.get_freeze_count() > frozen // 2  # not thawed by gc.unfreeze()
        with cli._tuned_gc():
            pass
        assert thawed() == 0
    finally:
        gc.unfreeze()
    assert thawed() == 10
