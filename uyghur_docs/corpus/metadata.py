"""Title, date and kind, read from a statement's own words.

The header is the first few paragraphs: a title is the first of them that is neither an
address line, a dateline nor release boilerplate; the date is the first dateline there (a
short line holding a date), else the date the file name starts with; the kind comes from
cue phrases, the header's first.
"""

import re
from dataclasses import replace
from pathlib import Path

from uyghur_docs.corpus.declared import read_table
from uyghur_docs.errors import OverrideError
from uyghur_docs.models import KINDS, Metadata
from uyghur_docs.text.dates import date_from_stem, find_date, parse_date
from uyghur_docs.text.normalise import one_line

OVERRIDES_FILE = "overrides.toml"
HEADER_PARAGRAPHS = 6
MAX_TITLE = 200
MAX_DATELINE = 60
MAX_DATELINE_WORDS = 4

_ADDRESS = re.compile(
    r"^(to\b.*:$|dear\b|madam\b|sir\b|your excellenc|excellenc|mr\.? president)", re.IGNORECASE
)
_BOILERPLATE = re.compile(
    r"^(press release|news release|for immediate release|media advisory|embargoed\b.*)$",
    re.IGNORECASE,
)
_HEADER_KINDS = [
    ("press-release", re.compile(r"\bpress release\b", re.IGNORECASE)),
    ("news-release", re.compile(r"\bnews release\b", re.IGNORECASE)),
    ("joint-statement", re.compile(r"\bjoint (public )?statement\b", re.IGNORECASE)),
    ("joint-letter", re.compile(r"\b(joint|open) letter\b", re.IGNORECASE)),
]
_LETTER = re.compile(
    r"^(dear\b|madam\b|to\b.*:$|your excellenc)|^(sincerely|yours (faithfully|sincerely|truly)"
    r"|respectfully|kind regards|best regards)\b",
    re.IGNORECASE | re.MULTILINE,
)
_UNDERSIGNED = re.compile(r"\b(the )?undersigned\b", re.IGNORECASE)
_NEWS = re.compile(r"\bsaid today\b|\bfor more information,? (please )?contact\b", re.IGNORECASE)


def _is_title(line: str) -> bool:
    letters = sum(c.isalpha() for c in line)
    return (
        letters >= 3
        and not _ADDRESS.match(line)
        and not _BOILERPLATE.match(line)
        and not _is_dateline(line)
    )


def _is_dateline(line: str) -> bool:
    """A short line that is mostly a date: "28.08.24, OMCT", "Geneva, 3 October 2022"."""
    if len(line) > MAX_DATELINE:
        return False
    found = find_date(line)
    if found is None:
        return False
    rest = line[: found[1].start()] + " " + line[found[1].end() :]
    return len(rest.split()) <= MAX_DATELINE_WORDS


def extract_title(paragraphs: list[str]) -> str | None:
    """The first heading-like paragraph of the header, on one line.

    >>> extract_title(["To Members of the Council:", "12.03.2020", "Act now on Xinjiang"])
    'Act now on Xinjiang'
    """
    for paragraph in paragraphs[:HEADER_PARAGRAPHS]:
        lines = [line for line in paragraph.split("\n") if _is_title(line)]
        if lines and len(lines) == paragraph.count("\n") + 1:
            title = one_line(" ".join(lines))
            return title if len(title) <= MAX_TITLE else title[: MAX_TITLE - 1].rstrip() + "…"
        if lines:
            return one_line(lines[0])[:MAX_TITLE]
    return None


def extract_date(paragraphs: list[str], stem: str) -> str | None:
    """The first dateline of the header, else the date the file stem starts with.

    >>> extract_date(["Title", "Press Release\\nAugust 31 2022, 8:15 PM ET"], "x")
    '2022-08-31'
    >>> extract_date(["Title", "On 27 February 2020, she said a lot."], "2022-09-letter")
    '2022-09'
    """
    for paragraph in paragraphs[:HEADER_PARAGRAPHS]:
        for line in paragraph.split("\n"):
            if _is_dateline(line):
                return find_date(line)[0]
    return date_from_stem(stem)


def extract_kind(paragraphs: list[str]) -> str:
    """The kind a statement says it is: header cues first, then letter and release cues.

    >>> extract_kind(["Joint statement on the anniversary", "We, the undersigned, ..."])
    'joint-statement'
    >>> extract_kind(["Title", "Dear High Commissioner,", "...", "Sincerely,", "HRW"])
    'joint-letter'
    """
    header = "\n".join(paragraphs[:HEADER_PARAGRAPHS])
    for kind, cue in _HEADER_KINDS:
        if cue.search(header):
            return kind
    body = "\n".join(paragraphs)
    if _LETTER.search(body):
        return "joint-letter"
    if _UNDERSIGNED.search(body):
        return "joint-statement"
    if _NEWS.search(body):
        return "news-release"
    return "other"


def extract(paragraphs: list[str], stem: str) -> Metadata:
    """All metadata the text gives; the title falls back to the file stem."""
    return Metadata(
        title=extract_title(paragraphs) or stem,
        date=extract_date(paragraphs, stem),
        kind=extract_kind(paragraphs),
    )


def load_overrides(corpus_dir: Path) -> dict[str, dict[str, str]]:
    """The declared per-document corrections in `corpus/overrides.toml`, checked."""
    path = corpus_dir / OVERRIDES_FILE
    table = read_table(path, OverrideError)
    for doc_id, fields in table.items():
        if not isinstance(fields, dict) or not set(fields) <= {"title", "date", "kind"}:
            raise OverrideError(f"{path}: [{doc_id}] may set only title, date and kind (strings)")
        if "kind" in fields and fields["kind"] not in KINDS:
            raise OverrideError(f"{path}: [{doc_id}] kind must be one of {', '.join(KINDS)}")
        if "date" in fields and parse_date(str(fields["date"])) is None:
            raise OverrideError(f"{path}: [{doc_id}] date {fields['date']!r} is not a date")
    return table


def apply_overrides(metadata: Metadata, fields: dict[str, str]) -> Metadata:
    """Metadata with the declared corrections for one document applied."""
    if "date" in fields:
        fields = {**fields, "date": parse_date(str(fields["date"]))}
    return replace(metadata, **fields)
