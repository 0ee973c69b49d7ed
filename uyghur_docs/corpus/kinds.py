"""The kind of statement a text says it is, from cue phrases: the header's first.

The header names most kinds ("Press Release", "Joint statement", "Open letter", "Oral
statement"); where it names none, the text's shape decides: a statement read to a council
("Mr. President,", "Check against delivery"), a journalist's by-line or a wire dateline
("GENEVA (Reuters) —") over a news article, a letter's salutation and closing, "the
undersigned", or a release's "said today". An open letter the undersigned sign together is
a joint letter.
"""

import re

from uyghur_docs.corpus.titles import HEADER_PARAGRAPHS, is_sentence

_I = re.IGNORECASE
_ORAL = re.compile(
    r"\boral (statement|intervention)\b|\bcheck against delivery\b|\bdelivered by\b"
    r"|\bas delivered\b"
    r"|\bdéclaration orale\b|\bdeclaración oral\b|\bmündliche erklärung\b",
    _I,
)
_HEADER_KINDS = [
    ("press-release", re.compile(r"\bpress release\b", _I)),
    ("news-release", re.compile(r"\bnews release\b", _I)),
    ("oral-statement", _ORAL),
    ("joint-statement", re.compile(r"\bjoint (public )?statement\b", _I)),
    ("joint-letter", re.compile(r"\bjoint letter\b", _I)),
]
# An open letter names itself in a heading line; a sentence that mentions one is a story
# about it.
_OPEN_LETTER = re.compile(
    r"\b(open letter|lettre ouverte|carta abierta|offener brief)\b|公开信", _I
)
# Words addressed to the chair of a council or a meeting, at the start of a line.
_CHAIR = re.compile(
    r"^[\"“]?(thank you,? )?(mr\.?|madam|madame|mister|monsieur|señor|señora) (vice[- ])?"
    r"(president|chair|chairperson|chairman|présidente?|presidente?)\b",
    _I | re.MULTILINE,
)
# A wire story's dateline: a city in capitals, the agency in brackets if any, a dash, and
# the story (a release's dateline carries its date).
_WIRE = re.compile(r"^[A-Z][A-Z.'-]+( [A-Z][A-Z.'-]+){0,3}( \([A-Za-z .]{2,30}\))? *[-–—] +[A-Z]")
# A journalist's by-line: "By" and a personal name, nothing else on the line.
_BY_NAME = re.compile(r"^by\s+[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+){1,3}$", _I)
_LETTER = re.compile(
    r"^(dear\b|madam\b|to\b.*:$|your excellenc)|^(sincerely|yours (faithfully|sincerely|truly)"
    r"|respectfully|kind regards|best regards)\b",
    _I | re.MULTILINE,
)
_UNDERSIGNED = re.compile(r"\b(the )?undersigned\b", _I)
_NEWS = re.compile(r"\bsaid today\b|\bfor more information,? (please )?contact\b", _I)


def extract_kind(paragraphs: list[str]) -> str:
    """The kind a statement says it is: header cues first, then the text's shape.

    >>> extract_kind(["Joint statement on the anniversary", "We, the undersigned, ..."])
    'joint-statement'
    >>> extract_kind(["Title", "Dear High Commissioner,", "...", "Sincerely,", "HRW"])
    'joint-letter'
    >>> extract_kind(["Open letter to the Council", "Dear members,", "...", "Jane Roe"])
    'open-letter'
    """
    header = "\n".join(paragraphs[:HEADER_PARAGRAPHS])
    body = "\n".join(paragraphs)
    for kind, cue in _HEADER_KINDS:
        if cue.search(header):
            return kind
    if any(_OPEN_LETTER.search(line) for line in _heading_lines(paragraphs)):
        return "joint-letter" if _UNDERSIGNED.search(body) else "open-letter"
    if _CHAIR.search(body):
        return "oral-statement"
    if _reported(paragraphs[:HEADER_PARAGRAPHS]):
        return "news-article"
    if _LETTER.search(body):
        return "joint-letter"
    if _UNDERSIGNED.search(body):
        return "joint-statement"
    if _NEWS.search(body):
        return "news-release"
    return "other"


def _heading_lines(paragraphs: list[str]) -> list[str]:
    """The header's lines that are headings, not sentences."""
    lines = (line.strip() for p in paragraphs[:HEADER_PARAGRAPHS] for line in p.split("\n"))
    return [line for line in lines if not is_sentence(line)]


def _reported(header: list[str]) -> bool:
    """A journalist's story: "By" and a name on a line of the header, or a wire dateline."""
    lines = [line.strip() for paragraph in header for line in paragraph.split("\n")]
    return any(_BY_NAME.match(line) or _WIRE.match(line) for line in lines)
