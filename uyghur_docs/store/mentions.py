"""Signature mentions kept in the catalog by name key: one row per organisation a document
names as signatory or issuer, so that a signers question reads the distinct name forms and
then only the rows of the organisations it asks about."""

import json
import sqlite3
from collections.abc import Collection, Iterable
from contextlib import closing
from pathlib import Path

from uyghur_docs.errors import IndexDamaged
from uyghur_docs.findings.orgs import SIGNATORY, Form, Letter, mentions_of
from uyghur_docs.store import catalog
from uyghur_docs.text.names import name_key

COLUMNS = ("doc", "seq", "role", "as_written", "name", "key", "aliases", "placed")
SCHEMA = (
    f"CREATE TABLE IF NOT EXISTS mentions ({', '.join(COLUMNS)}, PRIMARY KEY (doc, seq))",
    "CREATE INDEX IF NOT EXISTS mentions_key ON mentions (key)",
)
_FORMS = """SELECT as_written, name, aliases, placed, COUNT(*) FROM mentions
GROUP BY as_written, name, aliases, placed ORDER BY MIN(doc || char(0) || printf('%09d', seq))"""
_LETTERS = """SELECT m.doc, d.title, d.date, m.role, m.as_written
FROM mentions m JOIN documents d ON d.id = m.doc
WHERE m.key IN (SELECT value FROM json_each(?)) ORDER BY m.doc, m.seq"""
_SIGNATORIES = f"""SELECT m.doc, d.date, m.name FROM mentions m JOIN documents d ON d.id = m.doc
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


def _json(aliases: tuple[str, ...]) -> str:
    return json.dumps(aliases, ensure_ascii=False)


class CatalogMentions:
    """The mentions of a catalog current with its corpus (see `stored`)."""

    def __init__(self, index_dir: Path):
        self.path = index_dir / catalog.CATALOG_FILE

    def _query(self, sql: str, *args) -> list[tuple]:
        try:
            with closing(catalog.read_only(self.path)) as db:
                return db.execute(sql, args).fetchall()
        except sqlite3.Error as exc:
            raise IndexDamaged(self.path, str(exc)) from exc

    def forms(self) -> Iterable[tuple[Form, int]]:
        return [
            (Form(written, name, tuple(json.loads(aliases)), bool(placed)), count)
            for written, name, aliases, placed, count in self._query(_FORMS)
        ]

    def letters(self, keys: Collection[str]) -> Iterable[Letter]:
        return [Letter(*row) for row in self._query(_LETTERS, json.dumps(list(keys)))]

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
