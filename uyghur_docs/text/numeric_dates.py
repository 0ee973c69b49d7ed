"""Numeric dates as people outside the US write them: day first, unless only month-first
can be right ("12/31/2022"). A user's `01/09/2022` is 1 September 2022.
"""

import datetime as dt
import re

_NUMERIC = re.compile(r"(?P<a>\d{1,2})[/.\-](?P<b>\d{1,2})[/.\-](?P<year>(?:19|20)\d\d)")


def day_first(value: str) -> str | None:
    """The ISO date of a whole numeric D/M/YYYY value (also with dots or dashes), or None.

    >>> day_first("01/09/2022"), day_first("31.08.2022"), day_first("12/31/2022")
    ('2022-09-01', '2022-08-31', '2022-12-31')
    >>> day_first("31/31/2022"), day_first("8 March 2022")
    (None, None)
    """
    match = _NUMERIC.fullmatch(value.strip())
    if not match:
        return None
    a, b, year = int(match["a"]), int(match["b"]), int(match["year"])
    for day, month in ((a, b), (b, a)):
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError:
            continue
    return None
