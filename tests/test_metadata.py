from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from uyghur_docs.corpus import metadata
from uyghur_docs.corpus.folder import load_corpus, parse_document
from uyghur_docs.errors import CorpusError
from uyghur_docs.models import KINDS
from uyghur_docs.text.dates import find_date, parse_date
from uyghur_docs.text.normalise import clean, split_paragraphs

EXPECTED = {
    "2020-03-12-ishr-hrw-news-release": (
        "UN | Rights body needs to step up on Xinjiang abuses",
        "2020-03-12",
        "news-release",
    ),
    "2022-03-08-open-letter-high-commissioner": (
        "Open letter to UN High Commissioner for Human Rights: OHCHR report on grave human"
        " rights violations in Xinjiang can wait no longer",
        "2022-03-08",
        "joint-letter",
    ),
    "2022-08-31-campaign-for-uyghurs-press-release": (
        "UN Confirms Conclusive Evidence of Atrocities Against Uyghurs",
        "2022-08-31",
        "press-release",
    ),
    "2022-09-hrc51-joint-letter": (
        "OHCHR assessment of human rights concerns in the Uyghur region must spur action at"
        " the Council's 51st Session",
        "2022-09",
        "joint-letter",
    ),
    "2024-08-28-omct-second-anniversary-statement": (
        "China: Joint statement on the 2nd Anniversary of the Publication of UN OHCHR"
        " Assessment on Atrocity Crimes in the Uyghur Region",
        "2024-08-28",
        "joint-statement",
    ),
}


def test_seed_metadata_is_extracted_from_the_text(corpus):
    found = {d.id: (d.title, d.date, d.kind) for d in load_corpus(corpus)}
    assert found == EXPECTED


def test_seed_metadata_needs_no_overrides(corpus):
    assert not (corpus / metadata.OVERRIDES_FILE).exists()
    renamed = corpus / "statement.txt"
    (corpus / "2022-03-08-open-letter-high-commissioner.txt").rename(renamed)
    doc = parse_document(renamed, renamed.read_bytes())
    assert (doc.date, doc.kind) == ("2022-03-08", "joint-letter")


def test_override_file_corrects_a_document(corpus):
    (corpus / "overrides.toml").write_text(
        '["2022-09-hrc51-joint-letter"]\ndate = "2022-09-12"\nkind = "joint-statement"\n'
    )
    doc = {d.id: d for d in load_corpus(corpus)}["2022-09-hrc51-joint-letter"]
    assert (doc.date, doc.kind, doc.title) == ("2022-09-12", "joint-statement", EXPECTED[doc.id][0])


@pytest.mark.parametrize(
    "text",
    ['["x"]\nkind = "memo"\n', '["x"]\ndate = "someday"\n', '["x"]\nauthor = "me"\n', "[x\n"],
)
def test_bad_override_file_is_a_clear_error(corpus, text):
    (corpus / "overrides.toml").write_text(text)
    with pytest.raises(metadata.OverrideError, match=r"overrides\.toml"):
        load_corpus(corpus)


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("12.03.2020", "2020-03-12"),
        ("28.08.24, OMCT", "2024-08-28"),
        ("8 March, 2022", "2022-03-08"),
        ("August 31 2022, 8:15 PM ET", "2022-08-31"),
        ("Geneva, 1st September 2022", "2022-09-01"),
        ("Sept. 9, 2022", "2022-09-09"),
        ("2022-10-06", "2022-10-06"),
        ("10/06/2022", "2022-06-10"),
        ("25/12/2022", "2022-12-25"),
        ("09/15/2022", "2022-09-15"),
    ],
)
def test_written_dates(written, iso):
    found = find_date(written)
    assert (found[0] if found else None) == iso


def test_dateline_beats_dates_in_the_body():
    paragraphs = ["A title", "Geneva, 3 October 2022", "On 31 August 2022 the Office published."]
    assert metadata.extract_date(paragraphs, "x") == "2022-10-03"


def test_no_date_anywhere_is_none():
    assert metadata.extract_date(["Title", "Body text with no date."], "untitled") is None


@pytest.mark.parametrize(
    ("paragraphs", "kind"),
    [
        (["Title", "Press Release", "Body."], "press-release"),
        (["NEWS RELEASE: Act now", "Body."], "news-release"),
        (["Title", "Body.", "Groups said today that..."], "news-release"),
        (["Title", "We, the undersigned organisations, call..."], "joint-statement"),
        (["Title", "Dear Ambassador,", "Body.", "Yours faithfully,", "Org"], "joint-letter"),
        (["Annual report 2023", "Chapter one."], "other"),
        (["Open letter to the Council", "Dear members,", "Body.", "Jane Roe"], "open-letter"),
        (["公开信：请释放他们", "各位部长：", "正文。"], "open-letter"),
        # Signed by the undersigned together, an open letter is a joint letter.
        (["Open letter to the Council", "We, the undersigned, call..."], "joint-letter"),
        # A sentence telling of an open letter is a story about one, not the letter.
        (["Groups act", "Seventeen groups sent an open letter on Friday urging the ministers"
          " to reject the law."], "other"),
        (["Oral statement: Item 4", "Body."], "oral-statement"),
        (["Joint statement delivered by Ambassador A on behalf of a group", "Body."],
         "oral-statement"),
        (["Item 4", "“Thank you, Mr President,\nBody.", "Thank you."], "oral-statement"),
        (["UN says rights were violated", "NEW YORK (AP) — The office said on Wednesday."],
         "news-article"),
        (["UN says rights were violated", "GENEVA — The office said on Wednesday."],
         "news-article"),
        (["Rights were violated", "By Jane Doe", "The office said."], "news-article"),
        (["Rights were violated", "Published by Example Institute", "Body."], "other"),
        (["Title", "GENEVA, 31 August 2022 — The office said."], "other"),
    ],
)  # fmt: skip
def test_kind_cues(paragraphs, kind):
    assert metadata.extract_kind(paragraphs) == kind


BODY = "We, the undersigned organisations, write to urge the Council to act on the report now."
WIRE = "GENEVA - The office accused the government of serious violations in a long report."


@pytest.mark.parametrize(
    ("paragraphs", "title"),
    [
        # A quotation, however short its lines, and what follows a body sentence.
        (["“These patterns are, in the end, discriminatory\ncomponent, as the acts", BODY],
         "stem"),
        (["Date: 2022-09-04", "A minister has expressed her concerns about the report today.",
          "China has denied it."], "stem"),
        ([WIRE, "China has denied it.", BODY], "stem"),
        # By-lines and dates.
        (["Posted by Jane Doe", "Written by: A. Writer", "12 May 2023", "Groups urge action"],
         "Groups urge action"),
        (["Author: Li Wei", "Rights groups urge action", BODY], "Rights groups urge action"),
        # A title cut where the text wrapped it, and characters that print as nothing.
        (["1 May 2024\nStatement on the second anniversary of the\nreport’s publication\n"
          "Item 4\nSession 57\nMr. President,\n" + BODY],
         "Statement on the second anniversary of the report’s publication"),
        (["\ufeffAct now\u200b on the re\u00adport\ufeff", BODY], "Act now on the report"),
        # A note above the headline, and a wire story's opening above no headline.
        (["Editor’s note: the letter below was sent on 4 April; we republish it here with"
          " thanks to its authors and translators.", "Bring them home", BODY],
         "Bring them home"),
    ],
)  # fmt: skip
def test_title_is_never_a_quotation_byline_or_body_sentence(paragraphs, title):
    assert metadata.extract(paragraphs, "stem").title == title


def test_title_skips_address_and_boilerplate():
    paragraphs = ["Dear Madam High Commissioner,", "Press Release", "Release the report now"]
    assert metadata.extract_title(paragraphs) == "Release the report now"


def test_user_dates_parse_or_give_none():
    assert [parse_date(s) for s in ["2022-09", "2022-9", "31 Aug 2022", "2022-13"]] == [
        "2022-09",
        None,
        "2022-08-31",
        None,
    ]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_gives_metadata(text):
    found = metadata.extract([clean(p) for p in split_paragraphs(text)], "any-thing")
    assert found.title and found.kind in KINDS
    assert found.date is None or parse_date(found.date) == found.date


@pytest.mark.parametrize("data", [b"abc\x00def", b"caf\xe9 au lait"])
def test_binary_or_non_utf8_file_is_refused_by_name(data):
    with pytest.raises(CorpusError, match=r"^odd\.txt is"):
        parse_document(Path("odd.txt"), data)
