"""How a quotation stands against the report's text: the paragraph it comes from and how
faithfully it reproduces it.

- `verbatim`: the same words in the same order. Case, quote style, spacing, hyphens, the
  punctuation the quoting sentence adds at either end, and what PDF extraction does to
  words (split or joined at line ends) are not differences.
- `verbatim-with-elision`: the same words except where the quotation itself marks a
  change, with an ellipsis ("…", "[…]") for words left out or a bracketed insertion
  ("[Uyghurs and other Turkic peoples]") for words replaced. Quoting conventions are not
  alterations, but `diff` still shows what each mark stands for.
- `altered`: some other word added, dropped or changed (a British or American spelling
  too); `diff` shows where, as `[-report words-]{+quotation words+}`.
- `not found`: no paragraph shares enough of the quotation's words.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from uyghur_docs.extract.report import Report, ReportParagraph
from uyghur_docs.text.normalise import fold

# Quote marks are not tokens at all: quote style is never a difference.
_TOKEN = re.compile(r"\[[^\[\]\n]*\]|\.\.\.|…|\w+(?:['’-]\w+)*|[^\w\s\"'“”‘’«»„‚‹›]")
_EDGE_PUNCTUATION = set(".,;:!?")
_NO_SPACE_BEFORE = set(".,;:!?)]’”'\"/")


@dataclass(frozen=True)
class _Token:
    text: str
    start: int
    end: int


def _tokens(text: str) -> list[_Token]:
    return [_Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _key(token: str) -> str:
    """A token as compared: folded, hyphens ignored (a PDF keeps or drops them at line ends)."""
    return fold(token).replace("-", "")


def _is_mark(token: str) -> bool:
    """An ellipsis or a bracketed insertion: the quoter's own sign of a change."""
    return token in ("...", "…") or (token.startswith("[") and token.endswith("]"))


def _trimmed(quote: str) -> list[str]:
    """The quotation's tokens without the punctuation its host sentence put at either end."""
    tokens = [t.text for t in _tokens(quote)]
    while tokens and tokens[-1] in _EDGE_PUNCTUATION:
        tokens.pop()
    while tokens and tokens[0] in _EDGE_PUNCTUATION:
        tokens.pop(0)
    return tokens


@lru_cache(maxsize=256)
def _paragraph_tokens(text: str) -> tuple[list[_Token], list[str]]:
    """A report paragraph's tokens and their keys, found once per paragraph."""
    tokens = _tokens(text)
    return tokens, [_key(t.text) for t in tokens]


def _repaired(text: str, quote: list[str]) -> tuple[list[_Token], list[str]]:
    """The report's tokens (and keys) with the words a PDF split (`rel igious`, `far-
    reaching`) joined again wherever the quotation has the whole word."""
    tokens, keys = _paragraph_tokens(text)
    wanted = {_key(t) for t in quote}
    out: list[_Token] = []
    out_keys: list[str] = []
    i = 0
    while i < len(tokens):
        for size in (3, 2):
            whole = "".join(keys[i : i + size])
            if i + size <= len(tokens) and keys[i] not in wanted and whole in wanted:
                run = tokens[i : i + size]
                out.append(_Token("".join(t.text for t in run), run[0].start, run[-1].end))
                out_keys.append(whole)
                i += size
                break
        else:
            out.append(tokens[i])
            out_keys.append(keys[i])
            i += 1
    return out, out_keys


def _alignment(paragraph: ReportParagraph, quote: list[str]):
    """The report tokens a quotation aligns with in one paragraph (None: too few shared)."""
    tokens, keys = _repaired(paragraph.text, quote)
    matcher = SequenceMatcher(None, keys, [_key(t) for t in quote])
    matcher.autojunk = False
    minimum = 1 if len(quote) <= 3 else 2  # lone shared words like "the" are not evidence
    every = [b for b in matcher.get_matching_blocks() if b.size]
    kept = [i for i, b in enumerate(every) if b.size >= minimum]
    if not kept:
        return None
    first, last = kept[0], kept[-1]
    # A lone word past the evidence belongs to the quotation if the words between line up,
    # or if the quotation marks an elision there ("sexual […] violence").
    while first > 0 and _lines_up(every[first - 1], every[first], quote):
        first -= 1
    while last < len(every) - 1 and _lines_up(every[last], every[last + 1], quote):
        last += 1
    head, tail = every[first], every[last]
    # Stretch the span over unmatched words at the quotation's ends, so they show as changes.
    start = max(0, head.a - head.b)
    end = min(len(tokens), tail.a + tail.size + len(quote) - (tail.b + tail.size))
    return tokens[start:end]


def _lines_up(before, after, quote: list[str]) -> bool:
    """Whether two matched runs belong to one quotation: the words between them are as
    many in the report as in the quotation, give or take a few changed ones ("may [-
    constitute international crimes, in particular-]{+have committed+} crimes"), or the
    quotation marks a cut there."""
    between = quote[before.b + before.size : after.b]
    report_gap = after.a - (before.a + before.size)
    return abs(report_gap - len(between)) <= SLACK or any(map(_is_mark, between))


@dataclass(frozen=True)
class Check:
    """A quotation against the report: its status, the report's ¶ and words, the diff."""

    status: str
    paragraph: int | None = None
    report_text: str | None = None
    diff: str | None = None
    share: float = 0.0
    own: bool = True


NOT_FOUND = Check("not found")
# Report words more than the quotation has between two runs it shares with the report, still
# read as one changed quotation.
SLACK = 4


def check(quote: str, report: Report, context: str = "") -> Check:
    """Check one quotation (as written, marks allowed) against the report; `context`, the
    words around it, helps pick the paragraph it quotes."""
    tokens = _trimmed(quote)
    found = report.locate(" ".join(tokens), context)
    if not found:
        return NOT_FOUND
    paragraph = report.paragraph(found.paragraph)
    span = _alignment(paragraph, tokens)
    if not span:
        return NOT_FOUND
    report_words = paragraph.text[span[0].start : span[-1].end]
    old = [t.text for t in span]
    opcodes = SequenceMatcher(
        None, [_key(t) for t in old], [_key(t) for t in tokens], autojunk=False
    ).get_opcodes()
    changes = [(tag, old[i1:i2], tokens[j1:j2]) for tag, i1, i2, j1, j2 in opcodes]
    longest = max((len(new) for tag, _, new in changes if tag == "equal"), default=0)
    if longest < min(2, len(tokens)):
        return NOT_FOUND  # words found only one by one, apart: not a changed quotation
    if all(tag == "equal" or _same_letters(old, new) for tag, old, new in changes):
        return Check("verbatim", paragraph.number, report_words, None, found.share, found.own)
    marked = all(
        tag == "equal" or (new and all(map(_is_mark, new))) or _same_letters(old, new)
        for tag, old, new in changes
    )
    status = "verbatim-with-elision" if marked else "altered"
    return Check(status, paragraph.number, report_words, _render(changes), found.share, found.own)


def _same_letters(old: list[str], new: list[str]) -> bool:
    """Whether two runs differ only in what PDF extraction does to words (`rel igious`)."""
    return bool(old and new) and _plain(old) == _plain(new)


def _plain(tokens: list[str]) -> str:
    return "".join(fold(t) for t in tokens if not _is_mark(t)).replace("-", "")


def _render(changes) -> str:
    """Opcodes as text: equal runs as they are, `[-report-]{+quotation+}` elsewhere."""
    parts = []
    for tag, old, new in changes:
        if tag == "equal":
            parts.append(_join(new))
            continue
        parts.append((f"[-{_join(old)}-]" if old else "") + (f"{{+{_join(new)}+}}" if new else ""))
    return " ".join(p for p in parts if p)


def _join(tokens: Iterable[str]) -> str:
    out = ""
    for token in tokens:
        out += token if not out or token in _NO_SPACE_BEFORE or out[-1] in "([‘“/" else " " + token
    return out
