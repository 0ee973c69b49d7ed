"""Which text encoding a file uses: a byte-order mark, else UTF-8, else a detected one.

A short Latin text fits several single-byte code pages at once, and charset-normalizer may
pick Windows-1250 or a DOS code page for French ("Ouïghours" read as "Ouďghours"). So
Windows-1252, the code page most such files are written in, is tried first, and kept when it
reads as Latin text: few letters outside ASCII, and no symbols inside words (Polish read
as Windows-1252 gives "Za¿ó³æ"); otherwise charset-normalizer decides.
"""

import codecs
import re
from dataclasses import dataclass

from uyghur_docs.errors import IngestError

# UTF-32 first: its little-endian mark starts with UTF-16's.
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Latin text has at most this share of its letters outside ASCII (French about 4%).
MAX_ACCENTED = 0.3
_INSIDE_WORD = re.compile(r"(?<=[^\W\d_])[^\w\s'’‘\-–.,;:!?)(\]\[\"“”«»/]+(?=[^\W\d_])")


@dataclass(frozen=True)
class Decoded:
    """A file's text and the name of the encoding it was read in."""

    text: str
    encoding: str


def decode_text(path, data: bytes, encoding: str | None = None) -> Decoded:
    """Text in the given encoding, or in the one the bytes show; binary bytes refused.

    >>> decode_text("a.txt", "Ouïghours à Genève".encode("cp1252")).encoding
    'cp1252'
    """
    if encoding:
        return _forced(path, data, encoding)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _checked(path, data.decode(codec, errors="replace"), codec)
    if b"\x00" in data:
        raise IngestError(f"{path} is binary, not text; give it the extension of its real format")
    for codec in ("utf-8", "cp1252"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if codec == "utf-8" or _reads_as_latin(text):
            return _checked(path, text, codec)
    return _detected(path, data)


def _reads_as_latin(text: str) -> bool:
    """Whether text decoded as Windows-1252 looks like a Latin-script language."""
    letters = [c for c in text if c.isalpha()]
    accented = sum(not c.isascii() for c in letters)
    return (
        bool(letters) and accented <= MAX_ACCENTED * len(letters) and not _INSIDE_WORD.search(text)
    )


def _forced(path, data: bytes, encoding: str) -> Decoded:
    try:
        name = codecs.lookup(encoding).name
        return _checked(path, data.decode(name), name)
    except LookupError as exc:
        raise IngestError(f"--encoding {encoding}: no such encoding; try utf-8 or cp1252") from exc
    except UnicodeDecodeError as exc:
        raise IngestError(
            f"{path} is not {encoding} (byte {exc.start}); leave out --encoding to detect it"
        ) from exc


def _detected(path, data: bytes) -> Decoded:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise IngestError(
            f"{path}: cannot tell which text encoding it uses; save it as UTF-8 and add it again"
        )
    return _checked(path, str(best), best.encoding)


def _checked(path, text: str, encoding: str) -> Decoded:
    if len(_CONTROL.findall(text)) > len(text) / 100:
        raise IngestError(f"{path} is binary, not text; give it the extension of its real format")
    return Decoded(text, encoding)
