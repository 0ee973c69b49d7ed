"""Who a quotation quotes, decided from the words around it in its sentence and paragraph.

The speaker is the grammatical one where the text has it: `X said` or `“…,” said X` next to
the quotation, `according to X`, or the subject of the reporting verb governing it (`The
report, which…, states that “…”`). A run of quotations under one verb, a quotation that
continues the paragraph's quotation of the same source, and the first quotation of a
paragraph that continues the last one of the previous paragraph keep that speaker. Each
look-around is capped at a few hundred characters, which keeps attribution linear.
"""

import bisect
import re
from collections.abc import Sequence
from functools import cached_property

from uyghur_docs.extract import speech_cues as cues
from uyghur_docs.extract.sentences import Sentences, mask
from uyghur_docs.extract.speakers import (
    ANY_WHO,
    BEFORE_THE_REPORT,
    LABELS,
    NAME,
    Attribution,
    adjacent,
    from_lexicon,
    person,
    said_after,
)
from uyghur_docs.text.dates import MONTHS
from uyghur_docs.text.normalise import one_line

REPORT_PUBLISHED = (2022, 8, 31)
_WINDOW = 600
_WHO, _SAY, _VERBS = cues.WHO, cues.SAY, cues.VERBS
# Words that end the noun phrase: a verb after them belongs to another clause.
_CLAUSE_WORDS = ("but", "and", "or", "since", "while", "which", "where", "that", "who", "as", "if")
_STOP = "|".join(sorted({*_CLAUSE_WORDS, *cues.PREPOSITIONS}))
# Up to three words between a speaker and its verb, none across a comma (an aside).
_GAP = rf"(?:[^\w,;:]+(?!(?i:{_STOP})\b)\w[\w'’-]*){{0,3}}?"
# A participle after a comma ("…, stating that") has the clause's subject, not the last noun.
_TIGHT = re.compile(rf"\b{_WHO}\b(?!['’]s\b){_GAP}\W+(?!(?<=,\s)\w+ing\b)(?i:{_VERBS})\b")
_ACCORDING_HEAD = cues.lazily(rf"\b(?i:{cues.ACCORDING})\s+")
# A sentence closing on its speaker: what stands before the speaker, and after it.
_CLOSING_HEAD = cues.lazily(
    rf"[,;]\s*(?:(?:(?i:{cues.SAY_AFTER})\s+{cues.AFTER_PREFIX}|(?i:{cues.ACCORDING})\s+)"
    r"(?:[\w'’-]+\s+){0,3})?$"
)
# The report named as a document ("ihren Bericht", "the assessment"), not as the UN.
_DOCUMENT = cues.lazily(rf"\b(?i:{cues.REPORT_NOUNS})\b")
# Two capitalised words in a row: a person's name, whose words a quotation may be.
_TWO_NAMES = re.compile(r"\b[A-Z][\w'’-]+\s+[A-Z][\w'’-]+")
_CLOSING_TAIL = cues.lazily(rf"(?:\s+(?i:{_SAY}))?[\s.!?\"”»“]*$")
_IN_REPORT = cues.lazily(
    rf"\b(?i:{cues.IN_WORDS})\s+(?:(?i:{cues.DET_WORD}|{cues.POSSESSIVES})\s*)?"
    rf"(?:(?i:{cues.REPORT_WORDS})\s+)*(?i:{cues.REPORT_NOUNS})\b"
)
_BULLETS = " \t\n•▪●◦‣*-–—>0123456789.)"
_SCARE = re.compile(rf"(?i:{cues.SCARE})\W*$")
# "Minister Jane Doe called the report's findings “…”": a person named before the verb.
_NAMED_BEFORE = cues.lazily(rf"(?P<name>{NAME})\s+(?i:{cues.NAMING}|{_SAY})\s+(?:\w+\s+){{0,4}}$")
_COPULA = re.compile(r"^\s*(?:[\w'’-]+\s+){0,4}(?:was|is|were|are|as)\s+(?:a|an|the)?\s*$")
_NAMING = re.compile(rf"\b(?i:{cues.NAMING})$")
_VERB_END = cues.lazily(rf"\b(?i:{_VERBS})\s+(?:(?i:as|{cues.DET_WORD})\s*)*$")
# A cue ending so introduces its speaker's words ("the report's conclusion that").
_INTRODUCES = re.compile(r"\b(?:that|of|que|dass|che|dat)$|:$")
_ANY_VERB = re.compile(rf"\b(?=\w\w|a\s)(?i:{_VERBS})\b")
_CONNECTOR = re.compile(
    r"^[\s,;:…_.\u2014\u2013-]*(?:(?i:and|or|as\s+well\s+as|et|ou|und|oder|y|o|including"
    r"|such\s+as|in|to|of|de|des|du|or\s+even|and\s+of|and\s+that|and\s+the)\b)?[\s,;:]*$"
)
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE = re.compile(rf"\b(?:(?P<month>{_MONTH})\.?\s+)?(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)


def attribute(
    paragraph: str, spans: Sequence, date: str | None = None, carried: Attribution | None = None
) -> tuple[list[Attribution], Attribution | None]:
    """The attribution of each span (anything with start, end, depth) of one paragraph.

    `carried` is the speaker the previous paragraph ended on, if it ended on a quotation;
    the second value returned is the one this paragraph passes on in the same way.
    """
    context = _Context(mask(paragraph, spans), carried)
    result: list[Attribution] = []
    previous: tuple | None = None
    for span in spans:
        if span.depth:
            result.append(_nested(paragraph, span, spans, date))
            continue
        words = len(paragraph[span.start : span.end].split())
        who = _in_the_report(context.decide(span, words, previous), context, span.start)
        who = _date_rule(who, context, span.start, date)
        result.append(who)
        previous = (span, who)
    return result, _passed_on(context, previous)


def _nested(paragraph: str, span, spans: Sequence, date: str | None) -> Attribution:
    """A quotation inside another: attributed within the outer one's words if they name a
    speaker for it (`As the High Commissioner concluded, ‘…’`), else a term."""
    outer = max(
        (s for s in spans if s.start < span.start and s.end >= span.end), key=lambda s: s.start
    )
    inner = paragraph[outer.text_start : outer.text_end]
    shift = outer.text_start
    moved = [
        type(s)(
            s.start - shift,
            s.end - shift,
            s.depth - outer.depth - 1,
            s.text_start - shift,
            s.text_end - shift,
        )
        for s in spans
        if s.start >= outer.text_start and s.end <= outer.text_end and s.depth == outer.depth + 1
    ]
    found, _ = attribute(inner, moved, date)
    who = found[[s.start + shift for s in moved].index(span.start)]
    if who.kind in ("term", "unknown") or not who.cue:
        return Attribution("term", LABELS["term"], "inside a longer quotation")
    return who


def introduced(paragraph: str) -> Attribution | None:
    """The speaker a paragraph without quotations announces for the next one, when it ends
    with a colon (`The report found:` before a list of quotations)."""
    if not paragraph.rstrip().endswith(":"):
        return None
    context = _Context(paragraph)
    low = context.left_start(len(paragraph.rstrip()) - 1)
    found = context.nearest_cue(low, len(paragraph)) or context.subject(low, len(paragraph))
    return found[0] if found else None


def _passed_on(context: "_Context", last: tuple | None) -> Attribution | None:
    """The last quotation's speaker, if the quotation stands in the paragraph's last sentence."""
    if last is None or last[1].kind in ("term", "unknown"):
        return None
    span, who = last
    return who if span.start >= context.sentences.last_start() else None


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

    def __init__(self, masked: str, carried: Attribution | None = None):
        self.masked = masked
        self.sentences = Sentences(masked)
        self.carried = carried

    # Each kind of cue is found when first asked for: most quotations are settled by the
    # words right next to them, and these scans are most of the cost of attribution.
    @cached_property
    def tight(self) -> _Matches:
        return _Matches(_TIGHT.finditer(self.masked))

    @cached_property
    def whos(self) -> _Matches:
        return _Matches(m for m in ANY_WHO.finditer(self.masked) if not m.group("pronoun"))

    @cached_property
    def verbs(self) -> _Matches:
        return _Matches(_ANY_VERB.finditer(self.masked))

    @cached_property
    def dates(self) -> _Matches:
        return _Matches(_DATE.finditer(self.masked))

    def sentence(self, position: int) -> tuple[int, int]:
        return self.sentences.around(position)

    def left_start(self, position: int) -> int:
        return max(self.sentence(position)[0], position - _WINDOW)

    def decide(self, span, words: int, previous: tuple | None) -> Attribution:
        """Apply the cues in order of how directly they attach to the quotation."""
        low = self.left_start(span.start)
        tail = self.masked[max(low, span.start - 150) : span.start]
        right = self.masked[span.end : min(self.sentence(span.start)[1], span.end + 300)]
        found = said_after(right) or self.adjacent(tail, low, span.start)
        if found:
            return found
        scare = _SCARE.search(tail[-30:])
        if scare:
            return Attribution("term", LABELS["term"], one_line(scare.group()))
        if previous and self.in_run(previous[0], span):
            return previous[1]  # one verb governs a run of quotations
        cue = self.nearest_cue(low, span.start) or self.subject(low, span.start)
        # "Según el informe, las denuncias son «creíbles»": the preposition gives the whole
        # sentence to its speaker, a one-word quotation included.
        according = None if cue else self.according(low, span.start)
        cue = cue or according
        gap = len(self.masked[cue[1] : span.start].split()) if cue else 0
        if cue and (words > 1 or gap <= 1 or according or self.labels(cue, span)):
            return cue[0]
        closing = self.closing(span)
        if closing:
            return closing
        if cue:
            return Attribution("term", LABELS["term"], "")
        return self.continued(span, words, previous)

    def labels(self, cue: tuple, span) -> bool:
        """Whether a one-word quotation a few words after its cue is the speaker's label:
        after a naming verb ("called the report a “farce”") or a copula ("said the report was
        “biased”")."""
        between = self.masked[cue[1] : span.start]
        return bool(_NAMING.search(cue[0].cue) or _COPULA.match(between))

    def continued(self, span, words: int, previous: tuple | None) -> Attribution:
        """A quotation with no cue of its own continues the source quoted before it."""
        source = previous[1] if previous else None
        if source is None and not self.masked[: span.start].strip(_BULLETS):
            source = self.carried  # the paragraph opens with it: the last one goes on
        if source is None:
            source = self.sentence_before(span.start)
        if source is None and words > 1:
            source = self.named_before(span.start)
        if source and source.kind not in ("term", "unknown") and words > 1:
            return source
        kind = "term" if words <= 3 else "unknown"
        return Attribution(kind, LABELS[kind], "")

    def named_before(self, position: int) -> Attribution | None:
        """The report, named in one of the two sentences before a quotation that nothing in
        its own sentence attributes, where no person's name stands before it and no source
        we cannot read after it ("… hat ihren Bericht vorgelegt. Darin ist von „…“ die
        Rede.")."""
        start, end = self.sentence(position)
        if start == 0 or _TWO_NAMES.search(self.masked, start, position):
            return None
        # "« … », selon la terminologie officielle": a source of its own, if not one we know.
        rest = self.masked[position:end].casefold()
        said = set(re.findall(r"[\w'’]+", rest)) & cues.SAY_LAST_WORDS
        if said or any(key in rest for key in cues.ACCORDING_KEYS):
            return None
        low = self.sentence(start - 1)[0]
        if low:
            low = self.sentence(low - 1)[0]
        named = [w for w in self.whos.within(low, start) if _DOCUMENT().search(w.group())]
        if not named:
            return None
        return Attribution("report", LABELS["report"], f"{one_line(named[-1].group())} (before)")

    def sentence_before(self, position: int) -> Attribution | None:
        """The speaker of the sentence before, for a quotation opening its own sentence
        (`The report sets out the pattern. “…”`)."""
        start = self.sentence(position)[0]
        if start == 0 or self.masked[start:position].strip():
            return None
        found = self.subject(self.sentence(start - 1)[0], start)
        return found[0] if found else None

    def in_run(self, before, span) -> bool:
        """Whether only a conjunction or a list separator stands between two quotations of
        one sentence."""
        if self.sentence(before.start)[0] != self.sentence(span.start)[0]:
            return False
        return bool(_CONNECTOR.match(self.masked[before.end : span.start]))

    def adjacent(self, tail: str, low: int, position: int) -> Attribution | None:
        """A speaker right before the quotation, unless it is the object of a reporting
        clause before it (`X said the report was “a farce”` quotes X)."""
        found = adjacent(tail)
        if found is None:
            return None
        start = position - len(tail) + tail.rfind(found.cue.split()[0])
        # `X said the report was “a farce”`, `China labelled the Assessment “void”`: the
        # phrase is the object of a reporting clause, whose subject is quoted.
        is_object = not _INTRODUCES.search(found.cue) and _VERB_END().search(
            self.masked[max(low, start - 40) : start]
        )
        if not (found.cue.endswith(("was", "is", "were", "are", "been")) or is_object):
            return found
        governing = self.subject(low, start)
        if governing:
            return governing[0]
        named = _NAMED_BEFORE().search(self.masked, low, start)
        return person(named.group("name"), one_line(named.group())) if named else found

    def nearest_cue(self, low: int, high: int):
        """The speaker-and-verb cue closest before masked[high], and where it ends."""
        # A speaker governed by a preposition is not the verb's subject ("the head of the UN
        # said"): the nearest cue whose speaker is free.
        cues_found = [m for m in self.tight.within(low, high) if not self.governed(low, m)]
        if not cues_found:
            return None
        best = cues_found[-1]
        text = one_line(best.group())
        if not best.group("pronoun"):
            return from_lexicon(best, text), best.end()
        referent = self.referent(low, best.start())
        if referent is None:
            return (self.carried, best.end()) if self.carried else None
        return from_lexicon(referent, f"{text} ({one_line(referent.group())})"), best.end()

    def referent(self, low: int, pronoun: int):
        """What `it`/`they` stands for: a speaker earlier in the sentence, else the subject
        of one of the sentences before it (through those that open with a pronoun too)."""
        earlier = self.whos.within(low, pronoun)
        if earlier:
            return earlier[0]
        for _ in range(3):
            if low == 0:
                return None
            previous = self.sentence(low - 1)[0]
            opening = self.whos.within(previous, min(low, previous + 100))
            if opening:
                return opening[0]
            if not re.match(rf"\W*(?i:{cues.PRONOUN})\b", self.masked[previous:low]):
                return None
            low = previous
        return None

    def subject(self, low: int, high: int):
        """The speaker of the last reporting verb before the quotation: the nearest speaker
        before that verb that is not the object of a preposition."""
        verbs = self.verbs.within(low, high)
        for verb in reversed(verbs):
            if verb.group().endswith("ing") and self.masked[: verb.start()].rstrip().endswith(","):
                continue
            subjects = [w for w in self.whos.within(low, verb.start()) if not self.governed(low, w)]
            if subjects:
                cue = f"{one_line(subjects[-1].group())} … {verb.group()}"
                return from_lexicon(subjects[-1], cue), verb.end()
        return None

    def closing(self, span) -> Attribution | None:
        """A speaker named where the quotation's sentence ends (`…„…“ darstellen, so der
        Bericht.`, `…, according to the report.`): it is the whole sentence's."""
        end = self.sentence(span.start)[1]
        after = self.whos.within(span.end, end)
        if not after or after[-1].group("pronoun"):
            return None
        who = after[-1]
        head = _CLOSING_HEAD().search(self.masked, span.end, who.start())
        if not head or not _CLOSING_TAIL().match(self.masked, who.end(), end):
            return None
        cue = self.masked[head.start() : end]
        return from_lexicon(who, one_line(cue.strip(' ,;.!?"”»“')))

    def according(self, low: int, high: int):
        """`Selon le rapport, … « … »`: a speaker named by a preposition earlier in the
        sentence."""
        before = self.masked[low:high].casefold()
        if not any(key in before for key in cues.ACCORDING_KEYS):
            return None
        heads = list(_ACCORDING_HEAD().finditer(self.masked, low, high))
        for head in reversed(heads):
            who = ANY_WHO.match(self.masked, head.end(), high)
            if who:
                if who.group("pronoun"):
                    return None
                cue = one_line(self.masked[head.start() : who.end()])
                return from_lexicon(who, cue), who.end()
        return None

    def governed(self, low: int, who: re.Match) -> bool:
        """Whether a preposition governs the speaker phrase ("the Republic of China")."""
        words = re.findall(r"[\w'’]+", self.masked[max(low, who.start() - 40) : who.start()])
        words = [w.lower().rstrip("'’") for w in words]
        # "de" is a Dutch article and a French or Spanish preposition: after other words
        # ("le secrétaire général de l'ONU") it governs the speaker phrase it starts.
        first = who.group().split()[0].lower()
        if words and first in cues.AMBIGUOUS_DE and len(who.group().split()) > 1:
            return True
        words = [w for w in words if w not in cues.DETERMINERS]
        return bool(words) and words[-1] in cues.PREPOSITIONS


def _in_the_report(who: Attribution, context: "_Context", position: int) -> Attribution:
    """The High Commissioner or her Office speaking "in her report" ("Bachelet sprach in
    ihrem Bericht von „…“"): the report is quoted."""
    if who.kind != "office":
        return who
    start = context.sentence(position)[0]
    named = _IN_REPORT().search(context.masked, start, position)
    if not named:
        return who
    return Attribution("report", LABELS["report"], f"{who.cue}, {one_line(named.group())}")


def _date_rule(who: Attribution, context: _Context, position: int, date: str | None):
    """A quotation dated, or said, before 31 August 2022 cannot come from the report."""
    if who.kind != "report":
        return who
    if date and _before_report(date.split("-")):
        return Attribution(
            "office", LABELS["office"], f"{who.cue}; dated {date}, {BEFORE_THE_REPORT}"
        )
    # The last date before the quotation dates the cue ("In 2021 … and in 2022 the report …").
    dates = context.dates.within(context.left_start(position), position)
    if dates:
        month = MONTHS[dates[-1].group("month").lower()] if dates[-1].group("month") else None
        if _before_report([dates[-1].group("year"), month]):
            said = one_line(dates[-1].group())
            return Attribution(
                "office", LABELS["office"], f"{who.cue}; said in {said}, {BEFORE_THE_REPORT}"
            )
    return who


def _before_report(parts: Sequence) -> bool:
    """Whether a (year, month?, day?) date is certainly earlier than the report."""
    known = [int(p) for p in parts if p is not None][:3]
    return tuple(known) < REPORT_PUBLISHED[: len(known)]
