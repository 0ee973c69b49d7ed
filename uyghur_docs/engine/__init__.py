"""The search engine behind the store: whoosh, and the only package that imports it.

What another engine (SQLite FTS5, Tantivy, OpenSearch) would implement, and nothing else:

- `exists(index_dir)`, `check(index) -> paragraphs`, of a folder or a kept `Index` (raises
  IndexDamaged, IndexMissing, IndexUntrusted from `uyghur_docs.errors`);
- `reusable(index_dir, rebuild) -> bool`: whether a run can write into the index there;
- `Run(index_dir, create)`: the locked writer of one indexing run, with `lock_fd`,
  `delete(doc_id)`, `commit(segments, clear)` and `cancel()` (raises IndexLocked,
  IndexUnwritable);
- `Segments(index_dir)`: adds `models.ParagraphRecord`s, in this process or a worker, with
  `add(record)`, `finish() -> segments` and `abort()`;
- `search(index, query, models.Filters, limit, per_doc, models.Matching) ->
  models.Found` (documents and paragraphs counted, the chosen `ParagraphHit`s),
  `texts(index, doc_id, numbers) -> {number: text}` and
  `suggest(index, query, Filters) -> str | None`, where `index` is the index folder
  (opened for that one call) or an `Index(index_dir)` the caller keeps: it holds the
  opened index between calls and opens it again when a commit has come since (raising
  IndexDamaged, IndexMissing, IndexUntrusted as `check` does), with `close()`;
- `validate(query)`: raises the QueryError a query would, before an index is opened.

Records go in and hits come out as the plain dataclasses of `uyghur_docs.models`.

`check_folder(index_dir)` (raises IndexUntrusted for a folder others can write to), `exists`
and `verify(index_dir) -> generation | None` (raises IndexUntrusted for a folder
others can write to, IndexUnsealed for an index not sealed for this user, IndexDamaged
unless every file is as the last commit sealed it; see `engine.manifest`) need no whoosh:
each name is imported when first used, so a listing that asks only those never loads the
engine. Every other name imports whoosh first as `engine.imports` does, without the
modules a search never uses.
"""

from importlib import import_module

# Where each name of the interface lives.
_HOMES = {
    "check": "kept",
    "exists": "manifest",
    "verify": "manifest",
    "check_folder": "manifest",
    "Index": "kept",
    "search": "query",
    "texts": "query",
    "suggest": "suggestions",
    "validate": "parse",
    "Run": "writer",
    "Segments": "writer",
    "reusable": "writer",
}

__all__ = sorted(_HOMES)


def __getattr__(attribute: str):
    home = _HOMES.get(attribute)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {attribute!r}")
    if home != "manifest":
        from uyghur_docs.engine.imports import import_whoosh_lightly

        import_whoosh_lightly()
    value = getattr(import_module(f"{__name__}.{home}"), attribute)
    globals()[attribute] = value
    return value
