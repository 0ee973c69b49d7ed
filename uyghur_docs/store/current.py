"""Whether the catalog holds the corpus as it is now, from values stored with it: the
digests of every recorded file stamp and of the declared overrides, and the fingerprint of
the report setting the documents were analysed with (`corpus.report_file.fingerprint`).
"""

import hashlib
import os
import sqlite3
from contextlib import closing
from pathlib import Path

from uyghur_docs.corpus.report_file import SHIPPED
from uyghur_docs.errors import IndexDamaged
from uyghur_docs.store.catalog import CATALOG_FILE, FORMAT, json_text, read_only


def stamp(db: sqlite3.Connection, report: str) -> None:
    """Record the digests of the catalog's file stamps and of its declared overrides, and
    the report setting's fingerprint."""
    recorded = db.execute("SELECT path, size, mtime_ns FROM main.documents")
    declared = db.execute("SELECT id, overrides FROM main.documents WHERE overrides != '{}'")
    values = [
        ("stamps", digest(recorded)),
        ("overrides", _declared_digest(declared)),
        ("report", report),
    ]
    db.executemany("INSERT OR REPLACE INTO main.meta VALUES (?, ?)", values)


def digest(files) -> str:
    """One value for a set of file stamps (path, size, modification time in ns)."""
    lines = sorted(f"{path}\0{size}\0{mtime}" for path, size, mtime in files)
    return hashlib.sha256("\n".join(lines).encode("utf-8", "surrogateescape")).hexdigest()


def _declared_digest(declared) -> str:
    """One value for the (id, overrides as JSON) of the documents that have overrides."""
    lines = sorted(f"{doc_id}\0{fields}" for doc_id, fields in declared)
    return hashlib.sha256("\n".join(lines).encode("utf-8", "surrogateescape")).hexdigest()


def is_current(
    index_dir: Path, files: set[tuple[str, int, int]], overrides: dict, report: str
) -> bool:
    """Whether the catalog records exactly these file versions, as `corpus.stamps` gives
    them, these overrides and this report setting (`report_file.fingerprint`): stored
    values read before every search; `compare` and `report_changed` say what changed."""
    stored = _meta(index_dir)
    if stored is None or stored.get("stamps") != digest(files):
        return False
    if _report(stored) != report:
        return False
    # The stamps matched, so the catalog's ids are the files' names: overrides declared for
    # ids that are not documents are not the catalog's.
    ids = {os.path.splitext(os.path.basename(p))[0] for p, _, _ in files} if overrides else ()
    declared = ((i, json_text(fields)) for i, fields in overrides.items() if fields and i in ids)
    return stored.get("overrides") == _declared_digest(declared)


def report_changed(index_dir: Path, report: str) -> bool:
    """Whether the catalog's analyses were made with another report setting than the one
    this fingerprint names (False when there is no catalog: nothing was analysed)."""
    stored = _meta(index_dir)
    return stored is not None and _report(stored) != report


def _meta(index_dir: Path) -> dict[str, str] | None:
    """The catalog's stored digests; None when there is no catalog of this format."""
    path = index_dir / CATALOG_FILE
    if not path.is_file():
        return None
    try:
        with closing(read_only(path)) as db:
            if db.execute("PRAGMA user_version").fetchone()[0] != FORMAT:
                return None
            return dict(db.execute("SELECT key, value FROM meta"))
    except sqlite3.Error as exc:
        raise IndexDamaged(path, str(exc)) from exc


def _report(stored: dict[str, str]) -> str:
    # A catalog of an udocs that did not record the setting: most were made with the
    # shipped report, and taking them so spares every user a full re-analysis.
    return stored.get("report", SHIPPED)
