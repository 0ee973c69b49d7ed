"""Copies of one statement: found through a site's edits, kept apart otherwise, counted once."""

import random
import shutil
import string

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tests.conftest import REPO_CORPUS, SEED_IDS, run, run_json
from tests.copying import EDITS, republish, text_of
from uyghur_docs.corpus import folder
from uyghur_docs.corpus.folder import read_document
from uyghur_docs.extract import analysis
from uyghur_docs.extract.analysis import analyse
from uyghur_docs.findings import copies
from uyghur_docs.store.roles import paragraph_roles

HRC51 = "2022-09-hrc51-joint-letter"
UHRP = "Uyghur Human Rights Project"
OMCT = "2024-08-28-omct-second-anniversary-statement"
SEEDS = {doc_id: read_document(REPO_CORPUS / f"{doc_id}.txt") for doc_id in SEED_IDS}
ANALYSES = {doc_id: analyse(doc) for doc_id, doc in SEEDS.items()}


def body_of(doc, analysis=None) -> copies.Body:
    analysis = analysis or analyse(doc)
    return copies.body(doc.paragraphs, paragraph_roles(doc, analysis))


BODIES = {doc_id: body_of(doc, ANALYSES[doc_id]) for doc_id, doc in SEEDS.items()}


def found(a: copies.Body, b: copies.Body) -> bool:
    """Whether indexing would find the pair: a shared band key, then the check."""
    shared = set(a.bands) & set(b.bands)
    return bool(shared) and copies.are_copies(set(a.shingles), set(b.shingles))


def copy_of(doc_id: str, edits, seed: int = 0):
    return republish(SEEDS[doc_id], ANALYSES[doc_id], edits, random.Random(seed))


@pytest.mark.parametrize("doc_id", SEED_IDS)
@pytest.mark.parametrize("edit", EDITS)
def test_each_edit_of_each_seed_is_found(doc_id, edit):
    assert found(BODIES[doc_id], body_of(copy_of(doc_id, [edit])))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(SEED_IDS),
    st.sets(st.sampled_from(EDITS), min_size=1),
    st.integers(min_value=0, max_value=10**6),
)
def test_any_composition_of_edits_is_found(doc_id, edits, seed):
    assert found(BODIES[doc_id], body_of(copy_of(doc_id, edits, seed)))


def test_distinct_seeds_are_not_copies():
    for a, b in [(a, b) for a in SEED_IDS for b in SEED_IDS if a < b]:
        assert not copies.are_copies(set(BODIES[a].shingles), set(BODIES[b].shingles)), (a, b)


def _paragraph(number: int) -> str:
    """A paragraph of twelve words drawn from its number: paragraphs of one length, so that
    the share of paragraphs is the share of shingles, and different numbers, different text."""
    rng = random.Random(number)
    return " ".join("".join(rng.choices(string.ascii_lowercase, k=6)) for _ in range(12))


_PARAGRAPH = st.integers(min_value=0, max_value=10**9).map(_paragraph)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(_PARAGRAPH, min_size=1, max_size=8, unique=True),
    st.lists(_PARAGRAPH, min_size=1, max_size=8, unique=True),
    st.lists(_PARAGRAPH, min_size=1, max_size=8, unique=True),
)
def test_bodies_sharing_less_than_half_their_paragraphs_are_not_merged(shared, own_a, own_b):
    a, b = [*shared, *own_a], [*own_b, *shared]
    assume(len({*shared, *own_a, *own_b}) == len(shared) + len(own_a) + len(own_b))
    assume(2 * len(shared) < max(len(a), len(b)))
    assert not copies.are_copies(copies.shingles(a), copies.shingles(b))


def test_a_shared_closing_and_signatory_list_make_no_copy():
    """Two letters with the same closing and the same signatories under different texts."""
    hrc51, omct = SEEDS[HRC51], SEEDS["2024-08-28-omct-second-anniversary-statement"]
    signed = {s.paragraph for s in ANALYSES[HRC51].signatories}
    tail = tuple(p for n, p in enumerate(hrc51.paragraphs, start=1) if n in signed)
    other = omct.__class__(**{**vars(omct), "paragraphs": (*omct.paragraphs, "Sincerely,", *tail)})
    assert not found(BODIES[HRC51], body_of(other))


def write_copies(corpus, count: int = 3, edits=EDITS) -> list[str]:
    """Copies of the HRC51 letter, each with the edits, dated in October 2022."""
    ids = []
    for number in range(1, count + 1):
        doc_id = f"2022-10-0{number}-hrc51-copy"
        (corpus / f"{doc_id}.txt").write_text(text_of(copy_of(HRC51, edits, number)))
        ids.append(doc_id)
    return ids


def test_seeds_stay_five_statements(corpus):
    assert run("index").exit_code == 0
    rows = run_json("docs")["documents"]
    assert [(r["id"], r["copy_of"]) for r in rows] == [(i, None) for i in SEED_IDS]


def test_three_copies_count_once(corpus):
    # Every edit but dropping signatories: each copy keeps the organisation counted.
    ids = write_copies(corpus, edits=[edit for edit in EDITS if edit != "drop"])
    assert run("index").exit_code == 0
    rows = {r["id"]: r["copy_of"] for r in run_json("docs")["documents"]}
    assert rows == {**dict.fromkeys(SEED_IDS), **dict.fromkeys(ids, HRC51)}
    letters = run_json("signers", "--org", UHRP)["letters"]
    assert [letter["id"] for letter in letters] == [
        "2022-03-08-open-letter-high-commissioner",
        "2022-08-31-campaign-for-uyghurs-press-release",
        HRC51,
        "2024-08-28-omct-second-anniversary-statement",
    ]
    every = run_json("signers", "--org", UHRP, "--copies")["letters"]
    assert len(every) == 7
    counts = run("signers", "--csv").stdout.splitlines()
    assert f"{UHRP},4," in counts
    assert f"{UHRP},7," in run("signers", "--csv", "--copies").stdout.splitlines()
    pairs = run_json("signers", "--pairs", "--org", UHRP)["pairs"]
    assert {p["second"]: p["count"] for p in pairs}["World Uyghur Congress"] == 4


def test_show_copies_says_what_differs(corpus, monkeypatch):
    """From what indexing stored: no copy is read or analysed again."""
    ids = write_copies(corpus, 1)
    assert run("index").exit_code == 0
    for module, name in ((folder, "read_document"), (analysis, "analyse")):
        monkeypatch.setattr(module, name, _not_again)
    result = run_json("show", ids[0], "--copies")
    assert result["statement"] == HRC51
    canonical, copy = result["copies"]
    assert (canonical["id"], canonical["canonical"], copy["id"]) == (HRC51, True, ids[0])
    assert copy["signatories_added"] == ["Tibet Justice Centre", "Hong Kong Watch"]
    assert copy["signatories_missing"] == ["Amnesty International", "Human Rights Watch"]
    assert copy["paragraphs_added"] == [1, 2, 3, 4, 28, 29]
    assert copy["paragraphs_missing"] == []
    assert copy["date"] == "2022-10-21"


def _not_again(*args):
    raise AssertionError(f"read or analysed again: {args[0]}")


def test_removing_the_canonical_copy_groups_the_others_again(corpus):
    ids = write_copies(corpus)
    assert run("index").exit_code == 0
    (corpus / f"{HRC51}.txt").unlink()
    assert run("index").exit_code == 0
    rows = {r["id"]: r["copy_of"] for r in run_json("docs")["documents"]}
    # The earliest dated copy left stands for the statement.
    dates = {r["id"]: r["date"] for r in run_json("docs")["documents"]}
    first = min(ids, key=lambda i: dates[i])
    assert rows == {
        **{i: None for i in SEED_IDS if i != HRC51},
        **{i: (None if i == first else first) for i in ids},
    }


def test_a_copy_added_later_joins_its_statement(corpus, tmp_path):
    assert run("index").exit_code == 0
    source = tmp_path / "saved"
    source.mkdir()
    (source / "2022-10-01-hrc51-copy.txt").write_text(text_of(copy_of(HRC51, EDITS, 1)))
    shutil.copy(source / "2022-10-01-hrc51-copy.txt", corpus)
    assert run("index").exit_code == 0
    rows = {r["id"]: r["copy_of"] for r in run_json("docs")["documents"]}
    assert rows["2022-10-01-hrc51-copy"] == HRC51


def test_quote_groups_count_statements(corpus):
    write_copies(corpus, 2, edits=["header", "footer", "reorder"])
    assert run("index").exit_code == 0
    counted = {
        g["text"][:30]: (g["documents"], len(g["citations"])) for g in run_json("quotes")["quotes"]
    }
    every = {g["text"][:30]: g["documents"] for g in run_json("quotes", "--copies")["quotes"]}
    assert counted["may constitute international c"] == (3, 5)
    assert every["may constitute international c"] == 5
    assert counted["broad interpretations of ‘extr"] == (1, 3)
    assert [g["documents"] for g in run_json("quotes", "--min-docs", "2")["quotes"]] == [3]


def test_copies_count_once_while_the_index_is_stale(corpus):
    """A changed file sends signers to the records: the copies the index found still count once."""
    write_copies(corpus, edits=["header", "footer", "add"])
    assert run("index").exit_code == 0
    omct = corpus / "2024-08-28-omct-second-anniversary-statement.txt"
    omct.write_text(omct.read_text() + "\nA paragraph added later.\n")
    letters = run_json("signers", "--org", UHRP)["letters"]
    assert len(letters) == 4
    assert len(run_json("signers", "--org", UHRP, "--copies")["letters"]) == 7


def test_search_counts_statements_and_lists_copies_when_asked(corpus):
    ids = write_copies(corpus)
    assert run("index").exit_code == 0
    query = '"blind eye"'
    found = run_json("search", query)
    assert (found["total"], found["copies"]) == (1, 3)
    assert [(h["id"], h["copies"]) for h in found["hits"]] == [(HRC51, ids)]
    assert run("search", query, "-l").stdout == f"{HRC51}\n"
    every = run_json("search", query, "--copies")
    assert (every["total"], every["copies"]) == (4, 0)
    assert sorted(h["id"] for h in every["hits"]) == sorted([HRC51, *ids])
    assert {h["copies"] == [] for h in every["hits"]} == {True}
    assert run_json("search", query, "--count") == {
        "query": query,
        "documents": 1,
        "paragraphs": 1,
        "elsewhere": 0,
        "copies": 3,
        "cut": [],
    }
    counted = run_json("search", query, "--count", "--copies")
    assert (counted["documents"], counted["paragraphs"], counted["copies"]) == (4, 4, 0)
    said = run("search", query)
    assert said.stderr == "1 of 1 matching documents shown (3 more copies of them: --copies)\n"


def test_a_limit_counts_statements(corpus):
    """The copies, newer than their canonical copy, rank first: it stands in their place."""
    ids = write_copies(corpus)
    assert run("index").exit_code == 0
    newest = ("humanity", "-n", "2", "--sort", "date", "--reverse")
    found = run_json("search", *newest)
    assert (found["total"], found["copies"]) == (4, 3)
    assert [(h["id"], h["copies"]) for h in found["hits"]] == [(OMCT, []), (HRC51, ids)]
    every = run_json("search", *newest, "--copies")
    assert [h["id"] for h in every["hits"]] == [OMCT, ids[0]]
    assert every["total"] == 7
