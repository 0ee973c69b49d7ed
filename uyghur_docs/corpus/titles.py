"""The title a statement gives itself, read from its opening lines.

A title is a line of the header that is none of: an address ("To Members ...:", "Dear"),
a genre or section label ("Press Release", "NEWS", "Backgrounder"), a dateline, a byline
("By Jane Doe", "Posted by ..."), a bare link, a body sentence (a long line ending in a full
stop), a quotation running on past its line, or a kicker (a short label line such as
"World & Society" right before a longer headline). A title comes before the body: once a
body sentence is read, no later line is one (a text whose headline was left out has none),
unless the sentences open the text as a note set above a headline.
A headline copied twice at the top (a page's title and its heading) is the title even when
it holds a date. Lines of one paragraph that together make one heading are joined, and so
is a line cut where no title ends (on "of the"); characters that print as nothing go.
"""

import re

from uyghur_docs.corpus.datelines import dateline, opening_dateline
from uyghur_docs.text.names import word_set
from uyghur_docs.text.normalise import fold, one_line, visible

HEADER_PARAGRAPHS = 6
MAX_TITLE = 300
MAX_KICKER_WORDS = 5
MAX_HEADING_LINES = 3
# A line ending in a full stop with more words than this is a sentence, not a heading.
MAX_STOPPED_WORDS = 8

_ADDRESS = re.compile(
    r"^(to\b.*:$|to:|.{1,30}：$|dear\b|madam\b|sir\b|your excellenc|excellenc|mr\.? president)",
    re.IGNORECASE,
)
_LABELS = {
    "press release", "news release", "for immediate release", "media advisory", "media release",
    "backgrounder", "news",
    "latest news", "update", "updates", "opinion", "op-ed", "editorial", "analysis", "commentary",
    "communique", "communique de presse", "comunicado de prensa", "pressemitteilung",
    "news and press releases", "breaking", "breaking news", "press", "newsroom", "blog",
    "新闻稿", "声明", "新聞稿", "聲明",
}  # fmt: skip
_EMBARGO = re.compile(r"^embargoed\b", re.IGNORECASE)
_BYLINE = re.compile(
    r"^((posted|written|published|reported|compiled|edited|text|words|story)\s+by|by|par|por|von"
    r"|author|authors|auteur|autor|autore)\b[\s:]+\S",
    re.IGNORECASE,
)
# Words no title ends on: a line that does was cut where the text wrapped it.
_DANGLING = word_set(
    "a an and at by for from in into of on or the to with"
    " au aux de des du en et la le les pour sur"
    " al con del el las los para por y"
    " am auf aus bei dem den der des die für im mit und vom zu zum zur"
    " della di il per"
)
_OPENING_MARKS = "\"“„«‘'"
_CLOSING_MARKS = "\"”“»’'"
_URL = re.compile(r"^(https?://|www\.)\S+$", re.IGNORECASE)
_STOP = ("。", ".")
_AMPERSAND = re.compile(r"\s&\s")


def is_label(line: str) -> bool:
    """A genre, section or release label, not a title.

    >>> is_label("PRESS RELEASE"), is_label("Embargoed until 10:00 CET"), is_label("A plan")
    (True, True, False)
    """
    bare = fold(one_line(line)).strip(" :.-–—|*_")
    return bare in _LABELS or bool(_EMBARGO.match(bare))


def can_be_title(line: str) -> bool:
    """Whether a heading a reader found (front matter, `<h1>`) can name the document."""
    line = one_line(line)
    letters = sum(c.isalpha() for c in line)
    return (
        letters >= 2
        and len(line) <= MAX_TITLE
        and not _ADDRESS.match(line)
        and not is_label(line)
        and not _URL.match(line)
        and dateline(line) is None
    )


def is_byline(line: str) -> bool:
    """A line naming who wrote the text ("By Jane Doe", "Posted by …", "Author: …").

    >>> is_byline("Posted by Jane Doe"), is_byline("Author: Li Wei"), is_byline("Bypass it")
    (True, True, False)
    """
    return bool(_BYLINE.match(line))


def is_sentence(line: str) -> bool:
    """A body sentence: a long line ending in a full stop, or longer than any title."""
    stopped = len(line.split()) > MAX_STOPPED_WORDS or len(line) > 60
    return len(line) > MAX_TITLE or (line.rstrip().endswith(_STOP) and stopped)


def _runs_on_quoted(line: str) -> bool:
    """A line opening a quotation it does not close: a quoted passage, not a heading."""
    line = line.strip()
    return line[:1] in _OPENING_MARKS and not any(c in _CLOSING_MARKS for c in line[1:])


def _is_title_line(line: str) -> bool:
    return (
        not is_sentence(line)
        and not _runs_on_quoted(line)
        and len(line) <= MAX_TITLE
        and not is_byline(line)
        and sum(c.isalpha() for c in line) >= 3
        and can_be_title(line)
        and opening_dateline(line) is None
    )


def extract_title(paragraphs: list[str]) -> str | None:
    """The first heading-like line of the header (joined with the lines that finish it).

    >>> extract_title(["To Members of the Council:", "12.03.2020", "Act now on Xinjiang"])
    'Act now on Xinjiang'
    >>> extract_title(["World & Society", "UN report finds violations", "By A. Writer"])
    'UN report finds violations'
    """
    header = [visible(paragraph) for paragraph in paragraphs[:HEADER_PARAGRAPHS]]
    if len(header) > 1 and header[0] == header[1] and len(header[0]) <= MAX_TITLE:
        return one_line(header[0])
    for i, paragraph in enumerate(header):
        title = _heading(paragraph)
        following = header[i + 1] if i + 1 < len(header) else ""
        if title and not (_looks_like_kicker(title) and _heading(following)):
            return title
        if title is None and _is_body(paragraph) and not _note_above(i, following):
            return None  # the body has begun: what follows is no title
    return None


def _is_body(paragraph: str) -> bool:
    return any(map(is_sentence, paragraph.split("\n")))


def _note_above(position: int, following: str) -> bool:
    """Whether the opening paragraph is a note set above the headline (an editor's note, a
    summary): the paragraph under it is a heading, one that does not end like a sentence."""
    heading = _heading(following) if position == 0 else None
    return bool(heading) and not heading.endswith(_STOP)


def _looks_like_kicker(title: str) -> bool:
    """Shaped like a short section label ("World & Society", "WORLD"); it is one when a
    headline follows right under it."""
    shouted = title == title.upper() and any(c.isupper() for c in title)
    labelled = shouted or bool(_AMPERSAND.search(title))
    return len(title.split()) <= MAX_KICKER_WORDS and labelled


def _heading(paragraph: str) -> str | None:
    """The heading a paragraph starts with, if its first title-like lines make one."""
    lines = [line for line in paragraph.split("\n") if line.strip()]
    first = next((n for n, line in enumerate(lines) if _is_title_line(line)), None)
    # A line after a body sentence or inside a quotation is neither a heading's.
    if first is None or any(is_sentence(a) or _runs_on_quoted(a) for a in lines[:first]):
        return None
    taken = [lines[first]]
    rest = lines[first + 1 :]
    if len(lines) <= MAX_HEADING_LINES and all(map(_is_title_line, rest)):
        taken += rest
    else:
        while rest and len(taken) < MAX_HEADING_LINES and _cut(taken[-1], rest[0]):
            taken.append(rest.pop(0))
    title = one_line(" ".join(taken))
    return title if len(title) <= MAX_TITLE else None


def _cut(line: str, following: str) -> bool:
    """Whether a heading's line was cut where the text wrapped it: it ends on a word no
    title ends on ("… Anniversary of the") and a title-like line follows."""
    words = fold(line).split()
    return bool(words) and words[-1] in _DANGLING and _is_title_line(following)
