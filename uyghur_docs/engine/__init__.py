"""The search engine behind the store: whoosh, and the only package that imports it.

What another engine (SQLite FTS5, Tantivy, OpenSearch) would implement, and nothing else:

- `exists(index_dir)`, `check(index_dir) -> paragraphs` (raises IndexDamaged, IndexMissing,
  IndexUntrusted from `uyghur_docs.errors`);
- `reusable(index_dir, rebuild) -> bool`: whether a run can write into the index there;
- `Run(index_dir, create)`: the locked writer of one indexing run, with `lock_fd`,
  `delete(doc_id)`, `commit(segments, clear)` and `cancel()` (raises IndexLocked,
  IndexUnwritable);
- `Segments(index_dir)`: adds `models.ParagraphRecord`s, in this process or a worker, with
  `add(record)`, `finish() -> segments` and `abort()`;
- `search(index_dir, query, models.Filters, limit, per_doc) -> (documents, [ParagraphHit])`
  and `suggest(index_dir, query, Filters) -> str | None`.

Records go in and hits come out as the plain dataclasses of `uyghur_docs.models`.
"""

from uyghur_docs.engine.files import check, exists
from uyghur_docs.engine.query import search
from uyghur_docs.engine.suggest import suggest
from uyghur_docs.engine.writer import Run, Segments, reusable

__all__ = ["Run", "Segments", "check", "exists", "reusable", "search", "suggest"]
