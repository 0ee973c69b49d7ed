"""Text out of the files people have: plain text, Markdown, web pages, PDF and Word.

Each reader returns the document's paragraphs (Markdown and web pages as blocks written
by `blocks.paragraphs`) and what the format itself says about the title and date (front
matter, HTML meta tags, PDF info, DOCX core properties). The parsers are imported inside
the functions that use them, so only adding such a file pays for loading them.
"""

import io
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from uyghur_docs.corpus.blocks import headline, paragraphs
from uyghur_docs.corpus.datelines import document_date
from uyghur_docs.corpus.encodings import decode_text
from uyghur_docs.corpus.markdown import read_markdown
from uyghur_docs.corpus.pdf import read_pdf
from uyghur_docs.corpus.webpage import MIN_WORDS, declared_charset, read_page
from uyghur_docs.errors import IngestError
from uyghur_docs.text.normalise import one_line, split_paragraphs

FORMATS = {
    ".txt": "txt",
    ".md": "md",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}
SUPPORTED = ", ".join(FORMATS)


@dataclass(frozen=True)
class Extracted:
    """A file's text as paragraphs, with the title and date its format declares.

    `headline` is the title the document's structure gives (front matter, `<h1>`, the largest
    print on a PDF's first page) and beats the text's; `title` (a page's `<title>`, a PDF's
    or DOCX's properties) and `date` serve only when the text gives none.
    """

    format: str
    paragraphs: tuple[str, ...]
    title: str | None = None
    date: str | None = None
    headline: str | None = None
    encoding: str | None = None
    url: str | None = None  # where the page says it lives (canonical link, front matter)


def format_of(path: Path) -> str:
    """The format name of a file, by extension; unsupported ones are refused."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        what = f"{path.suffix} files are" if path.suffix else "files without an extension are"
        raise IngestError(f"{path}: {what} not supported; save it as one of {SUPPORTED}")
    return fmt


def read(path: Path, data: bytes, encoding: str | None = None) -> Extracted:
    """The paragraphs and declared metadata of a file's bytes, or an IngestError saying why not.

    `encoding` names the text encoding of a text format, instead of detecting it.
    """
    fmt = format_of(path)
    if not data.strip():
        raise IngestError(f"{path} is empty; there is nothing to add")
    reader = {"txt": _plain, "md": _markdown, "html": _html, "pdf": _pdf, "docx": _docx}[fmt]
    extracted = reader(path, data, encoding)
    paragraphs = tuple(p for p in map(_tidy, extracted.paragraphs) if p)
    if not paragraphs:
        raise IngestError(f"{path} has no text that could be extracted; nothing to add")
    return replace(extracted, paragraphs=paragraphs)


def _tidy(paragraph: str) -> str:
    """Each line's whitespace runs collapsed and empty lines dropped, so no paragraph splits."""
    return "\n".join(filter(None, (one_line(line) for line in paragraph.splitlines())))


def _plain(path: Path, data: bytes, encoding: str | None) -> Extracted:
    decoded = decode_text(path, data, encoding)
    return Extracted("txt", tuple(split_paragraphs(decoded.text)), encoding=decoded.encoding)


def _markdown(path: Path, data: bytes, encoding: str | None) -> Extracted:
    decoded = decode_text(path, data, encoding)
    md = read_markdown(decoded.text)
    heading = md.title or headline(md.blocks)
    return Extracted(
        "md",
        tuple(paragraphs(md.blocks)),
        date=md.date,
        headline=heading,
        encoding=decoded.encoding,
        url=md.url,
    )


def _html(path: Path, data: bytes, encoding: str | None) -> Extracted:
    decoded = decode_text(path, data, encoding or declared_charset(data))
    page = read_page(decoded.text)
    if page.content_words < MIN_WORDS:
        raise IngestError(
            f"{path}: no article text found in the page (only links, navigation or a footer);"
            " save the article as .txt and add that"
        )
    around = document_date(paragraphs(page.around))
    return Extracted(
        "html",
        tuple(paragraphs(page.blocks)),
        page.title,
        around or page.date,
        page.headline,
        decoded.encoding,
        page.url,
    )


def _pdf(path: Path, data: bytes, encoding: str | None) -> Extracted:
    # Footnotes follow the body, so no footnote splits a paragraph running across a page.
    pdf = read_pdf(path, data)
    return Extracted("pdf", (*pdf.paragraphs, *pdf.footnotes), pdf.title, pdf.date, pdf.headline)


def _docx(path: Path, data: bytes, encoding: str | None) -> Extracted:
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # not a zip, not a Word package, damaged XML: all one to the user
        raise IngestError(
            f"{path} is not a readable Word document ({exc}); check the file"
        ) from exc
    paragraphs: list[str] = []
    for block in document.iter_inner_content():
        paragraphs.extend(_cells(block) if isinstance(block, Table) else [block.text])
    props = document.core_properties
    return Extracted("docx", tuple(paragraphs), props.title or None, _docx_date(props.created))


def _cells(table) -> list[str]:
    """One paragraph per table cell; a merged cell repeats along its row, so repeats go."""
    texts = []
    for row in table.rows:
        previous = None
        for cell in row.cells:
            if cell.text != previous:
                texts.append(cell.text)
            previous = cell.text
    return texts


# python-docx stamps every document made from its template with the template's own date.
_DOCX_TEMPLATE_CREATED = datetime(2013, 12, 23, 23, 15)


def _docx_date(created: datetime | None) -> str | None:
    if created is None or created.replace(tzinfo=None) == _DOCX_TEMPLATE_CREATED:
        return None
    return created.date().isoformat()
