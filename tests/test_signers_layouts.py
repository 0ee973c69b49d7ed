"""Signature blocks written in the reading contract's form (one list item, table row or
heading per paragraph), one fixture per layout; entries are checked whole."""

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from uyghur_docs.corpus.folder import read_document
from uyghur_docs.extract.issuers import extract_issuers
from uyghur_docs.extract.signers import read_signatures
from uyghur_docs.extract.unheaded import translation_pairs

FIXTURES = Path(__file__).resolve().parent / "data" / "signers" / "contract"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))


def _read(name):
    paragraphs = read_document(FIXTURES / name).paragraphs
    found = read_signatures(paragraphs)
    signatories = [
        [s.as_written, s.kind, s.name, s.place, s.affiliation, s.paragraph]
        for s in found.signatories
    ]
    issuers = [[i.name, i.evidence] for i in extract_issuers(paragraphs)]
    return {"signatories": signatories, "issuers": issuers, "unread": list(found.unread)}


def test_every_fixture_has_its_expectation():
    assert {p.name for p in FIXTURES.glob("*.txt")} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_contract_layout_exactly(name):
    assert _read(name) == EXPECTED[name]


def test_people_and_the_organisations_they_sign_for():
    found = _read("on-behalf.txt")["signatories"]
    assert [(s[1], s[2]) for s in found] == [
        ("person", "Ana Ruiz"),
        ("organisation", "Rainbow Rights Forum"),
        ("person", "Sami Haddad"),
        ("organisation", "Queer Voices Network"),
    ]


def test_place_suffixes_are_split_and_kept_as_written():
    found = _read("endorsed-paragraphs.txt")["signatories"]
    assert [(s[0], s[2], s[3]) for s in found][1:] == [
        ("Civil Network VOTE, Ukraine", "Civil Network VOTE", "Ukraine"),
        (
            "Institute for Civic Oversight (ICO), Montenegro",
            "Institute for Civic Oversight",
            "Montenegro",
        ),
        ("World Uyghur Congress – Germany", "World Uyghur Congress", "Germany"),
    ]


@pytest.mark.parametrize(
    "name", ["board-decoy.txt", "press-release-contacts.txt", "sections-js.txt"]
)
def test_decoys_give_no_extra_names(name):
    written = {s[0] for s in _read(name)["signatories"]}
    assert not any(re.search(r"Chairperson|Board Member|Jana Novak|Sign via", w) for w in written)


def test_a_section_a_script_fills_is_reported_empty():
    # The names under "Individuals" are rendered by a script: absent, and said to be.
    assert _read("sections-js.txt")["unread"] == [9]


def test_a_heading_without_names_is_reported():
    paragraphs = ["Joint letter", "We urge action.", "Signatories:", "For more information: x"]
    found = read_signatures(paragraphs)
    assert (found.signatories, found.unread) == ((), (3,))


def test_translation_lines_are_dropped_only_in_pairs():
    from uyghur_docs.extract.blocks import Raw
    from uyghur_docs.extract.entries import Entry

    raws = [Raw(Entry(t), n, None) for n, t in enumerate(["Asia Network", "亚洲网络"] * 3, 1)]
    assert [r.entry.text for r in translation_pairs(raws)] == ["Asia Network"] * 3
    single = [Raw(Entry("海港工人聯會 HWU"), 1, None), Raw(Entry("勞動力"), 2, None)]
    assert translation_pairs(single) == single


LIST_PIECES = st.sampled_from(
    [
        "Signatories:",
        "Signed,",
        "签名人：",
        "Organisations",
        "Individuals",
        "• ",
        "1. ",
        " | ",
        "Uyghur Watch",
        "Jane Roe",
        "王丽华，",
        "、",
        ", Ukraine",
        " (ISHR)",
        " on behalf of ",
        "@x",
        "\n",
        "Sincerely,",
        "thank you for your time;",
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(LIST_PIECES, max_size=30).map("".join), min_size=1, max_size=8))
def test_any_list_shape_gives_entries_of_its_own_paragraphs(paragraphs):
    # How the time grows with the text is measured by bench/pathological.py.
    many = paragraphs * 200
    found = read_signatures(many)
    assert all(1 <= s.paragraph <= len(many) and s.name.strip() for s in found.signatories)
    assert all(1 <= n <= len(many) for n in found.unread)


def test_a_line_of_only_a_place_names_no_one():
    found = read_signatures(["Signatories:", "Individuals", "• Jane Roe", "• , Ukraine"])
    assert [(s.name, s.kind) for s in found.signatories] == [("Jane Roe", "person")]


@pytest.mark.parametrize(
    ("paragraphs", "issuers"),
    [
        (
            ["Title", "Issued By Amnesty International UK [English], Thu, Sep 1, 2022"],
            [("Amnesty International UK", "byline")],
        ),
        # A site publishes others' statements too: its name is no issuer.
        (["Title", "Published by Amnesty International UK, Thu, Sep 1, 2022"], []),
        (
            ["劳工关注联会｜周年声明", "作者：香港劳工关注联会", "我们要求释放被捕者。"],
            [("香港劳工关注联会", "byline")],
        ),
        (
            ["The Asia Rights Monitor and the Uyghur Solidarity Network condemn the arrests."],
            [("Asia Rights Monitor", "statement"), ("Uyghur Solidarity Network", "statement")],
        ),
        (
            ["Asia Rights Monitor and the Uyghur Solidarity Network said today that ..."],
            [("Asia Rights Monitor", "statement"), ("Uyghur Solidarity Network", "statement")],
        ),
        (["Washington, D.C. — 1 September 2022", "The Council met."], []),
    ],
)
def test_issuers_named_in_the_header_and_prose(paragraphs, issuers):
    assert [(i.name, i.evidence) for i in extract_issuers(paragraphs)] == issuers


@pytest.mark.parametrize(
    ("paragraphs", "names"),
    [
        (["China has signed the convention on the matter."], []),
        (["The United States has signed the letter."], []),
        (
            ["Like others, the Open Chat Foundation (OCF) has decided to sign the Open Letter."],
            ["Open Chat Foundation (OCF)"],
        ),
    ],
)
def test_an_organisation_the_prose_says_signs(paragraphs, names):
    assert [s.as_written for s in read_signatures(paragraphs).signatories] == names
