"""The document of each paragraph, placed by the `para` column (`engine.docids`): a
document is never split between segments, whatever the segment budget, and stays whole
through deletions, replacements and merges."""

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from uyghur_docs import engine
from uyghur_docs.engine import writer
from uyghur_docs.engine.docids import DocIds
from uyghur_docs.engine.files import open_index
from uyghur_docs.engine.internals import paragraph_numbers
from uyghur_docs.models import Filters, ParagraphRecord


def _records(doc: str, paragraphs: int, words: str = "torture camps") -> list[ParagraphRecord]:
    return [
        ParagraphRecord(doc, n, doc.upper(), f"{words} {doc} {n}", None, "letter")
        for n in range(1, paragraphs + 1)
    ]


def _commit(index_dir: Path, added: dict[str, int], deleted=(), create=False) -> None:
    run = engine.Run(index_dir, create=create)
    for doc in deleted:
        run.delete(doc)
    segments = engine.Segments(index_dir)
    for doc, paragraphs in added.items():
        for record in _records(doc, paragraphs):
            segments.add(record)
    run.commit(segments.finish(), clear=False)


def _placed(index_dir: Path) -> tuple[list[list[int]], list[tuple[str, int]]]:
    """Each segment's paragraph numbers, and (document, paragraph) of every live record by
    number, its document as DocIds places it."""
    searcher = engine.Index(index_dir).opened().searcher
    columns = [list(paragraph_numbers(leaf.reader())) for leaf, _ in searcher.leaf_searchers()]
    reader = searcher.reader()
    live = [n for n in range(reader.doc_count_all()) if not reader.is_deleted(n)]
    ids = DocIds(searcher).many(live)
    paras = [searcher.stored_fields(n)["para"] for n in live]
    return columns, list(zip(ids, paras, strict=True))


@pytest.fixture
def one_document_a_segment(monkeypatch):
    """A segment budget every document exceeds: each segment closes before the next ¶1."""
    monkeypatch.setattr(writer, "POSTINGS_PER_SEGMENT", 1)


def test_a_document_larger_than_the_budget_stays_in_one_segment(tmp_path, one_document_a_segment):
    _commit(tmp_path / "index", {"a": 3, "b": 12, "c": 2, "d": 1}, create=True)
    columns, placed = _placed(tmp_path / "index")
    assert columns == [[1, 2, 3], list(range(1, 13)), [1, 2], [1]]
    assert placed == (
        [("a", n) for n in range(1, 4)]
        + [("b", n) for n in range(1, 13)]
        + [("c", 1), ("c", 2), ("d", 1)]
    )


def test_documents_stay_whole_after_deletions_replacements_and_a_merge(
    tmp_path, one_document_a_segment
):
    index = tmp_path / "index"
    _commit(index, {"a": 3, "b": 12, "c": 2, "d": 1, "e": 4}, create=True)
    # The commit rewrites the two segments whose records are all deleted (into the empty
    # segment it writes last), keeps the others in place and adds its own after them.
    _commit(index, {"a": 2, "f": 5}, deleted=("a", "b"))
    columns, placed = _placed(index)
    assert columns == [[1, 2], [1], [1, 2, 3, 4], [1, 2], [1, 2, 3, 4, 5], []]
    assert placed == (
        [("c", 1), ("c", 2), ("d", 1)]
        + [("e", n) for n in range(1, 5)]
        + [("a", 1), ("a", 2)]
        + [("f", n) for n in range(1, 6)]
    )


def test_a_worn_segment_is_rewritten_without_its_deleted_document(tmp_path, one_document_a_segment):
    index = tmp_path / "index"
    _commit(index, {"a": 3, "b": 12}, create=True)
    # whoosh leaves the rewritten segment empty, and the next commit's segment starts
    # where it does.
    _commit(index, {"c": 2}, deleted=("a",))
    _commit(index, {"d": 1})
    assert _placed(index) == (
        [list(range(1, 13)), [1, 2], [], [1]],
        [("b", n) for n in range(1, 13)] + [("c", 1), ("c", 2), ("d", 1)],
    )


def test_the_ids_of_paragraphs_in_any_order_and_repeated(tmp_path, one_document_a_segment):
    _commit(tmp_path / "index", {"a": 3, "b": 12, "c": 2}, create=True)
    searcher = engine.Index(tmp_path / "index").opened().searcher
    ids = DocIds(searcher)
    assert ids.many([16, 0, 3, 14, 2, 15, 3]) == ["c", "a", "b", "b", "a", "c", "b"]
    assert ids.many([]) == []


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    sizes=st.lists(st.integers(1, 9), min_size=1, max_size=8),
    budget=st.integers(1, 60),
    deleted=st.sets(st.integers(0, 7), max_size=4),
    replaced=st.lists(st.integers(1, 9), max_size=3),
)
def test_every_paragraph_is_placed_in_its_own_document(
    monkeypatch, sizes, budget, deleted, replaced
):
    monkeypatch.setattr(writer, "POSTINGS_PER_SEGMENT", budget)
    docs = {f"d{i}": size for i, size in enumerate(sizes)}
    gone = [f"d{i}" for i in deleted if i < len(sizes)]
    again = {f"d{i}": size for i, size in enumerate(replaced) if f"d{i}" in docs}
    with tempfile.TemporaryDirectory() as folder:
        index = Path(folder) / "index"
        _commit(index, docs, create=True)
        _commit(index, again, deleted=[*gone, *again])
        _, placed = _placed(index)
    expected = {**{d: n for d, n in docs.items() if d not in gone}, **again}
    assert sorted(placed) == sorted((d, p) for d, n in expected.items() for p in range(1, n + 1))
    for at, (doc, para) in enumerate(placed):
        assert placed[at - para + 1] == (doc, 1)


def test_a_search_among_documents_finds_their_paragraphs_after_a_merge(
    tmp_path, one_document_a_segment
):
    index = tmp_path / "index"
    _commit(index, {"a": 3, "b": 12, "c": 2, "d": 1, "e": 4}, create=True)
    _commit(index, {"a": 2, "f": 5}, deleted=("a", "b"))
    among = Filters(among=("a", "b", "e", "nowhere"))
    found = engine.search(engine.Index(index), "torture", among, limit=10, per_doc=None)
    assert (found.documents, found.paragraphs) == (2, 6)
    assert sorted((hit.doc, hit.paragraph) for hit in found.hits) == [
        ("a", 1),
        ("a", 2),
        ("e", 1),
        ("e", 2),
        ("e", 3),
        ("e", 4),
    ]
    one = engine.search(engine.Index(index), "torture", Filters(doc="c"), limit=10, per_doc=None)
    assert [(hit.doc, hit.paragraph) for hit in one.hits] == [("c", 1), ("c", 2)]


def test_the_paragraphs_of_documents_are_those_of_their_ids(tmp_path, one_document_a_segment):
    index = tmp_path / "index"
    _commit(index, {"a": 3, "b": 12, "c": 2}, create=True)
    _commit(index, {"d": 2}, deleted=("c",))
    ids = DocIds(engine.Index(index).opened().searcher)
    # c's segment, all deleted, was rewritten empty after d's.
    assert ids.paragraphs_of(frozenset({"a", "d", "nowhere"})) == {0, 1, 2, 15, 16}
    assert ids.paragraphs_of(frozenset({"b"})) == set(range(3, 15))
    assert ids.paragraphs_of(frozenset({"c"})) == set()
    assert ids.many([16, 0, 3]) == ["d", "a", "b"]


def test_a_commit_merges_the_small_segments_and_keeps_the_large(tmp_path, monkeypatch):
    """An update adds a small segment; a later commit merges two small ones together
    (into the segment it writes, after those it adds) and never the large segments a build
    wrote (one a document here)."""
    monkeypatch.setattr(writer, "POSTINGS_PER_SEGMENT", 1)
    index = tmp_path / "index"
    _commit(index, {f"big{n}": 16 for n in range(9)}, create=True)
    built = _segment_ids(index)
    sizes = []
    for n in range(4):
        _commit(index, {f"new{n}": 1})
        sizes.append(_segment_sizes(index))
    assert _segment_ids(index)[:9] == built
    assert sizes == [
        [16] * 9 + [1],
        [16] * 9 + [1, 1],
        [16] * 9 + [1, 2],
        [16] * 9 + [1, 2, 1],
    ]


def test_a_segment_worn_by_deletions_is_rewritten_alone(tmp_path, monkeypatch):
    monkeypatch.setattr(writer, "POSTINGS_PER_SEGMENT", 1)
    index = tmp_path / "index"
    _commit(index, {f"big{n}": 16 for n in range(4)}, create=True)
    built = _segment_ids(index)
    _commit(index, {"new": 16}, deleted=("big1",))
    assert _segment_ids(index)[:3] == [built[0], built[2], built[3]]
    assert _segment_sizes(index) == [16, 16, 16, 16, 0]


def _segment_ids(index_dir: Path) -> list[str]:
    return [s.segment_id() for s in open_index(index_dir)._segments()]


def _segment_sizes(index_dir: Path) -> list[int]:
    return [s.doc_count_all() for s in open_index(index_dir)._segments()]
