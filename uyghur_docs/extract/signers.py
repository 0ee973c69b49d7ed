"""Who signed a statement and who issued it, read from the statement's own words.

Signatories are the entries of a signature block: the lines after a header ("Signatories:",
"Co-signed by") or a closing ("Sincerely,"), or, lacking both, a numbered or bulleted run of
short title-cased names. Issuers are the organisations a release speaks for: the subject of
"... said today", a by-line next to the date, and the organisation a contact line writes for
or mails from. Everything here is a pure function of a document's paragraphs.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from uyghur_docs.extract.issuers import Issuer, extract_issuers, is_contact
from uyghur_docs.models import Document
from uyghur_docs.text.names import (
    has_head,
    split_and,
    split_name,
    split_outside_parens,
    title_case,
    word_set,
)
from uyghur_docs.text.normalise import fold

ORGANISATION = "organisation"
PERSON = "person"
MAX_NAME_WORDS = 15
MIN_LIST = 3
TITLE_CASE_SHARE = 0.8
TWO_COLUMN_SHARE = 0.6

_MARKER = re.compile(r"^(?:[-–—•*·▪◦‣]|\(?\d{1,4}[.)]|\([a-z]\)|[a-z]\))\s+")
_ANCHOR = re.compile(
    r"^(?:(?:full )?list of |the )?(?:(?:individual|organi[sz]ational|ngo|endorsing) )?"
    r"(?:co-?)?(?:signator(?:y|ies)|signed|endorse(?:d|ments?|rs))\b(?P<rest>.*)$",
    re.IGNORECASE,
)
_HEADER_WORDS = {"ngos", "ngo", "organisations", "organizations", "groups", "individuals"}
_CLOSING = re.compile(
    r"^(?:yours (?:faithfully|sincerely|truly)|sincerely(?: yours)?|respectfully(?: yours)?"
    r"|(?:with )?(?:kind|best|warm) regards|regards)[,.]?$",
    re.IGNORECASE,
)
_PERSON_GROUP = re.compile(r"individual|personal|\bpersons?\b|people|academic|expert|scholar")
# Lines after which a signature block never continues: site furniture, notes, contacts.
_FOOTER = re.compile(
    r"^(?:leave a (?:reply|comment)|your email address|required fields|share (?:this|on)"
    r"|related(?: posts| articles)?$|tags?:|posted in|filed under|categories|©|copyright"
    r"|all rights reserved|(?:end|foot)?notes?$|references$|annex\b|for (?:more|further) info"
    r"|media contact|press contact|contacts?:|photo credit|photo:|image:|read more|click here"
    r"|subscribe|follow us|cc:"
    r"|-?ends?-?$|###|\[\d+\])"
)
_TITLE = re.compile(
    r"^(?:dr|prof|professor|mr|mrs|ms|mx|rev|revd|reverend|sir|dame|hon|rabbi|imam|pastor"
    r"|senator)\.?\s+\S",
    re.IGNORECASE,
)


_ROLES = word_set(
    "director executive president vice chair chairman chairwoman chairperson founder"
    " co-founder cofounder coordinator professor lecturer researcher fellow senior associate"
    " assistant secretary member head ceo lawyer attorney barrister journalist editor author"
    " activist survivor scholar emeritus former dean deputy manager officer spokesperson"
    " representative commissioner chief"
)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")
_ABBREVIATION = re.compile(r"(?:\b\w\.|\b(?:inc|ltd|co|corp|st|assn|intl|e\.v)\.)$", re.I)


@dataclass(frozen=True)
class Signatory:
    """One entry of a signature block.

    `as_written` is the entry without its list marker; `name` drops a parenthesised or
    dashed acronym (kept in `aliases`) and a place column (kept in `place`). A person's
    role and organisation, when written, are in `affiliation`. `paragraph` counts from 1.
    """

    as_written: str
    name: str
    kind: str
    paragraph: int
    aliases: tuple[str, ...] = ()
    place: str | None = None
    affiliation: str | None = None

    @property
    def full_name(self) -> str:
        """The name with its place: the form an organisation is identified by."""
        return f"{self.name} ({self.place})" if self.place else self.name


@dataclass(frozen=True)
class DocumentSigners:
    """What one document says about who signed and issued it; computed once per document."""

    id: str
    title: str
    date: str | None
    signatories: tuple[Signatory, ...]
    issuers: tuple[Issuer, ...]


def extract_document(document: Document) -> DocumentSigners:
    """The signatories and issuers of a document, with the id, title and date to cite."""
    return DocumentSigners(
        id=document.id,
        title=document.title,
        date=document.date,
        signatories=extract_signatories(document.paragraphs),
        issuers=extract_issuers(document.paragraphs),
    )


def extract_signatories(paragraphs: Sequence[str]) -> tuple[Signatory, ...]:
    """The signature block of a document, in document order; () when it has none.

    >>> [s.name for s in extract_signatories(["We urge action.", "Sincerely,", "PEN\\nHRIC"])]
    ['PEN', 'HRIC']
    """
    lines = _lines(paragraphs)
    return _after_anchor(lines) or _unheaded_list(lines)


def _lines(paragraphs: Sequence[str]) -> list[tuple[int, str]]:
    """(paragraph number, line) pairs; a wrapped comma list becomes one line."""
    lines = []
    for number, paragraph in enumerate(paragraphs, 1):
        parts = [line.strip() for line in paragraph.split("\n") if line.strip()]
        if parts and _is_wrapped_list(parts):
            parts = [" ".join(parts)]
        lines.extend((number, line) for line in parts)
    return lines


def _is_wrapped_list(parts: list[str]) -> bool:
    return (
        len(parts) > 1
        and len(split_outside_parens(parts[0], ",;")) >= 3
        and not any(_is_person(part) for part in parts)
    )


def _after_anchor(lines: list[tuple[int, str]]) -> tuple[Signatory, ...]:
    index = 0
    while index < len(lines):
        paragraph, line = lines[index]
        rest = _anchor(line)
        if rest is None:
            index += 1
            continue
        block = _Block(PERSON if _PERSON_GROUP.search(fold(line)) else ORGANISATION)
        if rest:
            block.add(paragraph, rest, inline=True)
        index = block.collect(lines, index + 1)
        if block.entries:
            return tuple(_two_column(block.entries))
    return ()


def _anchor(line: str) -> str | None:
    """None unless line opens a signature block; else the inline list after it ('' if none)."""
    if _CLOSING.match(line):
        return ""
    match = _ANCHOR.match(line)
    if not match:
        return None
    rest = match["rest"]
    by = re.match(r"\s*by\b", rest, re.IGNORECASE)
    rest = rest[by.end() :] if by else rest
    head, colon, tail = rest.partition(":")
    head_words = set(fold(re.sub(r"\([^()]*\)", " ", head)).split())
    if colon and head_words <= _HEADER_WORDS:
        return tail.strip()
    if not colon and not head_words - _HEADER_WORDS:
        return ""
    if by and not colon:
        # "Signed by 50 groups, the letter..." is prose; a list of names is an inline block.
        items = _items(rest.strip(), inline=True)
        return rest.strip() if items and all(title_case(i) for i in items) else None
    return None


class _Block:
    """A signature block being read line by line."""

    def __init__(self, mode: str):
        self.mode = mode
        self.entries: list[Signatory] = []
        self.attach_paragraph = 0

    def collect(self, lines: list[tuple[int, str]], start: int) -> int:
        """Read entries from lines[start:] until the block ends; the index it ended at."""
        index = start
        while index < len(lines):
            paragraph, line = lines[index]
            if _stops(line):
                break
            if (line.endswith(":") and len(line.split()) <= 8) or _anchor(line) is not None:
                self.mode = PERSON if _PERSON_GROUP.search(fold(line)) else ORGANISATION
            elif not self.add(paragraph, line):
                break
            index += 1
        return index

    def add(self, paragraph: int, line: str, inline: bool = False) -> bool:
        """Add a line's entries; False when the line is prose and ends the block."""
        attached = self.entries and paragraph == self.attach_paragraph
        if attached or self._is_role(paragraph, line):
            self.attach_paragraph = paragraph
            last = self.entries[-1]
            affiliation = f"{last.affiliation}, {line}" if last.affiliation else line
            self.entries[-1] = replace(last, kind=PERSON, affiliation=affiliation)
            return True
        items = _items(line, inline)
        if not items or any(_is_prose(item) for item in items):
            return not items
        self.entries.extend(_entry(item, paragraph, self.mode) for item in items)
        return True

    def _is_role(self, paragraph: int, line: str) -> bool:
        # "Jane Roe" then "Executive Director, X" in one paragraph: a person's signature.
        return (
            bool(self.entries)
            and self.entries[-1].paragraph == paragraph
            and _first_word(line) in _ROLES
        )


def _stops(line: str) -> bool:
    return bool(_FOOTER.match(fold(line))) or is_contact(line)


def _items(line: str, inline: bool = False) -> list[str]:
    """The names on one line: itself, or the parts of a comma or semicolon list."""
    text = _MARKER.sub("", line, count=1).strip()
    if _is_person(text):
        return [text]
    parts = split_outside_parens(text, ";")
    if len(parts) == 1:
        commas = split_outside_parens(text, ",")
        parts = commas if len(commas) >= 3 or (inline and len(commas) == 2) else parts
    if len(parts) > 1 or inline:
        parts = parts[:-1] + split_and(parts[-1])
        parts = [_strip_list_period(re.sub(r"^and\s+", "", p.strip())) for p in parts]
    return [p.strip(" ,;") for p in parts if any(c.isalnum() for c in p)]


def _strip_list_period(text: str) -> str:
    return text[:-1] if text.endswith(".") and not _ABBREVIATION.search(text) else text


def _is_prose(item: str) -> bool:
    words = item.split()
    if len(words) > MAX_NAME_WORDS or item.endswith(("!", "?")):
        return True
    sentence = _SENTENCE_END.search(item) and not _ABBREVIATION.search(item)
    return bool(sentence) and not (len(words) <= 3 and title_case(item.rstrip(".")))


def _entry(text: str, paragraph: int, mode: str) -> Signatory:
    if mode == PERSON or _is_person(text):
        name, affiliation = _person_parts(text)
        return Signatory(text, name, PERSON, paragraph, affiliation=affiliation)
    name, aliases, place = split_name(text)
    return Signatory(text, name, ORGANISATION, paragraph, aliases, place)


def _person_parts(text: str) -> tuple[str, str | None]:
    name, _, affiliation = text.partition(",")
    if not affiliation and name.endswith(")") and "(" in name:
        name, _, affiliation = name[:-1].rpartition("(")
    return name.strip(), affiliation.strip() or None


def _is_person(text: str) -> bool:
    """A person's signature: a title ("Dr.") or "Name, Role, Organisation"."""
    name, comma, rest = text.partition(",")
    if _TITLE.match(name) and not has_head(name):
        return True
    if not comma:
        return False
    if _first_word(rest) in _ROLES:
        return True
    return "," not in rest and _is_personal_name(name) and has_head(rest)


def _is_personal_name(text: str) -> bool:
    words = text.split()
    return (
        2 <= len(words) <= 4
        and not has_head(text)
        and all(w[0].isupper() and w.replace("-", "").replace(".", "").isalpha() for w in words)
    )


def _two_column(entries: list[Signatory]) -> list[Signatory]:
    """In an "Organisation – Country" table the second column is the place, not the name."""
    column = re.compile(r"\s+[-–—|]\s+|\t")
    organisations = [e for e in entries if e.kind == ORGANISATION]
    split = {id(e) for e in organisations if not e.aliases and column.search(e.name)}
    if len(organisations) < MIN_LIST or len(split) < TWO_COLUMN_SHARE * len(organisations):
        return entries
    result = []
    for entry in entries:
        if id(entry) in split:
            *left, place = column.split(entry.name)
            name, aliases, _ = split_name(" - ".join(left))
            entry = replace(entry, name=name, aliases=aliases, place=place.strip())
        result.append(entry)
    return result


def _unheaded_list(lines: list[tuple[int, str]]) -> tuple[Signatory, ...]:
    """The last numbered or bulleted run of names, when nothing introduces it as prose."""
    runs: list[list[int]] = []
    for index, (_, line) in enumerate(lines):
        if _MARKER.match(line):
            if runs and runs[-1][-1] == index - 1:
                runs[-1].append(index)
            else:
                runs.append([index])
    for run in reversed(runs):
        items = [_MARKER.sub("", lines[i][1], count=1).strip() for i in run]
        before = lines[run[0] - 1][1] if run[0] else ""
        if len(items) >= MIN_LIST and not before.endswith(":") and _names(items):
            paragraphs = [lines[i][0] for i in run]
            entries = [
                _entry(item, paragraph, ORGANISATION)
                for paragraph, item in zip(paragraphs, items, strict=True)
            ]
            return tuple(_two_column(entries))
    return ()


def _names(items: list[str]) -> bool:
    if any(_is_prose(item) or item.endswith((";", ",", ":")) for item in items):
        return False
    return sum(map(title_case, items)) >= TITLE_CASE_SHARE * len(items)


def _first_word(text: str) -> str:
    words = fold(text).split()
    return words[0].strip(".,;:") if words else ""
