"""Dates as statements write them, turned into ISO strings.

Full dates become `YYYY-MM-DD`; a month and year alone become `YYYY-MM`.
"""

import datetime as dt
import re

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_PATTERNS = [
    re.compile(rf"\b{_YEAR}-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
    re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(
        r"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)?\d\d)(?![\d.])"
    ),
    re.compile(r"(?<![\d/])(?P<month>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>(?:19|20)\d\d)(?![\d/])"),
]
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+{_YEAR}\b", re.IGNORECASE)
_ISO_PREFIX = re.compile(r"^(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)(?:-(?P<day>[0-3]\d))?(?!\d)")


def _iso(year: str, month: str, day: str | None) -> str | None:
    y = int(year) if len(year) == 4 else 2000 + int(year)
    m = MONTHS.get(month.lower().rstrip(".")) if not month.isdigit() else int(month)
    try:
        if day is None:
            return dt.date(y, m, 1).strftime("%Y-%m") if m else None
        return dt.date(y, m, int(day)).isoformat() if m else None
    except ValueError:
        return None


def find_date(text: str) -> tuple[str, re.Match] | None:
    """The first full date in text, as ISO, with its match.

    >>> [find_date(s)[0] for s in ["12.03.2020", "28.08.24, OMCT", "8 March, 2022",
    ...  "August 31 2022, 8:15 PM ET", "2022-09-01", "Sept. 9th, 2022"]]
    ['2020-03-12', '2024-08-28', '2022-03-08', '2022-08-31', '2022-09-01', '2022-09-09']
    >>> find_date("31.02.2022") is None
    True
    """
    found = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            iso = _iso(match["year"], match["month"], match["day"])
            if iso:
                found.append((match.start(), iso, match))
                break
    if not found:
        return None
    _, iso, match = min(found, key=lambda item: item[0])
    return iso, match


def find_month(text: str) -> str | None:
    """A month and year alone ("September 2022") as YYYY-MM.

    >>> find_month("Geneva, September 2022")
    '2022-09'
    """
    match = _MONTH_YEAR.search(text)
    return _iso(match["year"], match["month"], None) if match else None


def parse_date(value: str) -> str | None:
    """A user's date (a flag, an override): ISO day or month, or any written form.

    >>> parse_date("2022-09"), parse_date("8 March 2022"), parse_date("soon")
    ('2022-09', '2022-03-08', None)
    """
    value = value.strip()
    match = _ISO_PREFIX.match(value)
    if match and match.end() == len(value):
        return _iso(match["year"], match["month"], match["day"])
    found = find_date(value)
    return found[0] if found else find_month(value)


def date_from_stem(stem: str) -> str | None:
    """The date an id like `2022-09-hrc51-joint-letter` starts with.

    >>> date_from_stem("2022-09-hrc51-joint-letter"), date_from_stem("2022-03-08-letter")
    ('2022-09', '2022-03-08')
    """
    match = _ISO_PREFIX.match(stem)
    return _iso(match["year"], match["month"], match["day"]) if match else None
