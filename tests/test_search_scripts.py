"""One normalisation for the index and the query, in every script the statements use."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from uyghur_docs.engine.stemming import spelling, stem
from uyghur_docs.engine.words import fold, split, terms
from uyghur_docs.models import Filters
from uyghur_docs.store import search
from uyghur_docs.store.build import update

LETTER = """Solidarity across scripts

Activists met in İstanbul and in Ürümqi before the ﬁrst hearing.

Уйғур activists wrote to the Ουιγούροι community.

ئۇيغۇر تىلى ۋە مەدەنىيىتى قوغدىلىشى كېرەك

我們聯署這封公開信，要求停止強迫勞動。

The organisations criticised the detentions at the university.
"""
DOC = "2023-07-07-scripts"


@pytest.fixture
def scripts(corpus, tmp_path):
    (corpus / f"{DOC}.txt").write_text(LETTER)
    # The same word in decomposed form (NFD), as some files have it.
    (corpus / "2023-07-08-nfd.txt").write_text(
        unicodedata.normalize("NFD", "Decomposed\n\nResidents of Ürümqi spoke.\n")
    )
    update(corpus, tmp_path / "index")
    return tmp_path / "index"


def cited(result) -> set[tuple[str, int]]:
    return {(h.id, p.paragraph) for h in result.hits for p in h.passages}


@pytest.mark.parametrize(
    ("query", "paragraph"),
    [
        ("İstanbul", 2),
        ("Istanbul", 2),
        ("istanbul", 2),
        ("first", 2),
        ("ﬁrst", 2),
        ("Уйғур", 3),
        ("уйғур", 3),
        ("ουιγουροι", 3),
        ("ΟΥΙΓΟΎΡΟΙ", 3),
        ("ئۇيغۇر", 4),
        ("聯署", 5),
        ("公開信", 5),
        ("強迫勞動", 5),
        ("criticized", 6),
        ("organization", 6),
    ],
)
def test_a_word_is_found_however_it_is_typed(scripts, query, paragraph):
    assert cited(search.search(scripts, query, Filters(doc=DOC))) == {(DOC, paragraph)}


def test_decomposed_and_composed_text_are_one_word(scripts):
    assert cited(search.search(scripts, "Ürümqi")) == {(DOC, 2), ("2023-07-08-nfd", 2)}
    assert cited(search.search(scripts, "urumqi")) == {(DOC, 2), ("2023-07-08-nfd", 2)}


def test_cjk_highlight_marks_the_characters_that_matched(scripts):
    passage = search.search(scripts, "聯署").hits[0].passages[0]
    assert [passage.text[a:b] for a, b in passage.highlights] == ["聯署"]


def test_cjk_pairs_not_in_sequence_do_not_make_a_phrase(scripts):
    assert search.search(scripts, "聯信").total == 0


def test_university_is_not_universal(scripts):
    assert cited(search.search(scripts, "university")) == {(DOC, 6)}
    assert DOC not in {h.id for h in search.search(scripts, "universal", limit=50).hits}


def test_folding():
    assert fold("İSTANBUL") == fold("istanbul") == "istanbul"
    assert fold("Kırgız") == "kirgiz"
    assert fold("ئۇيغۇر") == "ئۇيغۇر"
    assert fold("ﬁ") == "fi"
    assert terms("聯署這封") == ("聯署", "署這", "這封")
    assert split("我們聯署信, forced-labour") == ["我們聯署信", "forced", "labour"]


def test_light_stemmer_inflections_only():
    pairs = [
        ("detained", "detain"),
        ("detaining", "detain"),
        ("detains", "detain"),
        ("countries", "countri"),
        ("country", "countri"),
        ("humanity", "humaniti"),
        ("human", "human"),
        ("generation", "generation"),
        ("general", "general"),
        ("colours", "color"),
        ("your", "your"),
        ("four", "four"),
    ]
    assert [(w, stem(w)) for w in dict(pairs)] == pairs
    assert spelling("organisation") == "organization"
    assert spelling("rise") == "rise"


@given(st.text())
def test_folding_twice_changes_nothing(text):
    for word in split(text):
        assert fold(fold(word)) == fold(word)
