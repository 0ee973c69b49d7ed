"""The names of states, in the languages statements reach the corpus in.

States sign joint statements at the Human Rights Council ("China, Belarus, Bolivia, …").
Their names come from ISO 3166 as pycountry ships it, with its translations, so that a
French or Chinese list is read as an English one is; the declared places of
`vocabulary.toml` are states' short forms too ("UK", "Türkiye").
"""

import gettext
import re
from functools import cache

import pycountry

from uyghur_docs.extract.vocabulary import is_place
from uyghur_docs.text.names import name_shaped
from uyghur_docs.text.normalise import fold
from uyghur_docs.text.scripts import has_cjk

# A list of states: most of its names are states' (the rest short forms, "DPRK", or
# misspelt), and enough of them that a sentence naming two countries is none.
MIN_STATES = 5
STATE_SHARE = 2 / 3
_AND = re.compile(r"\s+(?:and|&|et|und|y|e|en)\s+|\s*[和与與及]\s*")
LANGUAGES = ("fr", "de", "es", "it", "nl", "pt", "zh_CN", "zh_TW", "ko", "ja")


@cache
def _names() -> frozenset[str]:
    english = set()
    for country in pycountry.countries:
        for field in ("name", "common_name", "official_name"):
            value = getattr(country, field, None)
            if value:
                english.add(value)
    translations = [
        gettext.translation("iso3166-1", pycountry.LOCALES_DIR, [language], fallback=True)
        for language in LANGUAGES
    ]
    names = english | {t.gettext(name) for t in translations for name in english}
    # "Iran, Islamic Republic of", "Bolivie, état plurinational de": the short name leads.
    names |= {name.split(",")[0] for name in names}
    return frozenset(fold(name) for name in names)


def is_state(text: str) -> bool:
    """Whether text names a state, in one of the corpus's languages.

    >>> is_state("Russian Federation"), is_state("Bolivia"), is_state("Allemagne")
    (True, True, True)
    >>> is_state("中国"), is_state("Amnesty International")
    (True, False)
    """
    bare = re.sub(r"^(?:the|la|le|l'|el|die|het)\s+", "", text.strip(" .,;:()"), flags=re.I)
    return is_place(bare) or fold(bare) in _names()


def state_names(names: list[str]) -> list[str] | None:
    """The states a list names, "Iran and Syria" being two; None when names are not a
    list of states.

    >>> state_names(["China", "Belarus", "Cuba", "DPRK", "Egypt and Iran"])
    ['China', 'Belarus', 'Cuba', 'DPRK', 'Egypt', 'Iran']
    >>> state_names(["Cuba", "PEN"]) is None
    True
    """
    pieces = [piece for name in names for piece in split_states(name)]
    states = sum(map(is_state, pieces))
    if (
        states >= MIN_STATES
        and states >= STATE_SHARE * len(pieces)
        and all(name_shaped(n) or has_cjk(n) or is_state(n) for n in pieces)
    ):
        return pieces
    return None


def split_states(name: str) -> list[str]:
    """ "Iran and Syria" as two states; any other name as itself."""
    parts = _AND.split(name)
    return parts if all(map(is_state, parts)) else [name]
