"""A statement republished as another site would: the edits copy detection must see past.

Each edit takes a document's paragraphs (and its analysis, for where the signatures are)
and returns them changed; `republish` applies several. Used by the copy tests and by
`bench/copies_dev.py` on the development texts.
"""

import html
import random
from dataclasses import replace

from uyghur_docs.extract.analysis import Analysis
from uyghur_docs.models import Document

EDITS = ("header", "footer", "date", "entities", "reorder", "add", "drop")
ADDED = ("Tibet Justice Centre", "Hong Kong Watch", "Students for a Free Tibet")


def _header(paragraphs, signed, rng):
    return ["Home › News › Statements", "Campaign site — press room", *paragraphs]


def _footer(paragraphs, signed, rng):
    return [*paragraphs, "Share this: Twitter Facebook", "© 2023 The Campaign. All rights reserved"]


def _date(paragraphs, signed, rng):
    day = rng.randint(1, 28)
    return [f"Published {day} October 2022", *paragraphs]


# As WordPress writes a page: ampersands and typographic marks as character references.
_ENTITIES = {"\u2018": "&#8216;", "\u2019": "&#8217;", "\u201c": "&#8220;"}
_ENTITIES |= {"\u201d": "&#8221;", "\u2014": "&#8212;", "\u00a0": "&nbsp;"}


def _entities(paragraphs, signed, rng):
    escaped = (html.escape(p, quote=False) for p in paragraphs)
    return [p.translate(str.maketrans(_ENTITIES)) for p in escaped]


def _reorder(paragraphs, signed, rng):
    """The signatories in another order: their paragraphs, or the lines of one."""
    changed = {}
    for run in _runs(sorted(signed)):
        if len(run) > 1:
            moved = [paragraphs[n] for n in run]
            rng.shuffle(moved)
            changed.update(zip(run, moved, strict=True))
        else:
            lines = paragraphs[run[0]].split("\n")
            rng.shuffle(lines)
            changed[run[0]] = "\n".join(lines)
    return _placed(paragraphs, changed)


def _runs(numbers: list[int]) -> list[list[int]]:
    """Consecutive numbers in runs: a list is reordered within itself, not across headings."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and runs[-1][-1] == n - 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return runs


def _add(paragraphs, signed, rng):
    """A few signatories more, after the last."""
    last = max(signed, default=len(paragraphs) - 1)
    return [*paragraphs[: last + 1], *ADDED[: rng.randint(1, 3)], *paragraphs[last + 1 :]]


def _drop(paragraphs, signed, rng):
    """One or two signatory paragraphs fewer, when there are several."""
    gone = set(rng.sample(sorted(signed), min(2, len(signed) - 1))) if len(signed) > 2 else ()
    return [p for n, p in enumerate(paragraphs) if n not in gone]


_DO = {
    "header": _header,
    "footer": _footer,
    "date": _date,
    "entities": _entities,
    "reorder": _reorder,
    "add": _add,
    "drop": _drop,
}


def _placed(paragraphs, changed: dict[int, str]) -> list[str]:
    return [changed.get(n, p) for n, p in enumerate(paragraphs)]


def republish(doc: Document, analysis: Analysis, edits, rng: random.Random) -> Document:
    """The document as a site republishes it with `edits` (of EDITS), applied in order of
    EDITS. The signature edits come first, while the analysis still says where the
    signatures are; the title changes with a header, the date with "date"."""
    paragraphs = list(doc.paragraphs)
    signed = {s.paragraph - 1 for s in analysis.signatories}
    # Adding after the last signatory and reordering leave the others where they were.
    for edit in ("reorder", "add", "drop"):
        if edit in edits:
            paragraphs = _DO[edit](paragraphs, signed, rng)
    for edit in ("header", "footer", "date", "entities"):
        if edit in edits:
            paragraphs = _DO[edit](paragraphs, signed, rng)
    title = f"{doc.title} | The Campaign" if "header" in edits else doc.title
    date = "2022-10-15" if "date" in edits else doc.date
    return replace(doc, title=title, date=date, paragraphs=tuple(paragraphs))


def text_of(doc: Document) -> str:
    """A document as a plain-text corpus file: its title, then its paragraphs."""
    return "\n\n".join([doc.title, *doc.paragraphs]) + "\n"
