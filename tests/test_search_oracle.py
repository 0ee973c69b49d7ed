"""The engine against a plain-Python oracle on generated corpora: the same normalisation,
and for terms, AND pairs, phrases, OR, NOT, wildcards and fuzzy terms the same documents,
the same totals, and every matching document shown when the limit allows."""

from fnmatch import fnmatchcase

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from uyghur_docs.engine.stemming import stem
from uyghur_docs.engine.words import WORD, fold, terms
from uyghur_docs.models import Filters
from uyghur_docs.store import search
from uyghur_docs.store.build import update

VOCABULARY = [
    "detained",
    "detention",
    "detains",
    "Detainees",
    "camps",
    "camp",
    "labour",
    "labor",
    "organisations",
    "organization",
    "Ürümqi",
    "Urumqi",
    "İstanbul",
    "humanity",
    "human",
    "rights",
    "right",
    "may",
    "can",
    "crimes",
    "聯署",
    "公開信",
    "state",
    "states",
]
paragraph = st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=8).map(" ".join)
document = st.lists(paragraph, min_size=1, max_size=4)
corpus_of = st.lists(document, min_size=1, max_size=6)
word = st.sampled_from(VOCABULARY)


def query_of(draw) -> tuple[str, str, str, str]:
    """A query string, with its operator and the two leaves it combines (the second
    empty for a single leaf)."""
    kind = draw(st.sampled_from(["term", "and", "phrase", "or", "not", "wild", "fuzzy"]))
    a, b = draw(word), draw(word)
    if kind == "and":
        return f"{a} {b}", "and", a, b
    if kind == "phrase":
        return f'"{a} {b}"', "leaf", f'"{a} {b}"', ""
    if kind == "or":
        return f"{a} OR {b}", "or", a, b
    if kind == "not":
        return (f"{a} -{b}" if draw(st.booleans()) else f"{a} NOT {b}"), "not", a, b
    if kind == "wild":
        prefix = fold(a)[:3] + "*"
        return prefix, "leaf", prefix, ""
    if kind == "fuzzy":
        return f"{a}~", "leaf", f"{a}~", ""
    return a, "leaf", a, ""


def exact_terms(text: str) -> list[str]:
    return [t for w in WORD.findall(text) for t in terms(w)]


def distance(a: str, b: str) -> int:
    """Edit distance with adjacent transpositions (optimal string alignment)."""
    rows = [list(range(len(b) + 1))]
    for i, ca in enumerate(a, 1):
        row = [i]
        for j, cb in enumerate(b, 1):
            row.append(min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (ca != cb)))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


def paragraph_matches(text: str, query: str) -> bool:
    """One paragraph against one leaf of the query."""
    exact = exact_terms(text)
    stems = [stem(t) for t in exact]
    if query.startswith('"'):
        phrase = [stem(t) for t in exact_terms(query.strip('"'))]
        return any(stems[i : i + len(phrase)] == phrase for i in range(len(stems)))
    if query.endswith("*"):
        return any(fnmatchcase(t, query) for t in exact)
    if query.endswith("~"):
        typed = fold(query[:-1])
        return any(distance(t, typed) <= 1 for t in exact)
    wanted = [stem(t) for t in exact_terms(query)]
    return any(stems[i : i + len(wanted)] == wanted for i in range(len(stems)))


def oracle(documents: dict[str, list[str]], op: str, a: str, b: str) -> set[str]:
    """The documents a query matches: each leaf in any paragraph, combined per document."""

    def having(leaf: str) -> set[str]:
        return {d for d, ps in documents.items() if any(paragraph_matches(p, leaf) for p in ps)}

    if op == "leaf":
        return having(a)
    return {"and": set.__and__, "or": set.__or__, "not": set.__sub__}[op](having(a), having(b))


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(corpus_of, st.data())
def test_engine_agrees_with_the_oracle(tmp_path_factory, generated, data):
    folder = tmp_path_factory.mktemp("generated")
    corpus, index_dir = folder / "corpus", folder / "index"
    corpus.mkdir()
    documents = {}
    for number, paragraphs in enumerate(generated, start=1):
        doc_id = f"2023-01-{number:02d}-generated"
        # A title paragraph of its own, so that every generated paragraph is body text.
        (corpus / f"{doc_id}.txt").write_text(f"Statement {number}\n\n" + "\n\n".join(paragraphs))
        documents[doc_id] = [f"Statement {number}", *paragraphs]
    update(corpus, index_dir)
    for _ in range(12):
        query, op, a, b = query_of(data.draw)
        expected = oracle(documents, op, a, b)
        # Every file, as the oracle counts: generated documents may be copies of one another.
        result = search.search(index_dir, query, Filters(roles=()), limit=50, every_copy=True)
        assert {h.id for h in result.hits} == expected, query
        assert result.total == len(expected), query
