"""Signatories without a heading: a list of names that ends the text, the organisation
the prose says signs, and the translation lines of a bilingual list."""

import re
from collections.abc import Sequence

from uyghur_docs.extract import signature_cues as cues
from uyghur_docs.extract.blocks import Block, Raw
from uyghur_docs.extract.entries import MARKER, Entry, strip_marker
from uyghur_docs.extract.issuers import is_contact
from uyghur_docs.extract.kinds import has_cjk, organisation_like
from uyghur_docs.extract.vocabulary import is_place
from uyghur_docs.text.names import split_outside_parens, title_case

MIN_LIST = 3
MAX_NAME_WORDS = 8
TITLE_CASE_SHARE = 0.8
PAIRED_SHARE = 0.6
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
        if len(items) >= MIN_LIST and not before.rstrip().endswith((":", "：")) and _names(items):
            block = Block()
            for i in run:
                block.add(*lines[i])
            return block.raws
    return []


def closing_lines(lines: list[tuple[int, str]]) -> list[Raw]:
    """A run of one-name paragraphs that ends the text (site furniture aside), when most
    of them are shaped like organisations and nothing introduces them as another list."""
    end = len(lines)
    while end and (cues.is_footer(lines[end - 1][1]) or is_contact(lines[end - 1][1])):
        end -= 1
    start = end
    while start and _alone(lines, start - 1) and not cues.is_heading(lines[start - 1][1]):
        start -= 1
    run = [line for _, line in lines[start:end]]
    before = lines[start - 1][1] if start else ""
    if len(run) < MIN_LIST or before.rstrip().endswith((":", "：")) or not _names(run):
        return []
    if sum(map(organisation_like, run)) < TITLE_CASE_SHARE * len(run):
        return []
    block = Block()
    for paragraph, line in lines[start:end]:
        block.add(paragraph, line)
    return block.raws


def _alone(lines: list[tuple[int, str]], index: int) -> bool:
    """Whether a line is its paragraph's only line, short and no sentence."""
    paragraph, line = lines[index]
    neighbours = [i for i in (index - 1, index + 1) if 0 <= i < len(lines)]
    return (
        all(lines[i][0] != paragraph for i in neighbours)
        and len(line.split()) <= MAX_NAME_WORDS
        and not re.search(r"[.!?:;,。：]$", line)
    )


def _names(items: list[str]) -> bool:
    if any(item.endswith((";", ",", ":", ".", "。", "；")) and not _short(item) for item in items):
        return False
    if any(len(item.split()) > 15 or len(split_outside_parens(item, ",")) > 3 for item in items):
        return False
    return sum(title_case(i) or has_cjk(i) for i in items) >= TITLE_CASE_SHARE * len(items)


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
    ]
    if len(raws) < 4 or len(pairs) < PAIRED_SHARE * len(raws) / 2:
        return raws
    dropped = set(pairs)
    return [r for i, r in enumerate(raws) if i not in dropped]


def _script(text: str) -> str:
    latin = any(c.isascii() and c.isalpha() for c in text)
    return "latin" if latin else ("cjk" if has_cjk(text) else "other")
