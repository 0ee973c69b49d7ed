"""The shape of organisation names: acronyms, head nouns, title case, and the key under
which spellings of one name compare equal."""

import re
from functools import lru_cache

from uyghur_docs.text.normalise import fold
from uyghur_docs.text.variants import VARIANTS


def word_set(words: str) -> frozenset[str]:
    """A vocabulary written as one space-separated string."""
    return frozenset(words.split())


# Nouns that head organisation names; they tell an organisation from a person's name and
# decide where "X and Y" splits into two organisations.
HEADS = word_set(
    "academy agency aid alliance assembly association bureau campaign center centre church"
    " club coalition collective college commission committee conference congress council"
    " defenders federation fellowship forum foundation fund fundacion fundación fondation"
    " group guild house initiative institute institution international league mission"
    " movement network ngo office organisation organization partners party press programme"
    " program project radio school service society stiftung trust tribunal union university"
    " watch"
)
CONNECTORS = word_set(
    "of for and the in on at to by with without against a an de des du la le les el al del"
    " y e et pour contre und für van von der den di da do dos das & - – —"
    " por los las lo il della delle dei degli het een voor op zu zur zum die das"
)
# The conjunction before a list's last name, in the languages letters come in.
_LAST = re.compile(r"\s+(?:and|und|et|y|e|en|og|och)\s+(?=\S)")
# Transliterations (`text.variants`) and British/American spellings that name the same word.
_SPELLINGS = VARIANTS | {"centre": "center", "defence": "defense"}


# A corpus names the same few thousand organisations hundreds of thousands of times.
@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """The form under which spellings of one name compare equal.

    >>> name_key("The Uighur Centre for Human Rights & Democracy (U.K.)")
    'uyghur center for human rights and democracy uk'
    """
    text = re.sub(r"[.'’`]", "", fold(name).replace("&", " and "))
    words = [_spelling(w) for w in re.sub(r"[\W_]", " ", text).split()]
    while len(words) > 1 and words[0] == "the":
        words.pop(0)
    key = " ".join(words)
    # fold is not idempotent on a few compatibility characters; keys must be.
    return key if fold(key) == key else name_key(fold(key))


def _spelling(word: str) -> str:
    return re.sub(r"isation(s?)$", r"ization\1", _SPELLINGS.get(word, word))


def split_outside_parens(text: str, separators: str) -> list[str]:
    """Text split at separators that are not inside parentheses, in one linear pass."""
    if "(" not in text:
        return re.split(f"[{re.escape(separators)}]", text)
    parts, depth, start = [], 0, 0
    for index, char in enumerate(text):
        depth += (char == "(") - (char == ")" and depth > 0)
        if char in separators and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    return [*parts, text[start:]]


def split_and(text: str) -> list[str]:
    """X and Y as two names when X ends like a whole organisation name."""
    left, sep, right = text.rpartition(" and ")
    words = left.split()
    if not sep or not words or not title_case(right.removeprefix("the ")):
        return [text]
    last = words[-1]
    if fold(last) in HEADS or last.endswith(")") or is_acronym(last) or last.isdigit():
        return [*split_and(left), right]
    # "Asia Rights Monitor and the Uyghur Solidarity Network": "the" opens a second name.
    if right.startswith("the ") and has_head(right) and title_case(left):
        return [*split_and(left), right]
    return [text]


def last_pieces(text: str) -> list[str]:
    """The last part of a list split at its conjunction: "B and C" is two names, unless
    what follows the conjunction is one bare word ("Rights and Development").

    >>> last_pieces("Gesellschaft für bedrohte Völker and Front Line Defenders")
    ['Gesellschaft für bedrohte Völker', 'Front Line Defenders']
    >>> last_pieces("Asian Forum for Human Rights and Development")
    ['Asian Forum for Human Rights and Development']
    """
    pieces = split_and(text)
    if len(pieces) > 1:
        return pieces
    found = list(_LAST.finditer(text))
    if not found:
        return [text]
    left, right = text[: found[-1].start()], text[found[-1].end() :]
    if len(right.split()) < 2 and not any(c.isdigit() or c.isupper() for c in right[1:]):
        return [text]
    return [left, right]


def split_name(text: str) -> tuple[str, tuple[str, ...], str | None]:
    """(name, acronyms and other names, place) of an organisation entry."""
    if text.endswith(")") and "(" in text:
        base, _, inner = text[:-1].rpartition("(")
        base, inner = base.strip(), inner.strip()
        if base and inner:
            short = " " not in inner and is_acronym(inner, strict=False)
            if short or (" " not in base and " " in inner):
                return base, (inner,), None
            return base, (), inner
    dash = re.search(r"\s[-–—]\s+(\S+)$", text)
    if dash and is_acronym(dash[1]):
        return text[: dash.start()].strip(), (dash[1],), None
    return text, (), None


def title_case(text: str) -> bool:
    """Every word but connectors starts with a capital, digit or uncased letter."""
    words = [w.strip("\"'“”‘’()[],.;:") for w in text.split()]
    words = [w for w in words if w]
    return bool(words) and all(
        fold(w) in CONNECTORS or not w[0].islower() for w in words if w[0].isalpha()
    )


# A name may hold a few lower-case words ("Ligue des droits de l'Homme", "Fédération
# internationale pour les droits humains"); a clause holds more.
MAX_LOWER_WORDS = 3
MAX_NAME_WORDS = 12


def name_shaped(text: str) -> bool:
    """Shaped like a name in a language that capitalises names: it starts with a capital
    or a digit, and few of its words (connectors aside) are in lower case.

    >>> name_shaped("Gesellschaft für bedrohte Völker"), name_shaped("calls for an inquiry")
    (True, False)
    """
    words = [w.strip("\"'“”‘’()[],.;:") for w in text.split()]
    words = [w for w in words if w]
    if (
        not words
        or len(words) > MAX_NAME_WORDS
        or not (words[0][0].isupper() or words[0][0].isdigit())
    ):
        return False
    lower = [w for w in words if w[0].islower() and fold(w) not in CONNECTORS]
    return len(lower) <= MAX_LOWER_WORDS


def is_acronym(token: str, strict: bool = True) -> bool:
    """ISHR, FORUM-ASIA, SoSNoL; only when not strict, CamelCase short names like PhilRights.

    >>> [is_acronym(t) for t in ("ISHR", "SoSNoL", "PhilRights", "Liberia", "UN")]
    [True, True, False, False, True]
    """
    if not 2 <= len(token) <= 15 or " " in token:
        return False
    letters = [c for c in token if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    if upper < 2:
        return False
    return upper * 2 >= len(letters) or not strict


def has_head(text: str) -> bool:
    """Whether a word of text is a noun that heads organisation names."""
    return any(fold(w.strip(".,;:()\"'")) in HEADS for w in text.split())
