"""Complexity checks by timing: the cost of a function grows near-linearly between two sizes.

Speed is measured by the benchmark scripts (``benchmarks/``), never by tests. A scaling test
only checks how the cost *grows*: it times the same work at a small and a large input size and
asserts that the ratio stays below a bound that separates linear from quadratic growth (sizes
8x apart: linear work ~8x, quadratic ~64x, a bound of 25 between them).

Such a test must not fail on a busy or slow machine, so :func:`assert_near_linear`

* times with :func:`time.process_time` (the process's own CPU time, not the wall clock), with the
  garbage collector off (as :mod:`timeit` does: its passes over a large heap land at arbitrary
  moments; what is left to collect is collected between the runs, outside the timing);
* runs each size several times, interleaved, and keeps the minimum (the standard noise filter:
  noise only ever adds time); the first run of the small size also serves as the warm-up;
* floors the small time at ``min_seconds``, so that a few milliseconds of noise on a tiny
  measurement cannot make the ratio (choose sizes that make the small time reach the floor on
  this machine, or the floor hides part of the growth);
* when the bound fails, measures both sizes again and judges the minimum of all the runs: a
  genuinely quadratic path fails every time, a burst of load does not.

Usage::

    from scaling import assert_near_linear

    assert_near_linear(lambda n: find_dates("21/06/2022 " * n), 2_000, 16_000, max_ratio=25)

``setup(n)`` builds the input outside the timing (called before every run, so that state cached
on it by the first run cannot make the next ones cheaper); ``check(n, result)`` checks what a run
returned, outside the timing too (it asserts, or returns a truth value: None passes).
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import Any

__all__ = ["assert_near_linear", "measure"]


def _timed(run: Callable[[Any], Any], arg: Any) -> tuple[float, Any]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        t0 = time.process_time()
        result = run(arg)
        elapsed = time.process_time() - t0
    finally:
        if enabled:
            gc.enable()
    return elapsed, result


def measure(run: Callable[[Any], Any], n: int, *, setup: Callable[[int], Any] | None = None,
            check: Callable[[int, Any], Any] | None = None) -> float:
    """CPU seconds of one ``run(setup(n))`` (``run(n)`` without ``setup``); ``check(n, result)``
    asserts, or returns a truth value (None passes)."""
    arg = setup(n) if setup is not None else n
    elapsed, result = _timed(run, arg)
    if check is not None:
        verdict = check(n, result)
        assert verdict is None or verdict, f"check({n}, result) is {verdict!r}"
    return elapsed


def assert_near_linear(run: Callable[[Any], Any], small_n: int, large_n: int, *, max_ratio: float,
                       min_seconds: float = 0.05, repeats: int = 3,
                       setup: Callable[[int], Any] | None = None,
                       check: Callable[[int, Any], Any] | None = None) -> tuple[float, float]:
    """Assert that ``run`` at ``large_n`` costs less than ``max_ratio`` times its cost at ``small_n``.

    Each size is timed ``repeats`` times (interleaved) and the minimum kept; the small time is
    floored at ``min_seconds``. If the ratio reaches ``max_ratio``, both sizes are timed
    ``repeats`` times again and the minima of all the runs decide. Returns the two minima
    (seconds) that were judged.
    """
    assert 0 < small_n < large_n and max_ratio > 1 and repeats >= 1
    smalls: list[float] = []
    larges: list[float] = []

    def rounds() -> tuple[float, float, float]:
        for _ in range(repeats):
            smalls.append(measure(run, small_n, setup=setup, check=check))
            larges.append(measure(run, large_n, setup=setup, check=check))
        small, large = min(smalls), min(larges)
        return small, large, large / max(small, min_seconds)

    gc.collect()                 # once: a collection costs tens of ms on a test session's heap
    small, large, ratio = rounds()
    if ratio >= max_ratio:       # once more: noise does not come back every time, quadratic work does
        small, large, ratio = rounds()
    assert ratio < max_ratio, (
        f"n {small_n} -> {large_n} ({large_n / small_n:g}x the input): {small:.3f}s -> {large:.3f}s CPU, "
        f"ratio {ratio:.1f} (small time floored at {min_seconds}s) not below the bound {max_ratio}; "
        f"every run (s): small {[round(t, 3) for t in smalls]}, large {[round(t, 3) for t in larges]}")
    return small, large


def fresh_views(make: Callable[[int], str]) -> Callable[[int], Any]:
    """A ``setup`` for :func:`assert_near_linear`: ``n`` -> a fresh view of the pad ``make(n)``
    (the text made once per size), built outside the timing, since rules cache on the view."""
    from pad_lint.markdown.view import build_view
    from pad_lint.source import Pad

    pads: dict[int, Pad] = {}

    def view(n: int) -> Any:
        if n not in pads:
            pads[n] = Pad.from_text(make(n))
        return build_view(pads[n])

    return view
