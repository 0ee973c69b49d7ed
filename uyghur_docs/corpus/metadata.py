"""Title, date and kind, read from a statement's own words.

The title is the header's first heading-like line (`titles`); the date its dateline
(`datelines`), else the date the file name starts with; the kind comes from cue phrases,
the header's first (`kinds`).
"""

from dataclasses import replace
from pathlib import Path

from uyghur_docs.corpus.datelines import document_date
from uyghur_docs.corpus.declared import read_table
from uyghur_docs.corpus.kinds import extract_kind
from uyghur_docs.corpus.titles import can_be_title, extract_title
from uyghur_docs.errors import OverrideError
from uyghur_docs.models import KINDS, Metadata
from uyghur_docs.text.dates import date_from_stem, parse_date
from uyghur_docs.text.normalise import visible

OVERRIDES_FILE = "overrides.toml"
HEADER_PARAGRAPHS = 6


def extract_date(paragraphs: list[str], stem: str) -> str | None:
    """The document's dateline (see `datelines`), else the date the file stem starts with.

    >>> extract_date(["Title", "Press Release\\nAugust 31 2022, 8:15 PM ET"], "x")
    '2022-08-31'
    >>> extract_date(["Title", "On 27 February 2020, she said a lot."], "2022-09-letter")
    '2022-09'
    """
    return document_date(paragraphs) or date_from_stem(stem)


def extract(
    paragraphs: list[str], stem: str, headline: str | None = None, declared: str | None = None
) -> Metadata:
    """All metadata the text gives; the title falls back to the file stem.

    A `headline` the document's structure gives (front matter, a top heading) beats the
    title read from the text; a `declared` date (front matter) serves when the text has none.
    """
    headline = visible(headline or "")
    title = headline if headline and can_be_title(headline) else extract_title(paragraphs)
    return Metadata(
        title=title or stem,
        date=document_date(paragraphs) or declared or date_from_stem(stem),
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
