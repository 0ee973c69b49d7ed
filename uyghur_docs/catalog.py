"""The catalog: what was indexed, from which file version, and what was extracted from it.

It lives beside the search index as one JSON file, replaced atomically after each indexing
run, so `udocs docs` can tell which documents are indexed and current without opening the
search engine. Comparing it with the corpus gives the work an indexing run has to do.
"""

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .errors import IndexFault
from .quotes import Quotation

CATALOG_FILE = "catalog.json"
FORMAT = 2


@dataclass(frozen=True)
class Entry:
    """One analysed document: the file version it came from, its metadata, and what was
    extracted from it (quotations), so that listings need not read or analyse it again."""

    id: str
    path: str
    size: int
    mtime_ns: int
    sha256: str
    title: str
    date: str | None
    kind: str
    paragraphs: int
    overrides: dict = field(default_factory=dict)
    quotes: tuple[Quotation, ...] = ()

    @classmethod
    def from_dict(cls, data: dict) -> "Entry":
        """The entry a catalog line describes (nested records made dataclasses again)."""
        return cls(**{**data, "quotes": tuple(Quotation(**q) for q in data["quotes"])})


@dataclass(frozen=True)
class Changes:
    """What an indexing run must do to bring the index up to the corpus."""

    new: tuple[Path, ...] = ()
    changed: tuple[Path, ...] = ()
    removed: tuple[str, ...] = ()
    current: tuple[str, ...] = field(default=())

    @property
    def stale(self) -> bool:
        return bool(self.new or self.changed or self.removed)


def load(index_dir: Path) -> dict[str, Entry]:
    """The catalog of an index folder; empty when there is none yet."""
    path = index_dir / CATALOG_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise IndexFault(
            f"the index catalog {path} is unreadable ({exc}); run `udocs index --rebuild`"
        ) from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return {}
    try:
        return {e["id"]: Entry.from_dict(e) for e in data["documents"]}
    except (KeyError, TypeError) as exc:
        raise IndexFault(
            f"the index catalog {path} is damaged; run `udocs index --rebuild`"
        ) from exc


def forget(index_dir: Path) -> None:
    """Remove the catalog, so that whatever happens next, the next run rebuilds."""
    (index_dir / CATALOG_FILE).unlink(missing_ok=True)


def save(index_dir: Path, entries: dict[str, Entry]) -> None:
    """Replace the catalog atomically: readers see the old one or the new one, never half."""
    payload = {"format": FORMAT, "documents": [asdict(e) for _, e in sorted(entries.items())]}
    fd, tmp = tempfile.mkstemp(dir=index_dir, prefix=".catalog-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(payload, out, ensure_ascii=False)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, index_dir / CATALOG_FILE)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def compare(paths: list[Path], entries: dict[str, Entry], overrides: dict) -> Changes:
    """Which document files are new or changed, and which indexed ids are gone.

    Size and modification time decide "unchanged" without reading the file. A document
    whose declared overrides changed counts as changed too.
    """
    new, changed, current = [], [], []
    seen = set()
    for path in paths:
        seen.add(path.stem)
        entry = entries.get(path.stem)
        if entry is None:
            new.append(path)
            continue
        stat = path.stat()
        stamp = (stat.st_size, stat.st_mtime_ns, str(path), overrides.get(path.stem, {}))
        if stamp == (entry.size, entry.mtime_ns, entry.path, entry.overrides):
            current.append(path.stem)
        else:
            changed.append(path)
    removed = sorted(set(entries) - seen)
    return Changes(tuple(new), tuple(changed), tuple(removed), tuple(current))
