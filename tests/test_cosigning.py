"""Letter counts and co-signing pairs, held to plain definitions on random corpora: a
count is the distinct letters among an organisation's letters, a pair's letters are those
both signed, ranked by count then name."""

from collections import defaultdict
from itertools import combinations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from uyghur_docs.errors import UnknownOrganisation
from uyghur_docs.extract.issuers import Issuer
from uyghur_docs.extract.signers import DocumentSigners, Signatory
from uyghur_docs.findings.cosigning import cosigning_result
from uyghur_docs.findings.orgs import build_index
from uyghur_docs.findings.signer_results import (
    organisation_counts,
    organisations_result,
)

# Few names, so that letters share signatories; "Karakax Forum (KF)" and "KF" are one
# organisation under two keys, as are "Tarim Trust" and "tarim trust".
NAMES = ["Karakax Forum (KF)", "KF", "Tarim Trust", "tarim trust", "Aksu Aid", "Bay Watch"]


def _signatory(written: str, number: int) -> Signatory:
    name, _, acronym = written.partition(" (")
    aliases = (acronym.rstrip(")"),) if acronym else ()
    return Signatory(written, name, "organisation", number, aliases)


letters = st.lists(
    st.tuples(
        st.lists(st.sampled_from(NAMES), max_size=5),
        st.lists(st.sampled_from(NAMES[2:]), max_size=1),
        st.sampled_from([None, "2022-09-01", "2022-10-01"]),
    ),
    max_size=7,
)


def corpus(drawn) -> list[DocumentSigners]:
    return [
        DocumentSigners(
            f"doc-{n}",
            f"Letter {n}",
            date,
            tuple(_signatory(w, i) for i, w in enumerate(signed, start=3)),
            tuple(Issuer(w, w, 1, "statement") for w in issued),
        )
        for n, (signed, issued, date) in enumerate(drawn)
    ]


def expected_pairs(index, focus=None) -> list[tuple]:
    """Every pair as (first, second, letters), by letters shared then name."""
    documents = index.signatory_keys()
    shared = defaultdict(list)
    dated = sorted(documents.items(), key=lambda i: (i[1][0] is None, i[1][0] or "", i[0]))
    for doc_id, (_, keys) in dated:
        named = sorted((index.organisations[k].name, k) for k in keys)
        for (a, ka), (b, kb) in combinations(named, 2):
            if focus is None or focus in (ka, kb):
                shared[(a, b) if focus in (None, ka) else (b, a)].append(doc_id)
    ranked = sorted(shared.items(), key=lambda p: (-len(p[1]), p[0][0].casefold(), p[0][1]))
    return [(a, b, tuple(ids)) for (a, b), ids in ranked]


@settings(max_examples=80)
@given(letters)
def test_counts_are_the_distinct_letters_of_each_organisation(drawn):
    index = build_index(corpus(drawn))
    counted = organisation_counts(index).organisations
    listed = organisations_result(index).organisations
    assert [(o.name, o.aliases, o.letters) for o in counted] == [
        (o.name, o.aliases, len({letter.id for letter in o.letters})) for o in listed
    ]


@settings(max_examples=80)
@given(letters, st.sampled_from([None, 1, 2, 5]), st.sampled_from([None, "KF", "Aksu Aid"]))
def test_pairs_are_the_letters_both_signed(drawn, limit, org):
    index = build_index(corpus(drawn))
    try:
        focus = index.key_of(org) if org else None
    except UnknownOrganisation:
        assume(False)
    pairs = cosigning_result(index, limit=limit, org=org).pairs
    assert [(p.first, p.second, p.letters) for p in pairs] == expected_pairs(index, focus)[:limit]
    assert all(p.count == len(p.letters) for p in pairs)


def test_one_corpus_exactly():
    index = build_index(
        corpus(
            [
                (["Karakax Forum (KF)", "Tarim Trust", "Aksu Aid"], [], "2022-10-01"),
                (["KF", "tarim trust"], ["Bay Watch"], "2022-09-01"),
                (["Aksu Aid", "Bay Watch"], [], None),
            ]
        )
    )
    assert [(o.name, o.letters) for o in organisation_counts(index).organisations] == [
        ("Aksu Aid", 2),
        ("Bay Watch", 2),
        ("Karakax Forum", 2),
        ("Tarim Trust", 2),
    ]
    assert [(p.first, p.second, p.letters) for p in cosigning_result(index, limit=2).pairs] == [
        ("Karakax Forum", "Tarim Trust", ("doc-1", "doc-0")),
        ("Aksu Aid", "Bay Watch", ("doc-2",)),
    ]
