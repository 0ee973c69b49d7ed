"""Letters composed from layout families, name pools and languages (tests/letters.py):
the exact organisations and people come back, and negatives give none. Every name
reported occurs in the letter's text."""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.letters import (
    NAMED,
    NEGATIVES,
    ORGANISATION_LAYOUTS,
    ORGANISATIONS,
    Letter,
    behalf_letters,
    cjk_mixed_letters,
    composed_names,
    grid_letters,
    inline_letters,
    mixed_letters,
    organisation_letters,
    paged_pdf_letter,
    pdf_letter,
    people_letters,
    placed_letters,
    section_line_letters,
    state_letters,
)
from uyghur_docs.extract.signers import ORGANISATION, PERSON, read_signatures

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _read(letter: Letter) -> tuple[list[str], list[str]]:
    found = read_signatures(letter.paragraphs()).signatories
    orgs = [s.as_written for s in found if s.kind == ORGANISATION]
    people = [s.as_written for s in found if s.kind == PERSON]
    return orgs, people


def _assert_exact(letter: Letter) -> None:
    orgs, people = _read(letter)
    assert (orgs, people) == (list(letter.organisations), list(letter.people)), letter.text


@pytest.mark.parametrize("layout", ORGANISATION_LAYOUTS)
@SETTINGS
@given(data=st.data())
def test_organisations_in_every_layout_and_language(layout, data):
    _assert_exact(data.draw(organisation_letters(layouts=(layout,))))


@SETTINGS
@given(placed_letters())
def test_places_and_acronyms_stay_in_the_entry_as_written(letter):
    _assert_exact(letter)


@SETTINGS
@given(people_letters())
def test_people_keep_their_affiliations_and_are_no_organisations(letter):
    _assert_exact(letter)


@SETTINGS
@given(mixed_letters())
def test_an_organisation_among_people_stays_an_organisation(letter):
    _assert_exact(letter)


@SETTINGS
@given(section_line_letters())
def test_sections_that_give_their_names_on_their_own_line(letter):
    _assert_exact(letter)


@SETTINGS
@given(cjk_mixed_letters())
def test_a_chinese_list_of_groups_and_people(letter):
    _assert_exact(letter)


@SETTINGS
@given(grid_letters())
def test_a_grid_of_names_gives_each_cell(letter):
    _assert_exact(letter)


@SETTINGS
@given(behalf_letters())
def test_a_person_on_behalf_of_an_organisation_signs_with_it(letter):
    _assert_exact(letter)


@SETTINGS
@given(inline_letters())
def test_a_list_inside_one_sentence(letter):
    _assert_exact(letter)


@SETTINGS
@given(inline_letters(NAMED))
def test_a_list_after_a_noun_that_names_the_signers(letter):
    _assert_exact(letter)


@SETTINGS
@given(state_letters())
def test_the_states_that_deliver_a_joint_statement(letter):
    _assert_exact(letter)


# Latin-1 names: the PDF core fonts write no other characters.
PDF_NAMES = [n for n in ORGANISATIONS if n.isascii()]
REGIONS = ["Global", "Asia", "Europe", "Africa", "Latin America", "Middle East"]


@settings(max_examples=12, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(REGIONS), st.lists(st.sampled_from(PDF_NAMES), min_size=1, max_size=4)
        ),
        min_size=1,
        max_size=3,
        unique_by=lambda section: section[0],
    ),
    st.booleans(),
    st.booleans(),
)
def test_pdf_lists_under_region_headings(tmp_path_factory, sections, headed, numbered):
    seen: set[str] = set()
    sections = [
        (r if headed else "", [n for n in names if not (n in seen or seen.add(n))])
        for r, names in sections
    ]
    sections = [(r, names) for r, names in sections if names]
    if sum(len(names) for _, names in sections) < 2:
        return
    path = tmp_path_factory.mktemp("pdf") / "letter.pdf"
    _assert_exact(pdf_letter(path, sections, numbered))


@settings(max_examples=6, deadline=None)
@given(st.integers(40, 90), st.sampled_from([1, 5, 11, 13]), st.booleans())
def test_a_pdf_list_over_pages_under_running_lines(tmp_path_factory, count, step, numbered):
    path = tmp_path_factory.mktemp("pdf") / "letter.pdf"
    _assert_exact(paged_pdf_letter(path, composed_names(count, step), numbered))


@pytest.mark.parametrize("text", NEGATIVES)
def test_addressees_boards_and_prose_mentions_sign_nothing(text):
    assert _read(Letter(text, "txt", (), ())) == ([], [])


TEXT = st.text(st.sampled_from("Ab c,.;:\n-•1()&、和 "), max_size=300)


@settings(max_examples=150, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=6))
def test_every_name_reported_is_written_in_the_document(paragraphs):
    written = " ".join(" ".join(paragraphs).split())
    for signatory in read_signatures(paragraphs).signatories:
        assert " ".join(signatory.as_written.split()) in written
        assert re.search(r"\w", signatory.as_written)
