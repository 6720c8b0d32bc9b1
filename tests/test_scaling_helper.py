"""The scaling-test helper (:mod:`scaling`): minimum of the repeats, floor, one re-measurement.

Timings are scripted (``scaling._timed`` replaced), so these tests measure nothing.
"""

from __future__ import annotations

import pytest

import scaling
from scaling import assert_near_linear


def _script(monkeypatch, times: dict[int, list[float]]) -> list[int]:
    """Make each run at size ``n`` take the next of ``times[n]``; returns the sizes run, in order."""
    runs: list[int] = []

    def timed(run, arg):
        runs.append(arg)
        return times[arg].pop(0), run(arg)

    monkeypatch.setattr(scaling, "_timed", timed)
    return runs


def test_linear_passes_at_once_interleaved(monkeypatch):
    runs = _script(monkeypatch, {10: [0.12, 0.10, 0.11], 80: [0.9, 0.8, 0.85]})
    assert assert_near_linear(lambda n: n, 10, 80, max_ratio=25) == (0.10, 0.8)
    assert runs == [10, 80] * 3


def test_the_minimum_filters_a_noisy_run(monkeypatch):
    # one large run slowed by load (4 s), two small ones: the minima decide
    _script(monkeypatch, {10: [0.10, 0.30, 0.10], 80: [4.0, 0.8, 0.9]})
    assert assert_near_linear(lambda n: n, 10, 80, max_ratio=25) == (0.10, 0.8)


def test_the_small_time_is_floored(monkeypatch):
    # 2 ms of small work and 0.1 s of large: 50x, but below 25 x 50 ms
    _script(monkeypatch, {10: [0.002] * 3, 80: [0.1] * 3})
    assert_near_linear(lambda n: n, 10, 80, max_ratio=25)
    _script(monkeypatch, {10: [0.002] * 6, 80: [0.1] * 6})
    with pytest.raises(AssertionError):
        assert_near_linear(lambda n: n, 10, 80, max_ratio=25, min_seconds=0.001)


def test_a_burst_of_load_is_measured_again(monkeypatch):
    runs = _script(monkeypatch, {10: [0.1] * 6, 80: [3.0, 3.1, 2.9, 0.8, 0.9, 0.8]})
    assert assert_near_linear(lambda n: n, 10, 80, max_ratio=25) == (0.1, 0.8)
    assert runs == [10, 80] * 6


def test_quadratic_fails_with_both_times_the_ratio_and_the_bound(monkeypatch):
    _script(monkeypatch, {10: [0.1] * 6, 80: [6.4, 6.5, 6.6, 6.4, 6.3, 6.5]})
    with pytest.raises(AssertionError) as failure:
        assert_near_linear(lambda n: n, 10, 80, max_ratio=25)
    message = str(failure.value)
    assert "0.100s -> 6.300s" in message and "ratio 63.0" in message and "bound 25" in message


def test_setup_is_outside_and_check_sees_each_result(monkeypatch):
    _script(monkeypatch, {"x" * 10: [0.1] * 3, "x" * 80: [0.8] * 3})
    checked: list[tuple[int, int]] = []
    assert_near_linear(len, 10, 80, max_ratio=25, setup=lambda n: "x" * n,
                       check=lambda n, length: checked.append((n, length)))
    assert checked == [(10, 10), (80, 80)] * 3
    _script(monkeypatch, {"x" * 10: [0.1], "x" * 80: [0.8]})
    with pytest.raises(AssertionError, match="check"):
        assert_near_linear(len, 10, 80, max_ratio=25, setup=lambda n: "x" * n, check=lambda n, length: length > n)


def test_real_timings_of_linear_work_pass():
    assert_near_linear(lambda n: sum(range(n)), 200_000, 1_600_000, max_ratio=25)
