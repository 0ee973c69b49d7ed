"""The catalog: what was indexed, from which file version, and what was extracted from it.

It is a SQLite file beside the search index, written in one transaction after each
indexing run, so `udocs docs`, `quotes` and `signers` read stored analyses without opening
the search engine, and an indexing run learns what changed from file stamps alone.
Analyses are JSON columns, read only by the commands that need them; the quotations of the
OHCHR report have a column of their own, since they are what `udocs quotes` lists and a
small part of all quotations.
"""

import hashlib
import json
import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from uyghur_docs.errors import IndexDamaged
from uyghur_docs.extract.analysis import Analysis

CATALOG_FILE = "catalog.sqlite"
JOURNAL_FILE = f"{CATALOG_FILE}-journal"
NEW_FILE = "catalog.new.sqlite"
PART_FILE = "catalog.part-{}.sqlite"
# Raised when the columns or the extraction change, so that an older catalog is rebuilt.
FORMAT = 7
# The counts of an analysis, columns of their own, and its records, each a JSON column
# read only when asked for. "report_quotations" is read into `Analysis.quotes` in place of
# "quotes": the report's quotations alone.
COUNTS = ("report_quotes", "signatory_count")
ANALYSES = ("quotes", "report_quotations", "signatories", "issuers")
_COLUMNS = (
    "id",
    "path",
    "size",
    "mtime_ns",
    "sha256",
    "title",
    "date",
    "kind",
    "paragraphs",
    "overrides",
    *COUNTS,
    *ANALYSES,
)
_JSON_COLUMNS = ("overrides", *ANALYSES)
_SCHEMA = f"CREATE TABLE IF NOT EXISTS documents ({', '.join(_COLUMNS)}, PRIMARY KEY (id))"
# One row, the digest of every recorded file stamp, so that the check before each search
# compares one value, not a row per document.
_META = "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)"


@dataclass(frozen=True)
class Entry:
    """One analysed document: the file version it came from (path, size, mtime_ns,
    sha256), its metadata, the overrides declared for it, and its analysis (whose records
    are empty unless loaded with `analyses`)."""

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
    analysis: Analysis = field(default_factory=Analysis)


@dataclass(frozen=True)
class Changes:
    """What an indexing run must do to bring the index up to the corpus."""

    new: tuple[Path, ...] = ()
    changed: tuple[Path, ...] = ()
    removed: tuple[str, ...] = ()
    current: tuple[str, ...] = ()

    @property
    def stale(self) -> bool:
        return bool(self.new or self.changed or self.removed)


def _damaged(path: Path, exc: Exception) -> IndexDamaged:
    return IndexDamaged(path, str(exc))


def load(
    index_dir: Path, analyses: tuple[str, ...] = (), ids: list[str] | None = None
) -> dict[str, Entry]:
    """The catalog of an index folder (only `ids` when given), by id; empty when there is
    none (or an older one).

    `analyses` names the extracted records to read too (of ANALYSES); the others stay empty.
    """
    path = index_dir / CATALOG_FILE
    if not path.is_file():
        return {}
    wanted = (*_COLUMNS[: -len(ANALYSES)], *analyses)
    try:
        with closing(read_only(path)) as db:
            if db.execute("PRAGMA user_version").fetchone()[0] != FORMAT:
                return {}
            among = "" if ids is None else "WHERE id IN (SELECT value FROM json_each(?))"
            asked = () if ids is None else (json.dumps(ids),)
            rows = db.execute(f"SELECT {', '.join(wanted)} FROM documents {among}", asked)
            rows = rows.fetchall()
    except sqlite3.Error as exc:
        raise _damaged(path, exc) from exc
    try:
        return {row[0]: _entry(dict(zip(wanted, row, strict=True))) for row in rows}
    except (ValueError, TypeError, KeyError) as exc:
        raise _damaged(path, exc) from exc


def read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)


def paths(index_dir: Path, ids: list[str]) -> dict[str, str]:
    """The file paths the catalog has for some document ids."""
    path = index_dir / CATALOG_FILE
    if not ids or not path.is_file():
        return {}
    marks = ", ".join("?" * len(ids))
    try:
        with closing(read_only(path)) as db:
            rows = db.execute(f"SELECT id, path FROM documents WHERE id IN ({marks})", ids)
            return dict(rows.fetchall())
    except sqlite3.Error as exc:
        raise _damaged(path, exc) from exc


def _entry(row: dict) -> Entry:
    counts = {name: row.pop(name) for name in COUNTS}
    if "report_quotations" in row:
        row["quotes"] = row.pop("report_quotations")
    wanted = [name for name in ANALYSES if name in row]
    types = _record_types() if wanted else {}
    records = {
        name: tuple(_revive(types[name], r) for r in json.loads(row.pop(name))) for name in wanted
    }
    row["overrides"] = json.loads(row["overrides"])
    return Entry(**row, analysis=Analysis(**counts, **records))


def _record_types() -> dict:
    # Imported here: a search checks the catalog but needs no extraction machinery.
    from uyghur_docs.extract.issuers import Issuer
    from uyghur_docs.extract.quotes import Quotation
    from uyghur_docs.extract.signers import Signatory

    return {"quotes": Quotation, "signatories": Signatory, "issuers": Issuer}


def _revive(cls, data: dict):
    """A record from its JSON form: JSON arrays were tuples."""
    return cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in data.items()})


def _row(entry: Entry) -> tuple:
    """An entry as a catalog row, its records as JSON (a record's fields as an object)."""
    from uyghur_docs.extract.quotes import is_report_quote

    values = {**vars(entry), **vars(entry.analysis)}
    values["report_quotations"] = tuple(filter(is_report_quote, entry.analysis.quotes))
    return tuple(_json(values[c]) if c in _JSON_COLUMNS else values[c] for c in _COLUMNS)


def forget(index_dir: Path) -> None:
    """Remove the catalog, so that whatever happens next, the next run rebuilds."""
    for name in (CATALOG_FILE, JOURNAL_FILE):
        (index_dir / name).unlink(missing_ok=True)


def blocked(index_dir: Path) -> bool:
    """Whether something other than a file sits where the catalog goes."""
    path = index_dir / CATALOG_FILE
    return path.exists() and not path.is_file()


def save(index_dir: Path, parts: list[Path], removed: list[str], clear: bool) -> None:
    """Take in new and changed entries (from the part files of the run's processes) and drop
    removed ids, in one transaction.

    `clear` writes a new catalog and renames it over the old one (a rebuild: the old one may
    be damaged beyond opening). Readers see the old state or the new.
    """
    path = index_dir / CATALOG_FILE
    target = index_dir / NEW_FILE if clear else path
    if clear:
        target.unlink(missing_ok=True)
    try:
        with closing(sqlite3.connect(target, timeout=10)) as db:
            parts = _folded(parts, db.getlimit(sqlite3.SQLITE_LIMIT_ATTACHED))
            for number, part in enumerate(parts):
                db.execute(f"ATTACH DATABASE ? AS part{number}", (str(part),))
            with db:
                if db.execute("PRAGMA main.user_version").fetchone()[0] != FORMAT:
                    db.execute("DROP TABLE IF EXISTS main.documents")
                    db.execute("DROP TABLE IF EXISTS main.mentions")
                _create(db)
                db.execute(_META)
                db.execute(f"PRAGMA main.user_version = {FORMAT}")
                gone = [(i,) for i in removed]
                db.executemany("DELETE FROM main.documents WHERE id = ?", gone)
                db.executemany("DELETE FROM main.mentions WHERE doc = ?", gone)
                for number in range(len(parts)):
                    _take(db, "main", f"part{number}")
                recorded = db.execute("SELECT path, size, mtime_ns FROM main.documents")
                stamped = ("stamps", digest(recorded))
                db.execute("INSERT OR REPLACE INTO main.meta VALUES (?, ?)", stamped)
    except sqlite3.Error as exc:
        raise _damaged(target, exc) from exc
    if clear:
        # A hot journal left by a killed run belongs to the old file, not to this one.
        (index_dir / JOURNAL_FILE).unlink(missing_ok=True)
        os.replace(target, path)


def _folded(parts: list[Path], most: int) -> list[Path]:
    """The part files, the last ones taken into one, so that no more than `most` are
    attached at once (SQLite attaches ten databases at most, by default)."""
    if len(parts) <= most:
        return parts
    kept, (target, *rest) = parts[: most - 1], parts[most - 1 :]
    with closing(sqlite3.connect(target)) as db:
        for start in range(0, len(rest), most):
            batch = rest[start : start + most]
            for number, part in enumerate(batch):
                db.execute(f"ATTACH DATABASE ? AS fold{number}", (str(part),))
            with db:
                for number in range(len(batch)):
                    _take(db, "main", f"fold{number}")
            for number in range(len(batch)):
                db.execute(f"DETACH DATABASE fold{number}")
    return [*kept, target]


def _create(db: sqlite3.Connection) -> None:
    from uyghur_docs.store.mentions import SCHEMA

    db.execute(_SCHEMA)
    for statement in SCHEMA:
        db.execute(statement)


def _take(db: sqlite3.Connection, target: str, source: str) -> None:
    """Copy the entries of one attached catalog into another, their mentions replaced."""
    taken = f"SELECT id FROM {source}.documents"
    db.execute(f"DELETE FROM {target}.mentions WHERE doc IN ({taken})")
    db.execute(f"INSERT OR REPLACE INTO {target}.documents SELECT * FROM {source}.documents")
    db.execute(f"INSERT OR REPLACE INTO {target}.mentions SELECT * FROM {source}.mentions")


class Part:
    """The entries one indexing process makes, written to a file of their own as they come
    (a large run holds no catalog in memory) for `save` to take in."""

    BATCH = 500

    def __init__(self, path: Path):
        path.unlink(missing_ok=True)
        self.path, self.count, self._pending, self._mentions = path, 0, [], []
        self._db = sqlite3.connect(path)
        self._db.execute("PRAGMA journal_mode = OFF")
        _create(self._db)

    def add(self, entry: Entry) -> None:
        from uyghur_docs.store.mentions import rows

        self._pending.append(_row(entry))
        self._mentions.append((entry.id, rows(entry)))
        self.count += 1
        if len(self._pending) >= self.BATCH:
            self._flush()

    def _flush(self) -> None:
        from uyghur_docs.store.mentions import COLUMNS

        marks = ", ".join("?" * len(_COLUMNS))
        mention_marks = ", ".join("?" * len(COLUMNS))
        with self._db:
            self._db.executemany(
                f"INSERT OR REPLACE INTO documents VALUES ({marks})", self._pending
            )
            # An entry made again in the same run replaces its mentions, not adds to them.
            ids = [(doc_id,) for doc_id, _ in self._mentions]
            self._db.executemany("DELETE FROM mentions WHERE doc = ?", ids)
            self._db.executemany(
                f"INSERT OR REPLACE INTO mentions VALUES ({mention_marks})",
                [row for _, rows in self._mentions for row in rows],
            )
        self._pending, self._mentions = [], []

    def close(self) -> None:
        self._flush()
        self._db.close()


def digest(files) -> str:
    """One value for a set of file stamps (path, size, modification time in ns)."""
    lines = sorted(f"{path}\0{size}\0{mtime}" for path, size, mtime in files)
    return hashlib.sha256("\n".join(lines).encode("utf-8", "surrogateescape")).hexdigest()


def is_current(index_dir: Path, files: set[tuple[str, int, int]], overrides: dict) -> bool:
    """Whether the catalog records exactly these file versions, as `corpus.stamps` gives
    them, and these overrides: one stored digest and the documents that have overrides are
    read, before every search; `compare` says what changed."""
    path = index_dir / CATALOG_FILE
    if not path.is_file():
        return False
    wanted = [i for i, o in overrides.items() if o]
    try:
        with closing(read_only(path)) as db:
            if db.execute("PRAGMA user_version").fetchone()[0] != FORMAT:
                return False
            stored = db.execute("SELECT value FROM meta WHERE key = 'stamps'").fetchone()
            if stored is None or stored[0] != digest(files):
                return False
            declared = dict(
                db.execute("SELECT id, overrides FROM documents WHERE overrides != '{}'")
            )
            marks = ", ".join("?" * len(wanted))
            ids = {
                r[0] for r in db.execute(f"SELECT id FROM documents WHERE id IN ({marks})", wanted)
            }
    except sqlite3.Error as exc:
        raise _damaged(path, exc) from exc
    return declared == {i: _json(overrides[i]) for i in wanted if i in ids}


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, default=vars)


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
