"""Organisation names resolved across the seed corpus, and the signer reports."""

import dataclasses
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from uyghur_docs.cli.errors import message
from uyghur_docs.corpus.folder import load_corpus
from uyghur_docs.errors import AliasFileError, AmbiguousOrganisation, UnknownOrganisation
from uyghur_docs.extract.issuers import extract_issuers
from uyghur_docs.extract.signers import DocumentSigners, Signatory, extract_signatories
from uyghur_docs.findings.cosigning import cosigning_result
from uyghur_docs.findings.orgs import build_index, load_aliases, name_key
from uyghur_docs.findings.signer_results import (
    document_signers,
    organisation_result,
    organisations_result,
    shared_letters,
)


def extract_document(doc) -> DocumentSigners:
    """A document's signatories and issuers, as the catalog stores them."""
    signatories = extract_signatories(doc.paragraphs)
    return DocumentSigners(
        doc.id, doc.title, doc.date, signatories, extract_issuers(doc.paragraphs)
    )


def resolve(signers, name: str):
    """The one organisation a user's name means."""
    return signers.organisations[signers.key_of(name)]


CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SEEDS = json.loads((Path(__file__).parent / "data" / "seed_signatories.json").read_text("utf-8"))
RECORDS = [extract_document(doc) for doc in load_corpus(CORPUS)]
INDEX = build_index(RECORDS, load_aliases(CORPUS))
HRC, MARCH, CAMPAIGN, OMCT_DOC, ISHR_DOC = (
    "2022-09-hrc51-joint-letter",
    "2022-03-08-open-letter-high-commissioner",
    "2022-08-31-campaign-for-uyghurs-press-release",
    "2024-08-28-omct-second-anniversary-statement",
    "2020-03-12-ishr-hrw-news-release",
)


def letters(name, index=INDEX):
    report = organisation_result(index, name)
    return report.organisation.name, [(le.id, le.role, le.as_written) for le in report.letters]


@pytest.mark.parametrize("query", ["Human Rights Watch", "HRW", "hrw", "HUMAN RIGHTS WATCH"])
def test_human_rights_watch(query):
    assert letters(query) == (
        "Human Rights Watch",
        [
            (ISHR_DOC, "issuer", "Human Rights Watch"),
            (MARCH, "signatory", "Human Rights Watch"),
            (HRC, "signatory", "Human Rights Watch"),
        ],
    )


@pytest.mark.parametrize(
    "query",
    [
        "ISHR",
        "ishr",
        "International Service for Human Rights",
        "the international service for human rights",
        "International Service for Human Rights (ISHR)",
    ],
)
def test_ishr_merges_its_acronym_across_the_corpus(query):
    assert letters(query) == (
        "International Service for Human Rights",
        [
            (ISHR_DOC, "issuer", "International Service for Human Rights (ISHR)"),
            (MARCH, "signatory", "International Service for Human Rights (ISHR)"),
            (HRC, "signatory", "International Service for Human Rights"),
        ],
    )


@pytest.mark.parametrize("query", ["Article 19", "ARTICLE 19", "article 19"])
def test_article_19_in_either_case(query):
    assert letters(query) == (
        "ARTICLE 19",
        [(MARCH, "signatory", "ARTICLE 19"), (OMCT_DOC, "signatory", "Article 19")],
    )


@pytest.mark.parametrize(
    "query", ["OMCT", "World Organisation Against Torture", "World Organization Against Torture"]
)
def test_omct_signed_and_issued_its_own_statement(query):
    assert letters(query) == (
        "World Organisation Against Torture",
        [
            (MARCH, "signatory", "World Organisation Against Torture (OMCT)"),
            (OMCT_DOC, "signatory", "World Organisation Against Torture (OMCT)"),
            (OMCT_DOC, "issuer", "OMCT"),
        ],
    )


@pytest.mark.parametrize("query", ["HRIC", "Human Rights in China", "human rights in china"])
def test_hric(query):
    assert letters(query) == (
        "Human Rights in China",
        [
            (MARCH, "signatory", "Human Rights in China (HRIC)"),
            (OMCT_DOC, "signatory", "Human Rights in China"),
        ],
    )


def test_world_uyghur_congress_signed_four_and_issued_none():
    assert letters("world uyghur congress") == (
        "World Uyghur Congress",
        [(doc, "signatory", "World Uyghur Congress") for doc in (MARCH, CAMPAIGN, HRC, OMCT_DOC)],
    )


def test_campaign_for_uyghurs_issued_its_release():
    assert letters("Campaign for Uyghurs")[1] == [
        (MARCH, "signatory", "Campaign for Uyghurs"),
        (CAMPAIGN, "signatory", "Campaign for Uyghurs"),
        (CAMPAIGN, "issuer", "Campaign for Uyghurs"),
        (OMCT_DOC, "signatory", "Campaign for Uyghurs"),
    ]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("World Uyghur Congress", "World Uyghur Congress Foundation"),
        ("Human Rights Watch", "East Turkistan Human Rights Watch"),
        ("Uyghur Academy", "Uyghur Academy USA"),
        ("Austria Uyghur Association", "Australian Uyghur Association"),
    ],
)
def test_never_merged(one, other):
    assert name_key(one) != name_key(other)
    assert resolve(INDEX, one).name == one
    assert resolve(INDEX, other).name == other


def test_spelling_variants_merge():
    assert name_key("Uighur Human Rights Project") == name_key("Uyghur Human Rights Project")
    assert resolve(INDEX, "Uighur Human Rights Project").name == "Uyghur Human Rights Project"
    assert name_key("East Turkestan Union in Europe") == name_key("East Turkistan Union in Europe")
    tibet = "Global Alliance for Tibet & Persecuted Minorities"
    assert resolve(INDEX, "global alliance for tibet and persecuted minorities").name == tibet
    assert resolve(INDEX, "Rights Practice").name == "The Rights Practice"
    assert name_key("The Rights Practice") == name_key("rights practice") == "rights practice"
    assert name_key("Comité") == name_key("comite")
    assert name_key("Uyghur U.K. Association") == name_key("Uyghur UK Association")


def test_alias_file_merges_what_rules_cannot(tmp_path):
    (tmp_path / "aliases.toml").write_text(
        "['Uyghur Society \"Ittipak\" of the Kyrgyz Republic']\n"
        'aliases = ["Uigur Society of the Kyrgyz Republic"]\n',
        encoding="utf-8",
    )
    index = build_index(RECORDS, load_aliases(tmp_path))
    ittipak = resolve(index, "Uigur Society of the Kyrgyz Republic")
    assert ittipak.name == 'Uyghur Society "Ittipak" of the Kyrgyz Republic'
    assert "Uighur Society “Ittipak” of the Kyrgyz Republic" in ittipak.aliases
    assert resolve(INDEX, "HRW").name == "Human Rights Watch"


def test_without_alias_file_only_merges_are_lost(tmp_path):
    corpus = tmp_path / "bare"
    shutil.copytree(CORPUS, corpus)
    (corpus / "aliases.toml").unlink()
    assert load_aliases(corpus) == {}
    records = [extract_document(doc) for doc in load_corpus(corpus)]
    index = build_index(records, load_aliases(corpus))
    for doc_id, expected in SEEDS.items():
        report = document_signers(index, doc_id)
        assert [row.as_written for row in report.signatories] == expected
    assert letters("ISHR", index) == letters("ISHR")
    with pytest.raises(UnknownOrganisation):
        resolve(index, "HRW")
    assert resolve(index, "Uigur Society of the Kyrgyz Republic").name == (
        "Uigur Society of the Kyrgyz Republic"
    )


def test_malformed_alias_file_is_refused(tmp_path):
    (tmp_path / "aliases.toml").write_text('["X"]\naliases = "Y"\n', encoding="utf-8")
    with pytest.raises(AliasFileError, match="aliases"):
        load_aliases(tmp_path)
    (tmp_path / "aliases.toml").write_text("[", encoding="utf-8")
    with pytest.raises(AliasFileError):
        load_aliases(tmp_path)


def test_name_contained_in_many_is_ambiguous_and_says_how_to_choose():
    with pytest.raises(AmbiguousOrganisation) as caught:
        resolve(INDEX, "Uyghur Association")
    assert caught.value.candidates == [
        "Alberta Uyghur Association",
        "Australian Uyghur Association",
        "Austria Uyghur Association",
        "Belgium Uyghur Association",
        "Japan Uyghur Association",
        "Swiss Uyghur Association",
        "Uyghur Association of Victoria, Australia",
        "Victoria Uyghur Association",
    ]
    assert message(caught.value).endswith(
        '; give one full name in quotes, e.g. --org "Alberta Uyghur Association"'
    )


def test_unknown_name_suggests_close_ones():
    with pytest.raises(UnknownOrganisation) as caught:
        resolve(INDEX, "Human Rites Watch")
    assert caught.value.suggestions[0] == "Human Rights Watch"
    with pytest.raises(UnknownOrganisation) as caught:
        resolve(INDEX, "Safeguard")
    assert caught.value.suggestions == ["Safeguard Defenders"]


def test_an_acronym_two_organisations_claim_is_not_merged():
    def record(doc_id, *entries):
        signatories = tuple(Signatory(w, n, "organisation", 1, a) for w, n, a in entries)
        return DocumentSigners(doc_id, doc_id, None, signatories, ())

    index = build_index(
        [
            record("a", ("Committee Against Torture (CAT)", "Committee Against Torture", ("CAT",))),
            record("b", ("Comité de Apoyo al Tíbet - CAT", "Comité de Apoyo al Tíbet", ("CAT",))),
            record("c", ("CAT", "CAT", ())),
        ]
    )
    assert resolve(index, "Committee Against Torture").name == "Committee Against Torture"
    with pytest.raises(AmbiguousOrganisation) as caught:
        resolve(index, "cat")
    assert caught.value.candidates == [
        "CAT",
        "Comité de Apoyo al Tíbet",
        "Committee Against Torture",
    ]


def test_organisations_report_most_letters_first():
    rows = organisations_result(INDEX).organisations
    assert [(r.name, len({le.id for le in r.letters})) for r in rows[:5]] == [
        ("Uyghur Human Rights Project", 4),
        ("World Uyghur Congress", 4),
        ("Campaign for Uyghurs", 3),
        ("Human Rights Watch", 3),
        ("International Service for Human Rights", 3),
    ]
    assert len(rows) == len({r.name for r in rows})


def test_document_report_is_the_json_contract():
    report = json.loads(json.dumps(dataclasses.asdict(document_signers(INDEX, OMCT_DOC))))
    assert report["document"]["id"] == OMCT_DOC
    assert report["signatories"][-2] == {
        "name": "World Organisation Against Torture",
        "as_written": "World Organisation Against Torture (OMCT)",
        "kind": "organisation",
        "paragraph": 26,
    }
    assert report["issuers"] == [
        {
            "name": "World Organisation Against Torture",
            "as_written": "OMCT",
            "paragraph": 2,
            "evidence": "byline",
        }
    ]


def test_shared_letters_of_two_organisations():
    report = shared_letters(INDEX, ["HRW", "ISHR", "Human Rights Watch"])
    assert [o.name for o in report.organisations] == [
        "Human Rights Watch",
        "International Service for Human Rights",
    ]
    assert [(le.id, [r.role for r in le.roles]) for le in report.letters] == [
        (ISHR_DOC, ["issuer", "issuer"]),
        (MARCH, ["signatory", "signatory"]),
        (HRC, ["signatory", "signatory"]),
    ]


def test_cosigning_pairs():
    top = cosigning_result(INDEX, limit=1).pairs[0]
    assert (top.first, top.second, top.count) == (
        "Uyghur Human Rights Project",
        "World Uyghur Congress",
        4,
    )
    with_hrw = cosigning_result(INDEX, limit=None, org="HRW").pairs
    assert {p.first for p in with_hrw} == {"Human Rights Watch"}
    assert [(p.second, p.count) for p in with_hrw[:4]] == [
        ("Amnesty International", 2),
        ("International Service for Human Rights", 2),
        ("Uyghur Human Rights Project", 2),
        ("World Uyghur Congress", 2),
    ]


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=200))
def test_name_key_is_idempotent_and_total(name):
    key = name_key(name)
    assert name_key(key) == key


def test_name_key_on_huge_names_is_fast():
    assert name_key("&" * 50_000 + "The" + " ," * 50_000) == "and " * 49_999 + "and the"
