"""Where each added document came from: `corpus/sources.json`, keyed by document id.

The corpus reader only reads .txt and .md files, so this sidecar never becomes a document.
Documents without an entry (the seeds, files dropped into the folder by hand) are plain
text files. Files in the corpus folder are replaced atomically (temp file + os.replace), so
a reader sees the old version or the new one, never half of either, and keep the folder's
modes: a replaced file its own, a new one that of the folder's documents.
"""

import json
import os
import stat
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from uyghur_docs.errors import CorpusError

SOURCES_FILE = "sources.json"
FORMAT = 1


@dataclass(frozen=True)
class Source:
    """The original file of an added document."""

    file: str  # its name, as the user had it
    format: str  # txt, md, html, pdf or docx
    sha256: str  # of the original bytes, to refuse adding the same file twice
    added: str  # ISO 8601 UTC time of `udocs add`
    url: str | None = None  # where it was published: `add --url`, a page's canonical link


def load(corpus: Path) -> dict[str, Source]:
    """The provenance of every added document, by id; empty when nothing was added."""
    path = corpus / SOURCES_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {doc_id: Source(**entry) for doc_id, entry in data["documents"].items()}
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CorpusError(
            f"cannot read {path} ({exc}); restore it from version control or remove it"
        ) from exc


def dumps(sources: dict[str, Source]) -> bytes:
    """The sidecar's bytes for these entries, sorted by id."""
    documents = {doc_id: _entry(s) for doc_id, s in sorted(sources.items())}
    text = json.dumps({"format": FORMAT, "documents": documents}, ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


def _entry(source: Source) -> dict:
    """A source as the sidecar keeps it: without a URL it never had."""
    return {k: v for k, v in asdict(source).items() if v is not None or k != "url"}


def urls(corpus: Path) -> dict[str, str]:
    """The source URL of every added document that has one, by id."""
    return {doc_id: s.url for doc_id, s in load(corpus).items() if s.url}


def write_atomic(path: Path, data: bytes) -> None:
    """Replace path's content in one step; a crash leaves the old file whole."""
    _write_whole(path, data, os.replace)


def write_new(path: Path, data: bytes) -> None:
    """Make path whole in one step, only if nothing has that name (FileExistsError if it
    does): a hard link, unlike a rename, never replaces a file another process made."""
    _write_whole(path, data, os.link)


def _write_whole(path: Path, data: bytes, place) -> None:
    mode = _mode_for(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-", suffix=".tmp")
    try:
        os.chmod(tmp, mode)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        place(tmp, path)
    finally:
        # After os.replace the name is gone already; after os.link it is a second name.
        Path(tmp).unlink(missing_ok=True)


def _mode_for(path: Path) -> int:
    """The file's own mode, else a document's of the same folder, else what the umask gives:
    mkstemp's 0600 would hide an added document from the folder's other readers."""
    for candidate in (path, next(path.parent.glob("*.txt"), None)):
        if candidate is not None and candidate.is_file():
            return stat.S_IMODE(candidate.stat().st_mode)
    return 0o666 & ~umask()


def umask() -> int:
    """The process's umask (reading it means setting it, and back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
