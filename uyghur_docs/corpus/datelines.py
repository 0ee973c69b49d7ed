"""The date a statement gives itself: its dateline, not a date it talks about.

A dateline is a line that is mostly a date: `Geneva, 11 September 2023`, `Date: 2022-09-02`,
`(asked on 3rd May 2023)`, `Tuesday, October 4, 2022, 9:05 AM`; or a paragraph
that opens with one (`GENEVA (14 September 2023) - The ...`, `22, July 2023. The ...`).
Around the date only a place, a label ("Published", "Publié le", "发表日期"), a weekday, a
time or a short name may stand; a sentence about a date ("the report of 31 August 2022")
is no dateline, and neither is a copyright line or a footnote.

Which dateline dates the document: one labelled as the publication date in the header;
else the header's first unlabelled one; else the latest of its other labelled ones
("Updated", "answered on": the record is complete then); else a dateline closing the
letter (its last paragraphs).
"""

import re

from uyghur_docs.text.dates import find_dates, iso_month
from uyghur_docs.text.normalise import fold

HEADER_PARAGRAPHS = 8
CLOSING_PARAGRAPHS = 3
MAX_DATELINE = 60
MAX_LABELLED = 130
MAX_AROUND = 4
MAX_LABELLED_AROUND = 8
MAX_AFTER_LABELLED = 3
# A publication label among this many first words labels the line.
LABEL_OPENS = 2
# Where a paragraph's opening dateline may end, and what must follow it.
MAX_OPENING = 90
_OPENING_END = re.compile(r"^[*_]*(?:\)[*_]*\s*[.:–—-]*|\s*[.:–—-]+)\s+\S")

PUBLISHED = {
    "published", "posted", "date", "dated", "issued", "released", "publie", "publication",
    "publicado", "publicada", "fecha", "veroffentlicht", "datum", "发表日期", "发布日期",
    "发布时间", "日期", "發表日期", "發佈日期",
}  # fmt: skip
OTHER_LABELS = {
    "updated", "update", "modified", "written", "asked", "answered", "signed", "mis", "jour",
    "actualizado", "aktualisiert", "更新",
}  # fmt: skip
# The small words a place dateline may hold ("Genève, le 1er septembre 2022").
_PLACE_CONNECTORS = {"le", "el", "am", "um", "de", "at", "à", "a", "于"}
_WEEKDAYS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
    "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "lundi", "mardi", "mercredi",
    "jeudi", "vendredi", "samedi", "dimanche", "lunes", "martes", "miercoles", "jueves",
    "viernes", "sabado", "domingo", "montag", "dienstag", "mittwoch", "donnerstag", "freitag",
    "samstag", "sonntag",
}  # fmt: skip
_ZONES = {"am", "pm", "a.m", "p.m", "et", "edt", "est", "cet", "cest", "gmt", "utc", "bst", "pt"}
_TIME = re.compile(r"^\d{1,2}[:h.]\d{2}(:\d{2})?([ap]m)?$")
_PUNCTUATION = "()[]{},;:|*_–—-·\"'“”‘’.：，。、（）【】「」"
# A footnote's number opens the line before its date ("1 See the report of ...").
_FOOTNOTE = re.compile(r"^\s*(\[?\d+\]?|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s")
_COPYRIGHT = re.compile(r"©|\(c\)|\bcopyright\b", re.IGNORECASE)


def dateline(line: str) -> tuple[str, str] | None:
    """The ISO date of a dateline and its label kind (`published`, `other`, ``), else None.

    >>> dateline("Geneva, 11 September 2023"), dateline("Date: 2022-09")
    (('2023-09-11', ''), ('2022-09', 'published'))
    >>> dateline("The question was answered on 24th May 2023")
    ('2023-05-24', 'other')
    >>> [dateline(s) for s in ["The report of 31 August 2022", "© 12 May 2022 Example NGO"]]
    [None, None]
    """
    if len(line) > MAX_LABELLED or _COPYRIGHT.search(line):
        return None
    found = find_dates(line)
    if not found:
        month = iso_month(line)
        words = _words(line)
        labelled = month and words and fold(words[0]) in PUBLISHED and len(words) <= 2
        return (month, "published") if labelled else None
    iso, match = found[0]
    if _FOOTNOTE.match(line[: match.start()]):
        return None
    before, after = _words(line[: match.start()]), _words(line[match.end() :])
    return _judge(iso, before, after, len(line))


def _judge(iso: str, before: list[str], after: list[str], length: int):
    label = _label(before)
    if label:
        # "Posted on 2 September 2022 by admin": a few words may follow a labelled date.
        if len(before) <= MAX_LABELLED_AROUND and len(after) <= MAX_AFTER_LABELLED:
            return iso, label
        return None
    if length <= MAX_DATELINE and _only_names(before + after):
        return iso, ""
    return None


def _words(text: str) -> list[str]:
    """The words around a date, without times, time zones and weekdays."""
    words = []
    for token in text.split():
        bare = token.strip(_PUNCTUATION)
        if not bare or _TIME.match(bare.lower()) or bare.isdigit():
            continue
        if fold(bare) in _ZONES or fold(bare) in _WEEKDAYS:
            continue
        words.append(bare)
    return words


def _label(words: list[str]) -> str:
    """`published` for a line that opens with a publication label ("Published", "Last
    published"); `other` for any other label, or one further in ("the report published on")."""
    folded = [fold(w).strip(".") for w in words]
    if set(folded[:LABEL_OPENS]) & PUBLISHED:
        return "published"
    return "other" if set(folded) & (OTHER_LABELS | PUBLISHED) else ""


def _only_names(words: list[str]) -> bool:
    """Few words, each a name (capitalised, or not a cased word) or a connector."""
    names = [w for w in words if fold(w) not in _PLACE_CONNECTORS]
    return len(names) <= MAX_AROUND and all(not w[:1].islower() for w in names)


def opening_dateline(paragraph: str) -> tuple[str, str] | None:
    """The dateline a paragraph opens with, before its text runs on.

    >>> opening_dateline("GENEVA (14 September 2023) - The Council met.")
    ('2023-09-14', '')
    >>> opening_dateline("On 31 August 2022, the Office published its report.") is None
    True
    """
    found = find_dates(paragraph[:MAX_OPENING])
    if not found:
        return None
    iso, match = found[0]
    if not _OPENING_END.match(paragraph[match.end() :]):
        return None
    return _judge(iso, _words(paragraph[: match.start()]), [], match.end())


def document_date(paragraphs: list[str]) -> str | None:
    """The date that dates the document (see the module docstring), else None.

    >>> document_date(["Title", "Updated 2 Sep 2022", "Geneva, 1 September 2022", "Text."])
    '2022-09-01'
    >>> document_date(["Title", "The report of 31 August 2022.", "Dear all", "Geneva\\n04.09.2022"])
    '2022-09-04'
    """
    header = [d for p in paragraphs[:HEADER_PARAGRAPHS] for d in _paragraph_datelines(p)]
    for wanted in ("published", ""):
        first = next((iso for iso, label in header if label == wanted), None)
        if first:
            return first
    if header:
        return max(iso for iso, _ in header)
    closing = paragraphs[HEADER_PARAGRAPHS:][-CLOSING_PARAGRAPHS:] if paragraphs else []
    for paragraph in reversed(closing):
        found = [iso for line in paragraph.split("\n") if (d := dateline(line)) for iso in d[:1]]
        if found:
            return found[-1]
    return None


def _paragraph_datelines(paragraph: str) -> list[tuple[str, str]]:
    lines = paragraph.split("\n")
    found = [d for line in lines if (d := dateline(line))]
    opening = opening_dateline(lines[0]) if not found else None
    return found + ([opening] if opening else [])
