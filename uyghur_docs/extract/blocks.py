"""Reading a signature block line by line, from its heading to the line that ends it.

Each line is a list item, a table row, a section heading, a person's signature with its
role and organisation, or prose. Prose before the first name is a lead-in and is passed
over; prose after the names ends the block, unless a section heading follows it.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from uyghur_docs.extract import signature_cues as cues
from uyghur_docs.extract.entries import (
    Entry,
    is_table_row,
    line_entries,
    row_cells,
    row_entries,
    strip_marker,
)
from uyghur_docs.extract.issuers import is_contact
from uyghur_docs.extract.kinds import (
    BEHALF,
    TITLE,
    first_word,
    organisation_like,
    person_mark,
    personal_name,
)
from uyghur_docs.extract.states import state_names
from uyghur_docs.extract.vocabulary import is_place, words
from uyghur_docs.text.names import CONNECTORS, split_outside_parens, title_case
from uyghur_docs.text.normalise import fold
from uyghur_docs.text.scripts import has_cjk

MAX_NAME_WORDS = 15
MAX_CJK_NAME = 40
MAX_LEAD_IN = 3
LISTED_NAME_WORDS = 6
MAX_SIGNATURE_LINES = 6
# "Organisations: A, B and C", "Individual signatories: …": a section named before a colon.
MAX_SECTION_WORDS = 3
# Lower-case words (connectors aside) in a line that make it a clause, not a list of names.
MAX_CLAUSE_LOWER = 4
_SENTENCE_END = re.compile(r"[.!?。！？][\"'”’)]*$")
# A name that ends with its acronym: "Fédération internationale … (FIDH)".
_ACRONYM_END = re.compile(r"\([A-Z][A-Z0-9+-]+\)$")
_ABBREVIATION = re.compile(r"(?:\b\w\.|\b(?:inc|ltd|co|corp|st|assn|intl|e\.\s?v)\.)$", re.I)


@dataclass(frozen=True)
class Raw:
    """An entry of a block before its kind is decided."""

    entry: Entry
    paragraph: int
    section: str | None
    signature: tuple[str, ...] = ()
    # Written as a list item or a table row: a translation never is one on its own.
    listed: bool = False


class Block:
    """A signature block being read; `raws` are its entries in order."""

    def __init__(self, section: str | None = None, closing: bool = False):
        self.section = section
        self.closing = closing
        self.raws: list[Raw] = []
        self.lead_in = 0
        self.opened = 0
        self._seen: set[tuple[str | None, str]] = set()
        self._section_paragraph = 0
        self.empty_sections: list[int] = []
        self._last_line = -2

    def collect(self, lines: list[tuple[int, str]], start: int, end: int | None = None) -> int:
        """Read entries from lines[start:end]; the index the block ended at."""
        index, stop = start, len(lines) if end is None else min(end, len(lines))
        while index < stop:
            paragraph, line = lines[index]
            listed = is_table_row(line) or strip_marker(line) != line
            # A salutation opens a letter's body: a heading before it headed no list.
            if cues.is_footer(line) or cues.is_salutation(line) or self._contact(line, listed):
                break
            kind = cues.section_kind(line)
            heading = not listed and cues.is_heading(line)
            head, names = _section_and_names(line)
            if kind is not None or heading or head is not None:
                section = cues.heading_kind(line) if heading else kind or None
                self._open_section(head or section, paragraph)
                if names:
                    self.add(paragraph, names, inline=True)
            elif self.closing and self._signature(lines, index, stop):
                index = self._signature_end
                continue
            elif self.add(paragraph, line, run=self._in_run(lines, index, stop)):
                self._last_line = index
            elif not self._lead_in(lines, index):
                break
            index += 1
        self._close_section()
        return index

    def _open_section(self, section: str | None, paragraph: int) -> None:
        self._close_section()
        self.section, self.lead_in, self.opened = section, 0, len(self.raws)
        self._section_paragraph = paragraph

    @staticmethod
    def _contact(line: str, listed: bool) -> bool:
        """An address line that ends a block, not a sentence that leads into its list."""
        return is_contact(line) and not listed and not line.rstrip().endswith((":", "："))

    def _close_section(self) -> None:
        # A section heading with no names under it (a list a script fills in): say so.
        if self._section_paragraph and len(self.raws) == self.opened:
            self.empty_sections.append(self._section_paragraph)
        self._section_paragraph = 0

    def _lead_in(self, lines: list[tuple[int, str]], index: int) -> bool:
        """Whether a prose line may be passed over: before the names, or before a section."""
        if len(self.raws) == self.opened:
            self.lead_in += 1
            return self.lead_in <= MAX_LEAD_IN
        following = lines[index + 1][1] if index + 1 < len(lines) else ""
        return cues.section_kind(following) is not None

    def _in_run(self, lines: list[tuple[int, str]], index: int, stop: int) -> bool:
        """Whether a line is one of a run of name lines: then the line, not its commas,
        separates entries ("Jane Roe, Professor of Law, University X, Chile")."""
        if self.raws and self._last_line == index - 1:
            return True
        if index + 1 >= stop:
            return False
        following = lines[index + 1][1]
        if cues.is_footer(following) or cues.is_heading(following) or is_table_row(following):
            return False
        if cues.section_kind(following) is not None:
            return False
        return bool(_parse(following, False, self.section == cues.PERSON, True))

    def add(self, paragraph: int, line: str, inline: bool = False, run: bool = False) -> bool:
        """Add a line's entries; False when the line is prose. A line of a run is one
        entry; a line alone may be a comma list."""
        if line.rstrip().endswith((":", "：")):
            return False
        last = self.raws[-1] if self.raws else None
        bare = last is not None and not re.search(r"[,(]", last.entry.text)
        if last and bare and last.paragraph == paragraph and is_role_line(line):
            # "Jane Roe" then "Executive Director, X" in one paragraph: a person's signature.
            self.raws[-1] = Raw(last.entry, paragraph, cues.PERSON, (*last.signature, line))
            return True
        entries = _parse(line, inline, self.section == cues.PERSON, run)
        listed = is_table_row(line) or strip_marker(line) != line
        return entries is not None and self._append(list(entries), paragraph, listed)

    def _append(self, entries: list[Entry], paragraph: int, listed: bool) -> bool:
        # Each name once: a list that repeats an entry signs it once.
        for entry in entries:
            key = (self.section, entry.text)
            if key not in self._seen:
                self._seen.add(key)
                self.raws.append(Raw(entry, paragraph, self.section, listed=listed))
        return True

    def _signature(self, lines: list[tuple[int, str]], index: int, stop: int) -> bool:
        """A letter's signature: a name, then role and organisation lines in its paragraph."""
        paragraph, first = lines[index]
        if index and lines[index - 1][0] == paragraph:
            return False
        end = index + 1
        while end < stop and lines[end][0] == paragraph and not cues.is_footer(lines[end][1]):
            end += 1
            if end - index > MAX_SIGNATURE_LINES:
                return False
        rest = [line for _, line in lines[index + 1 : end]]
        # Under a name, a signature gives a role; a run of names gives more names.
        if (
            not rest
            or not any(map(_gives_role, (first, *rest)))
            or any(BEHALF.search(line) for line in (first, *rest))
            or organisation_like(first)
            or _is_prose(first)
            or any(map(_is_prose, rest))
        ):
            return False
        self.raws.append(Raw(Entry(first), paragraph, cues.PERSON, tuple(rest)))
        self._signature_end = end
        return True


def _grid_name(cell: str) -> bool:
    """A cell that is a name in a grid of names: an organisation's, written as a name (not
    a type such as "Non-profit organisation", a place or a link)."""
    return (
        organisation_like(cell)
        and not person_mark(cell)
        and "," not in cell  # "Professor, Department of …": an affiliation, not a name
        and not {w.strip(".()") for w in fold(cell).split()} & words("person_roles")
        and (title_case(cell) or has_cjk(cell) or bool(_ACRONYM_END.search(cell)))
        and not is_place(cell)
        and not re.search(r"https?:|www\.", cell)
    )


def _section_and_names(line: str) -> tuple[str | None, str]:
    """ "Organisations: A, B and C": the kind a section heading names and the names it
    gives on its own line; (None, "") when the line is no such heading.

    >>> _section_and_names("Individuals: Jane Roe, Li Wei")
    ('person', 'Jane Roe, Li Wei')
    """
    head, colon, names = line.replace("：", ":").partition(":")
    if (
        not colon
        or not names.strip()
        or is_table_row(line)
        or len(head.split()) > MAX_SECTION_WORDS
    ):
        return None, ""
    kind = cues.section_kind(head + ":")
    return (kind, names.strip()) if kind else (None, "")


@lru_cache(maxsize=1 << 12)
def _parse(line: str, inline: bool, people: bool, run: bool = False) -> tuple[Entry, ...] | None:
    """The entries of a line of a block; None when the line is prose, not names."""
    entries = row_entries(line)
    if entries is not None:
        # A grid of names ("A | B" on each row) has no column of types or places.
        cells = row_cells(line) if entries else []
        if len(cells) > 1 and all(map(_grid_name, cells)):
            return tuple(map(Entry, cells))
        return tuple(entries)
    text = strip_marker(line)
    listed = text != line
    cjk_list = has_cjk(text) and any(sep in text for sep in "、，")
    if inline and ";" in text and not cjk_list:
        # "Jane Roe, Professor, University X; Li Wei": semicolons part people with commas.
        pieces = [p.strip() for p in split_outside_parens(text, ";") if p.strip()]
        return (
            None
            if any(_is_prose(p.split(",")[0], True) for p in pieces)
            else tuple(map(Entry, pieces))
        )
    if not cjk_list and not inline and ((listed and people) or person_mark(text)):
        name = re.split(r"\s*[,(]", text, maxsplit=1)[0]
        return None if _is_prose(name, True) else (Entry(text),)
    if run and not inline and not cjk_list and ";" not in text:
        name, comma, rest = text.partition(", ")
        prose = _is_prose(name, listed) or len(rest.split()) > MAX_NAME_WORDS
        return None if prose or (comma and _is_prose(rest, True)) else (Entry(text),)
    if not inline and _clause(text):
        return None
    if has_cjk(text) and re.search(r"[。！？]\s*[^\s（(]{6}", text):
        return None  # two sentences: prose, however its commas part it
    entries = line_entries(text, inline)
    if any(_is_prose(e.text, listed) for e in entries):
        return None
    places = all(is_place(e.text) or _connectors(e.text) for e in entries)
    if entries and places and not state_names([e.text for e in entries]):
        return None
    return tuple(entries)


def _clause(text: str) -> bool:
    """A sentence whose commas part clauses, not names: it ends with a full stop and runs
    on in lower-case words ("In total, 14,918 people have written to ...")."""
    if has_cjk(text) or not _SENTENCE_END.search(text):
        return False
    lower = [w for w in text.split() if w[0].islower() and fold(w) not in CONNECTORS]
    return len(lower) >= MAX_CLAUSE_LOWER


def _is_prose(text: str, listed: bool = False) -> bool:
    """Whether text reads as a sentence rather than a name; a list item may end with a
    full stop ("Jane Roe et al.") and still be a name."""
    if has_cjk(text):
        # Korean ends its sentences with a full stop ("…촉구한다."), as Latin scripts do.
        hangul = any("\uac00" <= c <= "\ud7af" for c in text)
        return (
            sum(map(has_cjk, text)) > MAX_CJK_NAME
            or len(text.split()) > MAX_NAME_WORDS
            or bool(re.search(r"[。！？：:]$" if not hangul else r"[。！？：:.]$", text))
        )
    found = text.split()
    if len(found) > MAX_NAME_WORDS or text.endswith(("!", "?")):
        return True
    sentence = _SENTENCE_END.search(text) and not _ABBREVIATION.search(text)
    short = len(found) <= (LISTED_NAME_WORDS if listed else 3)
    return bool(sentence) and not (short and title_case(text.rstrip(".")))


def _connectors(text: str) -> bool:
    return all(fold(w) in CONNECTORS for w in text.split())


def _gives_role(line: str) -> bool:
    """A line that says what a person is ("Founder and Coordinator", "Director, HRW"),
    not an organisation named with a role word ("Citizen Lab")."""
    part = line.split(",")[0]
    found = {w.strip(".,;:()") for w in fold(part).split()} & words("person_roles")
    return bool(found) and not organisation_like(part)


def is_role_line(line: str) -> bool:
    """A line that gives a signer's role ("Executive Director"), not a titled name
    ("Professor Ariadne Vromen")."""
    if TITLE.match(line) and personal_name(TITLE.sub("", line).split(",")[0]):
        return False
    return first_word(line) in words("person_roles") and not organisation_like(line.split(",")[0])
