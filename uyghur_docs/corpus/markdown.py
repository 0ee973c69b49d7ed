"""Markdown read as a reader sees it: markdown-it-py's tokens turned into blocks.

Front matter (a leading YAML `---` or TOML `+++` block, as static sites write it) is
metadata: its `title`, `date` and URL (`url`, `canonical_url`, `link`, ...) are returned
apart and never become text. Raw HTML blocks inside the Markdown go through the web page
reader's block walk, so `<p>` or `<ul>` read the same in both formats.
"""

import tomllib
from dataclasses import dataclass

from uyghur_docs.corpus.blocks import BULLET, Block, ordinal
from uyghur_docs.text.dates import parse_date
from uyghur_docs.text.urls import web_url

_FRONT_MATTER_KEYS = {
    "title": ("title",),
    "date": ("date", "publishdate", "publish_date", "published", "pubdate"),
}
# Where static-site generators and web clippers write a page's address.
_URL_KEYS = ("canonical_url", "canonicalurl", "canonical", "url", "source_url", "source",
             "original_url", "link", "permalink")  # fmt: skip
_BREAK_TAGS = ("<br", "<br/", "<br>")


@dataclass(frozen=True)
class Markdown:
    """A Markdown file's blocks and what its front matter declares (the date as ISO)."""

    blocks: list[Block]
    title: str | None
    date: str | None
    url: str | None = None


def read_markdown(text: str) -> Markdown:
    """The blocks of a Markdown text and its front matter's title, date and URL.

    >>> md = read_markdown("---\\ntitle: A letter\\ndate: 2022-09-01\\n---\\n# Head\\n\\n"
    ...                    "1. one\\n1. two\\n\\n| a | b |\\n|---|---|\\n| [x](u) |  |\\n")
    >>> (md.title, md.date), [(b.kind, b.text or b.cells, b.marker) for b in md.blocks]
    (('A letter', '2022-09-01'), [('heading', 'Head', ''), ('item', 'one', '1. '), \
('item', 'two', '2. '), ('row', ('a', 'b'), ''), ('row', ('x', ''), '')])
    """
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(front_matter_plugin)
    fields, text = _toml_front_matter(text)
    tokens = parser.parse(text)
    if fields is None:
        fields = _yaml(next((t.content for t in tokens if t.type == "front_matter"), ""))
    title, date = _title_and_date(fields)
    return Markdown(_Walk().run(tokens), title, date, _url(fields))


def _toml_front_matter(text: str) -> tuple[dict | None, str]:
    """The fields of a TOML front matter (`+++` lines, as Hugo writes it), and the rest.

    >>> _toml_front_matter('+++\\ntitle = "A"\\n+++\\nBody')
    ({'title': 'A'}, 'Body')
    """
    lines = text.lstrip("\ufeff").split("\n")
    if lines[0].strip() != "+++":
        return None, text
    end = next((n for n in range(1, len(lines)) if lines[n].strip() == "+++"), None)
    if end is None:
        return None, text
    try:
        fields = tomllib.loads("\n".join(lines[1:end]))
    except tomllib.TOMLDecodeError:
        fields = {}
    return fields, "\n".join(lines[end + 1 :])


def _yaml(content: str) -> dict:
    """The fields of a YAML front matter; broken YAML gives none."""
    import yaml

    try:
        fields = yaml.safe_load(content) if content.strip() else None
    except yaml.YAMLError:
        return {}
    return fields if isinstance(fields, dict) else {}


def _title_and_date(fields: dict) -> tuple[str | None, str | None]:
    """The title and ISO date front matter fields give (keys in any case)."""
    fields = {str(k).lower(): v for k, v in fields.items()}
    found = {}
    for name, keys in _FRONT_MATTER_KEYS.items():
        value = next((fields[k] for k in keys if fields.get(k) not in (None, "")), None)
        found[name] = " ".join(str(value).split()) if value is not None else None
    return found["title"], parse_date(found["date"]) if found["date"] else None


def _url(fields: dict) -> str | None:
    """The first web address among the front matter's URL fields (keys in any case).

    >>> _url({"Link": "not a link", "canonical_url": "https://example.org/s"})
    'https://example.org/s'
    """
    fields = {str(k).lower(): v for k, v in fields.items()}
    return next(filter(None, (web_url(fields.get(key)) for key in _URL_KEYS)), None)


class _Walk:
    """The block-level walk over a token stream; lists keep their counters on a stack."""

    def __init__(self):
        self.blocks: list[Block] = []
        self.lists: list[list] = []  # [ordered, next number] per open list
        self.item_open = False
        self.heading_level = 0
        self.row: list[str] | None = None

    def run(self, tokens) -> list[Block]:
        for token in tokens:
            handler = getattr(self, "_" + token.type, None)
            if handler:
                handler(token)
        return self.blocks

    def _bullet_list_open(self, token):
        self.lists.append([False, 0])

    def _ordered_list_open(self, token):
        self.lists.append([True, int(token.attrGet("start") or 1)])

    def _bullet_list_close(self, token):
        self.lists.pop()

    _ordered_list_close = _bullet_list_close

    def _list_item_open(self, token):
        self.item_open = True

    def _inline(self, token):
        text = inline_text(token.children or [])
        if self.row is None and _is_template_tag(text):
            return
        if self.row is not None:
            self.row.append(text)
        elif self.item_open and self.lists:
            self.item_open = False
            ordered, number = self.lists[-1]
            self.lists[-1][1] += 1
            self.blocks.append(Block("item", text, marker=ordinal(number) if ordered else BULLET))
        elif self.heading_level:
            self.blocks.append(Block("heading", text, level=self.heading_level))
        else:
            self.blocks.append(Block("paragraph", text))

    def _heading_open(self, token):
        self.heading_level = int(token.tag[1])

    def _heading_close(self, token):
        self.heading_level = 0

    def _tr_open(self, token):
        self.row = []

    def _tr_close(self, token):
        self.blocks.append(Block("row", cells=tuple(self.row)))
        self.row = None

    def _fence(self, token):
        self.blocks.append(Block("pre", token.content))

    _code_block = _fence

    def _html_block(self, token):
        from uyghur_docs.corpus.webpage import fragment_blocks

        self.blocks.extend(fragment_blocks(token.content))


def _is_template_tag(text: str) -> bool:
    """A paragraph that is only a site generator's tag (`{% include x %}`, `{{< figure >}}`):
    the generator replaces it, no reader sees it.

    >>> _is_template_tag("{% include share-links.html %}"), _is_template_tag("{a} and {b}")
    (True, False)
    """
    text = text.strip()
    tags = (("{%", "%}"), ("{{", "}}"))
    return any(text.startswith(a) and text.endswith(b) and text.count(a) == 1 for a, b in tags)


def inline_text(children) -> str:
    """The words of an inline token's children: markup, link targets and images dropped,
    inline code kept in its backticks.

    Every line break, soft or hard (two spaces, a backslash or `<br>`), is a newline: a
    paragraph of one name per source line is a list to its writer, whatever CommonMark
    renders, and wrapped prose is joined again by whoever reads sentences.
    """
    parts = []
    for child in children:
        if child.type == "text":
            parts.append(child.content)
        elif child.type == "code_inline":
            # As written: a handle in backticks ("Jo Roe (`jroe`)") keeps them.
            parts.append(f"`{child.content}`")
        elif child.type in ("softbreak", "hardbreak") or (
            child.type == "html_inline" and child.content.lower().startswith(_BREAK_TAGS)
        ):
            parts.append("\n")
    return "".join(parts)
