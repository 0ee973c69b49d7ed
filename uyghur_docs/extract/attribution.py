"""Who a quotation quotes, decided from the words around it in its sentence and paragraph.

All matching runs on a masked copy of the paragraph in which every quotation is replaced by
underscores, so words inside a quotation ("This UN report is…") never count as a cue, and
the offsets of the masked copy are those of the paragraph. Each look-around is capped at a
few hundred characters, which keeps attribution linear in the length of the paragraph.
"""

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from uyghur_docs.text.dates import MONTHS
from uyghur_docs.text.normalise import one_line

REPORT_PUBLISHED = (2022, 8, 31)
LABELS = {
    "report": "OHCHR report",
    "office": "OHCHR, not the report",
    "government": "Chinese government",
    "term": "scare quote or term",
    "unknown": "unknown",
}
_WINDOW = 600

_REPORT = (
    r"(?:(?:the|this|that|its|un|ohchr|assessment|landmark|high\s+commissioner['’]s"
    r"|office['’]s)\s+)*(?:report|assessment)|(?:the\s+|your\s+|her\s+|his\s+)?office|ohchr"
)
_OFFICE = (
    r"(?:the\s+)?(?:ohchr\s+|un\s+)?spokesperson|(?:the\s+)?(?:un\s+)?high\s+commissioner"
    r"(?!['’]s\s+report)|bachelet|t[üu]rk"
)
_GOVERNMENT = (
    r"(?:the\s+)?chinese\s+(?:government|officials|authorities|state|foreign\s+ministry)"
    r"|beijing|china|(?:the\s+)?government|officials"
)
_OTHER = (
    r"(?:\d+\s+)?(?:un\s+)?(?:experts?|special\s+procedures|special\s+rapporteurs?"
    r"|secretary-general|treaty\s+bodies)|members|(?:the\s+)?committee|ilo|cerd|governments"
)
_WHO = (
    rf"(?i:(?P<report>{_REPORT})|(?P<office>{_OFFICE})|(?P<government>{_GOVERNMENT})"
    rf"|(?P<other>{_OTHER})|(?P<pronoun>it|they))"
)
_SAY = r"said|says|stated|added|wrote|writes|declared|told\s+\w+"
_VERBS = (
    rf"(?:is|are|was|were)\s+calling|{_SAY}|states|noted|notes|note|found|finds|find"
    r"|concluded|concludes|conclude|recommends|recommended|recommend|affirms|affirmed"
    r"|confirmed|confirms|called|calls|call|described|describes|dismissed|dismisses"
    r"|registered|recalled|recalls|reiterated|reiterates|summari[sz]es|summari[sz]ed|warned"
    r"|warns|adds|determined|urged|urges|declares|observed|observes|highlighted|highlights"
    r"|acknowledged|acknowledges|announced|announces|expressed|expresses|branded|labell?ed"
)
# Words that end the noun phrase: a verb after them belongs to another clause.
_STOP = r"but|and|or|since|while|which|where|that|who|by|to|for|of|in|on|at|with|from|as|if"
_GAP = rf"(?:\W+(?!(?i:{_STOP})\b)\w[\w'’-]*){{0,3}}?"
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:(?:of|for|the|at|de|van|von|al)\s+)*[A-Z][\w'’.-]*)*"

_TIGHT = re.compile(rf"\b{_WHO}\b{_GAP}\W+(?i:{_VERBS})\b")
_AUX = re.compile(rf"\b{_WHO}\s+(?:was|is|were|are|has\s+been|had\s+been)\W*$")
_ACCORDING = re.compile(rf"(?i:according\s+to)\s+(?:{_WHO}\b|(?P<name>{_NAME}))[\s,:]*$")
_SAID_BEFORE = re.compile(rf"(?P<name>{_NAME}),?\s+(?:{_SAY})(?:\s+that)?[\s,:]*$")
_SAID_AFTER = re.compile(
    rf"^[\s,;:\u2014\u2013-]*(?:(?:{_SAY})\s+(?P<after>(?i:the)\s+[\w-]+(?:\s+[\w-]+)?|{_NAME})"
    rf"|(?P<before>{_NAME}|(?i:the)\s+[\w-]+)\s+(?:{_SAY})\b)"
)
_SAY_END = re.compile(rf"(?:{_SAY})(?:\s+that)?[\s,:]*$")
_AUX_END = re.compile(r"\b(?:was|is|were|are|been)\W*$")
_POSSESSIVE = re.compile(rf"(?P<name>{_NAME})['’]s?\s*$")
_TITLE = re.compile(
    r".*\b(?:President|Director|Chair|Chairman|Chairperson|Secretary-General|Spokesperson"
    r"|Commissioner|Minister|Ambassador|Rapporteur)\s+(?=[A-Z])"
)
_SCARE = re.compile(r"(?i:so-called|dubbed|termed|known\s+as|the\s+(?:word|term|phrase))\W*$")
_ANY_WHO = re.compile(rf"\b{_WHO}\b")
_ANY_VERB = re.compile(rf"\b(?i:{_VERBS})\b")
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE = re.compile(rf"\b(?:(?P<month>{_MONTH})\.?\s+)?(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)
_BOUNDARY = re.compile(r"[.!?][\"”’)]*\s+(?=[A-Z_\"“‘'«(])|\n(?=\s*(?:[-*•]|\d+[.)])\s)")
_ABBREVIATION = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|No|Prof|U\.S|e\.g|i\.e))$")


@dataclass(frozen=True)
class Attribution:
    """Who is quoted (`kind`, a `speaker` label for people) and the `cue` words that say so."""

    kind: str
    speaker: str
    cue: str


def attribute(paragraph: str, spans: Sequence, date: str | None = None) -> list[Attribution]:
    """The attribution of each span (anything with start, end, depth) of one paragraph."""
    context = _Context(_mask(paragraph, spans))
    result: list[Attribution] = []
    previous: Attribution | None = None
    for span in spans:
        if span.depth:
            result.append(Attribution("term", LABELS["term"], "inside a longer quotation"))
            continue
        words = len(paragraph[span.start : span.end].split())
        who = _date_rule(context.decide(span, words, previous), context, span.start, date)
        result.append(who)
        previous = who
    return result


def _mask(paragraph: str, spans: Sequence) -> str:
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
    return "".join(chars)


def _sentence_starts(masked: str) -> list[int]:
    """Offsets where sentences begin; initials and abbreviations do not end a sentence."""
    starts = [0]
    for match in _BOUNDARY.finditer(masked):
        stop = match.start()
        if match.group().startswith(".") and _ABBREVIATION.search(masked, max(0, stop - 6), stop):
            continue
        starts.append(match.end())
    return starts


class _Matches:
    """Non-overlapping matches in text order, searchable by position."""

    def __init__(self, matches):
        self.matches = list(matches)
        self.ends = [m.end() for m in self.matches]

    def within(self, low: int, high: int) -> list[re.Match]:
        """The matches lying wholly within text[low:high]."""
        found = self.matches[
            bisect.bisect_left(self.ends, low) : bisect.bisect_right(self.ends, high)
        ]
        return [m for m in found if m.start() >= low]


class _Context:
    """One masked paragraph with its sentences and cue words found once, so that each
    quotation costs a few bisections rather than a scan of the text around it."""

    def __init__(self, masked: str):
        self.masked = masked
        self.starts = _sentence_starts(masked)

    # Each kind of cue is found when first asked for: most quotations are settled by the
    # words right next to them, and these scans are most of the cost of attribution.
    @cached_property
    def tight(self) -> _Matches:
        return _Matches(_TIGHT.finditer(self.masked))

    @cached_property
    def whos(self) -> _Matches:
        return _Matches(m for m in _ANY_WHO.finditer(self.masked) if not m.group("pronoun"))

    @cached_property
    def verbs(self) -> _Matches:
        return _Matches(_ANY_VERB.finditer(self.masked))

    @cached_property
    def dates(self) -> _Matches:
        return _Matches(_DATE.finditer(self.masked))

    def sentence(self, position: int) -> tuple[int, int]:
        """Start and end of the sentence around position."""
        index = bisect.bisect_right(self.starts, position)
        end = self.starts[index] if index < len(self.starts) else len(self.masked)
        return self.starts[index - 1], end

    def left_start(self, position: int) -> int:
        return max(self.sentence(position)[0], position - _WINDOW)

    def decide(self, span, words: int, previous: Attribution | None) -> Attribution:
        """Apply the cues in order of how directly they attach to the quotation."""
        low = self.left_start(span.start)
        tail = self.masked[max(low, span.start - 150) : span.start]
        right = self.masked[span.end : min(self.sentence(span.start)[1], span.end + 300)]
        found = _said_after(right) or _adjacent(tail)
        if found:
            return found
        scare = _SCARE.search(tail[-30:])
        if scare:
            return Attribution("term", LABELS["term"], one_line(scare.group()))
        cue = self.nearest_cue(low, span.start) or self.subject(low, span.start)
        gap = len(self.masked[cue[1] : span.start].split()) if cue else 0
        if cue and (words > 1 or gap <= 1):
            return cue[0]
        if previous and previous.kind not in ("term", "unknown") and words > 1 and not cue:
            return previous  # continues the paragraph's quotation of the same source
        kind = "term" if words <= 3 else "unknown"
        return Attribution(kind, LABELS[kind], "")

    def nearest_cue(self, low: int, high: int):
        """The speaker-and-verb cue closest before masked[high], and where it ends."""
        cues = self.tight.within(low, high)
        if not cues:
            return None
        best = cues[-1]
        text = one_line(best.group())
        if not best.group("pronoun"):
            return _from_lexicon(best, text), best.end()
        referent = self.referent(low, best.start())
        if not referent:
            return None
        return _from_lexicon(referent, f"{text} ({one_line(referent.group())})"), best.end()

    def referent(self, low: int, pronoun: int):
        """What `it`/`they` stands for: a speaker earlier in the sentence, else the subject
        of the sentence before."""
        earlier = self.whos.within(low, pronoun)
        if earlier or low == 0:
            return earlier[0] if earlier else None
        previous = self.sentence(low - 1)[0]
        opening = self.whos.within(previous, min(low, previous + 100))
        return opening[0] if opening else None

    def subject(self, low: int, high: int):
        """A speaker opening the sentence and a speech verb after it, before the quotation."""
        subjects = self.whos.within(low, min(high, low + 100))
        if not subjects:
            return None
        verbs = self.verbs.within(subjects[0].end(), high)
        if not verbs:
            return None
        cue = f"{one_line(subjects[0].group())} … {verbs[-1].group()}"
        return _from_lexicon(subjects[0], cue), verbs[-1].end()


def _said_after(right: str) -> Attribution | None:
    """`“…,” said NAME` or `“…,” NAME said`."""
    match = _SAID_AFTER.search(right)
    if not match:
        return None
    who = (match.group("after") or match.group("before")).rstrip(".")
    cue = one_line(match.group().strip(" ,;:.\u2014\u2013-"))
    lexicon = _ANY_WHO.fullmatch(who)
    if lexicon and not lexicon.group("pronoun"):
        return _from_lexicon(lexicon, cue)
    return _person(who, cue) if who[0].isupper() else None


def _adjacent(left: str) -> Attribution | None:
    """A speaker named right before the quotation: `NAME said:`, `according to X,`, `X's`."""
    # End-anchored searches retry at every offset, so each runs only if its last words occur.
    end = left[-60:].casefold()
    for guard, pattern in (
        (_SAY_END.search(end), _SAID_BEFORE),
        ("according" in end, _ACCORDING),
        (_AUX_END.search(end), _AUX),
        (end.rstrip()[-1:] in ("'", "’") or end.rstrip()[-2:] in ("'s", "’s"), _POSSESSIVE),
    ):
        match = guard and pattern.search(left)
        if match:
            cue = one_line(match.group().strip(" ,:"))
            name = match.groupdict().get("name")
            if name and not _ANY_WHO.fullmatch(name):
                return _person(name, cue)
            who = _ANY_WHO.search(match.group())
            if who and not who.group("pronoun"):
                return _from_lexicon(who, cue)
    return None


def _from_lexicon(match: re.Match, cue: str) -> Attribution:
    kind = next(k for k in ("report", "office", "government", "other") if match.group(k))
    return Attribution(kind, LABELS.get(kind) or one_line(match.group(kind)), cue)


def _person(name: str, cue: str) -> Attribution:
    """A person by name: a title before the name ("… Executive Director Rushan Abbas") stays
    in the cue only."""
    name = name.rstrip(".").strip()
    return Attribution("person", _TITLE.sub("", name, count=1) or name, cue)


def _date_rule(who: Attribution, context: _Context, position: int, date: str | None):
    """A quotation dated, or said, before 31 August 2022 cannot come from the report."""
    if who.kind != "report":
        return who
    if date and _before_report(date.split("-")):
        return Attribution(
            "office", LABELS["office"], f"{who.cue}; dated {date}, before the report"
        )
    # The last date before the quotation dates the cue ("In 2021 … and in 2022 the report …").
    dates = context.dates.within(context.left_start(position), position)
    if dates:
        month = MONTHS[dates[-1].group("month").lower()] if dates[-1].group("month") else None
        if _before_report([dates[-1].group("year"), month]):
            said = one_line(dates[-1].group())
            return Attribution(
                "office", LABELS["office"], f"{who.cue}; said in {said}, before the report"
            )
    return who


def _before_report(parts: Sequence) -> bool:
    """Whether a (year, month?, day?) date is certainly earlier than the report."""
    known = [int(p) for p in parts if p is not None][:3]
    return tuple(known) < REPORT_PUBLISHED[: len(known)]
