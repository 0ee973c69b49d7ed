"""Speakers named right next to a quotation, and the record of who a quotation quotes.

`“…,” said NAME`, `NAME said: “…”`, `according to X, “…”`, `as X put it: “…”`, `X's “…”`,
`the report's conclusion that “…”`, `“…”, indique le rapport`: the cues that settle a
quotation before any reading of the sentence around it.
"""

import re
from dataclasses import dataclass

from uyghur_docs.extract import speech_cues as cues
from uyghur_docs.text.normalise import one_line

LABELS = {
    "report": "OHCHR report",
    "office": "OHCHR, not the report",
    "government": "Chinese government",
    "term": "scare quote or term",
    "unknown": "unknown",
}
# Ends the cue of a quotation said before the report was published: no evidence applies.
BEFORE_THE_REPORT = "before the report"
_WHO, _SAY = cues.WHO, cues.SAY
# Pronouns standing for a thing, resolved as the lexicon's pronouns, never taken for a name.
_NOT_NAMES = "It|They|Il|Elle|Ils|Elles|Sie|Es|This|That"
NAME = r"[A-Z][\w'’.-]*(?:\s+(?:(?:of|for|the|at|de|van|von|al)\s+)*[A-Z][\w'’.-]*)*"
_SAID_BEFORE = cues.lazily(
    rf"(?:\b(?i:as)\s+(?:the\s+)?)?(?!(?:{_NOT_NAMES})\b)(?P<name>{NAME}),?\s+(?i:{_SAY})"
    r"(?:\s+that)?[\s,:]*$"
)
# What may follow a speaker to the quotation's opening mark. These are matched after the
# speakers found in the text (`ANY_WHO`), rather than compiled with the speaker alternation
# into patterns of their own: that compiling would cost more than the matching.
_AUX = re.compile(r"\s+(?:was|is|were|are|has\s+been|had\s+been)\W*$")
_THEIR_WORDS = cues.lazily(rf"['’]s?\s+(?:\w+\s+)?(?i:{cues.WORDS_NOUNS})\s*(?:that|of|:)?[\s,]*$")
_ACCORDING = cues.lazily(rf"(?i:{cues.ACCORDING})\s+")
_ACCORDING_REST = re.compile(r"[\w\s'’-]{0,40}?[\s,:]*$")
_AS = re.compile(r"(?i:as)\s+")
_PUT_IT = re.compile(r".{0,80}?\b(?i:put\s+it)[\s,:]*$")
_NAME = re.compile(NAME)
_REST = re.compile(r"[\s,:]*$")
# "UN report: ‘…’", "Key findings of the report: “…”": a speaker introducing the words.
_COLON = re.compile(r"\s*:\s*$")
_SAID_AFTER = re.compile(
    rf"^[\s,;:\u2014\u2013-]*(?:(?i:{cues.SAY_AFTER})\s+(?i:{cues.AFTER_PREFIX})"
    rf"(?P<after>{NAME}|(?i:(?:{cues.DET_WORD})(?:(?<=['’])|\b))?\s*[\w'’-]+"
    rf"(?:\s+[\w'’-]+){{0,5}})"
    rf"|(?P<before>{NAME}|(?i:he|she)|(?i:the)\s+[\w-]+(?:\s+[\w-]+){{0,3}})\s+(?i:{_SAY})\b)"
)
_DASH_NAME = re.compile(rf"^\s*[\u2014\u2013-]\s*(?P<name>{NAME})\s*$")
_AUX_END = re.compile(r"\b(?:was|is|were|are|been)\W*$")
_POSSESSIVE = re.compile(rf"(?P<name>{NAME})['’]s?\s*$")
_TITLE = re.compile(
    r".*\b(?:President|Director|Chair|Chairman|Chairperson|Secretary-General|Spokesperson"
    r"|Commissioner|Minister|Ambassador|Rapporteur)\s+(?=[A-Z])"
)
ANY_WHO = re.compile(rf"\b{_WHO}\b")
_FINDING = re.compile(rf"\b(?i:{cues.FINDING})\b")


@dataclass(frozen=True)
class Attribution:
    """Who is quoted (`kind`, a `speaker` label for people) and the `cue` words that say so."""

    kind: str
    speaker: str
    cue: str


def said_after(right: str) -> Attribution | None:
    """`“…,” said NAME`, `“…,” NAME said`, `“…” - NAME` or `“…”, indique le rapport`."""
    match = _SAID_AFTER.search(right) or _DASH_NAME.match(right)
    if not match:
        return None
    groups = match.groupdict()
    who = (groups.get("after") or groups.get("before") or groups.get("name")).rstrip(".")
    cue = one_line(match.group().strip(" ,;:.\u2014\u2013-"))
    lexicon = [m for m in ANY_WHO.finditer(who) if not m.group("pronoun")]
    if lexicon:
        return from_lexicon(lexicon[-1], cue)
    if who[0].isupper() or who.lower() in ("he", "she"):
        return person(who, cue)
    names = re.findall(NAME, who)  # "sagte der Aktivist Omer Kanat"
    return person(names[-1], cue) if names else None


def adjacent(left: str) -> Attribution | None:
    """A speaker named right before the quotation: `NAME said:`, `according to X,`, `X's`,
    `the report's conclusion that`, `UN report:`."""
    # End-anchored searches retry at every offset, so each runs only if its last words occur.
    end = left[-30:].casefold()
    near = left[-80:].casefold()
    for guard, find in (
        (_ends_with_say(end), lambda: _named(_SAID_BEFORE().search(left))),
        (any(key in near for key in cues.ACCORDING_KEYS), lambda: _after_head(left, _ACCORDING())),
        ("put it" in end, lambda: _after_head(left, _AS, _PUT_IT)),
        (_AUX_END.search(end), lambda: _speaker_then(left, _AUX)),
        (
            end.rstrip()[-1:] in ("'", "’") or end.rstrip()[-2:] in ("'s", "’s"),
            lambda: _named(_POSSESSIVE.search(left)),
        ),
        (
            any(stem in near for stem in cues.WORDS_NOUN_STEMS),
            lambda: _speaker_then(left, _THEIR_WORDS()),
        ),
        (end.rstrip().endswith(":"), lambda: _speaker_then(left, _COLON)),
    ):
        found = find() if guard else None
        if found:
            text, name = found
            cue = one_line(text.strip(" ,:"))
            if name and not _names_speaker(name):
                return person(name, cue)
            who = ANY_WHO.search(text)
            if who and not who.group("pronoun"):
                return from_lexicon(who, cue)
    return None


def _named(match: re.Match | None) -> tuple[str, str] | None:
    return (match.group(), match.group("name")) if match else None


def _speaker_then(left: str, rest: re.Pattern) -> tuple[str, None] | None:
    """The words from the last speaker in `left` that `rest` follows to its end."""
    for who in reversed(list(ANY_WHO.finditer(left))):
        if rest.match(left, who.end()):
            return left[who.start() :], None
    return None


def _after_head(left: str, head: re.Pattern, rest: re.Pattern = _ACCORDING_REST):
    """The words from the last `head` (`according to`, `as`) followed by a speaker or a
    name that `rest` follows to the end of `left`."""
    for found in reversed(list(head.finditer(left))):
        who = ANY_WHO.match(left, found.end())
        if who and rest.match(left, who.end()):
            return left[found.start() :], None
        name = _NAME.match(left, found.end())
        if name and (rest if rest is _PUT_IT else _REST).match(left, name.end()):
            return left[found.start() :], name.group()
    return None


def _ends_with_say(end: str) -> bool:
    """Whether folded text ends with a reporting verb (`said`, `told reporters that:`)."""
    words = re.findall(r"[\w'’]+", end)
    if words and words[-1] == "that":
        words.pop()
    if not words:
        return False
    return words[-1] in cues.SAY_LAST_WORDS or (len(words) > 1 and words[-2] in cues.SAY_BEFORE_ANY)


def _names_speaker(name: str) -> bool:
    """Whether a capitalised name is one of the speakers of the vocabulary ("UN High
    Commissioner for Human Rights"), not a person."""
    match = ANY_WHO.match(name)
    if not match or match.group("pronoun"):
        return False
    rest = name[match.end() :]
    return not rest.strip() or bool(re.match(r"\s+(?:for|of)\s", rest))


def from_lexicon(match: re.Match, cue: str) -> Attribution:
    kind = next(k for k in ("report", "office", "government", "other") if match.group(k))
    if kind == "office" and _FINDING.search(cue):
        kind = "report"  # the High Commissioner "concluded" what the assessment concludes
    return Attribution(kind, LABELS.get(kind) or one_line(match.group(kind)), cue)


def person(name: str, cue: str) -> Attribution:
    """A person by name: a title before the name ("… Executive Director Rushan Abbas") stays
    in the cue only."""
    name = name.rstrip(".").strip()
    return Attribution("person", _TITLE.sub("", name, count=1) or name, cue)
