"""The words that say who is quoted, read from `speech_cues.toml`, where they are declared per
language (English, French, German, Spanish, Italian, Portuguese, Dutch).

Each list is joined across the languages into one regular-expression alternation, longest
first, matched case-insensitively on a paragraph whose quotations are masked: who may speak
(the report, the Office speaking elsewhere, governments, other bodies), the verbs and
prepositions that attach a quotation to a speaker, and the words that make it a term.
"""

import re
import tomllib
from collections.abc import Callable
from functools import cache
from importlib import resources

CUES_FILE = "speech_cues.toml"
_TABLE = tomllib.loads(resources.files(__package__).joinpath(CUES_FILE).read_text(encoding="utf-8"))
LANGUAGES = tuple(_TABLE)


def declared(name: str) -> list[str]:
    """Every language's entries of one list, as regex fragments (a space: any whitespace)."""
    return [e.replace(" ", r"\s+") for table in _TABLE.values() for e in table.get(name, ())]


def alternation(name: str, entries: list[str] | None = None) -> str:
    """One list as an alternation, longest entries first so that "a déclaré" beats "a"."""
    entries = declared(name) if entries is None else entries
    return "|".join(sorted(dict.fromkeys(entries), key=len, reverse=True))


def words(name: str) -> frozenset[str]:
    """A list of plain words, every language's, for look-ups rather than matching."""
    return frozenset(e for table in _TABLE.values() for e in table.get(name, ()))


def lazily(pattern: str) -> Callable[[], re.Pattern]:
    """A pattern compiled when first used: compiling the speaker alternation into each of the
    rarer cues' patterns would cost every run that never meets them."""
    return cache(lambda: re.compile(pattern))


def plain_words() -> list[str]:
    """Every declared entry's words, regex syntax left out ("high commissioner['’]s" gives
    "high", "commissioner"): the vocabulary of naming speakers and reporting speech."""
    return [
        w
        for table in _TABLE.values()
        for entries in table.values()
        for e in entries
        for w in re.findall(r"[^\W\d_]{2,}", re.sub(r"\\[a-z]|\[[^\]]*\]", " ", e))
    ]


FUNCTION_WORDS = {lang: frozenset(table.get("function", ())) for lang, table in _TABLE.items()}

_SAY_PHRASES = declared("say")
# After an inverted reporting verb: "…”, heißt es in dem Bericht", "…», dit l'ONU".
AFTER_PREFIX = rf"(?:(?:{alternation('after_prefix')})\s+)?"
_DET = rf"(?:{alternation('determiners')})"
DET_WORD = alternation("determiners")
_UN = rf"(?:{alternation('un')})"
REPORT = (
    rf"(?:{_DET}\s+)?(?:(?:{alternation('report_words')})\s*)*(?:{alternation('report')})"
    rf"(?:\s+(?:de\s+l['’]onu|der\s+un|de\s+la\s+onu|dell['’]onu|da\s+onu|van\s+de\s+vn))?"
    rf"|(?:{_DET}\s+)?{_UN}['’]?s?(?:\s+human\s+rights|-menschenrechts)?\s*"
    rf"(?:{alternation('bodies')})"
    rf"|(?:{_DET}\s+|your\s+|her\s+|his\s+)?(?:{alternation('alone')})"
    r"|ohchr|hcdh|acnudh|investigators|enquêteurs|investigadores|ermittler"
    rf"|(?:{_DET}\s+)?{_UN}"
)
REPORT_WORDS = alternation("report_words")
REPORT_NOUNS = alternation("report")
IN_WORDS = alternation("in")
POSSESSIVES = alternation("possessives")
OFFICE = alternation("office")
GOVERNMENT = alternation("government")
OTHER = alternation("other")
PRONOUN = alternation("pronouns")
# A speaker's name starts a word: testing that first spares the long alternation at the
# word boundaries that end a word.
WHO = (
    rf"(?=\w)(?i:(?P<office>{OFFICE})|(?P<government>{GOVERNMENT})|(?P<other>{OTHER})"
    rf"|(?P<report>{REPORT})|(?P<pronoun>{PRONOUN}))"
)
SAY = alternation("say", [p.replace("*", r"\w+") for p in _SAY_PHRASES])
SAY_AFTER = alternation("say_after", [*declared("say_after"), SAY])
# The last word of every reporting phrase, for a quick test before any pattern runs.
SAY_LAST_WORDS = frozenset(p.split("\\s+")[-1] for p in _SAY_PHRASES if not p.endswith("*"))
SAY_BEFORE_ANY = frozenset(p.split("\\s+")[0] for p in _SAY_PHRASES if p.endswith("*"))
VERBS = alternation("verbs", [*declared("verbs"), SAY])
ACCORDING = alternation("according")
# A word of each ACCORDING phrase, for a quick test before the pattern runs.
ACCORDING_KEYS = tuple(
    max(re.findall(r"[^\W\d_]+", e), key=len) for t in _TABLE.values() for e in t["according"]
)
WORDS_NOUNS = alternation("words_nouns")
# The stems of WORDS_NOUNS, for a quick test before the pattern runs.
WORDS_NOUN_STEMS = tuple(
    dict.fromkeys(re.match(r"[^\W\d_]+", e).group().rstrip("s") for e in declared("words_nouns"))
)
FINDING = alternation("finding")
SCARE = alternation("scare")
NAMING = alternation("naming")
PREPOSITIONS = words("prepositions")
DETERMINERS = frozenset(d.strip("[]'’") for d in words("determiners"))
# Articles of one language that are prepositions of another ("de": Dutch "the", French and
# Spanish "of"), English's excepted: an English text is the commonest.
AMBIGUOUS_DE = (DETERMINERS & PREPOSITIONS) - frozenset(_TABLE["en"]["determiners"])
