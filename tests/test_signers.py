"""Signature blocks and issuers: the five seeds exactly, ten written layouts, and inputs
built to break the extractor."""

import dataclasses
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from uyghur_docs.corpus.folder import load_corpus, read_document
from uyghur_docs.extract.signers import ORGANISATION, extract_issuers, extract_signatories

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SEEDS = json.loads((DATA / "seed_signatories.json").read_text(encoding="utf-8"))
DOCS = {doc.id: doc for doc in load_corpus(ROOT / "corpus")}
LAYOUTS = json.loads((DATA / "signers" / "expected.json").read_text(encoding="utf-8"))


def test_seed_fixture_has_the_counts_the_letters_have():
    assert {doc_id: len(names) for doc_id, names in SEEDS.items()} == {
        "2022-09-hrc51-joint-letter": 6,
        "2024-08-28-omct-second-anniversary-statement": 15,
        "2022-03-08-open-letter-high-commissioner": 192,
        "2020-03-12-ishr-hrw-news-release": 0,
        "2022-08-31-campaign-for-uyghurs-press-release": 60,
    }
    assert set(SEEDS) == set(DOCS)


@pytest.mark.parametrize("doc_id", sorted(SEEDS))
def test_seed_signatories_exactly_as_written_in_order(doc_id):
    found = extract_signatories(DOCS[doc_id].paragraphs)
    assert [s.as_written for s in found] == SEEDS[doc_id]


@pytest.mark.parametrize("doc_id", sorted(SEEDS))
def test_every_seed_signatory_is_written_in_the_seed(doc_id):
    text = " ".join(" ".join(DOCS[doc_id].paragraphs).split())
    for signatory in extract_signatories(DOCS[doc_id].paragraphs):
        assert " ".join(signatory.as_written.split()) in text


def test_every_seed_signatory_is_an_organisation_including_the_bare_personal_name():
    # "Mamatjan Nayup" sits in a list of organisations with no title or affiliation; only
    # such a mark makes an entry a person, so it stays an organisation entry.
    for doc_id in SEEDS:
        kinds = {s.kind for s in extract_signatories(DOCS[doc_id].paragraphs)}
        assert kinds <= {ORGANISATION}


def test_seed_paragraph_numbers_and_names():
    hrc = extract_signatories(DOCS["2022-09-hrc51-joint-letter"].paragraphs)
    assert [s.paragraph for s in hrc] == [18, 19, 20, 21, 22, 23]
    campaign = extract_signatories(DOCS["2022-08-31-campaign-for-uyghurs-press-release"].paragraphs)
    assert (campaign[0].paragraph, campaign[-1].paragraph) == (30, 89)
    march = extract_signatories(DOCS["2022-03-08-open-letter-high-commissioner"].paragraphs)
    by_written = {s.as_written: s for s in march}
    assert by_written["International Service for Human Rights (ISHR)"].name == (
        "International Service for Human Rights"
    )
    assert by_written["International Service for Human Rights (ISHR)"].aliases == ("ISHR",)
    assert by_written["CSW (Christian Solidarity Worldwide)"].aliases == (
        "Christian Solidarity Worldwide",
    )
    assert by_written["Comité de Apoyo al Tíbet - CAT"].name == "Comité de Apoyo al Tíbet"
    assert by_written["Green Advocates International (Liberia)"].place == "Liberia"
    # A dashed place suffix is split off for resolution (issue 15); as_written keeps it.
    assert (
        by_written["Witness Radio - Uganda"].name,
        by_written["Witness Radio - Uganda"].place,
    ) == (
        "Witness Radio",
        "Uganda",
    )
    assert by_written["René Cassin, the Jewish voice for human rights"].kind == ORGANISATION
    assert (march[0].paragraph, march[-1].paragraph) == (12, 27)


def test_campaign_release_keeps_demands_and_site_footer_out():
    found = extract_signatories(DOCS["2022-08-31-campaign-for-uyghurs-press-release"].paragraphs)
    written = {s.as_written for s in found}
    assert not any(w.startswith(("The UN", "UNESCO", "Governments")) for w in written)
    assert not written & {"Campaign for Uyhgurs", "Leave a Reply"}


SEED_ISSUERS = {
    "2020-03-12-ishr-hrw-news-release": [
        ("Human Rights Watch", "Human Rights Watch", 5, "statement"),
        (
            "International Service for Human Rights (ISHR)",
            "International Service for Human Rights",
            5,
            "statement",
        ),
    ],
    "2024-08-28-omct-second-anniversary-statement": [("OMCT", "OMCT", 2, "byline")],
    "2022-08-31-campaign-for-uyghurs-press-release": [
        ("Campaign for Uyghurs", "Campaign for Uyghurs", 3, "contact")
    ],
    "2022-09-hrc51-joint-letter": [],
    "2022-03-08-open-letter-high-commissioner": [],
}


@pytest.mark.parametrize("doc_id", sorted(SEED_ISSUERS))
def test_seed_issuers_exactly(doc_id):
    found = extract_issuers(DOCS[doc_id].paragraphs)
    assert [(i.as_written, i.name, i.paragraph, i.evidence) for i in found] == SEED_ISSUERS[doc_id]


def test_layout_fixtures_cover_every_layout():
    files = {p.name for p in (DATA / "signers").glob("*.txt")}
    assert files == set(LAYOUTS)
    assert len(files) >= 10
    assert LAYOUTS["no-list.txt"]["signatories"] == []
    assert LAYOUTS["demands.txt"]["signatories"] == []


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_layout_fixture_exactly(name):
    doc = read_document(DATA / "signers" / name)
    assert _as_json(extract_signatories(doc.paragraphs)) == LAYOUTS[name]["signatories"]
    assert _as_json(extract_issuers(doc.paragraphs)) == LAYOUTS[name]["issuers"]


def _as_json(found):
    return json.loads(json.dumps([dataclasses.asdict(item) for item in found]))


def test_layouts_spot_checks_read_as_a_person_would():
    persons = [s for s in _layout("persons.txt") if s.kind == "person"]
    assert [(p.name, p.affiliation) for p in persons] == [
        ("Dr. Jane Roe", "Professor of Law, University of Xanadu"),
        ("Prof. Adil Tursun", "Emeritus Professor of History"),
        ("Mary Smith", "Senior Researcher, Institute for Asian Studies"),
        ("Rahima Mahmut", None),
    ]
    assert [s.place for s in _layout("two-column.txt")][:2] == ["United Kingdom", "United States"]
    faithfully = _layout("yours-faithfully.txt")
    assert (faithfully[0].kind, faithfully[0].affiliation) == (
        "person",
        "Executive Director, Uyghur Rights Advocacy Project",
    )
    assert [s.name for s in _layout("comma-list.txt")][-2:] == [
        "World Uyghur Congress",
        "Uyghur Human Rights Project",
    ]


def _layout(name):
    return extract_signatories(read_document(DATA / "signers" / name).paragraphs)


@pytest.mark.parametrize(
    ("paragraphs", "names"),
    [
        (
            ["Signed by Amnesty International; Human Rights Watch"],
            ["Amnesty International", "Human Rights Watch"],
        ),
        (["Signed by 50 groups, the letter asks for action."], []),
        (["Signatories include groups from 20 countries."], []),
        (
            ["Endorsements", "Uyghur Academy\nUyghur Academy USA"],
            ["Uyghur Academy", "Uyghur Academy USA"],
        ),
        (["We ask:", "1. Amnesty International\n2. Freedom House\n3. Hong Kong Watch"], []),
    ],
)
def test_headers_need_a_list_and_lists_need_no_lead_in(paragraphs, names):
    assert [s.name for s in extract_signatories(paragraphs)] == names


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=300), max_size=12))
def test_arbitrary_paragraphs_never_raise(paragraphs):
    signatories = extract_signatories(paragraphs)
    issuers = extract_issuers(paragraphs)
    assert all(s.paragraph in range(1, len(paragraphs) + 1) for s in signatories)
    assert all(i.paragraph in range(1, len(paragraphs) + 1) for i in issuers)


ALPHABET = st.sampled_from(
    [
        "Signatories:",
        "Sincerely,",
        "1. ",
        "• ",
        "Uyghur",
        "Watch",
        " and ",
        ", ",
        "; ",
        "(ISHR)",
        "\n",
        "said today",
        "@x.org",
        " ",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(ALPHABET, max_size=40).map("".join), max_size=10))
def test_signature_shaped_noise_never_raises(paragraphs):
    for signatory in extract_signatories(paragraphs):
        assert signatory.as_written.strip()
    extract_issuers(paragraphs)


# How long these take is measured by bench/pathological.py; here, what they give.
@pytest.mark.parametrize(
    ("paragraphs", "names"),
    [
        (["Signatories:", "A" + ", B" * 50_000], ["A", "B"]),
        (["Signed by: " + "," * 50_000], []),
        (["Signatories:", "\n" * 50_000], []),
        (["Sincerely,", "\n".join(["Amnesty International"] * 50_000)], ["Amnesty International"]),
        (["Signatories:\n" + "x" * 200_000], ["x" * 200_000]),
        (["said today " * 20_000], []),
        (["For more information contact:", "a@bcdef.org " * 20_000], []),
        (["1 " * 100_000 + "x"], []),
        (["(" * 50_000 + "Signatories:" + ")" * 50_000], []),
        (["Signatories:", " - ".join(["Uyghur Academy"] * 20_000)], []),
        (["Title", "\n".join(f"{n}. Org {n} Association" for n in range(20_000))], []),
    ],
    ids=range(11),
)
def test_pathological_inputs_give_their_signatories(paragraphs, names):
    assert [s.name for s in extract_signatories(paragraphs)] == names
    assert extract_issuers(paragraphs) == ()
