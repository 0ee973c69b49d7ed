"""Who signed a statement, read from the statement's own words and structure.

Signatories are the entries of a signature block: the list items, table rows or lines
after a heading ("Signatories", "Endorsed by:", "签名人："), a section heading
("Organisations") or a letter's closing ("Sincerely,"); lacking those, a numbered or
bulleted run of names that ends the text, the "X on behalf of Y" lines of a letter, or an
organisation the prose says signs. Each entry is then a person or an organisation, one
decision per block (see kinds.py). Everything here is a pure function of the paragraphs.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from uyghur_docs.extract import signature_cues as cues
from uyghur_docs.extract.blocks import Block, Raw, is_role_line
from uyghur_docs.extract.entries import split_place
from uyghur_docs.extract.inline import inline_names
from uyghur_docs.extract.issuers import Issuer, extract_issuers
from uyghur_docs.extract.kinds import (
    BEHALF,
    ORGANISATION,
    PERSON,
    block_kinds,
    personal_name,
)
from uyghur_docs.extract.source_lines import source_lines
from uyghur_docs.extract.states import split_states, state_names
from uyghur_docs.extract.unheaded import (
    closing_lines,
    closing_states,
    prose_signers,
    translation_pairs,
    unheaded_run,
)
from uyghur_docs.text.names import split_name
from uyghur_docs.text.normalise import fold

__all__ = ["ORGANISATION", "PERSON", "DocumentSigners", "Signatory", "extract_issuers"]
_FOR = re.compile(r"^(?P<person>[^,()]+?) for (?P<org>\S+(?: \S+){0,2})$")


@dataclass(frozen=True)
class Signatory:
    """One entry of a signature block.

    `as_written` is the entry without its list marker; `name` drops a parenthesised or
    dashed acronym (kept in `aliases`) and a place suffix (kept in `place`). A person's
    role and organisation, when written, are in `affiliation`. `paragraph` counts from 1.
    """

    as_written: str
    name: str
    kind: str
    paragraph: int
    aliases: tuple[str, ...] = ()
    place: str | None = None
    affiliation: str | None = None


@dataclass(frozen=True)
class Signatures:
    """A document's signatories, and the paragraphs where a signature heading or closing
    was found but no names were read after it (`unread`)."""

    signatories: tuple[Signatory, ...]
    unread: tuple[int, ...] = ()


@dataclass(frozen=True)
class DocumentSigners:
    """What one document says about who signed and issued it; computed once per document."""

    id: str
    title: str
    date: str | None
    signatories: tuple[Signatory, ...]
    issuers: tuple[Issuer, ...]
    unread: tuple[int, ...] = ()


def extract_signatories(paragraphs: Sequence[str]) -> tuple[Signatory, ...]:
    """The signature block of a document, in document order; () when it has none.

    >>> [s.name for s in extract_signatories(["We urge action.", "Sincerely,", "PEN\\nHRIC"])]
    ['PEN', 'HRIC']
    """
    return read_signatures(paragraphs).signatories


def read_signatures(paragraphs: Sequence[str]) -> Signatures:
    """The signatories of a document and the signature headings that gave no names."""
    lines = source_lines(paragraphs)
    raws, unread = _after_anchor(lines, paragraphs)
    if not raws:
        raws = (
            unheaded_run(lines)
            or closing_lines(lines)
            or closing_states(lines)
            or prose_signers(paragraphs)
        )
        unread = () if raws else unread
    return Signatures(as_written_in(_signatories(raws), paragraphs), unread)


def as_written_in(
    signatories: tuple[Signatory, ...], paragraphs: Sequence[str]
) -> tuple[Signatory, ...]:
    """The signatories whose `as_written` the document writes, up to whitespace and line
    breaks: udocs never reports a name the document does not contain.

    >>> [s.as_written for s in as_written_in((Signatory("A B", "A B", "person", 1),
    ...     Signatory("B A", "B A", "person", 1)), ["A\\nB"])]
    ['A B']
    """
    text = _spaced("\n".join(paragraphs))
    return tuple(s for s in signatories if _spaced(s.as_written) in text)


def _spaced(text: str) -> str:
    return " ".join(text.split())


def _after_anchor(
    lines: list[tuple[int, str]], paragraphs: Sequence[str]
) -> tuple[list[Raw], tuple[int, ...]]:
    unread, index = [], 0
    while index < len(lines):
        paragraph, line = lines[index]
        opened = _open(line, paragraphs[paragraph - 1], index, lines)
        if opened is None:
            index += 1
            continue
        block, rest, end = opened
        if rest:
            block.add(paragraph, rest, inline=True)
        index = block.collect(lines, index + 1, end)
        if block.raws:
            return block.raws, tuple(block.empty_sections)
        unread.append(paragraph)
    return [], tuple(dict.fromkeys(unread))


def _open(line: str, paragraph: str, index: int, lines: list[tuple[int, str]]):
    """(block, inline names, end) when line opens a signature block, else None."""
    if cues.is_closing(line):
        return Block(closing=True), "", None
    last_line = index + 1 == len(lines) or lines[index + 1][0] != lines[index][0]
    if last_line and cues.is_soft_closing(paragraph):
        following = [i for i, (p, _) in enumerate(lines) if p == lines[index][0] + 1]
        return (Block(closing=True), "", following[-1] + 1) if following else None
    kind = cues.section_kind(line)
    inline = _inline_list(line)
    if inline:
        return Block(kind or None), inline, None
    if cues.is_heading(line):
        head, colon, tail = line.replace("：", ":").partition(":")
        tail = tail.strip() if colon and cues.is_heading(head) else ""
        return Block(cues.heading_kind(line)), tail, None
    return None


def _inline_list(line: str) -> str | None:
    names = inline_names(line)
    return "; ".join(names) if names else None


def _signatories(raws: list[Raw]) -> tuple[Signatory, ...]:
    raws = translation_pairs(raws)
    found: list[Signatory] = []
    for section in _sections(raws):
        texts = [(r.entry.text, r.entry.context) for r in section]
        if state_names([text for text, _ in texts]):
            # States that sign: each named whole, never read as a place suffix.
            found += [
                Signatory(state, state, ORGANISATION, raw.paragraph)
                for raw in section
                for state in split_states(raw.entry.text)
            ]
            continue
        kinds = block_kinds(texts, section[0].section)
        for raw, kind in zip(section, kinds, strict=True):
            found += _make(raw, kind)
    seen, unique = set(), []
    # A line that is only a place or a role (", Ukraine"), a dash or a number (a page's,
    # a count's) names no one.
    for signatory in (s for s in found if any(c.isalpha() for c in s.name)):
        key = (signatory.kind, fold(signatory.as_written))
        if key not in seen:
            seen.add(key)
            unique.append(signatory)
    return tuple(_two_column(unique))


def _sections(raws: list[Raw]) -> list[list[Raw]]:
    groups: list[list[Raw]] = []
    for raw in raws:
        if groups and groups[-1][-1].section == raw.section:
            groups[-1].append(raw)
        else:
            groups.append([raw])
    return groups


def _make(raw: Raw, kind: str) -> list[Signatory]:
    text, paragraph = raw.entry.text, raw.paragraph
    if raw.signature:
        return _signature(raw)
    behalf = BEHALF.search(text.split("(")[0])
    if behalf:
        person = Signatory(
            text,
            text[: behalf.start()].rstrip(" ,"),
            PERSON,
            paragraph,
            affiliation=text[behalf.end() :],
        )
        # "on behalf of the Third World Network": the article is no part of the name.
        organisation = re.sub(
            r"^(?:the|la|le|les|l'|el|los|las|die|der|das|il|het|de)\s*",
            "",
            text[behalf.end() :],
            flags=re.I,
        )
        return [person, _organisation(organisation, paragraph)]
    signs_for = _FOR.match(text) if raw.entry.context else None
    if signs_for and personal_name(signs_for["person"]):
        # A table row "Jane Roe for Project": the person, and the project she signs for.
        person = Signatory(
            signs_for["person"],
            signs_for["person"],
            PERSON,
            paragraph,
            affiliation=signs_for["org"],
        )
        return [person, _organisation(signs_for["org"], paragraph)]
    if kind == PERSON:
        name, affiliation = _person_parts(text)
        return [Signatory(text, name, PERSON, paragraph, affiliation=affiliation)]
    found = _organisation(text, paragraph)
    return [replace(found, place=raw.entry.place) if raw.entry.place and not found.place else found]


def _signature(raw: Raw) -> list[Signatory]:
    """A signer's name with role lines and, last, the organisation signed for."""
    rest = list(raw.signature)
    organisation = rest[-1] if not is_role_line(rest[-1]) else None
    person = Signatory(
        raw.entry.text, raw.entry.text, PERSON, raw.paragraph, affiliation=", ".join(rest)
    )
    return [person] + ([_organisation(organisation, raw.paragraph)] if organisation else [])


def _organisation(text: str, paragraph: int) -> Signatory:
    name, aliases, place = split_name(text)
    if place is None:
        name, place = split_place(name)
        if place is not None:
            name, aliases, _ = split_name(name)
    return Signatory(text, name, ORGANISATION, paragraph, aliases, place)


def _person_parts(text: str) -> tuple[str, str | None]:
    text = text.replace("（", "(").replace("）", ")")
    comma, paren = text.find(","), text.find("(")
    if paren > 0 and (comma < 0 or paren < comma) and text.endswith(")"):
        return text[:paren].strip(), text[paren + 1 : -1].strip() or None
    name, _, affiliation = text.partition(",")
    return name.strip(), affiliation.strip() or None


def _two_column(entries: list[Signatory]) -> list[Signatory]:
    """In an "Organisation – Country" table the second column is the place, not the name."""
    column = re.compile(r"\s+[-–—|]\s+|\t")
    organisations = [e for e in entries if e.kind == ORGANISATION]
    split = {
        id(e) for e in organisations if not e.aliases and not e.place and column.search(e.name)
    }
    if len(organisations) < 3 or len(split) < 0.6 * len(organisations):
        return entries
    result = []
    for entry in entries:
        if id(entry) in split:
            *left, place = column.split(entry.name)
            name, aliases, _ = split_name(" - ".join(left))
            entry = replace(entry, name=name, aliases=aliases, place=place.strip())
        result.append(entry)
    return result
