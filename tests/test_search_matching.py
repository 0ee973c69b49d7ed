"""What a query matches: documents by all their words, exclusion, the light stemmer and
spelling folding, words as written for wildcards, and every matching paragraph on request."""

import re

import pytest

from uyghur_docs.corpus.folder import load_corpus
from uyghur_docs.engine import writer
from uyghur_docs.models import Filters, Matching
from uyghur_docs.store import search
from uyghur_docs.store.build import update

RELEASE = "2020-03-12-ishr-hrw-news-release"
CAMPAIGN = "2022-08-31-campaign-for-uyghurs-press-release"
OPEN_LETTER = "2022-03-08-open-letter-high-commissioner"
HRC51 = "2022-09-hrc51-joint-letter"
OMCT = "2024-08-28-omct-second-anniversary-statement"


@pytest.fixture
def built(corpus, tmp_path):
    index_dir = tmp_path / "index"
    update(corpus, index_dir)
    return index_dir


def ids(result) -> list[str]:
    return [h.id for h in result.hits]


def cited(result) -> dict[str, list[int]]:
    return {h.id: [p.paragraph for p in h.passages] for h in result.hits}


def test_words_in_different_paragraphs_match_their_document(built):
    result = search.search(built, "Bachelet Karakax")
    assert ids(result) == [RELEASE]
    assert {6, 8} <= set(cited(result)[RELEASE])
    same = search.search(built, "Bachelet Karakax", matching=Matching(same_paragraph=True))
    assert (same.total, same.hits) == (0, ())


def test_field_terms_combine_with_body_words(built):
    assert ids(search.search(built, "title:Council torture")) == [HRC51]


def test_minus_excludes_every_document_with_the_word(corpus, tmp_path):
    (corpus / "2023-06-06-genocide.txt").write_text(
        "On genocide\n\nThe convention on genocide binds every state.\n"
    )
    update(corpus, tmp_path / "index")
    result = search.search(tmp_path / "index", "genocide -Uyghur", limit=50)
    assert (ids(result), result.total) == (["2023-06-06-genocide"], 1)
    assert ids(search.search(tmp_path / "index", "genocide NOT Uyghur")) == ids(result)
    assert search.search(tmp_path / "index", 'genocide -"binds every state"').total == 1


def test_exclusion_looks_in_signatures_too(built):
    # The open letter names "World Without Genocide" among its signatories alone.
    assert OPEN_LETTER not in ids(search.search(built, "China -genocide", limit=50))


def test_a_lone_exclusion_matches_the_other_documents(built):
    assert sorted(ids(search.search(built, "-genocide", limit=50))) == [RELEASE, HRC51, OMCT]


def test_plus_requires_as_every_word_does(built):
    assert cited(search.search(built, "+Karakax")) == {RELEASE: [8]}


def test_light_stemming_keeps_humanity_apart_from_human(built):
    result = search.search(built, "humanity", Filters(doc=RELEASE))
    assert (result.total, result.hits) == (0, ())
    assert search.search(built, "human", Filters(doc=RELEASE)).total == 1


def test_uk_and_us_spellings_find_the_same_documents(built):
    uk = search.search(built, "organisation", limit=50)
    us = search.search(built, "organization", limit=50)
    assert sorted(ids(uk)) == sorted(ids(us)) == sorted([CAMPAIGN, RELEASE, OPEN_LETTER, OMCT])


def test_exact_words_are_not_stemmed(built):
    assert sorted(ids(search.search(built, "=detained"))) == [CAMPAIGN, OMCT]
    assert sorted(ids(search.search(built, "detained"))) == [RELEASE, CAMPAIGN, OMCT]
    exact = search.search(built, "detained", matching=Matching(exact=True))
    assert sorted(ids(exact)) == [CAMPAIGN, OMCT]


def test_wildcards_expand_over_words_as_written(built):
    assert sorted(ids(search.search(built, "religio*"))) == [OPEN_LETTER, HRC51]
    assert sorted(ids(search.search(built, "atrocit*"))) == [CAMPAIGN, OMCT]
    assert search.search(built, "detenti*").total == 5


def test_every_matching_paragraph_of_a_document(built):
    result = search.search(built, "Uyghur", Filters(doc=CAMPAIGN), per_doc=None)
    shown = sorted(cited(result)[CAMPAIGN])
    (doc,) = [d for d in load_corpus(built.parent / "corpus") if d.id == CAMPAIGN]
    saying = [n for n, text in enumerate(doc.paragraphs, start=1) if re.search(r"\bUyghur", text)]
    assert shown == [1, 4, 5, 6, 7, 10, 11, 14, 16, 20, 21, 22, 23, 25, 26, 29]
    # The others are its list of signatories and the web page's tagline (¶91).
    assert set(saying) - set(shown) == set(range(30, 92)) & set(saying)


def test_torture_ranks_a_prose_paragraph_first(built):
    result = search.search(built, "torture", limit=1)
    first = result.hits[0].passages[0]
    assert (result.hits[0].id, first.paragraph, first.role) == (CAMPAIGN, 8, "prose")


def test_page_boilerplate_and_contacts_are_stored_as_such(built):
    tagline = search.search(built, '"empowering uyghur women"', Filters(roles=("boilerplate",)))
    assert cited(tagline) == {CAMPAIGN: [91]}
    assert search.search(built, '"empowering uyghur women"').total == 0
    contacts = search.search(built, "Geneva", Filters(doc=RELEASE, roles=("contact",)))
    assert cited(contacts) == {RELEASE: [15, 16]}
    assert [p.role for p in contacts.hits[0].passages] == ["contact", "contact"]


def test_signatures_are_searched_on_request(built):
    result = search.search(built, '"World Without Genocide"', Filters(roles=("signature",)))
    assert cited(result) == {OPEN_LETTER: [26]}
    assert result.hits[0].passages[0].role == "signature"
    assert search.search(built, '"World Without Genocide"').total == 0


def test_phrase_highlights_only_the_phrase(built):
    def marked(query):
        (hit,) = search.search(built, query, Filters(doc=HRC51)).hits
        return {p.paragraph: [p.text[a:b] for a, b in p.highlights] for p in hit.passages}

    # ¶7 says "international crimes, in particular crimes against humanity".
    assert marked('"crimes against humanity"')[7] == ["crimes", "against", "humanity"]
    # Only ¶11 holds the phrase and China both: it alone is shown.
    assert marked('"crimes against humanity" China') == {
        11: ["crimes", "against", "humanity", "China"]
    }


def test_counts_documents_and_paragraphs(built):
    counted = search.count(built, "Karakax OR Bachelet")
    assert (counted.documents, counted.paragraphs) == (2, 4)


def test_context_paragraphs(built):
    result = search.search(built, "Karakax", context=1)
    passage = result.hits[0].passages[0]
    assert [c.paragraph for c in passage.context] == [7, 9]


def test_context_is_in_document_order_and_ranges_merge(built):
    (hit,) = search.search(built, "Uyghur", filters=Filters(doc=CAMPAIGN), context=2).hits
    shown = [(p.paragraph, [c.paragraph for c in p.context]) for p in hit.passages]
    assert shown == [(1, [2, 3]), (4, [5, 6]), (20, [18, 19, 21, 22])]


def test_context_of_any_size_is_the_whole_document(built):
    (hit,) = search.search(
        built, "Uyghur", filters=Filters(doc=CAMPAIGN), per_doc=2, context=99_999_999_999
    ).hits
    shown = [(p.paragraph, [c.paragraph for c in p.context]) for p in hit.passages]
    assert shown == [(1, [2, 3]), (4, list(range(5, 94)))]


def test_sort_by_date_puts_the_oldest_first(built):
    result = search.search(built, "China", limit=50, matching=Matching(sort="date"))
    assert ids(result) == [RELEASE, OPEN_LETTER, CAMPAIGN, HRC51, OMCT]


def test_every_matching_document_is_shown_within_the_limit(built):
    for query in ["uyghur", "being~2", "h*"]:
        result = search.search(built, query, limit=5)
        assert len(result.hits) == result.total == 5, query


def test_wildcard_and_fuzzy_scores_do_not_depend_on_segments(corpus, tmp_path, monkeypatch):
    update(corpus, tmp_path / "one")
    monkeypatch.setattr(writer, "POSTINGS_PER_SEGMENT", 500)
    update(corpus, tmp_path / "many")
    for query in ["Uyghur~", "detenti*"]:
        one = search.search(tmp_path / "one", query, limit=3)
        many = search.search(tmp_path / "many", query, limit=3)
        assert [(h.id, h.score) for h in one.hits] == [(h.id, h.score) for h in many.hits]


def test_transliterations_of_one_name_match_each_other(tmp_path):
    corpus = tmp_path / "spellings"
    corpus.mkdir()
    (corpus / "2022-01-01-old.txt").write_text("Old\n\nUighurs in Sinkiang and Urumchi.\n")
    (corpus / "2022-01-02-new.txt").write_text("New\n\nUyghurs in Xinjiang and Ürümqi.\n")
    update(corpus, tmp_path / "index")
    for query in ["Uighur", "Uyghurs", "uygur", "sinkiang", "Xinjiang", "Urumqi", "Ürümqi"]:
        found = search.search(tmp_path / "index", query)
        assert sorted(h.id for h in found.hits) == ["2022-01-01-old", "2022-01-02-new"], query
    exact = search.search(tmp_path / "index", "=Uighurs")
    assert [h.id for h in exact.hits] == ["2022-01-01-old"]


def test_passages_hold_every_word_where_a_paragraph_of_the_document_does(built):
    found = search.search(built, "crimes against humanity", limit=10)
    shown = {h.id: [p.paragraph for p in h.passages] for h in found.hits}
    assert shown == {
        "2022-09-hrc51-joint-letter": [7, 11],
        CAMPAIGN: [16, 7, 29],
        "2024-08-28-omct-second-anniversary-statement": [3],
        "2022-03-08-open-letter-high-commissioner": [5],
    }
    one_doc = Filters(doc=RELEASE)
    # ¶13 holds both words, ¶6 "Bachelet" alone.
    (release,) = search.search(built, "Bachelet reprisals", filters=one_doc).hits
    assert [p.paragraph for p in release.passages] == [13]
    # No paragraph of the release holds both words: its passages hold either.
    (release,) = search.search(built, "Bachelet draconian", filters=one_doc).hits
    assert [p.paragraph for p in release.passages] == [8, 13, 6]
