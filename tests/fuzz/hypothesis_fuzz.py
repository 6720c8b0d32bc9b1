"""Long runs of the property tests (``tests/test_properties.py``) with hypothesis. Not run by pytest.

Usage: python tests/fuzz/hypothesis_fuzz.py [--minutes 10] [--batch 2000]

The same properties as in CI (parse/lint never raise, spans inside the text,
prose runs exact, fixes idempotent and local), but with batches of
``--batch`` examples per property, round after round until the time is up; it
prints how many examples each property ran. Complements the coverage-guided
atheris target (``fuzz_pad.py``), which mutates bytes rather than Markdown.
"""

from __future__ import annotations

import argparse
import functools
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import test_properties as tp  # noqa: E402
from pad_strategies import PADS, RANDOM_TEXT, hedgedoc_pads  # noqa: E402

#: property -> strategies of its arguments (as in tests/test_properties.py)
PROPERTIES = {
    "parse": (tp.test_parse_never_raises_and_spans_are_inside, (PADS,)),
    "view": (tp.test_view_spans_and_prose_runs_are_exact, (PADS,)),
    "lint": (tp.test_lint_never_raises_and_spans_are_inside, (PADS,)),
    "lint-all-rules": (tp.test_lint_every_rule_selected, (hedgedoc_pads(max_lines=60),)),
    "fix-idempotent": (tp.test_fix_is_idempotent, (PADS, st.booleans())),
    "fix-local": (tp.test_fix_changes_nothing_outside_its_edits, (PADS, st.booleans())),
    "plain-text": (tp.test_plain_text_shortcut_equals_rendered_text, (hedgedoc_pads(max_lines=60),)),
    "event-lines": (tp.test_event_plain_lines_map_every_character_to_its_source, (RANDOM_TEXT,)),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--batch", type=int, default=2000)
    parser.add_argument("--only", help="comma-separated property names")
    args = parser.parse_args()
    names = args.only.split(",") if args.only else list(PROPERTIES)
    counts = dict.fromkeys(names, 0)
    deadline = time.monotonic() + args.minutes * 60
    rounds = 0
    while time.monotonic() < deadline:
        rounds += 1
        for name in names:
            if time.monotonic() >= deadline:
                break
            test, strategies = PROPERTIES[name]
            inner = test.hypothesis.inner_test

            @functools.wraps(inner)
            def counted(*a, _inner=inner, _name=name, **k):  # noqa: ANN001, ANN202
                counts[_name] += 1
                return _inner(*a, **k)

            run = settings(max_examples=args.batch, deadline=None, database=None,
                           suppress_health_check=list(HealthCheck))(given(*strategies)(counted))
            run()
        print(f"round {rounds}: " + ", ".join(f"{k} {v}" for k, v in counts.items()), flush=True)
    print(f"total examples: {sum(counts.values())} in {args.minutes:g} min ({rounds} rounds); "
          + ", ".join(f"{k} {v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
