"""Dates as statements write them, turned into ISO strings.

Full dates become `YYYY-MM-DD`; a month and year alone become `YYYY-MM`. Month names
are read in English, French, Spanish, German, Italian and Dutch; `2022年2月26日`,
`2022년 9월 2일`, `2022. 9. 2.`, `2021.3.5` and `2023/04/07` are read year first. A
numeric date with the year last is read day first (`01/09/2022` is 1 September), unless
only month first makes a date (`09/15/2022`).
"""

import datetime as dt
import re
import unicodedata

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
# French, Spanish, German, Italian and Dutch names and their usual abbreviations, accents
# folded away (the text is folded to match).
OTHER_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("janvier", "janv", "enero", "januar", "janner", "gennaio", "januari"),
            ("fevrier", "fevr", "febrero", "februar", "febbraio", "februari"),
            ("mars", "marzo", "marz", "maart"),
            ("avril", "avr", "abril", "aprile"),
            ("mai", "mayo", "maggio", "mei"),
            ("juin", "junio", "juni", "giugno"),
            ("juillet", "juil", "julio", "juli", "luglio"),
            ("aout", "agosto", "augustus"),
            ("septembre", "septiembre", "setiembre", "settembre"),
            ("octobre", "octubre", "oktober", "okt", "ottobre"),
            ("novembre", "noviembre"),
            ("decembre", "diciembre", "dezember", "dez", "dicembre"),
        ],
        start=1,
    )
    for name in names
}
_ALL_MONTHS = {**OTHER_MONTHS, **MONTHS}
_MONTH = r"(?P<month>" + "|".join(sorted(_ALL_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|\.|º|°)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_OF = r"(?:\s+de|,)?\s+"  # "15 de septiembre de 2023", "22, July 2023", "8 March, 2022"
_PATTERNS = [
    re.compile(rf"(?<!\d){_YEAR}([-/.])(?P<month>[01]?\d)\2(?P<day>[0-3]?\d)(?!\d)(?![/.-]\d)"),
    re.compile(rf"(?<!\d){_YEAR}\s*年\s*(?P<month>[01]?\d)\s*月\s*(?P<day>[0-3]?\d)\s*日"),
    re.compile(rf"(?<!\d){_YEAR}\s*년\s*(?P<month>[01]?\d)\s*월\s*(?P<day>[0-3]?\d)\s*일"),
    # Korean's "2022. 9. 2.": a full stop and a space after each number.
    re.compile(rf"(?<![\d.]){_YEAR}\.\s(?P<month>[01]?\d)\.\s(?P<day>[0-3]?\d)\.(?!\d)"),
    re.compile(rf"\b{_DAY}{_OF}{_MONTH}{_OF}{_YEAR}\b"),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),
    re.compile(
        r"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)?\d\d)(?!\d)(?!\.\d)"
    ),
    re.compile(r"(?<![\d/])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<year>(?:19|20)\d\d)(?![\d/])"),
]
_MONTH_YEAR = re.compile(rf"\b{_MONTH}(?:\s+de)?\s+{_YEAR}\b")
_CJK_MONTH_YEAR = re.compile(rf"(?<!\d){_YEAR}\s*[年년]\s*(?P<month>[01]?\d)\s*[月월]")
_ISO_PREFIX = re.compile(r"^(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)(?:-(?P<day>[0-3]\d))?(?!\d)")


def _iso(year: str, month: str, day: str | None) -> str | None:
    y = int(year) if len(year) == 4 else 2000 + int(year)
    m = _ALL_MONTHS.get(month.lower().rstrip(".")) if not month.isdigit() else int(month)
    try:
        if day is None:
            return dt.date(y, m, 1).strftime("%Y-%m") if m else None
        return dt.date(y, m, int(day)).isoformat() if m else None
    except ValueError:
        return None


def _folded(text: str) -> str:
    """Lower case without accents, one character for one, so match offsets hold."""
    if text.isascii():
        return text.lower()
    return "".join(_unaccented(c).lower()[0] for c in text)


def _unaccented(char: str) -> str:
    """A letter without its accents; a Hangul syllable, which decomposes into letters, not
    into a letter and marks, stays whole."""
    parts = unicodedata.normalize("NFD", char)
    return parts[0] if all(map(unicodedata.combining, parts[1:])) else char


def _match_iso(match: re.Match) -> str | None:
    groups = match.groupdict()
    if "a" not in groups:
        return _iso(match["year"], match["month"], match["day"])
    return _iso(match["year"], match["b"], match["a"]) or _iso(
        match["year"], match["a"], match["b"]
    )


def find_dates(text: str) -> list[tuple[str, re.Match]]:
    """Every full date in text, in order, as ISO with its match (offsets into text).

    >>> [iso for iso, _ in find_dates("Asked 3rd May 2023, answered 1er juin 2023")]
    ['2023-05-03', '2023-06-01']
    """
    return _unoverlapped(_matches(_folded(text), first_only=False))


def _matches(folded: str, first_only: bool) -> list[tuple[str, re.Match]]:
    found = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(folded):
            iso = _match_iso(match)
            if iso:
                found.append((iso, match))
                if first_only:
                    break
    return found


def _unoverlapped(found: list[tuple[str, re.Match]]) -> list[tuple[str, re.Match]]:
    """The matches by position; one that starts inside an earlier one is another reading of
    the same characters, and goes."""
    kept: list[tuple[str, re.Match]] = []
    for iso, match in sorted(found, key=lambda item: (item[1].start(), -item[1].end())):
        if not kept or match.start() >= kept[-1][1].end():
            kept.append((iso, match))
    return kept


def find_date(text: str) -> tuple[str, re.Match] | None:
    """The first full date in text, as ISO, with its match.

    >>> [find_date(s)[0] for s in ["12.03.2020", "28.08.24, OMCT", "8 March, 2022",
    ...  "August 31 2022, 8:15 PM ET", "2022-09-01", "Sept. 9th, 2022", "22, July 2023.",
    ...  "2022年2月26日", "于 2021.3.5 北京", "2023/04/07 09:15", "15 de septiembre de 2023",
    ...  "15. März 2023", "Publié le 1er septembre 2022", "01/09/2022", "09/15/2022",
    ...  "2022년 9월 2일", "2022. 9. 2.", "1 settembre 2022", "2 februari 2023", "3 déc. 2022"]]
    ['2020-03-12', '2024-08-28', '2022-03-08', '2022-08-31', '2022-09-01', '2022-09-09', \
'2023-07-22', '2022-02-26', '2021-03-05', '2023-04-07', '2023-09-15', '2023-03-15', \
'2022-09-01', '2022-09-01', '2022-09-15', '2022-09-02', '2022-09-02', '2022-09-01', \
'2023-02-02', '2022-12-03']
    >>> find_date("31.02.2022") is None
    True
    """
    found = _unoverlapped(_matches(_folded(text), first_only=True))
    return found[0] if found else None


def find_month(text: str) -> str | None:
    """A month and year alone ("September 2022") as YYYY-MM.

    >>> find_month("Geneva, September 2022"), find_month("2022년 9월"), find_month("2022年9月")
    ('2022-09', '2022-09', '2022-09')
    """
    folded = _folded(text)
    match = _MONTH_YEAR.search(folded) or _CJK_MONTH_YEAR.search(folded)
    return _iso(match["year"], match["month"], None) if match else None


# A whole numeric value a user typed, with slashes, dots or dashes: D/M/YYYY.
_USER_NUMERIC = re.compile(r"(?P<a>\d{1,2})[/.\-](?P<b>\d{1,2})[/.\-](?P<year>(?:19|20)\d\d)")


def parse_date(value: str) -> str | None:
    """A user's date (a flag, an override): ISO day or month, a numeric date day first
    unless only month first can be right, or any written form.

    >>> parse_date("2022-09"), parse_date("8 March 2022"), parse_date("soon")
    ('2022-09', '2022-03-08', None)
    >>> parse_date("01-09-2022"), parse_date("31.08.2022"), parse_date("12/31/2022")
    ('2022-09-01', '2022-08-31', '2022-12-31')
    """
    value = value.strip()
    match = _ISO_PREFIX.match(value)
    if match and match.end() == len(value):
        return _iso(match["year"], match["month"], match["day"])
    numeric = _USER_NUMERIC.fullmatch(value)
    if numeric:
        return _day_first(int(numeric["a"]), int(numeric["b"]), int(numeric["year"]))
    found = find_date(value)
    return found[0] if found else find_month(value)


def _day_first(a: int, b: int, year: int) -> str | None:
    for day, month in ((a, b), (b, a)):
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError:
            continue
    return None


def iso_month(text: str) -> str | None:
    """An ISO month standing alone in text ("Date: 2022-09") as YYYY-MM.

    >>> iso_month("Date: 2022-09"), iso_month("2022-09-01")
    ('2022-09', None)
    """
    for word in text.split():
        match = _ISO_PREFIX.match(word)
        if match and match.end() == len(word) and match["day"] is None:
            return _iso(match["year"], match["month"], None)
    return None


def date_from_stem(stem: str) -> str | None:
    """The date an id like `2022-09-hrc51-joint-letter` starts with.

    >>> date_from_stem("2022-09-hrc51-joint-letter"), date_from_stem("2022-03-08-letter")
    ('2022-09', '2022-03-08')
    """
    match = _ISO_PREFIX.match(stem)
    return _iso(match["year"], match["month"], match["day"]) if match else None


def within(date: str | None, since: str | None, until: str | None) -> bool:
    """Whether an ISO date (or month, or year) falls in a range of ISO prefixes; a date of
    month precision ("2022-09") sorts before every day of its month, so it counts too. An
    undated document is within no range.

    >>> [within(d, "2022-09-01", "2022") for d in ["2022-09", "2022-12-31", "2023", None]]
    [True, True, False, False]
    """
    date = date or ""
    if since and date < since and date != since[:7]:
        return False
    return not until or "0" <= date <= until + "\uffff"
