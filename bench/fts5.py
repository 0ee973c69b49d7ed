"""The SQLite FTS5 baselines of the benchmarks: a table of paragraphs (what udocs indexes,
read by udocs' own reader) and a plain table of whole documents (one row per file), their
incremental update, and the query that answers what a udocs search answers."""

import sqlite3
from pathlib import Path

TOKENIZER = "porter unicode61 remove_diacritics 2"


def build_paragraphs(corpus: Path, db: Path) -> dict:
    """One row per paragraph (document id, number, date, title, text), in one transaction."""
    from uyghur_docs.corpus.folder import document_paths, read_document

    con = sqlite3.connect(db)
    con.execute(
        "CREATE VIRTUAL TABLE p USING fts5(doc UNINDEXED, para UNINDEXED, date UNINDEXED,"
        f" title, body, tokenize='{TOKENIZER}')"
    )
    paragraphs = 0
    with con:
        for path in document_paths(corpus):
            doc = read_document(path)
            con.executemany("INSERT INTO p VALUES (?, ?, ?, ?, ?)", _rows(doc))
            paragraphs += len(doc.paragraphs)
    con.close()
    return {"paragraphs": paragraphs}


def build_documents(corpus: Path, db: Path) -> dict:
    """One row per file: its name and its whole text, as read from disk."""
    con = sqlite3.connect(db)
    con.execute(f"CREATE VIRTUAL TABLE d USING fts5(doc UNINDEXED, body, tokenize='{TOKENIZER}')")
    documents = 0
    with con:
        for path in sorted(corpus.glob("*.txt")):
            con.execute("INSERT INTO d VALUES (?, ?)", (path.stem, path.read_text("utf-8")))
            documents += 1
    con.close()
    return {"documents": documents}


def _rows(doc):
    return ((doc.id, n, doc.date, doc.title, t) for n, t in enumerate(doc.paragraphs, 1))


def update(corpus: Path, db: Path) -> dict:
    """Re-index the files newer than the database (stat every file, as udocs' catalog does)."""
    from uyghur_docs.corpus.folder import document_paths, read_document

    since = db.stat().st_mtime_ns
    con = sqlite3.connect(db)
    updated = 0
    with con:
        for path in document_paths(corpus):
            if path.stat().st_mtime_ns <= since:
                continue
            doc = read_document(path)
            con.execute("DELETE FROM p WHERE doc = ?", (doc.id,))
            con.executemany("INSERT INTO p VALUES (?, ?, ?, ?, ?)", _rows(doc))
            updated += 1
    con.close()
    return {"updated": updated}


def query(con: sqlite3.Connection, q: str, where: str = ""):
    """A function answering `q` as udocs does: the number of matching documents, and the
    best 30 paragraphs by bm25 with their text."""
    q = f"body : ({q})"  # udocs searches the body field unless told otherwise

    def run():
        total = con.execute(
            f"SELECT count(DISTINCT doc) FROM p WHERE p MATCH ? {where}", (q,)
        ).fetchone()
        rows = con.execute(
            f"SELECT doc, para, body FROM p WHERE p MATCH ? {where} ORDER BY bm25(p) LIMIT 30",
            (q,),
        ).fetchall()
        return total[0], rows

    return run


def query_documents(con: sqlite3.Connection, q: str):
    """A function answering an AND `q` ("a AND b") as udocs does by default, over documents:
    the number of documents with each word in some paragraph, and the best 30 paragraphs of
    them with any of the words, by bm25."""
    words = [f"body : ({word})" for word in q.split(" AND ")]
    each = " INTERSECT ".join(["SELECT doc FROM p WHERE p MATCH ?"] * len(words))
    anyone = "body : (" + " OR ".join(q.split(" AND ")) + ")"

    def run():
        total = con.execute(f"SELECT count(*) FROM ({each})", words).fetchone()
        rows = con.execute(
            f"SELECT doc, para, body FROM p WHERE p MATCH ? AND doc IN ({each})"
            " ORDER BY bm25(p) LIMIT 30",
            (anyone, *words),
        ).fetchall()
        return total[0], rows

    return run
