"""Who issued a release, read from headers composed of layouts × names × labels: each
header knows the exact issuers it must give, and the traps (a publisher, a section label,
a heading in capitals) give none."""

from hypothesis import given, settings
from hypothesis import strategies as st

from uyghur_docs.extract.issuers import extract_issuers

NAMES = [
    "World Uyghur Congress",
    "Uyghur Human Rights Project",
    "Christian Solidarity Worldwide",
    "Campaign for Uyghurs",
    "Tibet Action Institute",
    "Open Rights Network",
    "Front Line Defenders",
    "Gesellschaft für bedrohte Völker",
]
LABELS = ["For Immediate Release", "PRESS RELEASE", "Press release", "Communiqué de presse"]
FIELDS = ["Organisation", "Organization", "Organisme", "Organización", "Submitted by"]
TITLE = "UN Must Act on the Assessment"
BODY = "The report found serious human rights violations in the region."
DATE = "August 31, 2023"


def _issuers(paragraphs: list[str]) -> list[str]:
    return [issuer.name for issuer in extract_issuers(paragraphs)]


# Above a label, a name is read only when shaped like an organisation's (title case, and a
# head noun or an acronym): a title stands there as often.
SHAPED = NAMES[:2] + NAMES[3:-1]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(SHAPED), st.sampled_from(LABELS))
def test_the_name_above_a_release_label(name, label):
    assert _issuers([TITLE, f"{name}\n{label}\n{DATE}", BODY]) == [name]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(NAMES), st.sampled_from(FIELDS))
def test_a_header_field_that_names_who_speaks(name, field):
    header = f"Item 4: General Debate\n{field}: {name}\nSpeaker: Jane Roe"
    assert _issuers([header, BODY]) == [name]


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(SHAPED), st.sampled_from(["Press Release", "Media release", "PRESS RELEASE"])
)
def test_a_title_whose_subject_follows_a_label(name, label):
    assert _issuers([f"{label}: {name} Calls on the Council to Act", BODY]) == [name]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(NAMES))
def test_a_publisher_a_section_and_a_heading_issue_nothing(name):
    assert _issuers([TITLE, f"Published by {name}", BODY]) == []
    assert _issuers([f"Updated {DATE} - Politics & Policy", TITLE, BODY]) == []
    assert _issuers(["WEEKLY BRIEF, 02 SEPTEMBER 2022", "NEWS", TITLE, BODY]) == []
    assert _issuers([TITLE, "UN Geneva 2023", "For immediate release", BODY]) == []
