"""Web pages (HTML, XHTML, fragments of either) read as blocks with lxml.

The page's chrome (scripts, navigation, asides, page headers and footers outside the
article) goes first; a dateline in the page's header or footer still dates the page.
trafilatura then says where the article is: the blocks from the first to the last one it
keeps, so a list of signatories inside the article stays even when trafilatura finds it
too link-heavy to keep. When it finds nothing, or much less than the page holds, the whole
body's blocks are the text.
"""

import re
from dataclasses import dataclass

from uyghur_docs.corpus.blocks import BULLET, Block, headline, ordinal
from uyghur_docs.text.dates import parse_date
from uyghur_docs.text.normalise import fold, one_line
from uyghur_docs.text.urls import web_url

_DROP = (
    "script style noscript template nav aside form button select svg iframe object canvas"
    " title meta link"
)
_PAGE_PARTS = ("header", "footer")
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCKS = _HEADINGS | {
    "p", "div", "section", "article", "main", "header", "footer", "blockquote", "center",
    "address", "figure", "figcaption", "dl", "dt", "dd", "ul", "ol", "table", "thead", "tbody",
    "tfoot", "caption", "fieldset", "details", "summary", "body", "html", "hr", "li",
}  # fmt: skip
# What a layout table's cell holds and a data table's does not.
_CONTAINERS = {"table", "ul", "ol"}
_PARAGRAPHS = _HEADINGS | {"p", "div", "blockquote", "section"}
_SPACE = re.compile(r"\s+")
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.created",
)
_TITLE_SEPARATORS = re.compile(r"\s+[|–—:·-]{1,2}\s+")
_PARAGRAPH = Block("paragraph")
# Below this share of the page's text, trafilatura has missed the article.
ARTICLE_SHARE = 0.4
# A page whose blocks hold fewer words outside links than this has no content of its own.
MIN_WORDS = 15


@dataclass(frozen=True)
class Page:
    """A page's article blocks, the blocks around them, its words outside links, and the
    title and date its head declares."""

    blocks: list[Block]
    around: list[Block]
    content_words: int
    headline: str | None
    title: str | None
    date: str | None
    url: str | None = None


def parse(text: str):
    """The lxml tree of a page or a fragment (lxml wraps a fragment in html and body), or
    None when nothing is left of it (only comments, say)."""
    import lxml.etree
    import lxml.html

    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    try:
        return lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
    except lxml.etree.ParserError:
        return None


def declared_charset(data: bytes) -> str | None:
    """The charset a page that is not UTF-8 declares (`<meta charset>`), if Python knows it.

    A page declared in one encoding but written in UTF-8 is common, so UTF-8 comes first.
    """
    import codecs

    import lxml.html

    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError:
        pass
    try:
        declared = lxml.html.document_fromstring(data).getroottree().docinfo.encoding
        return codecs.lookup(declared).name if declared else None
    except (LookupError, ValueError):
        return None


def fragment_blocks(text: str) -> list[Block]:
    """The blocks of an HTML fragment (raw HTML inside Markdown)."""
    root = parse(text) if text.strip() else None
    if root is None:
        return []
    _drop_chrome(root)
    return _Walk().run(root.body if root.find("body") is not None else root)


def read_page(text: str) -> Page:
    """The article blocks of a page, with the title and date its head declares."""
    root = parse(text)
    if root is None:
        return Page([], [], 0, None, None, None)
    title, date, url = _head_title(root), _head_date(root), _head_url(root)
    parts = [block for part in _drop_chrome(root) for block in _Walk().run(part)]
    body = root.find("body")
    body = body if body is not None else root
    blocks = _Walk().run(body)
    words = sum(_words(text) for text in body.xpath(".//text()[not(ancestor::a)]"))
    start, end = _article(text, blocks)
    around = blocks[:start] + blocks[end:] + parts
    return Page(blocks[start:end], around, words, _headline(blocks, title), title, date, url)


def _words(text: str) -> int:
    """Words in text; Chinese and Japanese, written without spaces, count two characters as
    one word."""
    ideographs = sum("\u3040" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af" for c in text)
    return len(text.split()) + ideographs // 2


def _headline(blocks: list[Block], title: str | None) -> str | None:
    """The heading the page's own title names (a theme may make the site's name the h1),
    else the first top-level heading."""
    named = title and next(
        (b.text for b in blocks if b.kind == "heading" and fold(one_line(b.text)) == fold(title)),
        None,
    )
    return one_line(named) if named else headline(blocks)


def _drop_chrome(root) -> list:
    """Take out what is not the page's text; the page's own header and footer, which may
    hold its date, are returned."""
    for element in root.xpath(" | ".join(f"//{tag}" for tag in _DROP.split())):
        _remove(element)
    for element in root.xpath("//*[@role='navigation' or @hidden or @aria-hidden='true']"):
        _remove(element)
    # A page header holding the page's h1 is where its headline is: it stays.
    outside = " | ".join(
        f"//{tag}[not(ancestor::article) and not(ancestor::main) and not(.//h1)]"
        for tag in _PAGE_PARTS
    )
    parts = root.xpath(outside)
    for element in parts:
        _remove(element)
    return parts


def _remove(element) -> None:
    """Take an element out, keeping the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)


def _article(text: str, blocks: list[Block]) -> tuple[int, int]:
    """Where the article is among the blocks: from the first that trafilatura keeps (or the
    page's headline before it) to the last, and on through a list or table that ends it."""
    kept = _trafilatura_text(text)
    found = [i for i, block in enumerate(blocks) if _key(block) and _key(block) in kept]
    if not found:
        return 0, len(blocks)
    start, end = found[0], found[-1] + 1
    top = next((i for i, b in enumerate(blocks) if b.kind == "heading" and b.level == 1), start)
    start = min(start, top)
    while start > 0 and blocks[start - 1].kind == "heading":
        start -= 1
    while end < len(blocks) and blocks[end].kind in ("item", "row"):
        end += 1
    span = sum(len(_key(b)) for b in blocks[start:end])
    if span < ARTICLE_SHARE * sum(len(_key(b)) for b in blocks):
        return 0, len(blocks)
    return start, end


def _key(block: Block) -> str:
    return fold(one_line(block.text if block.kind != "row" else " ".join(block.cells)))


def _trafilatura_text(text: str) -> str:
    import logging

    import trafilatura

    # trafilatura logs parse trouble through the root logger's last resort, i.e. to stderr.
    logging.getLogger("trafilatura").addHandler(logging.NullHandler())
    found = trafilatura.extract(
        text, include_comments=False, include_tables=True, include_formatting=False
    )
    return fold(one_line(found or ""))


def _head_title(root) -> str | None:
    site = _meta(root, "og:site_name")
    for value in (_meta(root, "og:title"), root.findtext(".//title")):
        if value and one_line(value):
            return _cut_site_name(one_line(value), site)
    return None


def _cut_site_name(title: str, site: str | None) -> str:
    """A page title without the site's name ("Statement | Example NGO" -> "Statement").

    >>> _cut_site_name("Joint statement on the camps - Example NGO", None)
    'Joint statement on the camps'
    >>> _cut_site_name("Rights Letter: A plea to the Council", "rightsletter.org")
    'Rights Letter: A plea to the Council'
    """
    parts = [p for p in _TITLE_SEPARATORS.split(title) if p]
    if len(parts) < 2 or not re.search(r"\s[|–—-]\s", title):
        return title
    if site:
        rest = [p for p in parts if fold(p) not in fold(site) and fold(site) not in fold(p)]
        return " - ".join(rest) if rest else title
    return max(parts, key=len)


def _head_date(root) -> str | None:
    for name in _DATE_META:
        value = _meta(root, name)
        if value and (iso := parse_date(value)):
            return iso
    return None


def _head_url(root) -> str | None:
    """Where the page says it lives: its canonical link, else its `og:url`."""
    canonical = (
        web_url(link.get("href"))
        for link in root.iter("link")
        if "canonical" in (link.get("rel") or "").lower().split()
    )
    return next(filter(None, canonical), None) or web_url(_meta(root, "og:url"))


def _meta(root, name: str) -> str | None:
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key == name and meta.get("content"):
            return meta.get("content")
    return None


class _Walk:
    """Blocks in document order: block elements end what the inline text before them said."""

    def __init__(self):
        self.blocks: list[Block] = []
        self.buffer: list[str] = []
        self.pending = _PARAGRAPH

    def run(self, root) -> list[Block]:
        self._element(root)
        self._flush()
        return self.blocks

    def _flush(self, then: Block = _PARAGRAPH, closing: bool = False) -> None:
        text = "".join(self.buffer)
        pending = self.pending
        if text.strip():
            self.blocks.append(Block(pending.kind, text, pending.level, pending.marker))
        elif pending.kind in ("item", "heading") and then is _PARAGRAPH and not closing:
            # `<li><p>Text</p></li>`: the item's marker goes to its first paragraph.
            then = pending
        self.buffer, self.pending = [], then

    def _inline(self, text: str | None) -> None:
        if text:
            self.buffer.append(_SPACE.sub(" ", text))

    def _element(self, el) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag == "br":
            self.buffer.append("\n")
        elif tag == "tr" and _lays_out(el):
            # A layout table (an e-mail newsletter's) holds paragraphs, not a row of data.
            for cell in el:
                self._flush()
                self._children(cell)
                self._flush(closing=True)
        elif tag in ("tr", "pre"):
            self._flush()
            self.blocks.append(_row(el) if tag == "tr" else Block("pre", "".join(el.itertext())))
        elif tag in _BLOCKS:
            self._flush(self._opening(el, tag))
            self._children(el)
            self._flush(closing=True)
        elif tag != "img":
            self._children(el)

    def _children(self, el) -> None:
        self._inline(el.text)
        for child in el:
            self._element(child)
            self._inline(child.tail)

    def _opening(self, el, tag: str) -> Block:
        if tag in _HEADINGS:
            return Block("heading", level=int(tag[1]))
        if tag == "li":
            return Block("item", marker=_marker(el))
        return _PARAGRAPH


def _marker(item) -> str:
    """`• ` in an unordered list, else the item's rendered number (start, value attributes)."""
    parent = item.getparent()
    if parent is None or parent.tag != "ol":
        return BULLET
    number = _int(parent.get("start"), 1)
    for sibling in parent.iterchildren("li"):
        number = _int(sibling.get("value"), number)
        if sibling is item:
            return ordinal(number)
        number += 1
    return ordinal(number)


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _lays_out(tr) -> bool:
    """Whether a table row is layout: a cell holds a list, a table, or several paragraphs
    (a data cell may wrap its one value in a `<p>` or a `<div>`)."""
    for cell in tr:
        tags = [i.tag.lower() for i in cell.iterdescendants() if isinstance(i.tag, str)]
        if any(t in _CONTAINERS for t in tags) or sum(t in _PARAGRAPHS for t in tags) > 1:
            return True
    return False


def _row(tr) -> Block:
    """A table row's cells; an image's alt text stands for a cell only when it has no text."""
    cells = []
    for cell in tr:
        if isinstance(cell.tag, str) and cell.tag in ("td", "th"):
            text = one_line("".join(cell.itertext()))
            alts = [one_line(img.get("alt") or "") for img in cell.iter("img")]
            cells.append(text or " ".join(filter(None, alts)))
    return Block("row", cells=tuple(cells))
