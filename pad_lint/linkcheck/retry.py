"""Waiting politely: ``Retry-After`` parsing and exponential backoff.

Sources: RFC 9110 §10.2.3 (``Retry-After = HTTP-date / delay-seconds``) and
§5.6.7 (HTTP-date: IMF-fixdate, plus the obsolete RFC 850 and asctime forms
that recipients must accept).
"""

from __future__ import annotations

import calendar
import random
import re
import time

_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun",
                                       "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_IMF = re.compile(r"^[A-Za-z]{3}, (\d{2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$")
_RFC850 = re.compile(r"^[A-Za-z]{6,9}, (\d{2})-([A-Za-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$")
_ASCTIME = re.compile(r"^[A-Za-z]{3} ([A-Za-z]{3}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4})$")

#: Statuses retried with backoff (link-checking.md §1.1, as lychee): 408 and 5xx.
#: 429 is retried too, but waits as the server asks (see :func:`parse_retry_after`).
RETRY_STATUSES = frozenset({408, *range(500, 600)}) - {501, 505}


def parse_http_date(value: str) -> float | None:
    """Unix time of an HTTP-date in any of its three forms, or ``None``.

    RFC 850 two-digit years are read as the closest year not more than 50
    years in the future (RFC 9110 §5.6.7).
    """
    v = value.strip()
    m = _IMF.match(v)
    if m:
        day, mon, year, hh, mm, ss = m.groups()
    else:
        m = _RFC850.match(v)
        if m:
            day, mon, yy, hh, mm, ss = m.groups()
            now_year = time.gmtime().tm_year
            year = str(now_year - now_year % 100 + int(yy))
            if int(year) > now_year + 50:
                year = str(int(year) - 100)
        else:
            m = _ASCTIME.match(v)
            if not m:
                return None
            mon, day, hh, mm, ss, year = m.groups()
    month = _MONTHS.get(mon.lower())
    if month is None:
        return None
    try:
        return float(calendar.timegm((int(year), month, int(day), int(hh), int(mm), int(ss), 0, 0, 0)))
    except (ValueError, OverflowError):
        return None


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait according to a ``Retry-After`` header value.

    Args:
        value: the header value: ``delay-seconds`` (``1*DIGIT``) or an HTTP-date.
        now: current Unix time (defaults to :func:`time.time`), for dates.

    Returns:
        A delay ``>= 0`` in seconds, or ``None`` when the value is missing or
        malformed (the caller then backs off on its own). A date in the past
        gives ``0``.
    """
    if value is None:
        return None
    v = value.strip()
    if re.fullmatch(r"\d+", v):
        return float(int(v))
    when = parse_http_date(v)
    if when is None:
        return None
    return max(0.0, when - (time.time() if now is None else now))


def backoff_delay(attempt: int, base: float, rng: random.Random | None = None, cap: float = 60.0) -> float:
    """Exponential backoff with jitter: ``base * 2**attempt`` plus up to 25 % more, capped.

    ``attempt`` counts from 0 (the first retry waits about ``base`` seconds).
    """
    delay = base * (2 ** attempt)
    jitter = (rng or random).uniform(0, delay * 0.25)
    return min(cap, delay + jitter)
