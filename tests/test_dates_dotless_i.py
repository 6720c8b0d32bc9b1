"""Weekdays typed with the Turkish dotless ı (re.IGNORECASE reads it as i) no longer crash."""

from __future__ import annotations

import pytest

import pad_lint
from pad_lint.event.dates import find_dates


@pytest.mark.parametrize("text", ["mardı 21 juin 2022", "jeudı 23 juin 2022", "Frıday, June 24, 2022",
                                  "lundı 20 juin 2022", "ſamedi 25 juin 2022"])
def test_weekday_with_re_only_folds_is_read(text):
    found = find_dates(text)
    assert found and found[0].weekday_matches is not None


def test_pad_with_dotless_i_weekday_lints_and_parses():
    text = "# Notes\n\nmardı 21 juin 2022\n"
    assert pad_lint.parse(text).date.date.isoformat() == "2022-06-21"
    assert isinstance(pad_lint.lint(text, path="p.md"), list)
