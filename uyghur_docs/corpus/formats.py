"""Text out of the files people have: plain text, Markdown, web pages, PDF and Word.

Each reader returns the document's paragraphs and what the format itself says about the
title and date (HTML meta tags, PDF info, DOCX core properties); those serve only when the
text says nothing. The parsers are imported inside their readers, so only adding such a
file pays for loading them.
"""

import codecs
import io
import logging
import re
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from uyghur_docs.errors import IngestError
from uyghur_docs.text.dates import parse_date
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
# UTF-32 first: its little-endian mark starts with UTF-16's.
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MD_HEADING = re.compile(r"^#{1,6}\s+", re.MULTILINE)
_PAGE_NUMBER = re.compile(
    r"^(page\s+)?[-–—(]?\s*\d{1,4}\s*[-–—)]?(\s*(/|of)\s*\d{1,4})?$", re.IGNORECASE
)
_BULLET = re.compile(r"^([•▪●◦‣*]|[-–—]\s|\(?\d{1,2}[.)]\s)")
_SENTENCE_END = re.compile(r"[.!?:;\"”’)]$")
# Lines this close to a page's top or bottom may be running headers, footers, page numbers.
PAGE_EDGE = 3
# A line shorter than this share of the page's longest that ends a sentence ends a paragraph.
SHORT_LINE = 0.75


@dataclass(frozen=True)
class Extracted:
    """A file's text as paragraphs, with the title and date its format declares."""

    format: str
    paragraphs: tuple[str, ...]
    title: str | None = None
    date: str | None = None


def format_of(path: Path) -> str:
    """The format name of a file, by extension; unsupported ones are refused."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        what = f"{path.suffix} files are" if path.suffix else "files without an extension are"
        raise IngestError(f"{path}: {what} not supported; save it as one of {SUPPORTED}")
    return fmt


def read(path: Path, data: bytes) -> Extracted:
    """The paragraphs and declared metadata of a file's bytes, or an IngestError saying why not."""
    fmt = format_of(path)
    if not data.strip():
        raise IngestError(f"{path} is empty; there is nothing to add")
    reader = {"txt": _plain, "md": _markdown, "html": _html, "pdf": _pdf, "docx": _docx}[fmt]
    extracted = reader(path, data)
    paragraphs = tuple(p for p in map(_tidy, extracted.paragraphs) if p)
    if not paragraphs:
        raise IngestError(f"{path} has no text that could be extracted; nothing to add")
    return replace(extracted, paragraphs=paragraphs)


def _tidy(paragraph: str) -> str:
    """Each line's whitespace runs collapsed and empty lines dropped, so no paragraph splits."""
    return "\n".join(filter(None, (one_line(line) for line in paragraph.splitlines())))


def decode_text(path: Path, data: bytes) -> str:
    """Text in any encoding charset-normalizer can tell; binary or undecidable bytes refused."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _text_or_refuse(path, data.decode(codec, errors="replace"))
    if b"\x00" in data:
        raise IngestError(f"{path} is binary, not text; give it the extension of its real format")
    try:
        return _text_or_refuse(path, data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise IngestError(
            f"{path}: cannot tell which text encoding it uses; save it as UTF-8 and add it again"
        )
    return _text_or_refuse(path, str(best))


def _text_or_refuse(path: Path, text: str) -> str:
    if len(_CONTROL.findall(text)) > len(text) / 100:
        raise IngestError(f"{path} is binary, not text; give it the extension of its real format")
    return text


def _plain(path: Path, data: bytes) -> Extracted:
    return Extracted("txt", tuple(split_paragraphs(decode_text(path, data))))


def _markdown(path: Path, data: bytes) -> Extracted:
    # Heading marks would otherwise become part of the title the metadata extractor finds.
    text = _MD_HEADING.sub("", decode_text(path, data))
    return Extracted("md", tuple(split_paragraphs(text)))


def _html(path: Path, data: bytes) -> Extracted:
    if b"\x00" in data:
        raise IngestError(f"{path} is binary, not HTML; give it the extension of its real format")
    import trafilatura

    # trafilatura logs parse trouble through the root logger's last resort, i.e. to stderr.
    logging.getLogger("trafilatura").addHandler(logging.NullHandler())
    page = trafilatura.bare_extraction(
        data, with_metadata=True, include_comments=False, include_tables=True
    )
    if page is None or not (page.text or "").strip():
        raise IngestError(
            f"{path}: no article text found in the page; save the article as .txt and add that"
        )
    # One line per block element (paragraph, heading, list item) in trafilatura's text.
    paragraphs = page.text.split("\n")
    title = one_line(page.title) if page.title else None
    # The headline often sits outside the article element; the corpus wants it as ¶1.
    if title and title not in map(one_line, paragraphs[:3]):
        paragraphs.insert(0, title)
    return Extracted("html", tuple(paragraphs), title, parse_date(page.date or ""))


def _pdf(path: Path, data: bytes) -> Extracted:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not _unlocked(reader):
            raise IngestError(
                f"{path} is an encrypted PDF; save a copy without a password and add that"
            )
        pages = [page.extract_text(extraction_mode="layout") for page in reader.pages]
        info = reader.metadata
    except IngestError:
        raise
    except Exception as exc:  # pypdf raises many types on damaged files; all mean the same here
        raise IngestError(f"{path} is not a readable PDF ({exc}); check the file") from exc
    if not any(page.strip() for page in pages):
        raise IngestError(
            f"{path} has no text layer (a scanned PDF?); it needs OCR first, e.g."
            " `ocrmypdf in.pdf out.pdf`, then add the result"
        )
    title = one_line(info.title) if info and info.title else None
    return Extracted("pdf", tuple(pdf_paragraphs(pages)), title, _pdf_date(info))


def _unlocked(reader) -> bool:
    """Whether an encrypted PDF opens without a password (owner-only protection)."""
    try:
        return bool(reader.decrypt(""))
    except Exception:  # e.g. AES without a crypto library: as locked as a wrong password
        return False


def _pdf_date(info) -> str | None:
    try:
        created = info.creation_date if info else None
    except ValueError:
        return None
    return created.date().isoformat() if created else None


def pdf_paragraphs(pages: list[str]) -> list[str]:
    """Paragraphs of a PDF's page texts (pypdf layout mode: blank lines mark vertical gaps).

    Running headers and footers and bare page numbers go; hard-wrapped lines join, a word
    hyphenated across a line break is mended; a page break splits a paragraph only after a
    sentence end.

    >>> pdf_paragraphs(["NGO brief\\n\\nTitle\\n\\nThe extraordi-\\nnary report was\\n  1",
    ...                 "NGO brief\\nfinal.\\n\\nNext.\\n  2"])
    ['Title', 'The extraordinary report was final.', 'Next.']
    """
    split = [page.splitlines() for page in pages]
    running = _running_lines(split)
    paragraphs: list[list[str]] = [[]]
    for lines in split:
        lines = _strip_edges(lines, running)
        if paragraphs[-1] and _SENTENCE_END.search(paragraphs[-1][-1]):
            paragraphs.append([])
        widest = max((len(line.strip()) for line in lines), default=0)
        for line in (line.strip() for line in lines):
            if not line or _BULLET.match(line):
                paragraphs.append([])
            if line:
                paragraphs[-1].append(line)
                if _SENTENCE_END.search(line) and len(line) < SHORT_LINE * widest:
                    paragraphs.append([])
    return [_join_lines(p) for p in paragraphs if p]


def _mask(line: str) -> str:
    return re.sub(r"\d+", "#", one_line(line))


def _edges(lines: list[str]) -> list[int]:
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return filled[:PAGE_EDGE] + filled[-PAGE_EDGE:]


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Lines (numbers masked) at the edge of every page: running headers and footers."""
    if len(pages) < 2:
        return set()
    return set.intersection(*({_mask(lines[i]) for i in _edges(lines)} for lines in pages))


def _strip_edges(lines: list[str], running: set[str]) -> list[str]:
    drop = {
        i
        for i in _edges(lines)
        if _mask(lines[i]) in running or _PAGE_NUMBER.match(lines[i].strip())
    }
    kept = [line for i, line in enumerate(lines) if i not in drop]
    while kept and not kept[0].strip():
        kept.pop(0)
    while kept and not kept[-1].strip():
        kept.pop()
    return kept


def _join_lines(lines: list[str]) -> str:
    joined = lines[0]
    for line in lines[1:]:
        if re.search(r"[^\W\d]-$", joined) and line[:1].islower():
            joined = joined[:-1] + line
        else:
            joined += " " + line
    return joined


def _docx(path: Path, data: bytes) -> Extracted:
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
