"""Signatories without a heading: a list of names that ends the text, a list of the states
that deliver a joint statement, the organisation the prose says signs, and the translation
lines of a bilingual list."""

import re
from collections.abc import Sequence

from uyghur_docs.extract import signature_cues as cues
from uyghur_docs.extract.blocks import Block, Raw
from uyghur_docs.extract.entries import (
    MARKER,
    Entry,
    is_header_cell,
    is_table_row,
    line_entries,
    row_entries,
    strip_marker,
)
from uyghur_docs.extract.issuers import is_contact
from uyghur_docs.extract.kinds import organisation_like
from uyghur_docs.extract.states import state_names
from uyghur_docs.extract.vocabulary import is_place
from uyghur_docs.text.dates import find_date
from uyghur_docs.text.names import name_shaped, split_outside_parens, title_case
from uyghur_docs.text.scripts import has_cjk

MIN_LIST = 3
MAX_NAME_WORDS = 12
# Lines after a closing list that are no run of names: a date, a credit, site furniture.
MAX_TAIL = 6
TITLE_CASE_SHARE = 0.8
ORGANISATION_SHARE = 0.5
PAIRED_SHARE = 0.9
MIN_PAIRS = 3
# A byline that opens a list ("By Department of Journalism, ..."): the word is no name.
_BY = re.compile(r"^(?:[Bb]y|[Ff]rom|[Pp]ar|[Vv]on|[Pp]or|[Dd]a|[Dd]oor)\s+(?=[A-Z])")
_SIGNS = re.compile(
    r"(?:^|[,;]\s+|\bthe\s+)(?P<name>(?:[A-Z][\w.&'’-]*\s+){0,8}[A-Z][\w.&'’-]*(?:\s+\([^()]+\))?)"
    r"\s+(?:has|have)\s+(?:(?:decided|chosen|agreed)\s+to\s+)?(?:also\s+)?"
    r"(?:signed|co-signed|endorsed|sign|co-sign|endorse|join(?:ed)?)\s+(?:this|the|our)\s+"
    r"(?i:open\s+|joint\s+)?(?i:letter|statement|petition|appeal|call|declaration)\b"
)


def unheaded_run(lines: list[tuple[int, str]]) -> list[Raw]:
    """The last numbered or bulleted run of names, when nothing introduces it as prose."""
    runs: list[list[int]] = []
    for index, (_, line) in enumerate(lines):
        if MARKER.match(line):
            if runs and runs[-1][-1] == index - 1:
                runs[-1].append(index)
            else:
                runs.append([index])
    for run in reversed(runs):
        items = [strip_marker(lines[i][1]) for i in run]
        before = lines[run[0] - 1][1] if run[0] else ""
        if len(items) >= MIN_LIST and _may_precede(before) and _names(items):
            block = Block()
            for i in run:
                block.add(*lines[i])
            return block.raws
    return []


def closing_lines(lines: list[tuple[int, str]]) -> list[Raw]:
    """The last run of name lines of the text, when most of them are shaped like
    organisations and nothing introduces them as another list. Only site furniture, a
    date or a credit line may follow it: a few lines that are no run of names."""
    for end in range(len(lines), max(len(lines) - MAX_TAIL, 0) - 1, -1):
        start = end
        while start and _name_line(lines[start - 1][1]):
            start -= 1
        if end - start >= MIN_LIST:
            return _closing_run(lines, start, end)
    return []


def _closing_run(lines: list[tuple[int, str]], start: int, end: int) -> list[Raw]:
    run = [_BY.sub("", lines[start][1], count=1)] + [line for _, line in lines[start + 1 : end]]
    kept = [
        (paragraph, line)
        for (paragraph, _), line in zip(lines[start:end], run, strict=True)
        if _names_one(line)
    ]
    names = [_name_of(line) for _, line in kept]
    before = lines[start - 1][1] if start else ""
    if not _may_precede(before) or len(names) < MIN_LIST or not _names(names):
        return []
    # A run of bare personal names may be the people a letter speaks of; signers'
    # lists are mostly organisations.
    if sum(map(organisation_like, names)) < ORGANISATION_SHARE * len(names):
        return []
    block = Block()
    for paragraph, line in kept:
        block.add(paragraph, line, run=True)
    return block.raws


def closing_states(lines: list[tuple[int, str]]) -> list[Raw]:
    """The states that deliver a joint statement, listed on one line near its end
    ("China, Belarus, Bolivia, …") after the statement's last sentence."""
    for index in range(len(lines) - 1, max(len(lines) - MAX_TAIL, 0) - 1, -1):
        paragraph, line = lines[index]
        before = lines[index - 1][1] if index else ""
        names = [e.text for e in line_entries(line)]
        if state_names(names) and _may_precede(before):
            block = Block()
            block.add(paragraph, "; ".join(names), inline=True)
            return block.raws
    return []


def _may_precede(line: str) -> bool:
    """Whether a list of signers may follow this line: the letter's last sentence, or a
    closing; not a lead-in ("…the following:") nor a title of another list ("Our members",
    "Board of Directors")."""
    text = line.strip().strip("*_ ")
    if not text or cues.is_closing(text) or find_date(text) is not None:
        return True
    if text.endswith((":", "：")):
        return False
    return bool(re.search(r"[.!?。！？)”\"]$", text)) or len(text.split()) > MAX_NAME_WORDS


def _names_one(line: str) -> bool:
    """A line of a run that names someone: not a column header ("Organisation",
    "Country") nor a place alone ("United States")."""
    name = _name_of(line)
    return bool(name) and not is_header_cell(name) and not is_place(name)


def _name_of(line: str) -> str:
    """The name a line of a closing run gives: a table row's name cell, or the line."""
    if not is_table_row(line):
        return line
    entries = row_entries(line) or []
    return entries[0].text if entries else ""


def _name_line(line: str) -> bool:
    """A line that may be one name of a list: short, no sentence, no furniture; a table
    row whose name cell is such a name, or its header."""
    if is_table_row(line):
        entries = row_entries(line)
        return not entries or _name_line(entries[0].text)
    return (
        len(line.split()) <= MAX_NAME_WORDS
        and not re.search(r"[.!?:;,。：！？；]$", line)
        and not cues.is_footer(line)
        and not cues.is_heading(line)
        and not is_contact(line)
        and find_date(line) is None
    )


def _names(items: list[str]) -> bool:
    if any(item.endswith((";", ",", ":", ".", "。", "；")) and not _short(item) for item in items):
        return False
    if any(len(item.split()) > 15 or len(split_outside_parens(item, ",")) > 3 for item in items):
        return False
    return sum(name_shaped(i) or has_cjk(i) for i in items) >= TITLE_CASE_SHARE * len(items)


def _short(item: str) -> bool:
    return len(item.split()) <= 3 and title_case(item.rstrip("."))


def prose_signers(paragraphs: Sequence[str]) -> list[Raw]:
    """An organisation the prose says has signed ("the X Foundation (XF) has decided to
    also sign the open letter"): the one signatory of a letter reposted by a signer."""
    for number, paragraph in enumerate(paragraphs, 1):
        match = _SIGNS.search(paragraph)
        if match and organisation_like(match["name"]) and not is_place(match["name"]):
            return [Raw(Entry(match["name"].strip()), number, None)]
    return []


def translation_pairs(raws: list[Raw]) -> list[Raw]:
    """A list that gives each name twice, a line in one script and its translation in the
    next paragraph, keeps the first of each pair."""
    pairs = [
        i
        for i in range(1, len(raws))
        if raws[i].paragraph != raws[i - 1].paragraph
        and _script(raws[i].entry.text) != _script(raws[i - 1].entry.text)
        and _script(raws[i].entry.text) == "cjk"
        and not raws[i].listed
    ]
    # Each name and its translation: nearly every other entry is one, over enough pairs
    # that a mixed list of a few names in two scripts does not read as one.
    if len(pairs) < MIN_PAIRS or len(pairs) < PAIRED_SHARE * len(raws) / 2:
        return raws
    dropped = set(pairs)
    return [r for i, r in enumerate(raws) if i not in dropped]


def _script(text: str) -> str:
    latin = any(c.isascii() and c.isalpha() for c in text)
    return "latin" if latin else ("cjk" if has_cjk(text) else "other")
