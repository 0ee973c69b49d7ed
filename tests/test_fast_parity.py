"""The fast path (`engine.fast`) against whoosh's own matchers on random indexes: the same
documents and paragraphs counted, the same hits in the same order, the same scores.

Random corpora of a few words (so that terms collide and scores tie), with roles, dates and
kinds, built in several commits that delete and replace documents (several segments,
deleted records); random terms, ANDs and phrases, with random filters and matching modes.
"""

from dataclasses import asdict

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from whoosh import query as wq
from whoosh.writing import NO_MERGE

from uyghur_docs import engine
from uyghur_docs.engine import writer
from uyghur_docs.engine.match import scored
from uyghur_docs.engine.parse import on_fields, parse
from uyghur_docs.engine.phrase import Unit, units
from uyghur_docs.engine.query import where
from uyghur_docs.models import ROLES, Filters, Matching, ParagraphRecord

# "of", "the" and "and" are common words: phrases holding them read the pair field.
WORDS = ["camp", "camps", "labour", "forced", "rights", "human", "may", "Ürümqi"]
WORDS += ["of", "the", "and"]
DATES = [None, "2022", "2022-09", "2022-09-01", "2023-03-15"]
KINDS = ["letter", "statement", "report"]

paragraph = st.lists(st.sampled_from(WORDS), min_size=1, max_size=9).map(" ".join)
record_of = st.tuples(paragraph, st.sampled_from(ROLES[:1] * 3 + ROLES[1:]))
document = st.tuples(
    st.lists(record_of, min_size=1, max_size=5), st.sampled_from(DATES), st.sampled_from(KINDS)
)
# Each commit after the first deletes some documents and adds (or replaces) others.
commit = st.tuples(
    st.lists(st.integers(0, 7), max_size=3, unique=True),
    st.dictionaries(st.integers(0, 7), document, min_size=1, max_size=5),
)
history = st.lists(commit, min_size=1, max_size=3)


def query_of(draw) -> str:
    kinds = ["term", "and", "and3", "phrase", "phrase3", "phrase4", "fuzzy"]
    kind = draw(st.sampled_from(kinds))
    words = [draw(st.sampled_from(WORDS)) for _ in range(4)]
    if kind == "term":
        return words[0]
    if kind == "fuzzy":
        # A word as written, one edit from one ("camp~" finds camp and camps), or two
        # letters swapped (one edit for the highlights of several segments).
        word = draw(st.sampled_from([words[0], words[0] + "x", words[0][1:], swapped(words[0])]))
        return f"{word}~ {words[1]}" if draw(st.booleans()) else f"{word}~"
    if kind.startswith("and"):
        return " ".join(words[: 3 if kind == "and3" else 2])
    return '"' + " ".join(words[: int(kind[-1]) if kind[-1].isdigit() else 2]) + '"'


def swapped(word: str) -> str:
    return word[1] + word[0] + word[2:]


def filters_of(draw) -> Filters:
    roles = draw(st.sampled_from([("prose",), (), ("signature",), ("prose", "contact")]))
    since, until = draw(st.sampled_from([(None, None), ("2022-09", None), (None, "2022")]))
    kinds = draw(st.sampled_from([(), ("letter",), ("statement", "report")]))
    among = draw(st.sampled_from([None, ("d1", "d3", "d5")]))
    doc = draw(st.sampled_from([None, None, "d2"]))
    return Filters(doc=doc, among=among, kinds=kinds, since=since, until=until, roles=roles)


@pytest.fixture(autouse=True)
def unmerged(monkeypatch):
    """Commits that merge nothing: every commit's segment stays, with its deleted records
    (whoosh merges small segments away, and a worn one is rewritten)."""
    monkeypatch.setattr(writer, "_merge_worn", NO_MERGE)


def build(index_dir, commits) -> None:
    for number, (gone, added) in enumerate(commits):
        run = engine.Run(index_dir, create=number == 0)
        for doc in [*gone, *added]:
            run.delete(f"d{doc}")
        segments = engine.Segments(index_dir)
        for doc, (records, date, kind) in added.items():
            for para, (text, role) in enumerate(records, start=1):
                segments.add(ParagraphRecord(f"d{doc}", para, f"T{doc}", text, date, kind, role))
        run.commit(segments.finish(), clear=False)


def whoosh_only(index_dir) -> engine.Index:
    """An index kept open with its fast path turned off: every query goes to whoosh."""
    slow = engine.Index(index_dir)
    slow.opened().segments = None
    return slow


def assert_same(fast, slow, qstring: str, filters: Filters, matching: Matching) -> None:
    for limit, per_doc in [(3, 2), (50, None), (0, 0)]:
        got = fast.search(qstring, filters, limit, per_doc, matching)
        expected = slow.search(qstring, filters, limit, per_doc, matching)
        assert asdict(got) == asdict(expected), (qstring, filters, matching, limit)
    opened = fast.opened()
    q = on_fields(parse(opened.schema, qstring, exact=matching.exact), where(filters.roles))
    leaves = [q] if matching.same_paragraph else [q, wq.Or(list(q.leaves()))]
    for leaf in leaves:
        mine = scored(opened.searcher, leaf, None, opened.fast())
        theirs = scored(opened.searcher, leaf, None)
        assert [n for _, n in mine] == [n for _, n in theirs], (qstring, leaf)
        assert all(abs(a - b) <= 1e-9 for (a, _), (b, _) in zip(mine, theirs, strict=True))


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(history, st.data())
def test_the_fast_path_gives_what_whoosh_gives(tmp_path_factory, commits, data):
    index_dir = tmp_path_factory.mktemp("parity") / "index"
    build(index_dir, commits)
    fast, slow = engine.Index(index_dir), whoosh_only(index_dir)
    if fast.opened().searcher is None:
        return
    for _ in range(8):
        qstring, filters = query_of(data.draw), filters_of(data.draw)
        matching = Matching(same_paragraph=data.draw(st.booleans()), exact=data.draw(st.booleans()))
        assert_same(fast, slow, qstring, filters, matching)


def test_parity_holds_over_segments_with_deleted_records(tmp_path):
    """A fixed history that leaves three segments, one with deleted records."""
    index_dir = tmp_path / "index"
    texts = ["camp labour camp", "forced labour of human rights", "may camps", "human rights"]
    first = {
        n: ([(texts[(n + i) % 4], ROLES[(n * i) % 4]) for i in range(4)], "2022", "letter")
        for n in range(8)
    }
    second = {n: ([(texts[i], "prose") for i in range(3)], "2023-03-15", "report") for n in (8, 9)}
    build(index_dir, [([], first), ([3], second), ([9], {10: second[8]})])
    fast, slow = engine.Index(index_dir), whoosh_only(index_dir)
    readers = [leaf.reader() for leaf, _ in fast.opened().searcher.leaf_searchers()]
    assert len(readers) == 3 and any(r.has_deletions() for r in readers)
    queries = ["labour", "camp labour", "human rights forced", '"human rights"', '"of human"']
    for qstring in [*queries, "camp~", "righs~ labour"]:
        for filters in [Filters(), Filters(roles=()), Filters(since="2023", roles=())]:
            for same in (False, True):
                assert_same(fast, slow, qstring, filters, Matching(same_paragraph=same))


def test_parity_of_phrases_with_common_words(tmp_path):
    """Phrases that start, end with or are made of common words, in prose and aside
    paragraphs, after deletions."""
    index_dir = tmp_path / "index"
    texts = [
        "the rights of the camp and of the camps",
        "of the of the forced labour",
        "rights of the camp of the",
        "human rights and the camp",
        "camp of",
    ]
    first = {
        n: ([(texts[(n + i) % 5], ROLES[(n * i) % 4]) for i in range(3)], "2022", "letter")
        for n in range(6)
    }
    build(index_dir, [([], first), ([2], {7: first[1]})])
    fast, slow = engine.Index(index_dir), whoosh_only(index_dir)
    phrases = ["of the", "the camp", "rights of the camp", "of the of", "camp of", "the of"]
    for qstring in [f'"{p}"' for p in [*phrases, "and the camp", "forced labour"]]:
        for filters in [Filters(), Filters(roles=())]:
            for matching in [Matching(), Matching(same_paragraph=True), Matching(exact=True)]:
                assert_same(fast, slow, qstring, filters, matching)


def test_a_phrase_reads_pairs_for_its_common_words():
    terms = [b"rights", b"of", b"the", b"camp"]
    assert units("body", terms) == [
        Unit("body", b"rights", 0),
        Unit("body", b"camp", 3),
        Unit("body_pairs", b"of the", 1),
        Unit("body_pairs", b"the camp", 2),
    ]
    # A common word at the end is read by itself.
    assert units("body", [b"camp", b"of"]) == [Unit("body", b"camp", 0), Unit("body", b"of", 1)]
    assert units("exact", terms) == [Unit("exact", t, k) for k, t in enumerate(terms)]
    assert units("body", [b"forced", b"labour"]) == [
        Unit("body", b"forced", 0),
        Unit("body", b"labour", 1),
    ]
