"""`pad-lint check --online`: one check per unique address across all pads of a run,
against a real local server; and the hooks' --offline never touches the network."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from pad_lint.linkcheck.testserver import Reply, ScriptedServer


def _run(*args: str, cwd) -> subprocess.CompletedProcess[str]:  # noqa: ANN001
    return subprocess.run([sys.executable, "-m", "pad_lint", "check", "--isolated", "--no-cache",
                           "--output-format", "json", *args], capture_output=True, text=True, cwd=cwd, timeout=120)


@pytest.fixture()
def server():
    with ScriptedServer({"/ok": Reply(200), "/gone": Reply(404)}) as srv:
        yield srv


def _pads(tmp_path, srv):  # noqa: ANN001, ANN202
    body = f"Voir [la page]({srv.url('/ok')}) et [l'ancienne]({srv.url('/gone')}).\n\nLicence : CC BY 4.0\n"
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text(body, encoding="utf-8")
    return ["a.md", "b.md"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_online_checks_each_address_once_for_the_whole_run(tmp_path, server, jobs):
    pads = _pads(tmp_path, server)
    proc = _run("--online", "--jobs", jobs, "--config", "links.allow-private = true", "--config", "links.cache = false",
                *pads, cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    found = [(d["path"], d["code"]) for d in json.loads(proc.stdout) if d["code"].startswith("LNK")]
    assert found == [("a.md", "LNK101"), ("b.md", "LNK101")]
    # each unique URL is checked once for the run although two pads name it:
    # HEAD for the good one; HEAD then a confirming GET for the 404
    assert [e.method for e in server.requests("/ok")] == ["HEAD"]
    assert [e.method for e in server.requests("/gone")] == ["HEAD", "GET"]


def test_online_refuses_loopback_unless_allowed(tmp_path, server):
    pads = _pads(tmp_path, server)
    proc = _run("--online", "--config", "links.cache = false", *pads, cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    assert server.log == []  # the private-address guard refused 127.0.0.1


def test_offline_and_default_make_no_request(tmp_path, server):
    pads = _pads(tmp_path, server)
    assert _run(*pads, cwd=tmp_path).returncode == 0
    assert _run("--offline", *pads, cwd=tmp_path).returncode == 0
    assert server.log == []


def test_online_and_offline_together_is_a_usage_error(tmp_path):
    (tmp_path / "a.md").write_text("# T\n", encoding="utf-8")
    proc = _run("--online", "--offline", "a.md", cwd=tmp_path)
    assert proc.returncode == 2 and "cannot be used together" in proc.stderr and "Traceback" not in proc.stderr
