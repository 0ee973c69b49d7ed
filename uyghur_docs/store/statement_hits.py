"""Search results counted by statement: the copies of one statement (`store.copies`) that a
query matches are one result. It stands where the best ranked of them ranks, shown as the
canonical copy when that matches too (else as the first matching copy by id), and names
the other matching copies. Counts drop those other copies, and their paragraphs.

The documents with copies are few, so the copies a query matches are found by a second
search among them alone; the ranked search then asks for as many more documents as there
are copies to fold, so that `limit` statements are still shown.
"""

from dataclasses import dataclass, field, replace

from uyghur_docs.models import Filters, Matching


@dataclass(frozen=True)
class Matched:
    """The copies a query matches: each one's statement, and its paragraphs found (in
    rank order, at most the passages asked for)."""

    statement_of: dict[str, str] = field(default_factory=dict)
    hits: dict[str, list] = field(default_factory=dict)

    def shown_as(self, doc_id: str) -> str:
        """The document a matching copy's statement is shown as."""
        statement = self.statement_of[doc_id]
        if statement in self.hits:
            return statement
        return min(d for d, s in self.statement_of.items() if s == statement)

    def others(self, doc_id: str) -> tuple[str, ...]:
        """The matching copies folded into the document a statement is shown as."""
        statement = self.statement_of.get(doc_id)
        if statement is None:
            return ()
        return tuple(
            sorted(d for d, s in self.statement_of.items() if s == statement and d != doc_id)
        )

    @property
    def folded(self) -> list[str]:
        """Every matching copy that is not the one its statement is shown as."""
        return sorted(d for d in self.statement_of if self.shown_as(d) != d)


def matched(
    index, qstring: str, filters: Filters, matching: Matching | None, statement_of, per_doc
):
    """The copies among the documents a query matches (`statement_of`: each copy's
    statement id, from the catalog); none to look for within one document."""
    from uyghur_docs import engine

    ids = set(statement_of)
    if filters.among is not None:
        ids &= set(filters.among)
    if filters.doc or not ids:
        return Matched()
    among = replace(filters, among=tuple(sorted(ids)))
    found = engine.search(index, qstring, among, len(ids), per_doc, matching)
    hits: dict[str, list] = {}
    for p in found.hits:
        hits.setdefault(p.doc, []).append(p)
    return Matched({d: statement_of[d] for d in hits}, hits)


def by_statement(ranked: dict[str, list], copies: Matched, limit: int) -> list[tuple[str, list]]:
    """The first `limit` statements of documents in rank order (each with its paragraphs):
    a copy is replaced by the document its statement is shown as, once."""
    shown: dict[str, list] = {}
    for doc_id, paragraphs in ranked.items():
        if doc_id in copies.statement_of:
            doc_id = copies.shown_as(doc_id)
            paragraphs = copies.hits[doc_id]
        shown.setdefault(doc_id, paragraphs)
        if len(shown) == limit:
            break
    return list(shown.items())
