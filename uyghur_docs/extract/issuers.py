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

from uyghur_docs.corpus.metadata import HEADER_PARAGRAPHS
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
MAX_SPAN_WORDS = 8
MAX_DOMAINS = 5
MAX_SUBJECT = 400
_PHONE = re.compile(r"\+?\d[\d\s().-]{7,}\d")
_EMAIL_DOMAIN = re.compile(r"@([\w-]+(?:\.[\w-]+)+)")
_SAID_TODAY = re.compile(
    r"\b(?:said|says|stated|warned|urged)\s+(?:today|in a (?:joint )?statement)\b", re.I
)
_BYLINE = re.compile(r"^(?:by|published by|issued by)\s*:?\s+(?P<name>.+)$", re.I)
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
    found += _contact_issuers(paragraphs)
    unique, seen = [], set()
    for issuer in sorted(found, key=lambda i: i.paragraph):
        keys = {_compact(n) for n in (issuer.name, issuer.as_written, *issuer.aliases)}
        if not keys & seen:
            unique.append(issuer)
        seen |= keys
    return tuple(unique)


def _issuer(text: str, paragraph: int, evidence: str) -> Issuer | None:
    text = re.sub(r"^(?:and|the)\s+", "", text.strip(" \"'“”‘’,;:.-–—"), flags=re.I)
    name, aliases, place = split_name(text)
    if place is not None or not _is_organisation_name(name):
        return None
    return Issuer(text, name, paragraph, evidence, aliases)


def _is_organisation_name(name: str) -> bool:
    """Title-cased and organisation-like: a head noun, an acronym, a number or 3+ words."""
    words = name.split()
    if not 1 <= len(words) <= MAX_NAME_WORDS or not title_case(name):
        return False
    acronym = any(is_acronym(w) and len(w) >= 3 for w in words)
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


def _byline_issuers(paragraphs: Sequence[str]) -> list[Issuer]:
    found = []
    for number, paragraph in enumerate(paragraphs[:HEADER_PARAGRAPHS], 1):
        for line in paragraph.split("\n"):
            byline = _BYLINE.match(line)
            dated = find_date(line) if len(line) <= 60 else None
            if byline:
                pieces = [byline["name"]]
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


def is_contact(line: str) -> bool:
    """A line with an email address, a link or a phone number."""
    return "@" in line or "http" in line or "www." in line or bool(_PHONE.search(line))
