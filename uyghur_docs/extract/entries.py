"""The entries of one line of a signature block: list markers, table rows, inline lists.

A line is a list item ("• Name", "3. Name"), a table row ("Name | Type | Country"), a
comma, semicolon or "、" list, or one name. An entry keeps its text as written; a table
row's other cells are its context (an "Organization type" or a country column).
"""

import re
from dataclasses import dataclass

from uyghur_docs.extract.vocabulary import is_place, words
from uyghur_docs.text.names import last_pieces, split_and, split_outside_parens, word_set
from uyghur_docs.text.normalise import fold
from uyghur_docs.text.scripts import has_cjk

MARKER = re.compile(r"^(?:[-–—•*·▪◦‣]|\(?\d{1,4}[.)、．]|\([a-z]\)|[a-z]\))\s*(?=\S)")
CELL = " | "
_CJK_SEPARATORS = "、，,；;"
# "和" between two names, where a name's edge shows: a bracket or a Latin letter beside it
# ("人权观察(HRW)和…", "Citizen Lab和PEN"); inside Han text it may be a word ("和平").
_CJK_AND = re.compile(
    r"(?:(?<=[)）A-Za-z0-9.])\s*(?:和|及|与|與)\s*|\s*(?:和|及|与|與)\s*(?=[A-Za-z]))"
)
_ABBREVIATION = re.compile(r"(?:\b\w\.|\b(?:inc|ltd|co|corp|st|assn|intl|e\.v)\.)$", re.I)
_COUNT_NOTE = re.compile(r"[（(]\s*(?:共|total|in all)?\s*\d+\s*(?:人|名|个|個|位)?\s*[)）]\s*$")
_HEADER_WORDS = word_set(
    "name names nom nombre noms organisation organization organisations organizations org"
    " group signatory signatories signer signataire signataires type statut status country"
    " countries pays país land link links lien liens vers la le de of to the publication"
    " website url city region affiliation role title no. no # n° full"
)


@dataclass(frozen=True)
class Entry:
    """One name read from a line, and the words around it that tell what it names."""

    text: str
    context: str = ""
    place: str | None = None


def strip_marker(line: str) -> str:
    """The line without its list marker.

    >>> strip_marker("12. Freedom House"), strip_marker("• Hong Kong Watch")
    ('Freedom House', 'Hong Kong Watch')
    """
    return MARKER.sub("", line, count=1).strip()


def is_table_row(line: str) -> bool:
    return CELL in f" {line} " and line.count("|") >= 1


def row_entries(line: str) -> list[Entry] | None:
    """The name cell of a table row; [] for a header row; None when it is not a row."""
    if not is_table_row(line):
        return None
    cells = [c.strip() for c in f" {line} ".split("|")]
    if all(is_header_cell(c) for c in cells if c):
        return []
    filled = [c for c in cells if c]
    if not filled:
        return []
    # A logo's alt text in its own cell repeats the name: it is not context.
    name, rest = filled[0], [c for c in filled[1:] if fold(c) != fold(filled[0])]
    place = next((c for c in rest if is_place(c)), None)
    context = " ".join(c for c in rest if c != place and not c.startswith("http"))
    return [Entry(name, context, place)]


def row_cells(line: str) -> list[str]:
    """The filled cells of a table row, a logo's repeated name once."""
    filled = [c.strip() for c in f" {line} ".split("|") if c.strip()]
    return [c for i, c in enumerate(filled) if not i or fold(c) != fold(filled[i - 1])]


def is_header_cell(cell: str) -> bool:
    return set(fold(cell).replace("/", " ").split()) <= _HEADER_WORDS


def line_entries(text: str, inline: bool = False) -> list[Entry]:
    """The names on one line (without its marker): itself, or the parts of a list."""
    text = _COUNT_NOTE.sub("", text).strip()
    if has_cjk(text) and any(sep in text for sep in "、，"):
        return [Entry(p) for p in _cjk_parts(text)]
    parts = split_outside_parens(text, ";")
    if len(parts) == 1:
        commas = split_outside_parens(text, ",")
        if len(commas) >= 3 or (inline and len(commas) == 2):
            parts = commas
    if len(parts) > 1 or inline:
        # The list's own conjunction stands before its last name: "A, B and C", "A and B".
        parts = parts[:-1] + (last_pieces(parts[-1]) if inline else split_and(parts[-1]))
        parts = [_strip_list_period(re.sub(r"^and\s+", "", p.strip())) for p in parts]
    return [Entry(p.strip(" ,;")) for p in parts if any(c.isalnum() for c in p)]


def _cjk_parts(text: str) -> list[str]:
    parts = split_outside_parens(text.replace("（", "(").replace("）", ")"), _CJK_SEPARATORS)
    originals, start = [], 0
    for part in parts:
        originals.append(text[start : start + len(part)])
        start += len(part) + 1
    found = []
    for part in originals:
        found += _CJK_AND.split(part)
    return [p.strip(" 。.") for p in found if any(c.isalnum() for c in p)]


def _strip_list_period(text: str) -> str:
    return text[:-1] if text.endswith(".") and not _ABBREVIATION.search(text) else text


def split_place(text: str) -> tuple[str, str | None]:
    """(name, place) of an entry whose suffix is a declared place: ", Country", "- Country",
    "– Country" or "(Country)"; the place is None when the suffix is not a place.

    >>> split_place("Civic Watch Network, Ukraine"), split_place("Harbour Tools Group, LLC")
    (('Civic Watch Network', 'Ukraine'), ('Harbour Tools Group, LLC', None))
    """
    match = re.search(r"(?:,\s*|\s+[-–—]\s+|\s*\()([^,()]+?)\)?$", text)
    if not match or match.start() == 0:
        return text, None
    suffix = match[1]
    bracketed = match[0].lstrip().startswith("(")
    if bracketed != text.endswith(")") or not is_place(suffix):
        return text, None
    return text[: match.start()].strip(" ,"), suffix.strip()


def is_person_context(context: str) -> bool:
    """Whether a table row's other cells describe a person ("Free software user")."""
    return bool(set(re.findall(r"[\w-]+", fold(context))) & words("person_roles"))
