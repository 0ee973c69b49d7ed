"""A paragraph prepared for attribution: quotations masked, sentences found.

All matching runs on a masked copy of the paragraph in which every quotation is replaced by
underscores, so words inside a quotation ("This UN report is…") never count as a cue, and
the offsets of the masked copy are those of the paragraph. What stands between commas right
before a reporting verb ("The report, which was released late, states"; "Jane Doe, a
lawyer, said"), and asides in parentheses or between paired dashes, are masked too
(blanked: offsets stay), so the verb finds its subject.
"""

import bisect
import re
from collections.abc import Sequence

from uyghur_docs.extract.speech_cues import VERBS

_BOUNDARY = re.compile(r"[.!?][\"”’)]*\s+(?=[A-Z_\"“‘'«(])|\n(?=\s*(?:[-*•]|\d+[.)])\s)")
_ABBREVIATION = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|No|Prof|U\.S|e\.g|i\.e))$")
_RELATIVE = re.compile(rf",\s*[^,.;:_]{{1,200}},(?=\s+(?i:{VERBS})\b)")
_NAME_ONLY = re.compile(r",\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*\s*,$")
# Asides that stand between a speaker and its verb or quotation: (parentheses) and
# paired dashes ("finding that violations – including A and B – “…”").
_ASIDE = re.compile(
    r"\([^()_]{1,200}\)|(?<=\s)[\u2013\u2014]\s[^\u2013\u2014_.;:]{1,200}\s[\u2013\u2014](?=\s)"
)
# Lines this long are not hard-wrapped prose: each line break there ends a sentence
# (headlines, bylines and bullet points typed one per line).
LONG_LINE = 120


def mask(paragraph: str, spans: Sequence) -> str:
    """The paragraph with every top-level quotation replaced by underscores.

    A quotation that ends its own sentence keeps its final stop so sentences still split.
    """
    chars = list(paragraph)
    for span in spans:
        if span.depth == 0:
            ends_sentence = paragraph[span.start : span.end].rstrip("\"'”’»›")[-1:] in ".!?"
            chars[span.start : span.end] = "_" * (span.end - span.start - 1) + (
                "." if ends_sentence else "_"
            )
    masked = _ASIDE.sub(lambda m: " " * len(m.group()), "".join(chars))
    return _RELATIVE.sub(_blank_unless_a_name, masked)


def _blank_unless_a_name(match: re.Match) -> str:
    """An aside blanked, unless it names the speaker ("The UN's top official, Volker Türk,
    said"): then it is the subject the verb wants."""
    return match.group() if _NAME_ONLY.match(match.group()) else " " * len(match.group())


def sentence_starts(masked: str) -> list[int]:
    """Offsets where sentences begin; initials and abbreviations do not end a sentence."""
    starts = {0}
    for match in _BOUNDARY.finditer(masked):
        stop = match.start()
        if match.group().startswith(".") and _ABBREVIATION.search(masked, max(0, stop - 6), stop):
            continue
        starts.add(match.end())
    if max(map(len, masked.split("\n"))) > LONG_LINE:
        starts.update(m.end() for m in re.finditer(r"\n", masked))
    return sorted(starts)


class Sentences:
    """The sentences of a masked paragraph, found once and searched by position."""

    def __init__(self, masked: str):
        self.masked = masked
        self.starts = sentence_starts(masked)

    def around(self, position: int) -> tuple[int, int]:
        """Start and end of the sentence around position."""
        index = bisect.bisect_right(self.starts, position)
        end = self.starts[index] if index < len(self.starts) else len(self.masked)
        return self.starts[index - 1], end

    def last_start(self) -> int:
        """Where the paragraph's last sentence begins (trailing blanks ignored)."""
        text_end = len(self.masked.rstrip())
        return self.around(max(0, text_end - 1))[0]
