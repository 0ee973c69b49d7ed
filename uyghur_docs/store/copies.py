"""Copies of one statement, kept in the catalog: each document's body (its shingles) and
LSH band keys, the pairs of documents found to be copies, and each copy's statement (the id
of its canonical copy).

An indexing run looks up each document it adds in the band keys (BANDS index look-ups,
whatever the size of the corpus), checks the candidates' shingles, and then groups again
only the documents whose groups it may have changed.
"""

import json
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from uyghur_docs.findings import copies

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS bodies (doc, shingles BLOB, PRIMARY KEY (doc))",
    "CREATE TABLE IF NOT EXISTS bands (key INTEGER, doc)",
    "CREATE INDEX IF NOT EXISTS bands_key ON bands (key)",
    "CREATE INDEX IF NOT EXISTS bands_doc ON bands (doc)",
    "CREATE TABLE IF NOT EXISTS pairs (a, b, PRIMARY KEY (a, b))",
    "CREATE TABLE IF NOT EXISTS copies (doc, statement, PRIMARY KEY (doc))",
    "CREATE INDEX IF NOT EXISTS copies_statement ON copies (statement)",
)
TABLES = ("bodies", "bands", "pairs", "copies")
_IDS = "SELECT value FROM json_each(?)"
_CANDIDATES = """SELECT DISTINCT doc FROM main.bands
WHERE key IN (SELECT key FROM main.bands WHERE doc = ?) AND doc != ?"""
_SHINGLES = f"SELECT doc, shingles FROM main.bodies WHERE doc IN ({_IDS})"
_NEIGHBOURS = f"""SELECT a, b FROM main.pairs WHERE a IN ({_IDS})
UNION SELECT a, b FROM main.pairs WHERE b IN ({_IDS})"""
_CANDIDATE_ROWS = f"""SELECT id, date, paragraphs, signatory_count FROM main.documents
WHERE id IN ({_IDS})"""


def rows(doc_id: str, body: copies.Body) -> tuple[tuple, list[tuple]]:
    """A document's body as its catalog rows: of bodies, and of bands."""
    return (doc_id, copies.packed(body.shingles)), [(key, doc_id) for key in body.bands]


def touched(db: sqlite3.Connection, taken: list[str], removed: list[str]) -> set[str]:
    """Before a save changes them: the documents it takes in and removes, and the other
    copies of any of them, whose groups are to be made again."""
    found = {*taken, *removed}
    sql = f"""SELECT doc FROM main.copies WHERE statement IN
    (SELECT statement FROM main.copies WHERE doc IN ({_IDS}))"""
    found.update(doc for (doc,) in db.execute(sql, (json.dumps(sorted(found)),)))
    return found


def forget(db: sqlite3.Connection, gone: list[str]) -> None:
    """Drop the bodies, bands and pairs of documents removed or about to be replaced."""
    ids = (json.dumps(gone),)
    for table, column in (("bodies", "doc"), ("bands", "doc"), ("pairs", "a"), ("pairs", "b")):
        db.execute(f"DELETE FROM main.{table} WHERE {column} IN ({_IDS})", ids)


def link(db: sqlite3.Connection, taken: list[str], affected: set[str]) -> None:
    """Find the copies of each document `taken` in, and group `affected` documents again."""
    for doc_id in taken:
        candidates = [c for (c,) in db.execute(_CANDIDATES, (doc_id, doc_id))]
        if not candidates:
            continue
        bodies = _bodies(db, [doc_id, *candidates])
        mine = bodies.pop(doc_id, set())
        found = [
            tuple(sorted((doc_id, other)))
            for other, body in bodies.items()
            if copies.are_copies(mine, body)
        ]
        db.executemany("INSERT OR IGNORE INTO main.pairs VALUES (?, ?)", found)
    _regroup(db, affected)


def _bodies(db: sqlite3.Connection, ids: list[str]) -> dict[str, set[int]]:
    return {doc: copies.unpacked(data) for doc, data in db.execute(_SHINGLES, (json.dumps(ids),))}


def _regroup(db: sqlite3.Connection, affected: set[str]) -> None:
    """Make again the groups of the affected documents: every document their pairs reach."""
    reached, frontier, edges = set(affected), set(affected), set()
    while frontier:
        ids = json.dumps(sorted(frontier))
        found = db.execute(_NEIGHBOURS, (ids, ids)).fetchall()
        edges.update(found)
        frontier = {doc for pair in found for doc in pair} - reached
        reached |= frontier
    db.execute(f"DELETE FROM main.copies WHERE doc IN ({_IDS})", (json.dumps(sorted(reached)),))
    for group in copies.groups(edges):
        known = db.execute(_CANDIDATE_ROWS, (json.dumps(sorted(group)),))
        statement = copies.canonical(copies.Candidate(*row) for row in known)
        db.executemany(
            "INSERT INTO main.copies VALUES (?, ?)", [(doc, statement) for doc in sorted(group)]
        )


@dataclass(frozen=True)
class Statement:
    """The statement a document is a copy of: its canonical copy's id, title and date."""

    id: str
    title: str
    date: str | None


def statements(index_dir: Path) -> dict[str, Statement]:
    """The statement of every document that has copies, by document id, as the last
    indexing run found them ({} without a catalog, or with an older or damaged one)."""
    from uyghur_docs.store import catalog

    path = index_dir / catalog.CATALOG_FILE
    if not path.is_file():
        return {}
    sql = """SELECT c.doc, c.statement, d.title, d.date FROM copies c
    JOIN documents d ON d.id = c.statement"""
    try:
        with closing(catalog.read_only(path)) as db:
            if db.execute("PRAGMA user_version").fetchone()[0] != catalog.FORMAT:
                return {}
            found = db.execute(sql).fetchall()
    except sqlite3.Error:
        # A damaged catalog knows no copies: each document counts alone until the index is
        # rebuilt, and the listing says "damaged" (the search that meets it rebuilds it).
        return {}
    return {doc: Statement(statement, title, date) for doc, statement, title, date in found}


def members(statements_of: dict[str, Statement]) -> dict[str, list[str]]:
    """The copies of each statement, by its id."""
    found: dict[str, list[str]] = {}
    for doc, statement in sorted(statements_of.items()):
        found.setdefault(statement.id, []).append(doc)
    return found
