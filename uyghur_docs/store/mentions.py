"""Signature mentions kept in the catalog by name key: one row per organisation a document
names as signatory or issuer, and one row per distinct name form with its count (kept up to
date by each indexing run, for the forms of the keys it touched), so that a signers question
reads the forms and then only the mention rows of the organisations it asks about."""

import json
import sqlite3
from collections.abc import Collection, Iterable
from pathlib import Path

from uyghur_docs.errors import IndexDamaged
from uyghur_docs.findings.orgs import SIGNATORY, Form, Letter, mentions_of
from uyghur_docs.store import catalog
from uyghur_docs.text.names import name_key

COLUMNS = ("doc", "seq", "role", "as_written", "name", "key", "aliases", "placed")
_FORM = ("as_written", "name", "aliases", "placed")
SCHEMA = (
    f"CREATE TABLE IF NOT EXISTS mentions ({', '.join(COLUMNS)}, PRIMARY KEY (doc, seq))",
    # By key, then document: how many documents name each key is read from the index alone.
    "CREATE INDEX IF NOT EXISTS mentions_key ON mentions (key, doc)",
    # `first` orders the forms by their first mention (document id, then place in it).
    f"CREATE TABLE IF NOT EXISTS forms ({', '.join(_FORM)}, key, count, first)",
    "CREATE INDEX IF NOT EXISTS forms_key ON forms (key)",
)
# A name form's key is its name's, so the forms of a set of keys are counted apart.
_COUNT_FORMS = f"""INSERT INTO main.forms
SELECT {", ".join(_FORM)}, key, COUNT(*), MIN(doc || char(0) || printf('%09d', seq))
FROM main.mentions {{}} GROUP BY {", ".join(_FORM)}"""
_TOUCHED = "WHERE key IN (SELECT key FROM temp.touched)"
_FORMS = f"SELECT {', '.join(_FORM)}, count FROM forms ORDER BY first"
_LETTERS = """SELECT m.doc, d.title, d.date, m.role, m.as_written
FROM mentions m JOIN documents d ON d.id = m.doc
WHERE m.key IN (SELECT value FROM json_each(?)) ORDER BY m.doc, m.seq"""
_KEYED_LETTERS = """SELECT m.key, m.doc, d.title, d.date, m.role, m.as_written
FROM mentions m JOIN documents d ON d.id = m.doc ORDER BY m.doc, m.seq"""
_COUNTS = "SELECT key, COUNT(DISTINCT doc) FROM mentions GROUP BY key"
_KEYED_DOCUMENTS = """SELECT DISTINCT key, doc FROM mentions
WHERE key IN (SELECT value FROM json_each(?))"""
_SIGNATORIES = f"""SELECT m.doc, d.date, m.key FROM mentions m JOIN documents d ON d.id = m.doc
WHERE m.role = '{SIGNATORY}' {{}} ORDER BY m.doc, m.seq"""


def rows(entry) -> list[tuple]:
    """The mention rows of a catalog entry, in the order `Signers` reads a record."""
    from uyghur_docs.extract.signers import DocumentSigners

    analysis = entry.analysis
    record = DocumentSigners(entry.id, "", None, analysis.signatories, analysis.issuers)
    return [
        (entry.id, seq, role, f.as_written, f.name, name_key(f.name), _json(f.aliases), f.placed)
        for seq, (role, f) in enumerate(mentions_of(record))
    ]


def touch(db: sqlite3.Connection, sources: list[str], removed: list[str]) -> None:
    """Note, before a save changes them, the keys whose forms it may change: those of the
    mentions of removed documents, of the documents the attached `sources` replace and of
    their own mentions."""
    db.execute("CREATE TEMP TABLE IF NOT EXISTS touched (key PRIMARY KEY)")
    db.execute("DELETE FROM temp.touched")
    note = "INSERT OR IGNORE INTO temp.touched SELECT key FROM"
    gone = (json.dumps(removed),)
    db.execute(f"{note} main.mentions WHERE doc IN (SELECT value FROM json_each(?))", gone)
    for source in sources:
        db.execute(f"{note} main.mentions WHERE doc IN (SELECT id FROM {source}.documents)")
        db.execute(f"{note} {source}.mentions")


def refresh_forms(db: sqlite3.Connection, every: bool) -> None:
    """Count again the forms of the keys `touch` noted (`every`: all forms)."""
    if every:
        db.execute("DELETE FROM main.forms")
        db.execute(_COUNT_FORMS.format(""))
        return
    db.execute(f"DELETE FROM main.forms {_TOUCHED}")
    db.execute(_COUNT_FORMS.format(_TOUCHED))


def _json(aliases: tuple[str, ...]) -> str:
    return json.dumps(aliases, ensure_ascii=False)


class CatalogMentions:
    """The mentions of a catalog current with its corpus (see `stored`). One connection,
    closed with the object, serves every question: listing every organisation asks one per
    organisation."""

    def __init__(self, index_dir: Path):
        self.path = index_dir / catalog.CATALOG_FILE
        self._db: sqlite3.Connection | None = None

    def _query(self, sql: str, *args) -> list[tuple]:
        try:
            if self._db is None:
                self._db = catalog.read_only(self.path)
            return self._db.execute(sql, args).fetchall()
        except sqlite3.Error as exc:
            raise IndexDamaged(self.path, str(exc)) from exc

    def forms(self) -> Iterable[tuple[Form, int]]:
        return [
            (Form(written, name, tuple(json.loads(aliases)), bool(placed)), count)
            for written, name, aliases, placed, count in self._query(_FORMS)
        ]

    def letters(self, keys: Collection[str]) -> Iterable[Letter]:
        return [Letter(*row) for row in self._query(_LETTERS, json.dumps(list(keys)))]

    def keyed_letters(self) -> Iterable[tuple[str, Letter]]:
        return [(key, Letter(*row)) for key, *row in self._query(_KEYED_LETTERS)]

    def counts(self) -> Iterable[tuple[str, int]]:
        return self._query(_COUNTS)

    def keyed_documents(self, keys: Collection[str]) -> Iterable[tuple[str, str]]:
        return self._query(_KEYED_DOCUMENTS, json.dumps(list(keys)))

    def signatories(self, ids: Collection[str] | None) -> Iterable[tuple[str, str | None, str]]:
        if ids is None:
            return self._query(_SIGNATORIES.format(""))
        among = "AND m.doc IN (SELECT value FROM json_each(?))"
        return self._query(_SIGNATORIES.format(among), json.dumps(list(ids)))

    def record(self, doc_id: str):
        from uyghur_docs.extract.signers import DocumentSigners

        entry = catalog.load(self.path.parent, ("signatories", "issuers"), ids=[doc_id])
        e = entry.get(doc_id)
        if e is None:
            return None
        return DocumentSigners(e.id, e.title, e.date, e.analysis.signatories, e.analysis.issuers)

    def ids(self) -> list[str]:
        return [row[0] for row in self._query("SELECT id FROM documents ORDER BY id")]
