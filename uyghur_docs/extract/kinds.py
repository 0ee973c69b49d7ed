"""Person or organisation: weak signals per entry, one decision per block.

An entry is a person for sure when it carries a person's mark: a title ("Dr."), a handle
("@torgo"), "on behalf of", a role after a comma ("Jane Roe, Director, X"), a role word in
Chinese ("南京大学 教授"), a personal name with an affiliation in brackets, or a table row
whose type column describes a person. A bare personal name ("Maria Okafor", "李文华") is
only shaped like one: it is a person when the block is one of people (its heading says so,
or most of its entries are people), and stays an organisation in a list of organisations.
"""

import re
from functools import lru_cache

from uyghur_docs.extract.entries import is_person_context
from uyghur_docs.extract.signature_cues import MIXED
from uyghur_docs.extract.vocabulary import is_place, words
from uyghur_docs.text.names import has_head, is_acronym, word_set
from uyghur_docs.text.normalise import fold
from uyghur_docs.text.scripts import has_cjk

PERSON = "person"
ORGANISATION = "organisation"
PEOPLE_SHARE = 0.5
PEOPLE_ONLY_SHARE = 0.9
TITLE = re.compile(
    r"^(?:dr|prof|professor|mr|mrs|ms|mx|rev|revd|reverend|sir|dame|hon|rabbi|imam|pastor"
    r"|senator|mp|mep|mme|mlle|herr|frau|sr|sra|dott|dott\.ssa|drs|ir)(?:\.\s*|\s+)(?=[A-Z]\w)",
    re.IGNORECASE,
)
_HANDLE = re.compile(r"(?:^|[\s,(])@\w")
BEHALF = re.compile(r"\s+(?:on behalf of|for and on behalf of|au nom de|en nombre de|im namen)\s+")
# A type column that says what a row is: a person, whatever the shape of the name.
_PERSON_TYPES = word_set(
    "individual individuals person personal individuel individuelle persona privat private"
    " 个人 個人"
)
# A personal name: two to four Han characters or Hangul syllables.
_CJK_NAME = re.compile(r"^(?:[\u3400-\u9fff](?:\s?[\u3400-\u9fff]){1,3}|[\uac00-\ud7af]{2,4})$")


@lru_cache(maxsize=1 << 14)
def person_mark(text: str, context: str = "") -> bool:
    """Whether an entry is marked as a person's signature."""
    if spelt_acronym(text):
        return False
    # "Name, role", and as often "Name – role": a dash between spaces parts them alike.
    name, comma, rest = re.sub(r"\s+[–—-]\s+", ", ", text, count=1).partition(",")
    if TITLE.match(name) and not _organisation_words(name):
        return True
    if _HANDLE.search(text) or BEHALF.search(text):
        return True
    if context:
        if set(re.findall(r"\w+", fold(context))) & _PERSON_TYPES:
            return not organisation_like(text)
        pseudonym = len(text.split()) == 1 and is_person_context(context)
        described = is_person_context(context) or not organisation_like(context)
        return (pseudonym or personal_name(text)) and described and not organisation_like(text)
    if has_cjk(text):
        return _cjk_person(text)
    if comma and first_word(rest) in words("person_roles"):
        return True
    if comma and personal_name(name) and _describes_person(rest):
        return True
    base, bracket, inner = text.partition(" (")
    inner = inner.split(")")[0]
    # "Reporters Without Borders (RSF)": an acronym in brackets names an organisation, and
    # "Access Now (Italy)" a place, whoever else it might name: the block decides.
    return bool(bracket) and personal_name(base) and not is_acronym(inner) and not is_place(inner)


def _describes_person(rest: str) -> bool:
    """What follows a personal name and a comma says who she is ("IP Lawyer", "PhD
    Candidate, University of Leeds", "Digital Rights Watch"), unless it is only a place."""
    first = rest.split(",")[0]
    roles = {w.strip(".()") for w in fold(first).split()} & words("person_roles")
    return bool(roles) or (has_head(rest) and not is_place(first))


def spelt_acronym(text: str) -> bool:
    """An entry that ends with the acronym of its own words: "Komite Independen Pemantau
    Pemilu (KIPP)" is an organisation, whatever the shape of its words.

    >>> spelt_acronym("Rural Education and Legal Aid Centre (RELAC)"), spelt_acronym("Jo Li (HRW)")
    (True, False)
    """
    match = re.search(r"\(([^()\s]{2,12})\)$", text)
    if not match or not is_acronym(match[1], strict=False):
        return False
    initials = iter(fold(w[0]) for w in text[: match.start()].split() if w[0].isalnum())
    return all(fold(c) in initials for c in match[1] if c.isalpha())


def _cjk_person(text: str) -> bool:
    """A Chinese person's line: a role word ("教授", "学者") and no organisation's name first."""
    latin = " ".join(w for w in text.split() if not has_cjk(w))
    if latin and organisation_like(latin):
        return False
    head = text.split()[0] if text.split() else text
    if _holds(text, "cjk_person_roles"):
        return not _holds(head, "cjk_organisation_marks") or " " in text
    # "王丽华 北京大学法学院 2015级": a personal name, then where she studies or works (not
    # a translation of the name: "勞動力 Worker Empowerment").
    rest = text[len(head) :].strip()
    return (
        bool(_CJK_NAME.match(head))
        and not _holds(head, "cjk_organisation_marks")
        and has_cjk(rest)
        and not latin
        and (_holds(rest, "cjk_organisation_marks") or any(c.isdigit() for c in rest))
    )


def _family_name_first(text: str) -> bool:
    """Whether a Han or Hangul name begins with a family name; a name written with a space
    (Japanese "佐藤 太郎", a padded "于 清") is a personal name by that alone."""
    return " " in text or fold(text[:1]) in words("cjk_surnames")


def _holds(text: str, vocabulary: str) -> bool:
    """Whether text holds a word of a declared list; both sides folded alike, so Hangul
    (which folding decomposes) matches too."""
    folded = fold(text)
    return any(mark in folded for mark in words(vocabulary))


@lru_cache(maxsize=1 << 14)
def personal_name(text: str) -> bool:
    """Shaped like a personal name: two to four capitalised words without an organisation
    word, or two to four Chinese characters without an organisation mark."""
    text = text.strip()
    if _CJK_NAME.match(text):
        return not _holds(text, "cjk_organisation_marks") and _family_name_first(text)
    parts = text.split()
    # Honours and degrees after a name ("Julian Burnside AO QC") are no part of its shape.
    while len(parts) > 2 and fold(parts[-1].strip(",.")) in _POSTNOMINALS:
        parts.pop()
    text = " ".join(parts)
    return (
        2 <= len(parts) <= 4
        and not _organisation_words(text)
        and not any(is_acronym(w) for w in parts)
        and all(_name_word(w) for w in parts)
    )


def _name_word(word: str) -> bool:
    bare = word.replace("-", "").replace(".", "").replace("'", "")
    return bool(bare) and bare.isalpha() and (word[0].isupper() or fold(word) in _PARTICLES)


_POSTNOMINALS = word_set(
    "ao ac am qc kc sc obe mbe cbe kbe dbe frs phd md jr sr ii iii esq mp mep msp"
)
_PARTICLES = word_set("de da di van von der den del la le al bin ibn")


def _organisation_words(text: str) -> bool:
    folded = {w.strip(".,;:()\"'") for w in fold(text).split()}
    return has_head(text) or bool(folded & words("organisation_words"))


def organisation_like(text: str) -> bool:
    """Shaped like an organisation: a head noun, an organisation word, an acronym or digits."""
    if has_cjk(text):
        return _holds(text, "cjk_organisation_marks")
    if personal_name(text):
        return False  # "Julian Burnside AO QC": honours, not an acronym
    return _organisation_words(text) or any(
        is_acronym(w.strip("()")) or any(c.isdigit() for c in w) for w in text.split()
    )


def block_kinds(texts: list[tuple[str, str]], heading: str | None) -> list[str]:
    """The kind of each (text, context) entry of one block; `heading` is the kind its
    section heading names, if any."""
    marked = [person_mark(t, c) for t, c in texts]
    if heading == PERSON:
        return [PERSON] * len(texts)
    # A table's type column has decided its rows; the shape of a name decides the rest.
    shaped = [
        m or (not c and personal_name(_name_part(t)) and not organisation_like(t))
        for m, (t, c) in zip(marked, texts, strict=True)
    ]
    people = heading in (None, MIXED) and texts and sum(shaped) > PEOPLE_SHARE * len(texts)
    if heading == MIXED:
        # Both kinds are announced: a Chinese name with its family name first is a person
        # wherever it stands; a bare Latin name like "Access Now" goes with the majority.
        return [
            PERSON if m or (s and (people or has_cjk(t))) else ORGANISATION
            for m, s, (t, _) in zip(marked, shaped, texts, strict=True)
        ]
    # In a list of people only, a name with a rare family name ("奚永顺") is one of them;
    # in a mixed list a short name without one ("思言行") is a group's.
    only = people and sum(shaped) >= PEOPLE_ONLY_SHARE * len(texts)
    return [
        PERSON if m or (people and s) or (only and _short_cjk_name(t)) else ORGANISATION
        for m, s, (t, _) in zip(marked, shaped, texts, strict=True)
    ]


def _short_cjk_name(text: str) -> bool:
    return bool(_CJK_NAME.match(text)) and not _holds(text, "cjk_organisation_marks")


def _name_part(text: str) -> str:
    return re.split(r"\s*[,(]", text, maxsplit=1)[0]


def first_word(text: str) -> str:
    found = fold(text).split()
    return found[0].strip(".,;:") if found else ""
