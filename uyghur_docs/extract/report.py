"""The OHCHR report's own text: its numbered paragraphs, and where a quotation stands in them.

The report is read from a PDF, web page, Word file or text with the corpus readers, then cut
into the paragraphs it numbers itself ("1.", "2." … or "para 12"); footnotes, headings, page
numbers and running headers between them are left out. Text extracted from a PDF has
artefacts: words split or joined at line ends (`rel igious`, `increas ing`), spaced hyphens
(`anti -terrorism`), footnote numbers glued to words (`1949.17`). Matching therefore runs on
a *stream* of each paragraph: folded, with footnote numbers, spaces, hyphens and quote marks
removed, so that only the letters and the punctuation a quoter could change remain.
"""

import json
import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from itertools import pairwise
from pathlib import Path

from uyghur_docs.errors import UdocsError
from uyghur_docs.text.normalise import fold, one_line, split_paragraphs

# The report's text as shipped, built from the official PDF by scripts/build_report.py.
SHIPPED = Path(__file__).with_name("ohchr-assessment-2022-08-31.json")
# BM25's usual constants, for choosing among paragraphs that hold a quotation alike.
BM25_K1, BM25_B = 1.2, 0.75
# The quotation's own words weigh more than the words around it, which only hint.
QUOTED_WEIGHT = 2.0
# Share of a quotation's words and pairs of words that must stand in one paragraph to call
# a quotation that is not there word for word a changed quotation of that paragraph.
MIN_SHARED = 0.5
_NUMBERED = re.compile(
    r"^\s*(?:(?:para(?:graph)?\.?|¶)\s*(\d{1,3})[.:)]?|(\d{1,3})\.)\s+(\S.*)$", re.I
)
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?\s*$", re.I)
_FOOTNOTE = re.compile(r"^\s*\d{1,3}\s+\S")
_HEADING = re.compile(r"^\s*(?:[IVXLC]+|[A-H])\.\s+\S")
# Footnote numbers glued to a word (`practice17`) or to the punctuation after one (`law,3`,
# `“XUAR”.2`): found as digit runs, then judged by what precedes them (`_glued`), which is
# much faster than testing every position of the text.
_DIGITS = re.compile(r"\d{1,3}\b")
_NOTE_AFTER = frozenset('.,;:”"’)')
_DROPPED = re.compile(r"[^\w,;:.!?()']|_")
_DROPPED_KEEPING_SPACES = re.compile(r"[^\w\s,;:.!?()']|_")
# British spellings (-ise, -isation, -our) read as American ones: a quoter may change them.
_SPELLING = re.compile(r"\b([a-z]{3,}?)(?:is(e[sd]?|ing|ations?)|(our))\b")
# The quoter's own marks: an ellipsis for words left out, brackets for words replaced.
MARK = re.compile(r"\[[^\[\]\n]*\]|\(\s*(?:\.\s*){3}\)|(?:\.\s*){3,}|…")


class ReportTextError(UdocsError):
    """The supplied report text cannot be used for verification."""


@dataclass(frozen=True)
class ReportParagraph:
    """One numbered paragraph of the report."""

    number: int
    text: str

    @cached_property
    def stream(self) -> str:
        return stream(self.text)

    @cached_property
    def own_stream(self) -> str:
        """The stream of the report's own words: what it quotes from others (a regulation,
        an official, a witness: three words or more in quote marks) is cut out."""
        from uyghur_docs.extract.quotes import find_quotations

        text = self.text
        for span in reversed(find_quotations(text)):
            if span.depth == 0 and len(text[span.text_start : span.text_end].split()) >= 3:
                text = text[: span.start] + " | " + text[span.end :]
        return stream(text)

    @cached_property
    def tokens(self) -> list[str]:
        return _words(self.text)

    @cached_property
    def counts(self) -> Counter:
        return Counter(self.tokens)

    @cached_property
    def words(self) -> frozenset[str]:
        return frozenset(self.tokens)


@dataclass(frozen=True)
class Found:
    """Where a quotation stands in the report: ¶ number, share of its letters found there,
    whether every stretch between its own marks is there word for word, in order, and
    whether it is in the report's own words (`own`), not in words the report quotes."""

    paragraph: int
    share: float
    exact: bool
    own: bool = True


def stream(text: str) -> str:
    """Text reduced to what a quotation must reproduce: folded letters, digits and
    punctuation, with no spaces, hyphens, quote marks or glued footnote numbers; British
    and American spellings read alike.

    >>> stream("far- reaching rel igious practice,17 in “XUAR” sterilisations")
    'farreachingreligiouspractice,inxuarsterilizations'
    """
    return _DROPPED.sub("", _normal(text))


def _american(match: re.Match) -> str:
    stem, ending, our = match.groups()
    if our and stem.endswith("y"):
        return match.group()  # "your"
    return stem + ("or" if our else "iz" + ending)


def strip_notes(text: str) -> str:
    """Text without the footnote numbers glued to it.

    >>> strip_notes("practice17 in “XUAR”.2 and law,3 of 2017, 12 cases")
    'practice in “XUAR”. and law, of 2017, 12 cases'
    """
    return _DIGITS.sub(lambda m: "" if _glued(text, m.start(), m.end()) else m.group(), text)


def _glued(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 2) : start]
    if before[-1:].isalpha():
        return True
    if not (end == len(text) or text[end].isspace()) or len(before) < 2:
        return False
    first, last = before
    return last in _NOTE_AFTER and (first.isalpha() or (first in '”"’)' and last in ".,;:"))


def stretches(quote: str) -> list[str]:
    """The streams of a quotation's stretches between its own marks (ellipses, brackets)."""
    return [s for s in (stream(part) for part in MARK.split(quote)) if s.strip(",;:.!?")]


class Report:
    """The report's numbered paragraphs, searchable for quotations."""

    def __init__(self, paragraphs: tuple[ReportParagraph, ...]):
        self.paragraphs = paragraphs

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        return frozenset(w for p in self.paragraphs for w in p.words)

    @cached_property
    def _weights(self) -> dict[str, float]:
        """Each word's weight as evidence of a paragraph: rarer words weigh more."""
        counts = Counter(w for p in self.paragraphs for w in p.words)
        return {w: math.log(1 + len(self.paragraphs) / n) for w, n in counts.items()}

    @cached_property
    def _mean_length(self) -> float:
        return sum(len(p.tokens) for p in self.paragraphs) / max(1, len(self.paragraphs))

    def paragraph(self, number: int) -> ReportParagraph:
        return next(p for p in self.paragraphs if p.number == number)

    def locate(self, quote: str, context: str = "") -> Found | None:
        """The paragraph that best explains a quotation, or None if none holds enough of it.

        A paragraph holding every stretch of it, in order, beats one holding part of it; then
        one where they are the report's own words beats one where the report quotes them;
        then the one sharing most of the quoting sentence's other words (`context`: "may
        constitute … crimes against humanity" is the finding, not the paragraph listing the
        crimes); then the later one (a report's conclusions come last).
        """
        parts = [p.strip(",;:.!?") for p in stretches(quote)]
        if not parts:
            return None
        exact = [p for p in self.paragraphs if _in_order(p.stream, parts)]
        if exact:
            hints = self._hints(context, quote)
            best = max(exact, key=lambda p: (_in_order(p.own_stream, parts), hints(p), p.number))
            return Found(best.number, 1.0, True, _in_order(best.own_stream, parts))
        pieces = _pieces(quote)
        if not pieces:
            return None

        def shared(p: ReportParagraph) -> tuple:
            # The longest stretch of letters found decides between paragraphs sharing as much.
            found = [x for x in pieces if x in p.stream]
            return (len(found), sum(x in p.own_stream for x in found), sum(map(len, found)))

        scores = {p.number: shared(p) for p in self.paragraphs}
        top = max(scores.values())
        hints = self._hints(context, quote)
        tied = [p for p in self.paragraphs if scores[p.number] == top]
        best = max(tied, key=lambda p: (hints(p), p.number))
        share = sum(piece in best.stream for piece in pieces) / len(pieces)
        own = all(piece in best.own_stream for piece in pieces if piece in best.stream)
        return Found(best.number, share, False, own) if share >= MIN_SHARED else None

    def _hints(self, context: str, quote: str):
        """A scorer of paragraphs by how well they explain a quotation and the sentence
        around it: BM25 over the quotation's words and the sentence's other words, so that a
        paragraph where they weigh more (shorter, or saying them more often) wins. The words
        that name a speaker or report speech ("the High Commissioner's assessment found")
        say who is quoted, not what: they are left out."""
        about = {w for w in _words(context) if len(w) > 3 and w not in _cue_words()}
        query = {w: 1.0 for w in about} | {w: QUOTED_WEIGHT for w in _words(quote)}
        weights, mean = self._weights, self._mean_length

        def score(p: ReportParagraph) -> float:
            norm = BM25_K1 * (1 - BM25_B + BM25_B * len(p.tokens) / mean)
            total = 0.0
            for word in query.keys() & p.words:
                tf = p.counts[word]
                total += query[word] * weights[word] * tf * (BM25_K1 + 1) / (tf + norm)
            return total

        return score


@cache
def _cue_words() -> frozenset[str]:
    from uyghur_docs.extract.speech_cues import plain_words

    return frozenset(_words(" ".join(plain_words())))


def _words(text: str) -> list[str]:
    """The streams of a text's words (`stream` of each, in one pass over the text)."""
    whole = stream_words(MARK.sub(" ", text))
    return [w for w in (w.strip(",;:.!?()") for w in whole.split()) if w]


def stream_words(text: str) -> str:
    """`stream` with the spaces between words kept."""
    return _DROPPED_KEEPING_SPACES.sub("", _normal(text))


def _normal(text: str) -> str:
    """Folded, without glued footnote numbers or apostrophes, in American spelling."""
    return _SPELLING.sub(_american, fold(strip_notes(text)).replace("'", ""))


def _pieces(quote: str) -> list[str]:
    """What must stand in a paragraph for a changed quotation to come from it: its words'
    streams, and each pair of neighbouring words if it has more than three, so that common
    words found apart count for less than words found together."""
    words = _words(quote)
    if len(words) <= 3:
        return words
    return words + [a + b for a, b in pairwise(words)]


def _in_order(haystack: str, parts: list[str]) -> bool:
    position = 0
    for part in parts:
        found = haystack.find(part, position)
        if found < 0:
            return False
        position = found + len(part)
    return True


def number_blocks(blocks: list[str], source: str = "") -> Report:
    """The numbered paragraphs in a report's blocks of text; what comes before the first one,
    headings, and footnotes are left out, other blocks continue the paragraph before them
    (a paragraph running over a page break, a quoted list).

    >>> [(p.number, p.text) for p in number_blocks(
    ...     ["Title", "1. One", "still one", "II. Heading", "4 A footnote.", "para 2: Two"]
    ... ).paragraphs]
    [(1, 'One still one'), (2, 'Two')]
    """
    paragraphs: list[tuple[int, list[str]]] = []
    furniture = _furniture(blocks)
    for unit in _units(blocks, paragraphs):
        if unit.strip() in furniture or _PAGE_NUMBER.match(unit):
            continue
        numbered = _NUMBERED.match(unit)
        number = int(numbered[1] or numbered[2]) if numbered else None
        if number is not None and (not paragraphs or number > paragraphs[-1][0]):
            paragraphs.append((number, [numbered[3]]))
        elif paragraphs and not (_HEADING.match(unit) or _FOOTNOTE.match(unit)):
            paragraphs[-1][1].append(unit)
    if not paragraphs:
        raise ReportTextError(
            f"no numbered paragraphs in the report text{' of ' + source if source else ''};"
            " paragraphs must start with '1.', '2.' … or 'para 12'"
        )
    found = tuple(
        ReportParagraph(n, strip_notes(one_line(" ".join(lines)))) for n, lines in paragraphs
    )
    return Report(found)


def _furniture(blocks: list[str]) -> set[str]:
    """Running headers and footers: short lines that recur on three pages or more."""
    lines = Counter(line.strip() for block in blocks for line in block.split("\n"))
    return {line for line, count in lines.items() if count >= 3 and len(line) < 80}


def _units(blocks: list[str], paragraphs: list) -> Iterator[str]:
    """Each block's lines, regrouped so that a numbered line starts a unit of its own; a
    block that runs on into the next paragraph (`… humanity. 149. The Government`) is cut
    where that paragraph's number stands after a sentence."""
    for block in blocks:
        current: list[str] = []
        for line in block.split("\n"):
            if current and (_NUMBERED.match(line) or _HEADING.match(line)):
                yield from _cut_inline(" ".join(current), paragraphs)
                current = []
            current.append(line)
        yield from _cut_inline(" ".join(current), paragraphs)


def _cut_inline(unit: str, paragraphs: list) -> Iterator[str]:
    """The unit, cut before the next paragraph's number wherever it follows a sentence."""
    numbered = _NUMBERED.match(unit)
    if numbered:
        expected = int(numbered[1] or numbered[2]) + 1
    else:
        expected = paragraphs[-1][0] + 1 if paragraphs else 1
    while cut := _next_number(expected).search(unit):
        yield unit[: cut.start("number")].rstrip()
        unit = unit[cut.start("number") :]
        expected += 1
    yield unit


def _next_number(number: int) -> re.Pattern:
    """Paragraph `number` starting inside a block: after a sentence and perhaps its footnote
    number (`… questioning.227 100. Furthermore`), or after a heading (`C. Rights 104. …`,
    `Recommendations 151. …`)."""
    return re.compile(
        rf"(?:(?<=[.;:”\"’)])(?:\s?\d{{1,3}})?\s+|^(?:(?:[A-H]|[IVXLC]+)\.\s+)?[A-Z][^.;:]{{0,80}}?\s+)"
        rf"(?P<number>{number}\.\s+)(?=[A-Z“\"(])"
    )


def parse_report(text: str) -> Report:
    """The numbered paragraphs of a report given as plain text."""
    return number_blocks(split_paragraphs(text))


def load_report(path: Path) -> Report:
    """The report read from a PDF, HTML, DOCX, Markdown or text file."""
    from uyghur_docs.corpus.formats import read

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReportTextError(f"cannot read the report {path}: {exc.strerror}") from exc
    try:
        blocks = list(read(path, data).paragraphs)
    except UdocsError as exc:
        raise ReportTextError(f"cannot use {path} as the report: {exc}") from exc
    return number_blocks(blocks, str(path))


@cache
def shipped() -> Report:
    """The report's text that ships with udocs: read from JSON, no PDF parsing."""
    data = json.loads(SHIPPED.read_text(encoding="utf-8"))
    return Report(tuple(ReportParagraph(n, text) for n, text in data["paragraphs"]))


def remembered(corpus_dir: Path) -> Report:
    """The report remembered for a corpus (`corpus.report_file`), read once per process;
    the shipped one when none is."""
    from uyghur_docs.corpus.report_file import remembered_report

    path = remembered_report(corpus_dir)
    if path is None:
        return shipped()
    stat = path.stat()
    return _cached(str(path.resolve()), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=2)
def _cached(path: str, mtime_ns: int, size: int) -> Report:
    return load_report(Path(path))
