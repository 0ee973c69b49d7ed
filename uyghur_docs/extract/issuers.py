"""Who issued a statement: the organisations a release speaks for.

Evidence: the subject of "... said today" ("Human Rights Watch and the
International Service for Human Rights (ISHR) said today"); a by-line next to the date in
the header ("28.08.24, OMCT"); and contact lines, in the header or after "For more
information", through the organisation they write for ("For ISHR, in Geneva: ...") or their
mail domain spelled out as an organisation in the text (campaignforuyghurs.org is
"Campaign for Uyghurs"). Quoted speakers are not issuers.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from uyghur_docs.corpus.metadata import HEADER_PARAGRAPHS
from uyghur_docs.corpus.titles import is_label
from uyghur_docs.extract.vocabulary import is_place
from uyghur_docs.text.dates import find_date
from uyghur_docs.text.names import (
    CONNECTORS,
    has_head,
    is_acronym,
    split_and,
    split_name,
    split_outside_parens,
    title_case,
)
from uyghur_docs.text.normalise import fold

MAX_NAME_WORDS = 12
MIN_CJK_NAME = 5
MAX_SPAN_WORDS = 8
MAX_DOMAINS = 5
MAX_SUBJECT = 400
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_PHONE = re.compile(r"\+?\d[\d\s().-]{7,}\d")
# A link written without its scheme: "hkcnews.com/aboutus".
_BARE_LINK = re.compile(r"\b[\w-]+\.[a-z]{2,}/\S")
# "dated 01.05.2020" is a date, not a phone number.
_NUMERIC_DATE = re.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b")
_EMAIL = re.compile(r"[\w.+-]@[\w-]+\.\w|\[at\]")
_EMAIL_DOMAIN = re.compile(r"@([\w-]+(?:\.[\w-]+)+)")
_SAID_TODAY = re.compile(
    r"\b(?:said|says|stated|warned|urged)\s+(?:today|in a (?:joint )?statement)\b", re.I
)
# "Published by" names a site, which may publish another's statement: no issuer.
_PUBLISHED = re.compile(r"^(?:published|posted|publi[ée]e?|ver[öo]ffentlicht|publicado)\b", re.I)
_BYLINE = re.compile(
    r"^(?:by|issued by|of the|from the|作者|發佈|发布|發布者|发布者)"
    r"\s*[:：]?\s*(?P<name>.+)$"
    # A header's field that names who speaks: "Organisation: Christian Solidarity Worldwide".
    r"|^(?:organi[sz]ation|organisme|organizaci[óo]n|organizzazione|organisatie|submitted by"
    r"|soumis par|eingereicht von)\s*[:：]\s*(?P<field>.+)$",
    re.I,
)
# "(Example Rights Network—March 3, 2021) The Chinese government ...": a dated
# by-line in brackets opening the first paragraphs.
_BRACKET_BYLINE = re.compile(r"^[(（](?P<inner>[^()（）]{3,120})[)）]")
_SUBJECT = re.compile(
    r"^(?:the\s+)?(?P<name>[^\s,.;:][^,.;:]{1,150}?)\s+(?:\w+ly\s+)?"
    r"(?:express(?:es)?|condemns?|ha(?:s|ve) learn[et]d?|urges?|calls? (?:on|for)|welcomes?"
    r"|(?:is|are) (?:deeply )?(?:concerned|alarmed)|reiterates?|demands?|denounces?|deplores?"
    r"|joins?|stands? with|applauds?|regrets?)\b",
    re.I,
)
SUBJECT_PARAGRAPHS = 3
_TIME = re.compile(r"\b\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{1,4}\b)?", re.I)
_CONTACT_CUE = re.compile(
    r"for (?:more|further) information|media contact|press contact|\bcontacts?:", re.I
)
_CONTACT_FOR = re.compile(r"^for (?P<org>[^,:]{2,100})[,:]", re.I)


@dataclass(frozen=True)
class Issuer:
    """An organisation a release speaks for, and the evidence: "statement" (the subject of
    "said today"), "byline" (a name by the date) or "contact" (a contact line's "For X"
    or its email domain). `paragraph` is where the evidence is."""

    as_written: str
    name: str
    paragraph: int
    evidence: str
    aliases: tuple[str, ...] = ()


def extract_issuers(paragraphs: Sequence[str]) -> tuple[Issuer, ...]:
    """The organisations a document speaks for, in document order; () when none is named.

    >>> [i.name for i in extract_issuers(["Title", "The Council must act, ARTICLE 19 and"
    ...   " the Uyghur Human Rights Project (UHRP) said today."])]
    ['ARTICLE 19', 'Uyghur Human Rights Project']
    """
    found = [*_statement_issuers(paragraphs), *_byline_issuers(paragraphs)]
    found += _subject_issuers(paragraphs) + _labelled_issuers(paragraphs)
    found += _contact_issuers(paragraphs)
    unique, seen = [], set()
    for issuer in sorted(found, key=lambda i: i.paragraph):
        keys = {_compact(n) for n in (issuer.name, issuer.as_written, *issuer.aliases)}
        keys.add(_compact("".join(map(_initial, issuer.name.split()))) or issuer.name)
        if not keys & seen:
            unique.append(issuer)
        seen |= keys
    return tuple(unique)


def _issuer(text: str, paragraph: int, evidence: str, declared: bool = False) -> Issuer | None:
    """An issuer named by text; `declared` when a field says it is an organisation, which
    then need not be shaped like one ("Organisation: Gesellschaft für bedrohte Völker")."""
    text = re.sub(r"^(?:and|the)\s+", "", text.strip(" \"'“”‘’,;:.-–—"), flags=re.I)
    if is_place(text) or re.fullmatch(r"(?:[A-Z]\.){1,3}[A-Z]?\.?", text):
        return None  # a dateline's place ("Washington, D.C.") is no issuer
    name, aliases, place = split_name(text)
    if place is not None and any(is_acronym(w) for w in place.split()):
        # "(FSF Europe)": a short name, not a place.
        aliases, place = (place,), None
    if place is not None or not (declared or _is_organisation_name(name)):
        return None
    return Issuer(text, name, paragraph, evidence, aliases)


def _is_organisation_name(name: str) -> bool:
    """Title-cased and organisation-like: a head noun, an acronym, a number or 3+ words;
    in Chinese, five characters or more (a personal name has two to four)."""
    if any("\u3400" <= c <= "\u9fff" for c in name):
        return len(name) >= MIN_CJK_NAME and " " not in name and "、" not in name
    words = name.split()
    if not 1 <= len(words) <= MAX_NAME_WORDS or not title_case(name):
        return False
    # A heading in capitals ("WEEKLY BRIEF") is no run of acronyms.
    capitals = len(words) > 1 and all(w.isupper() for w in words if w.isalpha())
    acronym = not capitals and any(map(_long_acronym, words))
    # "Politics & Policy": a connector is no word of its own.
    words = [w for w in words if fold(w) not in CONNECTORS]
    numbered = any(w.isdigit() for w in words)
    return has_head(name) or acronym or numbered or len(words) >= 3


def _statement_issuers(paragraphs: Sequence[str]) -> list[Issuer]:
    found = []
    for number, paragraph in enumerate(paragraphs, 1):
        for match in _SAID_TODAY.finditer(paragraph):
            # Subjects are short; a bounded look-back keeps many matches linear.
            floor = max(0, match.start() - MAX_SUBJECT)
            start = max(paragraph.rfind(m, floor, match.start()) for m in (". ", "? ", "! ", "\n"))
            clause = paragraph[max(start + 1, floor) : match.start()]
            parts = split_outside_parens(clause, ",")
            parts = parts[:-1] + split_and(parts[-1])
            names = []
            for part in reversed(parts):
                issuer = _issuer(part, number, "statement")
                if issuer is None:
                    break
                names.append(issuer)
            found.extend(reversed(names))
    return found


def _subject_issuers(paragraphs: Sequence[str]) -> list[Issuer]:
    """The organisation an opening sentence speaks as: "The Global Network of Domestic
    Election Monitors (GNDEM) expresses its deep concern ..."."""
    found = []
    for number, paragraph in enumerate(paragraphs[:SUBJECT_PARAGRAPHS], 1):
        label, colon, rest = paragraph.partition(":")
        # "Press Release: World Uyghur Congress Calls on …": the label is no subject.
        match = _SUBJECT.match(rest.strip() if colon and is_label(label) else paragraph)
        if match:
            parts = split_and(match["name"])
            issuers = [_issuer(part, number, "statement") for part in parts]
            found += [i for i in issuers if i] if all(issuers) else []
    return found


def _labelled_issuers(paragraphs: Sequence[str]) -> list[Issuer]:
    """The organisation named on the line above a release's label ("Uyghur Human Rights
    Project" / "For Immediate Release")."""
    lines = [
        (n, line) for n, p in enumerate(paragraphs[:HEADER_PARAGRAPHS], 1) for line in p.split("\n")
    ]
    found = []
    for (number, above), (_, line) in pairwise(lines):
        labelled = (
            is_label(line)
            and not is_label(above)
            and find_date(above) is None
            and not _YEAR.search(above)
        )
        issuer = _issuer(above, number, "byline") if labelled else None
        if issuer and (has_head(issuer.name) or any(map(_long_acronym, issuer.name.split()))):
            found.append(issuer)
    return found


def _long_acronym(word: str) -> bool:
    return len(word) >= 3 and is_acronym(word)


def _byline_issuers(paragraphs: Sequence[str]) -> list[Issuer]:
    found = []
    for number, paragraph in enumerate(paragraphs[:HEADER_PARAGRAPHS], 1):
        bracket = _BRACKET_BYLINE.match(paragraph)
        if bracket and find_date(bracket["inner"]):
            dated = find_date(bracket["inner"])
            rest = bracket["inner"][: dated[1].start()] + " " + bracket["inner"][dated[1].end() :]
            pieces = re.split(r"[,|/]|\s*[-–—]\s*", rest)
            found.extend(i for p in pieces if (i := _issuer(p, number, "byline")))
        for line in paragraph.split("\n"):
            if _PUBLISHED.match(line):
                continue
            byline = _BYLINE.match(line)
            dated = find_date(line) if len(line) <= 60 else None
            if byline and byline["field"]:
                field = re.split(r"[,|/\[]", byline["field"])[0]
                found.extend(i for i in [_issuer(field, number, "byline", True)] if i)
                continue
            if byline:
                pieces = [re.split(r"[,|/\[]", byline["name"])[0]]
            elif dated:
                rest = _TIME.sub(" ", line[: dated[1].start()] + " " + line[dated[1].end() :])
                pieces = re.split(r"[,|/]|\s[-–—]\s", rest)
            else:
                continue
            found.extend(i for p in pieces if (i := _issuer(p, number, "byline")))
    return found


def _contact_issuers(paragraphs: Sequence[str]) -> list[Issuer]:
    """Who contact lines write for ("For ISHR, in Geneva: ...") or mail from (their domain
    named as an organisation in the text); contact lines are in the header or after a cue."""
    found, domains, cued = [], {}, False
    for number, paragraph in enumerate(paragraphs, 1):
        cued = cued or bool(_CONTACT_CUE.search(paragraph))
        if not cued and number > HEADER_PARAGRAPHS:
            continue
        for line in paragraph.split("\n"):
            if not is_contact(line):
                continue
            written_for = _CONTACT_FOR.match(line)
            if written_for and (issuer := _issuer(written_for["org"], number, "contact")):
                found.append(issuer)
            for domain in _EMAIL_DOMAIN.findall(line):
                domains.setdefault(fold(domain), number)
    # Each domain costs a pass over the text, so only the first few are looked up.
    for domain, number in list(domains.items())[:MAX_DOMAINS]:
        span = _span_for_domain(domain, paragraphs)
        if span and (issuer := _issuer(span, number, "contact")):
            found.append(issuer)
    return found


def _span_for_domain(domain: str, paragraphs: Sequence[str]) -> str | None:
    """The words of the text that spell a mail domain's name, or whose initials do."""
    labels = [p for p in fold(domain).split(".")[:-1] if p not in {"www", "mail", "press"}]
    label = _compact(labels[0]) if labels else ""
    if len(label) < 3:
        return None
    split = [[w.strip(".,;:!?\"'“”‘’()[]") for w in p.split()] for p in paragraphs]
    for spell in (_compact, _initial):
        for words in split:
            pieces: dict[int, str] = {}
            for start, word in enumerate(words):
                if not word[:1].isupper():
                    continue
                # A run of words spells the label only if each longer run still begins it.
                spelt = ""
                for end in range(start, min(start + MAX_SPAN_WORDS, len(words))):
                    if end not in pieces:
                        pieces[end] = spell(words[end])
                    spelt += pieces[end]
                    if not label.startswith(spelt):
                        break
                    if spelt == label and words[end][:1].isupper():
                        return " ".join(words[start : end + 1])
    return None


def _compact(word: str) -> str:
    return "".join(c for c in fold(word) if c.isalnum())


def _initial(word: str) -> str:
    return fold(word[0]) if word and fold(word) not in CONNECTORS else ""


def reaches_someone(line: str) -> bool:
    """A line with an email address or a phone number: a way to reach a person, which a
    link to a page is not."""
    return bool(_EMAIL.search(line)) or bool(_PHONE.search(_NUMERIC_DATE.sub("", line)))


# Asked of each line by the issuer reader and again by the paragraph roles.
@lru_cache(maxsize=1 << 14)
def is_contact(line: str) -> bool:
    """A line with an email address, a link or a phone number (a handle is not an address)."""
    return (
        bool(_EMAIL.search(line))
        or "http" in line
        or "www." in line
        or bool(_BARE_LINK.search(line))
        or bool(_PHONE.search(_NUMERIC_DATE.sub("", line)))
    )
