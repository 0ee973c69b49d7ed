"""Titles and dates read from a statement's header, in the forms statements write them."""

import datetime as dt

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from uyghur_docs.corpus import metadata
from uyghur_docs.text.dates import find_date

from .test_cli import _modules_after

BODY = "The undersigned organisations call on the Council to act on the assessment."


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Geneva, 11 September 2023 – The Council opened its session.", "2023-09-11"),
        ("(Geneva, 13 September 2023) – The Council opened its session.", "2023-09-13"),
        ("GENEVA (14 September 2023) - The Council opened its session.", "2023-09-14"),
        ("Published: 15/09/2023", "2023-09-15"),
        ("Date: 2022-09-02", "2022-09-02"),
        ("Date: 2022-09", "2022-09"),
        ("22, July 2023. The undersigned organisations express concern.", "2023-07-22"),
        ("Genève, le 1er septembre 2022", "2022-09-01"),
        ("Ginebra, 15 de septiembre de 2023", "2023-09-15"),
        ("Genf, 15. März 2023", "2023-03-15"),
        ("于 2021.3.5", "2021-03-05"),
        ("（2022年2月26日）", "2022-02-26"),
        ("发表日期：2023.5.9", "2023-05-09"),
        ("Updated Oct 4, 2022 - World & Society", "2022-10-04"),
        ("Tuesday, October 4, 2022, 9:05 AM", "2022-10-04"),
        ("01/09/2022", "2022-09-01"),
        ("2023/04/07 09:15", "2023-04-07"),
    ],
)
def test_each_dateline_form_dates_the_document(line, iso):
    assert metadata.extract_date(["A title", line, BODY], "") == iso


@pytest.mark.parametrize(
    "paragraphs",
    [
        ["A title", "The report of 31 August 2022 found violations.", BODY],
        ["A title", BODY, "© 12 May 2022 Example NGO"],
        ["A title", BODY, "1 See the assessment published on 31 August 2022 by OHCHR."],
    ],
)
def test_dates_in_the_body_copyright_and_footnotes_leave_it_undated(paragraphs):
    assert metadata.extract_date(paragraphs, "") is None


def test_the_publication_label_beats_other_dates():
    header = ["A title", "2023-05-10", "作者：某人\n发表日期：2023.5.9", BODY]
    assert metadata.extract_date(header, "") == "2023-05-09"


def test_a_dateline_beats_a_sentence_about_the_report_published_on_a_date():
    header = [
        "A title",
        "Response to the assessment published on 31 August 2022",
        "Geneva, 1 September 2022",
    ]
    assert metadata.extract_date([*header, BODY], "") == "2022-09-01"


def test_of_two_labelled_record_dates_the_later_one_dates_it():
    header = ["A title", "(asked on 3rd May 2023)", "Answered on 24th May 2023", BODY]
    assert metadata.extract_date(header, "") == "2023-05-24"


def test_a_closing_dateline_dates_a_letter():
    letter = ["A title", "Dear High Commissioner,", *[BODY] * 8, "Geneva\n04.09.2022"]
    assert metadata.extract_date(letter, "") == "2022-09-04"


@pytest.mark.parametrize(
    ("paragraphs", "title"),
    [
        (["Backgrounder", "Why the assessment matters"], "Why the assessment matters"),
        (["NEWS", "Geneva, 3 October 2022", "Rights groups urge action"],
         "Rights groups urge action"),
        (["Law & Society", "Breaking down the report", "By A. Writer"],
         "Breaking down the report"),
        (["MONTHLY DIGEST, 05 OCTOBER 2022", "MONTHLY DIGEST, 05 OCTOBER 2022", "NEWS"],
         "MONTHLY DIGEST, 05 OCTOBER 2022"),
        (["Date: 2022-09-01", "UN says China may have committed crimes", BODY],
         "UN says China may have committed crimes"),
        (["To: The High Commissioner", "Dear Madam,", "Act on the report now"],
         "Act on the report now"),
        (["Statement on the anniversary\nSenator A. Person, Minister\n" + BODY],
         "Statement on the anniversary"),
        (["https://example.org/statement", "A title after a link"], "A title after a link"),
    ],
)  # fmt: skip
def test_title_is_never_a_label_dateline_address_or_link(paragraphs, title):
    assert metadata.extract_title(paragraphs) == title


def test_a_headline_from_the_structure_beats_the_text_unless_it_is_a_label():
    paragraphs = ["A line of the text", BODY]
    assert metadata.extract(paragraphs, "x", "Front matter title").title == "Front matter title"
    assert metadata.extract(paragraphs, "x", "Press Release").title == "A line of the text"


def test_help_imports_no_markdown_or_yaml_library():
    loaded = {m.split(".")[0] for m in _modules_after("--help")}
    assert not loaded & {"markdown_it", "mdit_py_plugins", "yaml", "pdfplumber", "pdfminer"}


# Each language's way of writing a day, with its months in order.
WRITTEN = [
    ("{d} {m} {y}", "January February March April May June July August September October"),
    ("{m} {d}, {y}", "January February March April May June July August September October"),
    ("{d} {m} {y}", "janvier février mars avril mai juin juillet août septembre octobre"),
    ("{d}. {m} {y}", "Januar Februar März April Mai Juni Juli August September Oktober"),
    ("{d} de {m} de {y}", "enero febrero marzo abril mayo junio julio agosto septiembre octubre"),
    ("{d} {m} {y}", "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre"),
    ("{d} {m} {y}", "januari februari maart april mei juni juli augustus september oktober"),
]


@given(st.dates(dt.date(1990, 1, 1), dt.date(2035, 12, 31)), st.sampled_from(WRITTEN))
def test_a_day_written_in_each_language_is_read(day, written):
    form, months = written
    assume(day.month <= 10)  # the months written out above
    text = form.format(d=day.day, m=months.split()[day.month - 1], y=day.year)
    assert find_date(f"Genève, {text}.")[0] == day.isoformat()


@given(st.dates(dt.date(1990, 1, 1), dt.date(2035, 12, 31)))
def test_a_day_written_year_first_in_east_asian_forms_is_read(day):
    y, m, d = day.year, day.month, day.day
    for text in (f"{y}年{m}月{d}日", f"{y}년 {m}월 {d}일", f"{y}. {m}. {d}.", f"{y}/{m:02}/{d:02}"):
        assert find_date(f"발표 {text} 서울")[0] == day.isoformat(), text
