"""The catalog entries one indexing process makes, in a file of their own for
`catalog.save` to take in."""

import sqlite3
from pathlib import Path

from uyghur_docs.findings.copies import Body
from uyghur_docs.store import catalog, copies


class Part:
    """The entries one indexing process makes, written to a file of their own as they come
    (a large run holds no catalog in memory)."""

    BATCH = 500

    def __init__(self, path: Path):
        path.unlink(missing_ok=True)
        self.path, self.count, self._pending, self._mentions = path, 0, [], []
        self._bodies: list[tuple] = []
        self._db = sqlite3.connect(path)
        self._db.execute("PRAGMA journal_mode = OFF")
        catalog.create(self._db)

    def add(self, entry: catalog.Entry, body: Body) -> None:
        from uyghur_docs.store.mentions import rows

        self._pending.append(_rows(entry))
        self._mentions.append((entry.id, rows(entry)))
        self._bodies.append(copies.rows(entry.id, body))
        self.count += 1
        if len(self._pending) >= self.BATCH:
            self._flush()

    def _flush(self) -> None:
        from uyghur_docs.store.mentions import COLUMNS

        if not self._pending:
            return
        with self._db:
            for table, number in (("documents", 0), ("analyses", 1)):
                rows = [pending[number] for pending in self._pending]
                marks = ", ".join("?" * len(rows[0]))
                self._db.executemany(f"INSERT OR REPLACE INTO {table} VALUES ({marks})", rows)
            # An entry made again in the same run replaces its mentions, not adds to them.
            ids = [(doc_id,) for doc_id, _ in self._mentions]
            self._db.executemany("DELETE FROM mentions WHERE doc = ?", ids)
            self._db.executemany(
                f"INSERT OR REPLACE INTO mentions VALUES ({', '.join('?' * len(COLUMNS))})",
                [row for _, rows in self._mentions for row in rows],
            )
            self._db.executemany(
                "INSERT OR REPLACE INTO bodies VALUES (?, ?)", [row for row, _ in self._bodies]
            )
            ids = [(row[0],) for row, _ in self._bodies]
            self._db.executemany("DELETE FROM bands WHERE doc = ?", ids)
            bands = [band for _, rows in self._bodies for band in rows]
            self._db.executemany("INSERT INTO bands VALUES (?, ?)", bands)
        self._pending, self._mentions, self._bodies = [], [], []

    def close(self) -> None:
        self._flush()
        self._db.close()


def _rows(entry: catalog.Entry) -> tuple[tuple, tuple]:
    """An entry as its catalog rows, of documents and of analyses (its records as JSON: a
    record's fields as an object)."""
    from uyghur_docs.extract.quotes import is_report_quote

    values = {**vars(entry), **vars(entry.analysis)}
    values["report_quotations"] = tuple(filter(is_report_quote, entry.analysis.quotes))
    values["overrides"] = catalog.json_text(entry.overrides)
    return (
        tuple(values[c] for c in catalog.COLUMNS),
        (entry.id, *(catalog.json_text(values[c]) for c in catalog.RECORDS)),
    )
