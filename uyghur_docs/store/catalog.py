"""The catalog: what was indexed, from which file version, and what was extracted from it.

It is a SQLite file beside the search index, written in one transaction after each
indexing run, so `udocs docs`, `quotes` and `signers` read stored analyses without opening
the search engine, and an indexing run learns what changed from file stamps alone.
Analyses are JSON columns, read only by the commands that need them; the quotations of the
OHCHR report have a column of their own, since they are what `udocs quotes` lists and a
small part of all quotations. The copies of one statement are found as entries are taken
in (`store.copies`).
"""

import json
import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module
from pathlib import Path

from uyghur_docs.errors import IndexDamaged
from uyghur_docs.extract.analysis import Analysis
from uyghur_docs.store import copies

CATALOG_FILE = "catalog.sqlite"
JOURNAL_FILE = f"{CATALOG_FILE}-journal"
NEW_FILE = "catalog.new.sqlite"
PART_FILE = "catalog.part-{}.sqlite"
# Raised when the tables or the extraction change, so that an older catalog is rebuilt.
FORMAT = 11
# The counts of an analysis, columns of their own, and its records, each a JSON column
# read only when asked for. "report_quotations" is read into `Analysis.quotes` in place of
# "quotes": the report's quotations alone.
COUNTS = ("report_quotes", "signatory_count")
ANALYSES = ("quotes", "report_quotations", "signatories", "issuers")
# The records a count says a document has none of, when it is 0: those are not read.
_COUNTED = {"report_quotations": "report_quotes", "signatories": "signatory_count"}
COLUMNS = (
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
)
# The records live in a table of their own, so that reading one row per document (a
# listing, the stamps of an indexing run) reads no JSON: the small columns come first.
RECORDS = ("report_quotations", "issuers", "signatories", "quotes")
_SCHEMA = (
    f"CREATE TABLE IF NOT EXISTS documents ({', '.join(COLUMNS)}, PRIMARY KEY (id))",
    f"CREATE TABLE IF NOT EXISTS analyses (id, {', '.join(RECORDS)}, PRIMARY KEY (id))",
)
# The digests of every recorded file stamp and of every document's declared overrides, and
# the report setting's fingerprint (`store.current`), so that the check before each search
# compares three values, not a row per document.
_META = "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)"
_TABLES = ("documents", "analyses", "mentions", "forms", *copies.TABLES)


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
    index_dir: Path,
    analyses: tuple[str, ...] = (),
    ids: list[str] | None = None,
    having: bool = False,
) -> dict[str, Entry]:
    """The catalog of an index folder (only `ids` when given), by id; empty when there is
    none (or an older one).

    `analyses` names the extracted records to read too (of ANALYSES); the others stay empty.
    `having` keeps only the documents whose counts say they have some of them (all, unless
    every record asked for is counted).
    """
    path = index_dir / CATALOG_FILE
    if not path.is_file():
        return {}
    try:
        with closing(read_only(path)) as db:
            if db.execute("PRAGMA user_version").fetchone()[0] != FORMAT:
                return {}
            among = "" if ids is None else "WHERE id IN (SELECT value FROM json_each(?))"
            asked = () if ids is None else (json.dumps(ids),)
            counted = _having(among, analyses)
            listed = counted if having else among
            rows = db.execute(f"SELECT {', '.join(COLUMNS)} FROM documents {listed}", asked)
            rows = rows.fetchall()
            records = _records(db, analyses, counted, asked)
    except sqlite3.Error as exc:
        raise _damaged(path, exc) from exc
    try:
        return {row[0]: _entry(row, analyses, records.get(row[0])) for row in rows}
    except (ValueError, TypeError, KeyError) as exc:
        raise _damaged(path, exc) from exc


def _having(among: str, analyses: tuple[str, ...]) -> str:
    """The condition `among`, and that the documents have some of the records `analyses`
    names, where every one of them is counted."""
    counted = [_COUNTED.get(name) for name in analyses]
    if not counted or None in counted:
        return among
    having = " OR ".join(f"{count} > 0" for count in counted)
    return f"{among} {'AND' if among else 'WHERE'} ({having})"


def _records(db: sqlite3.Connection, analyses: tuple[str, ...], among: str, asked: tuple):
    """The JSON records `analyses` names, by id, of the documents `among` selects."""
    if not analyses:
        return {}
    ids = f"SELECT id FROM documents {among}"
    sql = f"SELECT id, {', '.join(analyses)} FROM analyses WHERE id IN ({ids})"
    return {row[0]: row[1:] for row in db.execute(sql, asked)}


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


def rows(index_dir: Path, columns: tuple[str, ...]) -> list[tuple]:
    """Some columns (of COLUMNS) of every document the catalog has, by id: a listing's rows,
    with no entry made."""
    path = index_dir / CATALOG_FILE
    try:
        with closing(read_only(path)) as db:
            return db.execute(f"SELECT {', '.join(columns)} FROM documents ORDER BY id").fetchall()
    except sqlite3.Error as exc:
        raise _damaged(path, exc) from exc


def _entry(row: tuple, analyses: tuple[str, ...], records: tuple | None) -> Entry:
    # COLUMNS are Entry's fields in its order, then the counts of its analysis.
    *fields, overrides, report_quotes, signatory_count = row
    revived = {}
    for name, data in zip(analyses, records, strict=True) if records else ():
        if name == "quotes" and "report_quotations" in analyses:
            continue
        kept = "quotes" if name == "report_quotations" else name
        cls = _record_type(kept)
        revived[kept] = tuple(_revive(cls, r) for r in json.loads(data))
    overrides = json.loads(overrides) if overrides != "{}" else {}
    analysis = Analysis(report_quotes, signatory_count, **revived)
    return Entry(*fields, overrides=overrides, analysis=analysis)


# Where each kind of record is defined: imported when first revived, so that a search
# checks the catalog without the extraction machinery, and quotes reads no signer's.
_RECORD_TYPES = {
    "quotes": ("uyghur_docs.extract.quotes", "Quotation"),
    "signatories": ("uyghur_docs.extract.signers", "Signatory"),
    "issuers": ("uyghur_docs.extract.issuers", "Issuer"),
}


@cache
def _record_type(records: str) -> type:
    module, name = _RECORD_TYPES[records]
    return getattr(import_module(module), name)


def _revive(cls, data: dict):
    """A record from its JSON form: JSON arrays were tuples."""
    return cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in data.items()})


def forget(index_dir: Path) -> None:
    """Remove the catalog, so that whatever happens next, the next run rebuilds."""
    for name in (CATALOG_FILE, JOURNAL_FILE):
        (index_dir / name).unlink(missing_ok=True)


def blocked(index_dir: Path) -> bool:
    """Whether something other than a file sits where the catalog goes."""
    path = index_dir / CATALOG_FILE
    return path.exists() and not path.is_file()


def save(index_dir: Path, parts: list[Path], removed: list[str], clear: bool, report: str) -> None:
    """Take in new and changed entries (from the part files of the run's processes) and drop
    removed ids, in one transaction; the stored forms and digests follow, and the
    fingerprint of the report setting the entries were analysed with (`report`).

    `clear` writes a new catalog and renames it over the old one (a rebuild: the old one may
    be damaged beyond opening). Readers see the old state or the new.
    """
    from uyghur_docs.store import current, mentions

    path = index_dir / CATALOG_FILE
    target = index_dir / NEW_FILE if clear else path
    if clear:
        target.unlink(missing_ok=True)
    try:
        with closing(sqlite3.connect(target, timeout=10)) as db:
            parts = _folded(parts, db.getlimit(sqlite3.SQLITE_LIMIT_ATTACHED))
            sources = [f"part{number}" for number in range(len(parts))]
            for source, part in zip(sources, parts, strict=True):
                db.execute(f"ATTACH DATABASE ? AS {source}", (str(part),))
            with db:
                if db.execute("PRAGMA main.user_version").fetchone()[0] != FORMAT:
                    for table in _TABLES:
                        db.execute(f"DROP TABLE IF EXISTS main.{table}")
                create(db)
                db.execute(_META)
                db.execute(f"PRAGMA main.user_version = {FORMAT}")
                if not clear:
                    mentions.touch(db, sources, removed)
                taken = _taken(db, sources)
                affected = copies.touched(db, taken, removed)
                copies.forget(db, [*removed, *taken])
                gone = [(i,) for i in removed]
                for table, column in (("documents", "id"), ("analyses", "id"), ("mentions", "doc")):
                    db.executemany(f"DELETE FROM main.{table} WHERE {column} = ?", gone)
                for source in sources:
                    _take(db, "main", source)
                copies.link(db, taken, affected - set(removed))
                mentions.refresh_forms(db, every=clear)
                current.stamp(db, report)
    except sqlite3.Error as exc:
        raise _damaged(target, exc) from exc
    if clear:
        # A hot journal left by a killed run belongs to the old file, not to this one.
        (index_dir / JOURNAL_FILE).unlink(missing_ok=True)
        os.replace(target, path)


def _taken(db: sqlite3.Connection, sources: list[str]) -> list[str]:
    return [doc for s in sources for (doc,) in db.execute(f"SELECT id FROM {s}.documents")]


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


def create(db: sqlite3.Connection) -> None:
    from uyghur_docs.store.mentions import SCHEMA

    for statement in (*_SCHEMA, *SCHEMA, *copies.SCHEMA):
        db.execute(statement)


def _take(db: sqlite3.Connection, target: str, source: str) -> None:
    """Copy the entries of one attached catalog into another, their mentions and band keys
    replaced."""
    taken = f"SELECT id FROM {source}.documents"
    for table in ("mentions", "bands"):
        db.execute(f"DELETE FROM {target}.{table} WHERE doc IN ({taken})")
    for table in ("documents", "analyses", "mentions", "bodies", "bands"):
        db.execute(f"INSERT OR REPLACE INTO {target}.{table} SELECT * FROM {source}.{table}")


def json_text(value) -> str:
    return json.dumps(value, ensure_ascii=False, default=vars)


def compare(paths: list[Path], entries: dict[str, Entry], overrides: dict) -> Changes:
    """Which document files are new or changed, and which indexed ids are gone.

    Size and modification time decide "unchanged" without reading the file. A document
    whose declared overrides changed counts as changed too.
    """
    new, changed, current = [], [], []
    seen = set()
    for path in paths:
        doc_id = path.stem
        seen.add(doc_id)
        entry = entries.get(doc_id)
        if entry is None:
            new.append(path)
            continue
        stat = os.stat(path)
        stamp = (stat.st_size, stat.st_mtime_ns, str(path), overrides.get(doc_id, {}))
        if stamp == (entry.size, entry.mtime_ns, entry.path, entry.overrides):
            current.append(doc_id)
        else:
            changed.append(path)
    removed = sorted(set(entries) - seen)
    return Changes(tuple(new), tuple(changed), tuple(removed), tuple(current))
