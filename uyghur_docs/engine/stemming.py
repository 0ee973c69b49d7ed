"""English stemming that only undoes inflection, and UK/US spelling folded.

Stemming is Snowball English (Porter2) cut after its step 1: plurals, possessives, -ed,
-ing and a final y; not the derivational steps that make "humanity" "human", "universal"
"university" and "general" "generation", nor the adverbs of step 1b ("reportedly"). On 45
real statements (9,600 words), Porter conflates 640 pairs of words that are not
inflections of each other, Snowball 694, this stemmer 29 (about half of them names ending
in -i/-y, "Denis" and "deny"; the rest inflections such as "findings"/"finds").

Spelling variants (-isation/-ization, -ise/-ize, -yse/-yze, -our/-or, -tre/-ter, -ogue/-og)
are folded first, so "organisation" and "organization" are one term. Only
ASCII words are stemmed: the rules are English.

    >>> [stem(w) for w in ["organisations", "organization", "organised", "labour", "humanity"]]
    ['organization', 'organization', 'organize', 'labor', 'humaniti']
    >>> [stem(w) for w in ["uighurs", "uyghur", "sinkiang"]]
    ['uyghur', 'uyghur', 'xinjiang']
"""

import hashlib
import re
from functools import lru_cache

from whoosh.analysis import Filter
from whoosh.lang import porter2

from uyghur_docs.text.variants import VARIANTS, variant

# What an index records of the variants its words were folded with.
VARIANTS_TAG = hashlib.sha256(repr(sorted(VARIANTS.items())).encode()).hexdigest()[:12]

# Word endings whose UK and US spellings differ; a short word keeps its ending ("four",
# "your", "rise", "metre" is long enough and folds).
_SPELLING = [
    (re.compile(r"(?<=\w{3})is(?=(?:ation|ations|e|es|ed|ing|er|ers)$)"), "iz"),
    (re.compile(r"(?<=\w{2})ys(?=(?:e|es|ed|ing)$)"), "yz"),
    (re.compile(r"(?<=\w{3})our(?=(?:|s|ed|ing|al|able|ite|ites|ful)$)"), "or"),
    (re.compile(r"(?<=\w{2})tre(?=s?$)"), "ter"),
    (re.compile(r"(?<=\w{4})ogue(?=s?$)"), "og"),
]


def spelling(word: str) -> str:
    """The US spelling of a word's ending.

    >>> [spelling(w) for w in ["criticised", "analyse", "honours", "centre", "dialogue", "four"]]
    ['criticized', 'analyze', 'honors', 'center', 'dialog', 'four']
    """
    for pattern, replacement in _SPELLING:
        word = pattern.sub(replacement, word, count=1)
    return word


_ADVERBS = ("edly", "ingly")


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """A word without its inflection (Porter2 steps 0 to 1c), spelling folded first: the
    transliterations of `text.variants`, then the UK/US endings."""
    word = variant(word)
    if not word.isascii() or len(word) <= 2 or not word.isalpha():
        return word
    word = spelling(word)
    if word in porter2.exceptional_forms:
        return porter2.exceptional_forms[word]
    word = porter2.capitalize_consonant_ys(word)
    word = porter2.step_1a(porter2.step_0(word))
    # Step 1b takes -edly and -ingly too: adverbs ("reportedly" is not "report").
    if word not in porter2.exceptional_early_exit_post_1a and not word.endswith(_ADVERBS):
        word = porter2.step_1c(porter2.step_1b(word, porter2.get_r1(word)))
    return word.replace("Y", "y")


class LightStem(Filter):
    """whoosh's filter for `stem`. An index keeps its schema, and so this filter with the
    variants it was built with: an index of other variants is of another layout."""

    def __init__(self):
        self.variants = VARIANTS_TAG

    def __eq__(self, other):
        # An index written before the tag has none.
        tag = getattr(self, "variants", None)
        return type(self) is type(other) and tag == getattr(other, "variants", None)

    def __call__(self, tokens):
        for token in tokens:
            token.text = stem(token.text)
            yield token
